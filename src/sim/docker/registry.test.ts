import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { traced } from '../linux/testing';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;
const registry = [
  'docker pull nginx:alpine',
  'docker run -d -p 5000:5000 --restart=always --name registry registry:2',
  'docker tag nginx:alpine localhost:5000/nginx:alpine',
];
const insecure = [
  'docker tag nginx:alpine 10.0.2.15:5000/nginx:alpine',
  'echo \'{"insecure-registries": ["10.0.2.15:5000"]}\' > /etc/docker/daemon.json',
];

describe('a registry you run', () => {
  it('answers the v2 API on its published port: {}, the catalog, the tags', () => {
    expect(last([...registry, 'curl -s localhost:5000/v2/']).stdout).toBe('{}');
    expect(last([...registry, 'curl -s localhost:5000/v2/_catalog']).stdout).toBe(
      '{"repositories":[]}\n',
    );
    const pushed = [...registry, 'docker push localhost:5000/nginx:alpine'];
    expect(last([...pushed, 'curl -s 10.0.2.15:5000/v2/_catalog']).stdout).toBe(
      '{"repositories":["nginx"]}\n',
    );
    expect(last([...pushed, 'curl -s localhost:5000/v2/nginx/tags/list']).stdout).toBe(
      '{"name":"nginx","tags":["alpine"]}\n',
    );
    expect(last([...pushed, 'curl -s localhost:5000/v2/x/tags/list']).stdout).toContain(
      '"code":"NAME_UNKNOWN"',
    );
    expect(last([...pushed, 'curl -s localhost:5000/foo']).stdout).toBe('404 page not found\n');
  });

  it('takes a push by localhost: each layer, then the digest and size; again: already there', () => {
    const r = last([...registry, 'docker push localhost:5000/nginx:alpine']);
    expect(r.stdout).toMatch(
      /^The push refers to repository \[localhost:5000\/nginx\]\n([0-9a-f]{12}: Pushed \n){7}alpine: digest: sha256:[0-9a-f]{64} size: \d+\n$/,
    );
    // The push crossed the published port: the trace shows docker-proxy (or DNAT) and the registry.
    const t = traced([...registry, 'docker push localhost:5000/nginx:alpine']).trace;
    expect(t?.verdict).toBe('delivered');
    expect(JSON.stringify(t?.events)).toContain('registry');
    const again = [...registry, 'docker push localhost:5000/nginx:alpine'];
    expect(last([...again, 'docker push localhost:5000/nginx:alpine']).stdout).toMatch(
      /: Layer already exists \n/,
    );
  });

  it('wants HTTPS for the LAN address until insecure-registries lists it and dockerd restarts', () => {
    const lan = [...registry, ...insecure];
    const refused = last([...lan, 'docker push 10.0.2.15:5000/nginx:alpine']);
    expect(refused).toMatchObject({
      stdout: 'The push refers to repository [10.0.2.15:5000/nginx]\n',
      stderr: 'Get "https://10.0.2.15:5000/v2/": http: server gave HTTP response to HTTPS client\n',
      exitCode: 1,
    });
    const restarted = [...lan, 'systemctl restart docker'];
    expect(last([...restarted, 'docker push 10.0.2.15:5000/nginx:alpine']).exitCode).toBe(0);
    expect(last([...restarted, 'docker info']).stdout).toContain(
      ' Insecure Registries:\n  10.0.2.15:5000\n  127.0.0.0/8\n',
    );
  });

  it('fails as Go does when nothing listens, and a pull brings a removed image back', () => {
    const stopped = [
      ...registry,
      'docker stop registry',
      'docker push localhost:5000/nginx:alpine',
    ];
    expect(last(stopped).stderr).toBe(
      'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n',
    );
    const back = [
      ...registry,
      'docker push localhost:5000/nginx:alpine',
      'docker rmi nginx:alpine localhost:5000/nginx:alpine',
      'docker pull localhost:5000/nginx:alpine',
    ];
    expect(last(back).stdout).toMatch(
      /^alpine: Pulling from nginx\n([0-9a-f]{12}: Pull complete \n){7}Digest: sha256:\w{64}\nStatus: Downloaded newer image for localhost:5000\/nginx:alpine\nlocalhost:5000\/nginx:alpine\n$/,
    );
    expect(
      last([
        ...back,
        'docker run -d --name web localhost:5000/nginx:alpine',
        'docker ps --format {{.Names}}',
      ]).exitCode,
    ).toBe(0);
    expect(last([...registry, 'docker pull localhost:5000/nginx:nope']).stderr).toBe(
      'Error response from daemon: repository localhost:5000/nginx not found: name unknown: repository name not known to registry\n',
    );
  });

  it('refuses a push of what is not there, and Docker Hub without an account', () => {
    expect(last([...registry, 'docker push localhost:5000/nope']).stderr).toBe(
      'An image does not exist locally with the tag: localhost:5000/nope\n',
    );
    expect(last([...registry, 'docker push nginx:alpine']).stderr).toBe(
      'denied: requested access to the resource is denied\n',
    );
  });
});

describe('docker save and docker load', () => {
  it('writes a tar in the host files and loads it back with its name', () => {
    const saved = [
      'docker pull busybox',
      'docker save -o /root/b.tar busybox',
      'docker rmi busybox',
    ];
    const r = last([...saved, 'docker load -i /root/b.tar']);
    expect(r.stdout).toMatch(
      /^[0-9a-f]{12}: Loading layer \[=+>\]\s+4\.27MB\/4\.27MB\nLoaded image: busybox:latest\n$/,
    );
    expect(last([...saved, 'docker load < /root/b.tar']).stdout).toContain(
      'Loaded image: busybox:latest\n',
    );
    expect(last([...saved, 'docker load -q -i /root/b.tar']).stdout).toBe(
      'Loaded image: busybox:latest\n',
    );
    expect(last([...saved, 'ls /root']).stdout).toContain('b.tar');
  });

  it('refuses the terminal, a missing file and an empty stdin', () => {
    expect(last(['docker pull busybox', 'docker save busybox']).stderr).toBe(
      'cowardly refusing to save to a terminal. Use the -o flag or redirect\n',
    );
    expect(last(['docker load -i nope.tar']).stderr).toBe(
      'open nope.tar: no such file or directory\n',
    );
    expect(last(['docker load']).stderr).toBe('requested load from stdin, but stdin is empty\n');
    expect(last(['docker save -o /x.tar nosuch']).stderr).toBe(
      'Error response from daemon: No such image: nosuch:latest\n',
    );
  });
});

describe('docker search, login, logout', () => {
  it('lists the catalogue in docker-cli 27 columns, with --limit and the is-official filter', () => {
    const r = last(['docker search --limit 2 nginx']);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+DESCRIPTION\s+STARS\s+OFFICIAL$/);
    expect(r.stdout.split('\n')[1]).toMatch(/^nginx\s+Official build of Nginx\.\s+\d+\s+\[OK\]$/);
    expect(r.stdout.split('\n')).toHaveLength(4);
    expect(last(['docker search --filter is-official=true nginx']).stdout.split('\n')).toHaveLength(
      3,
    );
    expect(last(['docker search alpine']).stdout).toContain(
      'A minimal Docker image based on Alpine Linux…',
    );
    expect(last(['docker search --limit 101 x']).stderr).toBe(
      'Error response from daemon: limit 101 is outside the range of [1, 100]\n',
    );
  });

  it('logs in with the warnings, stores the credentials, and logs out', () => {
    const r = last(['docker login -u me -p secret']);
    expect(r.stderr).toMatch(
      /^WARNING! Using --password via the CLI is insecure\. Use --password-stdin\.\nWARNING! Your password will be stored unencrypted in \/root\/.docker\/config.json\./,
    );
    expect(r.stdout).toBe('Login Succeeded\n');
    expect(
      last(['docker login -u me -p secret', 'cat /root/.docker/config.json']).stdout,
    ).toContain('"https://index.docker.io/v1/": {\n\t\t\t"auth": "bWU6c2VjcmV0"');
    expect(last(['docker logout']).stdout).toBe(
      'Removing login credentials for https://index.docker.io/v1/\n',
    );
    expect(last(['docker login -u me -p x localhost:5000']).stderr).toContain('connection refused');
  });
});
