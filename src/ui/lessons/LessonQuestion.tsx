/**
 * Predict, then reveal: the learner picks an answer, then Reveal runs the question's command in
 * the lab (the trace player animates its packet) and the explanation appears.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../lessons';
import { lessonStore } from './lesson-store';
import { primaryButton } from './styles';

interface Props {
  question: Question;
  index: number;
  answer?: string;
  revealed: boolean;
}

export function LessonQuestion({ question, index, answer, revealed }: Props) {
  const { t } = useTranslation('lessons');
  const promptId = useId();
  const { answer: choose, reveal } = lessonStore.getState();
  const correct = question.choices.find((c) => c.key === answer)?.correct ?? false;
  return (
    <div className="flex flex-col gap-1.5 rounded-md border border-violet-200 bg-violet-50 p-2 dark:border-violet-900 dark:bg-violet-950/40">
      <p id={promptId} className="text-xs font-medium">
        <span className="text-violet-700 dark:text-violet-300">{t('ui.question')} </span>
        {t(question.promptKey)}
      </p>
      <div role="radiogroup" aria-labelledby={promptId} className="flex flex-col gap-1">
        {question.choices.map((choice) => (
          <label key={choice.key} className="flex items-start gap-1.5 text-xs">
            <input
              type="radio"
              name={`${promptId}-choice`}
              value={choice.key}
              checked={answer === choice.key}
              disabled={revealed}
              onChange={() => choose(index, choice.key)}
              className="mt-0.5"
            />
            <span
              className={
                revealed && choice.correct
                  ? 'font-semibold text-emerald-700 dark:text-emerald-400'
                  : ''
              }
            >
              {t(choice.key)}
            </span>
          </label>
        ))}
      </div>
      {revealed ? (
        <p role="status" className="text-xs">
          <span
            className={`font-semibold ${correct ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'}`}
          >
            {t(correct ? 'ui.right' : 'ui.wrong')}{' '}
          </span>
          {t(question.explanationKey)}
        </p>
      ) : (
        <div className="flex items-center justify-between gap-2">
          <p className="text-[11px] text-slate-600 dark:text-slate-400">{t('ui.revealHint')}</p>
          <button
            type="button"
            disabled={answer === undefined}
            onClick={() => reveal(index)}
            className={`${primaryButton} shrink-0`}
          >
            {t('ui.reveal')}
          </button>
        </div>
      )}
    </div>
  );
}
