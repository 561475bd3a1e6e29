/**
 * Where the learner is in a lesson: which lesson, which step, the answers given and the questions
 * revealed. Saved in localStorage under `dnl.lesson.v1`, so a reload resumes the lesson (the lab's
 * own autosave brings the world back). Leaving a lesson forgets it and keeps the lab as a free
 * sandbox.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { lessonById } from '../../lessons';
import { labStore, type LabStore } from '../../store';

export const LESSON_STORAGE_KEY = 'dnl.lesson.v1';

export interface LessonProgress {
  readonly id: string;
  /** Index of the step shown; `steps.length` means the summary. */
  readonly step: number;
  /** Chosen answer key, by step index. */
  readonly answers: Readonly<Record<number, string>>;
  /** Step indexes whose question was revealed. */
  readonly revealed: readonly number[];
}

export interface LessonState {
  readonly progress?: LessonProgress;
  /** Starts a lesson in a new lab (the lab's undo brings the previous one back). */
  start: (id: string) => void;
  goTo: (step: number) => void;
  answer: (step: number, key: string) => void;
  /** Runs the question's reveal command in the lab and shows the explanation. */
  reveal: (step: number) => void;
  /** Back to the free sandbox: the lab stays as it is. */
  leave: () => void;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Reads saved progress, refusing anything a tampered or outdated entry could hold. */
export function parseProgress(text: string | null): LessonProgress | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const p = raw as Record<string, unknown>;
  const lesson = typeof p.id === 'string' ? lessonById(p.id) : undefined;
  if (!lesson || !Number.isInteger(p.step)) return undefined;
  const step = p.step as number;
  if (step < 0 || step > lesson.steps.length) return undefined;
  const answers: Record<number, string> = {};
  if (typeof p.answers === 'object' && p.answers !== null)
    for (const [k, v] of Object.entries(p.answers))
      if (typeof v === 'string' && Number.isInteger(Number(k))) answers[Number(k)] = v;
  const revealed = Array.isArray(p.revealed) ? p.revealed.filter(Number.isInteger) : [];
  return { id: lesson.id, step, answers, revealed: revealed as number[] };
}

function safe<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    // Storage may be unavailable (private window, quota): the lesson still works for this visit.
    return undefined;
  }
}

export function createLessonStore(lab: LabStore, storage?: KeyValueStorage) {
  const store = createStore<LessonState>()((set, get) => ({
    progress: parseProgress(safe(() => storage?.getItem(LESSON_STORAGE_KEY)) ?? null),
    start: (id) => {
      if (!lessonById(id)) return;
      lab.getState().reset();
      set({ progress: { id, step: 0, answers: {}, revealed: [] } });
    },
    goTo: (step) =>
      set(({ progress }) => {
        const lesson = progress && lessonById(progress.id);
        if (!progress || !lesson) return {};
        return {
          progress: { ...progress, step: Math.max(0, Math.min(step, lesson.steps.length)) },
        };
      }),
    answer: (step, key) =>
      set(({ progress }) =>
        progress && !progress.revealed.includes(step)
          ? { progress: { ...progress, answers: { ...progress.answers, [step]: key } } }
          : {},
      ),
    reveal: (step) => {
      const { progress } = get();
      const question = progress && lessonById(progress.id)?.steps[step]?.question;
      if (!progress || !question || progress.answers[step] === undefined) return;
      lab.getState().run(question.reveal);
      set(({ progress: p }) =>
        p && !p.revealed.includes(step)
          ? { progress: { ...p, revealed: [...p.revealed, step] } }
          : {},
      );
    },
    leave: () => set({ progress: undefined }),
  }));

  store.subscribe(({ progress }) => {
    safe(() =>
      progress
        ? storage?.setItem(LESSON_STORAGE_KEY, JSON.stringify(progress))
        : storage?.removeItem(LESSON_STORAGE_KEY),
    );
  });
  return store;
}

export type LessonStore = ReturnType<typeof createLessonStore>;

export const lessonStore: LessonStore = createLessonStore(
  labStore,
  safe(() => globalThis.localStorage),
);

export function useLesson<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}

const LESSON_HASH = /^#lesson=([a-z0-9-]+)$/;

/**
 * Opens the lesson a page was loaded for: `#lesson=<id>` starts it, unless it is the lesson
 * already saved, which simply resumes (so a reload, or a second call, keeps the progress).
 * Returns whether the hash named a lesson; any other hash (a share link) is left to the lab.
 */
export function openLessonHash(hash: string, store: LessonStore = lessonStore): boolean {
  const { progress, start } = store.getState();
  const id = LESSON_HASH.exec(hash)?.[1];
  if (id === undefined || !lessonById(id)) return false;
  if (progress?.id !== id) start(id);
  return true;
}
