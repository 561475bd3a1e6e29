/**
 * The kernel's routing decision in one network namespace: the local table first (every address on
 * an up link, and 127.0.0.0/8 on lo), then the main table by longest prefix — connected routes
 * derived from addresses, plus static ones (`default via …`). No match is `Network is unreachable`.
 */
import { addressIndex } from '../net/address-index';
import type { Host, Ipv4, Link } from '../model';
import { blockContains, blockOf } from '../net/ipv4';
import { linksOf, mainRoutes, type RouteEntry } from '../linux/link-state';

export type RouteChoice =
  /** For an address of this namespace: delivered through lo. */
  | { readonly kind: 'local'; readonly src: Ipv4 }
  | {
      readonly kind: 'unicast';
      readonly dev: string;
      /** The gateway, or the destination itself on a connected route. */
      readonly nexthop: Ipv4;
      readonly via?: Ipv4;
      readonly src: Ipv4;
      /** As `ip route` prints the chosen line. */
      readonly text: string;
      readonly reason: 'connected' | 'gateway' | 'static';
    };

/** The link in `netns` holding `ip` (lo for 127.0.0.0/8), when the namespace owns that address. */
export function localLinkOf(h: Host, netns: string, ip: Ipv4): Link | undefined {
  if (ip.startsWith('127.')) return linksOf(h, netns).find((l) => l.up && l.kind === 'loopback');
  return addressIndex(h).local.get(netns)?.get(ip);
}

export const isLocalAddress = (h: Host, netns: string, ip: Ipv4): boolean =>
  localLinkOf(h, netns, ip) !== undefined;

/** The address the kernel picks as source on `dev` (one in the gateway's subnet when it can). */
export function sourceAddressOn(
  h: Host,
  netns: string,
  dev: string,
  toward?: Ipv4,
): Ipv4 | undefined {
  const link = linksOf(h, netns).find((l) => l.name === dev);
  const addrs = link?.addresses ?? [];
  const same = toward
    ? addrs.find((a) => blockContains(blockOf(a.ip, a.prefix), toward))
    : undefined;
  return (same ?? addrs[0])?.ip;
}

function routeText(r: RouteEntry): string {
  if (r.via) return `${r.dst} via ${r.via} dev ${r.dev}${r.onlink ? ' onlink' : ''}`;
  return r.src
    ? `${r.dst} dev ${r.dev} proto kernel scope link src ${r.src}`
    : `${r.dst} dev ${r.dev}`;
}

export function lookupRoute(h: Host, netns: string, dst: Ipv4): RouteChoice | undefined {
  const local = localLinkOf(h, netns, dst);
  if (local) return { kind: 'local', src: dst };
  const up = new Set(
    linksOf(h, netns)
      .filter((l) => l.up)
      .map((l) => l.name),
  );
  let best: RouteEntry | undefined;
  for (const r of mainRoutes(h, netns)) {
    if (!up.has(r.dev)) continue;
    const prefix = r.key[1];
    if (!blockContains({ base: r.key[0], prefix }, dst)) continue;
    if (!best || prefix > best.key[1]) best = r;
  }
  if (!best) return undefined;
  const nexthop = best.via ?? dst;
  const src = best.src ?? sourceAddressOn(h, netns, best.dev, nexthop);
  if (!src) return undefined;
  return {
    kind: 'unicast',
    dev: best.dev,
    nexthop,
    ...(best.via ? { via: best.via } : {}),
    src,
    text: routeText(best),
    reason: best.via ? 'gateway' : best.src ? 'connected' : 'static',
  };
}
