import { describe, expect, it } from 'vitest';
import { replay } from '../index';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

describe('docker cp', () => {
  const box = ['docker run -d --name box busybox sleep 1d'];

  it('copies a host file into a container and back, with the tar size on stderr', () => {
    const base = [...box, 'echo hello > note.txt'];
    const into = last([...base, 'docker cp note.txt box:/tmp/']);
    expect(into).toMatchObject({ stdout: '', stderr: 'Successfully copied 2.05kB to box:/tmp/\n' });
    expect(
      last([...base, 'docker cp note.txt box:/tmp/', 'docker exec box cat /tmp/note.txt']).stdout,
    ).toBe('hello\n');
    const back = [...box, "docker exec box sh -c 'echo inside > /tmp/f'", 'docker cp box:/tmp/f .'];
    expect(last(back).stderr).toBe('Successfully copied 2.05kB to /root/.\n');
    expect(last([...back, 'cat f']).stdout).toBe('inside\n');
  });

  it('copies directories recursively (a new name, or into an existing directory)', () => {
    const base = [
      ...box,
      'docker exec box mkdir -p /data/sub',
      "docker exec box sh -c 'echo a > /data/sub/a'",
    ];
    // tar: /data, /data/sub, /data/sub/a (3 headers + 1 block) + 2 end blocks.
    expect(last([...base, 'docker cp box:/data /root/copy']).stderr).toBe(
      'Successfully copied 3.07kB to /root/copy\n',
    );
    expect(last([...base, 'docker cp box:/data /root/copy', 'cat /root/copy/sub/a']).stdout).toBe(
      'a\n',
    );
    expect(
      last([...base, 'mkdir /root/into', 'docker cp box:/data /root/into', 'ls /root/into']).stdout,
    ).toBe('data\n');
  });

  it('reports the errors docker-cli and the daemon give', () => {
    expect(last([...box, 'docker cp box:/nope .']).stderr).toBe(
      'Error response from daemon: Could not find the file /nope in container box\n',
    );
    expect(last(['docker cp nosuch:/x .']).stderr).toBe(
      'Error response from daemon: No such container: nosuch\n',
    );
    expect(last([...box, 'docker cp missing.txt box:/tmp']).stderr).toBe(
      'lstat /root/missing.txt: no such file or directory\n',
    );
    expect(last([...box, 'docker cp box:/etc/hostname /nope/x']).stderr).toBe(
      'invalid output path: directory "/nope" does not exist\n',
    );
    expect(last(['docker cp a b']).stderr).toBe('must specify at least one container source\n');
    expect(last(['docker cp a:/x b:/y']).stderr).toBe(
      'copying between containers is not supported\n',
    );
  });

  it('a copy into a mounted path lands in the volume', () => {
    expect(
      last([
        'docker run -d --name vol -v data:/data busybox sleep 1d',
        'echo x > f',
        'docker cp f vol:/data/f',
        'cat /var/lib/docker/volumes/data/_data/f',
      ]).stdout,
    ).toBe('x\n');
  });
});

describe('docker diff', () => {
  it("lists the container layer's changes in walk order: parents as C, new paths as A, deletions as D", () => {
    expect(
      last([
        'docker run -d --name box busybox sleep 1d',
        'docker exec box mkdir -p /data/x',
        "docker exec box sh -c 'echo 1 > /tmp/f'",
        'docker exec box rm -r /home',
        'docker diff box',
      ]).stdout,
    ).toBe('A /data\nA /data/x\nD /home\nC /tmp\nA /tmp/f\n');
  });

  it('prints nothing for an untouched container, and knows no volume contents', () => {
    const base = ['docker run -d --name box -v data:/data busybox sleep 1d'];
    expect(last([...base, 'docker diff box']).stdout).toBe('');
    expect(
      last([...base, "docker exec box sh -c 'echo 1 > /data/f'", 'docker diff box']).stdout,
    ).toBe('');
    expect(last(['docker container diff nosuch']).stderr).toBe(
      'Error response from daemon: No such container: nosuch\n',
    );
  });
});

describe('docker export', () => {
  const box = ['docker run -d --name box busybox sleep 1d'];

  it('refuses to write a tar to the terminal', () => {
    expect(last([...box, 'docker export box'])).toMatchObject({
      stderr: 'cowardly refusing to save to a terminal. Use the -o flag or redirect\n',
      exitCode: 1,
    });
  });

  it('writes the archive with -o or through a redirect; container export is the same command', () => {
    expect(last([...box, 'docker export -o box.tar box', 'ls']).stdout).toBe('box.tar\n');
    expect(last([...box, 'docker export box > b.tar', 'ls']).stdout).toBe('b.tar\n');
    expect(last([...box, 'docker container export -o c.tar box', 'cat c.tar']).stdout).toContain(
      'etc/hostname\n',
    );
    expect(last([...box, 'docker export -o /nope/x.tar box']).stderr).toBe(
      'failed to export container: invalid output path: directory "/nope" does not exist\n',
    );
  });
});
