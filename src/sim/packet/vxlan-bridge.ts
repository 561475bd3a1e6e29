/**
 * A vxlan device as a bridge port (`ip link set vxlan0 master br0`, as Docker's overlay networks
 * build it): the bridge floods an ARP request nobody local answers out of the vxlan port, into the
 * tunnel to the all-zero VTEPs; on the far side the request comes out of the vxlan port of that
 * host's bridge, whose ports answer. Frames for a MAC behind the tunnel are switched onto the vxlan
 * port and encapsulated; the far bridge switches the inner frame to the port with that MAC.
 */
import type { Host, Ipv4, Link } from '../model';
import { linksOf } from '../linux/link-state';
import { linkByIndex } from '../net/kernel';
import { pushTransmit } from './forward';
import { drop, dropDenied, placeName, type Arrival } from './arrival';
import {
  bridgeCallsIptables,
  enterHost,
  filterHook,
  leaveHost,
  type Pkt,
  type Walk,
} from './hooks';
import { throughBridge, type End } from './l2';
import type { ArpAnswerer } from './trace-facts';
import type { Ingress } from './macvlan';
import { ZERO_MAC } from '../net/vxlan';
import { encapsulate, farDevice, floodList, type Tunnel } from './vxlan';

/** The bridge a frame sent out of `dev` enters, and through which port (or the host's own). */
function bridgeEntered(h: Host, netns: string, dev: string) {
  const l = linksOf(h, netns).find((x) => x.name === dev);
  if (l?.kind === 'bridge') return { netns, br: l, inPort: 'host', sender: l };
  if (l?.kind !== 'veth' || !l.peer) return undefined;
  const far = linkByIndex(h, l.peer.netns, l.peer.ifindex);
  const br = far?.master !== undefined ? linkByIndex(h, l.peer.netns, far.master) : undefined;
  if (!far || br?.kind !== 'bridge') return undefined;
  const pair = { from: { netns, dev }, to: { netns: l.peer.netns, dev: far.name } };
  return { netns: l.peer.netns, br, inPort: far.name, sender: l, pair };
}

const vxlanPorts = (h: Host, netns: string, br: Link) =>
  linksOf(h, netns).filter((l) => l.kind === 'vxlan' && l.up && l.master === br.ifindex);

/** Who answers ARP for `ip` behind a far vxlan device: its bridge's ports, or its own namespace. */
function farAnswer(w: Walk, port: Link, vtep: Ipv4, ip: Ipv4, asker: string) {
  const far = farDevice(w, port.vxlan!, vtep);
  if (!far || far.link.master === undefined) return undefined;
  // The answer goes back by the far device's FDB: learned from the request, or static.
  const fv = far.link.vxlan!;
  if (!fv.learning && !fv.fdb.some((f) => f.mac === asker || f.mac === ZERO_MAC)) return undefined;
  const br = linkByIndex(far.h, far.netns, far.link.master);
  if (br?.kind !== 'bridge') return undefined;
  const path = throughBridge(far.h, far.netns, br, far.link.name, ip);
  if (path.kind !== 'bridge') return undefined;
  const by: ArpAnswerer =
    path.exit.kind === 'host'
      ? { kind: 'tunnel-bridge', bridge: br.name, host: far.host, port: port.name }
      : { kind: 'tunnel-netns', netns: path.exit.to.netns, host: far.host, port: port.name };
  return { mac: path.mac, by };
}

/**
 * A `proxy` vxlan device answers ARP from its namespace's neighbour table (vxlan_core.c
 * arp_reduce): Docker's overlay programs a PERMANENT entry for every remote container.
 */
function proxyAnswer(h: Host, netns: string, port: Link, ip: Ipv4) {
  if (!port.vxlan?.proxy) return undefined;
  const n = h.neighbours
    ?.get(netns)
    ?.find((e) => e.ip === ip && e.ifindex === port.ifindex && e.mac && e.state !== 'FAILED');
  return n?.mac
    ? { mac: n.mac, by: { kind: 'vxlan-proxy', dev: port.name } satisfies ArpAnswerer }
    : undefined;
}

/**
 * A frame for `nexthop` out of `dev` that no local port of its bridge answers for: its way through
 * the bridge's vxlan port. Undefined when the bridge has none, or nobody behind it answers.
 */
export function bridgedTunnel(
  w: Walk,
  netns: string,
  dev: string,
  nexthop: Ipv4,
  pkt: Pkt,
): Arrival | undefined {
  const at = bridgeEntered(w.h, netns, dev);
  if (!at?.br.up) return undefined;
  for (const port of vxlanPorts(w.h, at.netns, at.br)) {
    const answer =
      proxyAnswer(w.h, at.netns, port, nexthop) ??
      floodList(w, port.vxlan!)
        .map((vtep) => farAnswer(w, port, vtep, nexthop, at.sender.mac))
        .find((a) => a !== undefined);
    if (!answer) continue;
    const { direction } = w;
    w.events.push({
      kind: 'arp',
      direction,
      netns,
      dev,
      who: nexthop,
      mac: answer.mac,
      answeredBy: answer.by,
    });
    pushTransmit(w, netns, dev, pkt);
    if (at.pair) w.events.push({ kind: 'veth', direction, ...at.pair });
    w.events.push({
      kind: 'bridge',
      direction,
      ...(at.netns === 'host' ? {} : { netns: at.netns }),
      bridge: at.br.name,
      inPort: at.inPort,
      outPort: port.name,
    });
    if (at.inPort !== 'host' && at.netns === 'host' && bridgeCallsIptables(w.h)) {
      enterHost(w, pkt, 'PREROUTING', at.br.name);
      const denied = filterHook(w, 'FORWARD', pkt, at.br.name, at.br.name);
      if (denied) return dropDenied(w, 'host', at.br.name, denied);
      leaveHost(w, pkt, 'POSTROUTING', at.br.name);
    }
    const t = { inner: pkt, vni: port.vxlan!.id, srcMac: at.sender.mac, dstMac: answer.mac };
    return encapsulate(w, at.netns, port, t);
  }
  return undefined;
}

/** The inner frame out of a vxlan port: its bridge switches it to the port holding the MAC. */
export function intoBridge(
  w: Walk,
  netns: string,
  port: Link,
  t: Tunnel,
  ingress: Ingress,
): Arrival {
  const br = linkByIndex(w.h, netns, port.master!);
  if (br?.kind !== 'bridge' || !br.up)
    return drop(w, netns, port.name, 'no-carrier', `${port.name}'s bridge is down`);
  const { direction } = w;
  if (t.dstMac === br.mac) {
    w.events.push({
      kind: 'bridge',
      direction,
      bridge: br.name,
      inPort: port.name,
      outPort: 'host',
    });
    return ingress(w, netns, br.name, t.inner);
  }
  if (netns === 'host' && bridgeCallsIptables(w.h)) {
    // br_netfilter: a frame bridged between two ports meets FORWARD with -i/-o the bridge.
    enterHost(w, t.inner, 'PREROUTING', br.name);
    const denied = filterHook(w, 'FORWARD', t.inner, br.name, br.name);
    if (denied) return dropDenied(w, 'host', br.name, denied);
    leaveHost(w, t.inner, 'POSTROUTING', br.name);
  }
  let to: End | undefined;
  let out: string | undefined;
  for (const p of linksOf(w.h, netns)) {
    if (p.master !== br.ifindex || !p.up || !p.peer || p.ifindex === port.ifindex) continue;
    const far = linkByIndex(w.h, p.peer.netns, p.peer.ifindex);
    if (far?.up && far.mac === t.dstMac) {
      to = { netns: p.peer.netns, dev: far.name };
      out = p.name;
    }
  }
  if (!to || !out)
    return drop(
      w,
      netns,
      br.name,
      'vxlan',
      `no port of ${br.name} has ${t.dstMac}: the inner frame for ${t.inner.dst} reaches nobody in ${placeName(w.h, netns)}`,
      undefined,
      undefined,
      { kind: 'no-bridge-port', bridge: br.name, mac: t.dstMac, dst: t.inner.dst },
    );
  w.events.push({ kind: 'bridge', direction, bridge: br.name, inPort: port.name, outPort: out });
  w.events.push({ kind: 'veth', direction, from: { netns, dev: out }, to });
  return ingress(w, to.netns, to.dev, t.inner);
}
