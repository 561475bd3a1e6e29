/**
 * The store while an engine part a line needs is still downloading (sim/parts.ts): this file runs
 * in its own module graph, without the setup that loads the parts first.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadParts, replay, serializeWorld } from '../sim';
import { createLabStore, readyLab, type LabEngine } from './lab-store';

const COMPOSE_FILE = "printf 'services:\\n  web:\\n    image: nginx\\n' > compose.yaml";
const LOG = [COMPOSE_FILE, 'docker compose up -d', 'docker network ls'];

/** A fresh engine, none of its parts loaded yet: as the page first has it. */
async function freshEngine(): Promise<LabEngine> {
  vi.resetModules();
  return import('./lab-engine');
}

/** A fresh engine with its part downloads under the test's control. */
async function gatedEngine() {
  const engine = await freshEngine();
  const asked: string[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const gated: LabEngine = {
    ...engine,
    loadPart: async (part) => {
      asked.push(part);
      await gate;
      await engine.loadPart(part);
    },
  };
  return { gated, asked, open };
}

afterEach(() => vi.useRealTimers());

describe('a line that needs an engine part still downloading', () => {
  it('is echoed, holds back the lines after it, then they all run in order', async () => {
    const { gated, asked, open } = await gatedEngine();
    const store = createLabStore(gated);
    for (const line of LOG) store.getState().run(line);

    const waiting = store.getState();
    expect(asked).toEqual(['compose']);
    expect(waiting.log).toEqual([COMPOSE_FILE]);
    expect(waiting.transcript.map((e) => [e.command, e.stdout + e.stderr])).toEqual([
      [COMPOSE_FILE, ''],
      ['docker compose up -d', ''],
      ['docker network ls', ''],
    ]);

    open();
    await vi.waitFor(() => expect(store.getState().log).toEqual(LOG));
    const s = readyLab(store.getState());
    expect(s.transcript).toHaveLength(3);
    expect(s.transcript[1]?.stderr).toMatch(/Container root-web-1 +Started/);
    expect(s.transcript[2]?.stdout).toMatch(/ root_default +bridge /);
    // (This file's static import of the core is a second module graph: compare worlds as data.)
    await loadParts();
    expect(serializeWorld(s.world)).toBe(serializeWorld(replay(LOG, s.seed).world));
  });

  it('holds an autosaved lab that needs it, and what is typed after, until it is in', async () => {
    const { gated, open } = await gatedEngine();
    const store = createLabStore(gated);
    store.getState().restore(JSON.stringify({ version: 1, seed: 27, log: LOG, cursor: 3 }));
    store.getState().run('docker ps --format "{{.Names}}"');
    expect(store.getState().log).toEqual([]);

    open();
    await vi.waitFor(() => expect(store.getState().log).toHaveLength(4));
    const s = readyLab(store.getState());
    expect(s.log).toEqual([...LOG, 'docker ps --format "{{.Names}}"']);
    expect(s.transcript.at(-1)?.stdout).toBe('root-web-1\n');
  });

  it('says so once when the part cannot be downloaded, and runs the line when it can', async () => {
    const engine = await freshEngine();
    vi.useFakeTimers();
    let failures = 1;
    const store = createLabStore({
      ...engine,
      loadPart: (part) =>
        failures-- > 0 ? Promise.reject(new Error('offline')) : engine.loadPart(part),
    });
    store.getState().run('docker compose version');
    await vi.waitFor(() =>
      expect(store.getState().transcript.map((e) => e.stderr)).toEqual([
        '',
        "lab: the simulator's compose part could not be downloaded yet; trying again...\n",
      ]),
    );
    expect(store.getState().log).toEqual([]);

    await vi.advanceTimersByTimeAsync(3000);
    vi.useRealTimers();
    await vi.waitFor(() => expect(store.getState().log).toEqual(['docker compose version']));
    const s = readyLab(store.getState());
    expect(s.transcript.at(-1)?.stdout).toMatch(/^Docker Compose version v2\.\d+\.\d+/);
  });
});
