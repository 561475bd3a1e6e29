import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import {
  clearTranscript,
  createLabData,
  interruptLine,
  listChoices,
  runCommand,
  type LabData,
} from './lab';
import * as engine from './lab-engine';
import { seek } from './history';
import { loadScenario, selectShareHash } from './scenario';
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

describe('lines shown but never run', () => {
  const lab = runAll(['docker run -it busybox sh']);

  it('Ctrl+C shows the line with ^C at its prompt, and neither runs nor logs it', () => {
    const s = interruptLine(lab, 'docker rm -f web');
    expect(s.transcript.at(-1)).toEqual({
      prompt: '/ # ',
      command: 'docker rm -f web^C',
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(s.log).toBe(lab.log);
    expect(s.world).toBe(lab.world);
    expect(selectShareHash(s)).toBe(selectShareHash(lab));
    expect(selectHistory(s)).toEqual(selectHistory(lab));
  });

  it('a second Tab shows the typed line and the choices under it, in columns', () => {
    const s = listChoices(lab, 'c', ['cat', 'cd', 'clear'], 80);
    expect(s.transcript.at(-1)).toMatchObject({
      prompt: '/ # ',
      command: 'c',
      stdout: 'cat    cd     clear  \n',
    });
    expect(s.log).toBe(lab.log);
  });

  it('undo drops them with the rest of the screen, as it redraws the logged lines', () => {
    const s = seek(interruptLine(runCommand(lab, 'hostname'), 'oops'), 1);
    expect(s.transcript.map((e) => e.command)).toEqual(['docker run -it busybox sh']);
  });
});

describe('clear', () => {
  it('empties the screen but stays in the log, so a replay clears it too', () => {
    const s = runAll(['docker run -d --name web nginx', 'clear']);
    expect(s.transcript).toEqual([]);
    expect(s.log).toEqual(['docker run -d --name web nginx', 'clear']);
    expect(s.entries.map((e) => e.command)).toEqual(s.log);
    expect(loadScenario(createLabData(), s.log).transcript).toEqual([]);
  });

  it('shows what the line wrote after clearing, and the lines after it', () => {
    const s = runAll(['hostname', 'echo a; clear; echo b', 'true']);
    expect(s.transcript.map((e) => [e.prompt, e.command, e.stdout])).toEqual([
      ['', '', 'b\n'],
      [HOST_PROMPT, 'true', ''],
    ]);
    expect(seek(s, 1).transcript.map((e) => e.command)).toEqual(['hostname']);
    expect(seek(seek(s, 1), 3).transcript).toEqual(s.transcript);
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
