/**
 * One lesson in progress: title, goal, the current step (or the summary at the end) and the
 * navigation. The step's checks are re-run against the lab's world whenever it changes.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../lessons';
import { allPassed, checkStep } from '../../lessons/checker';
import { useReadyLab } from '../../store';
import { LessonStep } from './LessonStep';
import { lessonStore, type LessonProgress } from './lesson-store';
import { primaryButton, secondaryButton } from './styles';

export function LessonView({ lesson, progress }: { lesson: Lesson; progress: LessonProgress }) {
  const { t } = useTranslation('lessons');
  const world = useReadyLab((s) => s.world);
  const step = lesson.steps[progress.step];
  const results = useMemo(() => (step ? checkStep(world, step) : []), [world, step]);
  const revealed = progress.revealed.includes(progress.step);
  const canGoOn = allPassed(results) && (!step?.question || revealed);
  const { goTo, leave } = lessonStore.getState();

  const leaveLesson = () => {
    leave();
    // A reload should not restart the lesson just left.
    if (location.hash.startsWith('#lesson='))
      history.replaceState(null, '', location.pathname + location.search);
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-sm font-semibold">{t(lesson.titleKey)}</h2>
        <button type="button" onClick={leaveLesson} className={`${secondaryButton} shrink-0`}>
          {t('ui.leave')}
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium">{t('ui.goal')} </span>
        {t(lesson.goalKey)}
      </p>
      {step ? (
        <>
          <p className="text-xs font-medium text-sky-700 dark:text-sky-400">
            {t('ui.stepOf', { current: progress.step + 1, total: lesson.steps.length })}
          </p>
          <LessonStep
            step={step}
            index={progress.step}
            results={results}
            answer={progress.answers[progress.step]}
            revealed={revealed}
          />
        </>
      ) : (
        <div role="status" className="rounded-md bg-emerald-50 p-2 dark:bg-emerald-950">
          <h3 className="text-xs font-semibold text-emerald-800 dark:text-emerald-300">
            {t('ui.done')} · {t('ui.summary')}
          </h3>
          <p className="mt-1 text-xs">{t(lesson.summaryKey)}</p>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={progress.step === 0}
          onClick={() => goTo(progress.step - 1)}
          className={secondaryButton}
        >
          {t('ui.previous')}
        </button>
        {step ? (
          <button
            type="button"
            disabled={!canGoOn}
            aria-describedby={canGoOn ? undefined : 'lesson-next-blocked'}
            onClick={() => goTo(progress.step + 1)}
            className={primaryButton}
          >
            {t('ui.next')}
          </button>
        ) : (
          <button type="button" onClick={leaveLesson} className={primaryButton}>
            {t('ui.backToList')}
          </button>
        )}
      </div>
      {step && !canGoOn && (
        <p id="lesson-next-blocked" className="text-[11px] text-slate-500 dark:text-slate-400">
          {t('ui.nextBlocked')}
        </p>
      )}
    </div>
  );
}
