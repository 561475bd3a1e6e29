import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;
const names = (lines: string[]) =>
  [...hostOf(replay(lines).world).docker.images.values()].flatMap((i) =>
    [{ repo: i.repo, tag: i.tag }, ...(i.extraTags ?? [])].map((n) => `${n.repo}:${n.tag}`),
  );

describe('docker tag', () => {
  it('adds a name to the same image, moving it from any other, and prints nothing', () => {
    const lines = ['docker pull busybox', 'docker pull alpine', 'docker tag busybox my:1'];
    expect(last(lines)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(names(lines)).toContain('my:1');
    const moved = [...lines, 'docker tag alpine my:1', 'docker images my'];
    expect(last(moved).stdout).toMatch(/^my\s+1\s+\w{12}/m);
    expect(last(moved).stdout.split('\n')).toHaveLength(3);
  });

  it('refuses what is not there and names that are not references', () => {
    expect(last(['docker tag nosuch x'])).toMatchObject({
      stderr: 'Error response from daemon: No such image: nosuch:latest\n',
      exitCode: 1,
    });
    expect(last(['docker pull busybox', 'docker tag busybox Bad']).stderr).toBe(
      'Error parsing reference: "Bad" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase\n',
    );
    expect(last(['docker tag busybox']).stderr).toMatch(
      /^"docker tag" requires exactly 2 arguments\./,
    );
  });
});

describe('docker rmi', () => {
  const pulled = ['docker pull busybox'];

  it('untags the name and the digest of its repository, then deletes the image and its layers', () => {
    const r = last([...pulled, 'docker rmi busybox']);
    expect(r.stdout).toMatch(
      /^Untagged: busybox:latest\nUntagged: busybox@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n$/,
    );
    expect(r.exitCode).toBe(0);
  });

  it('only untags while another name is left', () => {
    const r = last([...pulled, 'docker tag busybox b:2', 'docker image rm b:2']);
    expect(r.stdout).toBe('Untagged: b:2\n');
  });

  it('refuses by ID an image with names in several repositories unless forced', () => {
    const base = [...pulled, 'docker tag busybox b:2'];
    const id = [...hostOf(replay(base).world).docker.images.values()][0].id.slice(0, 12);
    expect(last([...base, `docker rmi ${id}`]).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories\n`,
    );
    const forced = last([...base, `docker rmi -f ${id}`]);
    expect(forced.stdout).toMatch(
      /^Untagged: b:2\nUntagged: busybox:latest\nUntagged: busybox@sha256:/,
    );
    expect(forced.stdout).toContain(`Deleted: sha256:${id}`);
  });

  it('keeps an image a container uses: stopped needs -f, running cannot be forced', () => {
    const running = ['docker run -d --name web nginx'];
    const r = last([...running, 'docker rmi nginx']);
    expect(r.stderr).toMatch(
      /^Error response from daemon: conflict: unable to remove repository reference "nginx" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/,
    );
    const world = replay(running).world;
    const id = [...hostOf(world).docker.images.values()][0].id.slice(0, 12);
    expect(last([...running, `docker rmi -f ${id}`]).stderr).toMatch(
      new RegExp(
        `unable to delete ${id} \\(cannot be forced\\) - image is being used by running container`,
      ),
    );
    expect(last([...running, 'docker stop web', `docker rmi ${id}`]).stderr).toMatch(
      /\(must be forced\) - image is being used by stopped container [0-9a-f]{12}\n$/,
    );
    // Forced by name, the name goes and the image stays for its container.
    const forced = [...running, 'docker rmi -f nginx'];
    expect(last(forced).stdout).toMatch(/^Untagged: nginx:latest\nUntagged: nginx@sha256:\w+\n$/);
    expect(last([...forced, 'docker images']).stdout).toMatch(/^<none>\s+<none>/m);
  });

  it('reports each missing image and goes on; -f makes a missing one no failure', () => {
    const r = last([...pulled, 'docker rmi nosuch busybox']);
    expect(r.stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
    expect(r.stdout).toMatch(/^Untagged: busybox:latest/);
    expect(r.exitCode).toBe(1);
    expect(last(['docker rmi -f nosuch']).exitCode).toBe(0);
  });
});

describe('docker image prune', () => {
  it('asks first, as docker system prune does, and removes with -f', () => {
    const base = [
      'docker pull busybox',
      'docker pull alpine',
      'docker run -d --name box busybox sleep 99',
    ];
    expect(last([...base, 'docker image prune']).stdout).toBe(
      'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ',
    );
    expect(last([...base, 'docker image prune -f']).stdout).toBe('Total reclaimed space: 0B\n');
    const all = last([...base, 'docker image prune -a -f']).stdout;
    expect(all).toMatch(
      /^Deleted Images:\nuntagged: alpine:latest\nuntagged: alpine@sha256:\w+\ndeleted: sha256:/,
    );
    expect(all).not.toContain('busybox');
    expect(all).toMatch(/\n\nTotal reclaimed space: 7.83MB\n$/);
  });
});
