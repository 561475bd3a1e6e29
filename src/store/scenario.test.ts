import { describe, expect, it } from 'vitest';
import { encodeScenario } from '../share';
import { replay } from '../sim';
import { createLabData } from './lab';
import { createLabStore } from './lab-store';
import { loadScenario, openShareHash } from './scenario';
import { selectShareHash } from './selectors';

const LINES = [
  'docker network create app',
  'docker run -d --name web --network app nginx',
  'docker nope',
];

describe('opening a shared scenario', () => {
  it('replays every line through the terminal path, failures included', () => {
    const lab = loadScenario(createLabData(), LINES);
    expect(lab.transcript.map((e) => e.command)).toEqual(LINES);
    expect(lab.transcript[2]?.exitCode).not.toBe(0);
    expect(lab.log).toEqual(LINES);
    expect(lab.world).toEqual(replay(LINES).world);
  });

  it('starts over instead of appending to what was there', () => {
    const store = createLabStore();
    store.getState().run('docker run -d busybox');
    store.getState().load(['docker ps']);
    expect(store.getState().log).toEqual(['docker ps']);
  });

  it('round-trips a lab through its share hash', () => {
    const store = createLabStore();
    for (const line of LINES) store.getState().run(line);
    const other = createLabStore();
    other.getState().openHash(selectShareHash(store.getState()));
    expect(other.getState().log).toEqual(store.getState().log);
    expect(other.getState().transcript).toEqual(store.getState().transcript);
    expect(other.getState().notice).toBeUndefined();
  });

  it('ignores a hash that is not a share link', () => {
    const lab = createLabData();
    expect(openShareHash(lab, '')).toBe(lab);
    expect(openShareHash(lab, '#top')).toBe(lab);
  });

  it('opens a broken link as an empty lab with a notice saying why', () => {
    const store = createLabStore();
    store.getState().run('docker ps');
    store.getState().openHash('#s=v1.garbage');
    const s = store.getState();
    expect(s.log).toEqual([]);
    expect(s.transcript).toEqual([]);
    expect(s.notice).toMatch(/^The share link could not be opened: /);
    s.dismissNotice();
    expect(store.getState().notice).toBeUndefined();
    store.getState().run('docker ps');
    expect(store.getState().log).toEqual(['docker ps']);
  });

  it('opens a link of another format version with a notice', () => {
    const fragment = encodeScenario({ log: ['docker ps'] }).replace(/^v1\./, 'v2.');
    expect(openShareHash(createLabData(), `#s=${fragment}`).notice).toMatch(/format v2/);
  });
});
