import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: readonly string[]) => replay(lines).transcript.at(-1)!;

/** One line that names the lab and what to do instead. */
const LAB_LINE = /^lab: [^\n]+ is not simulated; [^\n]+\n$/;

describe('what the lab does not simulate', () => {
  it('well-known programs on the host answer in one lab line and fail', () => {
    for (const line of [
      'tcpdump -i docker0',
      'less /etc/hosts',
      'traceroute 8.8.8.8',
      'dig web',
      'ps aux',
      'top',
    ]) {
      const r = last([line]);
      expect(r.stderr, line).toMatch(LAB_LINE);
      expect(r.stdout, line).toBe('');
      expect(r.exitCode, line).toBe(1);
    }
    expect(last(['tcpdump -i docker0']).stderr).toBe(
      'lab: tcpdump is not simulated; run ping, curl, telnet or nc and follow the packets in the Packet trace panel\n',
    );
  });

  it('docker commands the lab leaves out say so, while unknown ones stay unknown', () => {
    for (const cmd of [
      'service ls',
      'import x.tar',
      'manifest inspect nginx',
      'trust inspect nginx',
    ])
      expect(last([`docker ${cmd}`]).stderr, cmd).toMatch(LAB_LINE);
    expect(last(['docker service create nginx']).stderr).toBe(
      'lab: docker service is not simulated; the lab simulates swarm mode for overlay networks only (docker swarm, docker node); run containers with docker run --network on an attachable overlay\n',
    );
    expect(last(['docker frobnicate'])).toMatchObject({
      stderr: "docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n",
      exitCode: 1,
    });
  });

  it('a container answers for the programs its image has, and is not found for the rest', () => {
    const box = ['docker run -dit --name b1 busybox', 'docker exec -it b1 sh'];
    expect(last([...box, 'top']).stderr).toMatch(LAB_LINE);
    expect(last([...box, 'tcpdump'])).toMatchObject({
      stderr: 'sh: tcpdump: not found\n',
      exitCode: 127,
    });
    expect(last(['frobnicate'])).toMatchObject({
      stderr: 'bash: frobnicate: command not found\n',
      exitCode: 127,
    });
  });
});
