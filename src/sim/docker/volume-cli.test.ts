import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const run = (lines: string[]) => replay(lines).transcript;
const last = (lines: string[]) => run(lines).at(-1)!;
const idOf = (lines: string[], name: string) =>
  [...hostOf(replay(lines).world).docker.containers.values()].find((c) => c.name === name)!.id;

describe('docker volume', () => {
  it('create prints the name; ls lists DRIVER and VOLUME NAME sorted by name; -q names only', () => {
    const base = [
      'docker volume create web2',
      'docker volume create web10',
      'docker volume create db',
    ];
    expect(run(base).map((e) => e.stdout)).toEqual(['web2\n', 'web10\n', 'db\n']);
    expect(last([...base, 'docker volume ls']).stdout).toBe(
      'DRIVER    VOLUME NAME\nlocal     db\nlocal     web2\nlocal     web10\n',
    );
    expect(last([...base, 'docker volume ls -q']).stdout).toBe('db\nweb2\nweb10\n');
    expect(last([...base, 'docker volume create db']).stdout).toBe('db\n');
  });

  it('inspect prints the volume as the API does; a missing one is an error after the array', () => {
    const e = last([
      'docker volume create --label env=dev data',
      'docker volume inspect data nosuch',
    ]);
    expect(e.stdout.replace(/"CreatedAt": "[^"]+"/, '"CreatedAt": "T"')).toBe(
      '[\n    {\n        "CreatedAt": "T",\n        "Driver": "local",\n' +
        '        "Labels": {\n            "env": "dev"\n        },\n' +
        '        "Mountpoint": "/var/lib/docker/volumes/data/_data",\n        "Name": "data",\n' +
        '        "Options": {},\n        "Scope": "local"\n    }\n]\n',
    );
    expect(e.stderr).toBe('Error response from daemon: get nosuch: no such volume\n');
    expect(e.exitCode).toBe(1);
    expect(
      last(['docker volume create data', "docker inspect -f '{{.Mountpoint}}' data"]).stdout,
    ).toBe('/var/lib/docker/volumes/data/_data\n');
  });

  it('a name with a slash is refused as the local driver does', () => {
    expect(last(['docker volume create a/b']).stderr).toBe(
      'Error response from daemon: create a/b: "a/b" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n',
    );
  });

  it('rm refuses a volume in use, naming the containers; -f forgives a missing one', () => {
    const base = ['docker run -d --name box -v data:/data busybox sleep 1d'];
    const e = last([...base, 'docker volume rm data']);
    expect(e.stderr).toBe(
      `Error response from daemon: remove data: volume is in use - [${idOf(base, 'box')}]\n`,
    );
    expect(e.exitCode).toBe(1);
    expect(last(['docker volume rm nosuch']).stderr).toBe(
      'Error response from daemon: get nosuch: no such volume\n',
    );
    expect(last(['docker volume rm -f nosuch'])).toMatchObject({ stdout: 'nosuch\n', exitCode: 0 });
    expect(last([...base, 'docker rm -f box', 'docker volume rm data']).stdout).toBe('data\n');
  });

  it('ls --filter dangling=true shows the volumes no container uses', () => {
    expect(
      last([
        'docker volume create spare',
        'docker run -d --name box -v used:/u busybox sleep 1d',
        'docker volume ls -q --filter dangling=true',
      ]).stdout,
    ).toBe('spare\n');
  });

  it('prune removes only unused anonymous volumes; -a every unused one', () => {
    const base = [
      'docker volume create named',
      'docker run --name gone -v /anon busybox true',
      'docker rm gone',
    ];
    const anon = [...hostOf(replay(base).world).docker.volumes!.keys()].find((n) => n !== 'named');
    expect(last([...base, 'docker volume prune -f']).stdout).toBe(
      `Deleted Volumes:\n${anon}\n\nTotal reclaimed space: 0B\n`,
    );
    expect(last([...base, 'docker volume prune -f', 'docker volume prune -a -f']).stdout).toBe(
      'Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n',
    );
    expect(last([...base, 'echo n | docker volume prune']).stdout).toBe(
      'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
    );
  });

  it('system df counts volumes, their bytes and what is reclaimable', () => {
    const out = last([
      'docker run --name ww -v data:/d busybox sh -c "echo hello > /d/f"',
      'docker volume create empty',
      'docker system df',
    ]).stdout;
    expect(out).toContain('Local Volumes   2         1         6B        0B (0%)\n');
  });
});

describe('mounts', () => {
  it('a named volume is shared by containers and outlives them; rm -v keeps named volumes', () => {
    const base = [
      'docker run -d --name one -v data:/data busybox sleep 1d',
      'docker run -d --name two -v data:/shared busybox sleep 1d',
      "docker exec one sh -c 'echo hello > /data/f'",
    ];
    expect(last([...base, 'docker exec two cat /shared/f']).stdout).toBe('hello\n');
    expect(last([...base, 'cat /var/lib/docker/volumes/data/_data/f']).stdout).toBe('hello\n');
    expect(
      last([...base, 'docker rm -fv one two', 'docker run --rm -v data:/d busybox cat /d/f'])
        .stdout,
    ).toBe('hello\n');
  });

  it('a new volume starts with what the image has at the mount point', () => {
    expect(
      last(['docker run --rm -v html:/usr/share/nginx/html nginx ls /usr/share/nginx/html']).stdout,
    ).toBe('index.html\n');
  });

  it('a bind mount shares files both ways; :ro refuses writes as the tools say', () => {
    const base = [
      'mkdir /root/site',
      'docker run -d --name bb -v /root/site:/site busybox sleep 1d',
    ];
    expect(
      last([...base, "docker exec bb sh -c 'echo in > /site/x'", 'cat /root/site/x']).stdout,
    ).toBe('in\n');
    expect(last([...base, 'echo out > /root/site/y', 'docker exec bb cat /site/y']).stdout).toBe(
      'out\n',
    );
    const ro = [
      'mkdir /root/site',
      'docker run -d --name ro -v /root/site:/site:ro busybox sleep 1d',
    ];
    expect(last([...ro, "docker exec ro sh -c 'echo x > /site/f'"]).stderr).toBe(
      "sh: can't create /site/f: Read-only file system\n",
    );
    expect(last([...ro, 'docker exec ro touch /site/f']).stderr).toBe(
      'touch: /site/f: Read-only file system\n',
    );
    expect(last([...ro, 'docker exec ro mkdir /site/d']).stderr).toBe(
      "mkdir: can't create directory '/site/d': Read-only file system\n",
    );
  });

  it('-v with a missing host path makes the directory on the host', () => {
    expect(last(['docker run --rm -v /srv/new:/x busybox true', 'ls /srv']).stdout).toBe('new\n');
  });

  it('bad specs are the daemon errors', () => {
    expect(last(['docker pull -q busybox', 'docker run --rm -v d:rel busybox true']).stderr).toBe(
      `docker: Error response from daemon: invalid volume specification: 'd:rel': invalid mount config for type "volume": invalid mount path: 'rel' mount path must be absolute.\nSee 'docker run --help'.\n`,
    );
    expect(last(['docker run --rm -v /x:rw busybox true']).stderr).toMatch(
      /docker: Error response from daemon: invalid volume specification: '\/x:rw'\.\n/,
    );
    expect(
      last(['docker run --rm --mount type=bind,source=/nope,target=/x busybox true']).stderr,
    ).toMatch(/invalid mount config for type "bind": bind source path does not exist: \/nope\.\n/);
    expect(last(['docker run --rm -v aa:/x -v bb:/x busybox true']).stderr).toMatch(
      /Duplicate mount point: \/x\.\n/,
    );
  });

  it('docker inspect shows Mounts, HostConfig.Binds and Config.Volumes', () => {
    const base = ['docker run -d --name mm -v data:/d -v /root:/h:ro -v /anon busybox sleep 1d'];
    expect(last([...base, "docker inspect -f '{{json .HostConfig.Binds}}' mm"]).stdout).toBe(
      '["data:/d","/root:/h:ro"]\n',
    );
    expect(last([...base, "docker inspect -f '{{json .Config.Volumes}}' mm"]).stdout).toBe(
      '{"/anon":{}}\n',
    );
    const mounts = JSON.parse(
      last([...base, "docker inspect -f '{{json .Mounts}}' mm"]).stdout,
    ) as {
      Type: string;
      Mode: string;
      RW: boolean;
      Propagation: string;
    }[];
    expect(mounts.map((m) => [m.Type, m.Mode, m.RW, m.Propagation])).toEqual([
      ['volume', 'z', true, ''],
      ['bind', 'ro', false, 'rprivate'],
      ['volume', '', true, ''],
    ]);
  });

  it('--rm and rm -v take anonymous volumes with the container', () => {
    expect(last(['docker run --rm -v /anon busybox true', 'docker volume ls -q']).stdout).toBe('');
    expect(
      last(['docker run --name k -v /anon busybox true', 'docker rm -v k', 'docker volume ls -q'])
        .stdout,
    ).toBe('');
  });

  it('nginx serves a bind-mounted host directory through its published port', () => {
    const out = last([
      'mkdir -p /srv/www',
      "echo '<h1>from the host</h1>' > /srv/www/index.html",
      'docker run -d --name web -p 8080:80 -v /srv/www:/usr/share/nginx/html:ro nginx',
      'curl -s localhost:8080',
    ]).stdout;
    expect(out).toBe('<h1>from the host</h1>\n');
    // An empty directory over the document root: nginx forbids the listing.
    expect(
      last([
        'mkdir /srv/empty',
        'docker run -d --name web -p 8080:80 -v /srv/empty:/usr/share/nginx/html nginx',
        'curl -s -o /dev/null -w "%{http_code}" localhost:8080',
      ]).stdout,
    ).toBe('403');
  });
});
