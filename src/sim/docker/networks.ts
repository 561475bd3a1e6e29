/**
 * The daemon's network operations (`docker network create|rm|prune`), checked in the order moby
 * v27 checks them (daemon/network.go createNetwork, then libnetwork Controller.NewNetwork), with
 * the bridge device and iptables rules each bridge network owns.
 */
import { castDraft } from 'immer';
import type { Daemon, IpamPoolConfig, Network } from '../model';
import { allocateAddress, allocatePool, canonicalSubnet, poolOverlaps } from '../net/ipam';
import { blockContains, blockOf, blocksOverlap, isIpv4, parseCidr } from '../net/ipv4';
import { addLink, deleteLink, findLink, randomMac, type HostDraft } from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { installBridgeRules, networkOwner, removeRulesOwnedBy } from './bridge-rules';
import { bridgeMac, newNetworkId } from './daemon';
import { createUnderlay, isUnderlayDriver, removeUnderlay, type UnderlayDriver } from './macvlan';

/** One IPAM pool as the CLI sends it: the strings the user typed, not yet validated. */
export interface IpamRequest {
  readonly subnet: string;
  readonly ipRange?: string;
  readonly gateway?: string;
}

/** The body of `POST /networks/create`, as far as the lab models it. */
export interface NetworkCreateRequest {
  readonly name: string;
  readonly driver: string;
  readonly ipam: readonly IpamRequest[];
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

/** Errors that are the lab's own limits, not Docker's: the CLI prints them without the daemon prefix. */
export const LAB_LIMIT = 'Docker Network Lab: ';

export const isLabLimit = (error: string): boolean => error.startsWith(LAB_LIMIT);

/** runconfig.IsPreDefinedNetwork on Linux: bridge, host, none and the `default` alias. */
const PREDEFINED = new Set(['bridge', 'host', 'none', 'default']);

// moby daemon/network.go: only swarm managers may create overlay networks.
const NOT_A_SWARM_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

export function isPredefinedName(name: string): boolean {
  return PREDEFINED.has(name);
}

/** Subnets already taken on the host by Docker networks. */
export function subnetsInUse(h: { readonly docker: Daemon }): string[] {
  return [...h.docker.networks.values()].flatMap((n) => n.ipam.config.map((c) => c.subnet));
}

function hostOnLinkSubnets(h: HostDraft): string[] {
  const eth0 = findLink(h, 'host', 'eth0');
  return (eth0?.addresses ?? []).map((a) => canonicalSubnet(a.ip, a.prefix));
}

/** api/types/network ValidateIPAM: every problem of every pool, joined as errors.Join does. */
function validateIpam(pools: readonly IpamRequest[]): Result<void> {
  const problems: string[] = [];
  for (const pool of pools) {
    const p = parseCidr(pool.subnet);
    if (!p) {
      problems.push(`invalid subnet ${pool.subnet}: invalid CIDR block notation`);
      continue;
    }
    const masked = canonicalSubnet(p.ip, p.prefix);
    if (masked !== pool.subnet)
      problems.push(`invalid subnet ${pool.subnet}: it should be ${masked}`);
    if (pool.ipRange !== undefined) problems.push(...validateIpRange(pool.ipRange, masked));
    if (pool.gateway !== undefined) {
      if (!isIpv4(pool.gateway)) problems.push(`invalid gateway ${pool.gateway}: invalid address`);
      else if (!blockContains(blockOf(p.ip, p.prefix), pool.gateway))
        problems.push(
          `invalid gateway ${pool.gateway}: parent subnet ${masked} doesn't contain this address`,
        );
    }
  }
  if (problems.length === 0) return ok(undefined);
  const joined = problems.length === 1 ? problems[0] : `* ${problems.join('\n* ')}`;
  return err(`invalid network config:\n${joined}`);
}

function validateIpRange(ipRange: string, subnet: string): string[] {
  const r = parseCidr(ipRange);
  if (!r) return [`invalid ip-range ${ipRange}: invalid CIDR block notation`];
  const s = parseCidr(subnet)!;
  const problems: string[] = [];
  if (r.prefix < s.prefix)
    problems.push(
      `invalid ip-range ${ipRange}: CIDR block is bigger than its parent subnet ${subnet}`,
    );
  const masked = canonicalSubnet(r.ip, r.prefix);
  if (masked !== ipRange) problems.push(`invalid ip-range ${ipRange}: it should be ${masked}`);
  if (!blocksOverlap(blockOf(r.ip, r.prefix), blockOf(s.ip, s.prefix)))
    problems.push(`invalid ip-range ${ipRange}: parent subnet ${subnet} doesn't contain ip-range`);
  return problems;
}

/** The pools a new network gets: the user's (gateway filled in), or the lowest free default. */
function assignPools(h: HostDraft, pools: readonly IpamRequest[]): Result<IpamPoolConfig[]> {
  const inUse = subnetsInUse(h);
  if (pools.length === 0) {
    // Predefined pools skip the host's own on-link networks (netutils InferReservedNetworks).
    const pool = allocatePool([...inUse, ...hostOnLinkSubnets(h)], h.docker.addressPools);
    if (!pool.ok) return pool;
    return ok([{ subnet: pool.value, gateway: firstFree(pool.value), userSubnet: false }]);
  }
  if (pools.some((p) => poolOverlaps(p.subnet, inUse)))
    return err('invalid pool request: Pool overlaps with other one on this address space');
  // Without --gateway the gateway is the first address handed out from the pool (or its
  // --ip-range), because libnetwork requests it before any endpoint exists.
  return ok(
    pools.map((p) => ({
      subnet: p.subnet,
      ...(p.ipRange !== undefined ? { ipRange: p.ipRange } : {}),
      gateway: p.gateway ?? firstFree(p.subnet, p.ipRange),
      userSubnet: true,
      ...(p.gateway === undefined ? { gatewayImplicit: true } : {}),
    })),
  );
}

function firstFree(subnet: string, range?: string): string {
  const r = allocateAddress(subnet, new Set(), range);
  return r.ok ? r.value : subnet.split('/')[0];
}

export function createNetwork(h: HostDraft, o: NetworkCreateRequest, ctx: Ctx): Result<Network> {
  if (PREDEFINED.has(o.name))
    return err(`operation is not permitted on predefined ${o.name} network `);
  if (o.driver === 'overlay') return err(NOT_A_SWARM_MANAGER);
  const valid = validateIpam(o.ipam);
  if (!valid.ok) return valid;
  if ([...h.docker.networks.values()].some((n) => n.name === o.name))
    return err(`network with name ${o.name} already exists`);
  if (o.driver === 'host' || o.driver === 'null')
    // libnetwork's host and null drivers allow a single network each, made at daemon start.
    return err(`only one instance of "${o.driver}" network is allowed`);
  if (o.driver !== 'bridge' && !isUnderlayDriver(o.driver))
    return err(`plugin "${o.driver}" not found`);
  const pools = assignPools(h, o.ipam);
  if (!pools.ok) return pools;
  const id = newNetworkId(ctx);
  if (isUnderlayDriver(o.driver))
    return createUnderlayNetwork(h, o, o.driver, id, pools.value, ctx);
  // libnetwork's bridge driver takes one IPv4 pool (processIPAM); the others take several.
  if (pools.value.length > 1) return err("bridge driver doesn't support multiple subnets");
  const bridge = o.options['com.docker.network.bridge.name'] ?? `br-${id.slice(0, 12)}`;
  if (findLink(h, 'host', bridge)) return err(`bridge ${bridge} already exists`);
  const network: Network = {
    id,
    name: o.name,
    driver: 'bridge',
    created: ctx.now,
    createdNanos: ctx.rng.int(0, 999_999),
    internal: o.internal,
    attachable: o.attachable,
    predefined: false,
    ipam: { driver: 'default', options: {}, config: pools.value },
    options: { ...o.options },
    labels: { ...o.labels },
    bridge,
  };
  h.docker.networks.set(id, castDraft(network));
  const first = pools.value[0];
  addLink(h, 'host', {
    name: bridge,
    kind: 'bridge',
    mac: bridgeMac(ctx),
    mtu: Number(o.options['com.docker.network.driver.mtu'] ?? 1500),
    up: true,
    addresses: first?.gateway
      ? [{ ip: first.gateway, prefix: Number(first.subnet.split('/')[1]) }]
      : [],
  });
  installBridgeRules(h, network);
  return ok(network);
}

/** A macvlan or ipvlan network: the driver claims its parent; no bridge, no iptables rules. */
function createUnderlayNetwork(
  h: HostDraft,
  o: NetworkCreateRequest,
  driver: UnderlayDriver,
  id: string,
  pools: IpamPoolConfig[],
  ctx: Ctx,
): Result<Network> {
  const underlay = createUnderlay(h, driver, id, o.options, randomMac(ctx.rng));
  if (!underlay.ok) return underlay;
  const network: Network = {
    id,
    name: o.name,
    driver,
    created: ctx.now,
    createdNanos: ctx.rng.int(0, 999_999),
    internal: o.internal,
    attachable: o.attachable,
    predefined: false,
    ipam: { driver: 'default', options: {}, config: pools },
    options: { ...o.options },
    labels: { ...o.labels },
    underlay: underlay.value,
  };
  h.docker.networks.set(id, castDraft(network));
  return ok(network);
}

/** Containers with a config entry for this network (running or not). */
export function containersOn(d: Daemon, networkId: string): string[] {
  return [...d.containers.values()]
    .filter((c) => c.endpoints.some((e) => e.networkId === networkId))
    .map((c) => c.id);
}

/** libnetwork counts endpoints, and only running containers have one (stop deletes it). */
export function hasActiveEndpoints(d: Daemon, n: Network): boolean {
  return [...d.containers.values()].some((c) =>
    c.endpoints.some((e) => e.networkId === n.id && e.joined),
  );
}

export function removeNetwork(h: HostDraft, n: Network): Result<void> {
  if (n.predefined || PREDEFINED.has(n.name))
    return err(`${n.name} is a pre-defined network and cannot be removed`);
  if (hasActiveEndpoints(h.docker, n))
    return err(`error while removing network: network ${n.name} id ${n.id} has active endpoints`);
  // Stopped containers keep a stale config entry that points nowhere, as in moby.
  const br = n.bridge ? findLink(h, 'host', n.bridge) : undefined;
  if (br) deleteLink(h, 'host', br.ifindex);
  removeUnderlay(h, n);
  removeRulesOwnedBy(h, networkOwner(n.id));
  h.docker.networks.delete(n.id);
  return ok(undefined);
}

/**
 * moby daemon/prune.go localNetworksPrune: every user network without endpoints goes, so a network
 * whose containers are all stopped is pruned too. Returns the names deleted, in walk order.
 */
export function pruneNetworks(h: HostDraft): string[] {
  const deleted: string[] = [];
  for (const n of [...h.docker.networks.values()]) {
    if (n.predefined || PREDEFINED.has(n.name) || hasActiveEndpoints(h.docker, n)) continue;
    if (removeNetwork(h, n).ok) deleted.push(n.name);
  }
  return deleted;
}
