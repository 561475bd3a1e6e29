/**
 * Interfaces as graph nodes, labelled as `ip addr` shows them (`eth0@if7`, address/prefix, MAC),
 * and every veth pair as one edge between its two ends, wherever they live.
 */
import type { Host, Link, Netns } from '../sim';
import { deviceRef } from './refs';
import { edge, node, type GraphElement } from './elements';
import { reuse } from './reuse';

const indexes = new WeakMap<Netns, Map<number, Link>>();

/**
 * The namespace's device with this ifindex. Indexed once per namespace object: the host's holds
 * a veth end per container, and searching it for every container's peer would be quadratic.
 */
export function linkAt(ns: Netns | undefined, ifindex: number | undefined): Link | undefined {
  if (!ns || ifindex === undefined) return undefined;
  let index = indexes.get(ns);
  if (!index) {
    index = new Map(ns.links.map((l) => [l.ifindex, l]));
    indexes.set(ns, index);
  }
  return index.get(ifindex);
}

export function projectDevice(nsId: string, parent: string, link: Link): GraphElement {
  const iflink = link.peer ?? link.lower;
  const name = iflink ? `${link.name}@if${iflink.ifindex}` : link.name;
  const lines = [link.up ? name : `${name} DOWN`];
  // Every lo holds 127.0.0.1/8; saying so in each box would only crowd it.
  if (link.kind !== 'loopback') for (const a of link.addresses) lines.push(`${a.ip}/${a.prefix}`);
  // A MAC says which frame is whose; it only matters where an address is held.
  if (link.kind !== 'loopback' && link.addresses.length > 0) lines.push(link.mac);
  // The overview names the interface and its addresses; a veth end on a host bridge says nothing
  // until asked (its line already shows where it goes), and a container's lo neither.
  const quiet =
    link.kind === 'loopback'
      ? nsId !== 'host'
      : nsId === 'host' && link.kind === 'veth' && link.master !== undefined;
  const brief = quiet
    ? ''
    : [
        link.up ? link.name : `${link.name} DOWN`,
        ...(link.kind === 'loopback' ? [] : link.addresses.map((a) => `${a.ip}/${a.prefix}`)),
      ].join('\n');
  const classes = [link.kind === 'loopback' ? 'loopback' : link.kind];
  if (!link.up) classes.push('down');
  if (nsId === 'host' && link.kind === 'veth') classes.push('host-end');
  return node(
    deviceRef(nsId, link.name),
    'device',
    lines.join('\n'),
    { parent, ref: deviceRef(nsId, link.name), ifindex: link.ifindex, link: link.kind, brief },
    classes,
  );
}

/** One edge per veth pair, its end in the host (or the earlier namespace) as the source. */
export function projectVethEdges(host: Host, edges: GraphElement[]): void {
  const order = new Map([...host.netns.keys()].map((id, i) => [id, i]));
  for (const [nsId, ns] of host.netns) {
    for (const link of ns.links) {
      if (link.kind !== 'veth' || !link.peer) continue;
      const peer = linkAt(host.netns.get(link.peer.netns), link.peer.ifindex);
      if (!peer) continue;
      const here = order.get(nsId)!;
      const there = order.get(link.peer.netns)!;
      // Emit each pair once, from the end that sorts first.
      if (here > there || (here === there && link.ifindex > peer.ifindex)) continue;
      const a = deviceRef(nsId, link.name);
      const b = deviceRef(link.peer.netns, peer.name);
      edges.push(reuse(link, edge(`veth:${a}|${b}`, 'veth', a, b)));
    }
  }
}
