/**
 * `ip route` listings and changes (`ip route add default via GW`). iproute2 names the origin of connected routes
 * (`proto kernel`) and flags routes over a device without carrier (`linkdown`); busybox prints
 * neither and puts two spaces before `src` (networking/libiproute/iproute.c print_route).
 */
import type { Host } from '../model';
import { findLink } from '../net/kernel';
import { addRoute, removeRoute } from '../net/routes';
import { blockContains, blockOf, intToIp, ipToInt, isIpv4 } from '../net/ipv4';
import { failure, type Process, type ProcessResult } from '../shell/process';
import type { IpDialect } from './ip-addr';
import { parsePrefix, prefixExpected } from './ip-address-change';
import { change, extack, hasNetAdmin, noDevice, rtnetlink } from './ip-change';
import { mainRoutes } from './link-state';
import type { Where } from './place';
import { matches } from './abbrev';

export function listRoutes(h: Host, netns: string, dialect: IpDialect): string {
  return mainRoutes(h, netns)
    .map((r) => {
      let s = `${r.dst} `;
      if (r.via) s += `via ${r.via} `;
      s += `dev ${r.dev} `;
      if (r.onlink) s += 'onlink ';
      if (r.src)
        s +=
          dialect === 'iproute2'
            ? `proto kernel scope link src ${r.src} `
            : `scope link  src ${r.src} `;
      else if (!r.via) s += 'scope link ';
      if (r.linkdown && dialect === 'iproute2') s += 'linkdown ';
      return `${s}\n`;
    })
    .join('');
}

// ------------------------------------------------------------------ ip route add|del

interface RouteRequest {
  readonly dst: string;
  readonly via?: string;
  readonly dev?: string;
  readonly onlink: boolean;
}

function parseRoute(p: Process, args: readonly string[]): RouteRequest | ProcessResult {
  let dst: string | undefined;
  let via: string | undefined;
  let dev: string | undefined;
  let onlink = false;
  let family = 'any valid';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'via') {
      via = args[++i] ?? '';
      if (!isIpv4(via))
        return failure(p.world, `Error: ${family} address is expected rather than "${via}".`, 1);
    } else if (a === 'dev' || a === 'oif') dev = args[++i];
    else if (['proto', 'metric', 'scope', 'table', 'src', 'onlink'].includes(a)) {
      if (a === 'onlink') onlink = true;
      else i++;
    } else {
      const word = a === 'to' ? (args[++i] ?? '') : a;
      if (word === 'default' || word === '0.0.0.0/0' || word === '0/0') dst = 'default';
      else {
        const pre = parsePrefix(word);
        if (!pre) return prefixExpected(p, word);
        const block = blockOf(pre.ip, pre.prefix);
        if (block.base !== ipToInt(pre.ip))
          return extack(p, 'Invalid prefix for given prefix length');
        dst = `${intToIp(block.base)}/${pre.prefix}`;
        family = 'inet';
      }
    }
  }
  if (dst === undefined) return rtnetlink(p, 'iproute2', 'Invalid argument');
  return { dst, ...(via ? { via } : {}), ...(dev ? { dev } : {}), onlink };
}

/** The connected route the kernel would use to reach a gateway (fib_check_nh_v4_gw). */
function connectedDevFor(h: Host, netns: string, gw: string, dev?: string): string | undefined {
  return mainRoutes(h, netns).find(
    (r) =>
      r.src &&
      (dev === undefined || r.dev === dev) &&
      blockContains({ base: r.key[0], prefix: r.key[1] }, gw),
  )?.dev;
}

export function ipRouteChange(
  p: Process,
  w: Where,
  netns: string,
  d: IpDialect,
  cmd: string,
  args: readonly string[],
): ProcessResult | undefined {
  const adding = ['add', 'append', 'replace', 'change'].some((c) => matches(cmd, c));
  const deleting = matches(cmd, 'delete') || cmd === 'del';
  if (!adding && !deleting) return undefined;
  const r = parseRoute(p, args);
  if ('exitCode' in r) return r;
  const dev = r.dev !== undefined ? findLink(w.host, netns, r.dev) : undefined;
  if (r.dev !== undefined && !dev) return noDevice(p, d, r.dev);
  if (!hasNetAdmin(w)) return rtnetlink(p, d, 'Operation not permitted');
  const ns = w.host.netns.get(netns);
  const existing = (ns?.routes ?? []).find(
    (x) =>
      x.dst === r.dst &&
      (!deleting || r.via === undefined || x.via === r.via) &&
      (!deleting || r.dev === undefined || x.dev === r.dev),
  );
  if (deleting) {
    if (!existing) return rtnetlink(p, d, 'No such process');
    return change(p, (h) => removeRoute(h, netns, existing));
  }
  // fib_create_info checks the nexthop before fib_table_insert looks for a duplicate.
  let out: string | undefined = dev?.name;
  if (r.via !== undefined && r.onlink) {
    // fib_check_nh_v4_gw with RTNH_F_ONLINK: the device is the link, whatever its addresses.
    if (!dev) return extack(p, 'Nexthop device required for onlink');
    if (!dev.up) return extack(p, 'Nexthop device is not up');
  } else if (r.via !== undefined) {
    out = connectedDevFor(w.host, netns, r.via, dev?.name);
    if (!out) return extack(p, 'Nexthop has invalid gateway');
  } else if (!dev) return rtnetlink(p, d, 'No such device');
  else if (!dev.up) return extack(p, 'Device for nexthop is not up');
  if (existing && !matches(cmd, 'replace')) return rtnetlink(p, d, 'File exists');
  const route = {
    dst: r.dst,
    ...(r.via ? { via: r.via } : {}),
    dev: out!,
    ...(r.onlink && r.via ? { onlink: true as const } : {}),
  };
  return change(p, (h) => {
    if (existing) removeRoute(h, netns, existing);
    addRoute(h, netns, route);
  });
}
