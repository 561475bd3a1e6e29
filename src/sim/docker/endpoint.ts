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
import { joinOverlay, releaseGateway } from '../swarm/overlay-datapath';

function allocationsOf(h: HostDraft, networkId: string): readonly number[] {
  return plain(h.docker.ipamAllocations[networkId]) ?? [];
}

function recordAllocation(h: HostDraft, networkId: string, ip: Ipv4, allocate: boolean): void {
  h.docker.ipamAllocations[networkId] = castDraft(
    withAllocation(allocationsOf(h, networkId), ip, allocate),
  );
}

function pickAddress(h: HostDraft, n: Network, requested?: Ipv4): Result<Ipv4> {
  const pool = n.ipam.config[0];
  if (!pool) return err(`no IPv4 pool on network ${n.name}`);
  const gateways = new Set(n.ipam.config.flatMap((c) => (c.gateway ? [c.gateway] : [])));
  const allocated = allocationsOf(h, n.id);
  if (requested) {
    // moby validateNetworkingConfig: --ip needs a subnet the user configured.
    if (!n.ipam.config.some((c) => c.userSubnet))
      return err(
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      );
    if (!subnetContains(pool.subnet, requested) || isNetworkOrBroadcast(pool.subnet, requested))
      return err(`no configured subnet or ip-range contain the IP address ${requested}`);
    if (gateways.has(requested) || isAllocated(allocated, requested))
      return err('Address already in use');
    return ok(requested);
  }
  return allocateAddress(pool.subnet, gateways, pool.ipRange, allocated);
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
    const joined = joinUnderlay(
      h,
      c,
      n,
      ip.value,
      Number(n.ipam.config[0].subnet.split('/')[1]),
      endpointId,
    );
    if (!joined.ok) return joined;
    ep.joined = joined.value;
    recordAllocation(h, n.id, ip.value, true);
    setDefaultRoute(h, c);
    return ok(undefined);
  }
  if (n.driver === 'overlay') {
    const ip = pickAddress(h, n, ep.ipv4Requested);
    if (!ip.ok) return ip;
    const joined = joinOverlay(h, c, n, ip.value, endpointId, ctx);
    if (!joined.ok) return joined;
    ep.joined = castDraft(joined.value);
    recordAllocation(h, n.id, ip.value, true);
    return ok(undefined);
  }
  if (n.driver !== 'bridge') {
    // host and none: an endpoint without an interface of its own.
    ep.joined = { endpointId, ip: '', prefix: 0, gateway: '', mac: '', ifindex: 0 };
    return ok(undefined);
  }
  const netns = c.netns;
  if (!netns) throw new Error('joining without a sandbox');
  const ip = pickAddress(h, n, ep.ipv4Requested);
  if (!ip.ok) return ip;
  const pool = n.ipam.config[0];
  const prefix = Number(pool.subnet.split('/')[1]);
  const mac = macFromIp(ip.value);
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
  ctrEnd.addresses = [{ ip: ip.value, prefix }];
  ep.joined = {
    endpointId,
    ip: ip.value,
    prefix,
    // daemon.json `default-gateway` (the DefaultGatewayIPv4 aux address) overrides docker0's own.
    gateway:
      (n.name === 'bridge' && n.predefined && h.docker.bridgeConfig.defaultGateway) ||
      (pool.gateway ?? ''),
    mac,
    ifindex: pair.b,
  };
  recordAllocation(h, n.id, ip.value, true);
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
