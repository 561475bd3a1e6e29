/**
 * The lessons area (left column): the list of lessons, or the lesson being followed. A page opened
 * on `#lesson=<id>` starts that lesson; a reload resumes the saved one.
 */
import { useEffect } from 'react';
import { lessonById } from '../../lessons';
import { LessonList } from './LessonList';
import { LessonView } from './LessonView';
import { openLessonHash, useLesson } from './lesson-store';

export function LessonPanel() {
  const progress = useLesson((s) => s.progress);
  const lesson = progress && lessonById(progress.id);

  useEffect(() => {
    // Idempotent: harmless if main.tsx also calls it before the first render.
    openLessonHash(location.hash);
    const onHashChange = () => openLessonHash(location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  return (
    <section
      aria-label="Lessons"
      className="rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      {lesson && progress ? <LessonView lesson={lesson} progress={progress} /> : <LessonList />}
    </section>
  );
}
