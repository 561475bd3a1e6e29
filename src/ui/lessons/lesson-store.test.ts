import { describe, expect, it } from 'vitest';
import * as engine from '../../store/lab-engine';
import { createLabStore, selectAppliedLog, type LabStore } from '../../store';
import {
  createLessonStore,
  LESSON_STORAGE_KEY,
  openLessonHash,
  parseProgress,
} from './lesson-store';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const applied = (lab: LabStore) => selectAppliedLog(lab.getState());

describe('the lesson store', () => {
  it('starts a lesson in a new lab and saves the progress', () => {
    const lab = createLabStore(engine);
    const storage = memoryStorage();
    lab.getState().run('docker network create before');
    const lessons = createLessonStore(lab, storage);
    lessons.getState().start('link');
    expect(applied(lab)).toEqual([]);
    lessons.getState().goTo(1);
    expect(parseProgress(storage.getItem(LESSON_STORAGE_KEY))).toEqual({
      id: 'link',
      step: 1,
      answers: {},
      revealed: [],
    });
  });

  it('resumes after a reload: same lesson, same step, same answers', () => {
    const storage = memoryStorage();
    const first = createLessonStore(createLabStore(engine), storage);
    first.getState().start('docker0-veth');
    first.getState().goTo(3);
    first.getState().answer(3, 'docker0-veth.q.yes');
    const second = createLessonStore(createLabStore(engine), storage);
    expect(second.getState().progress).toEqual(first.getState().progress);
  });

  it('reveals only after an answer, runs the reveal command, and locks the answer', () => {
    const lab = createLabStore(engine);
    const lessons = createLessonStore(lab, memoryStorage());
    lessons.getState().start('link');
    lessons.getState().reveal(3);
    expect(applied(lab)).toEqual([]);
    lessons.getState().answer(3, 'link.q.no');
    lessons.getState().reveal(3);
    expect(applied(lab)).toEqual(['docker exec tomcat02 ping -c 1 -W 1 tomcat03']);
    lessons.getState().answer(3, 'link.q.yes');
    expect(lessons.getState().progress).toMatchObject({
      answers: { 3: 'link.q.no' },
      revealed: [3],
    });
  });

  it('keeps the step within the lesson (the last index is the summary)', () => {
    const lessons = createLessonStore(createLabStore(engine), memoryStorage());
    lessons.getState().start('network-modes');
    lessons.getState().goTo(99);
    expect(lessons.getState().progress?.step).toBe(4);
    lessons.getState().goTo(-3);
    expect(lessons.getState().progress?.step).toBe(0);
  });

  it('leaving forgets the lesson and keeps the lab as a sandbox', () => {
    const lab = createLabStore(engine);
    const storage = memoryStorage();
    const lessons = createLessonStore(lab, storage);
    lessons.getState().start('link');
    lab.getState().run('docker run -dit --name tomcat02 busybox');
    lessons.getState().leave();
    expect(storage.data.has(LESSON_STORAGE_KEY)).toBe(false);
    expect(applied(lab)).toEqual(['docker run -dit --name tomcat02 busybox']);
    expect(lessons.getState().progress).toBeUndefined();
  });
});

describe('openLessonHash', () => {
  it('starts a lesson from #lesson=<id>, and keeps it when it is the saved one', () => {
    const lab = createLabStore(engine);
    const lessons = createLessonStore(lab, memoryStorage());
    expect(openLessonHash('#lesson=by-hand', lessons)).toBe(true);
    lab.getState().run('docker run -dit --name box busybox');
    lessons.getState().goTo(1);
    expect(openLessonHash('#lesson=by-hand', lessons)).toBe(true);
    expect(applied(lab)).toEqual(['docker run -dit --name box busybox']);
    expect(lessons.getState().progress?.step).toBe(1);
    expect(openLessonHash('#lesson=link', lessons)).toBe(true);
    expect(lessons.getState().progress).toMatchObject({ id: 'link', step: 0 });
    expect(applied(lab)).toEqual([]);
  });

  it('leaves unknown lessons, share links and plain pages alone', () => {
    const lessons = createLessonStore(createLabStore(engine), memoryStorage());
    for (const hash of ['#lesson=nope', '#lesson=constructor', '#s=abc', '', '#'])
      expect(openLessonHash(hash, lessons), hash).toBe(false);
    expect(lessons.getState().progress).toBeUndefined();
  });
});

describe('parseProgress', () => {
  it('refuses tampered or outdated entries', () => {
    const ok = { id: 'link', step: 2, answers: { 3: 'link.q.no' }, revealed: [3] };
    expect(parseProgress(JSON.stringify(ok))).toEqual(ok);
    for (const bad of [
      'not json',
      'null',
      '[]',
      JSON.stringify({ ...ok, id: 'gone' }),
      JSON.stringify({ ...ok, step: 6 }),
      JSON.stringify({ ...ok, step: 1.5 }),
    ])
      expect(parseProgress(bad), bad).toBeUndefined();
    expect(parseProgress(JSON.stringify({ ...ok, answers: 'x', revealed: ['a'] }))).toEqual({
      ...ok,
      answers: {},
      revealed: [],
    });
  });
});
