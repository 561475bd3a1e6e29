/**
 * The topology as a text tree (design.md contract 3): what the graph will draw, readable by a
 * screen reader and by tests. Pure: World in, plain data out; it reads the World directly and
 * re-derives nothing the core decides (addresses, names, pairings all come from the World).
 */
import type { Container, ContainerStatus, Host, Link, Network, World } from '../sim';
import {
  containerRef,
  deviceRef,
  HOST_REF,
  netnsRef,
  networkRef,
  portRef,
  type ObjectRef,
} from './refs';
import { peerPrefix } from './peer-hosts';

/** What a line of the outline stands for; the UI styles by it. */
export type OutlineKind =
  | 'host'
  /** A heading that groups its children: "Networks", "Veth pairs", … */
  | 'group'
  | 'network'
  | 'container'
  | 'veth'
  | 'port'
  /** A plain remark such as "none". */
  | 'note';

export interface OutlineNode {
  /** Unique in the tree and stable across worlds, prefixed by kind (`net:mynet`, `veth:…`). */
  readonly id: string;
  readonly kind: OutlineKind;
  /** The line's main text, e.g. `mynet bridge 172.18.0.0/16`. */
  readonly label: string;
  /** The object's own name when the label starts with it (`mynet`), so the UI can set it apart. */
  readonly name?: string;
  /** Secondary facts, one short phrase each, e.g. `gateway 172.18.0.1`. */
  readonly details: readonly string[];
  readonly children: readonly OutlineNode[];
  /** A container's state, for its colour. */
  readonly status?: ContainerStatus;
  /** What selecting this line selects, in the graph too (refs.ts); headings have none. */
  readonly ref?: ObjectRef;
}

/** The outline's own words (its group headings); the UI passes translated ones. */
export interface OutlineText {
  readonly networks: string;
  readonly otherContainers: string;
  readonly vethPairs: string;
  readonly publishedPorts: string;
  readonly none: string;
}

export const OUTLINE_ENGLISH: OutlineText = {
  networks: 'Networks',
  otherContainers: 'Containers without an endpoint',
  vethPairs: 'Veth pairs',
  publishedPorts: 'Published ports',
  none: 'none',
};

/** One tree per Docker host, the terminal's host first. */
export function topologyOutline(world: World, text: OutlineText = OUTLINE_ENGLISH): OutlineNode[] {
  const names = Object.keys(world.hosts);
  const ordered = [
    ...names.filter((n) => n === world.terminal.host),
    ...names.filter((n) => n !== world.terminal.host),
  ];
  return ordered.map((name) =>
    name === world.terminal.host
      ? hostOutline(world.hosts[name], text)
      : onPeer(hostOutline(world.hosts[name], text), peerPrefix(name)),
  );
}

/** Another host's lines select what the graph draws under its `@NAME/` prefix (peer-hosts.ts). */
function onPeer(n: OutlineNode, prefix: string): OutlineNode {
  const ref = n.ref === HOST_REF ? netnsRef('host') : n.ref;
  return {
    ...n,
    ...(ref ? { ref: `${prefix}${ref}` } : {}),
    children: n.children.map((c) => onPeer(c, prefix)),
  };
}

function hostOutline(host: Host, text: OutlineText): OutlineNode {
  const h = `host:${host.hostname}`;
  const root = host.netns.get('host');
  const eth = root?.links.filter((l) => l.kind === 'ether') ?? [];
  const networks = [...host.docker.networks.values()];
  const containers = [...host.docker.containers.values()];
  const unattached = containers.filter((c) => c.endpoints.length === 0);
  const groups: OutlineNode[] = [
    group(
      `${h}/networks`,
      text.networks,
      text.none,
      networks.map((n) => networkOutline(host, n, h)),
    ),
  ];
  if (unattached.length > 0) {
    groups.push(
      group(
        `${h}/other-containers`,
        text.otherContainers,
        text.none,
        unattached.map((c) => containerOutline(host, c, `${h}/other`)),
      ),
    );
  }
  groups.push(group(`${h}/veths`, text.vethPairs, text.none, vethPairs(host, h)));
  groups.push(group(`${h}/ports`, text.publishedPorts, text.none, publishedPorts(host, h)));
  return {
    id: h,
    ref: HOST_REF,
    kind: 'host',
    label: `host ${host.hostname}`,
    details: [
      ...eth.map((l) => `${l.name} ${l.addresses.map((a) => `${a.ip}/${a.prefix}`).join(', ')}`),
      host.docker.running ? 'dockerd running' : 'dockerd stopped',
    ],
    children: groups,
  };
}

/** A heading node; an empty group says "none" so the text never leaves a silent gap. */
function group(id: string, label: string, none: string, children: OutlineNode[]): OutlineNode {
  return {
    id,
    kind: 'group',
    label: `${label} (${children.length})`,
    details: [],
    children: children.length > 0 ? children : [note(`${id}/none`, none)],
  };
}

const note = (id: string, label: string): OutlineNode => ({
  id,
  kind: 'note',
  label,
  details: [],
  children: [],
});

function networkOutline(host: Host, network: Network, parent: string): OutlineNode {
  const id = `${parent}/net:${network.name}`;
  const subnets = network.ipam.config.map((c) => c.subnet);
  const details = [
    ...network.ipam.config.flatMap((c) => (c.gateway ? [`gateway ${c.gateway}`] : [])),
    ...(network.bridge ? [`device ${network.bridge}`] : []),
    ...(network.internal ? ['internal'] : []),
  ];
  // A container appears under every network it has an endpoint on, as the graph draws an edge to each.
  const members = [...host.docker.containers.values()].filter((c) =>
    c.endpoints.some((e) => e.networkId === network.id),
  );
  return {
    id,
    ref: networkRef(network.name),
    kind: 'network',
    label: [network.name, network.driver, ...subnets].join(' '),
    name: network.name,
    details,
    children: members.map((c) => containerOutline(host, c, id)),
  };
}

function containerOutline(host: Host, c: Container, parent: string): OutlineNode {
  const details = [`network mode ${networkModeText(host, c.hostConfig.networkMode)}`];
  for (const e of c.endpoints) {
    if (e.joined?.ip) {
      details.push(`${e.joined.ip} (${e.networkName})`, `MAC ${e.joined.mac} (${e.networkName})`);
    } else if (e.joined) {
      details.push(`no IPv4 address (${e.networkName})`);
    } else {
      details.push(`not connected while ${c.state.status} (${e.networkName})`);
    }
  }
  return {
    id: `${parent}/ctr:${c.name}`,
    ref: containerRef(c.name),
    kind: 'container',
    label: `${c.name} ${c.state.paused ? 'paused' : c.state.status}`,
    name: c.name,
    details,
    children: [],
    status: c.state.status,
  };
}

/** `container:<64 hex>` is how Docker stores it; a learner knows the other container by name. */
function networkModeText(host: Host, mode: string): string {
  if (!mode.startsWith('container:')) return mode;
  const other = host.docker.containers.get(mode.slice('container:'.length));
  return other ? `container:${other.name}` : mode;
}

interface VethEnd {
  readonly netns: string;
  readonly link: Link;
}

/**
 * Every veth pair once, Docker's and hand-made ones (`ip link add … type veth peer …`), each end
 * as `ip link` names it (`vethXXXX@ifN`), the end in the host namespace first.
 */
function vethPairs(host: Host, parent: string): OutlineNode[] {
  const seen = new Set<string>();
  const pairs: OutlineNode[] = [];
  const nsOrder = [...host.netns.keys()];
  for (const [nsId, ns] of host.netns) {
    for (const link of ns.links) {
      if (link.kind !== 'veth') continue;
      const key = `${nsId}/${link.ifindex}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const a: VethEnd = { netns: nsId, link };
      const peerLink = link.peer
        ? host.netns.get(link.peer.netns)?.links.find((l) => l.ifindex === link.peer!.ifindex)
        : undefined;
      if (!peerLink || !link.peer) {
        pairs.push({
          id: `${parent}/veth:${key}`,
          ref: deviceRef(nsId, link.name),
          kind: 'veth',
          label: `${endText(host, a)} ↔ (peer gone)`,
          details: [],
          children: [],
        });
        continue;
      }
      const b: VethEnd = { netns: link.peer.netns, link: peerLink };
      seen.add(`${b.netns}/${b.link.ifindex}`);
      const [first, second] =
        nsOrder.indexOf(a.netns) <= nsOrder.indexOf(b.netns) ? [a, b] : [b, a];
      pairs.push({
        id: `${parent}/veth:${first.netns}/${first.link.ifindex}`,
        ref: deviceRef(first.netns, first.link.name),
        kind: 'veth',
        label: `${endText(host, first)} ↔ ${endText(host, second)}`,
        details: [],
        children: [],
      });
    }
  }
  return pairs;
}

function endText(host: Host, end: VethEnd): string {
  const { link } = end;
  const name = link.peer ? `${link.name}@if${link.peer.ifindex}` : link.name;
  const ns = host.netns.get(end.netns);
  const master =
    link.master === undefined ? undefined : ns?.links.find((l) => l.ifindex === link.master);
  const where = master ? `on ${master.name}` : placeText(host, end.netns);
  return `${name} ${where}`;
}

function placeText(host: Host, nsId: string): string {
  if (nsId === 'host') return 'in host';
  const owner = [...host.docker.containers.values()].find((c) => c.netns === nsId);
  if (owner) return `in container ${owner.name}`;
  const ns = host.netns.get(nsId);
  return ns?.name ? `in netns ${ns.name}` : `in netns ${ns?.pid ?? nsId}`;
}

/** What `docker port` lists, for every container whose bindings are live. */
function publishedPorts(host: Host, parent: string): OutlineNode[] {
  return [...host.docker.containers.values()].flatMap((c) =>
    c.ports.map((p) => {
      const hostIp = p.hostIp || '0.0.0.0';
      const hostSide = hostIp.includes(':')
        ? `[${hostIp}]:${p.hostPort}`
        : `${hostIp}:${p.hostPort}`;
      const label = `${hostSide} → ${c.name}:${p.containerPort}/${p.proto}`;
      return {
        id: `${parent}/port:${hostSide}/${p.proto}`,
        ref: portRef(hostIp, String(p.hostPort), p.proto),
        kind: 'port' as const,
        label,
        details: [],
        children: [],
      };
    }),
  );
}
