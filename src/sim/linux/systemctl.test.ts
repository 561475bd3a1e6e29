import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const SEED_002 = [
  'cat > /etc/docker/daemon.json <<EOF',
  '{',
  '  "bip": "192.168.1.1/24",',
  '  "fixed-cidr": "192.168.1.0/25",',
  '  "mtu": 1500,',
  '  "default-gateway": "192.168.1.254",',
  '  "dns": ["10.20.1.2","10.20.1.3"]',
  '}',
  'EOF',
];

const out = (lines: string[]) => {
  const { transcript, world } = replay(lines);
  const t = transcript.at(-1)!;
  return { ...t, world };
};

const state = (lines: string[], name: string) =>
  out([
    ...lines,
    `docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' ${name}`,
  ]).stdout.trim();

describe('systemctl restart docker re-reads /etc/docker/daemon.json', () => {
  it('readdresses docker0 and gives new containers the new pool, gateway and DNS', () => {
    const lines = [...SEED_002, 'systemctl restart docker'];
    expect(out([...lines, 'ip -4 addr show docker0']).stdout).toContain(
      'inet 192.168.1.1/24 brd 192.168.1.255 scope global docker0',
    );
    expect(out([...lines, 'docker run --rm busybox ip route']).stdout).toBe(
      'default via 192.168.1.254 dev eth0 \n192.168.1.0/24 dev eth0 scope link  src 192.168.1.2 \n',
    );
    const resolv = out([...lines, 'docker run --rm busybox cat /etc/resolv.conf']).stdout;
    expect(resolv).toContain('nameserver 10.20.1.2\nnameserver 10.20.1.3\n');
    expect(
      out([
        ...lines,
        "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.IPRange}} {{.Gateway}}{{end}}' bridge",
      ]).stdout,
    ).toBe('192.168.1.0/24 192.168.1.0/25 192.168.1.1\n');
  });

  it('prints nothing and exits 0 when dockerd starts', () => {
    expect(out([...SEED_002, 'systemctl restart docker'])).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });

  it('recreates the default bridge network (new id) and keeps host, none and user networks', () => {
    const ls = 'docker network ls -q --no-trunc';
    const before = out(['docker network create mynet', ls]).stdout.split('\n');
    const after = out([
      'docker network create mynet',
      ls,
      ...SEED_002,
      'systemctl restart docker',
      ls,
    ]).stdout.split('\n');
    const ids = (w: string[]) => new Set(w.filter(Boolean));
    const kept = [...ids(before)].filter((id) => ids(after).has(id));
    expect(kept).toHaveLength(3);
    expect(
      out([
        'docker network create mynet',
        ...SEED_002,
        'systemctl restart docker',
        "docker network inspect -f '{{(index .IPAM.Config 0).Subnet}}' mynet",
      ]).stdout,
    ).toBe('172.18.0.0/16\n');
  });

  it('stops every container, then starts those whose restart policy says so', () => {
    const setup = [
      'docker run -d --name always --restart always nginx',
      'docker run -d --name plain busybox sleep 1000',
      'docker run -d --name unless --restart unless-stopped busybox sleep 1000',
      'docker run -d --name stopped --restart unless-stopped busybox sleep 1000',
      'docker stop stopped',
      'docker run -d --name fails --restart on-failure busybox sleep 1000',
      'docker run -d --name clean --restart on-failure nginx',
      'systemctl restart docker',
    ];
    expect(state(setup, 'always')).toBe('running 0');
    expect(state(setup, 'plain')).toBe('exited 137');
    expect(state(setup, 'unless')).toBe('running 0');
    expect(state(setup, 'stopped')).toBe('exited 137');
    // sleep ignores SIGTERM and is killed (137): a failure, so on-failure restarts it.
    expect(state(setup, 'fails')).toBe('running 0');
    // nginx quits cleanly on the stop signal: exit 0 is no failure.
    expect(state(setup, 'clean')).toBe('exited 0');
  });

  it('is a host command: a container has no systemd to talk to', () => {
    const r = out([
      'docker run -dit --name box busybox',
      'docker exec -it box sh',
      'systemctl restart docker',
    ]);
    expect(r.stderr).toBe('sh: systemctl: not found\n');
  });
});

describe('a broken daemon.json keeps dockerd down until it is fixed', () => {
  const broken = [
    'docker run -d --name web --restart always nginx',
    `echo '{"bip": x}' > /etc/docker/daemon.json`,
    'systemctl restart docker',
  ];

  it('systemctl reports the failed job', () => {
    expect(out(broken)).toMatchObject({
      stdout: '',
      stderr:
        'Job for docker.service failed because the control process exited with error code.\n' +
        'See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n',
      exitCode: 1,
    });
  });

  it("systemctl status shows the unit failed and dockerd's error", () => {
    const s = out([...broken, 'systemctl status docker']);
    expect(s.exitCode).toBe(3);
    expect(s.stdout).toMatch(/^× docker.service - Docker Application Container Engine\n/);
    expect(s.stdout).toContain('     Active: failed (Result: exit-code) since ');
    expect(s.stdout).toContain(
      "]: unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character 'x' looking for beginning of value\n",
    );
    expect(out([...broken, 'systemctl is-active docker']).stdout).toBe('failed\n');
  });

  it("docker commands cannot reach the daemon and the containers' namespaces are gone", () => {
    const r = out([...broken, 'docker ps']);
    expect(r).toMatchObject({
      stderr:
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
      exitCode: 1,
    });
    expect([...hostOf(r.world).netns.keys()]).toEqual(['host']);
  });

  it('fixing the file and restarting brings the lab back', () => {
    const fixed = [
      ...broken,
      `echo '{"bip": "192.168.1.1/24"}' > /etc/docker/daemon.json`,
      'systemctl restart docker',
    ];
    expect(out(fixed).exitCode).toBe(0);
    expect(state(fixed, 'web')).toBe('running 0');
    expect(out([...fixed, "docker inspect -f '{{.NetworkSettings.IPAddress}}' web"]).stdout).toBe(
      '192.168.1.2\n',
    );
  });

  it('a bip that is not a CIDR stops the daemon too', () => {
    const s = out([
      `echo '{"bip": "192.168.1.1"}' > /etc/docker/daemon.json`,
      'systemctl restart docker',
      'systemctl status docker',
    ]);
    expect(s.stdout).toContain(
      ']: failed to start daemon: Error initializing network controller: invalid CIDR address: 192.168.1.1\n',
    );
  });
});

describe('the rest of daemon.json', () => {
  it('default-address-pools replaces the predefined pools, docker0 included', () => {
    const lines = [
      `echo '{"default-address-pools": [{"base": "10.10.0.0/16", "size": 24}]}' > /etc/docker/daemon.json`,
      'systemctl restart docker',
    ];
    expect(out([...lines, 'ip -4 addr show docker0']).stdout).toContain(
      'inet 10.10.0.1/24 brd 10.10.0.255',
    );
    expect(
      out([
        ...lines,
        'docker network create n1',
        "docker network inspect -f '{{(index .IPAM.Config 0).Subnet}}' n1",
      ]).stdout,
    ).toBe('10.10.1.0/24\n');
  });

  it('without bip, docker0 keeps the address it already has', () => {
    const lines = [
      `echo '{"bip": "192.168.5.1/24"}' > /etc/docker/daemon.json`,
      'systemctl restart docker',
      `echo '{}' > /etc/docker/daemon.json`,
      'systemctl restart docker',
      'ip -4 addr show docker0',
    ];
    expect(out(lines).stdout).toContain('inet 192.168.5.1/24');
  });
});

describe('systemctl and service around docker.service', () => {
  it('status of a running daemon', () => {
    const s = out(['systemctl status docker']);
    expect(s.exitCode).toBe(0);
    expect(s.stdout.split('\n').slice(0, 5)).toEqual([
      '● docker.service - Docker Application Container Engine',
      '     Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; preset: disabled)',
      expect.stringMatching(
        /^ {5}Active: active \(running\) since Thu 2026-01-15 07:00:00 UTC; 1h 0min ago$/,
      ),
      'TriggeredBy: ● docker.socket',
      '       Docs: https://docs.docker.com',
    ]);
    expect(s.stdout).toContain('(dockerd)\n');
  });

  it('lists a docker-proxy per published port in the cgroup', () => {
    const s = out(['docker run -d -p 8080:80 --name web nginx', 'systemctl status docker']);
    expect(s.stdout).toMatch(
      /├─\d+ \/usr\/bin\/docker-proxy -proto tcp -host-ip 0\.0\.0\.0 -host-port 8080 -container-ip 172\.17\.0\.2 -container-port 80\n/,
    );
    expect(s.stdout).toMatch(
      /└─\d+ \/usr\/bin\/docker-proxy -proto tcp -host-ip :: -host-port 8080/,
    );
  });

  it('stop warns about the socket; start brings dockerd back', () => {
    expect(out(['systemctl stop docker'])).toMatchObject({
      stderr:
        'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n',
      exitCode: 0,
    });
    expect(out(['systemctl stop docker', 'systemctl is-active docker'])).toMatchObject({
      stdout: 'inactive\n',
      exitCode: 3,
    });
    expect(out(['systemctl stop docker', 'systemctl start docker', 'docker ps']).exitCode).toBe(0);
  });

  it('service docker restart hands over to systemctl', () => {
    expect(out(['service docker restart'])).toMatchObject({
      stdout: '',
      stderr: 'Redirecting to /bin/systemctl restart docker.service\n',
      exitCode: 0,
    });
  });

  it('unknown units', () => {
    expect(out(['systemctl restart nosuch'])).toMatchObject({
      stderr: 'Failed to restart nosuch.service: Unit nosuch.service not found.\n',
      exitCode: 5,
    });
    expect(out(['systemctl status nosuch'])).toMatchObject({
      stderr: 'Unit nosuch.service could not be found.\n',
      exitCode: 4,
    });
  });
});
