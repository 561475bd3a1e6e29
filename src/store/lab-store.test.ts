import { describe, expect, it } from 'vitest';
import * as engine from './lab-engine';
import { replay } from '../sim';
import { createLabStore, readyLab, type LabEngine } from './lab-store';
import { selectPrompt } from './selectors';

describe('the lab store (vanilla, no React)', () => {
  it('starts empty at the host prompt', () => {
    const s = createLabStore(engine).getState();
    expect(s.log).toEqual([]);
    expect(s.transcript).toEqual([]);
    expect(selectPrompt(s)).toBe('[root@docker-host ~]# ');
  });

  it('run() appends to the log and the transcript and notifies subscribers once per line', () => {
    const store = createLabStore(engine);
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    store.getState().run('docker run -d --name web nginx');
    store.getState().run('docker run -it busybox sh');
    unsubscribe();
    const s = store.getState();
    expect(notified).toBe(2);
    expect(s.log).toEqual(['docker run -d --name web nginx', 'docker run -it busybox sh']);
    expect(s.transcript).toHaveLength(2);
    expect(s.transcript[0]?.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(selectPrompt(s)).toBe('/ # ');
    expect(s.world).toEqual(replay(s.log, s.seed).world);
  });

  it('clear() empties the transcript only', () => {
    const store = createLabStore(engine);
    store.getState().run('docker run -d --name web nginx');
    const { world, log } = store.getState();
    store.getState().clear();
    expect(store.getState().transcript).toEqual([]);
    expect(store.getState().world).toBe(world);
    expect(store.getState().log).toBe(log);
  });

  it('stores are independent and seeded', () => {
    const a = createLabStore(engine, 5);
    const b = createLabStore(engine, 5);
    a.getState().run('docker run -d busybox');
    expect(b.getState().log).toEqual([]);
    b.getState().run('docker run -d busybox');
    expect(a.getState().transcript).toEqual(b.getState().transcript);
    expect(a.getState().seed).toBe(5);
  });

  it('while its engine downloads, echoes typed lines, then runs them after what was asked first', async () => {
    let arrive: (e: LabEngine) => void = () => undefined;
    const store = createLabStore(new Promise<LabEngine>((resolve) => (arrive = resolve)));
    const saved = { version: 1, seed: 27, log: ['docker network create app'], cursor: 1 };
    store.getState().restore(JSON.stringify(saved));
    store.getState().run('docker network ls');
    const booting = store.getState();
    expect(booting.engine).toBeUndefined();
    expect(booting.transcript.map((e) => [e.prompt, e.command])).toEqual([
      ['', 'docker network ls'],
    ]);
    expect(selectPrompt(booting)).toBe('');

    arrive(engine);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const s = readyLab(store.getState());
    expect(s.log).toEqual(['docker network create app', 'docker network ls']);
    expect(s.transcript[1]?.stdout).toMatch(/ app +bridge /);
    expect(selectPrompt(s)).toBe('[root@docker-host ~]# ');
  });
});
