import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { terminalText } from '../shell/process';
import { prompt } from '../shell/prompt';
import { detachLine } from './attach-cli';

const run = (lines: readonly string[]) => replay(lines);
const shown = (lines: readonly string[]) => run(lines).transcript.map(terminalText);
const status = "docker ps -a --format '{{.Names}} {{.Status}}'";

describe('docker attach', () => {
  it('enters a -dit shell; ^P^Q detaches and leaves it running', () => {
    const { world, transcript } = run([
      'docker run -dit --name alpine1 alpine ash',
      'docker attach alpine1',
      'hostname',
      '^P^Q',
      status,
    ]);
    expect(transcript[2].stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(terminalText(transcript[3])).toBe('read escape sequence\n');
    expect(transcript[3].exitCode).toBe(0);
    expect(transcript[4].stdout).toMatch(/^alpine1 Up /);
    expect(prompt(world)).toMatch(/^\[root@/);
  });

  it('exit in the attached main shell stops the container with its code', () => {
    const out = shown([
      'docker run -dit --name alpine1 alpine ash',
      'docker container attach alpine1',
      'exit 3',
      status,
      'docker attach alpine1',
    ]);
    expect(out[3]).toMatch(/^alpine1 Exited \(3\) /);
    expect(out[4]).toBe('You cannot attach to a stopped container, start it first\n');
  });

  it('detaches from docker run -it too', () => {
    const { transcript } = run(['docker run -it --name b1 busybox', '^P^Q', status]);
    expect(terminalText(transcript[1])).toBe('read escape sequence\n');
    expect(transcript[2].stdout).toMatch(/^b1 Up /);
  });

  it('--detach-keys replaces the sequence; --no-stdin and --sig-proxy are accepted', () => {
    const out = shown([
      'docker run -dit --name a1 alpine',
      'docker attach --detach-keys=ctrl-a,x --no-stdin --sig-proxy=false a1',
      '^P^Q',
      '^Ax',
    ]);
    expect(out[2]).toBe('');
    expect(out[3]).toBe('read escape sequence\n');
    expect(detachLine('ctrl-p,ctrl-q')).toBe('^P^Q');
    expect(detachLine('ctrl-1')).toBeNull();
  });

  it('says what is wrong with a missing container, a bad call, or a non-shell process', () => {
    const { transcript } = run([
      'docker attach nosuch',
      'docker attach',
      'docker run -d --name web nginx',
      'docker attach web',
    ]);
    expect(terminalText(transcript[0])).toBe(
      'Error response from daemon: No such container: nosuch\n',
    );
    expect(transcript[0].exitCode).toBe(1);
    expect(terminalText(transcript[1])).toMatch(/^"docker attach" requires exactly 1 argument\./);
    expect(terminalText(transcript[3])).toMatch(/^lab: docker attach web /);
  });

  it('a ^P^Q line on the host is only keys: nothing runs', () => {
    const out = run(['^P^Q']).transcript[0];
    expect(out).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });
});
