/**
 * Every namespace but the host's as a box holding its interfaces: a container's (shared by its
 * `container:` joiners), or one made by hand (`ip netns add`). Containers without a namespace of
 * their own (`--network host`, stopped, created) are a plain box; `--link` is an arrow.
 */
import type { Container, Host } from '../sim';
import { containerRef, deviceRef, netnsRef } from './refs';
import {
  containersByNetns,
  edge,
  HOST_ID,
  node,
  type GraphElement,
  type GraphText,
} from './elements';
import { serviceNote } from './compose';
import { linkAt, projectDevice, projectVethEdges } from './project-devices';
import { underlayParentsReached } from './project-underlay';
import { reuse } from './reuse';
import { loadBalancerNamespaces, overlayNamespaces } from './project-overlays';

export function projectContainers(
  host: Host,
  text: GraphText,
  nodes: GraphElement[],
  edges: GraphElement[],
): void {
  const owners = containersByNetns(host);
  const overlays = overlayNamespaces(host);
  const balancers = loadBalancerNamespaces(host);
  for (const [nsId, ns] of host.netns) {
    if (nsId === 'host') continue;
    const sharing = owners.get(nsId) ?? [];
    const owner = sharing[0];
    const id = netnsRef(nsId);
    const bridges = [...hostBridgesReached(host, nsId), ...underlayParentsReached(host, nsId)];
    const names = sharing.map((c) => c.name).join(' + ');
    const service = owner && serviceNote(owner, text);
    const says = (note?: string) =>
      [names, note, owner && modeNote(owner, text)].filter(Boolean).join(' · ');
    const overlay = overlays.get(nsId);
    const balanced = balancers.get(nsId);
    const label = owner
      ? says(service?.label)
      : overlay
        ? text.overlayNetns(overlay.name, nsId)
        : balanced
          ? text.loadBalancerNetns(balanced.name, nsId)
          : text.netns(ns.name ?? String(ns.pid ?? nsId));
    nodes.push(
      reuse(
        ns,
        node(
          id,
          'netns',
          label,
          {
            ref: owner ? containerRef(owner.name) : id,
            bridges,
            ...(service ? { brief: says(service.brief) } : {}),
            ...(owner ? { containers: sharing.map((c) => c.name) } : {}),
          },
          owner
            ? ['container-box']
            : overlay
              ? ['overlay-netns']
              : balanced
                ? ['manual-netns', 'load-balancer']
                : ['manual-netns'],
        ),
      ),
    );
    for (const link of ns.links) {
      nodes.push(reuse(link, projectDevice(nsId, id, link)));
      // A bridge inside the namespace (an overlay's br0, one made by hand): its ports hang on it.
      const master = linkAt(ns, link.master);
      if (master)
        edges.push(
          reuse(
            link,
            edge(
              `bridge-port:${deviceRef(nsId, link.name)}`,
              'bridge-port',
              deviceRef(nsId, master.name),
              deviceRef(nsId, link.name),
              '',
              ['in-netns'],
            ),
          ),
        );
    }
  }
  for (const c of host.docker.containers.values()) {
    if (c.netns && c.netns !== 'host') continue;
    const running = c.netns === 'host';
    const label = running
      ? `${c.name} · ${text.hostNetwork}`
      : `${c.name} (${text.status(c.state.status)})`;
    nodes.push(
      reuse(
        c,
        node(
          containerRef(c.name),
          'container',
          label,
          {
            ref: containerRef(c.name),
            containers: [c.name],
            bridges: running ? [] : endpointBridges(host, c),
            ...(running ? { parent: HOST_ID, hostNetwork: true } : {}),
          },
          running ? ['host-mode'] : ['stopped'],
        ),
      ),
    );
  }
  projectVethEdges(host, edges);
  projectLinks(host, edges);
}

function modeNote(c: Container, text: GraphText): string {
  if (c.hostConfig.networkMode === 'none') return text.noNetwork;
  if (c.state.paused) return text.status('paused');
  return c.state.status === 'running' ? '' : text.status(c.state.status);
}

/** The host bridges this namespace's veths are plugged into, in the namespace's device order. */
function hostBridgesReached(host: Host, nsId: string): string[] {
  const root = host.netns.get('host');
  const found: string[] = [];
  for (const link of host.netns.get(nsId)?.links ?? []) {
    if (link.peer?.netns !== 'host') continue;
    const bridge = linkAt(root, linkAt(root, link.peer.ifindex)?.master);
    if (bridge && !found.includes(bridge.name)) found.push(bridge.name);
  }
  return found;
}

/** A stopped container still belongs to its networks; it is drawn under their bridges. */
function endpointBridges(host: Host, c: Container): string[] {
  const found: string[] = [];
  for (const e of c.endpoints) {
    const bridge = host.docker.networks.get(e.networkId)?.bridge;
    if (bridge && !found.includes(bridge)) found.push(bridge);
  }
  return found;
}

const boxOf = (c: Container): string =>
  c.netns && c.netns !== 'host' ? netnsRef(c.netns) : containerRef(c.name);

/**
 * Legacy `--link` (`/target:/self/alias` in HostConfig.Links) and a user network's per-endpoint
 * links (`target:alias`): an arrow from the container whose /etc/hosts or DNS knows the alias.
 */
function projectLinks(host: Host, edges: GraphElement[]): void {
  const byName = new Map([...host.docker.containers.values()].map((c) => [c.name, c]));
  for (const c of host.docker.containers.values()) {
    const links = [
      ...c.hostConfig.links.map((l) => {
        const [target, self] = l.split(':');
        return { target: target.slice(1), alias: self.slice(self.lastIndexOf('/') + 1), on: '' };
      }),
      ...c.endpoints.flatMap((e) =>
        e.links.map((l) => {
          const [target, alias = target] = l.split(':');
          return { target, alias, on: `@${e.networkName}` };
        }),
      ),
    ];
    for (const { target, alias, on } of links) {
      const other = byName.get(target);
      if (!other) continue;
      edges.push(
        reuse(c, edge(`link:${c.name}>${alias}${on}`, 'link', boxOf(c), boxOf(other), alias)),
      );
    }
  }
}
