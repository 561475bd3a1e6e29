import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

describe('docker stop / start / restart / rm', () => {
  it('echoes each name as typed and reports missing ones at the end', () => {
    const r = last([
      'docker run -d --name web nginx',
      'docker run -d -P --name tomcat01 tomcat',
      'docker stop tomcat01 nosuch web',
    ]);
    expect(r.stdout).toBe('tomcat01\nweb\n');
    expect(r.stderr).toBe('Error response from daemon: No such container: nosuch\n');
    expect(r.exitCode).toBe(1);
  });

  it('stops tomcat with 143 (JVM on SIGTERM) and nginx with 0 (SIGQUIT)', () => {
    const { world } = replay([
      'docker run -d --name web nginx',
      'docker run -d --name tomcat01 tomcat',
      'docker run -dit --name box busybox',
      'docker stop web tomcat01 box',
    ]);
    const codes = [...hostOf(world).docker.containers.values()].map((c) => [
      c.name,
      c.state.status,
      c.state.exitCode,
    ]);
    expect(codes).toEqual([
      ['web', 'exited', 0],
      ['tomcat01', 'exited', 143],
      ['box', 'exited', 137],
    ]);
  });

  it('stopping a stopped container is not an error', () => {
    const r = last(['docker run -d --name web nginx', 'docker stop web', 'docker stop web']);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['web\n', '', 0]);
  });

  it('start prints each error at once, then the summary', () => {
    const r = last([
      'docker run -d --name web nginx',
      'docker stop web',
      'docker start web nosuch',
    ]);
    expect(r.stdout).toBe('web\n');
    expect(r.stderr).toBe(
      'Error response from daemon: No such container: nosuch\n' +
        'Error: failed to start containers: nosuch\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('a restarted container takes the lowest free address again and keeps RestartCount', () => {
    const { world, transcript } = replay([
      'docker run -d --name web nginx',
      'docker run -d --name web2 nginx',
      'docker restart web',
    ]);
    expect(transcript.at(-1)!.stdout).toBe('web\n');
    const web = [...hostOf(world).docker.containers.values()].find((c) => c.name === 'web')!;
    expect(web.state.status).toBe('running');
    expect(web.restartCount).toBe(0);
    expect(web.endpoints[0].joined!.ip).toBe('172.17.0.2');
  });

  it('refuses to remove a running container without -f', () => {
    const r = last(['docker run -d --name web nginx', 'docker rm web']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('rm -f kills and removes; a missing name is reported but not a failure', () => {
    const { world, transcript } = replay([
      'docker run -d --name web nginx',
      'docker rm -f web nosuch',
    ]);
    expect(transcript.at(-1)).toMatchObject({
      stdout: 'web\n',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      exitCode: 0,
    });
    expect(hostOf(world).docker.containers.size).toBe(0);
  });

  it('seed 000: after rm -f tomcat01 the next container reuses 172.17.0.2', () => {
    const { world } = replay([
      'docker run -d -P --name tomcat01 tomcat',
      'docker run -d -P --name tomcat02 tomcat',
      'docker rm -f tomcat01',
      'docker run -d -P --name tomcat01 tomcat',
    ]);
    const ips = [...hostOf(world).docker.containers.values()].map((c) => [
      c.name,
      c.endpoints[0].joined!.ip,
    ]);
    expect(ips).toEqual([
      ['tomcat02', '172.17.0.3'],
      ['tomcat01', '172.17.0.2'],
    ]);
  });

  it('start -ai of an -it shell container takes over the terminal again', () => {
    const { world, transcript } = replay([
      'docker run -it --name bb busybox',
      'exit 3',
      'docker start -ai bb',
    ]);
    expect(transcript.at(-1)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(world.terminal.shells).toHaveLength(1);
    expect(world.terminal.shells[0].main).toBe(true);
  });

  it('argument errors use the v27 usage text', () => {
    const r = last(['docker stop']);
    expect(r.stderr).toBe(
      '"docker stop" requires at least 1 argument.\nSee \'docker stop --help\'.\n\n' +
        'Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nStop one or more running containers\n',
    );
    expect(r.exitCode).toBe(1);
  });
});
