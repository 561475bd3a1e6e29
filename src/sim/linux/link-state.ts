/**
 * What the kernel derives from a link's configuration: carrier, flags, operational state, the
 * veth peer as seen from this namespace (`@ifN`, `link-netnsid`), IPv6 link-local addresses and
 * connected routes. `ip`, `ifconfig` and `brctl` all read links through here, so they agree.
 */
import { addressIndex } from '../net/address-index';
import type { Host, InetAddress, Link } from '../model';
import { blockOf, broadcastOf, intToIp } from '../net/ipv4';

export const linksOf = (h: Host, netns: string): readonly Link[] =>
  [...(h.netns.get(netns)?.links ?? [])].sort((a, b) => a.ifindex - b.ifindex);

/** The device `ip` names after `@`: a veth's peer, or the lower device a macvlan/ipvlan/vlan sits on. */
export const iflinkOf = (l: Link) => l.peer ?? l.lower;

const peerOf = (h: Host, l: Link): Link | undefined => {
  const to = iflinkOf(l);
  return to ? h.netns.get(to.netns)?.links.find((x) => x.ifindex === to.ifindex) : undefined;
};

/** Ports enslaved to a bridge, by name (brctl and the bridge's carrier). */
export function bridgePorts(h: Host, netns: string, bridge: Link): readonly Link[] {
  return addressIndex(h).ports.get(`${netns}/${bridge.ifindex}`) ?? [];
}

/**
 * Carrier (IFF_LOWER_UP): a veth has it when both ends are up; a bridge when one of its ports
 * has it (br_port_carrier_check); lo and the host NIC whenever they are up.
 */
export function hasCarrier(h: Host, netns: string, l: Link): boolean {
  if (!l.up) return false;
  switch (l.kind) {
    // A vxlan device has carrier once up, whatever its underlay does (vxlan_open).
    case 'loopback':
    case 'ether':
    case 'dummy':
    case 'vxlan':
      return true;
    case 'veth':
      return peerOf(h, l)?.up ?? false;
    case 'macvlan':
    case 'ipvlan':
    case 'vlan': {
      // A stacked device has carrier while the device under it does.
      const lower = peerOf(h, l);
      return lower ? hasCarrier(h, l.lower!.netns, lower) : false;
    }
    case 'bridge':
      return bridgePorts(h, netns, l).some((p) => hasCarrier(h, netns, p));
  }
}

/** The `<...>` flags iproute2 and busybox `ip` print (print_link_flags order). */
export function linkFlags(h: Host, netns: string, l: Link): string[] {
  const carrier = hasCarrier(h, netns, l);
  const flags: string[] = [];
  if (l.up && !carrier) flags.push('NO-CARRIER');
  if (l.kind === 'loopback') flags.push('LOOPBACK');
  else flags.push('BROADCAST', 'MULTICAST');
  if (l.up) flags.push('UP');
  if (carrier) flags.push('LOWER_UP');
  return flags;
}

/** RFC 2863 operstate as the kernel reports it (rfc2863_policy). */
export function operState(h: Host, netns: string, l: Link): string {
  // Neither lo nor a vxlan device ever reports its carrier to the operstate machinery.
  if (l.kind === 'loopback' || l.kind === 'vxlan') return l.up ? 'UNKNOWN' : 'DOWN';
  if (!l.up) return 'DOWN';
  if (hasCarrier(h, netns, l)) return 'UP';
  // A device stacked on another (a veth's iflink is its peer) reports the lower layer.
  return iflinkOf(l) ? 'LOWERLAYERDOWN' : 'DOWN';
}

/** qdisc: `noop` until the device is first opened, then the default for its kind. */
export function qdiscOf(l: Link): string {
  if (!l.up) return 'noop';
  return l.kind === 'ether' ? 'fq_codel' : 'noqueue';
}

/**
 * tx queue length: lo and the NIC 1000; Docker creates its veths and bridges with 0, while
 * `ip link add` leaves the kernel's 1000 (recorded on the link).
 */
export const txqlenOf = (l: Link): number =>
  l.txqlen ?? (l.kind === 'loopback' || l.kind === 'ether' ? 1000 : 0);

/**
 * Namespace ids a namespace has assigned to its peers (`link-netnsid`). The kernel hands them out
 * lowest-free as veths to new namespaces appear; numbering the peers in creation order matches
 * that as long as no namespace in between has gone away.
 */
export function netnsIds(h: Host, netns: string): Map<string, number> {
  const peers = new Set(
    (h.netns.get(netns)?.links ?? []).flatMap((l) =>
      iflinkOf(l) && iflinkOf(l)!.netns !== netns ? [iflinkOf(l)!.netns] : [],
    ),
  );
  const order = [...h.netns.keys()].filter((id) => peers.has(id));
  // Seen from a container, the host namespace is always the first peer it met.
  order.sort((a, b) => (a === 'host' ? -1 : b === 'host' ? 1 : 0));
  return new Map(order.map((id, i) => [id, i]));
}

/** `@if29` for a peer in another namespace, `@veth1` for one in the same, nothing otherwise. */
export function peerSuffix(h: Host, netns: string, l: Link): string {
  const to = iflinkOf(l);
  if (!to) return '';
  if (to.netns !== netns) return `@if${to.ifindex}`;
  return `@${peerOf(h, l)?.name ?? `if${to.ifindex}`}`;
}

/** iproute2 prints M-DOWN when the link it sits on (same namespace) is down. */
export function peerDownHere(h: Host, netns: string, l: Link): boolean {
  const to = iflinkOf(l);
  return !!to && to.netns === netns && !(peerOf(h, l)?.up ?? false);
}

export interface Inet6Address {
  readonly ip: string;
  readonly prefix: number;
  readonly scope: 'host' | 'link';
}

/** EUI-64 link-local address from a MAC: flip the U/L bit, insert ff:fe (RFC 4291 App. A). */
export function linkLocalOf(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] = b[0] ^ 0x02;
  const words = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, (0xfe << 8) | b[3], (b[4] << 8) | b[5]];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

/**
 * IPv6 addresses. lo always has ::1 (Docker v26+ keeps it in containers). Since v26.0.2 Docker
 * disables IPv6 on container interfaces of IPv4-only networks (CVE-2024-32473), so container
 * `ethN` have none. In the host namespace the kernel gives a link-local address once a device
 * has carrier; bridges are approximated as having one while they have a live port.
 */
export function inet6Of(h: Host, netns: string, l: Link): Inet6Address[] {
  if (l.kind === 'loopback') return l.up ? [{ ip: '::1', prefix: 128, scope: 'host' }] : [];
  if (netns !== 'host' || !hasCarrier(h, netns, l)) return [];
  return [{ ip: linkLocalOf(l.mac), prefix: 64, scope: 'link' }];
}

/** The broadcast address the kernel shows, or undefined for /31, /32 and loopback. */
export function broadcastFor(a: InetAddress, l: Link): string | undefined {
  if (a.brd !== undefined) return a.brd ?? undefined;
  if (l.kind === 'loopback' || a.prefix >= 31) return undefined;
  return broadcastOf(blockOf(a.ip, a.prefix));
}

export function scopeFor(a: InetAddress): 'host' | 'global' {
  return a.ip.startsWith('127.') ? 'host' : 'global';
}

export interface RouteEntry {
  /** `default` or `a.b.c.d/n`. */
  readonly dst: string;
  readonly via?: string;
  readonly dev: string;
  /** Connected routes the kernel adds for an address: `proto kernel scope link src IP`. */
  readonly src?: string;
  readonly onlink?: true;
  readonly linkdown: boolean;
  /** Network address and prefix, for the FIB's order. */
  readonly key: readonly [number, number];
}

/** The main table: connected routes derived from addresses on up links, plus static routes. */
export function mainRoutes(h: Host, netns: string): RouteEntry[] {
  const ns = h.netns.get(netns);
  if (!ns) return [];
  const links = linksOf(h, netns);
  const byName = new Map(links.map((l) => [l.name, l]));
  const routes: RouteEntry[] = [];
  for (const l of links) {
    if (!l.up || l.kind === 'loopback') continue;
    // A /32 gets no prefix route (fib_add_ifaddr): flannel's vxlan address adds no line.
    for (const a of l.addresses.filter((x) => x.prefix < 32)) {
      const block = blockOf(a.ip, a.prefix);
      routes.push({
        dst: `${intToIp(block.base)}/${a.prefix}`,
        dev: l.name,
        src: a.ip,
        linkdown: !hasCarrier(h, netns, l),
        key: [block.base, a.prefix],
      });
    }
  }
  for (const r of ns.routes) {
    const dev = byName.get(r.dev);
    const [net = '0.0.0.0', len = '0'] = r.dst === 'default' ? [] : r.dst.split('/');
    const block = blockOf(net, Number(len));
    routes.push({
      dst: r.dst,
      ...(r.via ? { via: r.via } : {}),
      dev: r.dev,
      ...(r.onlink ? { onlink: true as const } : {}),
      linkdown: !dev || !hasCarrier(h, netns, dev),
      key: [block.base, Number(len)],
    });
  }
  // fib_trie dumps in key order: by network address, then prefix length.
  return routes.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
}
