/**
 * The topology graph as plain data (design.md, "the graph is a projection"): World in, Cytoscape
 * element definitions out, in a deterministic order (boxes before what they hold, nodes before
 * edges). Node ids are the selection refs of `refs.ts`, so the graph, the outline, the inspector
 * and the trace player name things the same way. Everything drawn is read from the World:
 * pairings come from each veth's `peer`, bridge ports from `master`, links from HostConfig.
 */
import type { Container, Host, LinkKind, World } from '../sim';
import { HOST_REF, netnsRef } from './refs';
import { projectHostNetns } from './project-host';
import { projectUnderlay } from './project-underlay';
import { projectContainers } from './project-containers';
import { reuse } from './reuse';
import { projectPeerHost } from './peer-hosts';
import { projectTunnels } from './project-tunnels';
import { projectOverlayBands } from './project-overlays';

export type ElementKind =
  /** The host's root namespace, a container's, or one from `ip netns add`. */
  | 'netns'
  /** A `--network host` container, or one that is stopped and holds no namespace. */
  | 'container'
  /** An interface: loopback, ether, veth or a bridge outside the host namespace. */
  | 'device'
  /** A Linux bridge in the host namespace, drawn as a wide bar. */
  | 'bridge'
  | 'dns'
  /** The "compose: <project>" tag over a network compose created. */
  | 'compose'
  | 'port'
  /** The LAN and the internet beyond the host's eth0. */
  | 'outside'
  /**
   * An invisible corner in the host box that stretches it over the container boxes drawn inside
   * it. They are not its children: a packet lighting one of 500 boxes would otherwise make
   * Cytoscape re-measure the whole host on every frame.
   */
  | 'floor'
  | 'veth'
  | 'bridge-port'
  | 'link'
  | 'published'
  | 'uplink'
  /** A macvlan/ipvlan child up to the device it sits on (no veth, no bridge). */
  | 'stacked'
  /** A VXLAN tunnel between two lab hosts' eth0s (project-tunnels.ts). */
  | 'tunnel'
  /** One overlay network from a host's br0 to the next host's (project-overlays.ts). */
  | 'overlay-band';

export interface GraphElementData {
  readonly id: string;
  readonly kind: ElementKind;
  /** Everything the object says: drawn when zoomed in, selected or hovered. */
  readonly label: string;
  /** What the overview draws (design.md rule 4): names, states, addresses; no MACs or ifindexes. */
  readonly brief?: string;
  readonly parent?: string;
  readonly source?: string;
  readonly target?: string;
  /** What selecting this element selects (a ref from refs.ts). */
  readonly ref?: string;
  /** For a netns box: the containers sharing it, owner first. */
  readonly containers?: readonly string[];
  /** Layout facts: the bridge a container box hangs under, the host bridges its veths reach. */
  readonly bridges?: readonly string[];
  /** For a device: its ifindex, so a box's devices keep the kernel's order, and its kind. */
  readonly ifindex?: number;
  readonly link?: LinkKind;
  /**
   * For a host-side veth end on a bridge: the device node on its other end; for a published port:
   * the interface its DNAT rule forwards to.
   */
  readonly peer?: string;
  /** A `--network host` container: it runs in the host's own namespace. */
  readonly hostNetwork?: boolean;
}

export interface GraphElement {
  readonly group: 'nodes' | 'edges';
  readonly data: GraphElementData;
  readonly classes: string[];
}

/** The few words the graph itself says; the UI passes translated ones. */
export interface GraphText {
  readonly gateway: string;
  readonly network: string;
  readonly hostNetwork: string;
  readonly noNetwork: string;
  readonly status: (status: Container['state']['status'] | 'paused') => string;
  readonly netns: (name: string) => string;
  /** The namespace Docker's overlay driver makes for a network on each node (`1-<id>`). */
  readonly overlayNetns: (network: string, name: string) => string;
  /** A node's load balancer on an overlay (sandbox `lb-<network>`, namespace `lb_<id>`). */
  readonly loadBalancerNetns: (network: string, name: string) => string;
  readonly lan: (subnet: string, gateway: string) => string;
  readonly compose: (project: string) => string;
  readonly service: (name: string) => string;
}

export const ENGLISH: GraphText = {
  gateway: 'gateway',
  network: 'network',
  hostNetwork: '--network host',
  noNetwork: '--network none',
  status: (s) => s,
  netns: (name) => `netns ${name}`,
  overlayNetns: (network, name) => `overlay ${network} · netns ${name}`,
  loadBalancerNetns: (network, name) => `load balancer lb-${network} · netns ${name}`,
  lan: (subnet, gateway) => `LAN\n${subnet}\ngateway\n${gateway}\n→ Internet`,
  compose: (project) => `compose: ${project}`,
  service: (name) => `service ${name}`,
};

export const OUTSIDE_ID = netnsRef('outside');
export const HOST_ID = netnsRef('host');
export const FLOOR_ID = 'floor:host';
/** Every host's box, the terminal's and the others'. */
export const HOST_BOX_CLASS = 'host-box';

/** The graph of the terminal's host (the one the learner types on), then the lab's other hosts. */
export function projectWorld(world: World, text: GraphText = ENGLISH): GraphElement[] {
  const host = world.hosts[world.terminal.host] ?? Object.values(world.hosts)[0];
  if (!host) return [];
  const nodes: GraphElement[] = [];
  const edges: GraphElement[] = [];
  // Both hang on the LAN object only because it is stable: reuse compares what they say.
  nodes.push(
    reuse(
      world.lan,
      node(HOST_ID, 'netns', `host ${host.hostname}`, { ref: HOST_REF }, [HOST_BOX_CLASS]),
    ),
  );
  nodes.push(
    reuse(
      world.lan,
      node(OUTSIDE_ID, 'outside', text.lan(world.lan.subnet, world.lan.gateway), {
        ref: OUTSIDE_ID,
      }),
    ),
  );
  nodes.push(reuse(world.lan, node(FLOOR_ID, 'floor', '', { parent: HOST_ID })));
  projectHostNetns(host, text, nodes, edges);
  projectContainers(host, text, nodes, edges);
  projectUnderlay(host, text, nodes, edges);
  const peers = Object.values(world.hosts)
    .filter((h) => h !== host)
    .flatMap((h) => projectPeerHost(h, text));
  return [
    ...nodes,
    ...peers.filter((e) => e.group === 'nodes'),
    ...edges,
    ...peers.filter((e) => e.group === 'edges'),
    ...projectTunnels(world),
    ...projectOverlayBands(world),
  ];
}

export function node(
  id: string,
  kind: ElementKind,
  label: string,
  extra: Partial<GraphElementData> = {},
  classes: string[] = [],
): GraphElement {
  return {
    group: 'nodes',
    data: { id, kind, label, brief: label, ...extra },
    classes: [kind, ...classes],
  };
}

export function edge(
  id: string,
  kind: ElementKind,
  source: string,
  target: string,
  label = '',
  classes: string[] = [],
): GraphElement {
  return { group: 'edges', data: { id, kind, label, source, target }, classes: [kind, ...classes] };
}

/** The container owning a namespace: the one that is not `container:` joined to another. */
export function containersByNetns(host: Host): Map<string, Container[]> {
  const byNetns = new Map<string, Container[]>();
  for (const c of host.docker.containers.values()) {
    if (!c.netns || c.netns === 'host') continue;
    const list = byNetns.get(c.netns) ?? [];
    if (c.hostConfig.networkMode.startsWith('container:')) list.push(c);
    else list.unshift(c);
    byNetns.set(c.netns, list);
  }
  return byNetns;
}
