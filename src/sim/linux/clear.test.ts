import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { afterClearScreen, CLEAR_SCREEN } from './clear';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

describe('clear', () => {
  it('writes xterm’s clear-screen sequence, on the host and in a container’s shell', () => {
    expect(last(['clear'])).toMatchObject({ stdout: '\x1b[H\x1b[2J\x1b[3J', exitCode: 0 });
    expect(last(['docker run -it busybox sh', 'clear']).stdout).toBe(CLEAR_SCREEN);
    expect(last(['docker run -dit --name web nginx', 'docker exec -t web clear']).stdout).toBe(
      CLEAR_SCREEN,
    );
  });

  it('needs $TERM, which docker exec sets only with -t (busybox’s applet does not ask)', () => {
    expect(last(['docker run -dit --name web nginx', 'docker exec web clear'])).toMatchObject({
      stdout: '',
      stderr: 'TERM environment variable not set.\n',
      exitCode: 1,
    });
    expect(last(['docker run --rm busybox clear']).stdout).toBe(CLEAR_SCREEN);
  });
});

describe('afterClearScreen', () => {
  it('keeps what was written after the last clear, or says nothing was cleared', () => {
    expect(afterClearScreen({ stdout: `a\n${CLEAR_SCREEN}b\n`, stderr: 'e\n' })).toEqual({
      stdout: 'b\n',
      stderr: 'e\n',
    });
    expect(afterClearScreen({ stdout: 'a\n', stderr: '' })).toBeUndefined();
    expect(afterClearScreen(last(['echo a; clear; echo b; clear']))).toEqual({
      stdout: '',
      stderr: '',
    });
  });
});
