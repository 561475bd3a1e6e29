/**
 * The daemon's network operations (`docker network create|rm`), validated as moby validates them,
 * with the bridge device and iptables rules each bridge network owns.
 */
import { castDraft } from 'immer';
import type { Daemon, IpamPoolConfig, Network } from '../model';
import {
  allocateAddress,
  allocatePool,
  canonicalSubnet,
  poolOverlaps,
  subnetContains,
} from '../net/ipam';
import { isIpv4, parseCidr } from '../net/ipv4';
import { addLink, deleteLink, findLink, type HostDraft } from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { installBridgeRules, networkOwner, removeRulesOwnedBy } from './bridge-rules';
import { bridgeMac, newNetworkId } from './daemon';

export interface NetworkCreateOptions {
  readonly name: string;
  readonly driver: string;
  readonly subnets: readonly string[];
  readonly gateways: readonly string[];
  readonly ipRanges: readonly string[];
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

const firstFree = (subnet: string, range?: string): string => {
  const r = allocateAddress(subnet, new Set(), range);
  return r.ok ? r.value : subnet.split('/')[0]!;
};

const PREDEFINED = new Set(['bridge', 'host', 'none', 'default']);

/** Drivers this lab does not model yet get a plain statement instead of a half-truth. */
const UNMODELLED_DRIVERS = new Set(['overlay', 'macvlan', 'ipvlan']);

/** Subnets already taken on the host: networks' pools and the host's own on-link routes. */
export function subnetsInUse(h: HostDraft | { docker: Daemon }): string[] {
  return Object.values(h.docker.networks).flatMap((n) => n.ipam.config.map((c) => c.subnet));
}

function hostOnLinkSubnets(h: HostDraft): string[] {
  const eth0 = findLink(h, 'host', 'eth0');
  return (eth0?.addresses ?? []).map((a) => canonicalSubnet(a.ip, a.prefix));
}

function validateIpam(o: NetworkCreateOptions): Result<IpamPoolConfig[]> {
  const configs: IpamPoolConfig[] = [];
  const problems: string[] = [];
  for (const [i, subnet] of o.subnets.entries()) {
    const p = parseCidr(subnet);
    if (!p) {
      problems.push(`invalid subnet ${subnet}: invalid CIDR block notation`);
      continue;
    }
    const canonical = canonicalSubnet(p.ip, p.prefix);
    if (canonical !== subnet) {
      problems.push(`invalid subnet ${subnet}: it should be ${canonical}`);
      continue;
    }
    const gateway = o.gateways[i];
    const ipRange = o.ipRanges[i];
    if (gateway !== undefined && (!isIpv4(gateway) || !subnetContains(subnet, gateway)))
      problems.push(
        `invalid gateway ${gateway}: parent subnet ${subnet} doesn't contain this address`,
      );
    if (ipRange !== undefined) {
      const r = parseCidr(ipRange);
      if (!r) problems.push(`invalid ip-range ${ipRange}: invalid CIDR block notation`);
      else if (canonicalSubnet(r.ip, r.prefix) !== ipRange)
        problems.push(
          `invalid ip-range ${ipRange}: it should be ${canonicalSubnet(r.ip, r.prefix)}`,
        );
      else if (!subnetContains(subnet, r.ip) || r.prefix < p.prefix)
        problems.push(
          `invalid ip-range ${ipRange}: parent subnet ${subnet} doesn't contain ip-range`,
        );
    }
    configs.push({
      subnet,
      ...(ipRange !== undefined ? { ipRange } : {}),
      ...(gateway !== undefined ? { gateway } : {}),
      userSubnet: true,
    });
  }
  if (o.gateways.length > o.subnets.length)
    return err(
      'invalid network config:\nno matching subnet for gateway ' + o.gateways[o.subnets.length],
    );
  if (o.ipRanges.length > o.subnets.length)
    return err(
      'invalid network config:\nno matching subnet for range ' + o.ipRanges[o.subnets.length],
    );
  if (problems.length) return err(`invalid network config:\n${problems.join('\n')}`);
  return ok(configs);
}

export function createNetwork(h: HostDraft, o: NetworkCreateOptions, ctx: Ctx): Result<Network> {
  if (PREDEFINED.has(o.name) && o.name !== 'default')
    return err(`operation is not permitted on predefined ${o.name} network `);
  if (Object.values(h.docker.networks).some((n) => n.name === o.name))
    return err(`network with name ${o.name} already exists`);
  if (UNMODELLED_DRIVERS.has(o.driver))
    return err(
      `the ${o.driver} driver is not simulated in Docker Network Lab yet; only bridge networks can be created here`,
    );
  if (o.driver !== 'bridge') return err(`plugin "${o.driver}" not found`);
  const ipam = validateIpam(o);
  if (!ipam.ok) return ipam;
  const inUse = subnetsInUse(h);
  let config = ipam.value;
  if (config.length === 0) {
    const pool = allocatePool([...inUse, ...hostOnLinkSubnets(h)]);
    if (!pool.ok) return pool;
    config = [{ subnet: pool.value, userSubnet: false }];
  } else if (config.some((c) => poolOverlaps(c.subnet, inUse))) {
    return err('invalid pool request: Pool overlaps with other one on this address space');
  }
  // The gateway is the first address handed out on the pool (moby libnetwork/network.go).
  config = config.map((c) => ({
    ...c,
    gateway: c.gateway ?? firstFree(c.subnet, c.ipRange),
  }));
  const id = newNetworkId(ctx);
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
    ipam: { driver: 'default', options: {}, config },
    options: { ...o.options },
    labels: { ...o.labels },
    bridge,
  };
  h.docker.networks[id] = castDraft(network);
  const first = config[0];
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

/** Containers with a config entry for this network (running or not). */
export function containersOn(d: Daemon, networkId: string): string[] {
  return Object.values(d.containers)
    .filter((c) => c.endpoints.some((e) => e.networkId === networkId))
    .map((c) => c.id);
}

export function removeNetwork(h: HostDraft, n: Network): Result<void> {
  if (n.predefined) return err(`${n.name} is a pre-defined network and cannot be removed`);
  const active = Object.values(h.docker.containers).filter((c) =>
    c.endpoints.some((e) => e.networkId === n.id && e.joined),
  );
  if (active.length)
    return err(`error while removing network: network ${n.name} id ${n.id} has active endpoints`);
  // Stopped containers keep a stale config entry that points nowhere, as in moby.
  const br = n.bridge ? findLink(h, 'host', n.bridge) : undefined;
  if (br) deleteLink(h, 'host', br.ifindex);
  removeRulesOwnedBy(h, networkOwner(n.id));
  delete h.docker.networks[n.id];
  return ok(undefined);
}
