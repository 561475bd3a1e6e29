/**
 * Joining and leaving a network, as libnetwork's bridge driver does it: allocate the lowest free
 * address, create a veth pair (host end `vethXXXXXXX` enslaved to the bridge, container end
 * renamed `ethN`), address it, and point the default route at the right gateway.
 */
import { castDraft, type Draft } from 'immer';
import type { Container, Ipv4, Network } from '../model';
import {
  allocateAddress,
  isAllocated,
  isNetworkOrBroadcast,
  subnetContains,
  withAllocation,
} from '../net/ipam';
import { macFromIp } from '../net/ipv4';
import {
  createVethPair,
  deleteLink,
  draftLink,
  findLink,
  plain,
  randomMac,
  type HostDraft,
} from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { joinUnderlay } from './macvlan';
import { ensureLoadBalancer } from '../swarm/load-balancer';
import { joinOverlay, releaseGateway } from '../swarm/overlay-datapath';

function allocationsOf(h: HostDraft, networkId: string): readonly number[] {
  return plain(h.docker.ipamAllocations[networkId]) ?? [];
}

function recordAllocation(h: HostDraft, networkId: string, ip: Ipv4, allocate: boolean): void {
  h.docker.ipamAllocations[networkId] = castDraft(
    withAllocation(allocationsOf(h, networkId), ip, allocate),
  );
}

/**
 * An address for an endpoint and the pool it came from. libnetwork tries the network's pools in
 * order and moves to the next only when one is full; a requested address must lie in a pool.
 */
function pickAddress(
  h: HostDraft,
  n: Network,
  requested?: Ipv4,
): Result<{ ip: Ipv4; prefix: number }> {
  const pools = n.ipam.config;
  if (!pools.length) return err(`no IPv4 pool on network ${n.name}`);
  const gateways = new Set(pools.flatMap((c) => (c.gateway ? [c.gateway] : [])));
  const allocated = allocationsOf(h, n.id);
  const prefixOf = (subnet: string) => Number(subnet.split('/')[1]);
  if (requested) {
    // moby validateNetworkingConfig: --ip needs a subnet the user configured.
    if (!pools.some((c) => c.userSubnet))
      return err(
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      );
    const pool = pools.find(
      (c) => subnetContains(c.subnet, requested) && !isNetworkOrBroadcast(c.subnet, requested),
    );
    if (!pool) return err(`no configured subnet or ip-range contain the IP address ${requested}`);
    if (gateways.has(requested) || isAllocated(allocated, requested))
      return err('Address already in use');
    return ok({ ip: requested, prefix: prefixOf(pool.subnet) });
  }
  let last: Result<Ipv4> = err(`no IPv4 pool on network ${n.name}`);
  for (const pool of pools) {
    last = allocateAddress(pool.subnet, gateways, pool.ipRange, allocated);
    if (last.ok) return ok({ ip: last.value, prefix: prefixOf(pool.subnet) });
  }
  return last;
}

export function joinEndpoint(
  h: HostDraft,
  c: Draft<Container>,
  index: number,
  ctx: Ctx,
): Result<void> {
  const ep = c.endpoints[index];
  if (!ep) throw new Error('no such endpoint');
  const n =
    h.docker.networks.get(ep.networkId) ??
    [...h.docker.networks.values()].find((x) => x.name === ep.networkName);
  if (!n) return err(`network ${ep.networkName} not found`);
  ep.networkId = n.id;
  const endpointId = ctx.rng.hex(64);
  if (n.underlay) {
    if (!c.netns) throw new Error('joining without a sandbox');
    const ip = pickAddress(h, n, ep.ipv4Requested);
    if (!ip.ok) return ip;
    const joined = joinUnderlay(h, c, n, ip.value.ip, ip.value.prefix, endpointId);
    if (!joined.ok) return joined;
    ep.joined = joined.value;
    recordAllocation(h, n.id, ip.value.ip, true);
    setDefaultRoute(h, c);
    return ok(undefined);
  }
  if (n.driver === 'overlay') {
    const ip = pickAddress(h, n, ep.ipv4Requested);
    if (!ip.ok) return ip;
    // The node's load balancer is the network's first endpoint here, addressed after this one.
    ensureLoadBalancer(h, n, ip.value.ip, ctx);
    const joined = joinOverlay(h, c, n, ip.value.ip, endpointId, ctx);
    if (!joined.ok) return joined;
    ep.joined = castDraft(joined.value);
    recordAllocation(h, n.id, ip.value.ip, true);
    return ok(undefined);
  }
  if (n.driver !== 'bridge') {
    // host and none: an endpoint without an interface of its own.
    ep.joined = { endpointId, ip: '', prefix: 0, gateway: '', mac: '', ifindex: 0 };
    return ok(undefined);
  }
  const netns = c.netns;
  if (!netns) throw new Error('joining without a sandbox');
  const picked = pickAddress(h, n, ep.ipv4Requested);
  if (!picked.ok) return picked;
  // A bridge network has one pool (createNetwork refuses more).
  const pool = n.ipam.config[0];
  const { ip, prefix } = picked.value;
  const mac = macFromIp(ip);
  const eth = `eth${c.nextEthIndex}`;
  c.nextEthIndex += 1;
  const pair = createVethPair(
    h,
    { netns: 'host', name: `veth${ctx.rng.hex(7)}`, mac: randomMac(ctx.rng) },
    { netns, name: eth, mac },
  );
  const bridge = findLink(h, 'host', n.bridge as string);
  const hostEnd = pair.ends.a;
  hostEnd.up = true;
  if (bridge) hostEnd.master = bridge.ifindex;
  hostEnd.mtu = bridge?.mtu ?? 1500;
  const ctrEnd = pair.ends.b;
  ctrEnd.up = true;
  ctrEnd.mtu = hostEnd.mtu;
  ctrEnd.addresses = [{ ip, prefix }];
  ep.joined = {
    endpointId,
    ip,
    prefix,
    // daemon.json `default-gateway` (the DefaultGatewayIPv4 aux address) overrides docker0's own.
    gateway:
      (n.name === 'bridge' && n.predefined && h.docker.bridgeConfig.defaultGateway) ||
      (pool.gateway ?? ''),
    mac,
    ifindex: pair.b,
  };
  recordAllocation(h, n.id, ip, true);
  setDefaultRoute(h, c);
  return ok(undefined);
}

export function leaveEndpoint(h: HostDraft, c: Draft<Container>, index: number): void {
  const ep = c.endpoints[index];
  if (!ep?.joined) return;
  if (ep.joined.ifindex && c.netns) deleteLink(h, c.netns, ep.joined.ifindex);
  if (ep.joined.gw) {
    if (c.netns) deleteLink(h, c.netns, ep.joined.gw.ifindex);
    releaseGateway(h, plain(ep.joined.gw));
  }
  if (ep.joined.ip) recordAllocation(h, ep.networkId, ep.joined.ip, false);
  delete ep.joined;
  setDefaultRoute(h, c);
}

/**
 * libnetwork picks the gateway endpoint by sorting the sandbox's endpoints: internal networks
 * last, then by network name; the first one with a gateway owns the default route (and the
 * container's published ports).
 */
export function gatewayEndpoint(h: HostDraft, c: Draft<Container>) {
  return c.endpoints
    .filter((e) => e.joined?.gateway)
    .map((e) => ({ e, n: h.docker.networks.get(e.networkId)! }))
    .filter(({ n }) => n && !n.internal)
    .sort((a, b) => (a.n.name < b.n.name ? -1 : a.n.name > b.n.name ? 1 : 0))[0];
}

function setDefaultRoute(h: HostDraft, c: Draft<Container>): void {
  const ns = c.netns ? h.netns.get(c.netns) : undefined;
  if (!ns || c.netns === 'host') return;
  // ipvlan l3's `default dev ethN` is the driver's static route: it stays with its device.
  ns.routes = ns.routes.filter((r) => r.dst !== 'default' || !r.via);
  const best = gatewayEndpoint(h, c);
  if (!best?.e.joined) return;
  const dev = draftLink(h, ns.id, best.e.joined.ifindex)?.name;
  if (dev) ns.routes.unshift({ dst: 'default', via: best.e.joined.gateway, dev });
}
