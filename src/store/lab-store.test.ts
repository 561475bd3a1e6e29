import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { createLabStore } from './lab-store';
import { selectPrompt } from './selectors';

describe('the lab store (vanilla, no React)', () => {
  it('starts empty at the host prompt', () => {
    const s = createLabStore().getState();
    expect(s.log).toEqual([]);
    expect(s.transcript).toEqual([]);
    expect(selectPrompt(s)).toBe('[root@docker-host ~]# ');
  });

  it('run() appends to the log and the transcript and notifies subscribers once per line', () => {
    const store = createLabStore();
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
    const store = createLabStore();
    store.getState().run('docker run -d --name web nginx');
    const { world, log } = store.getState();
    store.getState().clear();
    expect(store.getState().transcript).toEqual([]);
    expect(store.getState().world).toBe(world);
    expect(store.getState().log).toBe(log);
  });

  it('stores are independent and seeded', () => {
    const a = createLabStore(5);
    const b = createLabStore(5);
    a.getState().run('docker run -d busybox');
    expect(b.getState().log).toEqual([]);
    b.getState().run('docker run -d busybox');
    expect(a.getState().transcript).toEqual(b.getState().transcript);
    expect(a.getState().seed).toBe(5);
  });
});
