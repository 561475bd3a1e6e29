/**
 * A container's /etc/hosts as Docker v27 writes it (moby libnetwork/etchosts, sandbox_dns_unix.go):
 * TAB-separated records — localhost, the IPv6 defaults, `--add-host` entries, legacy `--link`
 * entries, then one own line per joined network, in join order. `--network host` gets a copy of
 * the host's file (unless `--add-host` is given); `container:<x>` shares x's file.
 */
import type { Container, Host } from '../model';
import { donorOf } from './place';

const DEFAULTS = [
  '127.0.0.1\tlocalhost',
  '::1\tlocalhost ip6-localhost ip6-loopback',
  'fe00::0\tip6-localnet',
  'ff00::0\tip6-mcastprefix',
  'ff02::1\tip6-allnodes',
  'ff02::2\tip6-allrouters',
];

/** `name:ip` (or `name=ip`); `host-gateway` means the default bridge's gateway address. */
function extraHostLine(h: Host, entry: string): string | undefined {
  const sep = entry.search(/[:=]/);
  if (sep < 0) return undefined;
  const name = entry.slice(0, sep);
  let ip = entry.slice(sep + 1).replace(/^\[(.*)\]$/, '$1');
  if (ip === 'host-gateway') ip = h.docker.bridgeConfig.bip.split('/')[0] ?? ip;
  return `${ip}\t${name}`;
}

/** `h.d h` with a domain name, else just `h` (etchosts Record for the container's own IP). */
export function ownHostNames(c: Container): string {
  const { hostname, domainname } = c.config;
  return domainname ? `${hostname}.${domainname} ${hostname}` : hostname;
}

export function renderHostsFile(h: Host, c: Container): string {
  const donor = donorOf(h, c);
  if (donor) return renderHostsFile(h, donor);
  const extra = c.hostConfig.extraHosts.flatMap((e) => extraHostLine(h, e) ?? []);
  if (c.hostConfig.networkMode === 'host' && extra.length === 0) return h.files['/etc/hosts'] ?? '';
  const lines = [...DEFAULTS, ...extra];
  for (const e of c.linkHosts) lines.push(`${e.ip}\t${e.names.join(' ')}`);
  for (const ep of c.endpoints)
    if (ep.joined?.ip) lines.push(`${ep.joined.ip}\t${ownHostNames(c)}`);
  return lines.map((l) => `${l}\n`).join('');
}
