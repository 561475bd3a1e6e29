import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;

describe('ss (iproute2): listening sockets from the same derivation as netstat', () => {
  it('ss -tlnp on the host: docker-proxy per family, sshd, columns as wide as their content', () => {
    const r = last(['docker run -d -p 8080:80 --name web nginx', 'ss -tlnp']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                                ',
    );
    expect(lines[1]).toMatch(
      /^LISTEN 0 {6}4096 {9}0\.0\.0\.0:8080 {6}0\.0\.0\.0:\* {4}users:\(\("docker-proxy",pid=\d{4},fd=4\)\)$/,
    );
    expect(lines[2]).toBe(
      'LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    users:(("sshd",pid=1021,fd=3))        ',
    );
    expect(lines[3]).toMatch(/^LISTEN 0 {6}4096 {12}\[::\]:8080 {9}\[::\]:\* {4}users:/);
    expect(lines.every((l) => l.length === lines[0].length || l === '')).toBe(true);
  });

  it('without -p the Process column is only its header; -u adds the Netid column', () => {
    expect(last(['ss -lnt']).stdout).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
        'LISTEN 0      128          0.0.0.0:22        0.0.0.0:*          \n' +
        'LISTEN 0      128             [::]:22           [::]:*          \n',
    );
    expect(last(['ss -lntu']).stdout.split('\n')[1]).toBe(
      'tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*          ',
    );
  });

  it('a dual-stack server (Apache) shows as *:80; -H drops the header', () => {
    const r = last(['docker run -d --network host --name web httpd', 'ss -Hltn']);
    // With -H the header no longer widens the columns.
    expect(r.stdout).toContain('LISTEN 0      511          *:80       *:*\n');
    expect(r.stdout).not.toContain('State');
  });

  it('without -l nothing is listed (connections are not modelled); bad options fail', () => {
    expect(last(['ss -tn']).stdout).toBe(
      'State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n',
    );
    expect(last(['ss -z'])).toMatchObject({ stderr: "ss: invalid option -- 'z'\n", exitCode: 255 });
  });
});
