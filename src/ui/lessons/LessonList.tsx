/** The start page of the lessons: one button per lesson. */
import { useTranslation } from 'react-i18next';
import { LESSONS } from '../../lessons';
import { lessonStore } from './lesson-store';

export function LessonList() {
  const { t } = useTranslation('lessons');
  return (
    <>
      <h2 className="text-sm font-semibold">{t('ui.heading')}</h2>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('ui.intro')}</p>
      <ol className="mt-2 flex list-decimal flex-col gap-1 pl-6 text-xs marker:font-mono marker:text-slate-500">
        {LESSONS.map((lesson) => {
          const title = t(lesson.titleKey);
          return (
            <li key={lesson.id}>
              <button
                type="button"
                aria-label={t('ui.start', { title })}
                onClick={() => lessonStore.getState().start(lesson.id)}
                className="flex w-full items-baseline gap-2 rounded-md px-2 py-1 text-left text-xs hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-800"
              >
                {title}
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}
