import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { clearTranscript, createLabData, runCommand, type LabData } from './lab';
import * as engine from './lab-engine';
import { selectHistory, selectPrompt } from './selectors';

const HOST_PROMPT = '[root@docker-host ~]# ';
const runAll = (lines: readonly string[], from: LabData = createLabData()) =>
  lines.reduce(runCommand, from);

describe('runCommand', () => {
  it('logs the line, advances the world and shows the output after the prompt', () => {
    const start = createLabData();
    const s = runCommand(start, 'docker --version');
    expect(s.log).toEqual(['docker --version']);
    expect(s.world).not.toBe(start.world);
    expect(s.transcript).toEqual([
      {
        prompt: HOST_PROMPT,
        command: 'docker --version',
        stdout: 'Docker version 27.5.1, build 9f9e405\n',
        stderr: '',
        exitCode: 0,
      },
    ]);
  });

  it('never mutates the state it is given', () => {
    const start = createLabData();
    const snapshot = { ...start, log: [...start.log], transcript: [...start.transcript] };
    runCommand(start, 'docker run -d --name web nginx');
    expect(start).toEqual(snapshot);
  });

  it('keeps failing commands: they are part of the scenario, with their stderr', () => {
    const s = runCommand(createLabData(), 'no-such-program');
    expect(s.log).toEqual(['no-such-program']);
    const [entry] = s.transcript;
    expect(entry?.exitCode).not.toBe(0);
    expect(entry?.stderr).toContain('no-such-program');
  });

  it('is the command log: the world equals a fresh replay of the log', () => {
    const lines = ['docker run -d --name web nginx', '', 'docker run -d --name db busybox'];
    const s = runAll(lines);
    expect(s.log).toEqual(['docker run -d --name web nginx', 'docker run -d --name db busybox']);
    expect(s.world).toEqual(replay(s.log, s.seed).world);
  });

  it('echoes a blank or whitespace-only line with the prompt but does not log it', () => {
    const start = createLabData();
    const s = runAll(['', '   '], start);
    expect(s.log).toEqual([]);
    expect(s.world).toBe(start.world);
    expect(s.transcript.map((e) => [e.prompt, e.command, e.stdout, e.stderr])).toEqual([
      [HOST_PROMPT, '', '', ''],
      [HOST_PROMPT, '   ', '', ''],
    ]);
  });

  it('records the prompt each line was typed at, inside and outside a container shell', () => {
    const s = runAll(['docker run -it busybox sh', 'hostname', 'exit', 'true']);
    expect(s.transcript.map((e) => e.prompt)).toEqual([HOST_PROMPT, '/ # ', '/ # ', HOST_PROMPT]);
  });

  it('uses the seed it was created with', () => {
    const a = runCommand(createLabData(1), 'docker run -d busybox');
    const b = runCommand(createLabData(2), 'docker run -d busybox');
    expect(a.seed).toBe(1);
    expect(a.transcript[0]?.stdout).not.toBe(b.transcript[0]?.stdout);
    expect(a).toEqual(runCommand(createLabData(1), 'docker run -d busybox'));
  });
});

describe('clearTranscript', () => {
  it('empties the visible transcript and keeps the world and the log', () => {
    const before = runAll(['docker run -d --name web nginx', 'hostname']);
    const s = clearTranscript(before);
    expect(s.transcript).toEqual([]);
    expect(s.log).toBe(before.log);
    expect(s.world).toBe(before.world);
  });

  it('returns the same state when there is nothing to clear', () => {
    const s = createLabData();
    expect(clearTranscript(s)).toBe(s);
  });

  it('lets the session continue where it was', () => {
    const s = runCommand(clearTranscript(runAll(['docker run -it busybox sh'])), 'exit');
    expect(s.transcript.map((e) => [e.prompt, e.command])).toEqual([['/ # ', 'exit']]);
    expect(selectPrompt({ ...s, engine })).toBe(HOST_PROMPT);
  });
});

describe('selectors', () => {
  it('selectPrompt follows the shell the last line left; none while the engine loads', () => {
    const inShell = runAll(['docker run -it busybox sh']);
    const ready = (s: LabData) => ({ ...s, engine });
    expect(selectPrompt(ready(createLabData()))).toBe(HOST_PROMPT);
    expect(selectPrompt(ready(inShell))).toBe('/ # ');
    expect(selectPrompt(ready(runCommand(inShell, 'exit')))).toBe(HOST_PROMPT);
    expect(selectPrompt({ log: [], cursor: 0, transcript: [] })).toBe('');
  });

  it('selectHistory lists logged lines, oldest first, without immediate repeats', () => {
    const s = runAll(['hostname', 'hostname', '', 'true', 'hostname']);
    expect(selectHistory(s)).toEqual(['hostname', 'true', 'hostname']);
  });
});
