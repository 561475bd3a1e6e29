import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

describe('docker exec', () => {
  it('seed 000: plain tomcat has no ip — runc error on stdout, exit 126', () => {
    const r = last(['docker run -d -P --name tomcat01 tomcat', 'docker exec -it tomcat01 ip addr']);
    expect(r).toMatchObject({
      stdout:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "ip": executable file not found in $PATH: unknown\n',
      stderr: '',
      exitCode: 126,
    });
  });

  it('-it with a shell enters the container until exit; the container keeps running', () => {
    const { world, transcript } = replay([
      'docker run -d -P --name tomcat01 tomcat',
      'docker exec -it tomcat01 /bin/bash',
    ]);
    expect(transcript.at(-1)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(world.terminal.shells).toEqual([
      { containerId: transcript[0].stdout.trim(), program: '/bin/bash', main: false },
    ]);
    const after = replay([
      'docker run -d -P --name tomcat01 tomcat',
      'docker exec -it tomcat01 /bin/bash',
      'exit',
      'docker ps -q',
    ]);
    expect(after.world.terminal.shells).toEqual([]);
    expect(after.transcript.at(-1)!.stdout).toBe(`${transcript[0].stdout.slice(0, 12)}\n`);
  });

  it('without -i a shell reads EOF and exits 0 at once', () => {
    const { world, transcript } = replay(['docker run -d --name web nginx', 'docker exec web sh']);
    expect(transcript.at(-1)!.exitCode).toBe(0);
    expect(world.terminal.shells).toEqual([]);
  });

  it('a shell the image lacks fails like any other missing program', () => {
    const r = last(['docker run -d --name web nginx', 'docker exec -it web ash']);
    expect(r.exitCode).toBe(126);
    expect(r.stdout).toContain('exec: "ash": executable file not found in $PATH: unknown');
  });

  it('unknown and stopped containers', () => {
    expect(last(['docker exec nosuch ls'])).toMatchObject({
      stderr: 'Error response from daemon: No such container: nosuch\n',
      exitCode: 1,
    });
    const { transcript } = replay([
      'docker run -d --name web nginx',
      'docker stop web',
      'docker exec web ls',
    ]);
    const id = transcript[0].stdout.trim();
    expect(transcript.at(-1)).toMatchObject({
      stderr: `Error response from daemon: container ${id} is not running\n`,
      exitCode: 1,
    });
  });

  it('needs a container and a command', () => {
    expect(last(['docker exec web'])).toMatchObject({
      stderr:
        '"docker exec" requires at least 2 arguments.\nSee \'docker exec --help\'.\n\n' +
        'Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n',
      exitCode: 1,
    });
  });
});
