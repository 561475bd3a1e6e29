/**
 * macvlan and ipvlan on the wire. A child device sits on a parent (a host's eth0, an 802.1Q
 * sub-interface eth0.N, a dummy) and is a station of that parent's segment: the LAN (per VLAN
 * tag) for a physical NIC, nothing beyond its siblings for a dummy. The kernel's rules, as
 * drivers/net/macvlan.c and ipvlan/ipvlan_core.c apply them:
 * - a parent and its own children never exchange frames: the parent transmits straight to the
 *   wire and children's frames leave through the parent's queue, not its receive path;
 * - bridge-mode siblings switch frames between them inside the kernel; private ones never meet;
 *   vepa ones meet only if the external switch hairpins, which the lab's LAN switch does not;
 * - ipvlan children share the parent's MAC; in l2 mode they answer ARP like macvlan, in l3 mode
 *   they never see broadcasts: the host's routing table takes their traffic out of the parent,
 *   and inbound packets for their addresses are handed over by the parent's rx handler.
 * None of this meets the host's netfilter: the frames never enter the host's IP stack.
 */
import type { Host, Ipv4 } from '../model';
import { linksOf } from '../linux/link-state';
import { linkByIndex } from '../net/kernel';
import { pushTransmit } from './forward';
import { drop, type Arrival } from './arrival';
import type { Pkt, Walk } from './hooks';
import { GATEWAY_MAC, LAN_CLIENT_MAC } from './l2';
import {
  childrenHolding,
  isChild,
  routedIpvlan,
  senderStation,
  stationOf,
  vlanDevicesHolding,
  type Station,
} from './macvlan-stations';
import { blocked, isolationText } from './macvlan-isolation';
import { crossLan, switchHost } from './lab-lan';
import { outsideHostAt } from './outside';
import { lookupRoute } from './route';
import type { ArpAnswerer, IsolationCause } from './trace-facts';

export type Ingress = (w: Walk, netns: string, dev: string, pkt: Pkt) => Arrival;

function arpAnswered(w: Walk, netns: string, dev: string, who: Ipv4, mac: string, by: ArpAnswerer) {
  w.events.push({ kind: 'arp', direction: w.direction, netns, dev, who, mac, answeredBy: by });
}

/** An ARP nobody answers: `why` says why, in the kernel's terms. */
function unanswered(
  w: Walk,
  netns: string,
  dev: string,
  who: Ipv4,
  pkt: Pkt,
  why: string,
): Arrival {
  w.events.push({ kind: 'arp', direction: w.direction, netns, dev, who });
  w.errorFrom ??= pkt.src;
  return drop(w, netns, dev, 'arp-failed', `no answer to ARP who-has ${who} on ${dev}: ${why}`);
}

/** An ARP the kernel's macvlan/ipvlan rules keep from reaching the station that would answer. */
function isolate(w: Walk, netns: string, dev: string, who: Ipv4, pkt: Pkt, cause: IsolationCause) {
  w.events.push({ kind: 'arp', direction: w.direction, netns, dev, who });
  w.errorFrom ??= pkt.src;
  const explanation = `no answer to ARP who-has ${who} on ${dev}: ${isolationText(cause)}`;
  return drop(w, netns, dev, 'macvlan-isolation', explanation, undefined, undefined, cause);
}

/** Who answers ARP as `s`: a child, or a host's own device on the wire. */
export const answererOf = (s: Station): ArpAnswerer =>
  s.link.kind === 'macvlan' || s.link.kind === 'ipvlan'
    ? { kind: 'child', link: s.link.kind, dev: s.link.name, netns: s.netns, host: s.host }
    : { kind: 'lab-host', host: s.host, dev: s.link.name };

/** The frame crosses the segment to `to` (over the LAN when it is on another host) and goes in. */
function deliverTo(w: Walk, to: Station, pkt: Pkt, ingress: Ingress): Arrival {
  if (to.host !== w.at) crossLan(w, to.host, pkt.dst);
  return ingress(w, to.netns, to.link.name, pkt);
}

/** The untagged LAN's own stations: the gateway, the LAN client, other hosts' eth0. */
interface LanNode {
  readonly mac: string;
  readonly by: ArpAnswerer;
  readonly to?: Station;
}

function lanNode(w: Walk, nexthop: Ipv4): LanNode | undefined {
  if (nexthop === w.lan.gateway)
    return { mac: GATEWAY_MAC, by: { kind: 'lan-gateway', ip: w.lan.gateway } };
  const client = outsideHostAt(nexthop);
  if (client?.lan) return { mac: LAN_CLIENT_MAC, by: { kind: 'lan-host', ip: client.ip } };
  for (const [name, h0] of Object.entries(w.hosts)) {
    const h = name === w.at ? w.h : h0;
    const eth0 = linksOf(h, 'host').find(
      (l) => l.kind === 'ether' && l.up && l.addresses.some((a) => a.ip === nexthop),
    );
    if (eth0) {
      const to = stationOf(name, h, 'host', eth0);
      return { mac: eth0.mac, by: answererOf(to), to };
    }
  }
  return undefined;
}

/**
 * A frame leaving `dev` of `netns` for `nexthop`, when macvlan/ipvlan are involved: sent by a
 * child, sent by a host's vlan device, or sent by a NIC toward a child. Undefined: not ours.
 */
export function underlayHop(
  w: Walk,
  netns: string,
  dev: string,
  nexthop: Ipv4,
  pkt: Pkt,
  ingress: Ingress,
): Arrival | undefined {
  const from = senderStation(w, netns, dev);
  if (!from) return undefined;
  if (routedIpvlan(from.link)) return routedOut(w, from, pkt, ingress);
  const onWire = (s: Station) =>
    from.vlan === undefined ? s.base === from.base && s.host === from.host : s.vlan === from.vlan;
  const targets = [...childrenHolding(w, nexthop), ...vlanDevicesHolding(w, nexthop)].filter(
    (s) =>
      onWire(s) &&
      !routedIpvlan(s.link) &&
      !(s.host === from.host && s.netns === from.netns && s.link.ifindex === from.link.ifindex),
  );
  const fromChild = isChild(from.link);
  if (!fromChild && from.link.kind === 'ether' && targets.length === 0) return undefined;
  const to = targets.find((t) => !blocked(from, t));
  if (targets.length && !to)
    return isolate(w, netns, dev, nexthop, pkt, blocked(from, targets[0])!);
  if (to) {
    arpAnswered(w, netns, dev, nexthop, to.link.mac, answererOf(to));
    pushTransmit(w, netns, dev, pkt);
    return deliverTo(w, to, pkt, ingress);
  }
  // The rest of the segment: a NIC of this or another host, the gateway, the LAN client.
  if (from.vlan === 0) {
    const node = lanNode(w, nexthop);
    if (node?.to && blocked(from, node.to))
      return isolate(w, netns, dev, nexthop, pkt, blocked(from, node.to)!);
    if (node) return sendToNode(w, netns, dev, nexthop, pkt, node, ingress);
  }
  return unanswered(
    w,
    netns,
    dev,
    nexthop,
    pkt,
    `nothing on that ${from.vlan === undefined ? 'dummy parent' : from.vlan ? `VLAN ${from.vlan}` : 'LAN'} owns the address`,
  );
}

const noSuchHost = (w: Walk, pkt: Pkt): Arrival =>
  drop(
    w,
    'outside',
    'internet',
    'no-such-host',
    `nothing answers at ${pkt.dst} on the simulated internet`,
  );

/**
 * ipvlan l3: a sibling's address is delivered inside the kernel; anything else is routed by the
 * host's table out of the parent, with the parent's MAC, and without the host's netfilter.
 */
function routedOut(w: Walk, from: Station, pkt: Pkt, ingress: Ingress): Arrival {
  const sibling = childrenHolding(w, pkt.dst).find(
    (s) => s.host === from.host && s.parent === from.parent,
  );
  if (sibling) {
    const why = blocked(from, sibling);
    if (why) return isolate(w, from.netns, from.link.name, pkt.dst, pkt, why);
    pushTransmit(w, from.netns, from.link.name, pkt);
    return ingress(w, sibling.netns, sibling.link.name, pkt);
  }
  const parent = linkByIndex(w.h, 'host', from.parent);
  const route = lookupRoute(w.h, 'host', pkt.dst);
  if (route?.kind === 'local')
    return isolate(w, from.netns, from.link.name, pkt.dst, pkt, {
      kind: 'ipvlan-host',
      dst: pkt.dst,
    });
  if (!parent || !route || route.dev !== parent.name) {
    return drop(
      w,
      from.netns,
      from.link.name,
      'no-route',
      `ipvlan l3: the host has no route to ${pkt.dst} through ${parent?.name ?? 'the parent'}`,
    );
  }
  pushTransmit(w, from.netns, from.link.name, pkt);
  return (
    underlayHop(w, 'host', parent.name, route.nexthop, pkt, ingress) ??
    lanOut(w, parent.name, route.nexthop, pkt, ingress)
  );
}

/** The parent NIC's own send to a LAN node (the walker's usual path does this for eth0). */
function lanOut(w: Walk, dev: string, nexthop: Ipv4, pkt: Pkt, ingress: Ingress): Arrival {
  const node = lanNode(w, nexthop);
  if (!node)
    return unanswered(w, 'host', dev, nexthop, pkt, 'nothing on that link owns the address');
  return sendToNode(w, 'host', dev, nexthop, pkt, node, ingress);
}

/** ARP answered by a LAN node: the frame goes to it (another host's NIC) or past the gateway. */
function sendToNode(
  w: Walk,
  netns: string,
  dev: string,
  nexthop: Ipv4,
  pkt: Pkt,
  node: LanNode,
  ingress: Ingress,
): Arrival {
  arpAnswered(w, netns, dev, nexthop, node.mac, node.by);
  pushTransmit(w, netns, dev, pkt);
  if (node.to) return deliverTo(w, node.to, pkt, ingress);
  const target = outsideHostAt(pkt.dst);
  return target && !(target.lan && pkt.dst !== nexthop)
    ? { kind: 'outside', target, pkt }
    : noSuchHost(w, pkt);
}

/**
 * A packet arriving from the wire on a host's NIC for an address of one of its ipvlan children:
 * the parent's rx handler gives it to the child (the frame carried the shared MAC).
 */
export function ipvlanReceiver(
  h: Host,
  netns: string,
  inDev: string,
  dst: Ipv4,
): { netns: string; dev: string } | undefined {
  if (netns !== 'host') return undefined;
  const nic = linksOf(h, 'host').find((l) => l.name === inDev);
  if (!nic) return undefined;
  for (const ns of h.netns.values())
    for (const l of ns.links)
      if (
        l.kind === 'ipvlan' &&
        l.up &&
        l.lower?.ifindex === nic.ifindex &&
        l.addresses.some((a) => a.ip === dst)
      )
        return { netns: ns.id, dev: l.name };
  return undefined;
}

/**
 * A frame on the untagged LAN for `dst` (from the LAN client or the gateway): the child holding
 * it, if any. The caller moves the walk there.
 */
export function lanChildAt(w: Walk, dst: Ipv4): Station | undefined {
  // The LAN's own ARP for a host's address is the NIC's to answer, not a host-side mac0's.
  return childrenHolding(w, dst, true).find((s) => s.vlan === 0 && !routedIpvlan(s.link));
}

/** Takes a frame from the LAN into the child `to` (switching hosts as needed). */
export function intoChild(w: Walk, to: Station, pkt: Pkt, ingress: Ingress): Arrival {
  if (to.host !== w.at) {
    if (w.hosts[to.host]) crossLan(w, to.host, pkt.dst);
    else switchHost(w, to.host);
  }
  return ingress(w, to.netns, to.link.name, pkt);
}
