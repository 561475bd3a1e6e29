/**
 * `ip addr add|del|flush`. iproute2 takes `A.B.C.D/N` or a dotted netmask (`/255.255.0.0`); it
 * sets a broadcast address only when asked (`brd +`), so `ip a` then prints none — seed 002's
 * `inet 172.100.0.2/16 scope global eth0`. Texts follow ip/ipaddress.c and lib/utils.c.
 */
import type { InetAddress } from '../model';
import { addAddress, findLink, removeAddresses } from '../net/kernel';
import { blockOf, broadcastOf, isIpv4, prefixOfNetmask } from '../net/ipv4';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import type { IpDialect } from './ip-addr';
import { change, hasNetAdmin, noDevice, rtnetlink } from './ip-change';
import type { Where } from './place';
import { matches } from './abbrev';

/** lib/utils.c get_prefix: `A.B.C.D`, `A.B.C.D/N` or `A.B.C.D/M.M.M.M`. */
export function parsePrefix(arg: string): { ip: string; prefix: number; given: boolean } | null {
  const [ip, len] = arg.split('/', 2);
  if (!isIpv4(ip)) return null;
  if (len === undefined) return { ip, prefix: 32, given: false };
  const prefix = /^\d{1,2}$/.test(len) ? Number(len) : prefixOfNetmask(len);
  if (prefix === null || prefix > 32) return null;
  return { ip, prefix, given: true };
}

export const prefixExpected = (p: Process, arg: string, family = 'any valid'): ProcessResult =>
  failure(p.world, `Error: ${family} prefix is expected rather than "${arg}".`, 1);

const NO_DEV = 'Not enough information: "dev" argument is required.';

interface AddrRequest {
  local?: string;
  dev?: string;
  brd?: string;
}

function parse(args: readonly string[]): AddrRequest {
  const r: AddrRequest = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'dev') r.dev = args[++i];
    else if (a === 'brd' || a === 'broadcast') r.brd = args[++i];
    else if (a === 'local') r.local = args[++i];
    else if (['label', 'scope', 'valid_lft', 'preferred_lft', 'peer', 'metric'].includes(a)) i++;
    else if (r.local === undefined) r.local = a;
  }
  return r;
}

function modify(
  p: Process,
  w: Where,
  netns: string,
  d: IpDialect,
  adding: boolean,
  args: readonly string[],
): ProcessResult {
  const r = parse(args);
  if (r.local === undefined)
    return failure(p.world, 'Not enough information: "local" argument is required.', 1);
  const addr = parsePrefix(r.local);
  if (!addr) return prefixExpected(p, r.local);
  if (r.dev === undefined) return failure(p.world, NO_DEV, 1);
  const link = findLink(w.host, netns, r.dev);
  if (!link) return noDevice(p, d, r.dev);
  if (!hasNetAdmin(w)) return rtnetlink(p, d, 'Operation not permitted');
  if (adding) {
    if (link.addresses.some((a) => a.ip === addr.ip && a.prefix === addr.prefix))
      return rtnetlink(p, d, 'File exists');
    let brd: string | null = null;
    if (r.brd === '+' && addr.prefix < 31) brd = broadcastOf(blockOf(addr.ip, addr.prefix));
    else if (r.brd !== undefined && isIpv4(r.brd)) brd = r.brd;
    const a: InetAddress = { ip: addr.ip, prefix: addr.prefix, brd };
    return change(p, (h) => addAddress(h, netns, link.ifindex, a));
  }
  // Without a prefix length the kernel deletes the first address with that IP, whatever its length.
  const found = link.addresses.find(
    (a) => a.ip === addr.ip && (!addr.given || a.prefix === addr.prefix),
  );
  if (!found) return rtnetlink(p, d, 'Cannot assign requested address');
  const res = change(p, (h) => removeAddresses(h, netns, link.ifindex, found.ip));
  if (addr.given || d !== 'iproute2') return res;
  return {
    ...res,
    stderr:
      'Warning: Executing wildcard deletion to stay compatible with old scripts.\n' +
      `         Explicitly specify the prefix length (${addr.ip}/32) to avoid this warning.\n` +
      '         This special behaviour is likely to disappear in further releases,\n' +
      '         fix your scripts!\n',
  };
}

function flush(
  p: Process,
  w: Where,
  netns: string,
  d: IpDialect,
  args: readonly string[],
): ProcessResult {
  const dev = args[0] === 'dev' ? args[1] : args[0];
  if (dev === undefined) return failure(p.world, 'Flush requires arguments.', 1);
  const link = findLink(w.host, netns, dev);
  if (!link) return failure(p.world, `Device "${dev}" does not exist.`, 1);
  if (link.addresses.length === 0) return output(p.world);
  if (!hasNetAdmin(w)) return rtnetlink(p, d, 'Operation not permitted');
  return change(p, (h) => removeAddresses(h, netns, link.ifindex));
}

/** Handles a changing `ip addr` command, or returns undefined when `cmd` is not one. */
export function ipAddressChange(
  p: Process,
  w: Where,
  netns: string,
  d: IpDialect,
  cmd: string,
  args: readonly string[],
): ProcessResult | undefined {
  if (matches(cmd, 'add')) return modify(p, w, netns, d, true, args);
  if (matches(cmd, 'delete') || cmd === 'del') return modify(p, w, netns, d, false, args);
  if (matches(cmd, 'flush')) return flush(p, w, netns, d, args);
  return undefined;
}
