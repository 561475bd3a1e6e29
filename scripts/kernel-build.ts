/**
 * For the kernel check (verify-kernel.ts): a simulated host's state built for real — its
 * namespaces, bridges, veth pairs, macvlan and vxlan devices, addresses, routes, PERMANENT
 * neighbours, vxlan FDB entries, sysctls and iptables rules. The host's own namespace is the
 * current one (`root` empty) or a named namespace playing that host (two lab hosts side by side).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import type { Host, Link } from '../src/sim/index';
import { LAN_CLIENT, LAN_NETNS } from '../src/sim/packet/lan';
import { isMulticast, ZERO_MAC } from '../src/sim/net/vxlan';

export const sh = (cmd: string, args: string[], input?: string) =>
  execFileSync(cmd, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input !== undefined ? { input } : {}),
  }).toString();

/** `ip [-n ns] …`: the current namespace when `ns` is empty. */
export const ipn = (ns: string, args: string[]) => sh('ip', ns ? ['-n', ns, ...args] : args);

/** A command run inside namespace `ns` (or here, when empty). */
const inNs = (ns: string, cmd: string, args: string[], input?: string) =>
  ns ? sh('ip', ['netns', 'exec', ns, cmd, ...args], input) : sh(cmd, args, input);

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

/** eth0 on a wire whose other end is the LAN client's namespace (single-host macvlan scenarios). */
function macvlanLan(h: Host, names: Map<string, string>): void {
  const eth0 = h.netns.get('host')!.links.find((l) => l.name === 'eth0')!;
  names.set(LAN_NETNS, 'lan');
  sh('ip', ['netns', 'add', 'lan']);
  ipn('', ['link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'lan0']);
  ipn('', ['link', 'set', 'lan0', 'netns', 'lan']);
  ipn('lan', ['addr', 'add', `${LAN_CLIENT}/24`, 'dev', 'lan0']);
  ipn('lan', ['link', 'set', 'lan0', 'up']);
  for (const a of eth0.addresses) ipn('', ['addr', 'add', `${a.ip}/${a.prefix}`, 'dev', 'eth0']);
  ipn('', ['link', 'set', 'eth0', 'up']);
  for (const [id, ns] of h.netns)
    for (const l of ns.links.filter((x) => x.kind === 'macvlan')) {
      const tmp = id === 'host' ? l.name : `mv${l.ifindex}`;
      ipn('', ['link', 'add', tmp, 'link', 'eth0', 'type', 'macvlan', 'mode', l.stacked!.mode]);
      ipn('', ['link', 'set', tmp, 'address', l.mac]);
      if (id === 'host') continue;
      ipn('', ['link', 'set', tmp, 'netns', names.get(id)!]);
      ipn(names.get(id)!, ['link', 'set', tmp, 'name', l.name]);
    }
}

/** A vxlan device made where its socket lives (its underlay), then moved to its namespace. */
function vxlanDevice(h: Host, names: Map<string, string>, id: string, l: Link): void {
  const v = l.vxlan!;
  const u = names.get(v.underlayNetns)!;
  const lower = h.netns.get(v.underlayNetns)?.links.find((x) => x.ifindex === v.dev);
  const args = ['link', 'add', l.name, 'type', 'vxlan', 'id', String(v.id)];
  args.push('dstport', String(v.dstport));
  if (v.local) args.push('local', v.local);
  if (v.remote) args.push(isMulticast(v.remote) ? 'group' : 'remote', v.remote);
  if (lower) args.push('dev', lower.name);
  if (!v.learning) args.push('nolearning');
  if (v.proxy) args.push('proxy');
  ipn(u, args);
  ipn(u, ['link', 'set', l.name, 'address', l.mac]);
  if (id !== v.underlayNetns) ipn(u, ['link', 'set', l.name, 'netns', names.get(id)!]);
}

/**
 * Builds host `h`; its netns ids other than `host` become `<prefix><n>`. With `root` set, that
 * namespace (made by the caller, eth0 and all) plays the host's own.
 */
export function build(h: Host, root = '', prefix = 'sim'): Map<string, string> {
  const names = new Map<string, string>([['host', root]]);
  let n = 0;
  for (const id of h.netns.keys()) if (id !== 'host') names.set(id, `${prefix}${n++}`);
  for (const [id, name] of names) if (id !== 'host') sh('ip', ['netns', 'add', name]);
  if (!root && [...h.netns.values()].some((ns) => ns.links.some((l) => l.kind === 'macvlan')))
    macvlanLan(h, names);
  for (const name of names.values()) ipn(name, ['link', 'set', 'lo', 'up']);
  for (const [id, ns] of h.netns)
    for (const l of ns.links)
      if (l.kind === 'bridge') ipn(names.get(id)!, ['link', 'add', l.name, 'type', 'bridge']);
  for (const [id, ns] of h.netns)
    for (const l of ns.links) {
      if (l.kind === 'vxlan') vxlanDevice(h, names, id, l);
      if (l.kind !== 'veth' || !l.peer) continue;
      // Each pair once: from its host end, or from its lower index when neither end is the host's.
      const other = l.peer.netns;
      if (id !== 'host' && (other === 'host' || l.peer.ifindex < l.ifindex)) continue;
      const peer = h.netns.get(other)?.links.find((x) => x.ifindex === l.peer!.ifindex);
      if (!peer) continue;
      const here = names.get(id)!;
      const tmp = `p${l.ifindex}`;
      ipn(here, ['link', 'add', l.name, 'type', 'veth', 'peer', 'name', tmp]);
      if (other !== id) ipn(here, ['link', 'set', tmp, 'netns', names.get(other)!]);
      ipn(names.get(other)!, ['link', 'set', tmp, 'name', peer.name]);
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
          ...(r.onlink ? ['onlink'] : []),
        ]);
  for (const [id, ns] of h.netns) {
    const name = names.get(id)!;
    for (const l of ns.links)
      for (const f of l.vxlan?.fdb ?? [])
        if (f.mac !== ZERO_MAC || f.dst !== l.vxlan!.remote)
          sh('bridge', [
            ...(name ? ['-n', name] : []),
            'fdb',
            'append',
            f.mac,
            'dev',
            l.name,
            'dst',
            f.dst,
          ]);
    for (const e of h.neighbours?.get(id) ?? []) {
      const dev = ns.links.find((l) => l.ifindex === e.ifindex);
      if (e.state === 'PERMANENT' && dev && e.mac)
        ipn(name, ['neigh', 'add', e.ip, 'lladdr', e.mac, 'dev', dev.name]);
    }
  }
  inNs(root, 'sysctl', [
    '-q',
    '-w',
    `net.ipv4.ip_forward=${h.sysctl['net.ipv4.ip_forward'] ?? '1'}`,
  ]);
  inNs(root, 'iptables-restore', [], restoreInput(h));
  return names;
}

/** Removes what `build` made in the current namespace (named namespaces go with `ip netns del`). */
export function teardown(names: Map<string, string>, h: Host): void {
  for (const name of names.values()) if (name) spawnSync('ip', ['netns', 'del', name]);
  for (const l of h.netns.get('host')!.links)
    if (['bridge', 'veth', 'macvlan', 'vxlan'].includes(l.kind))
      spawnSync('ip', ['link', 'del', l.name]);
  spawnSync('ip', ['link', 'del', 'eth0']);
}

export function kernelPing(ns: string, dst: string): boolean {
  const args = ['-c', '1', '-W', '1', dst];
  const r = ns ? spawnSync('ip', ['netns', 'exec', ns, 'ping', ...args]) : spawnSync('ping', args);
  return r.status === 0;
}
