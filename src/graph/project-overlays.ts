/**
 * Docker's overlay networks across hosts. On each node a network spans, the driver keeps a
 * namespace of its own (`1-<first 10 of the id>`) whose bridge br0 joins the containers' veths and
 * vxlan0; the same network on several hosts is one L2 segment stretched over the LAN. The picture
 * names that namespace after the network and draws one band from each host's br0 to the next one's,
 * labelled with the network, its subnet and its VNI: the segment the tunnel carries.
 */
import type { Host, Network, World } from '../sim';
import { edge, type GraphElement } from './elements';
import { peerPrefix } from './peer-hosts';
import { deviceRef } from './refs';
import { reuse } from './reuse';

// The driver's names for them (sim/swarm/node-networks.ts), not imported: the engine loads lazily.
const overlayNetns = (n: Network) => `1-${n.id.slice(0, 10)}`;
const lbNetns = (n: Network) => `lb_${n.id.slice(0, 9)}`;

/** The overlay network each of the host's overlay namespaces belongs to, by namespace id. */
export function overlayNamespaces(host: Host): Map<string, Network> {
  const found = new Map<string, Network>();
  for (const n of host.docker.networks.values())
    if (n.driver === 'overlay' && host.netns.has(overlayNetns(n))) found.set(overlayNetns(n), n);
  return found;
}

/** The overlay network each of the host's load balancer namespaces serves, by namespace id. */
export function loadBalancerNamespaces(host: Host): Map<string, Network> {
  const found = new Map<string, Network>();
  for (const n of host.docker.networks.values())
    if (n.driver === 'overlay' && host.netns.has(lbNetns(n))) found.set(lbNetns(n), n);
  return found;
}

export function projectOverlayBands(world: World): GraphElement[] {
  const prefix = (h: Host) => (h.hostname === world.terminal.host ? '' : peerPrefix(h.hostname));
  // Hosts in the order the picture places them: the terminal's first, then the others.
  const hosts = Object.values(world.hosts).sort(
    (a, b) =>
      Number(b.hostname === world.terminal.host) - Number(a.hostname === world.terminal.host),
  );
  const spans = new Map<string, { network: Network; at: string[] }>();
  for (const h of hosts)
    for (const [nsId, n] of overlayNamespaces(h)) {
      if (!h.netns.get(nsId)?.links.some((l) => l.name === 'br0')) continue;
      const span = spans.get(n.id) ?? { network: n, at: [] };
      span.at.push(`${prefix(h)}${deviceRef(nsId, 'br0')}`);
      spans.set(n.id, span);
    }
  const bands: GraphElement[] = [];
  for (const { network: n, at } of spans.values()) {
    const subnet = n.ipam.config[0]?.subnet ?? '';
    const vni = n.overlay?.vni;
    const label = [`overlay ${n.name}`, subnet, vni === undefined ? '' : `VNI ${vni}`]
      .filter(Boolean)
      .join(' · ');
    for (let i = 1; i < at.length; i++)
      bands.push(reuse(n, edge(`overlay:${n.id}:${i}`, 'overlay-band', at[i - 1], at[i], label)));
  }
  return bands;
}
