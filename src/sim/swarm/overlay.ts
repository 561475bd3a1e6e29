/**
 * Overlay networks as the managers create them (moby daemon/cluster/networks.go, swarmkit's
 * cnmallocator): manager only, a /24 out of 10.0.0.0/8 after the ones in use (ingress has the
 * first), the next VXLAN id from 4097, a 25-character id. Workers get the network only when a
 * container there joins it.
 */
import type { SwarmNetwork, World } from '../model';
import { blocksOverlap, cidrBlock, intToIp, ipToInt, parseCidr } from '../net/ipv4';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { hostOf } from '../world';
import { castDraft, createDraft, finishDraft } from 'immer';
import { clusterAllocations } from './gossip';
import type { NetworkCreateRequest } from '../docker/networks';
import { deleteNetns } from '../net/kernel';
import { rngForContent } from '../rng';
import { nodeOf, NOT_MANAGER_INACTIVE, NOT_MANAGER_WORKER } from './cluster';
import { newSwarmId } from './ids';
import { instantiate, lbNetns, overlayNetns } from './node-networks';

const WORKER_CREATE =
  'Cannot create a multi-host network from a worker node. Please create the network from a manager node.';

function nextSubnet(used: readonly string[]): string | undefined {
  for (let n = ipToInt('10.0.0.0'); n < ipToInt('11.0.0.0'); n += 256) {
    const b = cidrBlock(`${intToIp(n)}/24`);
    if (!used.some((u) => blocksOverlap(cidrBlock(u), b))) return `${intToIp(n)}/24`;
  }
  return undefined;
}

export function createOverlay(
  world: World,
  host: string,
  o: NetworkCreateRequest,
  ctx: Ctx,
): Result<{ world: World; id: string }> {
  const node = nodeOf(world, host);
  const cluster = world.swarm;
  if (!node || !cluster) return err(NOT_MANAGER_INACTIVE);
  if (node.role !== 'manager') return err(WORKER_CREATE);
  const h = hostOf(world, host);
  if (
    cluster.networks.some((n) => n.name === o.name) ||
    [...h.docker.networks.values()].some((n) => n.name === o.name)
  )
    return err(`network with name ${o.name} already exists`);
  const used = cluster.networks.map((n) => n.subnet);
  const pool = o.ipam[0];
  let subnet: string | undefined = pool?.subnet;
  if (subnet !== undefined) {
    if (!parseCidr(subnet)) return err(`invalid subnet ${subnet}: invalid CIDR block notation`);
    if (used.some((u) => blocksOverlap(cidrBlock(u), cidrBlock(subnet!))))
      return err('invalid pool request: Pool overlaps with other one on this address space');
  } else subnet = nextSubnet(used);
  if (!subnet) return err('could not find an available, non-overlapping IPv4 address pool');
  const base = ipToInt(subnet.split('/')[0]);
  const sn: SwarmNetwork = {
    id: newSwarmId(ctx.rng),
    name: o.name,
    subnet,
    gateway: pool?.gateway ?? intToIp(base + 1),
    vni: Math.max(4096, ...cluster.networks.map((n) => n.vni)) + 1,
    attachable: o.attachable,
    ingress: false,
    created: ctx.now,
    createdNanos: ctx.rng.int(0, 999_999),
    options: { ...o.options },
    labels: { ...o.labels },
    ...(pool ? { userSubnet: true } : {}),
  };
  const d = createDraft(h);
  instantiate(d, sn);
  const next = {
    ...world,
    hosts: { ...world.hosts, [host]: finishDraft(d) },
    swarm: { ...cluster, networks: [...cluster.networks, sn] },
  };
  return ok({ world: next, id: sn.id });
}

/**
 * `docker network rm` of a cluster network (swarmkit controlapi removeNetwork): refused while a
 * container on any node holds an attachment to it (each one is a task); then gone everywhere.
 */
export function removeOverlay(world: World, host: string, id: string): Result<World> {
  const cluster = world.swarm;
  const node = nodeOf(world, host);
  if (!cluster || !node) return err(NOT_MANAGER_INACTIVE);
  if (node.role !== 'manager') return err(NOT_MANAGER_WORKER);
  for (const h of Object.values(world.hosts))
    for (const c of h.docker.containers.values())
      if (c.state.status === 'running' && c.endpoints.some((e) => e.networkId === id && e.joined))
        return err(
          `rpc error: code = FailedPrecondition desc = network ${id} is in use by task ${newSwarmId(rngForContent(`attachment ${c.id} ${id}`))}`,
        );
  const hosts = Object.fromEntries(
    Object.entries(world.hosts).map(([name, h]) => {
      if (!h.docker.networks.has(id)) return [name, h];
      const d = createDraft(h);
      deleteNetns(d, overlayNetns(id));
      deleteNetns(d, lbNetns(id));
      d.docker.networks.delete(id);
      delete d.docker.ipamAllocations[id];
      return [name, finishDraft(d)];
    }),
  );
  return ok({
    ...world,
    hosts,
    swarm: { ...cluster, networks: cluster.networks.filter((n) => n.id !== id) },
  });
}

/**
 * Before a container command on a node: the attachable cluster networks become reachable by
 * name here (the daemon asks the managers for an attachment). Unused ones go again after the line.
 */
export function offerAttachable(world: World, host: string): World {
  const cluster = world.swarm;
  if (!cluster || !nodeOf(world, host)) return world;
  const h = hostOf(world, host);
  const missing = cluster.networks.filter((n) => n.attachable && !h.docker.networks.has(n.id));
  if (!missing.length) return world;
  const d = createDraft(h);
  for (const n of missing) {
    instantiate(d, n);
    d.docker.ipamAllocations[n.id] = castDraft(clusterAllocations(world, n.id));
  }
  return { ...world, hosts: { ...world.hosts, [host]: finishDraft(d) } };
}

/** The swarmkit refusal for `--network` naming a cluster network that is not attachable. */
export function notAttachable(world: World, host: string, ref: string): string | undefined {
  if (!nodeOf(world, host)) return undefined;
  const n = world.swarm?.networks.find((x) => x.name === ref || x.id === ref);
  if (!n || n.attachable) return undefined;
  return `Could not attach to network ${ref}: rpc error: code = PermissionDenied desc = network ${ref} not manually attachable`;
}
