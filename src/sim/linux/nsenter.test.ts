import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { runLine } from '../shell/run-line';

const lab = replay([
  'docker run -d --name web nginx',
  'PID=$(docker inspect -f "{{.State.Pid}}" web)',
  'mkdir -p /var/run/netns',
  'ln -s /proc/$PID/ns/net /var/run/netns/web',
]).world;
const run = (line: string) => runLine(lab, line).output;

describe('nsenter -t PID -n', () => {
  it("prints what ip netns exec prints in that container's namespace", () => {
    const a = run('nsenter -t $PID -n ip addr');
    expect(a.exitCode).toBe(0);
    expect(a.stdout).toContain('inet 172.17.0.2/16');
    expect(a).toEqual(run('ip netns exec web ip addr'));
    expect(run('nsenter --target $PID --net ip route')).toEqual(run('ip netns exec web ip route'));
  });

  it('without -n stays in the host namespace', () => {
    expect(run('nsenter -t $PID ip route')).toEqual(run('ip route'));
  });

  it('fails as util-linux does on a bad pid or a missing target', () => {
    expect(run('nsenter -t 99999 -n ip addr')).toMatchObject({
      exitCode: 1,
      stderr: 'nsenter: cannot open /proc/99999/ns/net: No such file or directory\n',
    });
    expect(run('nsenter -n ip addr').stderr).toBe(
      'nsenter: neither filename nor target pid supplied for ns/net\n',
    );
    expect(run('nsenter -t x -n ip addr').stderr).toBe("nsenter: failed to parse pid: 'x'\n");
  });

  it('is not in the nginx image', () => {
    expect(run('docker exec web nsenter -t 1 -n ip a').exitCode).toBe(126);
  });
});
