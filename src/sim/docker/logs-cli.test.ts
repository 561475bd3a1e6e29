import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { terminalText } from '../shell/process';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('docker logs', () => {
  it('replays nginx start-up: entrypoint lines on stdout, notices on stderr', () => {
    const r = last(['docker run -d --name web nginx', 'docker logs web']);
    expect(lines(r.stdout)[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    expect(lines(r.stdout).at(-1)).toBe(
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    );
    expect(r.stderr).toMatch(
      /^2026\/01\/15 08:00:0\d \[notice\] 1#1: using the "epoll" event method\n/,
    );
  });

  it('replays both streams in the order they were written, each to its own stream', () => {
    const r = last([
      `docker run --name mix busybox sh -c "echo one; echo two >&2; echo three"`,
      'docker logs mix',
    ]);
    expect(r).toMatchObject({ stdout: 'one\nthree\n', stderr: 'two\n', exitCode: 0 });
    expect(terminalText(r)).toBe('one\ntwo\nthree\n');
  });

  it('--tail N counts lines across both streams; all, garbage and negatives mean all', () => {
    const run = 'docker run -d --name web nginx';
    const one = last([run, 'docker logs --tail 1 web']);
    expect(one.stdout).toBe('');
    expect(one.stderr).toMatch(/^[^\n]*\[notice\] 1#1: start worker process 30\n$/);
    expect(last([run, 'docker logs -n 0 web'])).toMatchObject({ stdout: '', stderr: '' });
    const all = terminalText(last([run, 'docker logs web']));
    expect(terminalText(last([run, 'docker logs --tail all web']))).toBe(all);
    expect(terminalText(last([run, 'docker logs --tail=abc web']))).toBe(all);
    expect(terminalText(last([run, 'docker logs --tail -3 web']))).toBe(all);
  });

  it('-t prefixes RFC3339Nano stamps with nine fixed digits; --details a space', () => {
    const r = last(['docker run --name e1 busybox echo hello', 'docker logs -t e1']);
    expect(r.stdout).toMatch(/^2026-01-15T08:00:0\d\.\d{9}Z hello\n$/);
    expect(
      last(['docker run --name e1 busybox echo hello', 'docker logs --details e1']),
    ).toMatchObject({ stdout: ' hello\n' });
  });

  it('--since and --until take durations, timestamps and Unix times', () => {
    const run = 'docker run --name e1 busybox echo hello';
    expect(last([run, 'docker logs --since 10m e1']).stdout).toBe('hello\n');
    expect(last([run, 'docker logs --since 2026-01-15T09:00:00Z e1']).stdout).toBe('');
    expect(last([run, 'docker logs --since 2026-01-15 e1']).stdout).toBe('hello\n');
    expect(last([run, 'docker logs --until 2026-01-15T07:00:00 e1']).stdout).toBe('');
    expect(last([run, 'docker logs --until 1800000000 e1']).stdout).toBe('hello\n');
    expect(last([run, 'docker logs --since 0s e1']).stdout).toBe('');
  });

  it('a bad --since is the client’s error, in Go’s words', () => {
    expect(last(['docker logs --since yesterday web'])).toMatchObject({
      stderr: 'failed to parse value as time or duration: "yesterday"\n',
      exitCode: 1,
    });
    expect(last(['docker logs --since 2026-13-01 web'])).toMatchObject({
      stderr: 'parsing time "2026-13-01": month out of range\n',
      exitCode: 1,
    });
  });

  it('-f in a script shows what exists and returns', () => {
    expect(last(['docker run --name e1 busybox echo hello', 'docker logs -f e1'])).toMatchObject({
      stdout: 'hello\n',
      exitCode: 0,
    });
  });

  it('unknown container', () => {
    expect(last(['docker logs nosuch'])).toMatchObject({
      stderr: 'Error response from daemon: No such container: nosuch\n',
      exitCode: 1,
    });
  });
});
