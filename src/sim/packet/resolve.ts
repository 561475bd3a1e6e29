/**
 * Name resolution as glibc does it for a tool in a container or on the host (`hosts: files dns`):
 * /etc/hosts first (localhost, `--link` lines, the container's own entries), then the nameserver
 * in /etc/resolv.conf — Docker's embedded DNS 127.0.0.11 on user-defined networks (records only
 * from shared networks, other names forwarded), or the host's resolvers on the default bridge and
 * on the host. Queries to an upstream resolver are real packets walked through the model, so a
 * container with no way out gets `Temporary failure in name resolution`.
 */
import type { Container, Host, Ipv4, World } from '../model';
import { resolveName, reverseName } from '../net/dns';
import { isIpv4 } from '../net/ipv4';
import { renderHostsFile } from '../linux/hosts-file';
import { donorOf, netnsOfContainer } from '../linux/place';
import { externalServers, parseResolvConf, renderResolvConf } from '../linux/resolv-conf';
import { hostOf } from '../world';
import { publicDnsAnswer, publicPtr } from './outside';
import type { TraceEvent } from './trace';
import { sendInWorld } from './walk';

export interface Asker {
  readonly host: string;
  /** The container asking; absent for the host itself. */
  readonly container?: Container;
}

export type Resolution =
  | {
      readonly ok: true;
      readonly ip: Ipv4;
      /** getaddrinfo's canonical name (the hosts line's first name, or the CNAME target). */
      readonly canonical: string;
      readonly numeric: boolean;
    }
  | { readonly ok: false; readonly error: 'not-found' | 'temporary' };

const EMBEDDED_DNS = '127.0.0.11';

/** The `/etc/hosts` the asker reads. */
export function hostsFileOf(h: Host, c?: Container): string {
  return c ? renderHostsFile(h, c) : (h.files['/etc/hosts'] ?? '');
}

function hostsLines(text: string): { line: string; ip: string; names: string[] }[] {
  return text.split('\n').flatMap((line) => {
    const [ip = '', ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    return isIpv4(ip) && names.length ? [{ line, ip, names }] : [];
  });
}

/** A DNS query packet: IP+UDP headers, DNS header, the name and the question's type/class. */
const queryBytes = (name: string) => 20 + 8 + 12 + name.length + 2 + 4;

function networkNote(h: Host, c: Container | undefined): string {
  if (!c) return 'the host asks its own resolvers';
  const onDefault = c.endpoints.some(
    (e) => h.docker.networks.get(e.networkId)?.bridge === 'docker0',
  );
  return onDefault
    ? 'docker0 has no embedded DNS; only --link adds /etc/hosts lines'
    : `${c.name} is on no user-defined network, so there is no embedded DNS`;
}

/** Asks upstream resolvers in order from the asker's namespace; the first that answers decides. */
function askUpstream(
  world: World,
  asker: Asker,
  netns: string | undefined,
  servers: readonly string[],
  name: string,
): {
  world: World;
  answer?: Ipv4;
  canonical?: string;
  server?: Ipv4;
  reached: boolean;
  query: TraceEvent[];
} {
  let w = world;
  let query: TraceEvent[] = [];
  for (const server of servers) {
    if (!netns) break;
    // glibc sends the A and AAAA questions from one socket: one flow, two packets each way.
    const r = sendInWorld(
      w,
      asker.host,
      netns,
      { proto: 'udp', dst: server, dport: 53, bytes: queryBytes(name) },
      { count: 2 },
    );
    w = r.world;
    if (query.length === 0) query = [...r.trace.events];
    if (r.outcomes[0]?.kind !== 'reply' || !r.outcomes[0].outside?.resolver) continue;
    const a = publicDnsAnswer(name);
    return {
      world: w,
      reached: true,
      server,
      query: [...r.trace.events],
      ...(a ? { answer: a.ip, canonical: a.canonical } : {}),
    };
  }
  return { world: w, reached: false, query };
}

/** Resolves `name` for `asker`, returning the lookup event for the trace. */
export function resolveForTool(
  world: World,
  asker: Asker,
  name: string,
  /** `dnsOnly`: skip /etc/hosts, as nslookup does (it asks the nameserver directly). */
  opts: { readonly dnsOnly?: boolean } = {},
): { world: World; resolution: Resolution; event?: TraceEvent } {
  if (isIpv4(name))
    return { world, resolution: { ok: true, ip: name, canonical: name, numeric: true } };
  const h = hostOf(world, asker.host);
  const c = asker.container ? (donorOf(h, asker.container) ?? asker.container) : undefined;
  const wanted = name.toLowerCase();
  const base = { kind: 'name-lookup' as const, direction: 'request' as const, name };
  const hit = hostsLines(opts.dnsOnly ? '' : hostsFileOf(h, asker.container)).find((l) =>
    l.names.some((n) => n.toLowerCase() === wanted),
  );
  if (hit) {
    const event: TraceEvent = {
      ...base,
      source: 'hosts-file',
      reason: 'hosts-file-line',
      answer: hit.ip,
      hostsLine: hit.line,
      explanation: `/etc/hosts: ${hit.line.replace(/\t/g, ' ')}`,
    };
    return {
      world,
      resolution: { ok: true, ip: hit.ip, canonical: hit.names[0], numeric: false },
      event,
    };
  }
  const netns = c ? netnsOfContainer(c) : 'host';
  const nameservers = parseResolvConf(
    c ? renderResolvConf(h, c) : (h.files['/etc/resolv.conf'] ?? ''),
  ).nameservers;
  if (c && nameservers[0] === EMBEDDED_DNS) {
    const answer = resolveName(h, c, name);
    if (answer.kind === 'record') {
      const event: TraceEvent = {
        ...base,
        source: 'embedded-dns',
        reason: 'embedded-dns-record',
        server: EMBEDDED_DNS,
        answer: answer.ip,
        record: { container: answer.container, network: answer.network, match: answer.match },
        explanation: `embedded DNS ${EMBEDDED_DNS}: ${name} is ${answer.container} on ${answer.network} (${answer.ip})`,
      };
      return {
        world,
        resolution: { ok: true, ip: answer.ip, canonical: name, numeric: false },
        event,
      };
    }
  }
  const embedded = c !== undefined && nameservers[0] === EMBEDDED_DNS;
  const servers = embedded ? externalServers(h, c) : nameservers.filter(isIpv4);
  const up = askUpstream(world, asker, netns, servers, name);
  const prefix = embedded
    ? `embedded DNS ${EMBEDDED_DNS} knows no container ${name} on ${c.name}'s networks and forwarded it`
    : networkNote(h, c);
  if (up.answer) {
    const event: TraceEvent = {
      ...base,
      source: 'host-resolver',
      reason: 'public-dns-record',
      server: up.server!,
      answer: up.answer,
      explanation: `${up.server} answered ${name} → ${up.answer}`,
      query: up.query,
    };
    return {
      world: up.world,
      resolution: { ok: true, ip: up.answer, canonical: up.canonical ?? name, numeric: false },
      event,
    };
  }
  const tail = up.reached
    ? `${up.server} answered NXDOMAIN for ${name}`
    : `no resolver (${servers.join(', ') || 'none configured'}) could be reached`;
  const event: TraceEvent = {
    ...base,
    source: 'none',
    reason: up.reached ? 'nxdomain' : 'dns-unreachable',
    ...(up.server ? { server: up.server } : {}),
    explanation: `${name} is not in /etc/hosts; ${prefix}; ${tail}`,
    query: up.query,
  };
  return {
    world: up.world,
    resolution: { ok: false, error: up.reached ? 'not-found' : 'temporary' },
    event,
  };
}

/** getnameinfo for a reply's source: /etc/hosts, then the embedded DNS PTR, then public PTRs. */
export function reverseForTool(world: World, asker: Asker, ip: Ipv4): string | undefined {
  const h = hostOf(world, asker.host);
  const line = hostsLines(hostsFileOf(h, asker.container)).find((l) => l.ip === ip);
  if (line) return line.names[0];
  const c = asker.container ? (donorOf(h, asker.container) ?? asker.container) : undefined;
  if (c) {
    const ptr = reverseName(h, c, ip);
    if (ptr) return ptr;
  }
  return publicPtr(ip);
}
