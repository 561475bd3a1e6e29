/**
 * The kernel check's two-host VXLAN scenarios: flannel's VXLAN backend done by hand between two lab
 * hosts (docker0 on 172.30.0.0/16 and 172.31.0.0/16, a vxlan0 on each with a /32 address, FDB
 * entries, PERMANENT neighbours and onlink routes), with random gaps — no FDB entry, the all-zero
 * entry or `remote` instead, learning on or off, a VNI that differs, UDP 4789 dropped by INPUT,
 * no DOCKER-USER accept — and, every other scenario, Docker overlay's layout by hand (vxlan0 as
 * a bridge port in its own namespace). Each host is a namespace whose eth0 sits on a LAN bridge
 * in a third one; every ping across the tunnel is compared with the simulator's verdict.
 */
import { spawnSync } from 'node:child_process';
import { createWorld, runLine, type World } from '../src/sim/index';
import { sendInWorld } from '../src/sim/packet/walk';
import { createRng } from '../src/sim/rng';
import { hostOf } from '../src/sim/world';
import { build, ipn, kernelPing, sh } from './kernel-build';

const HOSTS = [
  { name: 'docker-host', ns: 'ha', prefix: 'a', net: '172.30', vtep: '10.0.2.15', c: 'a' },
  { name: 'host2', ns: 'hb', prefix: 'b', net: '172.31', vtep: '10.0.2.16', c: 'b' },
] as const;
const MACS = ['0e:00:00:00:00:01', '0e:00:00:00:00:02'];

type Fdb = 'mac' | 'zero' | 'remote' | 'none';

function sideLines(
  rng: ReturnType<typeof createRng>,
  me: 0 | 1,
  o: { fdb: Fdb; neigh: boolean; vni: number },
): string[] {
  const [self, peer] = me === 0 ? HOSTS : [HOSTS[1], HOSTS[0]];
  const learning = rng.int(0, 1) === 0 ? '' : ' nolearning';
  const remote = o.fdb === 'remote' ? ` remote ${peer.vtep}` : '';
  const lines = [
    `ip link add vxlan0 type vxlan id ${o.vni} dstport 4789 dev eth0 local ${self.vtep}${remote}${learning}`,
    `ip link set vxlan0 address ${MACS[me]}`,
    'ip link set vxlan0 up',
    `ip addr add ${self.net}.0.0/32 dev vxlan0`,
  ];
  if (o.fdb === 'mac') lines.push(`bridge fdb append ${MACS[1 - me]} dev vxlan0 dst ${peer.vtep}`);
  if (o.fdb === 'zero')
    lines.push(`bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst ${peer.vtep}`);
  if (o.neigh) lines.push(`ip neigh add ${peer.net}.0.0 lladdr ${MACS[1 - me]} dev vxlan0`);
  lines.push(`ip route add ${peer.net}.0.0/16 via ${peer.net}.0.0 dev vxlan0 onlink`);
  if (rng.int(0, 7) > 0) lines.push('iptables -I DOCKER-USER -i vxlan0 -o docker0 -j ACCEPT');
  if (rng.int(0, 11) === 0) lines.push('iptables -I INPUT -p udp --dport 4789 -j DROP');
  return lines;
}

function scenario(seed: number): string[] {
  const rng = createRng(4789, seed);
  // Without PERMANENT neighbours ARP crosses the tunnel, which needs flooding entries both ways.
  const neigh = rng.int(0, 3) > 0;
  const modes: Fdb[] = neigh ? ['mac', 'mac', 'mac', 'zero', 'remote', 'none'] : ['zero', 'remote'];
  const vni = rng.int(0, 9) === 0 ? [42, 43] : [42, 42];
  const lines: string[] = [];
  for (const i of [1, 0] as const) {
    const h = HOSTS[i];
    if (i === 1) lines.push('lab add-host host2', 'ssh host2');
    lines.push(
      'cat > /etc/docker/daemon.json <<EOF',
      `{ "bip": "${h.net}.0.1/16" }`,
      'EOF',
      'systemctl restart docker',
    );
    for (let c = 0; c < rng.int(1, 2); c++) lines.push(`docker run -dit --name ${h.c}${c} busybox`);
    lines.push(...sideLines(rng, i, { fdb: rng.pick(modes), neigh, vni: vni[i] }));
    if (i === 1) lines.push('exit');
  }
  return lines;
}

/**
 * Docker overlay's layout by hand: on each host a namespace `ov` holding br0 and a vxlan0 made in
 * the host namespace (its socket stays there), and 1–2 namespaces `epN` on br0 in 10.10.0.0/24.
 * ARP and unknown MACs flood to the all-zero entries; `nolearning` devices answer only through
 * them.
 */
function overlayScenario(seed: number): string[] {
  const rng = createRng(256, seed);
  const vni = rng.int(0, 9) === 0 ? [256, 257] : [256, 256];
  const lines: string[] = [];
  for (const i of [1, 0] as const) {
    const peer = HOSTS[1 - i].vtep;
    if (i === 1) lines.push('lab add-host host2', 'ssh host2');
    lines.push(
      'ip netns add ov',
      'ip -n ov link add br0 type bridge',
      `ip link add vxlan0 type vxlan id ${vni[i]} dstport 4789 dev eth0${rng.int(0, 1) ? ' nolearning' : ''}`,
      ...(rng.int(0, 9) > 0 ? [`bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst ${peer}`] : []),
      'ip link set vxlan0 netns ov',
      'ip -n ov link set vxlan0 master br0',
      'ip -n ov link set br0 up',
      'ip -n ov link set vxlan0 up',
    );
    for (let k = 0; k < rng.int(1, 2); k++)
      lines.push(
        `ip netns add ep${k}`,
        `ip link add veth${k} type veth peer name ve${k}`,
        `ip link set ve${k} netns ov`,
        `ip link set veth${k} netns ep${k}`,
        `ip -n ov link set ve${k} master br0`,
        `ip -n ov link set ve${k} up`,
        `ip -n ep${k} addr add 10.10.0.${(i + 1) * 10 + k}/24 dev veth${k}`,
        `ip -n ep${k} link set veth${k} up`,
      );
    if (rng.int(0, 11) === 0) lines.push('iptables -I INPUT -p udp --dport 4789 -j DROP');
    if (i === 1) lines.push('exit');
  }
  return lines;
}

/** Where pings start and end on a host: running containers, or the `epN` namespaces. */
function endpointsOf(world: World, host: string) {
  const h = hostOf(world, host);
  const containers = [...h.docker.containers.values()].flatMap((c) =>
    c.state.status === 'running' && c.netns && c.endpoints[0]?.joined?.ip
      ? [{ label: c.name, netns: c.netns, ip: c.endpoints[0].joined.ip }]
      : [],
  );
  const namespaces = [...h.netns.values()].flatMap((ns) =>
    ns.name?.startsWith('ep') && ns.links[1]?.addresses[0]
      ? [{ label: ns.name, netns: ns.id, ip: ns.links[1].addresses[0].ip }]
      : [],
  );
  return [...containers, ...namespaces];
}

/** The LAN: a bridge in namespace `lan`, each host namespace's eth0 a veth to it. */
function buildLan(world: World): void {
  sh('ip', ['netns', 'add', 'lan']);
  ipn('lan', ['link', 'add', 'lanbr', 'type', 'bridge']);
  ipn('lan', ['link', 'set', 'lanbr', 'up']);
  for (const x of HOSTS) {
    const eth0 = hostOf(world, x.name)
      .netns.get('host')!
      .links.find((l) => l.name === 'eth0')!;
    sh('ip', ['netns', 'add', x.ns]);
    ipn(x.ns, ['link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', `l${x.prefix}`]);
    ipn(x.ns, ['link', 'set', `l${x.prefix}`, 'netns', 'lan']);
    ipn('lan', ['link', 'set', `l${x.prefix}`, 'master', 'lanbr']);
    ipn('lan', ['link', 'set', `l${x.prefix}`, 'up']);
    ipn(x.ns, ['link', 'set', 'eth0', 'address', eth0.mac]);
    ipn(x.ns, ['addr', 'add', `${x.vtep}/24`, 'dev', 'eth0']);
    ipn(x.ns, ['link', 'set', 'eth0', 'up']);
  }
}

export interface Figures {
  scenarios: number;
  pairs: number;
  reached: number;
  mismatches: string[];
}

export function runVxlanScenarios(count: number): Figures {
  const f: Figures = { scenarios: count, pairs: 0, reached: 0, mismatches: [] };
  for (let s = 0; s < count; s++) {
    let world = createWorld();
    const lines = s % 2 === 0 ? scenario(s) : overlayScenario(s);
    for (const line of lines) world = runLine(world, line).world;
    buildLan(world);
    const names = HOSTS.map((x) => build(hostOf(world, x.name), x.ns, x.prefix));
    const ends = HOSTS.map((x) => endpointsOf(world, x.name));
    for (const side of [0, 1])
      for (const src of ends[side])
        for (const { ip } of ends[1 - side]) {
          const from = HOSTS[side].name;
          const sim =
            sendInWorld(world, from, src.netns, { proto: 'icmp', dst: ip }).trace.verdict ===
            'delivered';
          const real = kernelPing(names[side].get(src.netns)!, ip);
          f.pairs++;
          if (real) f.reached++;
          if (sim !== real)
            f.mismatches.push(
              `vxlan scenario ${s} [${lines.join('; ')}]: ${src.label} -> ${ip}: simulator ${sim ? 'reaches' : 'drops'}, kernel ${real ? 'reaches' : 'drops'}`,
            );
        }
    for (const n of names) for (const name of n.values()) spawnSync('ip', ['netns', 'del', name]);
    spawnSync('ip', ['netns', 'del', 'lan']);
  }
  return f;
}
