/**
 * `ifconfig [-a] [IFACE]`: net-tools' format on the host (as in the tutorials' `ifconfig docker0`)
 * and busybox's older format in busybox/alpine images. Both list interfaces sorted by name and
 * skip down ones unless `-a` or a name is given. Packet counters are not modelled and read 0.
 */
import type { Host, Link } from '../model';
import { blockOf, broadcastOf, netmaskOf } from '../net/ipv4';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { broadcastFor, hasCarrier, inet6Of, linksOf, txqlenOf } from './link-state';
import { isBusybox, whereIs } from './place';

/** net-tools flag bits and names, in its print order. */
const FLAG_BITS: ReadonlyArray<readonly [string, number]> = [
  ['UP', 0x1],
  ['BROADCAST', 0x2],
  ['LOOPBACK', 0x8],
  ['RUNNING', 0x40],
  ['MULTICAST', 0x1000],
];

function flagNames(h: Host, netns: string, l: Link): string[] {
  const names: string[] = [];
  if (l.up) names.push('UP');
  if (l.kind !== 'loopback') names.push('BROADCAST');
  else names.push('LOOPBACK');
  if (hasCarrier(h, netns, l)) names.push('RUNNING');
  if (l.kind !== 'loopback') names.push('MULTICAST');
  return names;
}

const scopeId = (scope: 'host' | 'link') => (scope === 'host' ? '0x10<host>' : '0x20<link>');

function netTools(h: Host, netns: string, l: Link): string {
  const names = flagNames(h, netns, l);
  const value = FLAG_BITS.filter(([n]) => names.includes(n)).reduce((s, [, b]) => s + b, 0);
  const out = [`${l.name}: flags=${value}<${names.join(',')}>  mtu ${l.mtu}`];
  for (const a of l.addresses.slice(0, 1)) {
    // IFF_BROADCAST devices always print one; an address added without `brd` reads 0.0.0.0.
    const brd = l.kind === 'loopback' ? undefined : (broadcastFor(a, l) ?? '0.0.0.0');
    out.push(
      `        inet ${a.ip}  netmask ${netmaskOf(a.prefix)}${brd ? `  broadcast ${brd}` : ''}`,
    );
  }
  for (const a of inet6Of(h, netns, l))
    out.push(`        inet6 ${a.ip}  prefixlen ${a.prefix}  scopeid ${scopeId(a.scope)}`);
  out.push(
    l.kind === 'loopback'
      ? `        loop  txqueuelen ${txqlenOf(l)}  (Local Loopback)`
      : `        ether ${l.mac}  txqueuelen ${txqlenOf(l)}  (Ethernet)`,
    '        RX packets 0  bytes 0 (0.0 B)',
    '        RX errors 0  dropped 0  overruns 0  frame 0',
    '        TX packets 0  bytes 0 (0.0 B)',
    '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
  );
  return `${out.join('\n')}\n\n`;
}

function busybox(h: Host, netns: string, l: Link): string {
  const head =
    l.kind === 'loopback'
      ? `${l.name.padEnd(9)} Link encap:Local Loopback  `
      : `${l.name.padEnd(9)} Link encap:Ethernet  HWaddr ${l.mac.toUpperCase()}  `;
  const out = [head];
  for (const a of l.addresses.slice(0, 1)) {
    const brd =
      l.kind === 'loopback'
        ? undefined
        : a.brd === undefined
          ? broadcastOf(blockOf(a.ip, a.prefix))
          : (a.brd ?? '0.0.0.0');
    out.push(
      `          inet addr:${a.ip}  ${brd ? `Bcast:${brd}  ` : ''}Mask:${netmaskOf(a.prefix)}`,
    );
  }
  for (const a of inet6Of(h, netns, l))
    out.push(
      `          inet6 addr: ${a.ip}/${a.prefix} Scope:${a.scope === 'host' ? 'Host' : 'Link'}`,
    );
  out.push(
    `          ${flagNames(h, netns, l).join(' ')}  MTU:${l.mtu}  Metric:1`,
    '          RX packets:0 errors:0 dropped:0 overruns:0 frame:0',
    '          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0',
    `          collisions:0 txqueuelen:${txqlenOf(l)} `,
    '          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)',
  );
  return `${out.join('\n')}\n\n`;
}

/** net-tools keeps its interface list sorted by nstrcmp (names with numbers in numeric order). */
const byName = (a: Link, b: Link) => a.name.localeCompare(b.name, 'en', { numeric: true });

export function ifconfig(p: Process): ProcessResult {
  const w = whereIs(p);
  const netns = w.netns ?? '';
  const args = p.argv.slice(1);
  const all = args.includes('-a');
  const names = args.filter((a) => !a.startsWith('-'));
  const bb = isBusybox(w.userland);
  const links = [...linksOf(w.host, netns)].sort(byName);
  const render = (l: Link) => (bb ? busybox(w.host, netns, l) : netTools(w.host, netns, l));
  if (names.length) {
    const name = names[0];
    if (names.length > 1)
      return failure(p.world, bb ? 'ifconfig: bad address' : 'ifconfig: option not supported', 1);
    const l = links.find((x) => x.name === name);
    if (!l)
      return bb
        ? failure(
            p.world,
            `ifconfig: ${name}: error fetching interface information: Device not found`,
            1,
          )
        : failure(p.world, `${name}: error fetching interface information: Device not found`, 1);
    return output(p.world, render(l));
  }
  return output(
    p.world,
    links
      .filter((l) => all || l.up)
      .map(render)
      .join(''),
  );
}
