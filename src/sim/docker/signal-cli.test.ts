import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;
const stateOf = (lines: string[], name: string) => {
  const c = [...hostOf(replay(lines).world).docker.containers.values()].find(
    (x) => x.name === name,
  );
  return c && [c.state.status, c.state.exitCode, c.state.paused ?? false];
};

describe('docker kill', () => {
  it('SIGKILLs by default: exit 137, name echoed', () => {
    const lines = ['docker run -d --name web nginx', 'docker kill web'];
    expect(last(lines)).toMatchObject({ stdout: 'web\n', stderr: '', exitCode: 0 });
    expect(stateOf(lines, 'web')).toEqual(['exited', 137, false]);
  });

  it('takes names and numbers: TERM ends nginx cleanly, a sleeping PID 1 ignores it', () => {
    const base = ['docker run -d --name web nginx', 'docker run -d --name box busybox sleep 3600'];
    expect(stateOf([...base, 'docker kill -s SIGTERM web'], 'web')).toEqual(['exited', 0, false]);
    expect(stateOf([...base, 'docker kill -s 15 box'], 'box')).toEqual(['running', 0, false]);
    expect(stateOf([...base, 'docker kill --signal=kill box'], 'box')).toEqual([
      'exited',
      137,
      false,
    ]);
    expect(stateOf([...base, 'docker kill -s HUP web'], 'web')).toEqual(['running', 0, false]);
  });

  it('the JVM exits 128+signal on TERM', () => {
    expect(stateOf(['docker run -d --name tc tomcat', 'docker kill -s TERM tc'], 'tc')).toEqual([
      'exited',
      143,
      false,
    ]);
  });

  it("wraps the daemon's errors as the API route does and joins them at the end", () => {
    const r = last([
      'docker run -d --name web nginx',
      'docker create --name idle busybox',
      'docker kill nosuch web idle',
    ]);
    const id = [
      ...hostOf(
        replay(['docker run -d --name web nginx', 'docker create --name idle busybox']).world,
      ).docker.containers.values(),
    ][1].id;
    expect(r.stdout).toBe('web\n');
    expect(r.stderr).toBe(
      'Error response from daemon: cannot kill container: nosuch: No such container: nosuch\n' +
        `Error response from daemon: cannot kill container: idle: container ${id} is not running\n`,
    );
    expect(r.exitCode).toBe(1);
  });

  it('rejects signals moby cannot parse', () => {
    const base = ['docker run -d --name web nginx'];
    expect(last([...base, 'docker kill -s FOO web']).stderr).toBe(
      'Error response from daemon: cannot kill container: web: Invalid signal: FOO\n',
    );
    expect(last([...base, 'docker kill -s 0 web']).stderr).toBe(
      'Error response from daemon: cannot kill container: web: Invalid signal: 0\n',
    );
    expect(last([...base, 'docker kill -s 99 web']).stderr).toBe(
      'Error response from daemon: cannot kill container: web: the linux daemon does not support signal 99\n',
    );
  });

  it('kills a paused container (the daemon thaws it for SIGKILL)', () => {
    expect(
      stateOf(['docker run -d --name web nginx', 'docker pause web', 'docker kill web'], 'web'),
    ).toEqual(['exited', 137, false]);
  });

  it('usage errors name the command path', () => {
    const r = last(['docker container kill']);
    expect(r.stderr).toBe(
      '"docker container kill" requires at least 1 argument.\nSee \'docker container kill --help\'.\n\n' +
        'Usage:  docker container kill [OPTIONS] CONTAINER [CONTAINER...]\n\nKill one or more running containers\n',
    );
    expect(r.exitCode).toBe(1);
  });
});

describe('docker pause / unpause', () => {
  const base = ['docker run -d --name web -p 8080:80 nginx', 'docker pause web'];

  it('marks the container paused; ps says (Paused) and State paused', () => {
    expect(stateOf(base, 'web')).toEqual(['running', 0, true]);
    expect(last([...base, 'docker ps']).stdout).toMatch(/Up \d+ seconds \(Paused\)/);
    expect(last([...base, "docker ps --format '{{.State}}' --filter status=paused"]).stdout).toBe(
      'paused\n',
    );
    expect(last([...base, 'docker ps -q --filter status=running']).stdout).toBe('');
  });

  it("refuses exec and rm with moby's words", () => {
    expect(last([...base, 'docker exec web ls']).stderr).toBe(
      'Error response from daemon: Container web is paused, unpause the container before exec\n',
    );
    expect(last([...base, 'docker rm web']).stderr).toBe(
      'Error response from daemon: cannot remove container "/web": container is paused and must be unpaused first\n',
    );
  });

  it('pausing twice or unpausing a running container is a conflict', () => {
    const { world } = replay(base);
    const id = [...hostOf(world).docker.containers.values()][0].id;
    expect(last([...base, 'docker pause web']).stderr).toBe(
      `Error response from daemon: Container ${id} is already paused\n`,
    );
    expect(last([...base, 'docker unpause web', 'docker unpause web']).stderr).toBe(
      `Error response from daemon: Container ${id} is not paused\n`,
    );
    expect(
      last(['docker run -d --name s busybox sleep 1d', 'docker stop s', 'docker pause s']).exitCode,
    ).toBe(1);
  });

  it('start refuses a paused container', () => {
    expect(last([...base, 'docker start web']).stderr).toBe(
      'Error response from daemon: cannot start a paused container, try unpause instead\nError: failed to start containers: web\n',
    );
  });

  it('unpause lets exec run again; stop clears the freezer', () => {
    expect(last([...base, 'docker unpause web', 'docker exec web hostname']).exitCode).toBe(0);
    expect(stateOf([...base, 'docker stop web'], 'web')).toEqual(['exited', 0, false]);
  });
});

describe('docker wait', () => {
  it('prints each stopped container exit code', () => {
    const r = last([
      'docker run -d --name aa busybox sleep 1d',
      'docker create --name bb busybox',
      'docker kill aa',
      'docker wait aa bb nosuch',
    ]);
    expect(r.stdout).toBe('137\n0\n');
    expect(r.stderr).toBe('Error response from daemon: No such container: nosuch\n');
    expect(r.exitCode).toBe(1);
  });

  it('says plainly that it cannot block on a running container', () => {
    const r = last(['docker run -d --name aa busybox sleep 1d', 'docker wait aa']);
    expect(r.stderr).toMatch(/^lab: .*does not simulate waiting/);
    expect(r.exitCode).toBe(1);
  });
});
