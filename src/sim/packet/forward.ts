/**
 * One packet, hop by hop: leaving by a device (POSTROUTING, ARP, the wire: veth pair, bridge,
 * LAN), arriving in a namespace (PREROUTING, local delivery through INPUT, or forwarding with
 * ip_forward, TTL and FORWARD). Each step is appended to the walk's trace.
 */
import type { Ipv4 } from '../model';
import { drop, dropDenied, placeName, type Arrival } from './arrival';
import {
  bridgeCallsIptables,
  enterHost,
  filterHook,
  ipForwarding,
  leaveHost,
  type Pkt,
  type Walk,
} from './hooks';
import { resolveL2 } from './l2';
import { crossLan, labHostAt } from './lab-lan';
import { ipvlanReceiver, underlayHop } from './macvlan';
import { outsideHostAt, type OutsideHost } from './outside';
import { lookupRoute, sourceAddressOn } from './route';
import { decapsulate, vxlanHop } from './vxlan';
import { bridgedTunnel } from './vxlan-bridge';
import type { ArpAnswerer } from './trace-facts';

/** Guards against a learner-built loop of bridges and veths. */
const MAX_STEPS = 40;

export function delivered(w: Walk, netns: string, pkt: Pkt): Arrival {
  w.events.push({
    kind: 'delivered',
    direction: w.direction,
    netns,
    address: pkt.dst,
    ...(w.at !== w.origin ? { host: w.at } : {}),
    process:
      w.direction === 'request' && pkt.proto === 'icmp'
        ? { kind: 'echo-reply' }
        : { kind: 'program', name: 'ping' },
  });
  return { kind: 'delivered', netns, pkt };
}

/** The frame leaves `dev` of `netns`, as the trace records it. */
export function pushTransmit(w: Walk, netns: string, dev: string, pkt: Pkt): void {
  w.events.push({
    kind: 'transmit',
    direction: w.direction,
    netns,
    dev,
    src: pkt.src,
    dst: pkt.dst,
    ttl: pkt.ttl,
  });
}

export function transmit(w: Walk, netns: string, dev: string, nexthop: Ipv4, pkt: Pkt): Arrival {
  if (netns === 'host') leaveHost(w, pkt, 'POSTROUTING', dev);
  const underlay =
    underlayHop(w, netns, dev, nexthop, pkt, ingress) ?? vxlanHop(w, netns, dev, nexthop, pkt);
  if (underlay) return underlay;
  const l2 = resolveL2(w.h, w.lan, netns, dev, nexthop, (ip) => labHostAt(w, ip));
  if (l2.kind === 'fail') {
    const tunneled =
      l2.reason === 'arp-failed' ? bridgedTunnel(w, netns, dev, nexthop, pkt) : undefined;
    if (tunneled) return tunneled;
    w.events.push({ kind: 'arp', direction: w.direction, netns, dev, who: nexthop });
    w.errorFrom ??= pkt.src;
    return l2.reason === 'no-carrier'
      ? drop(w, netns, dev, 'no-carrier', `${dev} has no carrier: its other end is down or gone`)
      : drop(
          w,
          netns,
          dev,
          'arp-failed',
          `no answer to ARP who-has ${nexthop} on ${dev}: nothing on that link owns the address`,
        );
  }
  const answeredBy: ArpAnswerer =
    l2.kind === 'lab-host'
      ? { kind: 'lab-host', host: l2.host, dev: 'eth0' }
      : l2.kind === 'lan'
        ? l2.target === 'gateway'
          ? { kind: 'lan-gateway', ip: w.lan.gateway }
          : { kind: 'lan-host', ip: l2.target.ip }
        : l2.kind === 'bridge' && l2.exit.kind === 'host'
          ? { kind: 'bridge', bridge: l2.bridge }
          : {
              kind: 'netns',
              netns:
                l2.kind === 'bridge' && l2.exit.kind === 'port'
                  ? l2.exit.to.netns
                  : l2.kind === 'veth-peer'
                    ? l2.pair.to.netns
                    : netns,
            };
  w.events.push({
    kind: 'arp',
    direction: w.direction,
    netns,
    dev,
    who: nexthop,
    mac: l2.mac,
    answeredBy,
  });
  pushTransmit(w, netns, dev, pkt);
  switch (l2.kind) {
    case 'lab-host':
      crossLan(w, l2.host, pkt.dst);
      return ingress(w, 'host', 'eth0', pkt);
    case 'lan':
      return l2.target === 'gateway'
        ? toInternet(w, pkt)
        : { kind: 'outside', target: l2.target, pkt };
    case 'veth-peer':
      w.events.push({ kind: 'veth', direction: w.direction, ...l2.pair });
      return ingress(w, l2.pair.to.netns, l2.pair.to.dev, pkt);
    case 'bridge': {
      if (l2.pair) w.events.push({ kind: 'veth', direction: w.direction, ...l2.pair });
      const outPort = l2.exit.kind === 'host' ? 'host' : l2.exit.port;
      w.events.push({
        kind: 'bridge',
        direction: w.direction,
        ...(l2.netns === 'host' ? {} : { netns: l2.netns }),
        bridge: l2.bridge,
        inPort: l2.inPort,
        outPort,
      });
      if (l2.exit.kind === 'host') return ingress(w, l2.netns, l2.bridge, pkt);
      if (l2.inPort !== 'host' && l2.netns === 'host' && bridgeCallsIptables(w.h)) {
        // Bridged between two ports: br_netfilter runs the IPv4 hooks with -i/-o the bridge.
        enterHost(w, pkt, 'PREROUTING', l2.bridge);
        const denied = filterHook(w, 'FORWARD', pkt, l2.bridge, l2.bridge);
        if (denied) return dropDenied(w, 'host', l2.bridge, denied);
        leaveHost(w, pkt, 'POSTROUTING', l2.bridge);
      }
      const to = l2.exit.to;
      w.events.push({
        kind: 'veth',
        direction: w.direction,
        from: { netns: l2.netns, dev: l2.exit.port },
        to,
      });
      return ingress(w, to.netns, to.dev, pkt);
    }
  }
}

function toInternet(w: Walk, pkt: Pkt): Arrival {
  const target = outsideHostAt(pkt.dst);
  if (!target || target.lan)
    return drop(
      w,
      'outside',
      'internet',
      'no-such-host',
      `nothing answers at ${pkt.dst} on the simulated internet`,
    );
  return { kind: 'outside', target, pkt };
}

export function ingress(w: Walk, netns: string, inDev: string, pkt: Pkt): Arrival {
  if (++w.steps > MAX_STEPS)
    return drop(w, netns, inDev, 'loop', 'the packet went round in circles');
  const ipvlanChild = ipvlanReceiver(w.h, netns, inDev, pkt.dst);
  if (ipvlanChild) return ingress(w, ipvlanChild.netns, ipvlanChild.dev, pkt);
  if (netns === 'host') enterHost(w, pkt, 'PREROUTING', inDev);
  const route = lookupRoute(w.h, netns, pkt.dst);
  if (route?.kind === 'local') {
    if (netns === 'host') {
      const denied = filterHook(w, 'INPUT', pkt, inDev);
      if (denied) return dropDenied(w, netns, 'INPUT', denied);
      leaveHost(w, pkt, 'INPUT', inDev);
    }
    return decapsulate(w, netns, pkt, ingress) ?? delivered(w, netns, pkt);
  }
  if (netns !== 'host')
    return drop(
      w,
      netns,
      inDev,
      'not-a-router',
      `${placeName(w.h, netns)} does not forward packets for ${pkt.dst}`,
    );
  const forwarding = ipForwarding(w.h);
  if (!forwarding || !route) {
    pushRoute(w, netns, pkt.dst, route);
    if (!route) return drop(w, netns, inDev, 'no-route', `the host has no route to ${pkt.dst}`);
    w.events.push({
      kind: 'host-routing',
      direction: w.direction,
      netns,
      inDev,
      outDev: route.dev,
      ttlBefore: pkt.ttl,
      ttlAfter: pkt.ttl,
      ipForward: false,
    });
    return drop(
      w,
      netns,
      inDev,
      'ip-forward-disabled',
      `net.ipv4.ip_forward is 0: the host does not route from ${inDev} to ${route.dev}`,
    );
  }
  pushRoute(w, netns, pkt.dst, route);
  if (pkt.ttl <= 1)
    return drop(w, netns, inDev, 'ttl-exceeded', 'time to live exceeded in transit');
  w.events.push({
    kind: 'host-routing',
    direction: w.direction,
    netns,
    inDev,
    outDev: route.dev,
    ttlBefore: pkt.ttl,
    ttlAfter: pkt.ttl - 1,
    ipForward: true,
  });
  pkt.ttl -= 1;
  w.routedHops += 1;
  // A router reports `Destination Host Unreachable` from its address facing the sender.
  w.errorFrom = sourceAddressOn(w.h, netns, inDev) ?? route.src;
  const denied = filterHook(w, 'FORWARD', pkt, inDev, route.dev);
  if (denied) return dropDenied(w, netns, 'FORWARD', denied);
  return transmit(w, netns, route.dev, route.nexthop, pkt);
}

export function pushRoute(
  w: Walk,
  netns: string,
  dst: Ipv4,
  route: ReturnType<typeof lookupRoute>,
): void {
  const base = { kind: 'route' as const, direction: w.direction, netns, dst };
  if (!route) w.events.push({ ...base, reason: 'unreachable', route: 'Network is unreachable' });
  else if (route.kind === 'local')
    w.events.push({
      ...base,
      reason: 'local',
      route: `local ${dst} dev lo table local`,
      dev: 'lo',
      src: route.src,
    });
  else
    w.events.push({
      ...base,
      reason: route.reason,
      route: route.text,
      dev: route.dev,
      src: route.src,
      ...(route.via ? { via: route.via } : {}),
    });
}

/** An internet or LAN host takes the request and turns a reply round to `to`. */
export function outsideAnswers(w: Walk, a: { target: OutsideHost; pkt: Pkt }, to: Ipv4): Pkt {
  w.events.push({
    kind: 'delivered',
    direction: 'request',
    netns: 'outside',
    address: a.pkt.dst,
    process: { kind: 'outside', name: a.target.ptr ?? a.target.names[0] ?? a.target.ip },
  });
  w.direction = 'reply';
  return {
    src: a.pkt.dst,
    dst: to,
    proto: a.pkt.proto,
    ttl: a.target.ttlAtHost,
    bytes: a.pkt.bytes,
  };
}
