import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { terminalText } from '../shell/process';

const run = (lines: string[]) => replay(lines).transcript;
const last = (lines: string[]) => run(lines).at(-1)!;
const status = (name: string) => `docker ps -a -f name=${name} --format '{{.Status}}'`;

describe('a detached ping as the main process', () => {
  it('logs an echo a second under busybox, whatever has passed on the world clock', () => {
    const t = run([
      'docker run -d --name pinger busybox ping 8.8.8.8',
      'docker logs pinger',
      'docker logs pinger',
      status('pinger'),
    ]);
    const first = t[1].stdout.split('\n').filter(Boolean);
    expect(first[0]).toBe('PING 8.8.8.8 (8.8.8.8): 56 data bytes');
    // A line takes 2-4 s of world clock: 3 or 4 echoes (seq 0 at the start) by the next one.
    expect(first.length).toBeGreaterThanOrEqual(4);
    expect(first[1]).toMatch(/^64 bytes from 8\.8\.8\.8: seq=0 ttl=\d+ time=\d+\.\d{3} ms$/);
    expect(t[2].stdout.startsWith(t[1].stdout)).toBe(true);
    expect(t[2].stdout.length).toBeGreaterThan(t[1].stdout.length);
    expect(t[3].stdout).toMatch(/^Up /);
  });

  it('logs its pings under nginx:alpine too, where busybox answers (seed 004)', () => {
    const r = last(['docker run -d --name ng nginx:alpine ping www.baidu.com', 'docker logs ng']);
    expect(r.stdout).toMatch(
      /^PING www\.baidu\.com \(\d+\.\d+\.\d+\.\d+\): 56 data bytes\n64 bytes from /,
    );
    expect(r.stdout).toContain(': seq=1 ');
  });

  it('with -c ends after its count, prints statistics and exits 0', () => {
    const t = run([
      'docker run -d --name counted busybox ping -c 3 8.8.8.8',
      'docker logs counted',
      'docker logs counted',
      status('counted'),
    ]);
    expect(t[2].stdout).toMatch(
      /seq=2 [^\n]*\n\n--- 8\.8\.8\.8 ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\nround-trip min\/avg\/max = /,
    );
    expect(t[3].stdout).toMatch(/^Exited \(0\) \d+ seconds? ago\n$/);
  });

  it('speaks iputils in an image with iputils, and stops with SIGKILL after docker stop', () => {
    const t = run([
      'docker run -d --name c7 centos ping 8.8.8.8',
      'docker logs --tail 1 c7',
      'docker stop c7',
      status('c7'),
    ]);
    expect(t[1].stdout).toMatch(
      /^64 bytes from 8\.8\.8\.8: icmp_seq=\d+ ttl=\d+ time=[\d.]+ ms\n$/,
    );
    // ping installs no SIGTERM handler; as PID 1 it ignores SIGTERM until SIGKILL.
    expect(t[3].stdout).toMatch(/^Exited \(137\)/);
  });

  it('fails at once on a bad address and exits 1', () => {
    const t = run([
      'docker run -d --name bad busybox ping nosuch.invalid',
      'docker logs bad',
      status('bad'),
    ]);
    expect(t[1]).toMatchObject({ stdout: '', stderr: "ping: bad address 'nosuch.invalid'\n" });
    expect(t[2].stdout).toMatch(/^Exited \(1\)/);
  });

  it('attached, it is interrupted after four echoes as the lab’s own ping is', () => {
    const r = last(['docker run --name fg busybox ping 8.8.8.8']);
    expect(r.stdout).toMatch(
      /seq=3 [^\n]*\n\^C\n--- 8\.8\.8\.8 ping statistics ---\n4 packets transmitted/,
    );
  });
});

describe('one-off main processes', () => {
  it('echo prints, exits 0, and docker logs keeps what it said', () => {
    const t = run(['docker run --name e1 busybox echo hello', status('e1'), 'docker logs e1']);
    expect(t[0].stdout).toBe('hello\n');
    expect(t[1].stdout).toMatch(/^Exited \(0\) \d+ seconds ago\n$/);
    expect(t[2].stdout).toBe('hello\n');
  });

  it('sh -c runs its script in the lab’s shell, with the container’s environment', () => {
    const t = run([
      `docker run --name s1 busybox sh -c 'echo $HOSTNAME; echo oops >&2; nosuch'`,
      status('s1'),
      'docker logs s1',
    ]);
    expect(t[0].stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(t[0].stderr.endsWith('\noops\nsh: nosuch: not found\n')).toBe(true);
    expect(t[1].stdout).toMatch(/^Exited \(127\)/);
    expect(terminalText(t[2])).toBe(`${t[0].stdout}oops\nsh: nosuch: not found\n`);
  });

  it('a program the image lacks never starts, detached or not', () => {
    const t = run(['docker run -d --name u1 ubuntu ping 8.8.8.8', status('u1')]);
    expect(t[0].stderr).toContain('exec: "ping": executable file not found in $PATH');
    expect(t[1].stdout).toBe('Created\n');
  });
});

describe('sleep N as the main process', () => {
  it('keeps the container up until N seconds have passed on the world clock', () => {
    const t = run([
      'docker run -d --name nap busybox sleep 5',
      status('nap'),
      'true',
      'true',
      status('nap'),
    ]);
    expect(t[1].stdout).toMatch(/^Up \d seconds\n$/);
    expect(t[4].stdout).toMatch(
      /^Exited \(0\) \d+ seconds? ago\n|^Exited \(0\) Less than a second ago\n/,
    );
  });

  it('waits in the freezer while paused', () => {
    const t = run([
      'docker run -d --name nap busybox sleep 3',
      'docker pause nap',
      'true',
      'true',
      status('nap'),
    ]);
    expect(t[4].stdout).toMatch(/^Up \d+ seconds \(Paused\)\n$/);
  });
});
