/**
 * `lab add-host NAME` (design.md contract 4): another Docker 27.5 host boots on the LAN, with its
 * own kernel, iptables and daemon — and its own docker0 at 172.17.0.1/16, the same subnet as
 * every other host's, which is the problem flannel-style routing solves. Its eth0 takes the next
 * address from 10.0.2.16 that nothing on the LAN holds. Like a lab's provisioning script
 * (vagrant-hostmanager), every host's /etc/hosts then lists every lab host, so `ssh NAME` and
 * `ping NAME` find it.
 */
import type { Host, Ipv4, World } from '../model';
import { blockContains, cidrBlock, intToIp, ipToInt } from '../net/ipv4';
import { OUTSIDE_HOSTS } from '../packet/outside';
import { LAN_CLIENT_HOSTNAME } from '../packet/lan';
import type { Ctx } from '../shell/process';
import { bootHost, FIRST_HOST_MAC } from '../world';

/** Where the added hosts start (10.0.2.15 is the first host). */
export const FIRST_ADDED = '10.0.2.16';

/** RFC 1123 host name label: letters, digits and hyphens, no hyphen at either end. */
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function eth0Address(h: Host): Ipv4 | undefined {
  return h.netns.get('host')?.links.find((l) => l.name === 'eth0')?.addresses[0]?.ip;
}

/** Every address something on the LAN holds: hosts' own, the gateway, the LAN client. */
function usedAddresses(world: World): Set<Ipv4> {
  const used = new Set<Ipv4>([world.lan.gateway]);
  for (const o of OUTSIDE_HOSTS) if (o.lan) used.add(o.ip);
  for (const h of Object.values(world.hosts))
    for (const l of h.netns.get('host')?.links ?? []) for (const a of l.addresses) used.add(a.ip);
  return used;
}

export function nextFreeAddress(world: World): Ipv4 | undefined {
  const lan = cidrBlock(world.lan.subnet);
  const used = usedAddresses(world);
  // The block's last address is its broadcast.
  for (let n = ipToInt(FIRST_ADDED); blockContains(lan, intToIp(n + 1)); n++)
    if (!used.has(intToIp(n))) return intToIp(n);
  return undefined;
}

/** The name the UI's "Add host" proposes: host2, host3, … the first one not on the LAN yet. */
export function nextHostName(world: World): string {
  let n = 2;
  while (world.hosts[`host${n}`]) n++;
  return `host${n}`;
}

/** QEMU gives each guest NIC 52:54:00:12:34:56 unless told; the lab numbers them by address. */
function macFor(ip: Ipv4): string {
  const n = ipToInt(ip) - ipToInt('10.0.2.15');
  const last = (parseInt(FIRST_HOST_MAC.slice(-2), 16) + n) & 0xff;
  return `${FIRST_HOST_MAC.slice(0, -2)}${last.toString(16).padStart(2, '0')}`;
}

export type AddHost =
  | { readonly ok: true; readonly world: World; readonly ip: Ipv4 }
  | { readonly ok: false; readonly error: string };

function withLabHosts(h: Host, lines: string): Host {
  const hosts = h.files['/etc/hosts'] ?? '';
  const kept = hosts
    .split('\n')
    .filter((l) => l !== '' && !l.endsWith('# lab host'))
    .join('\n');
  return { ...h, files: { ...h.files, '/etc/hosts': `${kept}\n${lines}` } };
}

export function addHost(world: World, name: string, ctx: Ctx): AddHost {
  if (!HOSTNAME.test(name))
    return {
      ok: false,
      error: `lab add-host: invalid host name "${name}": use letters, digits and hyphens (at most 63), not starting or ending with a hyphen`,
    };
  const taken = [...Object.keys(world.hosts), LAN_CLIENT_HOSTNAME].some(
    (n) => n.toLowerCase() === name.toLowerCase(),
  );
  if (taken)
    return { ok: false, error: `lab add-host: a host named "${name}" is already on the LAN` };
  const ip = nextFreeAddress(world);
  if (!ip) return { ok: false, error: `lab add-host: no free address left on ${world.lan.subnet}` };
  const all: Record<string, Host> = { ...world.hosts, [name]: bootHost(name, ip, macFor(ip), ctx) };
  const lines = Object.values(all)
    .map((h) => `${eth0Address(h) ?? ''}   ${h.hostname}   # lab host\n`)
    .join('');
  const hosts = Object.fromEntries(
    Object.entries(all).map(([n, h]) => [n, withLabHosts(h, lines)]),
  );
  return { ok: true, world: { ...world, hosts }, ip };
}
