import { describe, expect, it } from 'vitest';
import { replay, runLine } from '../index';
import { containerTools } from '../shell/spawn';
import { hostOf, updateHost } from '../world';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

describe('docker images', () => {
  it('lists pulled images newest first with short ids, ages and sizes', () => {
    const r = last(['docker run -d --name web nginx', 'docker pull busybox', 'docker images']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('REPOSITORY   TAG       IMAGE ID       CREATED       SIZE');
    // Ordered by the images' build dates, not by when they were pulled.
    expect(lines[1]).toMatch(/^busybox {6}latest {4}[0-9a-f]{12} {3}2 weeks ago {3}4\.27MB$/);
    expect(lines[2]).toMatch(/^nginx {8}latest {4}[0-9a-f]{12} {3}3 weeks ago {3}192MB$/);
  });

  it('--format runs a Go template per row; table adds the headers and aligns them', () => {
    const pulled = ['docker pull nginx:alpine', 'docker pull busybox'];
    expect(last([...pulled, "docker images --format '{{.Repository}}:{{.Tag}}'"]).stdout).toBe(
      'busybox:latest\nnginx:alpine\n',
    );
    expect(
      last([...pulled, "docker images --format 'table {{.Repository}}\\t{{.Size}}'"]).stdout,
    ).toBe('REPOSITORY   SIZE\nbusybox      4.27MB\nnginx        47.9MB\n');
    expect(last([...pulled, "docker images --format '{{.Nope'"]).stderr).toMatch(
      /^template parsing error: /,
    );
  });

  it('--filter: reference globs, dangling, before and the daemon errors', () => {
    const base = ['docker pull nginx:alpine', 'docker pull busybox'];
    const names = (filter: string) =>
      last([...base, `docker images --filter ${filter} --format '{{.Repository}}:{{.Tag}}'`])
        .stdout;
    expect(names("'reference=ngin*'")).toBe('nginx:alpine\n');
    expect(names("'reference=*:latest'")).toBe('busybox:latest\n');
    expect(names('reference=busybox')).toBe('busybox:latest\n');
    expect(names('dangling=true')).toBe('');
    expect(names('before=busybox')).toBe('nginx:alpine\n');
    expect(last([...base, 'docker images -f color=red']).stderr).toBe(
      "Error response from daemon: invalid filter 'color'\n",
    );
    expect(last([...base, 'docker images -f dangling=maybe']).stderr).toBe(
      "Error response from daemon: invalid filter 'dangling=[maybe]'\n",
    );
    expect(last([...base, 'docker images -f dangling']).stderr).toMatch(
      /bad format of filter \(expected name=value\)/,
    );
  });

  it('the empty table', () => {
    expect(last(['docker images']).stdout).toBe(
      'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
    );
  });
});

describe('docker history --format', () => {
  it("runs historyContext's template per layer, newest first; table adds its headers", () => {
    const built = [
      'printf "FROM busybox\\nRUN echo hi > /hi\\n" > Dockerfile',
      'docker build -t hi .',
    ];
    const rows = last([...built, "docker history --format '{{.CreatedBy}}|{{.Size}}' hi"]);
    expect(rows.stdout.split('\n')[0]).toBe('RUN /bin/sh -c echo hi > /hi # buildkit|3B');
    const table = last([...built, "docker history --format 'table {{.ID}}\\t{{.CreatedAt}}' hi"]);
    expect(table.stdout).toMatch(
      /^IMAGE +CREATED AT\n[0-9a-f]{12} +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n/,
    );
  });
});

describe('docker commit', () => {
  it('seed 000: commit tomcat01 as yuanyuan/tomcat, then run it with the tools installed inside', () => {
    let { world } = replay(['docker run -d -P --name tomcat01 tomcat']);
    // What `apt install -y iproute2 iputils-ping` leaves in the container.
    const id = [...hostOf(world).docker.containers.keys()][0];
    const installed = updateHost(world, world.terminal.host, (h) => {
      h.docker.containers.get(id)!.installed.push('ip', 'ping');
      return { ok: true, value: undefined };
    });
    if (!installed.ok) throw new Error(installed.error);
    world = installed.world;
    const steps = [
      'docker commit -a yuanyuan -m "add apt ip and ping" tomcat01 yuanyuan/tomcat',
      'docker run -d -P --name tomcat02 yuanyuan/tomcat',
      'docker images',
    ];
    const out = steps.map((line) => {
      const r = runLine(world, line);
      world = r.world;
      return r.output;
    });
    expect(out[0].stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(out[1]).toMatchObject({ stderr: '', exitCode: 0 });
    const lines = out[2].stdout.split('\n');
    expect(lines[1]).toMatch(
      /^yuanyuan\/tomcat {3}latest {4}[0-9a-f]{12} {3}\d+ seconds ago {3}5\d\dMB$/,
    );
    expect(lines[1].split(/ +/)[2]).toBe(out[0].stdout.slice(7, 19));
    const tomcat02 = [...hostOf(world).docker.containers.values()].find(
      (c) => c.name === 'tomcat02',
    )!;
    const tools = containerTools(world, { host: world.terminal.host, containerId: tomcat02.id })!;
    expect(tools.has('ip') && tools.has('ping')).toBe(true);
  });

  it('without a repository the image is dangling', () => {
    const r = last(['docker run -d --name web nginx', 'docker commit web', 'docker images']);
    expect(r.stdout.split('\n')[1]).toMatch(/^<none> {7}<none> {4}[0-9a-f]{12} {3}/);
  });

  it('unknown container and bad names', () => {
    expect(last(['docker commit nosuch img'])).toMatchObject({
      stderr: 'Error response from daemon: No such container: nosuch\n',
      exitCode: 1,
    });
    expect(last(['docker run -d --name web nginx', 'docker commit web MyImage']).stderr).toBe(
      'invalid reference format: repository name (library/MyImage) must be lowercase\n',
    );
  });
});

describe('docker pull', () => {
  it('prints progress on stdout, then the canonical reference', () => {
    const r = last(['docker pull busybox']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Using default tag: latest');
    expect(lines[1]).toBe('latest: Pulling from library/busybox');
    expect(lines[2]).toMatch(/^[0-9a-f]{12}: Pull complete $/);
    expect(lines[3]).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(lines.slice(4)).toEqual([
      'Status: Downloaded newer image for busybox:latest',
      'docker.io/library/busybox:latest',
      '',
    ]);
    expect(r.stderr).toBe('');
  });

  it('a second pull is up to date with the same digest', () => {
    const { transcript } = replay(['docker pull nginx:1.27', 'docker pull nginx:1.27']);
    const digest = transcript[0].stdout.split('\n').find((l) => l.startsWith('Digest:'));
    expect(transcript[1].stdout).toBe(
      `1.27: Pulling from library/nginx\n${digest}\nStatus: Image is up to date for nginx:1.27\ndocker.io/library/nginx:1.27\n`,
    );
  });

  it('an unknown repository is refused by the registry', () => {
    expect(last(['docker pull nosuchimage'])).toMatchObject({
      stdout: 'Using default tag: latest\n',
      stderr:
        "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exitCode: 1,
    });
  });
});
