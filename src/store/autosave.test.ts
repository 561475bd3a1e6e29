import { describe, expect, it } from 'vitest';
import * as engine from './lab-engine';
import { AUTOSAVE_KEY, serializeLab, startAutosave } from './autosave';
import { createLabData, runCommand } from './lab';
import { createLabStore } from './lab-store';
import { parseSavedLab, restoreSavedLab } from './scenario';

const LINES = [
  'docker network create app',
  'docker run -d --name web --network app nginx',
  'docker ps',
];

describe('autosave', () => {
  it('writes log, cursor and seed on every change, and a reload restores the same lab', () => {
    const saved = new Map<string, string>();
    const storage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => void saved.set(k, v),
    };
    const store = createLabStore(engine, 9);
    const stop = startAutosave(store, storage);
    for (const line of LINES) store.getState().run(line);
    store.getState().undo();
    stop();
    expect(JSON.parse(saved.get(AUTOSAVE_KEY) ?? '')).toEqual({
      version: 1,
      seed: 9,
      log: LINES,
      cursor: 2,
    });

    const reloaded = createLabStore(engine);
    reloaded.getState().restore(storage.getItem(AUTOSAVE_KEY));
    const a = reloaded.getState();
    const b = store.getState();
    expect([a.seed, a.log, a.cursor, a.world, a.transcript]).toEqual([
      b.seed,
      b.log,
      b.cursor,
      b.world,
      b.transcript,
    ]);
    expect(a.transcript.map((e) => e.command)).toEqual(LINES.slice(0, 2));
    reloaded.getState().redo();
    expect(reloaded.getState().cursor).toBe(3);
  });

  it('does not write when only the screen changes', () => {
    let writes = 0;
    const store = createLabStore(engine);
    startAutosave(store, { getItem: () => null, setItem: () => void writes++ });
    store.getState().run('');
    store.getState().clear();
    expect(writes).toBe(0);
  });

  it('survives a storage that refuses writes', () => {
    const store = createLabStore(engine);
    startAutosave(store, {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    store.getState().run('docker ps');
    expect(store.getState().log).toEqual(['docker ps']);
  });

  it.each([
    ['not JSON', '{oops', 'bad-json'],
    [
      'another version',
      JSON.stringify({ version: 2, seed: 0, log: [], cursor: 0 }),
      'foreign-version',
    ],
    [
      'a cursor past the log',
      JSON.stringify({ version: 1, seed: 0, log: ['a'], cursor: 2 }),
      'bad-shape',
    ],
    [
      'a non-string line',
      JSON.stringify({ version: 1, seed: 0, log: [1], cursor: 0 }),
      'bad-shape',
    ],
    ['no seed', JSON.stringify({ version: 1, log: [], cursor: 0 }), 'bad-shape'],
    ['null', 'null', 'bad-shape'],
  ])('ignores %s with a notice and keeps the lab working', (_kind, text, code) => {
    expect(parseSavedLab(text)).toEqual({ ok: false, code });
    const s = restoreSavedLab(createLabData(), text);
    expect(s.log).toEqual([]);
    expect(s.notice).toMatchObject({ source: 'autosave', code });
    expect(runCommand(s, 'docker ps').log).toEqual(['docker ps']);
  });

  it('round-trips through its own format', () => {
    const lab = LINES.reduce(runCommand, createLabData());
    expect(parseSavedLab(serializeLab(lab))).toEqual({
      ok: true,
      save: { version: 1, seed: lab.seed, log: LINES, cursor: 3 },
    });
    expect(restoreSavedLab(lab, null)).toBe(lab);
  });
});
