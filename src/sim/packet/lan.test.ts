import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { runLine } from '../shell/run-line';
import { prompt } from '../shell/prompt';
import { of, traced } from './testing';

const PUBLISHED = ['docker run -d -p 8080:80 --name web nginx', 'ssh 10.0.2.20'];

describe('the LAN client reaches a published port', () => {
  it('ssh opens a shell on the client; exit comes back to the host', () => {
    const { world, transcript } = replay(PUBLISHED);
    expect(transcript[1].stdout).toMatch(
      /^Last login: (Sun|Mon|Tue|Wed|Thu|Fri|Sat) Jan [ 123]\d \d\d:\d\d:\d\d 2026 from 10\.0\.2\.15\n$/,
    );
    expect(prompt(world)).toBe('[root@lan-client ~]# ');
    const out = runLine(world, 'exit');
    expect(out.output.stderr).toBe('logout\nConnection to 10.0.2.20 closed.\n');
    expect(prompt(out.world)).toBe('[root@docker-host ~]# ');
  });

  it('curl from the client: DNAT in PREROUTING, FORWARD to the container, un-DNAT on the way out', () => {
    const { output, trace } = traced([...PUBLISHED, 'curl -s http://10.0.2.15:8080']);
    expect(output.stdout).toContain('<title>Welcome to nginx!</title>');
    const nat = of(trace, 'netfilter').filter((e) => e.table === 'nat');
    expect(nat[0]).toMatchObject({ hook: 'PREROUTING', inDev: 'eth0' });
    expect(nat.flatMap((e) => e.matches.map((m) => m.target))).toContain('DNAT');
    expect(nat.flatMap((e) => e.matches.map((m) => m.target))).not.toContain('MASQUERADE');
    const forward = of(trace, 'netfilter').find((e) => e.hook === 'FORWARD');
    expect(forward).toMatchObject({ inDev: 'eth0', outDev: 'docker0', verdict: 'ACCEPT' });
    const delivered = of(trace, 'delivered');
    expect(delivered[0]).toMatchObject({ direction: 'request', address: '172.17.0.2' });
    expect(delivered.at(-1)).toMatchObject({ direction: 'reply', netns: 'lan-client' });
    // The reply leaves eth0 with the published address as its source again.
    const out = of(trace, 'transmit').filter((e) => e.direction === 'reply' && e.dev === 'eth0');
    expect(out.at(-1)).toMatchObject({ src: '10.0.2.15', dst: '10.0.2.20' });
  });

  it('a port nobody publishes is refused by the host itself', () => {
    const { transcript } = replay([...PUBLISHED, 'curl http://10.0.2.15:8081']);
    expect(transcript.at(-1)!.stderr).toBe(
      'curl: (7) Failed to connect to 10.0.2.15 port 8081: Connection refused\n',
    );
  });

  it("the container's own address is not routable from the LAN", () => {
    const { transcript } = replay([...PUBLISHED, 'curl -m 3 http://172.17.0.2']);
    expect(transcript.at(-1)!).toMatchObject({
      stderr: 'curl: (28) Connection timed out after 3001 milliseconds\n',
      exitCode: 28,
    });
  });

  it('the client pings the host and the internet; it has no docker', () => {
    const { transcript } = replay([
      ...PUBLISHED,
      'ping -c 1 10.0.2.15',
      'ping -c 1 8.8.8.8',
      'docker ps',
      'ip route',
    ]);
    const [host, internet, docker, route] = transcript.slice(-4);
    expect(host.stdout).toContain('64 bytes from 10.0.2.15: icmp_seq=1 ttl=64');
    expect(internet.stdout).toContain('1 packets transmitted, 1 received');
    expect(docker.stderr).toBe('bash: docker: command not found\n');
    expect(route.stdout).toBe(
      'default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.20 metric 100\n' +
        '10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.20 metric 100\n',
    );
  });

  it('ssh to an unknown name or a machine without a key fails as OpenSSH does', () => {
    const { transcript } = replay(['ssh nosuch', 'ssh 10.0.2.15', 'ssh 10.0.2.20 hostname']);
    expect(transcript[0]).toMatchObject({
      stderr: 'ssh: Could not resolve hostname nosuch: Name or service not known\n',
      exitCode: 255,
    });
    expect(transcript[1].stderr).toBe(
      'root@10.0.2.15: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).\n',
    );
    expect(transcript[2].stdout).toBe('lan-client\n');
  });
});
