import { describe, expect, it } from 'vitest';
import * as engine from './lab-engine';
import { encodeScenario } from '../share';
import { replay } from '../sim';
import { createLabData, runCommand } from './lab';
import { createLabStore } from './lab-store';
import { importScenarioFile, loadScenario, openShareHash, selectShareHash } from './scenario';

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
    const store = createLabStore(engine);
    store.getState().run('docker run -d busybox');
    store.getState().load(['docker ps']);
    expect(store.getState().log).toEqual(['docker ps']);
  });

  it('round-trips a lab through its share hash', () => {
    const store = createLabStore(engine);
    for (const line of LINES) store.getState().run(line);
    const other = createLabStore(engine);
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
    const store = createLabStore(engine);
    store.getState().run('docker ps');
    store.getState().openHash('#s=v1.garbage');
    const s = store.getState();
    expect(s.log).toEqual([]);
    expect(s.transcript).toEqual([]);
    expect(s.notice?.message).toMatch(/^The share link could not be opened: /);
    expect(s.notice?.source).toBe('share');
    s.dismissNotice();
    expect(store.getState().notice).toBeUndefined();
    store.getState().run('docker ps');
    expect(store.getState().log).toEqual(['docker ps']);
  });

  it('opens a link of another format version with a notice', () => {
    const fragment = encodeScenario({ log: ['docker ps'] }).replace(/^v1\./, 'v2.');
    const { notice } = openShareHash(createLabData(), `#s=${fragment}`);
    expect(notice?.message).toMatch(/format v2/);
    expect(notice).toMatchObject({ code: 'foreign-version', values: { version: 'v2' } });
  });

  it('opens a step link at that step, with the rest redo-able', () => {
    const store = createLabStore(engine);
    for (const line of LINES) store.getState().run(line);
    store.getState().seek(1);
    const other = createLabStore(engine);
    other.getState().openHash(selectShareHash(store.getState(), { atStep: true }));
    const s = other.getState();
    expect(s.log).toEqual(LINES);
    expect(s.cursor).toBe(1);
    expect(s.transcript.map((e) => e.command)).toEqual([LINES[0]]);
    expect(s.world).toEqual(replay(LINES.slice(0, 1)).world);
    other.getState().seek(3);
    expect(other.getState().transcript).toEqual(store.getState().entries);
  });

  it('shares only the applied lines unless asked for the step', () => {
    const store = createLabStore(engine);
    for (const line of LINES) store.getState().run(line);
    store.getState().undo();
    const other = createLabStore(engine);
    other.getState().openHash(selectShareHash(store.getState()));
    expect(other.getState().log).toEqual(LINES.slice(0, 2));
    expect(other.getState().cursor).toBe(2);
  });

  it('carries a seed other than the default', () => {
    const store = createLabStore(engine, 7);
    store.getState().run('docker run -d busybox');
    const other = createLabStore(engine);
    other.getState().openHash(selectShareHash(store.getState()));
    expect(other.getState().seed).toBe(7);
    expect(other.getState().transcript).toEqual(store.getState().transcript);
  });

  it('keeps the lab a link replaced one undo away, even when the link is broken', () => {
    const store = createLabStore(engine);
    store.getState().run('docker network create mine');
    store.getState().openHash('#s=v1.garbage');
    expect(store.getState().log).toEqual([]);
    store.getState().undo();
    expect(store.getState().log).toEqual(['docker network create mine']);
    expect(store.getState().notice).toBeUndefined();
  });
});

describe('importing a scenario file', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('replays an exported JSON file with its seed', () => {
    const json = JSON.stringify({
      format: 'docker-network-lab',
      version: 1,
      seed: 3,
      commands: LINES,
    });
    const s = importScenarioFile(createLabData(), bytes(json));
    expect(s.seed).toBe(3);
    expect(s.log).toEqual(LINES);
    expect(s.world).toEqual(replay(LINES, 3).world);
  });

  it('leaves the lab as it was, with a notice, for a bad file', () => {
    const lab = runCommand(createLabData(), 'docker ps');
    const s = importScenarioFile(lab, bytes('{"format":"something-else"}'));
    expect(s.log).toBe(lab.log);
    expect(s.notice).toMatchObject({ source: 'import', code: 'not-ours' });
    expect(s.notice?.message).toMatch(/^The file could not be imported: /);
  });
});
