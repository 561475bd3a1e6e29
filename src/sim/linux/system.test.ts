import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { hostOf } from '../world';

const run = (lines: readonly string[]) => replay(lines);
const last = (lines: readonly string[]) => run(lines).transcript.at(-1)!;

describe('hostname', () => {
  it("is a container's 12-character short ID unless --hostname or -h names it", () => {
    const r = run(['docker run -dit --name b1 busybox', 'docker exec b1 hostname']);
    const id = [...hostOf(r.world).docker.containers.values()][0].id;
    expect(r.transcript.at(-1)!.stdout).toBe(`${id.slice(0, 12)}\n`);
    expect(
      last(['docker run -dit --name b1 --hostname web1 busybox', 'docker exec b1 hostname']).stdout,
    ).toBe('web1\n');
    expect(
      last(['docker run -dit --name b1 -h db.example busybox', 'docker exec b1 hostname -s'])
        .stdout,
    ).toBe('db\n');
  });

  it("is the donor's in container: mode and the host's in host mode and on the host", () => {
    const donor = run([
      'docker run -dit --name b1 busybox',
      'docker run -dit --name b2 --network container:b1 busybox',
    ]);
    const id = [...hostOf(donor.world).docker.containers.values()].find((c) => c.name === 'b1')!.id;
    expect(
      last([...donor.transcript.map((t) => t.command), 'docker exec b2 hostname']).stdout,
    ).toBe(`${id.slice(0, 12)}\n`);
    const host = hostOf(run([]).world).hostname;
    expect(
      last(['docker run -dit --name h1 --network host busybox', 'docker exec h1 hostname']).stdout,
    ).toBe(`${host}\n`);
    expect(last(['hostname']).stdout).toBe(`${host}\n`);
  });

  it('cannot be changed from a container, and the lab does not rename its host', () => {
    expect(last(['docker run -dit --name b1 busybox', 'docker exec b1 hostname x']).stderr).toBe(
      'hostname: sethostname: Operation not permitted\n',
    );
    expect(last(['docker run -dit --name d1 debian', 'docker exec d1 hostname x']).stderr).toBe(
      'hostname: you must be root to change the host name\n',
    );
    expect(last(['hostname newname']).stderr).toBe('lab: renaming the host is not simulated\n');
  });
});

describe('sleep', () => {
  it('checks every operand; infinity is ended by Ctrl+C', () => {
    expect(last(['sleep 1 0.5 2m'])).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(last(['sleep 1 x'])).toMatchObject({
      stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
      exitCode: 1,
    });
    expect(last(['sleep infinity'])).toMatchObject({ stdout: '^C\n', exitCode: 130 });
  });
});
