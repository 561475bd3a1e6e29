import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { runLine } from '../shell/run-line';
import { hostOf } from '../world';
import { of, traced } from './testing';

const M1 = '0e:00:00:00:00:01';
const M2 = '0e:00:00:00:00:02';

/** One side of flannel's VXLAN backend by hand; `skip` leaves a step out. */
function side(me: 1 | 2, skip: readonly string[] = []): string[] {
  const [net, peerNet, vtep, peerVtep, mac, peerMac] =
    me === 1
      ? ['172.30', '172.31', '10.0.2.15', '10.0.2.16', M1, M2]
      : ['172.31', '172.30', '10.0.2.16', '10.0.2.15', M2, M1];
  const steps: Record<string, string> = {
    link: `ip link add vxlan0 type vxlan id 42 dstport 4789 dev eth0 local ${vtep} nolearning`,
    mac: `ip link set vxlan0 address ${mac}`,
    up: 'ip link set vxlan0 up',
    addr: `ip addr add ${net}.0.0/32 dev vxlan0`,
    fdb: `bridge fdb append ${peerMac} dev vxlan0 dst ${peerVtep}`,
    neigh: `ip neigh add ${peerNet}.0.0 lladdr ${peerMac} dev vxlan0`,
    route: `ip route add ${peerNet}.0.0/16 via ${peerNet}.0.0 dev vxlan0 onlink`,
    accept: 'iptables -I DOCKER-USER -i vxlan0 -o docker0 -j ACCEPT',
  };
  return Object.entries(steps).flatMap(([k, v]) => (skip.includes(k) ? [] : [v]));
}

const bip = (net: string) => [
  'cat > /etc/docker/daemon.json <<EOF',
  `{ "bip": "${net}.0.1/16" }`,
  'EOF',
  'systemctl restart docker',
];

function flannel(o: { one?: string[]; two?: string[]; extra2?: string[] } = {}): string[] {
  return [
    ...bip('172.30'),
    'lab add-host host2',
    'ssh host2',
    ...bip('172.31'),
    'docker run -d --name b1 busybox sleep 3600',
    ...side(2, o.two),
    ...(o.extra2 ?? []),
    'exit',
    'docker run -d --name a1 busybox sleep 3600',
    ...side(1, o.one),
  ];
}

const PING = 'docker exec a1 ping -c 1 -W 1 172.31.0.2';

describe('VXLAN between two lab hosts, flannel style', () => {
  it('a ping crosses the tunnel both ways: encap on docker-host, decap on host2, and back', () => {
    const { output, trace } = traced([...flannel(), PING]);
    expect(output.stdout).toContain('1 packets received');
    const kinds = trace.events.map((e) => e.kind);
    const encaps = of(trace, 'vxlan-encap');
    const decaps = of(trace, 'vxlan-decap');
    expect(encaps).toHaveLength(2);
    expect(decaps).toHaveLength(2);
    // Docker's MASQUERADE (! -o docker0) matches vxlan0: the inner source is vxlan0's address.
    expect(encaps[0]).toEqual({
      kind: 'vxlan-encap',
      direction: 'request',
      netns: 'host',
      dev: 'vxlan0',
      vni: 42,
      inner: { src: '172.30.0.0', dst: '172.31.0.2', dstMac: M2 },
      outer: expect.objectContaining({
        src: '10.0.2.15',
        dst: '10.0.2.16',
        dstPort: 4789,
      }) as object,
      via: 'fdb',
    });
    expect(encaps[0].outer.srcPort).toBeGreaterThanOrEqual(32768);
    expect(decaps[0]).toEqual({
      kind: 'vxlan-decap',
      direction: 'request',
      host: 'host2',
      netns: 'host',
      dev: 'vxlan0',
      vni: 42,
      inner: { src: '172.30.0.0', dst: '172.31.0.2' },
    });
    expect(encaps[1]).toMatchObject({
      direction: 'reply',
      inner: { src: '172.31.0.2', dst: '172.30.0.0', dstMac: M1 },
      outer: { src: '10.0.2.16', dst: '10.0.2.15' },
    });
    // encap, then the outer datagram crosses the LAN and meets host2's INPUT, then decap.
    const at = (k: string, from = 0) => kinds.indexOf(k as never, from);
    const enc = at('vxlan-encap');
    const lan = at('lan', enc);
    const dec = at('vxlan-decap', lan);
    expect(enc).toBeGreaterThan(0);
    expect(lan).toBeGreaterThan(enc);
    expect(dec).toBeGreaterThan(lan);
    const input = of(trace, 'netfilter').find((e) => e.hook === 'INPUT' && e.table === 'filter');
    expect(input).toMatchObject({ inDev: 'eth0' });
    expect(of(trace, 'arp')[1]).toMatchObject({
      dev: 'vxlan0',
      who: '172.31.0.0',
      mac: M2,
      answeredBy: { kind: 'neighbour', dev: 'vxlan0' },
    });
  });

  it('without an FDB entry for the MAC (and no all-zero entry) vxlan0 drops the frame', () => {
    const { output, trace } = traced([...flannel({ one: ['fdb'] }), PING]);
    expect(output.stdout).toContain('0 packets received');
    expect(trace.events.at(-1)).toMatchObject({
      kind: 'dropped',
      reason: 'vxlan',
      at: 'vxlan0',
      explanation: expect.stringContaining(
        `no FDB entry for ${M2} and no default destination`,
      ) as string,
    });
  });

  it('without a neighbour entry, ARP floods to the all-zero VTEPs and host2 answers', () => {
    const zero = 'bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.2.16';
    const { output, trace } = traced([...flannel({ one: ['neigh', 'fdb'] }), zero, PING]);
    expect(output.stdout).toContain('1 packets received');
    expect(of(trace, 'arp')[1]).toMatchObject({
      who: '172.31.0.0',
      mac: M2,
      answeredBy: { kind: 'tunnel-device', dev: 'vxlan0', host: 'host2' },
    });
    expect(of(trace, 'vxlan-encap')[0]).toMatchObject({ via: 'flood' });
  });

  it('ARP through the tunnel needs a way back: host2 with nolearning and no entry stays mute', () => {
    const zero = 'bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.2.16';
    const { trace } = traced([...flannel({ one: ['neigh', 'fdb'], two: ['fdb'] }), zero, PING]);
    expect(trace.events.at(-1)).toMatchObject({
      kind: 'dropped',
      reason: 'arp-failed',
      explanation: expect.stringContaining(
        `vxlan0 of host2 owns it, but has no FDB entry to send its answer back to ${M1}`,
      ) as string,
    });
  });

  it('without a neighbour entry or flooding VTEP, ARP on vxlan0 goes nowhere', () => {
    const { output, trace } = traced([...flannel({ one: ['neigh'] }), PING]);
    expect(output.stdout).toContain('0 packets received');
    expect(trace.events.at(-1)).toMatchObject({
      kind: 'dropped',
      reason: 'arp-failed',
      explanation: expect.stringContaining(
        'no 00:00:00:00:00:00 FDB entry and no remote',
      ) as string,
    });
  });

  it('UDP 4789 dropped by INPUT on host2: the outer datagram dies there', () => {
    const drop = 'iptables -I INPUT -p udp --dport 4789 -j DROP';
    const { output, trace } = traced([...flannel({ extra2: [drop] }), PING]);
    expect(output.stdout).toContain('0 packets received');
    expect(trace.events.at(-1)).toMatchObject({
      kind: 'dropped',
      reason: 'netfilter',
      at: 'INPUT',
    });
    expect(of(trace, 'vxlan-decap')).toEqual([]);
  });

  it('a VNI nobody on host2 uses: the datagram reaches its socket and is dropped', () => {
    const lines = flannel().map((l) =>
      l.includes('10.0.2.16 nolearning') ? l.replace('id 42', 'id 43') : l,
    );
    const { trace } = traced([...lines, PING]);
    expect(trace.events.at(-1)).toMatchObject({
      kind: 'dropped',
      reason: 'vxlan',
      explanation: 'no vxlan device with VNI 42 on UDP port 4789 here: the frame is dropped',
    });
  });

  it('a stale neighbour MAC: host2 vxlan0 drops the frame as another host’s', () => {
    const wrong = [
      'ip neigh replace 172.31.0.0 lladdr 0e:00:00:00:00:09 dev vxlan0',
      'bridge fdb append 0e:00:00:00:00:09 dev vxlan0 dst 10.0.2.16',
    ];
    const { trace } = traced([...flannel(), ...wrong, PING]);
    expect(trace.events.at(-1)).toMatchObject({
      kind: 'dropped',
      reason: 'vxlan',
      explanation: expect.stringContaining(
        'addressed to 0e:00:00:00:00:09, not to vxlan0',
      ) as string,
    });
  });

  it('no DOCKER-USER accept on host2: FORWARD drops vxlan0 → docker0', () => {
    const { trace } = traced([...flannel({ two: ['accept'] }), PING]);
    expect(trace.events.at(-1)).toMatchObject({
      kind: 'dropped',
      reason: 'netfilter',
      at: 'FORWARD',
    });
  });

  it('with learning on, host2 learns the sender’s VTEP and answers without a static entry', () => {
    const lines = flannel({ two: ['fdb'] }).map((l) =>
      l.includes('10.0.2.16 nolearning') ? l.replace(' nolearning', '') : l,
    );
    const { world } = replay([...lines, PING]);
    expect(runLine(world, 'ssh host2 bridge fdb show dev vxlan0').output.stdout).toBe(
      `${M1} dst 10.0.2.15 self \n`,
    );
    const { output } = traced([...lines, PING]);
    expect(output.stdout).toContain('1 packets received');
  });

  it('PERMANENT entries survive the ARP the walker learns', () => {
    const { world } = replay([...flannel(), PING]);
    const neigh = hostOf(world).neighbours?.get('host') ?? [];
    expect(neigh.find((n) => n.ip === '172.31.0.0')).toMatchObject({ state: 'PERMANENT', mac: M2 });
  });
});

describe('a vxlan device as a bridge port', () => {
  const OVERLAY = [
    'lab add-host host2',
    'ssh host2',
    'ip netns add ov',
    'ip -n ov link add br0 type bridge',
    'ip link add vxlan0 type vxlan id 256 dstport 4789 dev eth0',
    'bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.2.15',
    'ip link set vxlan0 netns ov',
    'ip link add veth0 type veth peer name ve',
    'ip link set ve netns ov',
    'ip -n ov link set ve master br0',
    'ip -n ov link set vxlan0 master br0',
    'ip -n ov link set br0 up',
    'ip -n ov link set vxlan0 up',
    'ip -n ov link set ve up',
    'ip netns add c2',
    'ip link set veth0 netns c2',
    'ip -n c2 addr add 10.10.0.3/24 dev veth0',
    'ip -n c2 link set veth0 up',
    'exit',
    'ip link add br0 type bridge',
    'ip addr add 10.10.0.1/24 dev br0',
    'ip link add vxlan0 type vxlan id 256 dstport 4789 dev eth0',
    'ip link set vxlan0 master br0',
    'bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.2.16',
    'ip link set vxlan0 up',
    'ip link set br0 up',
  ];

  it('ARP floods through the tunnel, the far bridge switches the inner frame to its port', () => {
    const { output, trace, world } = traced([...OVERLAY, 'ping -c 1 10.10.0.3']);
    expect(output.stdout).toContain('1 received');
    const c2 = [...hostOf(world, 'host2').netns.values()].find((n) => n.name === 'c2')?.id;
    expect(of(trace, 'arp')[0]).toMatchObject({
      dev: 'br0',
      who: '10.10.0.3',
      answeredBy: { kind: 'tunnel-netns', netns: c2, host: 'host2', port: 'vxlan0' },
    });
    const bridges = of(trace, 'bridge');
    expect(bridges[0]).toMatchObject({ bridge: 'br0', inPort: 'host', outPort: 'vxlan0' });
    expect(bridges[1]).toMatchObject({ bridge: 'br0', inPort: 'vxlan0', outPort: 've' });
    expect(of(trace, 'vxlan-decap')[0]).toMatchObject({ dev: 'vxlan0', vni: 256 });
  });
});
