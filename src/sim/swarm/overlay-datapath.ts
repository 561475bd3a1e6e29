/**
 * What the overlay driver builds on a node (moby libnetwork/drivers/overlay ov_network.go,
 * joinleave.go): per network a namespace `1-<id>` with the bridge `br0` holding the gateway
 * address and `vxlan0` (VNI, UDP 4789, no learning: the driver programs its FDB), created in the
 * host namespace — where its UDP socket stays — then moved in and enslaved; per container a veth
 * whose outer end (`vethN`) joins br0 and whose inner end becomes `ethN`, MTU 1450 for the 50
 * bytes VXLAN adds. The container reaches the outside through a second endpoint on
 * docker_gwbridge, which carries its default route.
 */
import { castDraft, type Draft } from 'immer';
import type { Container, Ipv4, JoinedEndpoint, Network } from '../model';
import { withAllocation, allocateAddress } from '../net/ipam';
import { macFromIp } from '../net/ipv4';
import {
  addLink,
  createBridge,
  createNetns,
  createVethPair,
  draftLink,
  findLink,
  moveLink,
  plain,
  randomMac,
  renameLink,
  type HostDraft,
} from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { GWBRIDGE, overlayNetns } from './node-networks';

export const OVERLAY_MTU = 1450;
export const VXLAN_PORT = 4789;

export function ensureNamespace(h: HostDraft, n: Network, ctx: Ctx): string {
  const ns = overlayNetns(n.id);
  if (h.netns.has(ns)) return ns;
  createNetns(h, ns);
  const pool = n.ipam.config[0];
  const br = createBridge(h, ns, 'br0', randomMac(ctx.rng));
  const brLink = draftLink(h, ns, br)!;
  brLink.mtu = OVERLAY_MTU;
  brLink.up = true;
  brLink.addresses = [{ ip: pool.gateway!, prefix: Number(pool.subnet.split('/')[1]) }];
  // Docker names it vx-<VNI>-<network id> in the host namespace, clear of the host's own devices
  // (a learner's vxlan0 and its routes stay), and renames it vxlan0 once moved.
  const vni = n.overlay?.vni ?? 0;
  const vx = addLink(h, 'host', {
    name: `vx-${vni.toString(16).padStart(6, '0')}-${n.id.slice(0, 5)}`,
    kind: 'vxlan',
    mac: randomMac(ctx.rng),
    mtu: OVERLAY_MTU,
    up: false,
    addresses: [],
    vxlan: {
      id: vni,
      dstport: VXLAN_PORT,
      underlayNetns: 'host',
      learning: false,
      proxy: true,
      fdb: [],
    },
  });
  moveLink(h, 'host', vx, ns);
  renameLink(h, ns, vx, 'vxlan0');
  const vxLink = draftLink(h, ns, vx)!;
  vxLink.master = br;
  vxLink.up = true;
  return ns;
}

/** The hidden docker_gwbridge endpoint: the next `ethN`, its default route via the bridge. */
function joinGateway(
  h: HostDraft,
  c: Draft<Container>,
  ctx: Ctx,
): { ip: Ipv4; ifindex: number; networkId: string } | undefined {
  const gw = [...h.docker.networks.values()].find((x) => x.name === GWBRIDGE);
  const bridge = gw?.bridge ? findLink(h, 'host', gw.bridge) : undefined;
  if (!gw || !bridge || !c.netns) return undefined;
  const pool = gw.ipam.config[0];
  const taken = plain(h.docker.ipamAllocations[gw.id]) ?? [];
  const ip = allocateAddress(pool.subnet, new Set([pool.gateway!]), undefined, taken);
  if (!ip.ok) return undefined;
  h.docker.ipamAllocations[gw.id] = castDraft(withAllocation(taken, ip.value, true));
  const eth = `eth${c.nextEthIndex}`;
  c.nextEthIndex += 1;
  const pair = createVethPair(
    h,
    { netns: 'host', name: `veth${ctx.rng.hex(7)}`, mac: randomMac(ctx.rng) },
    { netns: c.netns, name: eth, mac: macFromIp(ip.value) },
  );
  pair.ends.a.up = true;
  pair.ends.a.master = bridge.ifindex;
  pair.ends.b.up = true;
  pair.ends.b.addresses = [{ ip: ip.value, prefix: Number(pool.subnet.split('/')[1]) }];
  const ns = h.netns.get(c.netns)!;
  ns.routes = ns.routes.filter((r) => r.dst !== 'default');
  ns.routes.unshift({ dst: 'default', via: pool.gateway!, dev: eth });
  return { ip: ip.value, ifindex: pair.b, networkId: gw.id };
}

/**
 * A veth from the network's br0 to `inner` (named `ethN` there, its MAC made from the address),
 * both ends up with the overlay's MTU: how the driver plugs in any sandbox, a container's or the
 * load balancer's. The outer end is `vethN`, numbered as the namespace hands names out.
 */
export function plugIntoOverlay(
  h: HostDraft,
  ns: string,
  inner: { netns: string; name: string },
  ip: Ipv4,
  prefix: number,
  ctx: Ctx,
): number {
  const br = findLink(h, ns, 'br0')!;
  const index = h.netns.get(ns)!.links.filter((l) => l.name.startsWith('veth')).length;
  const pair = createVethPair(
    h,
    { netns: ns, name: `veth${index}`, mac: randomMac(ctx.rng) },
    { ...inner, mac: macFromIp(ip) },
  );
  for (const end of [pair.ends.a, pair.ends.b]) {
    end.up = true;
    end.mtu = OVERLAY_MTU;
  }
  pair.ends.a.master = br.ifindex;
  pair.ends.b.addresses = [{ ip, prefix }];
  return pair.b;
}

export function joinOverlay(
  h: HostDraft,
  c: Draft<Container>,
  n: Network,
  ip: Ipv4,
  endpointId: string,
  ctx: Ctx,
): Result<JoinedEndpoint> {
  if (!c.netns) return err('joining without a sandbox');
  const ns = ensureNamespace(h, n, ctx);
  const prefix = Number(n.ipam.config[0].subnet.split('/')[1]);
  const eth = `eth${c.nextEthIndex}`;
  c.nextEthIndex += 1;
  const ifindex = plugIntoOverlay(h, ns, { netns: c.netns, name: eth }, ip, prefix, ctx);
  const hasGateway = c.endpoints.some((e) => e.joined?.gateway || e.joined?.gw);
  const gw = hasGateway ? undefined : joinGateway(h, c, ctx);
  return ok({
    endpointId,
    ip,
    prefix,
    // The overlay gives no gateway: the container's way out is docker_gwbridge.
    gateway: '',
    mac: macFromIp(ip),
    ifindex,
    ...(gw ? { gw } : {}),
  });
}

/** Leaving: the gateway endpoint goes with the overlay one (the veth pair takes its peer along). */
export function releaseGateway(h: HostDraft, gw: NonNullable<JoinedEndpoint['gw']>): void {
  const taken = plain(h.docker.ipamAllocations[gw.networkId]);
  if (taken)
    h.docker.ipamAllocations[gw.networkId] = castDraft(withAllocation(taken, gw.ip, false));
}
