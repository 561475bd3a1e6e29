/**
 * `ip link add|set|delete`: the kernel's device operations as a learner drives them by hand
 * (seed 002/004's none-mode plumbing). iproute2 sends one RTM_NEWLINK per `set`; the kernel's
 * do_setlink applies its parts in a fixed order: namespace, address, mtu, name, flags, master.
 * Texts follow iproute2 ip/iplink.c and the kernel's errno / extack answers.
 */
import type { Link } from '../model';
import {
  createBridge,
  createVethPair,
  deleteLink,
  draftLink,
  findLink,
  moveLink,
  randomMac,
  renameLink,
  setLinkMac,
  setLinkMtu,
  setLinkUp,
  setMaster,
} from '../net/kernel';
import { failure, type Process, type ProcessResult } from '../shell/process';
import type { IpDialect } from './ip-addr';
import { change, hasNetAdmin, invalidArg, noDevice, rtnetlink } from './ip-change';
import { netnsOfPid, resolveNetnsName } from './ip-netns';
import type { Where } from './place';
import { matches } from './abbrev';
import { addStacked, STACKED_TYPES } from './ip-link-stacked';
import { addVxlan } from './ip-link-vxlan';

const IFNAMSIZ = 16;
const isIfname = (n: string) => n.length > 0 && n.length < IFNAMSIZ && !/[/\s:]/.test(n);
const NO_DEV = 'Not enough information: "dev" argument is required.';
/** A MAC as iproute2 and bridge take it: six colon-separated hex pairs. */
export const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

export interface LinkCtx {
  readonly p: Process;
  readonly w: Where;
  readonly netns: string;
  readonly d: IpDialect;
}

export const linkNamed = (c: LinkCtx, name: string): Link | undefined =>
  findLink(c.w.host, c.netns, name);

/** `ip link add [name] NAME type veth [peer [name] PEER]` / `type bridge` / stacked / vxlan. */
function add(c: LinkCtx, args: readonly string[]): ProcessResult {
  const { p } = c;
  let name: string | undefined;
  let type: string | undefined;
  let peer: string | undefined;
  let lower: string | undefined;
  const typeArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'type') type = args[++i];
    else if (a === 'link') lower = args[++i];
    else if (type !== undefined && (STACKED_TYPES.has(type) || type === 'vxlan')) typeArgs.push(a);
    else if (a === 'peer') {
      if (args[i + 1] === 'name') i++;
      peer = args[++i];
    } else if (a === 'name' || a === 'dev') name = args[++i];
    else if (type === undefined && name === undefined) name = a;
  }
  if (type === undefined) return rtnetlink(p, c.d, 'Operation not supported');
  for (const n of [name, peer])
    if (n !== undefined && !isIfname(n)) return invalidArg(p, n, '"name" not a valid ifname');
  if (!name) return failure(p.world, NO_DEV, 255);
  if (!hasNetAdmin(c.w)) return rtnetlink(p, c.d, 'Operation not permitted');
  if (STACKED_TYPES.has(type)) return addStacked(c, name, type, lower, typeArgs);
  if (type === 'vxlan') return addVxlan(c, name, typeArgs);
  if (type !== 'veth' && type !== 'bridge') return rtnetlink(p, c.d, 'Operation not supported');
  // The kernel names an unnamed peer veth0, veth1, … (the first free one).
  let peerName = peer;
  for (let i = 0; type === 'veth' && peerName === undefined; i++)
    if (!linkNamed(c, `veth${i}`) && `veth${i}` !== name) peerName = `veth${i}`;
  if (
    linkNamed(c, name) ||
    (peerName !== undefined && (linkNamed(c, peerName) || peerName === name))
  )
    return rtnetlink(p, c.d, 'File exists');
  return change(p, (h) => {
    if (type === 'bridge') return void createBridge(h, c.netns, name, randomMac(p.ctx.rng));
    const macA = randomMac(p.ctx.rng);
    const pair = createVethPair(
      h,
      { netns: c.netns, name, mac: macA },
      { netns: c.netns, name: peerName!, mac: randomMac(p.ctx.rng) },
    );
    // `ip link add` leaves the kernel's default queue length (Docker asks for 0).
    draftLink(h, c.netns, pair.a)!.txqlen = 1000;
    draftLink(h, c.netns, pair.b)!.txqlen = 1000;
  });
}

interface SetRequest {
  dev?: string;
  up?: boolean;
  name?: string;
  netns?: string;
  master?: string | null;
  mtu?: number;
  address?: string;
}

function parseSet(c: LinkCtx, args: readonly string[]): SetRequest | ProcessResult {
  const r: SetRequest = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i] ?? '';
    if (a === 'up' || a === 'down') r.up = a === 'up';
    else if (a === 'name') r.name = next();
    else if (a === 'netns') r.netns = next();
    else if (a === 'master') r.master = next();
    else if (a === 'nomaster') r.master = null;
    else if (a === 'mtu') {
      const v = next();
      if (!/^\d+$/.test(v)) return invalidArg(c.p, v, 'Invalid "mtu" value');
      r.mtu = Number(v);
    } else if (a === 'address') {
      const v = next();
      if (!MAC.test(v)) return invalidArg(c.p, v, 'Invalid "address" value');
      r.address = v.toLowerCase();
    } else if (a === 'dev') r.dev = next();
    else r.dev = a;
  }
  return r;
}

/** The namespace `netns X` names: a name under /var/run/netns first, else a PID. */
function targetNetns(c: LinkCtx, arg: string): string | ProcessResult {
  const named = resolveNetnsName(c.w.host, arg);
  if (named !== undefined) return named;
  if (!/^\d+$/.test(arg)) return invalidArg(c.p, arg, 'Invalid "netns" value');
  return netnsOfPid(c.w.host, Number(arg)) ?? rtnetlink(c.p, c.d, 'No such process');
}

function set(c: LinkCtx, args: readonly string[]): ProcessResult {
  const { p } = c;
  const r = parseSet(c, args);
  if ('exitCode' in r) return r;
  if (r.dev === undefined) return failure(p.world, NO_DEV, 255);
  const link = linkNamed(c, r.dev);
  if (!link) return noDevice(p, c.d, r.dev);
  let master: Link | undefined;
  if (typeof r.master === 'string') {
    master = linkNamed(c, r.master);
    if (!master) return invalidArg(p, r.master, 'Device does not exist');
  }
  if (r.name !== undefined && !isIfname(r.name))
    return invalidArg(p, r.name, '"name" not a valid ifname');
  let to: string | undefined;
  if (r.netns !== undefined) {
    const t = targetNetns(c, r.netns);
    if (typeof t !== 'string') return t;
    to = t;
  }
  if (!hasNetAdmin(c.w)) {
    if (c.d === 'iproute2' || r.netns !== undefined || r.master !== undefined)
      return rtnetlink(p, c.d, 'Operation not permitted');
    // busybox changes name, mtu and flags through ioctls, in that order.
    const ioctl = r.name ? 'SIOCSIFNAME' : r.mtu !== undefined ? 'SIOCSIFMTU' : 'SIOCSIFFLAGS';
    return failure(p.world, `ip: ${ioctl}: Operation not permitted`, 1);
  }
  const here = to ?? c.netns;
  const finalName = r.name ?? link.name;
  if (to !== undefined && to !== c.netns) {
    // lo and bridges are NETIF_F_NETNS_LOCAL: they never leave their namespace.
    if (link.kind === 'loopback' || link.kind === 'bridge')
      return rtnetlink(p, c.d, 'Invalid argument');
    if (findLink(c.w.host, to, link.name)) return rtnetlink(p, c.d, 'File exists');
  }
  if (r.name !== undefined && r.name !== link.name) {
    // dev_change_name refuses a device that is up (moving one sets it down first).
    if (link.up && to === undefined) return rtnetlink(p, c.d, 'Device or resource busy');
    if (findLink(c.w.host, here, r.name)) return rtnetlink(p, c.d, 'File exists');
  }
  if (master && (to !== undefined || master.kind !== 'bridge'))
    return rtnetlink(
      p,
      c.d,
      master.kind === 'bridge' ? 'Invalid argument' : 'Operation not supported',
    );
  if (master && (link.kind === 'loopback' || link.ifindex === master.ifindex))
    return rtnetlink(p, c.d, 'Invalid argument');
  return change(p, (h) => {
    if (to !== undefined && to !== c.netns) moveLink(h, c.netns, link.ifindex, to);
    if (r.address) setLinkMac(h, here, link.ifindex, r.address);
    if (r.mtu !== undefined) setLinkMtu(h, here, link.ifindex, r.mtu);
    if (finalName !== link.name) renameLink(h, here, link.ifindex, finalName);
    if (r.up !== undefined) setLinkUp(h, here, link.ifindex, r.up);
    if (r.master !== undefined) setMaster(h, here, link.ifindex, master?.ifindex);
  });
}

function del(c: LinkCtx, args: readonly string[]): ProcessResult {
  const { p } = c;
  const dev = args[0] === 'dev' ? args[1] : args[0];
  if (dev === undefined) return failure(p.world, NO_DEV, 255);
  const link = linkNamed(c, dev);
  if (!link) return noDevice(p, c.d, dev);
  if (!hasNetAdmin(c.w)) return rtnetlink(p, c.d, 'Operation not permitted');
  // lo and a physical NIC have no rtnl_link_ops->dellink.
  if (link.kind === 'loopback' || link.kind === 'ether')
    return rtnetlink(p, c.d, 'Operation not supported');
  return change(p, (h) => deleteLink(h, c.netns, link.ifindex));
}

/** Handles a changing `ip link` command, or returns undefined for a listing. */
export function ipLinkChange(
  p: Process,
  w: Where,
  netns: string,
  d: IpDialect,
  cmd: string,
  args: readonly string[],
): ProcessResult | undefined {
  const c: LinkCtx = { p, w, netns, d };
  if (matches(cmd, 'add')) return add(c, args);
  if (matches(cmd, 'set')) return set(c, args);
  if (matches(cmd, 'delete') || cmd === 'del') return del(c, args);
  return undefined;
}
