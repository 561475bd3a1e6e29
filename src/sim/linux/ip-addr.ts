/**
 * `ip address` and `ip link` listings, in the two dialects learners meet: iproute2 (the host,
 * Debian and CentOS images) and busybox `ip` (busybox and alpine images). Both print the same
 * kernel facts; busybox omits `group`, `mode` and `link-netnsid`, and only the musl build (alpine)
 * prints `state` (busybox networking/libiproute/ipaddress.c guards it with `#ifdef IFF_DORMANT`).
 */
import type { Host, Link } from '../model';
import {
  broadcastFor,
  iflinkOf,
  inet6Of,
  linkFlags,
  linksOf,
  netnsIds,
  operState,
  peerDownHere,
  peerSuffix,
  qdiscOf,
  scopeFor,
  txqlenOf,
} from './link-state';
import type { Userland } from './place';
import { detailsOf } from './ip-details';

export type IpDialect = 'iproute2' | 'busybox' | 'busybox-musl';

export function dialectOf(u: Userland): IpDialect {
  if (u === 'busybox') return 'busybox';
  if (u === 'alpine') return 'busybox-musl';
  return 'iproute2';
}

export interface ListOptions {
  readonly dialect: IpDialect;
  /** `ip link` (prints `mode DEFAULT`) rather than `ip addr`. */
  readonly linkOnly: boolean;
  /** `-4` / `-6`: only that family's addresses, and only links that have one. */
  readonly family?: 4 | 6;
  readonly brief: boolean;
  /** `dev X` / a bare device name. */
  readonly dev?: string;
  /** `up`: only administratively up links. */
  readonly upOnly: boolean;
  /** `-d`: each device's kind and settings (ip-details.ts). */
  readonly details?: boolean;
}

const FOREVER = '       valid_lft forever preferred_lft forever';

function header(h: Host, netns: string, l: Link, o: ListOptions): string {
  const busybox = o.dialect !== 'iproute2';
  // busybox resolves the peer only in its own namespace; a peer elsewhere reads as down.
  const mdown = busybox
    ? !!iflinkOf(l) && (iflinkOf(l)!.netns !== netns || peerDownHere(h, netns, l))
    : peerDownHere(h, netns, l);
  const flags = [...linkFlags(h, netns, l), ...(mdown ? ['M-DOWN'] : [])].join(',');
  const master = l.master ? linksOf(h, netns).find((x) => x.ifindex === l.master)?.name : undefined;
  const qlen = txqlenOf(l);
  let s = `${l.ifindex}: ${l.name}${peerSuffix(h, netns, l)}: <${flags}> mtu ${l.mtu} qdisc ${qdiscOf(l)} `;
  if (master) s += `master ${master} `;
  if (o.dialect !== 'busybox') s += `state ${operState(h, netns, l)} `;
  if (!busybox) s += `${o.linkOnly ? 'mode DEFAULT ' : ''}group default `;
  if (qlen) s += `qlen ${qlen}`;
  return s;
}

function linkLine(h: Host, netns: string, l: Link, o: ListOptions): string {
  const type = l.kind === 'loopback' ? 'loopback' : 'ether';
  const brd = l.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  let s = `    link/${type} ${l.mac} brd ${brd}`;
  const to = iflinkOf(l);
  if (o.dialect === 'iproute2' && to && to.netns !== netns) {
    const id = netnsIds(h, netns).get(to.netns);
    if (id !== undefined) s += ` link-netnsid ${id}`;
  }
  return s;
}

function addressLines(h: Host, netns: string, l: Link, o: ListOptions): string[] {
  const out: string[] = [];
  if (o.family !== 6)
    for (const a of l.addresses) {
      const brd = broadcastFor(a, l);
      out.push(
        `    inet ${a.ip}/${a.prefix} ${brd ? `brd ${brd} ` : ''}scope ${scopeFor(a)} ${l.name}`,
        FOREVER,
      );
    }
  if (o.family !== 4)
    for (const a of inet6Of(h, netns, l))
      out.push(`    inet6 ${a.ip}/${a.prefix} scope ${a.scope} `, FOREVER);
  return out;
}

function hasFamily(h: Host, netns: string, l: Link, family?: 4 | 6): boolean {
  if (family === 4) return l.addresses.length > 0;
  if (family === 6) return inet6Of(h, netns, l).length > 0;
  return true;
}

/** iproute2 `-br`: name, state and addresses (or MAC and flags) in fixed-width columns. */
function briefLine(h: Host, netns: string, l: Link, o: ListOptions): string {
  const name = `${l.name}${peerSuffix(h, netns, l)}`.padEnd(16);
  const state = operState(h, netns, l).padEnd(14);
  if (o.linkOnly) return `${name} ${state} ${l.mac} <${linkFlags(h, netns, l).join(',')}> `;
  const v4 = o.family === 6 ? [] : l.addresses.map((a) => `${a.ip}/${a.prefix} `);
  const v6 = o.family === 4 ? [] : inet6Of(h, netns, l).map((a) => `${a.ip}/${a.prefix} `);
  return `${name} ${state} ${[...v4, ...v6].join('')}`;
}

export type ListResult = { ok: true; text: string } | { ok: false; missing: string };

export function listLinks(h: Host, netns: string, o: ListOptions): ListResult {
  let links = linksOf(h, netns);
  if (o.dev !== undefined) {
    links = links.filter((l) => l.name === o.dev);
    if (links.length === 0) return { ok: false, missing: o.dev };
  }
  if (o.upOnly) links = links.filter((l) => l.up);
  if (!o.linkOnly) links = links.filter((l) => hasFamily(h, netns, l, o.family));
  const lines: string[] = [];
  for (const l of links) {
    if (o.brief) {
      lines.push(briefLine(h, netns, l, o));
      continue;
    }
    lines.push(header(h, netns, l, o));
    if (o.linkOnly || o.family === undefined) {
      const d = o.details ? detailsOf(h, netns, l) : undefined;
      lines.push(linkLine(h, netns, l, o) + (d?.more ?? ''), ...(d?.lines ?? []));
    }
    if (!o.linkOnly) lines.push(...addressLines(h, netns, l, o));
  }
  return { ok: true, text: lines.map((x) => `${x}\n`).join('') };
}
