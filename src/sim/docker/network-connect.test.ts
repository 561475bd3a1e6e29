import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

/** Runs a script and returns what the learner sees for each line. */
function run(lines: string[]) {
  const r = replay(lines);
  return { ...r, out: r.transcript.map((t) => t.stdout), err: r.transcript.map((t) => t.stderr) };
}

const last = <T>(xs: T[]): T => xs[xs.length - 1];

describe('docker network connect / disconnect', () => {
  const setup = [
    'docker network create mynet',
    'docker run -d --name web busybox sleep 3600',
    'docker run -d --name hh --network host busybox sleep 3600',
    'docker run -d --name iso --network none busybox sleep 3600',
  ];

  it.each([
    [
      'docker network connect mynet hh',
      'container sharing network namespace with another container or host cannot be connected to any other network',
    ],
    [
      'docker network connect host web',
      'container cannot be disconnected from host network or connected to host network',
    ],
    [
      'docker network connect none web',
      'container cannot be connected to multiple networks with one of the networks in private (none) mode',
    ],
    [
      'docker network connect mynet iso',
      'container cannot be connected to multiple networks with one of the networks in private (none) mode',
    ],
    ['docker network connect nosuch web', 'network nosuch not found'],
    ['docker network connect mynet nosuch', 'No such container: nosuch'],
    [
      'docker network connect bridge web',
      'endpoint with name web already exists in network bridge',
    ],
    [
      'docker network connect --ip 172.18.0.9 mynet web',
      'invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets',
    ],
  ])('%s', (line, error) => {
    const { err, transcript } = run([...setup, line]);
    expect(last(err)).toBe(`Error response from daemon: ${error}\n`);
    expect(last(transcript).exitCode).toBe(1);
  });

  it('disconnects a running container and says so when it is not connected', () => {
    const { world, err, out } = run([
      ...setup,
      'docker network connect mynet web',
      'docker network disconnect mynet web',
      'docker network disconnect mynet web',
    ]);
    const web = [...hostOf(world).docker.containers.values()].find((c) => c.name === 'web')!;
    expect(out[5]).toBe('');
    expect(web.endpoints.map((e) => e.networkName)).toEqual(['bridge']);
    expect(err[6]).toBe(
      `Error response from daemon: container ${web.id} is not connected to network mynet\n`,
    );
  });

  it('only records the config for a stopped container; the address comes at start', () => {
    const { world, err } = run([
      'docker network create mynet',
      'docker create --name web busybox sleep 3600',
      'docker network connect mynet web',
      'docker network connect mynet web',
      'docker network disconnect bridge web',
      'docker network disconnect bridge web',
      'docker start web',
    ]);
    const web = [...hostOf(world).docker.containers.values()].find((c) => c.name === 'web')!;
    expect(err[3]).toBe('');
    expect(err[5]).toBe(
      `Error response from daemon: container ${web.id} is not connected to the network bridge\n`,
    );
    expect(web.endpoints.map((e) => [e.networkName, e.joined?.ip])).toEqual([
      ['mynet', '172.18.0.2'],
    ]);
  });

  it('needs exactly two arguments', () => {
    const { err, transcript } = run(['docker network connect mynet']);
    expect(err[0]).toBe(
      '"docker network connect" requires exactly 2 arguments.\n' +
        "See 'docker network connect --help'.\n\n" +
        'Usage:  docker network connect [OPTIONS] NETWORK CONTAINER\n\nConnect a container to a network\n',
    );
    expect(transcript[0].exitCode).toBe(1);
  });
});

describe('docker network prune', () => {
  const setup = [
    'docker network create used',
    'docker network create unused',
    'docker network create stopped',
    'docker run -d --name web1 --network used busybox sleep 3600',
    'docker run -d --name web2 --network stopped busybox sleep 3600',
    'docker stop web2',
  ];
  const prompt =
    'WARNING! This will remove all custom networks not used by at least one container.\n' +
    'Are you sure you want to continue? [y/N] ';

  it('asks first and, with no answer, changes nothing', () => {
    const { out, transcript, world } = run([...setup, 'docker network prune']);
    expect(last(out)).toBe(prompt);
    expect(last(transcript).exitCode).toBe(0);
    expect([...hostOf(world).docker.networks.values()]).toHaveLength(6);
  });

  it('removes networks without endpoints (stopped containers have none)', () => {
    const { out } = run([...setup, 'docker network prune -f', 'docker network prune -f']);
    expect(out[6]).toBe('Deleted Networks:\nunused\nstopped\n\n');
    expect(out[7]).toBe('');
  });

  it('goes ahead when stdin answers y', () => {
    const { out } = run([...setup, 'echo y | docker network prune']);
    expect(last(out)).toBe(`${prompt}Deleted Networks:\nunused\nstopped\n\n`);
  });
});
