import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../invariants';
import { replay } from '../index';

/** Runs a script and returns what the last line printed, plus the world after it. */
function run(lines: readonly string[]) {
  const r = replay(lines);
  const last = r.transcript.at(-1)!;
  return { ...last, world: r.world, transcript: r.transcript };
}

const PLUMB = [
  'docker run --network=none -dit --name nn busybox',
  'docker network create --subnet 172.100.0.0/16 net0',
  'mkdir -p /var/run/netns',
  "PID=$(docker inspect -f '{{.State.Pid}}' nn)",
  "BR=br-$(docker network inspect -f '{{.Id}}' net0 | cut -c1-12)",
  'ln -s /proc/$PID/ns/net /var/run/netns/$PID',
  'ip link add vetha type veth peer name vethb',
  'brctl addif $BR vetha',
  'ip link set vetha up',
  'ip link set vethb netns $PID',
  'ip netns exec $PID ip link set dev vethb name eth0',
  'ip netns exec $PID ip link set eth0 up',
  'ip netns exec $PID ip addr add 172.100.0.2/255.255.0.0 dev eth0',
  'ip netns exec $PID ip route add default via 172.100.0.1',
];

describe('plumbing a --network none container by hand (seeds 002, 004)', () => {
  it('gives eth0 the address without a broadcast, and a default route', () => {
    const r = run([...PLUMB, 'docker exec nn ip route']);
    expect(r.stdout).toBe(
      'default via 172.100.0.1 dev eth0 \n172.100.0.0/16 dev eth0 scope link  src 172.100.0.2 \n',
    );
    expect(run([...PLUMB, 'docker exec nn ip a']).stdout).toContain(
      '    inet 172.100.0.2/16 scope global eth0\n',
    );
    expect(checkInvariants(r.world)).toEqual([]);
  });

  it('numbers the pair peer first and enslaves vetha to the bridge', () => {
    const r = run([...PLUMB, 'ip link show vetha', 'brctl show $BR']);
    const [own] = r.transcript.slice(-2);
    const [, index, peer] = /^(\d+): vetha@if(\d+): /.exec(own.stdout)!;
    expect(Number(index)).toBe(Number(peer) + 1);
    expect(r.stdout).toMatch(
      /^bridge name\tbridge id\t\tSTP enabled\tinterfaces\nbr-[0-9a-f]{12}\t\t8000\.[0-9a-f]{12}\tno\t\tvetha\n$/,
    );
  });

  it('lists the symlinked namespace, with its nsid once a veth links it to the host', () => {
    const before = run([...PLUMB.slice(0, 6), 'ip netns ls']);
    expect(before.stdout).toMatch(/^\d+\n$/);
    expect(run([...PLUMB, 'ip netns list']).stdout).toMatch(/^\d+ \(id: 0\)\n$/);
  });

  it('keeps a hand-made endpoint out of docker network inspect', () => {
    const r = run([...PLUMB, "docker network inspect -f '{{json .Containers}}' net0"]);
    expect(r.stdout).toBe('{}\n');
  });

  it('refuses changes inside an unprivileged container, allows them when privileged', () => {
    const denied = run([
      'docker run -dit --name b1 busybox',
      'docker run -dit --name d1 ubuntu',
      'docker exec b1 ip addr add 10.1.1.1/24 dev eth0',
    ]);
    expect([denied.stderr, denied.exitCode]).toEqual([
      'ip: RTNETLINK answers: Operation not permitted\n',
      2,
    ]);
    const ok = run([
      'docker run -dit --privileged --name p1 busybox',
      'docker exec p1 ip addr add 10.1.1.1/24 dev eth0',
      'docker exec p1 ip -4 addr show eth0',
    ]);
    expect(ok.stdout).toContain('inet 10.1.1.1/24 scope global eth0\n');
  });

  it('answers with iproute2 error texts and exit codes', () => {
    const cases: [string, string, number][] = [
      ['ip link set nosuch up', 'Cannot find device "nosuch"\n', 1],
      ['ip link add vetha type veth peer name vethb', 'RTNETLINK answers: File exists\n', 2],
      [
        'ip addr add 1.2.3 dev vetha',
        'Error: any valid prefix is expected rather than "1.2.3".\n',
        1,
      ],
      ['ip route add default via 10.9.9.9', 'Error: Nexthop has invalid gateway.\n', 2],
      ['ip route del 10.9.0.0/16', 'RTNETLINK answers: No such process\n', 2],
      ['ip link set vetha netns 99999', 'RTNETLINK answers: No such process\n', 2],
      [
        'ip link set vetha netns foo',
        'Error: argument "foo" is wrong: Invalid "netns" value\n',
        255,
      ],
      [
        'ip netns exec nosuch ls',
        'Cannot open network namespace "nosuch": No such file or directory\n',
        1,
      ],
      ['ip link del lo', 'RTNETLINK answers: Operation not supported\n', 2],
      ['brctl addif docker0 nosuch', 'interface nosuch does not exist!\n', 1],
      ['brctl addif nobr vetha', 'bridge nobr does not exist!\n', 1],
      [
        'mkdir /var/run/netns/a/b',
        "mkdir: cannot create directory '/var/run/netns/a/b': No such file or directory\n",
        1,
      ],
    ];
    for (const [line, stderr, code] of cases) {
      const r = run(['ip link add vetha type veth peer name vethb', line]);
      expect([line, r.stderr, r.exitCode]).toEqual([line, stderr, code]);
    }
  });

  it('deletes both ends of a pair, even a container’s, and Docker keeps its record', () => {
    const veth = /veth[0-9a-f]{7}/.exec(
      run(['docker run -dit --name b1 busybox', 'ip link']).stdout,
    )![0];
    const r = run([
      'docker run -dit --name b1 busybox',
      `ip link del ${veth}`,
      'docker exec b1 ip link',
    ]);
    expect(r.stdout).not.toContain('eth0');
    expect(checkInvariants(r.world)).toEqual([]);
    // Docker's endpoint record still holds the address: it never hears of the deletion.
    expect(
      run([
        'docker run -dit --name b1 busybox',
        `ip link del ${veth}`,
        "docker inspect -f '{{.NetworkSettings.IPAddress}}' b1",
      ]).stdout,
    ).toBe('172.17.0.2\n');
  });

  it('ip netns add / exec / del makes and destroys a namespace with its veth', () => {
    const r = run([
      'ip netns add red',
      'ip link add v0 type veth peer name v1',
      'ip link set v1 netns red',
      'ip netns exec red ip link',
      'ip netns ls',
      'ip netns del red',
      'ip link show v0',
    ]);
    const t = r.transcript;
    expect(t[3].stdout).toMatch(
      /: v1@if\d+: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n/,
    );
    expect(t[4].stdout).toBe('red (id: 0)\n');
    expect([r.stderr, r.exitCode]).toEqual(['Device "v0" does not exist.\n', 1]);
    expect(checkInvariants(r.world)).toEqual([]);
  });

  it('creates a bridge with ip link add and ports it with ip link set master', () => {
    const r = run([
      'ip link add br0 type bridge',
      'ip link add v0 type veth peer name v1',
      'ip link set v0 master br0',
      'ip link show v0',
    ]);
    expect(r.stdout).toMatch(
      /: v0@v1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop master br0 state DOWN mode DEFAULT group default qlen 1000\n/,
    );
  });
});
