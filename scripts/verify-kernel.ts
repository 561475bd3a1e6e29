/**
 * `npm run verify:kernel`: the simulator's reachability against the real Linux kernel.
 * Random scenarios are replayed in the simulator; the state they produce (bridges, veth pairs,
 * addresses, routes, Docker's iptables rules) is built for real inside a private network and
 * mount namespace (`unshare -n -m`, never touching this machine's interfaces), and every
 * container → address ping is compared with the simulator's verdict. Needs root, iproute2,
 * iptables and iputils-ping.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWorld, runLine, type Host, type World } from '../src/sim/index';
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

function scenario(seed: number): string[] {
  const rng = createRng(2705, seed);
  const nets = ['default'];
  const lines: string[] = [];
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
  for (const name of names.values()) ipn(name, ['link', 'set', 'lo', 'up']);
  const host = h.netns.get('host')!;
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
      if (id !== 'host')
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
    if (l.kind === 'bridge' || l.kind === 'veth') spawnSync('ip', ['link', 'del', l.name]);
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
  const sources = [
    { label: 'host', netns: 'host' },
    ...running.map((c) => ({ label: c.name, netns: c.netns! })),
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
