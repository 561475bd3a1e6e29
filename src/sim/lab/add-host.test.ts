import { describe, expect, it } from 'vitest';
import { replay, serializeWorld } from '../index';
import { runLine } from '../shell/run-line';
import { prompt } from '../shell/prompt';
import { hostOf } from '../world';

describe('lab add-host', () => {
  it('boots a Docker host at the next free LAN address, skipping the LAN client', () => {
    const names = ['host2', 'host3', 'host4', 'host5', 'host6'];
    const { world, transcript } = replay(names.map((n) => `lab add-host ${n}`));
    const eth0 = (n: string) =>
      hostOf(world, n)
        .netns.get('host')
        ?.links.find((l) => l.name === 'eth0');
    expect(names.map((n) => eth0(n)?.addresses[0]?.ip)).toEqual([
      '10.0.2.16',
      '10.0.2.17',
      '10.0.2.18',
      '10.0.2.19',
      '10.0.2.21',
    ]);
    expect(eth0('host2')?.mac).toBe('52:54:00:12:34:57');
    expect(transcript[0].stdout).toBe(
      "lab: host2 is up at 10.0.2.16 (eth0), Docker 27.5.1 running, listed in every host's /etc/hosts; log in with: ssh host2\n",
    );
    const h2 = hostOf(world, 'host2');
    expect(h2.hostname).toBe('host2');
    expect(h2.docker.running).toBe(true);
    expect(h2.netns.get('host')?.links.find((l) => l.name === 'docker0')?.addresses).toEqual([
      { ip: '172.17.0.1', prefix: 16 },
    ]);
    expect(hostOf(world, 'docker-host').files['/etc/hosts']).toContain('10.0.2.16   host2');
  });

  it('refuses a bad, a duplicate or a missing name with status 1', () => {
    const { transcript } = replay([
      'lab add-host -x',
      'lab add-host docker-host',
      'lab add-host lan-client',
      'lab add-host',
      'lab nope',
      'lab',
    ]);
    expect(transcript.map((t) => t.exitCode)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(transcript[0].stderr).toMatch(/^lab add-host: invalid host name "-x"/);
    expect(transcript[1].stderr).toBe(
      'lab add-host: a host named "docker-host" is already on the LAN\n',
    );
    expect(transcript[3].stderr).toBe(
      'lab add-host: requires exactly 1 argument\nUsage:  lab add-host NAME\n',
    );
    expect(transcript[4].stderr).toBe("lab: 'nope' is not a lab command.\nSee 'lab --help'.\n");
    expect(transcript[5].stderr).toMatch(/^Usage: {2}lab COMMAND\n/);
  });

  it('is not a program inside a container', () => {
    const { transcript } = replay([
      'docker run -d --name box busybox sleep 1000',
      'docker exec box lab add-host x',
    ]);
    expect(transcript[1].stdout + transcript[1].stderr).toContain(
      'exec: "lab": executable file not found in $PATH',
    );
  });

  it('replays to the same world byte for byte (share links, undo, export)', () => {
    const log = [
      'lab add-host host2',
      'ssh host2',
      'docker run -d --name b1 busybox sleep 3600',
      'exit',
      'ip route add 172.18.0.0/16 via 10.0.2.16',
      'ssh host2 docker ps -q',
    ];
    const a = replay(log);
    const b = replay(log);
    expect(serializeWorld(a.world)).toBe(serializeWorld(b.world));
    expect(JSON.stringify(a.transcript)).toBe(JSON.stringify(b.transcript));
    // Undo is the same log without its last line.
    expect(serializeWorld(replay(log.slice(0, -1)).world)).toBe(
      serializeWorld(replay(log.slice(0, -1)).world),
    );
  });
});

describe('ssh between lab hosts', () => {
  it('ssh NAME opens its shell: prompt, hostname, its own daemon; exit comes back', () => {
    const { world, transcript } = replay(['lab add-host host2', 'ssh host2']);
    expect(transcript[1].stdout).toMatch(/^Last login: .* 2026 from 10\.0\.2\.2\n$/);
    expect(prompt(world)).toBe('[root@host2 ~]# ');
    const run = runLine(world, 'docker run -d --name b1 busybox sleep 3600');
    expect(hostOf(run.world, 'host2').docker.containers.size).toBe(1);
    expect(hostOf(run.world, 'docker-host').docker.containers.size).toBe(0);
    const out = runLine(run.world, 'exit');
    expect(out.output.stderr).toBe('logout\nConnection to host2 closed.\n');
    expect(prompt(out.world)).toBe('[root@docker-host ~]# ');
    expect(out.world.terminal.outer).toBeUndefined();
  });

  it('ssh IP names the address when it closes, and nests', () => {
    const { world } = replay(['lab add-host host2', 'ssh 10.0.2.16', 'ssh docker-host']);
    expect(prompt(world)).toBe('[root@docker-host ~]# ');
    expect(world.terminal.outer?.map((o) => o.host)).toEqual(['docker-host', 'host2']);
    const back = runLine(world, 'exit');
    expect(prompt(back.world)).toBe('[root@host2 ~]# ');
    expect(runLine(back.world, 'exit').output.stderr).toBe(
      'logout\nConnection to 10.0.2.16 closed.\n',
    );
  });

  it('ssh NAME CMD runs one command there and stays here', () => {
    const { world, transcript } = replay([
      'lab add-host host2',
      'ssh host2 hostname',
      "ssh host2 'ip -4 addr show eth0 | grep inet'",
    ]);
    expect(transcript[1].stdout).toBe('host2\n');
    expect(transcript[2].stdout).toContain('inet 10.0.2.16/24');
    expect(prompt(world)).toBe('[root@docker-host ~]# ');
  });

  it('an unknown name is not resolved', () => {
    const { transcript } = replay(['ssh host9']);
    expect(transcript[0].stderr).toBe(
      'ssh: Could not resolve hostname host9: Name or service not known\n',
    );
  });
});
