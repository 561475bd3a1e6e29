/**
 * macvlan and ipvlan networks in the picture: no bridge, so each network's containers hang off
 * the parent device itself. The parent (eth0, eth0.10, a dm- dummy) gets a band whose bar says
 * so, and every child interface a `stacked` edge up to the host device it sits on.
 */
import type { Host, Link } from '../sim';
import { deviceRef, networkRef } from './refs';
import { edge, HOST_ID, node, type GraphElement, type GraphText } from './elements';
import { reuse } from './reuse';

/** The band of a parent device: its bar is not a bridge, only the place its children hang. */
export const underlayBandId = (parent: string) => `underlay:${parent}`;

/** The parent device a namespace's macvlan/ipvlan interfaces hang off, by name. */
export function underlayParentsReached(host: Host, nsId: string): string[] {
  const root = host.netns.get('host');
  const found: string[] = [];
  for (const link of host.netns.get(nsId)?.links ?? []) {
    if (nsId === 'host' || link.lower?.netns !== 'host') continue;
    const parent = root?.links.find((l) => l.ifindex === link.lower!.ifindex);
    if (parent && !found.includes(parent.name)) found.push(parent.name);
  }
  return found;
}

export function projectUnderlay(
  host: Host,
  text: GraphText,
  nodes: GraphElement[],
  edges: GraphElement[],
): void {
  const drawn = new Set<string>();
  for (const n of host.docker.networks.values()) {
    // A macvlan and an ipvlan network may share a parent: one bar, the first network's.
    if (!n.underlay || drawn.has(n.underlay.parent)) continue;
    const parent = n.underlay.parent;
    drawn.add(parent);
    const facts = [
      `${text.network} ${n.name}`,
      `${n.driver} ${n.underlay.mode}${n.underlay.flag && n.underlay.flag !== 'bridge' ? ` ${n.underlay.flag}` : ''}`,
      `parent ${parent}`,
      ...n.ipam.config.map((c) => c.subnet),
    ];
    nodes.push(
      reuse(
        n,
        node(
          underlayBandId(parent),
          'bridge',
          facts.join('\n'),
          { parent: HOST_ID, ref: networkRef(n.name), bridges: [parent] },
          ['underlay'],
        ),
      ),
    );
  }
  // Each child up to the device it sits on, wherever the child lives.
  const root = host.netns.get('host');
  for (const [nsId, ns] of host.netns)
    for (const link of ns.links) {
      if (!isStackedChild(link) || link.lower?.netns !== 'host') continue;
      const lower = root?.links.find((l) => l.ifindex === link.lower!.ifindex);
      if (!lower) continue;
      const child = deviceRef(nsId, link.name);
      edges.push(
        reuse(link, edge(`stacked:${child}`, 'stacked', deviceRef('host', lower.name), child)),
      );
    }
}

const isStackedChild = (l: Link) => l.kind === 'macvlan' || l.kind === 'ipvlan';
