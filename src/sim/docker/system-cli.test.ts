import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;

describe('docker info', () => {
  it('counts containers by state and images, and reports the engine as 27.5.1 sees it', () => {
    const out = last([
      'docker run -d --name web nginx',
      'docker run -d --name box busybox sleep 1d',
      'docker create --name idle busybox',
      'docker pause box',
      'docker info',
    ]).stdout;
    expect(out).toContain(
      '\nServer:\n Containers: 3\n  Running: 1\n  Paused: 1\n  Stopped: 1\n Images: 2\n Server Version: 27.5.1\n Storage Driver: overlay2\n',
    );
    expect(out).toContain(' Cgroup Driver: systemd\n Cgroup Version: 2\n');
    expect(out).toContain(
      ' Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n',
    );
    expect(out).toContain(' Insecure Registries:\n  127.0.0.0/8\n Live Restore Enabled: false\n\n');
    expect(out.startsWith('Client: Docker Engine - Community\n Version:    27.5.1\n')).toBe(true);
  });

  it("lists daemon.json's insecure registries and mirrors", () => {
    const out = last([
      `echo '{"insecure-registries": ["10.0.2.15:5000"], "registry-mirrors": ["https://mirror.example.com"]}' > /etc/docker/daemon.json`,
      'systemctl restart docker',
      'docker info',
    ]).stdout;
    expect(out).toContain(
      ' Insecure Registries:\n  10.0.2.15:5000\n  127.0.0.0/8\n Registry Mirrors:\n  https://mirror.example.com/\n',
    );
  });

  it('cannot connect while the daemon is stopped', () => {
    expect(last(['systemctl stop docker', 'docker system info']).exitCode).toBe(1);
  });
});

describe('docker system df', () => {
  it("prints the summary table with images' reclaimable share", () => {
    const out = last([
      'docker run -d --name web nginx',
      'docker pull busybox',
      'docker system df',
    ]).stdout;
    expect(out.split('\n')[0]).toBe('TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE');
    expect(out).toMatch(/\nImages {10}2 {9}1 {9}[\d.]+MB +[\d.]+MB \(\d+%\)\n/);
    expect(out).toContain('\nContainers      1         1         0B        0B\n');
  });
});

describe('docker container prune / system prune', () => {
  const base = [
    'docker run -d --name web nginx',
    'docker create --name idle busybox',
    'docker network create unused',
  ];

  it('asks first; without a yes it cancels quietly and keeps everything', () => {
    const { world, transcript } = replay([...base, 'docker container prune']);
    expect(transcript.at(-1)).toMatchObject({
      stdout:
        'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ',
      exitCode: 0,
    });
    expect(hostOf(world).docker.containers.size).toBe(2);
  });

  it('-f removes the stopped containers only', () => {
    const { world, transcript } = replay([...base, 'docker container prune -f']);
    const idle = [...hostOf(replay(base).world).docker.containers.values()][1].id;
    expect(transcript.at(-1)!.stdout).toBe(
      `Deleted Containers:\n${idle}\n\nTotal reclaimed space: 0B\n`,
    );
    expect([...hostOf(world).docker.containers.values()].map((c) => c.name)).toEqual(['web']);
  });

  it('system prune warns of everything it removes and reports each kind', () => {
    const prompt = last([...base, 'docker system prune']).stdout;
    expect(prompt).toBe(
      'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] ',
    );
    const out = last([...base, 'docker system prune -f']).stdout;
    expect(out).toMatch(
      /^Deleted Containers:\n\w{64}\n\nDeleted Networks:\nunused\n\nTotal reclaimed space: 0B\n$/,
    );
  });
});
