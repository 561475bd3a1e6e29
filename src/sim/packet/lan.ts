/**
 * Walks that start at the LAN client (10.0.2.20, outside.ts): a separate Linux box on the host's
 * LAN, so a learner can reach a published port the way the rest of the network does. Its
 * packets to the Docker host arrive on the host's eth0 and meet PREROUTING like any outside
 * traffic (nat DOCKER's DNAT for a published port, then FORWARD to the container); the reply is
 * un-DNATed by conntrack on its way out of eth0 and needs no MASQUERADE, since the client's
 * address is on the LAN. The client itself has no netfilter rules worth modelling.
 *
 * In the walker it is the pseudo-namespace `lan-client`: its own routing table is the one DHCP
 * gives a LAN box (the connected /24 and a default route via the LAN gateway).
 */
import type { Host, Ipv4, Lan } from '../model';
import { blockContains, cidrBlock } from '../net/ipv4';
import { ingress, outsideAnswers } from './forward';
import { drop, type Arrival } from './arrival';
import type { Pkt, Walk } from './hooks';
import { GATEWAY_MAC, LAN_CLIENT_MAC } from './l2';
import { LAN_CLIENT, outsideHostAt, type OutsideHost } from './outside';
import { localLinkOf } from './route';
import { crossLan, labHostAt } from './lab-lan';
import { answererOf, intoChild, lanChildAt } from './macvlan';

/** The walker's name for the LAN client's network stack. */
export const LAN_NETNS = 'lan-client';
export const LAN_CLIENT_HOSTNAME = 'lan-client';
export { LAN_CLIENT, LAN_CLIENT_MAC };

/** The client's routes, as its `ip route` prints them. */
export function lanClientRoutes(lan: Lan): string[] {
  return [
    `default via ${lan.gateway} dev eth0 proto dhcp src ${LAN_CLIENT} metric 100`,
    `${lan.subnet} dev eth0 proto kernel scope link src ${LAN_CLIENT} metric 100`,
  ];
}

/** The Docker host's eth0, when `ip` is one of its addresses (what the client's ARP finds). */
function dockerHostEth0(h: Host, ip: Ipv4): { mac: string } | undefined {
  const link = localLinkOf(h, 'host', ip);
  return link?.name === 'eth0' && link.up ? { mac: link.mac } : undefined;
}

/**
 * The client sends `pkt`: to itself, to the Docker host across the LAN (in through eth0), or via
 * the LAN gateway to the internet. Anything else on the LAN does not answer ARP.
 */
export function fromLanClient(w: Walk, pkt: Pkt): Arrival {
  const local = pkt.dst === LAN_CLIENT || pkt.dst.startsWith('127.');
  const onLan = !local && blockContains(cidrBlock(w.lan.subnet), pkt.dst);
  const nexthop = onLan ? pkt.dst : w.lan.gateway;
  pkt.src ||= LAN_CLIENT;
  const base = { kind: 'route' as const, direction: w.direction, netns: LAN_NETNS, dst: pkt.dst };
  w.events.push(
    local
      ? {
          ...base,
          reason: 'local',
          route: `local ${pkt.dst} dev lo table local`,
          dev: 'lo',
          src: pkt.dst,
        }
      : onLan
        ? {
            ...base,
            reason: 'connected',
            route: `${w.lan.subnet} dev eth0 proto kernel scope link src ${LAN_CLIENT}`,
            dev: 'eth0',
            src: LAN_CLIENT,
          }
        : {
            ...base,
            reason: 'gateway',
            route: `default via ${w.lan.gateway} dev eth0`,
            dev: 'eth0',
            src: LAN_CLIENT,
            via: w.lan.gateway,
          },
  );
  if (local) {
    w.events.push({
      kind: 'delivered',
      direction: w.direction,
      netns: LAN_NETNS,
      address: pkt.dst,
      process: { kind: 'kernel', of: LAN_CLIENT_HOSTNAME },
    });
    return { kind: 'delivered', netns: LAN_NETNS, pkt };
  }
  const host = onLan ? dockerHostEth0(w.h, pkt.dst) : undefined;
  const peer = onLan && !host ? labHostAt(w, pkt.dst) : undefined;
  const child = onLan && !host && !peer ? lanChildAt(w, pkt.dst) : undefined;
  const gatewayHost = onLan ? undefined : outsideHostAt(pkt.dst);
  const mac =
    host?.mac ??
    peer?.mac ??
    child?.link.mac ??
    (nexthop === w.lan.gateway ? GATEWAY_MAC : undefined);
  if (!mac) {
    w.events.push({
      kind: 'arp',
      direction: w.direction,
      netns: LAN_NETNS,
      dev: 'eth0',
      who: nexthop,
    });
    w.errorFrom ??= LAN_CLIENT;
    return drop(
      w,
      LAN_NETNS,
      'eth0',
      'arp-failed',
      `no answer to ARP who-has ${nexthop} on the LAN: nothing there owns the address`,
    );
  }
  w.events.push({
    kind: 'arp',
    direction: w.direction,
    netns: LAN_NETNS,
    dev: 'eth0',
    who: nexthop,
    mac,
    answeredBy: host
      ? { kind: 'lab-host', host: w.h.hostname, dev: 'eth0', docker: 'this' }
      : peer
        ? { kind: 'lab-host', host: peer.name, dev: 'eth0', docker: 'other' }
        : child
          ? answererOf(child)
          : { kind: 'lan-gateway', ip: w.lan.gateway },
  });
  w.events.push({
    kind: 'transmit',
    direction: w.direction,
    netns: LAN_NETNS,
    dev: 'eth0',
    src: pkt.src,
    dst: pkt.dst,
    ttl: pkt.ttl,
  });
  if (host) return ingress(w, 'host', 'eth0', pkt);
  if (child) return intoChild(w, child, pkt, ingress);
  if (peer) {
    crossLan(w, peer.name, pkt.dst);
    return ingress(w, 'host', 'eth0', pkt);
  }
  if (!gatewayHost || gatewayHost.lan)
    return drop(
      w,
      'outside',
      'internet',
      'no-such-host',
      `nothing answers at ${pkt.dst} on the simulated internet`,
    );
  return { kind: 'outside', target: gatewayHost, pkt };
}

/** An internet host answers the client straight back through the LAN gateway (no Docker host). */
export function answerLanClient(w: Walk, a: { target: OutsideHost; pkt: Pkt }): Arrival {
  const pkt = outsideAnswers(w, a, LAN_CLIENT);
  w.events.push({
    kind: 'transmit',
    direction: 'reply',
    netns: 'outside',
    dev: 'lan',
    src: pkt.src,
    dst: pkt.dst,
    ttl: pkt.ttl,
  });
  return deliverToClient(w, pkt);
}

function deliverToClient(w: Walk, pkt: Pkt): Arrival {
  w.events.push({
    kind: 'delivered',
    direction: w.direction,
    netns: LAN_NETNS,
    address: pkt.dst,
    process: { kind: 'program', name: LAN_CLIENT_HOSTNAME },
  });
  return { kind: 'delivered', netns: LAN_NETNS, pkt };
}

/** A frame the walk put on the LAN for 10.0.2.20 is the client's: delivered to its stack. */
export function lanClientReceives(w: Walk, a: Arrival | undefined): Arrival | undefined {
  return a?.kind === 'outside' && a.pkt.dst === LAN_CLIENT ? deliverToClient(w, a.pkt) : a;
}
