import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import type { World } from '../model';
import { complete, completeLine } from './complete';

const HOST = replay([
  'docker run -dit --name web nginx',
  'docker run -dit --name app busybox',
]).world;
const IN_APP = replay([
  'docker run -dit --name web nginx',
  'docker run -dit --name app busybox',
  'docker exec -it app sh',
]).world;

/** Tab at the end of `line`. */
const tab = (world: World, line: string) => completeLine(world, line, line.length);
const choices = (world: World, line: string) =>
  complete(world, line, line.length).candidates.map((c) => c.text);

describe('completeLine, as readline applies a completion', () => {
  it('inserts a single match whole, with a space after it', () => {
    expect(tab(HOST, 'nsl')).toEqual({ line: 'nslookup ', caret: 9, choices: [] });
    expect(tab(HOST, 'docker ps; ipt')).toMatchObject({ line: 'docker ps; iptables ' });
  });

  it('extends several matches to what they share, and lists them for the next Tab', () => {
    expect(tab(HOST, 'cat /etc/h')).toEqual({
      line: 'cat /etc/host',
      caret: 13,
      choices: ['hostname', 'hosts'],
    });
    expect(tab(HOST, 'he')).toEqual({ line: 'he', caret: 2, choices: ['head', 'help'] });
    expect(tab(HOST, 'c')).toEqual({
      line: 'c',
      caret: 1,
      choices: ['cat', 'cd', 'clear', 'conntrack', 'curl', 'cut'],
    });
  });

  it('changes nothing when nothing matches', () => {
    expect(tab(HOST, 'nosuch')).toEqual({ line: 'nosuch', caret: 6, choices: [] });
    expect(tab(HOST, 'docker frobnicate ')).toEqual({
      line: 'docker frobnicate ',
      caret: 18,
      choices: [],
    });
  });

  it('completes the word at the caret and keeps the rest of the line', () => {
    const line = 'docker ne ls';
    expect(completeLine(HOST, line, 9)).toEqual({
      line: 'docker network ls',
      caret: 15,
      choices: [],
    });
  });

  it('ends a directory with / so the next Tab goes on inside it', () => {
    expect(tab(HOST, 'ls /et')).toMatchObject({ line: 'ls /etc/', caret: 8 });
    expect(tab(HOST, 'ls /etc/').choices).toEqual(
      expect.arrayContaining(['docker/', 'hosts', 'resolv.conf']),
    );
  });

  it('reads quotes, pipes, redirections and assignments as bash does', () => {
    expect(tab(HOST, "cat '/etc/reso")).toMatchObject({ line: 'cat /etc/resolv.conf ' });
    expect(tab(HOST, 'docker ps | gr')).toMatchObject({ line: 'docker ps | grep ' });
    expect(tab(HOST, 'echo x > /etc/hostn')).toMatchObject({ line: 'echo x > /etc/hostname ' });
    expect(tab(HOST, 'X=1 nsl')).toMatchObject({ line: 'X=1 nslookup ' });
    expect(tab(HOST, 'echo $(nsl')).toMatchObject({ line: 'echo $(nslookup ' });
    // A variable's value is unknown until the line runs; a comment is no command.
    expect(tab(HOST, 'echo $HO').choices).toEqual([]);
    expect(tab(HOST, '# doc').line).toBe('# doc');
  });

  it('completes nothing while a here-document waits for its body', () => {
    const world = replay(['cat > /tmp/f <<EOF']).world;
    expect(tab(world, 'doc')).toEqual({ line: 'doc', caret: 3, choices: [] });
  });
});

describe('what completes where', () => {
  it('on the host, every program: docker, the Linux tools, the builtins', () => {
    expect(choices(HOST, '')).toEqual(
      expect.arrayContaining(['docker', 'ip', 'iptables', 'cat', 'clear', 'exit', 'cd']),
    );
  });

  it('in a container, only what its image has, and its own files', () => {
    const here = choices(IN_APP, '');
    expect(here).toEqual(expect.arrayContaining(['ip', 'ping', 'cat', 'clear', 'exit']));
    expect(here).not.toContain('docker');
    expect(here).not.toContain('iptables');
    expect(choices(IN_APP, 'ls /')).toEqual(expect.arrayContaining(['/bin', '/etc', '/proc']));
    // busybox's ip has busybox's objects.
    expect(choices(IN_APP, 'ip ')).toEqual(['address', 'link', 'neigh', 'route', 'rule', 'tunnel']);
  });

  it('a program the place lacks completes file names, as bash does without its completion', () => {
    const inWeb = replay(['docker run -dit --name web nginx', 'docker exec -it web bash']).world;
    expect(choices(inWeb, 'ip ')).toEqual(expect.arrayContaining(['etc', 'proc', 'usr']));
    expect(choices(inWeb, 'ip ')).not.toContain('address');
  });

  it('ip: objects, commands, devices', () => {
    expect(tab(HOST, 'ip ro')).toMatchObject({ line: 'ip route ' });
    expect(choices(HOST, 'ip addr ')).toEqual([
      'add',
      'change',
      'delete',
      'flush',
      'replace',
      'show',
    ]);
    expect(choices(HOST, 'ip link set ')).toEqual(
      expect.arrayContaining(['docker0', 'eth0', 'lo']),
    );
    expect(choices(HOST, 'ip link set docker0 ')).toContain('up');
    expect(choices(IN_APP, 'ip addr show ')).toEqual(['dev', 'eth0', 'lo']);
  });

  it('ip netns: names, then a command run in that namespace', () => {
    const world = replay(['ip netns add red', 'ip netns add blue']).world;
    expect(choices(world, 'ip netns exec ')).toEqual(['blue', 'red']);
    expect(tab(world, 'ip netns exec red ip a')).toMatchObject({
      line: 'ip netns exec red ip addr',
    });
    expect(choices(world, 'ip netns exec red ip link set ')).toEqual(['dev', 'lo']);
  });

  it('iptables: tables, chains of the table, targets', () => {
    expect(choices(HOST, 'iptables -t ')).toEqual(['filter', 'mangle', 'nat', 'raw', 'security']);
    expect(choices(HOST, 'iptables -t nat -L ')).toEqual([
      'DOCKER',
      'INPUT',
      'OUTPUT',
      'POSTROUTING',
      'PREROUTING',
    ]);
    expect(choices(HOST, 'iptables -nvL DOCKER-')).toEqual([
      'DOCKER-ISOLATION-STAGE-1',
      'DOCKER-ISOLATION-STAGE-2',
      'DOCKER-USER',
    ]);
    expect(choices(HOST, 'iptables -A FORWARD -j ')).not.toContain('FORWARD');
    expect(tab(HOST, 'iptables --lis')).toEqual({
      line: 'iptables --list',
      caret: 15,
      choices: ['--list', '--list-rules'],
    });
  });

  it('ssh and ping: the names /etc/hosts knows there', () => {
    expect(choices(HOST, 'ssh localhost.')).toEqual(['localhost.localdomain']);
    const linked = replay([
      'docker run -dit --name web nginx',
      'docker run -dit --name app --link web busybox',
      'docker exec -it app sh',
    ]).world;
    expect(tab(linked, 'ping w')).toMatchObject({ line: 'ping web ' });
  });
});
