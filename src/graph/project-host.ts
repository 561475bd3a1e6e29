/**
 * The host's root namespace as graph elements: its interfaces (`lo`, `eth0` towards the LAN),
 * each bridge as a bar with its network, the host-side veth ends as ports on their bridge, the
 * embedded DNS badge of user networks and the published ports as sockets on the host.
 */
import type { Container, Host, Link, Netns, PortMapping } from '../sim';
import { deviceRef, dnsRef, networkRef, portRef } from './refs';
import { edge, HOST_ID, node, OUTSIDE_ID, type GraphElement, type GraphText } from './elements';
import { composeTag, dnsAnswers } from './compose';
import { linkAt, projectDevice } from './project-devices';
import { reuse } from './reuse';

export function projectHostNetns(
  host: Host,
  text: GraphText,
  nodes: GraphElement[],
  edges: GraphElement[],
): void {
  const ns = host.netns.get('host');
  if (!ns) return;
  const networkByBridge = new Map(
    [...host.docker.networks.values()].flatMap((n) => (n.bridge ? [[n.bridge, n] as const] : [])),
  );
  for (const link of ns.links) {
    if (link.kind === 'bridge') {
      const network = networkByBridge.get(link.name);
      const id = deviceRef('host', link.name);
      // One fact a line, so the bar stays as narrow as one column of containers.
      const facts = [
        ...(network ? [`${text.network} ${network.name}`] : []),
        link.name,
        ...(network?.ipam.config.map((c) => c.subnet) ?? []),
        ...link.addresses.map((a) => `${text.gateway} ${a.ip}`),
        // Docker's own word for a network with no route out (`--internal`, `internal: true`).
        ...(network?.internal ? ['internal'] : []),
      ];
      nodes.push(
        reuse(
          link,
          node(
            id,
            'bridge',
            facts.join('\n'),
            { parent: HOST_ID, ref: network ? networkRef(network.name) : id, bridges: [link.name] },
            [...(link.up ? [] : ['down']), ...(network?.internal ? ['internal'] : [])],
          ),
        ),
      );
      // docker_gwbridge only carries overlay containers out: their names are answered on the overlay.
      if (network && !network.predefined && network.name !== 'docker_gwbridge') {
        nodes.push(
          reuse(
            network,
            node(
              dnsRef(network.name),
              'dns',
              ['DNS 127.0.0.11', ...dnsAnswers(host, network)].join('\n'),
              {
                parent: HOST_ID,
                ref: dnsRef(network.name),
                bridges: [link.name],
                brief: 'DNS 127.0.0.11',
              },
            ),
          ),
        );
        const tag = composeTag(network, text);
        if (tag) nodes.push(reuse(network, tag));
      }
      continue;
    }
    const device = projectDevice('host', HOST_ID, link);
    const master = bridgeOf(ns, link);
    if (master) {
      const peer = link.peer ? peerDevice(host, link) : undefined;
      nodes.push(
        reuse(link, {
          ...device,
          data: { ...device.data, bridges: [master.name], ...(peer ? { peer } : {}) },
          classes: [...device.classes, 'port-end'],
        }),
      );
      edges.push(
        reuse(
          link,
          edge(
            `bridge-port:${device.data.id}`,
            'bridge-port',
            deviceRef('host', master.name),
            device.data.id,
          ),
        ),
      );
    } else {
      nodes.push(reuse(link, device));
    }
    if (link.kind === 'ether') {
      edges.push(
        reuse(link, edge(`uplink:${device.data.id}`, 'uplink', device.data.id, OUTSIDE_ID)),
      );
    }
  }
  projectPublishedPorts(host, nodes, edges);
}

function bridgeOf(ns: Netns, link: Link): Link | undefined {
  return linkAt(ns, link.master);
}

function peerDevice(host: Host, link: Link): string | undefined {
  if (!link.peer) return undefined;
  const peer = linkAt(host.netns.get(link.peer.netns), link.peer.ifindex);
  return peer ? deviceRef(link.peer.netns, peer.name) : undefined;
}

/** What `docker port` lists: each live binding, joined to the interface Docker's DNAT targets. */
function projectPublishedPorts(host: Host, nodes: GraphElement[], edges: GraphElement[]): void {
  for (const c of host.docker.containers.values()) {
    for (const p of c.ports) {
      const hostIp = p.hostIp || '0.0.0.0';
      const id = portRef(hostIp, String(p.hostPort), p.proto);
      const hostSide = hostIp.includes(':')
        ? `[${hostIp}]:${p.hostPort}`
        : `${hostIp}:${p.hostPort}`;
      const target = dnatTarget(host, c, p);
      nodes.push(
        reuse(
          p,
          node(id, 'port', `${hostSide} → ${c.name}:${p.containerPort}/${p.proto}`, {
            parent: HOST_ID,
            ref: id,
            // Drawn under the interface it forwards to, so the container goes without saying.
            brief: `${hostSide}\n→ ${p.containerPort}/${p.proto}`,
            ...(target ? { peer: target } : {}),
          }),
        ),
      );
      if (target) edges.push(reuse(p, edge(`published:${id}`, 'published', id, target)));
    }
  }
}

/**
 * The interface holding the address Docker's DNAT rule for this binding sends traffic to
 * (`-j DNAT --to-destination IP:PORT`, owned by the container), read from the host's iptables.
 */
function dnatTarget(host: Host, c: Container, p: PortMapping): string | undefined {
  if (!c.netns) return undefined;
  const rule = host.iptables.rules.find(
    (r) =>
      r.table === 'nat' &&
      r.owner === `ctr:${c.id}` &&
      r.spec.includes(`-p ${p.proto} `) &&
      r.spec.includes(`--dport ${p.hostPort} `),
  );
  const ip = rule && /--to-destination ([\d.]+):/.exec(rule.spec)?.[1];
  const link = host.netns.get(c.netns)?.links.find((l) => l.addresses.some((a) => a.ip === ip));
  return link ? deviceRef(c.netns, link.name) : undefined;
}
