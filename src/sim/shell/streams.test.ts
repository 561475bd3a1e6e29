/**
 * Streams in terminal order: what a real terminal shows when stdout and stderr interleave, and
 * how pipes, lists and redirections carry that order.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { chunksOf, concatOutputs, terminalText, written, type Output } from './process';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;
const lines = (o: Output) => terminalText(o).split('\n');

describe('chunks', () => {
  it('default to stdout then stderr, and only trust chunks that agree with the streams', () => {
    const plain: Output = { stdout: 'out\n', stderr: 'err\n', exitCode: 0 };
    expect(terminalText(plain)).toBe('out\nerr\n');
    const ordered: Output = { exitCode: 0, ...written(['stderr', 'err\n'], ['stdout', 'out\n']) };
    expect(terminalText(ordered)).toBe('err\nout\n');
    expect(ordered.stdout).toBe('out\n');
    expect(ordered.stderr).toBe('err\n');
    // Someone edited stdout without knowing about chunks: what they wrote still shows.
    const edited: Output = { ...ordered, stdout: 'other\n' };
    expect(terminalText(edited)).toBe('other\nerr\n');
  });

  it('leave chunks out when the order is the plain one, so old results stay equal', () => {
    expect(written(['stdout', 'a'], ['stderr', 'b'])).toEqual({ stdout: 'a', stderr: 'b' });
    expect(concatOutputs({ stdout: 'a', stderr: '' }, { stdout: 'b', stderr: 'c' })).toEqual({
      stdout: 'ab',
      stderr: 'c',
    });
    expect(
      chunksOf(concatOutputs({ stdout: '', stderr: 'e' }, { stdout: 'o', stderr: '' })),
    ).toEqual([
      { stream: 'stderr', text: 'e' },
      { stream: 'stdout', text: 'o' },
    ]);
  });
});

describe('docker run on a terminal (docker-behaviour.md §13)', () => {
  it('shows the pull first and the container ID last', () => {
    const e = last(['docker run -d --name web nginx']);
    const shown = lines(e);
    expect(shown[0]).toBe("Unable to find image 'nginx:latest' locally");
    expect(shown.at(-3)).toBe('Status: Downloaded newer image for nginx:latest');
    expect(shown.at(-2)).toMatch(/^[0-9a-f]{64}$/);
    // The streams themselves are unchanged: the ID alone on stdout.
    expect(e.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(e.stderr.startsWith('Unable to find image')).toBe(true);
  });

  it('puts the daemon warning after the pull, before the ID', () => {
    const shown = lines(last(['docker run -d -p 8080:80 --net=host nginx']));
    const status = shown.findIndex((l) => l.startsWith('Status: Downloaded'));
    expect(shown[status + 1]).toBe(
      'WARNING: Published ports are discarded when using host network mode',
    );
    expect(shown[status + 2]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('docker create prints the ID after the pull too', () => {
    const shown = lines(last(['docker create --name cc busybox']));
    expect(shown[0]).toBe("Unable to find image 'busybox:latest' locally");
    expect(shown.at(-2)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a one-off command prints after the pull', () => {
    const shown = lines(last(['docker run --rm busybox echo hi']));
    expect(shown.at(-2)).toBe('hi');
    expect(shown[0]).toMatch(/^Unable to find image/);
  });
});

describe('composition keeps the order', () => {
  it('`a; b` and `a && b` show each command in turn', () => {
    const e = last(['ls /nosuch; echo after']);
    expect(terminalText(e)).toMatch(/No such file or directory\nafter\n$/);
  });

  it('2>&1 sends stderr into the pipe, in order', () => {
    const e = last(['docker run -d nginx 2>&1 | head -n 1']);
    expect(e.stdout).toBe("Unable to find image 'nginx:latest' locally\n");
    expect(e.stderr).toBe('');
  });

  it('> file 2>&1 sends both streams to the file, in order', () => {
    const { transcript } = replay([
      'docker run -d --name web nginx > /root/run.log 2>&1',
      'cat /root/run.log',
    ]);
    expect(terminalText(transcript[0])).toBe('');
    const log = transcript[1].stdout.split('\n');
    expect(log[0]).toMatch(/^Unable to find image/);
    expect(log.at(-2)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('2>/dev/null hides only stderr', () => {
    const e = last(['docker run -d nginx 2>/dev/null']);
    expect(terminalText(e)).toMatch(/^[0-9a-f]{64}\n$/);
  });
});

describe('tools that mix their streams', () => {
  it('apt warns first, then works', () => {
    const e = last([
      'docker run -dit --name ub ubuntu',
      'docker exec ub apt-get update >/dev/null',
      'docker exec ub apt install -y iproute2',
    ]);
    const shown = lines(e);
    expect(shown.slice(0, 3)).toEqual([
      '',
      'WARNING: apt does not have a stable CLI interface. Use with caution in scripts.',
      '',
    ]);
    const fetched = shown.findIndex((l) => l.startsWith('Fetched '));
    expect(shown[fetched + 1]).toBe(
      'debconf: delaying package configuration, since apt-utils is not installed',
    );
    expect(shown[fetched + 2]).toBe('Selecting previously unselected package iproute2.');
  });

  it('curl -v shows the exchange, then the body, then the goodbye', () => {
    const e = last(['docker run -d --name web -p 8080:80 nginx', 'curl -v http://127.0.0.1:8080/']);
    const text = terminalText(e);
    const body = text.indexOf('<!DOCTYPE html>');
    expect(text.indexOf('< HTTP/1.1 200 OK')).toBeLessThan(body);
    expect(text.indexOf('* Connection #0 to host 127.0.0.1 left intact')).toBeGreaterThan(body);
  });

  it('curl -w text comes after the error', () => {
    const e = last(['curl -w "%{http_code}\\n" http://127.0.0.1:9/']);
    expect(terminalText(e)).toBe(
      'curl: (7) Failed to connect to 127.0.0.1 port 9: Connection refused\n000\n',
    );
  });
});

describe('sh -c and >&2', () => {
  it('>&2 writes to stderr in order; sh -c runs its script and exits with its last status', () => {
    const r = last([`sh -c "echo a; echo b >&2; echo c 1>&2; nosuch"`]);
    expect(r).toMatchObject({ stdout: 'a\n', exitCode: 127 });
    expect(terminalText(r)).toBe('a\nb\nc\nbash: nosuch: command not found\n');
    expect(last([`echo 'echo from stdin' | sh`]).stdout).toBe('from stdin\n');
  });
});
