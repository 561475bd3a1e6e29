/**
 * Name lookups as a learner types them. `nslookup` asks the nameserver of /etc/resolv.conf
 * directly (never /etc/hosts): Docker's embedded DNS 127.0.0.11 on user-defined networks, the
 * host's resolvers elsewhere. Two formats: busybox's (busybox and alpine images; `Address:` with
 * `:53`, an A and an AAAA query — containers have no IPv6 records, so the second finds nothing) and
 * bind-utils' on the CentOS host (`#53`). `getent hosts` is glibc's lookup (`hosts: files dns`):
 * /etc/hosts first, printed as `%-15s %s` with the aliases after; not found is exit status 2.
 */
import { isIpv4 } from '../net/ipv4';
import { resolveForTool, reverseForTool, type Asker } from '../packet/resolve';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { parseResolvConf, renderResolvConf } from './resolv-conf';
import { donorOf, isBusybox, whereIs } from './place';

function askerOf(p: Process): Asker {
  const w = whereIs(p);
  return { host: p.place.host, ...(w.container ? { container: w.container } : {}) };
}

/** The first nameserver the asker's /etc/resolv.conf lists. */
function nameserverOf(p: Process): string | undefined {
  const w = whereIs(p);
  const c = w.container ? (donorOf(w.host, w.container) ?? w.container) : undefined;
  const text = c ? renderResolvConf(w.host, c) : (w.host.files['/etc/resolv.conf'] ?? '');
  return parseResolvConf(text).nameservers[0];
}

const arpa = (ip: string) => `${ip.split('.').reverse().join('.')}.in-addr.arpa`;

export function nslookup(p: Process): ProcessResult {
  const busybox = isBusybox(whereIs(p).userland);
  const name = p.argv.slice(1).find((a) => !a.startsWith('-'));
  if (!name)
    return busybox
      ? failure(
          p.world,
          'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]',
          1,
        )
      : failure(p.world, 'Usage: nslookup [HOST [SERVER]]', 1);
  const asker = askerOf(p);
  const looked = resolveForTool(p.world, asker, name, { dnsOnly: true });
  const world = looked.world;
  const trace = looked.event
    ? ({ events: [looked.event], verdict: looked.resolution.ok ? 'delivered' : 'dropped' } as const)
    : undefined;
  const done = (r: ProcessResult): ProcessResult => (trace ? { ...r, trace } : r);
  // The server nslookup asked: resolv.conf's first (127.0.0.11 forwards what it does not know).
  const server =
    nameserverOf(p) ??
    (looked.event?.kind === 'name-lookup' ? looked.event.server : undefined) ??
    '127.0.0.1';
  if (!looked.resolution.ok && looked.resolution.error === 'temporary') {
    const text = ';; connection timed out; no servers could be reached\n\n';
    return done(busybox ? output(world, '', text, 1) : output(world, text, '', 1));
  }
  const head = busybox
    ? `Server:\t\t${server}\nAddress:\t${server}:53\n\n`
    : `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  if (isIpv4(name)) {
    const ptr = reverseForTool(world, asker, name);
    if (!ptr)
      return done(output(world, `${head}** server can't find ${arpa(name)}: NXDOMAIN\n\n`, '', 1));
    const dot = busybox ? '' : '.';
    return done(output(world, `${head}${arpa(name)}\tname = ${ptr}${dot}\n\n`, '', 0));
  }
  if (!looked.resolution.ok) {
    const nx = `** server can't find ${name}: NXDOMAIN\n\n`;
    return done(output(world, head + nx + (busybox ? nx : ''), '', 1));
  }
  const { ip, canonical } = looked.resolution;
  const cname =
    canonical.toLowerCase() !== name.toLowerCase()
      ? `${name}\tcanonical name = ${canonical}${busybox ? '' : '.'}\n`
      : '';
  const answer = `Non-authoritative answer:\n${cname}Name:\t${canonical}\nAddress: ${ip}\n\n`;
  const aaaa = busybox ? `*** Can't find ${name}: No answer\n\n` : '';
  return done(output(world, head + answer + aaaa, '', 0));
}

export function getent(p: Process): ProcessResult {
  const [, db, ...keys] = p.argv;
  if (!db)
    return failure(
      p.world,
      "Usage: getent [OPTION...] database [key ...]\nTry `getent --help' or `getent --usage' for more information.",
      1,
    );
  if (db !== 'hosts' && db !== 'ahosts')
    return failure(
      p.world,
      `Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.`,
      1,
    );
  const asker = askerOf(p);
  let world = p.world;
  let stdout = '';
  let code = 0;
  let last;
  for (const key of keys) {
    const looked = resolveForTool(world, asker, key);
    world = looked.world;
    last = looked.event;
    if (!looked.resolution.ok) {
      code = 2;
      continue;
    }
    const { ip, canonical } = looked.resolution;
    const line = looked.event?.kind === 'name-lookup' ? looked.event.hostsLine : undefined;
    const names = line
      ? line.replace(/#.*/, '').trim().split(/\s+/).slice(1)
      : canonical !== key
        ? [canonical, key]
        : [key];
    stdout += `${ip.padEnd(15)} ${names.join(' ')}\n`;
  }
  const r = output(world, stdout, '', code);
  return last ? { ...r, trace: { events: [last], verdict: code ? 'dropped' : 'delivered' } } : r;
}
