/**
 * The kernel's device operations on one host, over an immer draft: creating links and veth
 * pairs, moving them between namespaces, enslaving them to bridges. Docker's plumbing and the
 * learner's own `ip link …` commands both go through here, so both show up the same way.
 */
import { addressIndex } from './address-index';
import { castDraft, isDraft, original, type Draft } from 'immer';
import type { Host, InetAddress, Link, LinkKind, Netns } from '../model';
import type { Rng } from '../rng';
import { plain, type HostDraft } from './host-draft';
import { flushRoutesVia } from './routes';

export { baseHost, plain, type HostDraft } from './host-draft';

/** A random unicast, locally administered MAC, as the kernel gives a new veth. */
export function randomMac(rng: Rng): string {
  const bytes = Array.from({ length: 6 }, () => rng.int(0, 255));
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export function loopback(): Link {
  return {
    ifindex: 1,
    name: 'lo',
    kind: 'loopback',
    mac: '00:00:00:00:00:00',
    mtu: 65536,
    up: true,
    addresses: [{ ip: '127.0.0.1', prefix: 8 }],
  };
}

export function createNetns(h: HostDraft, id: string, extra: Partial<Netns> = {}): void {
  h.netns.set(id, castDraft({ id, links: [loopback()], routes: [], ...extra }));
}

export function deleteNetns(h: HostDraft, id: string): void {
  const ns = h.netns.get(id);
  if (!ns) return;
  // Destroying a namespace destroys its veth ends, and with them their peers.
  for (const l of ns.links) if (l.peer) removeLinkOnly(h, l.peer.netns, l.peer.ifindex);
  h.netns.delete(id);
}

/**
 * Where `match` is in a namespace's links. On a draft, Immer's findIndex reads its copy without
 * drafting every link: a host with a thousand veths has a thousand links.
 */
const linkIndex = (links: readonly Link[], match: (l: Link) => boolean): number =>
  links.findIndex(match);

export function findLink(h: Host | HostDraft, netns: string, name: string): Link | undefined {
  const ns = h.netns.get(netns);
  if (!ns) return undefined;
  const i = linkIndex(ns.links, (l) => l.name === name);
  return i < 0 ? undefined : plain<Link>(ns.links[i]);
}

export function linkByIndex(h: Host, netns: string, ifindex: number): Link | undefined {
  return addressIndex(h).byIndex.get(netns)?.get(ifindex);
}

/** The same lookup on a draft, for changing the link in place. */
export function draftLink(h: HostDraft, netns: string, ifindex: number): Draft<Link> | undefined {
  const ns = h.netns.get(netns);
  if (!ns) return undefined;
  const i = linkIndex(ns.links, (l) => l.ifindex === ifindex);
  return i < 0 ? undefined : ns.links[i];
}

/** Adds a link and returns the new record, still open for changes until the command ends. */
function pushLink(h: HostDraft, netns: string, link: Omit<Link, 'ifindex'>): Draft<Link> {
  const ns = h.netns.get(netns);
  if (!ns) throw new Error(`no netns ${netns}`);
  const added = castDraft({ ...link, ifindex: h.nextIfindex++ });
  ns.links.push(added);
  return added;
}

export function addLink(
  h: HostDraft,
  netns: string,
  link: Omit<Link, 'ifindex'> & { kind: LinkKind },
): number {
  return pushLink(h, netns, link).ifindex;
}

/**
 * `ip link add A type veth peer name B`: the kernel registers the peer first, so B gets N, A N+1.
 * `ends` are the two new records, to finish setting them up without looking them up again.
 */
export function createVethPair(
  h: HostDraft,
  a: { netns: string; name: string; mac: string },
  b: { netns: string; name: string; mac: string },
): { a: number; b: number; ends: { a: Draft<Link>; b: Draft<Link> } } {
  const bIndex = h.nextIfindex;
  const aIndex = bIndex + 1;
  const lb = pushLink(h, b.netns, {
    name: b.name,
    kind: 'veth',
    mac: b.mac,
    mtu: 1500,
    up: false,
    addresses: [],
    peer: { netns: a.netns, ifindex: aIndex },
  });
  const la = pushLink(h, a.netns, {
    name: a.name,
    kind: 'veth',
    mac: a.mac,
    mtu: 1500,
    up: false,
    addresses: [],
    peer: { netns: b.netns, ifindex: bIndex },
  });
  return { a: aIndex, b: bIndex, ends: { a: la, b: lb } };
}

/**
 * The kernel forgets what it learned through a device that goes down, leaves its bridge or goes
 * away: its ARP entries (neigh_ifdown) and the MACs its bridge learned on it (br_fdb_delete_by_port).
 */
function forgetDevice(h: HostDraft, netns: string, ifindex: number): void {
  const neigh = plain(h.neighbours?.get(netns));
  if (neigh?.some((n) => n.ifindex === ifindex))
    h.neighbours!.set(netns, castDraft(neigh.filter((n) => n.ifindex !== ifindex)));
  if (!h.fdb) return;
  h.fdb.delete(`${netns}/${ifindex}`);
  for (const [key, entries] of plain(h.fdb))
    if (key.startsWith(`${netns}/`) && entries.some((f) => f.port === ifindex))
      h.fdb.set(key, castDraft(entries.filter((f) => f.port !== ifindex)));
}

/** A port set free of its bridge (the field is gone, not undefined, so the model stays plain). */
function withoutMaster(l: Link): Link {
  const free: { -readonly [K in keyof Link]?: Link[K] } = { ...l };
  delete free.master;
  return free as Link;
}

function removeLinkOnly(h: HostDraft, netns: string, ifindex: number): void {
  const ns = h.netns.get(netns);
  if (!ns) return;
  forgetDevice(h, netns, ifindex);
  const i = linkIndex(ns.links, (l) => l.ifindex === ifindex);
  if (i < 0) return;
  // One splice on the draft (Immer's array methods work on its copy): a host can hold a thousand links.
  const [gone] = ns.links.splice(i, 1);
  const enslaved = (l: Link) => l.master === ifindex;
  for (let j = ns.links.findIndex(enslaved); j >= 0; j = ns.links.findIndex(enslaved))
    ns.links[j] = castDraft(withoutMaster(plain(ns.links[j])));
  // Routes through the vanished device vanish with it.
  flushRoutesVia(h, netns, gone.name);
}

/**
 * Deleting either end of a veth pair deletes both; deleting a device deletes the macvlan, ipvlan
 * and vlan devices stacked on it, whichever namespace they moved to.
 */
export function deleteLink(h: HostDraft, netns: string, ifindex: number): void {
  const link = draftLink(h, netns, ifindex);
  if (!link) return;
  const peer = link.peer ? { ...link.peer } : undefined;
  const hasUppers = link.hasUppers;
  removeLinkOnly(h, netns, ifindex);
  if (peer) removeLinkOnly(h, peer.netns, peer.ifindex);
  if (!hasUppers) return;
  // Searched in the namespaces as the command found them, without drafting (or copying) a
  // thousand of them: what is stacked on a device was made by an earlier command.
  const namespaces = isDraft(h.netns) ? original(h.netns) : h.netns;
  const uppers: [string, number][] = [];
  for (const ns of namespaces.values())
    for (const upper of ns.links)
      if (upper.lower?.netns === netns && upper.lower.ifindex === ifindex)
        uppers.push([ns.id, upper.ifindex]);
  for (const [id, index] of uppers) deleteLink(h, id, index);
}

/** `ip link add NAME link LOWER type macvlan|ipvlan|vlan …`: down, on top of `lower`, in its namespace. */
export function addStackedLink(
  h: HostDraft,
  lower: { readonly netns: string; readonly ifindex: number },
  link: Pick<Link, 'name' | 'kind' | 'mac' | 'stacked' | 'vlanId'>,
): Draft<Link> {
  const under = draftLink(h, lower.netns, lower.ifindex);
  if (under) under.hasUppers = true;
  return pushLink(h, lower.netns, {
    ...link,
    mtu: under?.mtu ?? 1500,
    up: false,
    addresses: [],
    lower: { ...lower },
  });
}

/** `ip link set X netns N`: the device keeps its index but leaves its addresses and master behind. */
export function moveLink(h: HostDraft, from: string, ifindex: number, to: string): void {
  const src = h.netns.get(from);
  const dst = h.netns.get(to);
  const link = src ? plain(src.links).find((l) => l.ifindex === ifindex) : undefined;
  if (!src || !dst || !link) return;
  const moved: Link = { ...withoutMaster(link), addresses: [], up: false };
  removeLinkOnly(h, from, ifindex);
  dst.links.push(castDraft(moved));
  dst.links.sort((x, y) => x.ifindex - y.ifindex);
  if (link.peer) {
    const peer = draftLink(h, link.peer.netns, link.peer.ifindex);
    if (peer) peer.peer = { netns: to, ifindex };
  }
}

// ------------------------------------------------------------------ changes a learner makes by hand

/** `ip link add NAME type bridge`: down, no ports, the kernel's default queue length. */
export function createBridge(h: HostDraft, netns: string, name: string, mac: string): number {
  return addLink(h, netns, {
    name,
    kind: 'bridge',
    mac,
    mtu: 1500,
    up: false,
    addresses: [],
    txqlen: 1000,
  });
}

/** Renaming keeps the index; the routes that name the device follow it. */
export function renameLink(h: HostDraft, netns: string, ifindex: number, name: string): void {
  const link = draftLink(h, netns, ifindex);
  const ns = h.netns.get(netns);
  if (!link || !ns) return;
  const old = link.name;
  link.name = name;
  ns.routes = plain(ns.routes).map((r) => (r.dev === old ? { ...r, dev: name } : r));
}

export function setLinkUp(h: HostDraft, netns: string, ifindex: number, up: boolean): void {
  const link = draftLink(h, netns, ifindex);
  if (!link || link.up === up) return;
  link.up = up;
  if (!up) {
    flushRoutesVia(h, netns, link.name);
    forgetDevice(h, netns, ifindex);
  }
}

/** Enslaves the link to a bridge of the same namespace, or frees it (`undefined`). */
export function setMaster(h: HostDraft, netns: string, ifindex: number, master?: number): void {
  const link = draftLink(h, netns, ifindex);
  if (!link) return;
  if (link.master !== master) forgetDevice(h, netns, ifindex);
  if (master === undefined) delete link.master;
  else link.master = master;
}

export function setLinkMtu(h: HostDraft, netns: string, ifindex: number, mtu: number): void {
  const link = draftLink(h, netns, ifindex);
  if (link) link.mtu = mtu;
}

export function setLinkMac(h: HostDraft, netns: string, ifindex: number, mac: string): void {
  const link = draftLink(h, netns, ifindex);
  if (link) link.mac = mac;
}

export function addAddress(h: HostDraft, netns: string, ifindex: number, a: InetAddress): void {
  draftLink(h, netns, ifindex)?.addresses.push(a);
}

/** Removes one address (all of them when `ip` is undefined, as `ip addr flush`). */
export function removeAddresses(h: HostDraft, netns: string, ifindex: number, ip?: string): void {
  const link = draftLink(h, netns, ifindex);
  if (!link) return;
  link.addresses = plain(link.addresses).filter((a) => ip !== undefined && a.ip !== ip);
  if (link.addresses.length === 0) flushRoutesVia(h, netns, link.name);
}
