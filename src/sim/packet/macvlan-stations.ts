/**
 * The stations of a macvlan/ipvlan segment: a host's NIC or vlan device, or a child on it, each
 * with the base device and VLAN tag its frames meet the wire through (macvlan.ts moves frames
 * between them).
 */
import type { Host, Ipv4, Link } from '../model';
import { linksOf } from '../linux/link-state';
import { linkByIndex } from '../net/kernel';
import type { Walk } from './hooks';
import { isLocalAddress } from './route';

/** A device on a wire: a NIC or vlan device of a host's root namespace, or a child anywhere. */
export interface Station {
  readonly host: string;
  readonly netns: string;
  readonly link: Link;
  /** The base device (in the host namespace) the station's frames reach the wire through. */
  readonly base: number;
  /** The parent the child hangs off (its own index for a NIC or vlan device). */
  readonly parent: number;
  /** 802.1Q tag on the wire (0 untagged); undefined for a wire to nowhere (a dummy). */
  readonly vlan?: number;
}

export const isChild = (l: Link) => l.kind === 'macvlan' || l.kind === 'ipvlan';
export const routedIpvlan = (l: Link) => l.kind === 'ipvlan' && l.stacked?.mode !== 'l2';

/** Where a device's frames meet the wire: its base device and VLAN tag, following `lower`. */
function wireOf(h: Host, netns: string, l: Link): { base: number; vlan?: number } {
  let at = l;
  let ns = netns;
  let vlan = 0;
  for (let i = 0; at.lower && i < 8; i++) {
    if (at.kind === 'vlan' && vlan === 0) vlan = at.vlanId ?? 0;
    ns = at.lower.netns;
    const lower = linkByIndex(h, ns, at.lower.ifindex);
    if (!lower) return { base: at.ifindex };
    at = lower;
  }
  if (at.kind === 'vlan') vlan = at.vlanId ?? 0;
  return ns === 'host' && at.kind === 'ether' ? { base: at.ifindex, vlan } : { base: at.ifindex };
}

export function stationOf(hostName: string, h: Host, netns: string, l: Link): Station {
  // A child's parent is its lower device; a NIC or vlan device is its own.
  const wire = wireOf(h, netns, l);
  const parent = isChild(l) && l.lower ? l.lower.ifindex : l.ifindex;
  return {
    host: hostName,
    netns,
    link: l,
    base: wire.base,
    parent,
    ...(wire.vlan !== undefined ? { vlan: wire.vlan } : {}),
  };
}

/** The station sending from `dev` of `netns` on the walk's current host. */
export function senderStation(w: Walk, netns: string, dev: string): Station | undefined {
  const l = linksOf(w.h, netns).find((x) => x.name === dev);
  if (!l) return undefined;
  if (isChild(l) || (netns === 'host' && (l.kind === 'vlan' || l.kind === 'ether')))
    return stationOf(w.at, w.h, netns, l);
  return undefined;
}

/**
 * Every up child of any lab host that answers ARP for `ip`: the one holding it, and (arp_ignore=0)
 * a child in a namespace holding it on another device, as a host's mac0 answers for eth0's address.
 */
export function childrenHolding(w: Walk, ip: Ipv4, holdersOnly = false): Station[] {
  const found: Station[] = [];
  for (const [name, h] of Object.entries(w.hosts)) {
    const host = name === w.at ? w.h : h;
    for (const ns of host.netns.values()) {
      const owner = isLocalAddress(host, ns.id, ip) && !ip.startsWith('127.');
      if (!owner) continue;
      const kids = ns.links.filter((l) => isChild(l) && l.up);
      const holder = kids.filter((l) => l.addresses.some((a) => a.ip === ip));
      for (const l of holder.length || holdersOnly ? holder : kids)
        found.push(stationOf(name, host, ns.id, l));
    }
  }
  return found;
}

/** The hosts' own vlan devices (eth0.N) holding `ip`: stations of VLAN N. */
export function vlanDevicesHolding(w: Walk, ip: Ipv4): Station[] {
  const found: Station[] = [];
  for (const [name, h] of Object.entries(w.hosts)) {
    const host = name === w.at ? w.h : h;
    for (const l of host.netns.get('host')?.links ?? [])
      if (l.kind === 'vlan' && l.up && l.addresses.some((a) => a.ip === ip))
        found.push(stationOf(name, host, 'host', l));
  }
  return found;
}

export const sameHost = (a: Station, b: Station) => a.host === b.host;
