/**
 * What the nodes of a swarm tell each other about their overlay endpoints (libnetwork's networkdb
 * gossip, then the overlay driver's peerdb): after every line, each node that has an overlay
 * learns the other nodes' endpoints on it — for the embedded DNS and for the static entries
 * Docker programs in the network's namespace: an FDB entry on vxlan0 (remote MAC -> that node's
 * address) and a PERMANENT neighbour (remote IP -> MAC), the nodes' load balancers included. IPAM
 * is the managers': an address is taken as long as any node's endpoint holds it. A worker drops a
 * network its last container left; every node drops the namespace and load balancer of a network
 * it no longer uses.
 */
import { castDraft, createDraft, finishDraft } from 'immer';
import type { Host, NeighEntry, RemoteEndpoint, World } from '../model';
import { dnsNames } from '../net/dns';
import { withAllocation } from '../net/ipam';
import { macFromIp } from '../net/ipv4';
import { deleteNetns, plain } from '../net/kernel';
import { rngForContent } from '../rng';
import { hostOf } from '../world';
import { dropLoadBalancer } from './load-balancer';
import { overlayNetns } from './node-networks';

interface NodeEndpoints {
  readonly host: string;
  readonly addr: string;
  readonly peerName: string;
  /** A container here uses the network. */
  readonly used: boolean;
  /** Its load balancer's (it joined first) and its containers'. */
  readonly endpoints: RemoteEndpoint[];
}

function endpointsOn(h: Host, networkId: string, vtep: string): RemoteEndpoint[] {
  const out: RemoteEndpoint[] = [];
  for (const c of h.docker.containers.values()) {
    if (c.state.status !== 'running') continue;
    const e = c.endpoints.find((x) => x.networkId === networkId && x.joined?.ip);
    if (e?.joined)
      out.push({
        containerId: c.id,
        names: dnsNames(c, e),
        ip: e.joined.ip,
        mac: e.joined.mac,
        vtep,
      });
  }
  return out;
}

/** The node's load balancer as its peer record shows it: an address, a MAC, no names. */
function loadBalancerOn(h: Host, networkId: string, vtep: string): RemoteEndpoint[] {
  const lb = h.docker.networks.get(networkId)?.overlay?.lb;
  return lb ? [{ containerId: '', names: [], ip: lb.ip, mac: macFromIp(lb.ip), vtep }] : [];
}

/** The managers' IPAM for a cluster network: every address any node's endpoint holds. */
export function clusterAllocations(world: World, networkId: string): readonly number[] {
  return Object.values(world.hosts)
    .flatMap((h) =>
      [...loadBalancerOn(h, networkId, ''), ...endpointsOn(h, networkId, '')].map((e) => e.ip),
    )
    .reduce<readonly number[]>((acc, ip) => withAllocation(acc, ip, true), []);
}

export function gossip(world: World): World {
  const cluster = world.swarm;
  if (!cluster) return world;
  const nodes = cluster.nodes.filter((n) => !n.down && world.hosts[n.host]?.docker.swarm);
  let hosts = world.hosts;
  for (const sn of cluster.networks) {
    if (sn.ingress) continue;
    const having: NodeEndpoints[] = nodes
      .filter((n) => hostOf(world, n.host).docker.networks.has(sn.id))
      .map((n) => {
        const h = hostOf(world, n.host);
        const containers = endpointsOn(h, sn.id, n.addr);
        return {
          host: n.host,
          addr: n.addr,
          // networkdb names each daemon with a random 12-hex-digit id of its own.
          peerName: rngForContent(`networkdb ${n.id}`).hex(12),
          used: containers.length > 0,
          endpoints: [...loadBalancerOn(h, sn.id, n.addr), ...containers],
        };
      });
    const active = having.filter((x) => x.used);
    const allocated = active
      .flatMap((x) => x.endpoints.map((e) => e.ip))
      .reduce<readonly number[]>((acc, ip) => withAllocation(acc, ip, true), []);
    for (const x of having) {
      const node = nodes.find((n) => n.host === x.host)!;
      const h = createDraft(hosts[x.host]);
      const ns = overlayNetns(sn.id);
      if (!x.used) {
        const local = h.docker.networks.get(sn.id);
        if (local) dropLoadBalancer(h, local);
        deleteNetns(h, ns);
        h.neighbours?.delete(ns);
        if (node.role === 'worker') {
          h.docker.networks.delete(sn.id);
          delete h.docker.ipamAllocations[sn.id];
        }
      }
      const remote = active.filter((y) => y.host !== x.host).flatMap((y) => y.endpoints);
      const net = h.docker.networks.get(sn.id);
      if (net) {
        const lb = net.overlay?.lb;
        net.overlay = castDraft({
          vni: sn.vni,
          peers: x.used ? active.map((y) => ({ name: y.peerName, ip: y.addr })) : [],
          remote,
          ...(lb ? { lb: plain(lb) } : {}),
        });
        h.docker.ipamAllocations[sn.id] = castDraft(allocated);
      }
      const vxlan = h.netns.get(ns)?.links.find((l) => l.kind === 'vxlan');
      if (vxlan?.vxlan) {
        vxlan.vxlan.fdb = castDraft(
          remote.map((e) => ({ mac: e.mac, dst: e.vtep, owner: 'overlay' })),
        );
        const neigh: NeighEntry[] = remote.map((e) => ({
          ip: e.ip,
          ifindex: vxlan.ifindex,
          mac: e.mac,
          state: 'PERMANENT',
        }));
        const learned = (h.neighbours?.get(ns) ?? []).filter((e) => e.state !== 'PERMANENT');
        if (!h.neighbours) h.neighbours = castDraft(new Map());
        h.neighbours.set(ns, castDraft([...neigh, ...learned]));
      }
      hosts = { ...hosts, [x.host]: finishDraft(h) };
    }
  }
  return hosts === world.hosts ? world : { ...world, hosts };
}
