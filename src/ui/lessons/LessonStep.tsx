/** A lesson step: what to do, the command to run, what to look at, the question and the checks. */
import { useTranslation } from 'react-i18next';
import type { Step } from '../../lessons';
import { commandLines, type CheckResult } from '../../lessons/checker';
import { labStore } from '../../store';
import { LessonChecks } from './LessonChecks';
import { LessonQuestion } from './LessonQuestion';
import { primaryButton } from './styles';

interface Props {
  step: Step;
  index: number;
  results: readonly CheckResult[];
  answer?: string;
  revealed: boolean;
}

export function LessonStep({ step, index, results, answer, revealed }: Props) {
  const { t } = useTranslation('lessons');
  const { command } = step;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs leading-relaxed">{t(step.textKey)}</p>
      {command && (
        <div className="flex flex-col gap-1 rounded-md bg-zinc-950 p-2">
          <code className="font-mono text-[11px] wrap-break-word whitespace-pre-wrap text-zinc-100">
            {command}
          </code>
          <button
            type="button"
            onClick={() => {
              for (const line of commandLines(command)) labStore.getState().run(line);
            }}
            className={`${primaryButton} self-end`}
          >
            {t('ui.runThis')}
          </button>
        </div>
      )}
      {step.lookKey && (
        <p className="rounded-md border-l-2 border-amber-400 bg-amber-50 px-2 py-1 text-xs dark:bg-amber-950/40">
          <span className="font-medium">{t('ui.look')} </span>
          {t(step.lookKey)}
        </p>
      )}
      {step.question && (
        <LessonQuestion
          question={step.question}
          index={index}
          answer={answer}
          revealed={revealed}
        />
      )}
      {results.length > 0 && <LessonChecks results={results} />}
    </div>
  );
}
