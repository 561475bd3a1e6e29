import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { busyboxStatistics, iputilsStatistics, iputilsTime } from './ping-output';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;

describe('ping output (iputils and busybox)', () => {
  it('computes the statistics line as iputils does (seed 002: 0.069 and 0.053 ms)', () => {
    expect(
      iputilsStatistics({
        name: '172.100.0.2',
        transmitted: 2,
        rtts: [69, 53],
        errors: 0,
        elapsedMs: 999,
      }),
    ).toBe(
      '--- 172.100.0.2 ping statistics ---\n' +
        '2 packets transmitted, 2 received, 0% packet loss, time 999ms\n' +
        'rtt min/avg/max/mdev = 0.053/0.061/0.069/0.008 ms\n',
    );
  });

  it('formats reply times with fewer decimals as they grow', () => {
    expect([iputilsTime(76), iputilsTime(1234), iputilsTime(35078), iputilsTime(123456)]).toEqual([
      '0.076',
      '1.23',
      '35.0',
      '123',
    ]);
  });

  it('prints loss as %g and busybox loss as an integer', () => {
    expect(
      iputilsStatistics({ name: 'x', transmitted: 3, rtts: [100], errors: 0, elapsedMs: 2002 }),
    ).toContain('3 packets transmitted, 1 received, 66.6667% packet loss, time 2002ms');
    expect(
      busyboxStatistics({ name: 'x', transmitted: 3, rtts: [100], errors: 0, elapsedMs: 0 }),
    ).toContain('3 packets transmitted, 1 packets received, 66% packet loss\n');
  });

  it('says `Name or service not known` for an unknown name on the host (exit 2)', () => {
    const r = last(['ping -c 1 nosuch']);
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'ping: nosuch: Name or service not known\n',
      exitCode: 2,
    });
  });

  it('shows the canonical name of a CNAME and no reverse name for a numeric target', () => {
    expect(last(['ping -c 1 www.baidu.com']).stdout).toMatch(
      /^PING www\.a\.shifen\.com \(110\.242\.68\.66\) 56\(84\) bytes of data\.\n64 bytes from 110\.242\.68\.66: icmp_seq=1 ttl=51 time=/,
    );
    expect(last(['ping -c 1 8.8.8.8']).stdout).toContain(
      '64 bytes from 8.8.8.8: icmp_seq=1 ttl=114',
    );
  });

  it('-q prints only the header and the statistics', () => {
    const r = last(['ping -q -c 2 127.0.0.1']);
    expect(r.stdout).toMatch(
      /^PING 127\.0\.0\.1 \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n\n--- 127\.0\.0\.1 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss/,
    );
  });

  it('-s changes the sizes printed', () => {
    expect(last(['ping -c 1 -s 100 127.0.0.1']).stdout).toMatch(
      /^PING 127\.0\.0\.1 \(127\.0\.0\.1\) 100\(128\) bytes of data\.\n108 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64/,
    );
  });

  it('stops after four echoes as if Ctrl+C was pressed; without a tty the docker client dies', () => {
    const lines = [
      'docker run -dit --name tomcat01 busybox',
      'docker run -dit --name tomcat02 busybox',
    ];
    const tty = last([...lines, 'docker exec -it tomcat02 ping 172.17.0.2']);
    expect(tty.stdout).toMatch(
      /seq=3 ttl=64 time=[\d.]+ ms\n\^C\n--- 172\.17\.0\.2 ping statistics ---\n4 packets transmitted, 4 packets received, 0% packet loss\n/,
    );
    expect(tty.exitCode).toBe(0);
    const plain = last([...lines, 'docker exec tomcat02 ping 172.17.0.2']);
    expect(plain.stdout).toMatch(/seq=3 ttl=64 time=[\d.]+ ms\n\^C\n$/);
    expect(plain.exitCode).toBe(130);
  });

  it('prints Destination Host Unreachable when nobody answers ARP (iputils)', () => {
    const r = last(['ping -c 2 172.17.0.9']);
    expect(r.stdout).toContain('From 172.17.0.1 icmp_seq=1 Destination Host Unreachable\n');
    expect(r.stdout).toContain('2 packets transmitted, 0 received, +2 errors, 100% packet loss');
    expect(r.exitCode).toBe(1);
  });

  it('is deterministic: the same log prints the same times', () => {
    const lines = ['docker run -dit --name tomcat01 busybox', 'ping -c 3 172.17.0.2'];
    expect(last(lines).stdout).toBe(last(lines).stdout);
  });
});
