/**
 * A node's load balancer on an overlay. Every overlay a node instantiates for the swarm gets one
 * (moby daemon/network.go createNetwork: NetworkOptionLBEndpoint with the node's attachment
 * address); libnetwork builds it before any container joins (createLoadBalancerSandbox): sandbox
 * `lb-<name>`, endpoint `<name>-endpoint`, namespace `lb_<id>`, plugged into br0 like a container
 * but with no way out and no DNS name. The managers give the node that address only once a task
 * there holds the network — a standalone container's attachment task, after its own address
 * (swarmkit allocator: doTaskAlloc reallocates the node when the allocated task is updated) — and
 * take it back with the node's last one. Its peer record is gossiped like any endpoint's.
 */
import { castDraft, type Draft } from 'immer';
import type { Ipv4, Network } from '../model';
import { allocateAddress, withAllocation } from '../net/ipam';
import { macFromIp } from '../net/ipv4';
import { createNetns, deleteNetns, plain, type HostDraft } from '../net/kernel';
import type { Ctx } from '../shell/process';
import { lbNetns } from './node-networks';
import { ensureNamespace, plugIntoOverlay } from './overlay-datapath';

const allocationsOf = (h: HostDraft, id: string): readonly number[] =>
  plain(h.docker.ipamAllocations[id]) ?? [];

/** Before a container's endpoint joins `n` with `containerIp`: the node's load balancer, if missing. */
export function ensureLoadBalancer(
  h: HostDraft,
  n: Draft<Network>,
  containerIp: Ipv4,
  ctx: Ctx,
): void {
  if (n.ingress || !n.overlay || n.overlay.lb) return;
  const pool = n.ipam.config[0];
  const taken = withAllocation(allocationsOf(h, n.id), containerIp, true);
  const ip = allocateAddress(pool.subnet, new Set([pool.gateway!]), undefined, taken);
  // A full subnet leaves the node without one; the container's own address came first.
  if (!ip.ok) return;
  h.docker.ipamAllocations[n.id] = castDraft(
    withAllocation(allocationsOf(h, n.id), ip.value, true),
  );
  const prefix = Number(pool.subnet.split('/')[1]);
  const ns = ensureNamespace(h, n, ctx);
  createNetns(h, lbNetns(n.id));
  plugIntoOverlay(h, ns, { netns: lbNetns(n.id), name: 'eth0' }, ip.value, prefix, ctx);
  n.overlay.lb = { endpointId: ctx.rng.hex(64), ip: ip.value, prefix };
}

/** The node's last container left the network: its load balancer goes, address and all. */
export function dropLoadBalancer(h: HostDraft, n: Draft<Network>): void {
  deleteNetns(h, lbNetns(n.id));
  const lb = n.overlay?.lb;
  if (!lb) return;
  h.docker.ipamAllocations[n.id] = castDraft(withAllocation(allocationsOf(h, n.id), lb.ip, false));
  delete n.overlay!.lb;
}

/** What `docker network inspect` lists for it under Containers, keyed by its sandbox's name. */
export function loadBalancerResource(n: Network) {
  const lb = n.overlay?.lb;
  if (!lb) return undefined;
  return [
    `lb-${n.name}`,
    {
      Name: `${n.name}-endpoint`,
      EndpointID: lb.endpointId,
      MacAddress: macFromIp(lb.ip),
      IPv4Address: `${lb.ip}/${lb.prefix}`,
      IPv6Address: '',
    },
  ] as const;
}
