import { describe, expect, it } from 'vitest';
import { hostOf } from '../world';
import { execIn, lab, onHost } from './testing';

const pidOf = (w: ReturnType<typeof lab>, name: string) =>
  [...hostOf(w).docker.containers.values()].find((c) => c.name === name)!.state.pid;

describe('namespaces under /proc and ls -l (seed 002)', () => {
  it("ls -la /proc/1/ns: the initial namespaces with the kernel's fixed inode numbers", () => {
    const out = onHost(lab([]), 'ls -la /proc/1/ns').output.stdout.split('\n');
    expect(out[0]).toBe('total 0');
    expect(out[1]).toMatch(/^dr-x--x--x 2 root root 0 \w{3} [ \d]\d \d\d:\d\d \.$/);
    expect(out[2]).toMatch(/^dr-xr-xr-x \d+ root root 0 .* \.\.$/);
    expect(out.slice(3, -1).map((l) => l.replace(/^.* \d\d:\d\d /, ''))).toEqual([
      "cgroup -> 'cgroup:[4026531835]'",
      "ipc -> 'ipc:[4026531839]'",
      "mnt -> 'mnt:[4026531841]'",
      "net -> 'net:[4026531840]'",
      "pid -> 'pid:[4026531836]'",
      "pid_for_children -> 'pid:[4026531836]'",
      "time -> 'time:[4026531834]'",
      "time_for_children -> 'time:[4026531834]'",
      "user -> 'user:[4026531837]'",
      "uts -> 'uts:[4026531838]'",
    ]);
  });

  it("a container has its own mnt, uts, ipc, pid, net and cgroup namespaces, the host's user and time", () => {
    const w = lab(['docker run -dit --name c1 busybox', 'docker run -dit --name c2 busybox']);
    const ns = (pid: number): Record<string, string> =>
      Object.fromEntries(
        onHost(w, `ls -l /proc/${pid}/ns`)
          .output.stdout.split('\n')
          .slice(1, -1)
          .map((l) => /(\w+) -> '(\w+:\[\d+\])'$/.exec(l)!.slice(1) as [string, string]),
      );
    const host = ns(1);
    const [a, b] = [ns(pidOf(w, 'c1')), ns(pidOf(w, 'c2'))];
    for (const t of ['mnt', 'uts', 'ipc', 'pid', 'net', 'cgroup']) {
      expect(a[t], t).not.toBe(host[t]);
      expect(a[t], t).not.toBe(b[t]);
    }
    for (const t of ['user', 'time']) expect(a[t], t).toBe(host[t]);
    expect(a.pid_for_children).toBe(a.pid);
  });

  it("containers sharing a network namespace show the same net inode; --network host the host's", () => {
    const w = lab([
      'docker run -dit --name c1 busybox',
      'docker run -dit --name c2 --network container:c1 busybox',
      'docker run -dit --name c3 --network host busybox',
    ]);
    const net = (name: string) =>
      onHost(w, `readlink /proc/${pidOf(w, name)}/ns/net`).output.stdout;
    expect(net('c2')).toBe(net('c1'));
    expect(net('c3')).toBe('net:[4026531840]\n');
    expect(onHost(w, `readlink /proc/${pidOf(w, 'c1')}/ns/uts`).output.stdout).not.toBe(
      onHost(w, `readlink /proc/${pidOf(w, 'c2')}/ns/uts`).output.stdout,
    );
  });

  it('a stopped container has no /proc entry', () => {
    const w = lab(['docker run -dit --name c1 busybox']);
    const pid = pidOf(w, 'c1');
    const stopped = lab(['docker run -dit --name c1 busybox', 'docker stop c1']);
    expect(onHost(stopped, `ls /proc/${pid}/ns`).output.stderr).toBe(
      `ls: cannot access '/proc/${pid}/ns': No such file or directory\n`,
    );
  });

  it("readlink: a link's target, status 1 for a file; -f follows to the end", () => {
    const w = lab(['mkdir -p /var/run/netns', 'ln -s /proc/1/ns/net /var/run/netns/init']);
    expect(onHost(w, 'readlink /var/run/netns/init').output.stdout).toBe('/proc/1/ns/net\n');
    expect(onHost(w, 'readlink -f /var/run/netns/init').output.stdout).toBe(
      '/proc/1/ns/net:[4026531840]\n',
    );
    const file = onHost(w, 'readlink /etc/hosts').output;
    expect([file.stdout, file.exitCode]).toEqual(['', 1]);
  });

  it('ls -l: modes, right-aligned sizes, a total; -d lists the directory itself; bad options', () => {
    const w = lab(['echo hello > /root/a.txt']);
    const out = onHost(w, 'ls -l /root').output.stdout;
    expect(out).toMatch(/^total 4\n-rw-r--r-- 1 root root 6 \w{3} [ \d]\d \d\d:\d\d a\.txt\n$/);
    expect(onHost(w, 'ls -ld /root').output.stdout).toMatch(
      /^drwxr-xr-x 2 root root 4096 .* \/root\n$/,
    );
    const bad = onHost(w, 'ls -z').output;
    expect([bad.stderr, bad.exitCode]).toEqual([
      "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
      2,
    ]);
  });

  it('busybox ls -l inside a container: its own column widths', () => {
    const w = lab(['docker run -dit --name b1 busybox', 'docker exec b1 sh -c "echo hi > /tmp/x"']);
    expect(execIn(w, 'b1', ['ls', '-l', '/tmp']).stdout).toMatch(
      /^total 4\n-rw-r--r-- {4}1 root {5}root {13}3 \w{3} [ \d]\d \d\d:\d\d x\n$/,
    );
  });

  it('ip netns identify PID names the namespace a /var/run/netns entry opens (seed 002)', () => {
    const w = lab([
      'docker run -dit --name b1 busybox',
      'mkdir -p /var/run/netns',
      "ln -s /proc/$(docker inspect -f '{{.State.Pid}}' b1)/ns/net /var/run/netns/b1",
    ]);
    expect(onHost(w, `ip netns identify ${pidOf(w, 'b1')}`).output.stdout).toBe('b1\n');
    expect(onHost(w, 'ip netns identify 1').output.stdout).toBe('\n');
    expect(onHost(w, 'ip netns identify x').output.stderr).toBe(
      "Specified string 'x' is not a pid\n",
    );
  });
});
