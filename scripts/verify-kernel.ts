/**
 * `npm run verify:kernel`: the simulator's reachability against the real Linux kernel.
 * Random scenarios are replayed in the simulator; the state they produce (bridges, veth pairs,
 * addresses, routes, Docker's iptables rules) is built for real inside a private network and
 * mount namespace (`unshare -n -m`, never touching this machine's interfaces), and every
 * container → address ping is compared with the simulator's verdict. Needs root, iproute2,
 * iptables and iputils-ping.
 *
 * Every other scenario adds a macvlan network on the host's eth0 (and sometimes the host-side
 * mac0 fix). The host's eth0 is then built as one end of a veth pair whose other end sits in a
 * namespace playing the LAN client (10.0.2.20), which is also a ping source and target; the LAN
 * gateway and the internet are not built, so nothing is compared toward them. This kernel has
 * macvlan and vxlan but no ipvlan, dummy or 802.1Q vlan devices (`ip link add … type
 * ipvlan|dummy|vlan`: Unknown device type), so ipvlan and eth0.N parents are checked by unit
 * tests only.
 *
 * Then two lab hosts joined by VXLAN (kernel-vxlan.ts): each host a namespace with eth0 on a LAN
 * bridge, its docker0, containers, vxlan0, FDB entries, neighbours, routes and rules as the
 * simulator left them; container → pings across the tunnel are compared the same way.
 * `SCENARIOS` and `VXLAN_SCENARIOS` set how many of each (12 and 8).
 */
import { spawnSync } from 'node:child_process';
import { createWorld, runLine, type World } from '../src/sim/index';
import { LAN_CLIENT, LAN_NETNS } from '../src/sim/packet/lan';
import { sendInWorld } from '../src/sim/packet/walk';
import { createRng } from '../src/sim/rng';
import { hostOf } from '../src/sim/world';
import { build, kernelPing, sh, teardown } from './kernel-build';
import { runVxlanScenarios } from './kernel-vxlan';

const SCENARIOS = Number(process.env.SCENARIOS ?? 12);
const VXLAN_SCENARIOS = Number(process.env.VXLAN_SCENARIOS ?? 8);

if (!process.argv.includes('--inner')) {
  // Re-run this script inside fresh network and mount namespaces.
  const r = spawnSync(
    'unshare',
    [
      '-n',
      '-m',
      '--propagation',
      'private',
      '--',
      process.execPath,
      ...process.execArgv,
      process.argv[1],
      '--inner',
    ],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}

const MACVLAN_MODES = ['bridge', 'bridge', 'private', 'vepa'];

/** A macvlan network on eth0 with 1–3 containers, and sometimes the host's own mac0. */
function macvlanLines(rng: ReturnType<typeof createRng>, first: number): string[] {
  const mode = rng.pick(MACVLAN_MODES);
  const lines = [
    `docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0${mode === 'bridge' ? '' : ` -o macvlan_mode=${mode}`} mv`,
  ];
  for (let i = 0; i < rng.int(1, 3); i++)
    lines.push(`docker run -dit --name m${first + i} --network mv busybox`);
  if (rng.int(0, 1) === 0)
    lines.push(
      'ip link add mac0 link eth0 type macvlan mode bridge',
      'ip addr add 10.0.2.50/32 dev mac0',
      'ip link set mac0 up',
      ...(rng.int(0, 3) > 0 ? ['ip route add 10.0.2.128/25 dev mac0'] : []),
    );
  return lines;
}

function scenario(seed: number): string[] {
  const rng = createRng(2705, seed);
  const nets = ['default'];
  const lines: string[] = seed % 2 === 1 ? macvlanLines(rng, 0) : [];
  for (let i = 0; i < rng.int(0, 2); i++) {
    lines.push(`docker network create ${rng.int(0, 3) === 0 ? '--internal ' : ''}n${i}`);
    nets.push(`n${i}`);
  }
  const count = rng.int(2, 5);
  for (let i = 0; i < count; i++) {
    const net = rng.int(0, 6) === 0 ? 'none' : rng.pick(nets);
    lines.push(`docker run -dit --name c${i} --network ${net} busybox`);
  }
  for (let i = 0; i < rng.int(0, 2); i++)
    lines.push(
      `docker network connect ${rng.pick(nets.slice(1).concat('bridge'))} c${rng.int(0, count - 1)}`,
    );
  if (rng.int(0, 2) === 0) lines.push(`docker stop c${rng.int(0, count - 1)}`);
  return lines;
}

sh('mkdir', ['-p', '/run/netns']);
sh('mount', ['-t', 'tmpfs', 'tmpfs', '/run/netns']);
sh('ip', ['link', 'set', 'lo', 'up']);
let pairs = 0;
let reached = 0;
const mismatches: string[] = [];
for (let s = 0; s < SCENARIOS; s++) {
  let world: World = createWorld();
  const lines = scenario(s);
  for (const line of lines) world = runLine(world, line).world;
  const h = hostOf(world);
  const names = build(h);
  const running = [...h.docker.containers.values()].filter(
    (c) => c.state.status === 'running' && c.netns,
  );
  const targets = [
    ...running.flatMap((c) => c.endpoints.flatMap((e) => (e.joined?.ip ? [e.joined.ip] : []))),
    ...h.netns
      .get('host')!
      .links.filter((l) => l.kind === 'bridge')
      .flatMap((l) => l.addresses.map((a) => a.ip)),
  ];
  const lan = names.has(LAN_NETNS);
  if (lan)
    targets.push(
      LAN_CLIENT,
      ...h.netns
        .get('host')!
        .links.filter((l) => l.kind === 'ether' || l.kind === 'macvlan')
        .flatMap((l) => l.addresses.map((a) => a.ip)),
    );
  const sources = [
    { label: 'host', netns: 'host' },
    ...running.map((c) => ({ label: c.name, netns: c.netns! })),
    ...(lan ? [{ label: 'lan-client', netns: LAN_NETNS }] : []),
  ];
  for (const src of sources)
    for (const dst of targets) {
      const sim =
        sendInWorld(world, world.terminal.host, src.netns, { proto: 'icmp', dst }).trace.verdict ===
        'delivered';
      const real = kernelPing(names.get(src.netns)!, dst);
      pairs++;
      if (real) reached++;
      if (sim !== real)
        mismatches.push(
          `scenario ${s} [${lines.join('; ')}]: ${src.label} -> ${dst}: simulator ${sim ? 'reaches' : 'drops'}, kernel ${real ? 'reaches' : 'drops'}`,
        );
    }
  teardown(names, h);
}
const started = Date.now();
const vx = runVxlanScenarios(VXLAN_SCENARIOS);
mismatches.push(...vx.mismatches);
console.log(mismatches.join('\n'));
console.log(
  `${SCENARIOS} scenarios, ${pairs} pings compared (${reached} delivered and ${pairs - reached} dropped by the kernel), ${mismatches.length - vx.mismatches.length} mismatches`,
);
console.log(
  `${vx.scenarios} two-host VXLAN scenarios, ${vx.pairs} pings across the tunnel (${vx.reached} delivered and ${vx.pairs - vx.reached} dropped by the kernel), ${vx.mismatches.length} mismatches, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(mismatches.length ? 1 : 0);
