import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const run = (lines: string[]) => replay(lines);
const out = (lines: string[]) => {
  const t = run(lines).transcript.at(-1)!;
  return t.stdout + t.stderr;
};

describe('a container has its own files over its image', () => {
  it('keeps what a shell inside writes; the host never sees it', () => {
    const { world, transcript } = run([
      'docker run -dit --name box ubuntu',
      'docker exec -it box bash',
      'echo hello > /tmp/note',
      'mkdir -p /data/a',
      'cat /tmp/note',
      'ls /data',
      'exit',
      'cat /tmp/note',
    ]);
    expect(transcript[4].stdout).toBe('hello\n');
    expect(transcript[5].stdout).toBe('a\n');
    expect(transcript[7].stderr).toBe('cat: /tmp/note: No such file or directory\n');
    expect(hostOf(world).files['/tmp/note']).toBeUndefined();
  });

  it('survives stop and start, and goes with docker rm', () => {
    const base = ['docker run -dit --name box busybox', 'docker exec box touch /keep'];
    expect(out([...base, 'docker stop box', 'docker start box', 'docker exec box ls /keep'])).toBe(
      '/keep\n',
    );
    const { world } = run([...base, 'docker rm -f box', 'docker run -dit --name box busybox']);
    expect(
      out([
        ...base,
        'docker rm -f box',
        'docker run -dit --name box busybox',
        'docker exec box cat /keep',
      ]),
    ).toBe("cat: can't open '/keep': No such file or directory\n");
    const c = [...hostOf(world).docker.containers.values()][0];
    expect(c.layer).toBeUndefined();
  });

  it('hides an image file it deletes, and other containers of the image still have it', () => {
    const lines = [
      'docker run -d --name web1 nginx',
      'docker run -d --name web2 nginx',
      'docker exec web1 rm /usr/share/nginx/html/index.html',
    ];
    expect(out([...lines, 'docker exec web1 ls /usr/share/nginx/html'])).toBe('');
    expect(out([...lines, 'docker exec web2 ls /usr/share/nginx/html'])).toBe('index.html\n');
  });

  it('becomes part of an image with docker commit, shared by reference', () => {
    const { world, transcript } = run([
      'docker run -dit --name t1 ubuntu',

      'docker exec -it t1 bash',
      'apt-get update',
      'apt-get install -y iputils-ping',
      'echo built > /etc/motd',
      'exit',
      'docker commit t1 me/ping',
      'docker run --rm me/ping cat /etc/motd',
      'docker run --rm me/ping ping -c 1 172.17.0.1',
    ]);
    expect(transcript[7].stdout).toBe('built\n');
    expect(transcript[8].stdout).toContain('1 packets transmitted, 1 received');
    const h = hostOf(world);
    const committed = [...h.docker.images.values()].find((i) => i.repo === 'me/ping')!;
    const ubuntu = [...h.docker.images.values()].find((i) => i.repo === 'ubuntu')!;
    expect(committed.layers!.slice(0, -1).every((l, i) => l === ubuntu.layers![i])).toBe(true);
    expect(committed.layers!.at(-1)!.files['/etc/motd']).toBe('built\n');
  });

  it('generated files stay generated: /etc/hosts and /etc/hostname come from the daemon', () => {
    expect(
      out([
        'docker run -d --name w1 --hostname web busybox sleep 1000',
        'docker exec w1 cat /etc/hostname',
      ]),
    ).toBe('web\n');
  });
});

describe('the shell working directory', () => {
  it('cd moves the host shell; relative paths and the prompt follow it', () => {
    const { world, transcript } = run([
      'mkdir mynginx',
      'cd mynginx',
      'echo x > Dockerfile',
      'ls',
      'cat /root/mynginx/Dockerfile',
      'cd /nowhere',
    ]);
    expect(transcript[3].stdout).toBe('Dockerfile\n');
    expect(transcript[4].stdout).toBe('x\n');
    expect(transcript[5].stderr).toBe('bash: cd: /nowhere: No such file or directory\n');
    expect(world.terminal.vars.PWD).toBe('/root/mynginx');
  });
});
