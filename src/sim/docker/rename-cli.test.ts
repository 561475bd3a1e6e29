import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const last = (lines: string[]) => replay(lines).transcript.at(-1)!;
const idOf = (lines: string[], name: string) =>
  [...hostOf(replay(lines).world).docker.containers.values()].find((c) => c.name === name)!.id;

describe('docker rename', () => {
  it('prints nothing; the embedded DNS answers the new name and forgets the old', () => {
    const base = [
      'docker network create mynet',
      'docker run -d --name db --network mynet busybox sleep 1d',
      'docker run -d --name app --network mynet busybox sleep 1d',
      'docker rename db database',
    ];
    expect(replay(base).transcript.at(-1)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(last([...base, 'docker exec app ping -c 1 database']).exitCode).toBe(0);
    expect(last([...base, 'docker exec app ping -c 1 db']).stderr).toBe("ping: bad address 'db'\n");
  });

  it("links follow both ends; a running parent's /etc/hosts keeps the old name until it restarts", () => {
    const base = [
      'docker run -d --name redis busybox sleep 1d',
      'docker run -d --name web --link redis:cache busybox sleep 1d',
      'docker rename redis kv',
      'docker rename web site',
    ];
    expect(last([...base, "docker inspect -f '{{.HostConfig.Links}}' site"]).stdout).toBe(
      '[/kv:/site/cache]\n',
    );
    expect(last([...base, 'docker exec site cat /etc/hosts']).stdout).toMatch(
      /\tcache \w{12} redis\n/,
    );
    expect(
      last([...base, 'docker restart site', 'docker exec site cat /etc/hosts']).stdout,
    ).toMatch(/\tcache \w{12} kv\n/);
  });

  it("reports the daemon's refusals, then the CLI's own line", () => {
    const base = ['docker run -d --name web nginx', 'docker create --name idle busybox'];
    const tail = '\nError: failed to rename container named idle\n';
    expect(last([...base, 'docker rename idle web']).stderr).toBe(
      `Error response from daemon: Error when allocating new name: Conflict. The container name "/web" is already in use by container "${idOf(base, 'web')}". You have to remove (or rename) that container to be able to reuse that name.${tail}`,
    );
    expect(last([...base, 'docker rename idle idle']).stderr).toBe(
      `Error response from daemon: Renaming a container with the same name as its current name${tail}`,
    );
    expect(last([...base, 'docker rename idle x']).stderr).toBe(
      `Error response from daemon: Error when allocating new name: Invalid container name (/x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed${tail}`,
    );
    expect(last([...base, 'docker rename nosuch other']).stderr).toBe(
      'Error response from daemon: No such container: nosuch\nError: failed to rename container named nosuch\n',
    );
    expect(last([...base, "docker rename idle ''"]).stderr).toBe(
      'Error: Neither old nor new names may be empty\n',
    );
  });
});

describe('docker update', () => {
  it('changes the restart policy, which the next daemon restart honours', () => {
    const lines = [
      'docker run -d --name web nginx',
      'docker update --restart=unless-stopped web',
      "docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' web",
      'systemctl restart docker',
      "docker ps --format '{{.Names}} {{.State}}'",
    ];
    const { transcript } = replay(lines);
    expect(transcript[1].stdout).toBe('web\n');
    expect(transcript[2].stdout).toBe('unless-stopped\n');
    expect(transcript[4].stdout).toBe('web running\n');
  });

  it('needs a flag, refuses --restart with --rm, and says what it does not simulate', () => {
    expect(last(['docker run -d --name web nginx', 'docker update web']).stderr).toBe(
      'you must provide one or more flags when using this command\n',
    );
    const rm = ['docker run -d --rm --name tmp busybox sleep 1d'];
    expect(last([...rm, 'docker update --restart always tmp']).stderr).toBe(
      `Error response from daemon: Cannot update container ${idOf(rm, 'tmp')}: Restart policy cannot be updated because AutoRemove is enabled for the container\n`,
    );
    expect(last(['docker run -d --name web nginx', 'docker update -m 1g web']).stderr).toMatch(
      /^lab: .*does not simulate resource limits/,
    );
  });
});
