/**
 * `ip neigh add|replace|change|del ADDR [lladdr MAC] dev DEV [nud STATE]`: entries made by hand
 * are PERMANENT (iproute2's default state for add), never age and are never replaced by what ARP
 * learns; flannel's VXLAN backend adds one per remote VTEP this way. Texts follow iproute2
 * ip/ipneigh.c and the kernel's neigh_add / neigh_delete answers.
 */
import { castDraft } from 'immer';
import type { NeighEntry } from '../model';
import { isIpv4 } from '../net/ipv4';
import { plain } from '../net/kernel';
import { failure, type Process, type ProcessResult } from '../shell/process';
import type { IpDialect } from './ip-addr';
import { change, extack, hasNetAdmin, noDevice, rtnetlink } from './ip-change';
import { linksOf } from './link-state';
import type { Where } from './place';
import { matches } from './abbrev';
import { MAC } from './ip-link';

interface Request {
  ip?: string;
  dev?: string;
  mac?: string;
  state: NeighEntry['state'];
}

function parse(p: Process, args: readonly string[]): Request | ProcessResult {
  const r: Request = { state: 'PERMANENT' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'lladdr') {
      const v = args[++i] ?? '';
      if (!MAC.test(v)) return failure(p.world, `"${v}" is invalid lladdr.`, 1);
      r.mac = v.toLowerCase();
    } else if (a === 'dev') r.dev = args[++i];
    else if (a === 'nud') {
      const v = args[++i] ?? '';
      if (!['permanent', 'noarp', 'reachable', 'stale'].includes(v))
        return failure(p.world, `Error: argument "${v}" is wrong: nud state is bad`, 255);
      r.state = v === 'permanent' || v === 'noarp' ? 'PERMANENT' : 'REACHABLE';
    } else if (a === 'to') r.ip = args[++i];
    else if (r.ip === undefined) r.ip = a;
  }
  return r;
}

/** Handles a changing `ip neigh` command, or returns undefined for anything else. */
export function ipNeighChange(
  p: Process,
  w: Where,
  netns: string,
  d: IpDialect,
  cmd: string,
  args: readonly string[],
): ProcessResult | undefined {
  const deleting = matches(cmd, 'delete') || cmd === 'del';
  const replacing = matches(cmd, 'replace') || matches(cmd, 'change');
  if (!deleting && !replacing && !matches(cmd, 'add')) return undefined;
  if (d !== 'iproute2') return undefined;
  const r = parse(p, args);
  if ('exitCode' in r) return r;
  if (r.ip === undefined || r.dev === undefined)
    return failure(p.world, 'Device and destination are required arguments.', 255);
  const link = linksOf(w.host, netns).find((l) => l.name === r.dev);
  if (!link) return noDevice(p, d, r.dev);
  if (!isIpv4(r.ip))
    return failure(p.world, `Error: any valid address is expected rather than "${r.ip}".`, 1);
  if (!hasNetAdmin(w)) return rtnetlink(p, d, 'Operation not permitted');
  const ip = r.ip;
  const list = w.host.neighbours?.get(netns) ?? [];
  const same = (n: NeighEntry) => n.ip === ip && n.ifindex === link.ifindex;
  const existing = list.find(same);
  if (deleting) {
    if (!existing) return rtnetlink(p, d, 'No such file or directory');
  } else {
    if (existing && !replacing) return rtnetlink(p, d, 'File exists');
    if (!r.mac) return extack(p, 'No link layer address given');
  }
  return change(p, (h) => {
    const kept = plain(h.neighbours?.get(netns) ?? []).filter((n) => !same(n));
    const entry: NeighEntry = {
      ip,
      ifindex: link.ifindex,
      mac: r.mac!,
      state: r.state,
      ...(r.state === 'REACHABLE' ? { at: p.ctx.now } : {}),
    };
    const next = deleting ? kept : [entry, ...kept];
    if (h.neighbours) h.neighbours.set(netns, castDraft(next));
    else h.neighbours = castDraft(new Map([[netns, next]]));
  });
}
