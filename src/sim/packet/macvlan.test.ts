import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { runLine } from '../shell/run-line';
import { hostOf } from '../world';
import type { Trace, TraceEvent } from './trace';

const NET = (mode = 'bridge') =>
  `docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 -o macvlan_mode=${mode} mv`;
const TWO = (mode?: string) => [
  NET(mode),
  'docker run -d --name m1 --network mv busybox sleep 3600',
  'docker run -d --name m2 --network mv busybox sleep 3600',
];
const MAC0 = [
  'ip link add mac0 link eth0 type macvlan mode bridge',
  'ip addr add 10.0.2.50/32 dev mac0',
  'ip link set mac0 up',
  'ip route add 10.0.2.128/25 dev mac0',
];

function traced(lines: readonly string[], last: string) {
  const { world } = replay(lines);
  const r = runLine(world, last);
  return { ...r, trace: r.trace as Trace };
}
const of = <K extends TraceEvent['kind']>(t: Trace, kind: K) =>
  t.events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);

describe('macvlan on the LAN', () => {
  it('the host cannot reach its own macvlan child: an unanswered ARP, the kernel rule as the reason', () => {
    const { output, trace } = traced(TWO(), 'ping -c 1 -W 1 10.0.2.128');
    expect(output.stdout).toContain('From 10.0.2.15 icmp_seq=1 Destination Host Unreachable');
    const drop = trace.events.at(-1);
    expect(drop).toMatchObject({ kind: 'dropped', reason: 'macvlan-isolation', at: 'eth0' });
    expect(drop && 'explanation' in drop ? drop.explanation : '').toMatch(
      /macvlan eth0 is a child of this host's eth0: the kernel never delivers the parent's own frames/,
    );
    // No iptables rule is involved.
    expect(trace.events.some((e) => e.kind === 'dropped' && e.rule)).toBe(false);
  });

  it('nor the child its host', () => {
    const { output, trace } = traced(TWO(), 'docker exec m1 ping -c 1 -W 1 10.0.2.15');
    expect(output.stdout).toContain('1 packets transmitted, 0 packets received');
    expect(trace.events.at(-1)).toMatchObject({ reason: 'macvlan-isolation' });
  });

  it('bridge mode: siblings meet directly, with the MACs made from their addresses', () => {
    const { output, trace, world } = traced(TWO(), 'docker exec m1 ping -c 1 10.0.2.129');
    expect(output.stdout).toContain('1 packets received');
    expect(of(trace, 'arp')[0]).toMatchObject({
      mac: '02:42:0a:00:02:81',
      answeredBy: { kind: 'child', link: 'macvlan', dev: 'eth0', host: 'docker-host' },
    });
    expect(of(trace, 'netfilter')).toEqual([]);
    const m1 = [...hostOf(world).docker.containers.values()].find((c) => c.name === 'm1')!;
    expect(hostOf(world).neighbours?.get(m1.netns!)).toContainEqual(
      expect.objectContaining({ ip: '10.0.2.129', mac: '02:42:0a:00:02:81' }),
    );
  });

  it('private mode keeps siblings apart; vepa sends them to a switch that does not hairpin', () => {
    for (const mode of ['private', 'vepa']) {
      const { trace } = traced(TWO(mode), 'docker exec m1 ping -c 1 -W 1 10.0.2.129');
      expect(trace.events.at(-1)).toMatchObject({ reason: 'macvlan-isolation' });
      const last = trace.events.at(-1);
      expect(last && 'explanation' in last ? last.explanation : '').toContain(`${mode} mode`);
    }
  });

  it('the LAN client reaches the container directly: its ARP answered by the child, no host netfilter', () => {
    const { output, trace } = traced(TWO(), 'ssh 10.0.2.20 ping -c 1 10.0.2.128');
    expect(output.stdout).toContain('64 bytes from 10.0.2.128');
    expect(of(trace, 'arp')[0]).toMatchObject({ mac: '02:42:0a:00:02:80' });
    expect(of(trace, 'netfilter')).toEqual([]);
  });

  it('another lab host reaches it across the LAN and learns its MAC', () => {
    const { world, output } = traced(
      ['lab add-host host2', ...TWO()],
      'ssh host2 ping -c 1 10.0.2.128',
    );
    expect(output.stdout).toContain('64 bytes from 10.0.2.128');
    expect(hostOf(world, 'host2').neighbours?.get('host')).toContainEqual(
      expect.objectContaining({ ip: '10.0.2.128', mac: '02:42:0a:00:02:80' }),
    );
  });

  it('the container reaches the internet through the LAN gateway, not the host', () => {
    const { output, trace } = traced(TWO(), 'docker exec m1 ping -c 1 8.8.8.8');
    expect(output.stdout).toContain('64 bytes from 8.8.8.8');
    expect(of(trace, 'netfilter')).toEqual([]);
  });

  it('the classic fix: a macvlan mac0 on the host with a route reaches the container both ways', () => {
    const there = traced([...TWO(), ...MAC0], 'ping -c 1 10.0.2.128');
    expect(there.output.stdout).toContain('64 bytes from 10.0.2.128');
    expect(of(there.trace, 'route')[0]).toMatchObject({ dev: 'mac0' });
    const back = traced([...TWO(), ...MAC0], 'docker exec m1 ping -c 1 10.0.2.50');
    expect(back.output.stdout).toContain('64 bytes from 10.0.2.50');
  });
});

describe('ipvlan', () => {
  const L2 = [
    'docker network create -d ipvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.192/27 -o parent=eth0 iv',
    'docker run -d --name i1 --network iv busybox sleep 3600',
    'docker run -d --name i2 --network iv busybox sleep 3600',
  ];
  const L3 = [
    'docker network create -d ipvlan --subnet 192.168.214.0/24 -o parent=eth0 -o ipvlan_mode=l3 l3',
    'docker run -d --name d1 --network l3 busybox sleep 3600',
    'docker run -d --name d2 --network l3 busybox sleep 3600',
  ];

  it('l2: one segment, children answer ARP with the parent’s MAC, the host stays isolated', () => {
    const lan = traced(L2, 'ssh 10.0.2.20 ping -c 1 10.0.2.192');
    expect(lan.output.stdout).toContain('64 bytes from 10.0.2.192');
    expect(of(lan.trace, 'arp')[0]).toMatchObject({ mac: '52:54:00:12:34:56' });
    expect(traced(L2, 'docker exec i1 ping -c 1 10.0.2.193').output.stdout).toContain(
      '1 packets received',
    );
    expect(traced(L2, 'ping -c 1 -W 1 10.0.2.192').trace.events.at(-1)).toMatchObject({
      reason: 'macvlan-isolation',
    });
  });

  it('l3: siblings routed inside the kernel; the LAN needs a route via the host', () => {
    expect(traced(L3, 'docker exec d1 ping -c 1 192.168.214.3').output.stdout).toContain(
      '1 packets received',
    );
    const before = traced(['lab add-host host2', ...L3], 'ssh host2 ping -c 1 -W 1 192.168.214.2');
    expect(before.output.stdout).toContain('0 received');
    const after = traced(
      ['lab add-host host2', ...L3, 'ssh host2 ip route add 192.168.214.0/24 via 10.0.2.15'],
      'ssh host2 ping -c 1 192.168.214.2',
    );
    expect(after.output.stdout).toContain('64 bytes from 192.168.214.2');
    // The docker host never routes it: the parent's rx handler hands it to the child.
    expect(of(after.trace, 'host-routing').filter((e) => e.inDev === 'eth0')).toEqual([]);
  });

  it('l3: the LAN client has no route back, so its answers go to the LAN gateway and are lost', () => {
    const { output } = traced(L3, 'docker exec d1 ping -c 1 -W 1 10.0.2.20');
    expect(output.stdout).toContain('0 packets received');
  });
});
