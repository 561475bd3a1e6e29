/**
 * Layer 2: who answers the ARP `who-has <next hop>` sent out of a device, and which wires the
 * frame then crosses — a veth pair to its peer, a Linux bridge from one port to another (ports are
 * links whose `master` is the bridge; the bridge's own address is the host), or the host's eth0 to
 * the LAN (the gateway into the internet, or a LAN client). Nobody answering is what makes
 * iputils print `Destination Host Unreachable`.
 */
import { linksOf } from '../linux/link-state';
import { addressIndex } from '../net/address-index';
import type { Host, Ipv4, Lan, Link } from '../model';
import { linkByIndex } from '../net/kernel';
import { isLocalAddress } from './route';
import { outsideHostAt, type OutsideHost } from './outside';

export interface End {
  readonly netns: string;
  readonly dev: string;
}

export type BridgeExit =
  { readonly kind: 'host' } | { readonly kind: 'port'; readonly port: string; readonly to: End };

export type L2Path =
  | { readonly kind: 'lan'; readonly mac: string; readonly target: OutsideHost | 'gateway' }
  /** Another Docker host of the lab, by hostname: its eth0 answered. */
  | { readonly kind: 'lab-host'; readonly mac: string; readonly host: string }
  | { readonly kind: 'veth-peer'; readonly mac: string; readonly pair: { from: End; to: End } }
  | {
      readonly kind: 'bridge';
      readonly mac: string;
      /** The veth pair crossed to reach the bridge, when the sender sits behind one. */
      readonly pair?: { from: End; to: End };
      readonly netns: string;
      readonly bridge: string;
      readonly inPort: string;
      readonly exit: BridgeExit;
    }
  | { readonly kind: 'fail'; readonly reason: 'arp-failed' | 'no-carrier' };

/** The LAN gateway's MAC (the hypervisor's router, as on a QEMU user network). */
export const GATEWAY_MAC = '52:55:0a:00:02:02';
export const LAN_CLIENT_MAC = '52:54:00:6b:2e:14';

function owns(h: Host, netns: string, l: Link, ip: Ipv4): boolean {
  // arp_ignore=0: Linux answers for any of its addresses, whichever interface asked.
  return (
    l.addresses.some((a) => a.ip === ip) || (!ip.startsWith('127.') && isLocalAddress(h, netns, ip))
  );
}

export function throughBridge(
  h: Host,
  netns: string,
  br: Link,
  inPort: string,
  nexthop: Ipv4,
): L2Path {
  if (!br.up) return { kind: 'fail', reason: 'no-carrier' };
  const base = { kind: 'bridge' as const, netns, bridge: br.name, inPort };
  if (inPort !== 'host' && owns(h, netns, br, nexthop))
    return { ...base, mac: br.mac, exit: { kind: 'host' } };
  // ARP: the namespaces holding `nexthop` answer through their veth end on this bridge, if any.
  const index = addressIndex(h);
  for (const owner of index.owners.get(nexthop) ?? []) {
    for (const far of index.byIndex.get(owner)?.values() ?? []) {
      if (!far.up || !far.peer || far.peer.netns !== netns) continue;
      const port = index.byIndex.get(netns)?.get(far.peer.ifindex);
      if (!port?.up || port.master !== br.ifindex || port.name === inPort) continue;
      if (owns(h, owner, far, nexthop))
        return {
          ...base,
          mac: far.mac,
          exit: { kind: 'port', port: port.name, to: { netns: owner, dev: far.name } },
        };
    }
  }
  return { kind: 'fail', reason: 'arp-failed' };
}

/** The other lab hosts' eth0s on the LAN: hostname and MAC of the one holding an address. */
export type LabHostAt = (ip: Ipv4) => { readonly name: string; readonly mac: string } | undefined;

/** Resolves `nexthop` on `dev` of `netns` and says which way the frame goes. */
export function resolveL2(
  h: Host,
  lan: Lan,
  netns: string,
  dev: string,
  nexthop: Ipv4,
  labHostAt?: LabHostAt,
): L2Path {
  const link = linksOf(h, netns).find((l) => l.name === dev);
  if (!link?.up) return { kind: 'fail', reason: 'no-carrier' };
  switch (link.kind) {
    case 'ether': {
      if (netns !== 'host') return { kind: 'fail', reason: 'arp-failed' };
      if (nexthop === lan.gateway) return { kind: 'lan', mac: GATEWAY_MAC, target: 'gateway' };
      const peer = labHostAt?.(nexthop);
      if (peer) return { kind: 'lab-host', mac: peer.mac, host: peer.name };
      const client = outsideHostAt(nexthop);
      return client?.lan
        ? { kind: 'lan', mac: LAN_CLIENT_MAC, target: client }
        : { kind: 'fail', reason: 'arp-failed' };
    }
    case 'bridge':
      return throughBridge(h, netns, link, 'host', nexthop);
    case 'veth': {
      const far = link.peer ? linkByIndex(h, link.peer.netns, link.peer.ifindex) : undefined;
      if (!far?.up || !link.peer) return { kind: 'fail', reason: 'no-carrier' };
      const pair = { from: { netns, dev }, to: { netns: link.peer.netns, dev: far.name } };
      if (far.master !== undefined) {
        const br = linkByIndex(h, link.peer.netns, far.master);
        if (!br) return { kind: 'fail', reason: 'no-carrier' };
        const path = throughBridge(h, link.peer.netns, br, far.name, nexthop);
        return path.kind === 'bridge' ? { ...path, pair } : path;
      }
      return owns(h, link.peer.netns, far, nexthop)
        ? { kind: 'veth-peer', mac: far.mac, pair }
        : { kind: 'fail', reason: 'arp-failed' };
    }
    // Stacked devices are the underlay's (macvlan.ts), tunnels vxlan.ts's: the walker asks first.
    case 'loopback':
    case 'dummy':
    case 'macvlan':
    case 'ipvlan':
    case 'vlan':
    case 'vxlan':
      return { kind: 'fail', reason: 'arp-failed' };
  }
}
