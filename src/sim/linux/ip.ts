/**
 * The `ip` program: global options, then an object (`address`, `link`, `route`, `neigh`, `netns`)
 * matched by prefix in iproute2's table order (so `ip a`, `ip r`, `ip n` work), then a command.
 * Listings live in ip-addr.ts / ip-route.ts; changes in ip-link.ts, ip-address-change.ts,
 * ip-route.ts and ip-netns.ts, all through the kernel operations of net/kernel.ts.
 */
import { own } from '../own';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { dialectOf, listLinks, type IpDialect, type ListOptions } from './ip-addr';
import { ipAddressChange } from './ip-address-change';
import { ipLinkChange } from './ip-link';
import { ipNetns, resolveNetnsName } from './ip-netns';
import { ipRouteChange, listRoutes } from './ip-route';
import { ipNeighShow } from './neigh';
import { ipNeighChange } from './neigh-change';
import { whereIs, type Where } from './place';
import { matches } from './abbrev';

/** iproute2 ip.c's object table, in its order: the first prefix match wins. */
export const OBJECTS = [
  'address',
  'addrlabel',
  'maddress',
  'route',
  'rule',
  'neighbor',
  'neighbour',
  'ntable',
  'link',
  'tunnel',
  'tuntap',
  'monitor',
  'xfrm',
  'netns',
  'netconf',
  'help',
] as const;

export const BUSYBOX_OBJECTS = ['address', 'route', 'link', 'tunnel', 'neigh', 'rule'] as const;

interface Parsed {
  readonly family?: 4 | 6;
  readonly brief: boolean;
  readonly details: boolean;
  /** `-n NAME`: the named namespace to run in (iproute2's netns_switch). */
  readonly netns?: string;
  readonly rest: readonly string[];
}

function parseGlobal(argv: readonly string[], d: IpDialect): Parsed | string {
  let family: 4 | 6 | undefined;
  let brief = false;
  let details = false;
  let netns: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) break;
    const opt = a.replace(/^--?/, '');
    if (opt === '4') family = 4;
    else if (opt === '6') family = 6;
    else if (opt.length > 0 && 'brief'.startsWith(opt) && opt.startsWith('br')) brief = true;
    else if (d === 'iproute2' && opt.length > 0 && 'details'.startsWith(opt)) details = true;
    else if (d === 'iproute2' && opt.length > 0 && 'netns'.startsWith(opt) && i + 1 < argv.length)
      netns = argv[++i];
    else return a;
  }
  return {
    ...(family ? { family } : {}),
    brief,
    details,
    ...(netns ? { netns } : {}),
    rest: argv.slice(i),
  };
}

const BUSYBOX_USAGE =
  'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\n' +
  'Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\n' +
  'OPTIONS := -f[amily] inet|inet6|link | -o[neline]\n';

type Handler = (
  p: Process,
  w: Where,
  netns: string,
  g: Parsed,
  args: readonly string[],
  d: IpDialect,
) => ProcessResult;

const isShow = (w: string | undefined) =>
  w === undefined || matches(w, 'show') || matches(w, 'list') || matches(w, 'lst');

function notYet(p: Process, object: string, cmd: string): ProcessResult {
  return failure(
    p.world,
    `ip ${object} ${cmd}: changing the network from a shell is not simulated yet`,
  );
}

function unknownCommand(p: Process, d: IpDialect, object: string, cmd: string): ProcessResult {
  if (d !== 'iproute2') return failure(p.world, BUSYBOX_USAGE, 1);
  return failure(p.world, `Command "${cmd}" is unknown, try "ip ${object} help".`, 255);
}

/** `ip addr show [dev] X [up]` and `ip link show [dev] X [up]`. */
function linkListing(linkOnly: boolean): Handler {
  return (p, w, netns, g, args, d) => {
    const object = linkOnly ? 'link' : 'address';
    const [cmd, ...rest] = args;
    if (!isShow(cmd)) {
      const changed = linkOnly
        ? ipLinkChange(p, w, netns, d, cmd, rest)
        : ipAddressChange(p, w, netns, d, cmd, rest);
      if (changed) return changed;
      if (['change', 'replace'].some((c) => matches(cmd, c))) return notYet(p, object, cmd);
      return unknownCommand(p, d, object, cmd);
    }
    let dev: string | undefined;
    let upOnly = false;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === 'up') upOnly = true;
      else if (a === 'dev') dev = rest[++i];
      else dev = a;
    }
    const o: ListOptions = {
      dialect: d,
      linkOnly,
      brief: g.brief,
      upOnly,
      details: g.details,
      ...(g.family ? { family: g.family } : {}),
      ...(dev !== undefined ? { dev } : {}),
    };
    const r = listLinks(w.host, netns, o);
    if (!r.ok)
      return d === 'iproute2'
        ? failure(p.world, `Device "${r.missing}" does not exist.`, 1)
        : failure(p.world, `ip: can't find device '${r.missing}'`, 1);
    return output(p.world, r.text);
  };
}

const route: Handler = (p, w, netns, _g, args, d) => {
  const cmd = args[0];
  if (isShow(cmd)) return output(p.world, listRoutes(w.host, netns, d));
  const changed = ipRouteChange(p, w, netns, d, cmd, args.slice(1));
  if (changed) return changed;
  if (matches(cmd, 'flush')) return notYet(p, 'route', cmd);
  return unknownCommand(p, d, 'route', cmd);
};

const neigh: Handler = (p, w, netns, _g, args, d) => {
  const cmd = args[0];
  if (isShow(cmd)) return ipNeighShow(p, netns, args.slice(1), d);
  const changed = ipNeighChange(p, w, netns, d, cmd, args.slice(1));
  if (changed) return changed;
  if (['add', 'del', 'delete', 'change', 'replace', 'flush'].some((c) => matches(cmd, c)))
    return notYet(p, 'neigh', cmd);
  return unknownCommand(p, d, 'neighbor', cmd);
};

const netnsCmd: Handler = (p, w, _netns, _g, args) => ipNetns(p, w, args);

const HANDLERS: Partial<Record<string, Handler>> = {
  address: linkListing(false),
  link: linkListing(true),
  route,
  neighbor: neigh,
  neighbour: neigh,
  neigh,
  netns: netnsCmd,
};

export function ip(p: Process): ProcessResult {
  const w = whereIs(p);
  const d = dialectOf(w.userland);
  const g = parseGlobal(p.argv.slice(1), d);
  if (typeof g === 'string')
    return d === 'iproute2'
      ? failure(p.world, `Option "${g}" is unknown, try "ip -help".`, 255)
      : failure(p.world, BUSYBOX_USAGE, 1);
  const [word, ...args] = g.rest;
  if (word === undefined || word === 'help')
    return d === 'iproute2'
      ? failure(
          p.world,
          'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\n' +
            'where  OBJECT := { address | addrlabel | maddress | route | rule | neighbor | ntable |\n' +
            '                   link | tunnel | tuntap | monitor | xfrm | netns | netconf | help }',
          255,
        )
      : failure(p.world, BUSYBOX_USAGE, 1);
  const table: readonly string[] = d === 'iproute2' ? OBJECTS : BUSYBOX_OBJECTS;
  const object = table.find((o) => matches(word, o));
  if (!object)
    return d === 'iproute2'
      ? failure(p.world, `Object "${word}" is unknown, try "ip help".`, 255)
      : failure(p.world, BUSYBOX_USAGE, 1);
  const handler = own(HANDLERS, object);
  if (!handler) return failure(p.world, `ip ${object}: not simulated in this lab`, 1);
  // A stopped container has no namespace; exec refuses earlier, so this is the empty view.
  let netns = w.netns ?? '';
  if (g.netns !== undefined) {
    const named = resolveNetnsName(w.host, g.netns);
    if (named === undefined)
      return failure(
        p.world,
        `Cannot open network namespace "${g.netns}": No such file or directory`,
        255,
      );
    netns = named;
  }
  return handler(p, w, netns, g, args, d);
}
