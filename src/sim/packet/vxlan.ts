/**
 * VXLAN on the wire (drivers/net/vxlan/vxlan_core.c): a frame leaving a vxlan device is wrapped in
 * UDP and sent to a remote VTEP — the one the device's FDB lists for the destination MAC, else
 * every VTEP of the all-zero entry (`remote` makes one). The outer datagram is the host's own
 * packet: it leaves the device's underlay namespace through OUTPUT and POSTROUTING, crosses the LAN,
 * meets the far host's PREROUTING and INPUT, and its UDP socket hands the inner frame to the device
 * with the same VNI. That device then receives it as any device does: its namespace routes it.
 * ARP for a next hop on a vxlan device is answered by a PERMANENT `ip neigh` entry, or floods
 * through the tunnel to the all-zero VTEPs, where the far namespace answers for its addresses.
 */
import type { Host, Ipv4, Link } from '../model';
import { linksOf } from '../linux/link-state';
import { isMulticast, ZERO_MAC } from '../net/vxlan';
import { pushRoute, pushTransmit, transmit } from './forward';
import { drop, dropDenied, type Arrival } from './arrival';
import { enterHost, filterHook, type Pkt, type Walk } from './hooks';
import { labHostAt } from './lab-lan';
import type { Ingress } from './macvlan';
import type { ArpAnswerer } from './trace-facts';
import { isLocalAddress, lookupRoute } from './route';
import { intoBridge } from './vxlan-bridge';
import { Table } from '../table';

/** What an outer UDP datagram carries: the inner frame, its MACs and the VNI. */
export interface Tunnel {
  readonly inner: Pkt;
  readonly vni: number;
  readonly srcMac: string;
  readonly dstMac: string;
}

const BROADCAST = 'ff:ff:ff:ff:ff:ff';

/** A lab host as the walk knows it now (with what it changed there), by hostname. */
const hostNamed = (w: Walk, name: string): Host | undefined =>
  name === w.at ? w.h : (w.legs.get(name)?.h ?? w.hosts[name]);

/** The vxlan devices on `h` whose socket is in `underlay` and that take VNI `vni` on `port`. */
function receivers(h: Host, underlay: string, vni: number, port: number) {
  const found: { netns: string; link: Link }[] = [];
  for (const ns of h.netns.values())
    for (const l of ns.links)
      if (l.vxlan?.underlayNetns === underlay && l.vxlan.dstport === port && l.vxlan.id === vni)
        found.push({ netns: ns.id, link: l });
  return found;
}

/** The far device a datagram to `vtep` would reach: on the lab host whose eth0 holds `vtep`. */
export function farDevice(w: Walk, v: NonNullable<Link['vxlan']>, vtep: Ipv4) {
  const peer = labHostAt(w, vtep);
  const h = peer ? hostNamed(w, peer.name) : undefined;
  if (!peer || !h) return undefined;
  const rx = receivers(h, 'host', v.id, v.dstport).find((r) => r.link.up);
  return rx ? { host: peer.name, h, ...rx } : undefined;
}

/** The VTEPs an entry names: a multicast group stands for every host whose device joined it. */
function vtepsOf(w: Walk, v: NonNullable<Link['vxlan']>, dst: Ipv4): Ipv4[] {
  if (!isMulticast(dst)) return [dst];
  const out: Ipv4[] = [];
  for (const [name, h0] of Object.entries(w.hosts)) {
    const h = hostNamed(w, name) ?? h0;
    if (
      name === w.at ||
      !receivers(h, 'host', v.id, v.dstport).some((r) => r.link.vxlan?.remote === dst)
    )
      continue;
    const eth0 = linksOf(h, 'host').find((l) => l.name === 'eth0');
    if (eth0?.addresses[0]) out.push(eth0.addresses[0].ip);
  }
  return out;
}

/** The all-zero entry's VTEPs: where broadcasts and unknown MACs go. */
export const floodList = (w: Walk, v: NonNullable<Link['vxlan']>): Ipv4[] =>
  v.fdb.filter((f) => f.mac === ZERO_MAC).flatMap((f) => vtepsOf(w, v, f.dst));

/** The source port the kernel hashes from the inner flow, in the default ephemeral range. */
function sourcePort(inner: Pkt): number {
  let hash = 2166136261;
  for (const ch of `${inner.src}>${inner.dst}/${inner.proto}`)
    hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return 32768 + (hash % (60999 - 32768 + 1));
}

/** ARP for `nexthop` on the vxlan device: a PERMANENT entry, or an answer through the tunnel. */
function resolve(w: Walk, netns: string, l: Link, nexthop: Ipv4, pkt: Pkt): string | Arrival {
  const v = l.vxlan!;
  const perm = (w.h.neighbours?.get(netns) ?? []).find(
    (n) => n.ip === nexthop && n.ifindex === l.ifindex && n.state === 'PERMANENT' && n.mac,
  );
  const answered = (mac: string, by: ArpAnswerer) => {
    w.events.push({
      kind: 'arp',
      direction: w.direction,
      netns,
      dev: l.name,
      who: nexthop,
      mac,
      answeredBy: by,
    });
    return mac;
  };
  if (perm?.mac) return answered(perm.mac, { kind: 'neighbour', dev: l.name });
  const vteps = floodList(w, v);
  let mute: string | undefined;
  for (const vtep of vteps) {
    const far = farDevice(w, v, vtep);
    if (!far || !isLocalAddress(far.h, far.netns, nexthop)) continue;
    // The answer goes back by the far device's own FDB: learned from the request, or static.
    const fv = far.link.vxlan!;
    if (fv.learning || fv.fdb.some((f) => f.mac === l.mac || f.mac === ZERO_MAC))
      return answered(far.link.mac, { kind: 'tunnel-device', dev: far.link.name, host: far.host });
    mute = `${far.link.name} of ${far.host} owns it, but has no FDB entry to send its answer back to ${l.mac} (nolearning)`;
  }
  w.events.push({ kind: 'arp', direction: w.direction, netns, dev: l.name, who: nexthop });
  w.errorFrom ??= pkt.src;
  const why = mute
    ? mute
    : vteps.length
      ? `the request went inside UDP to ${vteps.join(', ')}, and no vxlan device with VNI ${v.id} there owns the address`
      : `${l.name} has no 00:00:00:00:00:00 FDB entry and no remote, so the broadcast request is dropped at ${l.name}`;
  return drop(
    w,
    netns,
    l.name,
    'arp-failed',
    `no answer to ARP who-has ${nexthop} on ${l.name}: ${why}`,
  );
}

/**
 * A packet leaving `dev` of `netns` for `nexthop`: when `dev` is a vxlan device, its journey inside
 * the tunnel. Undefined: not a vxlan device.
 */
export function vxlanHop(
  w: Walk,
  netns: string,
  dev: string,
  nexthop: Ipv4,
  pkt: Pkt,
): Arrival | undefined {
  const l = linksOf(w.h, netns).find((x) => x.name === dev);
  if (!l?.vxlan) return undefined;
  const dstMac = resolve(w, netns, l, nexthop, pkt);
  if (typeof dstMac !== 'string') return dstMac;
  pushTransmit(w, netns, dev, pkt);
  return encapsulate(w, netns, l, { inner: pkt, vni: l.vxlan.id, srcMac: l.mac, dstMac });
}

/** Wraps the frame and sends the datagram from the device's underlay namespace. */
export function encapsulate(w: Walk, netns: string, l: Link, t: Tunnel): Arrival {
  const v = l.vxlan!;
  const known = v.fdb.filter((f) => f.mac === t.dstMac).flatMap((f) => vtepsOf(w, v, f.dst));
  const flood = floodList(w, v);
  const vteps = known.length ? known : flood;
  if (vteps.length === 0)
    return drop(
      w,
      netns,
      l.name,
      'vxlan',
      `${l.name} has no FDB entry for ${t.dstMac} and no default destination (a 00:00:00:00:00:00 entry or remote): the kernel drops the frame`,
      undefined,
      undefined,
      { kind: 'no-fdb', dev: l.name, mac: t.dstMac },
    );
  // Flooded frames reach every VTEP; the one whose device owns the MAC is the one that matters.
  const vtep = vteps.find((x) => farDevice(w, v, x)?.link.mac === t.dstMac) ?? vteps[0];
  const underlay = v.underlayNetns;
  const route = lookupRoute(w.h, underlay, vtep);
  pushRoute(w, underlay, vtep, route);
  if (!route || route.kind === 'local')
    return drop(w, underlay, l.name, 'no-route', `the underlay has no route to VTEP ${vtep}`);
  const outer: Pkt = {
    src: v.local ?? route.src,
    dst: vtep,
    proto: 'udp',
    dport: v.dstport,
    ttl: 64,
    bytes: t.inner.bytes + 50,
    tunnel: t,
  };
  w.events.push({
    kind: 'vxlan-encap',
    direction: w.direction,
    netns,
    dev: l.name,
    vni: v.id,
    inner: { src: t.inner.src, dst: t.inner.dst, dstMac: t.dstMac },
    outer: { src: outer.src, dst: vtep, srcPort: sourcePort(t.inner), dstPort: v.dstport },
    via: known.length ? 'fdb' : flood.length === 1 && v.remote === vtep ? 'remote' : 'flood',
  });
  if (underlay === 'host') {
    // The encapsulated datagram is the host's own output (ip_local_out): OUTPUT sees it.
    enterHost(w, outer, 'OUTPUT');
    const denied = filterHook(w, 'OUTPUT', outer, undefined, route.dev);
    if (denied) return dropDenied(w, underlay, 'OUTPUT', denied);
  }
  return transmit(w, underlay, route.dev, route.nexthop, outer);
}

/**
 * `learning` (the default): the receiving device remembers which VTEP the sender's MAC is behind,
 * so answers to it need no static entry (vxlan_snoop). The entry stays in the host, as `self`.
 */
function learnVtep(w: Walk, netns: string, l: Link, mac: string, vtep: Ipv4): void {
  const v = l.vxlan!;
  if (!v.learning || v.fdb.some((f) => f.mac === mac)) return;
  const ns = w.h.netns.get(netns);
  if (!ns) return;
  const fdb = [{ mac, dst: vtep, learned: true as const }, ...v.fdb];
  const links = ns.links.map((x) => (x.ifindex === l.ifindex ? { ...x, vxlan: { ...v, fdb } } : x));
  w.h = { ...w.h, netns: Table.of(w.h.netns).set(netns, { ...ns, links }) };
}

/**
 * A datagram delivered to a UDP port of `netns`: when it carries a VXLAN frame, the device with
 * its VNI on that port takes the inner frame (vxlan_rcv). Undefined: not a tunnel packet.
 */
export function decapsulate(
  w: Walk,
  netns: string,
  outer: Pkt,
  ingress: Ingress,
): Arrival | undefined {
  const t = outer.tunnel;
  if (!t) return undefined;
  const port = outer.dport ?? 0;
  const rx = receivers(w.h, netns, t.vni, port).find((r) => r.link.up);
  if (!rx) {
    const socket = [...w.h.netns.values()].some((ns) =>
      ns.links.some((l) => l.up && l.vxlan?.underlayNetns === netns && l.vxlan.dstport === port),
    );
    return drop(
      w,
      netns,
      `udp/${port}`,
      'vxlan',
      socket
        ? `no vxlan device with VNI ${t.vni} on UDP port ${port} here: the frame is dropped`
        : `nothing listens on UDP port ${port} here (no vxlan device with that dstport is up): the datagram is dropped`,
      undefined,
      undefined,
      socket ? { kind: 'no-vni', vni: t.vni, port } : { kind: 'no-socket', port },
    );
  }
  w.events.push({
    kind: 'vxlan-decap',
    direction: w.direction,
    netns: rx.netns,
    dev: rx.link.name,
    vni: t.vni,
    inner: { src: t.inner.src, dst: t.inner.dst },
  });
  learnVtep(w, rx.netns, rx.link, t.srcMac, outer.src);
  if (rx.link.master !== undefined) return intoBridge(w, rx.netns, rx.link, t, ingress);
  if (t.dstMac !== rx.link.mac && t.dstMac !== BROADCAST)
    return drop(
      w,
      rx.netns,
      rx.link.name,
      'vxlan',
      `the inner frame is addressed to ${t.dstMac}, not to ${rx.link.name} (${rx.link.mac}): the kernel drops it as another host's`,
      undefined,
      undefined,
      { kind: 'other-mac', mac: t.dstMac, dev: rx.link.name, devMac: rx.link.mac },
    );
  return ingress(w, rx.netns, rx.link.name, t.inner);
}
