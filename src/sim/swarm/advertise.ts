/**
 * The address a node advertises to the swarm (moby daemon/cluster/listen_addr.go): an interface
 * name stands for its only address, an IP is taken as it is, and without `--advertise-addr` the
 * system's address is the one global address of its physical devices (resolveSystemAddr on
 * Linux: bridges and veths are not "device" links).
 */
import type { Host, Ipv4 } from '../model';
import { isIpv4 } from '../net/ipv4';
import { err, ok, type Result } from '../result';

export const SWARM_PORT = 2377;

const ADVERTISE_HINT = ' - specify one with --advertise-addr';

const globalV4 = (ip: Ipv4) => !ip.startsWith('127.') && !ip.startsWith('169.254.');

/** `--advertise-addr` (an interface, an IP, either with an optional `:port`) or the system's. */
export function resolveAdvertise(h: Host, given: string | undefined): Result<Ipv4> {
  const links = h.netns.get('host')?.links ?? [];
  if (given === undefined || given === '') {
    const found: { name: string; ip: Ipv4 }[] = [];
    for (const l of links) {
      if (l.kind !== 'ether' || !l.up) continue;
      const v4 = l.addresses.map((a) => a.ip).filter(globalV4);
      if (v4.length > 1) return err(multiple(l.name, l.name, v4[0], v4[1]) + ADVERTISE_HINT);
      if (v4.length === 1) found.push({ name: l.name, ip: v4[0] });
    }
    if (found.length > 1)
      return err(multiple(found[0].name, found[1].name, found[0].ip, found[1].ip) + ADVERTISE_HINT);
    return found.length
      ? ok(found[0].ip)
      : err(`could not find the system's IP address${ADVERTISE_HINT}`);
  }
  const m = /^(.*?)(?::\d+)?$/.exec(given);
  const hostPart = m?.[1] ?? given;
  const link = links.find((l) => l.name === hostPart);
  if (link) {
    const v4 = link.addresses.map((a) => a.ip);
    if (v4.length > 1)
      return err(`interface ${link.name} has more than one IPv4 address (${v4[0]} and ${v4[1]})`);
    if (v4.length === 0) return err(`interface ${link.name} has no usable IPv4 or IPv6 address`);
    return ok(v4[0]);
  }
  if (isIpv4(hostPart) && hostPart !== '0.0.0.0') return ok(hostPart);
  return err(
    'advertise address must be a non-zero IP address or network interface (with optional port number)',
  );
}

function multiple(ifA: string, ifB: string, a: Ipv4, b: Ipv4): string {
  return ifA === ifB
    ? `could not choose an IP address to advertise since this system has multiple addresses on interface ${ifA} (${a} and ${b})`
    : `could not choose an IP address to advertise since this system has multiple addresses on different interfaces (${a} on ${ifA} and ${b} on ${ifB})`;
}
