/**
 * The ARP cache as the tools show it: `ip neigh [show] [dev X]` (iproute2 on the host and glibc
 * images, busybox's `ip` in busybox/alpine) and `arp` (net-tools' table on the host, busybox's
 * BSD-style lines in images). The entries themselves are what the packet walker learned.
 */
import type { Host, NeighEntry } from '../model';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import type { IpDialect } from './ip-addr';
import { linksOf } from './link-state';
import { isBusybox, whereIs } from './place';

interface Shown {
  readonly ip: string;
  readonly dev: string;
  readonly mac?: string;
  readonly state: 'REACHABLE' | 'STALE' | 'FAILED' | 'PERMANENT';
  /** Seconds since the entry was last confirmed. */
  readonly age: number;
}

/** base_reachable_time: without fresh confirmation a REACHABLE entry turns STALE. */
const REACHABLE_MS = 30_000;

function entries(h: Host, netns: string, now: number): readonly Shown[] {
  const names = new Map(linksOf(h, netns).map((l) => [l.ifindex, l.name]));
  return (h.neighbours?.get(netns) ?? []).flatMap((n: NeighEntry) => {
    const dev = names.get(n.ifindex);
    if (!dev) return [];
    const ms = Math.max(0, now - (n.at ?? now));
    const state = n.state === 'REACHABLE' && ms > REACHABLE_MS ? 'STALE' : n.state;
    return [{ ip: n.ip, dev, ...(n.mac ? { mac: n.mac } : {}), state, age: Math.floor(ms / 1000) }];
  });
}

/**
 * One line as iproute2's print_neigh writes it: `dev X ` only without a dev filter, then
 * `lladdr M`, then each state as ` STATE` — so an entry without lladdr shows two spaces. busybox
 * (show_stats fixed on) adds ` used A/B/C probes N` before the state.
 */
function neighLine(n: Shown, d: IpDialect, filtered: boolean): string {
  let s = `${n.ip} ${filtered ? '' : `dev ${n.dev} `}${n.mac ? `lladdr ${n.mac}` : ''}`;
  // Resolved by one broadcast probe; unanswered after the three multicast probes (mcast_solicit).
  if (d !== 'iproute2')
    s += ` used ${n.age}/${n.age}/${n.age} probes ${n.state === 'FAILED' ? 3 : 1}`;
  return `${s} ${n.state}\n`;
}

/** `ip neigh [show|list] [dev X]`; other words are taken as `to PREFIX`, which we do not filter by. */
export function ipNeighShow(
  p: Process,
  netns: string,
  args: readonly string[],
  d: IpDialect,
): ProcessResult {
  const w = whereIs(p);
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) if (args[i] === 'dev') dev = args[++i];
  if (dev !== undefined && !linksOf(w.host, netns).some((l) => l.name === dev))
    return d === 'iproute2'
      ? failure(p.world, `Cannot find device "${dev ?? ''}"`, 255)
      : failure(p.world, `ip: can't find device '${dev ?? ''}'`, 1);
  const text = entries(w.host, netns, p.ctx.now)
    .filter((n) => dev === undefined || n.dev === dev)
    .map((n) => neighLine(n, d, dev !== undefined))
    .join('');
  return output(p.world, text);
}

/** net-tools arp.c: `%-23.23s  %-8.8s%-20.20s%-6.6s%-15.15s %s` under its fixed header. */
function netToolsTable(list: readonly Shown[]): string {
  if (list.length === 0) return '';
  const row = (a: string, t: string, hw: string, f: string, iface: string) =>
    `${a.padEnd(23)}  ${t.padEnd(8)}${hw.padEnd(20)}${f.padEnd(6)}${''.padEnd(15)} ${iface}\n`;
  const header =
    'Address                  HWtype  HWaddress           Flags Mask            Iface\n';
  return (
    header +
    list
      .map((n) =>
        n.mac ? row(n.ip, 'ether', n.mac, 'C', n.dev) : row(n.ip, '', '(incomplete)', '', n.dev),
      )
      .join('')
  );
}

/** busybox arp_disp: `? (IP) at MAC [ether]  on DEV` (the PERM/PUP slot leaves two spaces). */
const busyboxLine = (n: Shown) =>
  `? (${n.ip}) at ${n.mac ? `${n.mac} [ether] ` : '<incomplete> '} on ${n.dev}\n`;

/** net-tools `arp -a`: the same BSD style with one space, and no line for a failed entry's MAC. */
const bsdLine = (n: Shown) =>
  `? (${n.ip}) at ${n.mac ? `${n.mac} [ether]` : '<incomplete>'} on ${n.dev}\n`;

/** `arp [-n] [-a] [-e] [-i IF]`: only the listing; changing the cache is not simulated. */
export function arp(p: Process): ProcessResult {
  const w = whereIs(p);
  const busybox = isBusybox(w.userland);
  let iface: string | undefined;
  let bsd = busybox;
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-i') iface = args[++i];
    else if (/^-[nave]+$/.test(a)) {
      if (a.includes('a')) bsd = true;
      if (a.includes('e')) bsd = busybox;
    } else if (a.startsWith('-'))
      return failure(
        p.world,
        busybox ? `arp: unrecognized option '${a}'` : `arp: invalid option -- '${a.slice(1)}'`,
        busybox ? 1 : 255,
      );
  }
  const all = entries(w.host, w.netns ?? '', p.ctx.now);
  const list = all.filter((n) => iface === undefined || n.dev === iface);
  if (list.length === 0 && !busybox && iface !== undefined)
    return output(p.world, `arp: in ${all.length} entries no match found.\n`);
  const text = bsd ? list.map(busybox ? busyboxLine : bsdLine).join('') : netToolsTable(list);
  return output(p.world, text);
}
