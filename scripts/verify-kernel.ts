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
 * gateway and the internet are not built, so nothing is compared toward them. This kernel has no
 * ipvlan, dummy or 802.1Q vlan devices (`ip link add … type ipvlan|dummy|vlan`: Unknown device
 * type), so ipvlan and eth0.N parents are checked by unit tests only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWorld, runLine, type Host, type World } from '../src/sim/index';
import { LAN_CLIENT, LAN_NETNS } from '../src/sim/packet/lan';
import { sendInWorld } from '../src/sim/packet/walk';
import { createRng } from '../src/sim/rng';
import { hostOf } from '../src/sim/world';

const SCENARIOS = Number(process.env.SCENARIOS ?? 12);

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

const sh = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

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

/** The model's rules as iptables-restore input. */
function restoreInput(h: Host): string {
  const out: string[] = [];
  for (const table of ['filter', 'nat'] as const) {
    const rules = h.iptables.rules.filter((r) => r.table === table);
    const builtin =
      table === 'filter'
        ? ['INPUT', 'FORWARD', 'OUTPUT']
        : ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];
    const chains = new Set(rules.map((r) => r.chain));
    for (const r of rules) {
      const jump = /-j (\S+)/.exec(r.spec)?.[1];
      if (jump && /^[A-Z-]+[A-Z0-9-]*$/.test(jump) && jump.startsWith('DOCKER')) chains.add(jump);
    }
    out.push(`*${table}`);
    for (const c of builtin)
      out.push(`:${c} ${h.iptables.policies[`${table}:${c}`] ?? 'ACCEPT'} [0:0]`);
    for (const c of chains) if (!builtin.includes(c)) out.push(`:${c} - [0:0]`);
    for (const r of rules) out.push(`-A ${r.chain} ${r.spec}`);
    out.push('COMMIT');
  }
  return `${out.join('\n')}\n`;
}

/** Builds the simulated host's namespaces for real; sim netns ids become `sim<n>` names. */
function build(h: Host): Map<string, string> {
  const names = new Map<string, string>([['host', '']]);
  let n = 0;
  for (const id of h.netns.keys()) if (id !== 'host') names.set(id, `sim${n++}`);
  for (const [id, name] of names) if (id !== 'host') sh('ip', ['netns', 'add', name]);
  const ipn = (ns: string, args: string[]) => sh('ip', ns ? ['-n', ns, ...args] : args);
  const host = h.netns.get('host')!;
  const eth0 = host.links.find((l) => l.name === 'eth0')!;
  const macvlans = [...h.netns].flatMap(([id, ns]) =>
    ns.links.filter((l) => l.kind === 'macvlan').map((l) => ({ id, l })),
  );
  if (macvlans.length) {
    // eth0 on a wire whose other end is the LAN client's namespace.
    names.set(LAN_NETNS, 'lan');
    sh('ip', ['netns', 'add', 'lan']);
    ipn('', ['link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'lan0']);
    ipn('', ['link', 'set', 'lan0', 'netns', 'lan']);
    ipn('lan', ['addr', 'add', `${LAN_CLIENT}/24`, 'dev', 'lan0']);
    ipn('lan', ['link', 'set', 'lan0', 'up']);
    for (const a of eth0.addresses) ipn('', ['addr', 'add', `${a.ip}/${a.prefix}`, 'dev', 'eth0']);
    ipn('', ['link', 'set', 'eth0', 'up']);
    for (const { id, l } of macvlans) {
      const tmp = id === 'host' ? l.name : `mv${l.ifindex}`;
      ipn('', ['link', 'add', tmp, 'link', 'eth0', 'type', 'macvlan', 'mode', l.stacked!.mode]);
      ipn('', ['link', 'set', tmp, 'address', l.mac]);
      if (id === 'host') continue;
      ipn('', ['link', 'set', tmp, 'netns', names.get(id)!]);
      ipn(names.get(id)!, ['link', 'set', tmp, 'name', l.name]);
    }
  }
  for (const name of names.values()) ipn(name, ['link', 'set', 'lo', 'up']);
  for (const l of host.links)
    if (l.kind === 'bridge') ipn('', ['link', 'add', l.name, 'type', 'bridge']);
  for (const [id, ns] of h.netns)
    for (const l of ns.links) {
      if (l.kind !== 'veth' || !l.peer || id !== 'host') continue;
      const peer = h.netns.get(l.peer.netns)?.links.find((x) => x.ifindex === l.peer!.ifindex);
      if (!peer) continue;
      ipn('', ['link', 'add', l.name, 'type', 'veth', 'peer', 'name', `p${l.ifindex}`]);
      if (l.peer.netns !== 'host')
        ipn('', ['link', 'set', `p${l.ifindex}`, 'netns', names.get(l.peer.netns)!]);
      ipn(names.get(l.peer.netns)!, ['link', 'set', `p${l.ifindex}`, 'name', peer.name]);
    }
  for (const [id, ns] of h.netns)
    for (const l of ns.links) {
      if (l.kind === 'loopback' || l.kind === 'ether') continue;
      const name = names.get(id)!;
      for (const a of l.addresses) ipn(name, ['addr', 'add', `${a.ip}/${a.prefix}`, 'dev', l.name]);
      if (l.master !== undefined)
        ipn(name, [
          'link',
          'set',
          l.name,
          'master',
          ns.links.find((b) => b.ifindex === l.master)!.name,
        ]);
      if (l.up) ipn(name, ['link', 'set', l.name, 'up']);
    }
  for (const [id, ns] of h.netns)
    for (const r of ns.routes)
      if (id !== 'host' || r.dst !== 'default')
        ipn(names.get(id)!, [
          'route',
          'add',
          r.dst,
          ...(r.via ? ['via', r.via] : []),
          'dev',
          r.dev,
        ]);
  sh('sysctl', ['-q', '-w', `net.ipv4.ip_forward=${h.sysctl['net.ipv4.ip_forward'] ?? '1'}`]);
  execFileSync('iptables-restore', { input: restoreInput(h) });
  return names;
}

function teardown(names: Map<string, string>, h: Host): void {
  for (const name of names.values()) if (name) spawnSync('ip', ['netns', 'del', name]);
  for (const l of h.netns.get('host')!.links)
    if (l.kind === 'bridge' || l.kind === 'veth' || l.kind === 'macvlan')
      spawnSync('ip', ['link', 'del', l.name]);
  spawnSync('ip', ['link', 'del', 'eth0']);
}

function kernelPing(ns: string, dst: string): boolean {
  const args = ['-c', '1', '-W', '1', dst];
  const r = ns ? spawnSync('ip', ['netns', 'exec', ns, 'ping', ...args]) : spawnSync('ping', args);
  return r.status === 0;
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
console.log(mismatches.join('\n'));
console.log(
  `${SCENARIOS} scenarios, ${pairs} pings compared (${reached} delivered and ${pairs - reached} dropped by the kernel), ${mismatches.length} mismatches`,
);
process.exit(mismatches.length ? 1 : 0);
