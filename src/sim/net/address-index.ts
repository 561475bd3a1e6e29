/**
 * Which namespace and link hold each address, and each bridge's ports: derived from a host's
 * namespaces once and memoised by identity (namespaces are immutable values, replaced whenever
 * a device changes), so a packet walk costs a lookup per hop rather than a scan of every
 * interface on a host with a thousand veths.
 */
import { isDraft } from 'immer';
import type { Host, Ipv4, Link, Netns } from '../model';

export interface AddressIndex {
  /** netns id -> address -> the up link holding it. */
  readonly local: ReadonlyMap<string, ReadonlyMap<Ipv4, Link>>;
  /** `${netns}/${bridge ifindex}` -> its ports, sorted by name as the kernel lists them. */
  readonly ports: ReadonlyMap<string, readonly Link[]>;
  /** netns id -> ifindex -> link. */
  readonly byIndex: ReadonlyMap<string, ReadonlyMap<number, Link>>;
  /** address -> the namespaces that hold it on an up link (usually one). */
  readonly owners: ReadonlyMap<Ipv4, readonly string[]>;
}

const cache = new WeakMap<ReadonlyMap<string, Netns>, AddressIndex>();

function build(namespaces: ReadonlyMap<string, Netns>): AddressIndex {
  const local = new Map<string, Map<Ipv4, Link>>();
  const ports = new Map<string, Link[]>();
  const byIndex = new Map<string, Map<number, Link>>();
  const owners = new Map<Ipv4, string[]>();
  for (const ns of namespaces.values()) {
    const own = new Map<Ipv4, Link>();
    byIndex.set(ns.id, new Map(ns.links.map((l) => [l.ifindex, l])));
    for (const l of ns.links) {
      if (l.up)
        for (const a of l.addresses)
          if (!own.has(a.ip)) {
            own.set(a.ip, l);
            owners.set(a.ip, [...(owners.get(a.ip) ?? []), ns.id]);
          }
      if (l.master !== undefined) {
        const key = `${ns.id}/${l.master}`;
        ports.set(key, [...(ports.get(key) ?? []), l]);
      }
    }
    local.set(ns.id, own);
  }
  for (const list of ports.values())
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { local, ports, byIndex, owners };
}

export function addressIndex(h: Host): AddressIndex {
  // A draft's namespaces change under us: index them afresh, never from the cache.
  if (isDraft(h.netns)) return build(h.netns);
  let index = cache.get(h.netns);
  if (!index) {
    index = build(h.netns);
    cache.set(h.netns, index);
  }
  return index;
}
