import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { newLab, redo, seek, undo } from './history';
import { createLabData, runCommand, type LabData } from './lab';
import { canRedo, canUndo, selectAppliedLog, selectHistory } from './selectors';

const LINES = [
  'docker network create app',
  'docker run -d --name web --network app nginx',
  'docker run -it --name box busybox sh',
  'ping -c 1 web',
  'exit',
  'docker nope',
];
const runAll = (lines: readonly string[], from: LabData = createLabData()) =>
  lines.reduce(runCommand, from);

/** What the lab must be at every cursor: the applied lines replayed from scratch. */
function expectReplayed(s: LabData) {
  // The history cache is stored, not derived: it must stay aligned with the log it caches.
  expect(s.worlds).toHaveLength(s.log.length + 1);
  expect(s.entries).toHaveLength(s.log.length);
  expect(s.world).toBe(s.worlds[s.cursor]);
  const applied = selectAppliedLog(s);
  const fresh = runAll(applied, createLabData(s.seed));
  expect(s.world).toEqual(replay(applied, s.seed).world);
  expect(s.transcript).toEqual(fresh.transcript);
}

describe('undo and redo', () => {
  it('undo goes back one line at a time, to the empty lab', () => {
    let s = runAll(LINES);
    for (let n = LINES.length - 1; n >= 0; n--) {
      s = undo(s);
      expect(s.cursor).toBe(n);
      expect(s.log).toEqual(LINES);
      expectReplayed(s);
    }
    expect(canUndo(s)).toBe(false);
    expect(undo(s)).toBe(s);
  });

  it('redo walks forward again to where the lab was', () => {
    const end = runAll(LINES);
    let s = seek(end, 0);
    while (canRedo(s)) s = redo(s);
    expect(s.cursor).toBe(LINES.length);
    expect(s.world).toBe(end.world);
    expect(s.transcript).toEqual(end.transcript);
    expect(redo(s)).toBe(s);
  });

  it('a new line after an undo drops the redo tail', () => {
    const s = runCommand(undo(undo(runAll(LINES))), 'docker ps');
    expect(s.log).toEqual([...LINES.slice(0, 4), 'docker ps']);
    expect(s.cursor).toBe(5);
    expect(canRedo(s)).toBe(false);
    expectReplayed(s);
  });

  it('undoing into a container shell puts the prompt back inside it', () => {
    const s = undo(undo(runAll(LINES)));
    expect(s.transcript.at(-1)?.command).toBe('ping -c 1 web');
    expect(selectHistory(s)).toEqual(LINES.slice(0, 4));
  });

  it('any walk of the cursor equals a replay of the applied lines', () => {
    const end = runAll(LINES);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2, max: LINES.length + 2 }), { maxLength: 6 }),
        (moves) => {
          let s = end;
          for (const m of moves) s = seek(s, m);
          expect(s.cursor).toBe(Math.max(0, Math.min(LINES.length, moves.at(-1) ?? LINES.length)));
          expectReplayed(s);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('New lab', () => {
  it('starts empty with the same seed and keeps the old lab one undo away', () => {
    const before = runAll(LINES, createLabData(4));
    const s = newLab(before);
    expect(s.log).toEqual([]);
    expect(s.transcript).toEqual([]);
    expect(s.seed).toBe(4);
    expect(s.world).toEqual(createLabData(4).world);
    expect(canUndo(s)).toBe(true);
    const back = undo(s);
    expect(back.log).toEqual(LINES);
    expect(back.world).toBe(before.world);
    expect(back.transcript).toEqual(before.transcript);
  });

  it('does not stack empty labs', () => {
    const before = runAll(['docker ps']);
    const twice = newLab(newLab(before));
    expect(undo(twice).log).toEqual(['docker ps']);
  });

  it('undo walks back through the new lab’s lines first, then to the old lab', () => {
    const s = runAll(['docker network create b'], newLab(runAll(['docker network create a'])));
    expect(undo(s).log).toEqual(['docker network create b']);
    expect(undo(undo(s)).log).toEqual(['docker network create a']);
  });
});
