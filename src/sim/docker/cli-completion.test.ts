import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { complete } from '../shell/complete';
import { runLine } from '../shell/run-line';
import type { World } from '../model';
import { hostOf } from '../world';
import { DOCKER_COMMAND_TREE } from './cli';
import { DOCKER_FLAGS } from './command-flags';

const LAB = [
  'docker network create mynet',
  'docker network create mynet2',
  'docker run -dit --name web --network mynet nginx',
  'docker run -dit --name db busybox',
  'docker run -dit --name cache busybox',
  'docker stop db',
  'docker pause cache',
];

/** What Tab may complete the end of `line` to, on `world`. */
const choices = (world: World, line: string) =>
  complete(world, line, line.length).candidates.map((c) => c.text);

describe('docker completion', () => {
  const world = replay(LAB).world;

  it('offers the commands and management commands, subcommands by name and not by alias', () => {
    expect(choices(world, 'docker ')).toEqual(
      expect.arrayContaining(['run', 'ps', 'exec', 'network', 'container', 'image', 'system']),
    );
    expect(choices(world, 'docker s')).toEqual([
      'save',
      'search',
      'start',
      'stats',
      'stop',
      'swarm',
      'system',
    ]);
    expect(choices(world, 'docker network ')).toEqual([
      'connect',
      'create',
      'disconnect',
      'inspect',
      'ls',
      'prune',
      'rm',
    ]);
    expect(choices(world, 'docker container l')).toEqual(['logs', 'ls']);
    expect(choices(world, 'docker image ')).toEqual([
      'build',
      'history',
      'inspect',
      'load',
      'ls',
      'prune',
      'pull',
      'push',
      'rm',
      'save',
      'tag',
    ]);
  });

  it('offers a command’s flags, from the list its handler parses', () => {
    expect(choices(world, 'docker network create --')).toEqual(
      expect.arrayContaining(['--driver', '--subnet', '--gateway', '--internal', '--help']),
    );
    expect(choices(world, 'docker run --net')).toEqual(['--network', '--network-alias']);
    expect(choices(world, 'docker exec -')).toEqual(expect.arrayContaining(['-i', '-t', '--tty']));
    expect(choices(world, 'docker container prune --')).toEqual(['--filter', '--force', '--help']);
  });

  it('completes containers in the state the command needs', () => {
    expect(choices(world, 'docker start ')).toEqual(['db']);
    expect(choices(world, 'docker stop ')).toEqual(['cache', 'web']);
    expect(choices(world, 'docker unpause ')).toEqual(['cache']);
    expect(choices(world, 'docker rm -f ')).toEqual(['cache', 'db', 'web']);
    expect(choices(world, 'docker logs w')).toEqual(['web']);
    // More arguments of the same kind follow; a one-container command takes one.
    expect(choices(world, 'docker rm db ')).toEqual(['cache', 'db', 'web']);
    expect(choices(world, 'docker rename web ')).toEqual([]);
  });

  it('completes networks, then containers, for network connect', () => {
    expect(choices(world, 'docker network connect ')).toEqual([
      'bridge',
      'host',
      'mynet',
      'mynet2',
      'none',
    ]);
    expect(choices(world, 'docker network connect --alias x mynet ')).toEqual([
      'cache',
      'db',
      'web',
    ]);
    expect(choices(world, 'docker network rm my')).toEqual(['mynet', 'mynet2']);
  });

  it('completes a flag’s value: networks after --network, containers after --link', () => {
    expect(choices(world, 'docker run -d --network my')).toEqual(['mynet', 'mynet2']);
    expect(choices(world, 'docker run -d --network=mynet')).toEqual([
      '--network=mynet',
      '--network=mynet2',
    ]);
    expect(choices(world, 'docker run -dit --link ')).toEqual(['cache', 'db', 'web']);
    // --name takes a new name: nothing to complete.
    expect(choices(world, 'docker run --name ')).toEqual([]);
  });

  it('completes images: local ones as repo:tag, and what the lab’s registry serves', () => {
    const run = choices(world, 'docker run -d ');
    expect(run).toEqual(expect.arrayContaining(['nginx:latest', 'busybox:latest', 'alpine']));
    expect(run).not.toContain('nginx');
    expect(choices(world, 'docker images ')).toEqual(['busybox:latest', 'nginx:latest']);
    // After the image comes the container's own command line.
    expect(choices(world, 'docker run -it busybox ')).toEqual([]);
    expect(choices(world, 'docker run -it busybox -')).toEqual([]);
  });

  it('completes an id prefix that matches no name to a short container id', () => {
    const id = [...hostOf(world).docker.containers.values()].find((c) => c.name === 'web')!.id;
    // Four hex digits never start `cache` or `db` (h is no hex digit).
    expect(choices(world, `docker logs ${id.slice(0, 4)}`)).toContain(id.slice(0, 12));
    expect(choices(world, 'docker logs d')).toEqual(['db']);
  });

  it('lists inspect’s objects: containers, images and networks', () => {
    expect(choices(world, 'docker inspect ')).toEqual(
      expect.arrayContaining(['web', 'nginx:latest', 'mynet', 'bridge']),
    );
  });
});

describe('the flag table', () => {
  const commands = [
    ...DOCKER_COMMAND_TREE.commands,
    ...Object.values(DOCKER_COMMAND_TREE.groups).flatMap((g) => Object.values(g)),
  ];

  it('names the flags of every command docker runs', () => {
    for (const command of commands) expect(DOCKER_FLAGS, command).toHaveProperty([command]);
  });

  it('lists only flags the command accepts', () => {
    const world = replay(['docker run -d --name web nginx']).world;
    for (const [command, flags] of Object.entries(DOCKER_FLAGS))
      for (const f of flags) {
        const line = `docker ${command} --${f.long}${f.type === 'bool' ? '' : ' x'} web`;
        expect(runLine(world, line).output.stderr, line).not.toMatch(/unknown flag/);
      }
  });

  it('completes volume names for volume inspect and rm, containers for diff and export', () => {
    const w = replay([...LAB, 'docker volume create data', 'docker volume create logs']).world;
    expect(choices(w, 'docker volume rm d')).toEqual(['data']);
    expect(choices(w, 'docker volume inspect ')).toEqual(['data', 'logs']);
    expect(choices(w, 'docker diff w')).toEqual(['web']);
    expect(choices(w, 'docker container export d')).toEqual(['db']);
  });
});
