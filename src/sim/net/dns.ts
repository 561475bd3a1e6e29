/**
 * Docker's embedded DNS server (127.0.0.11), as libnetwork answers it: only on user-defined
 * networks, and only with containers that share one of those networks with the asker. Names are
 * the container's DNS names on that network (name, aliases, short id, hostname) plus the asker's
 * own `--link` aliases there; reverse lookups answer `<first DNS name>.<network>`. Anything else
 * goes to the host's resolvers. The default bridge has no embedded DNS at all: there, only
 * /etc/hosts (written by --link) knows other containers.
 */
import type { Container, Endpoint, Host, Ipv4, Network } from '../model';

/** v25+ buildEndpointDNSNames: name, aliases, short id, hostname — without duplicates. */
export function dnsNames(c: Container, e: Endpoint): string[] {
  const names = [c.name, ...e.aliases, c.id.slice(0, 12), c.config.hostname].filter((n) => n);
  return [...new Set(names)];
}

/** How a record matched, for the trace that explains a lookup. */
export type DnsMatch = 'name' | 'alias' | 'short-id' | 'hostname' | 'link-alias';

export type DnsAnswer =
  /** The embedded server knew the name. */
  | {
      readonly kind: 'record';
      readonly ip: Ipv4;
      readonly network: string;
      readonly container: string;
      readonly match: DnsMatch;
    }
  /** The embedded server did not know it and forwards it to the host's resolvers. */
  | { readonly kind: 'forwarded' }
  /** The asker is on no user-defined network: no 127.0.0.11, its resolv.conf points outside. */
  | { readonly kind: 'no-embedded-dns' };

/** The asker's user-defined networks in the order libnetwork searches them (its gateway order). */
function userNetworksOf(h: Host, c: Container): { n: Network; e: Endpoint }[] {
  return c.endpoints
    .filter((e) => e.joined)
    .map((e) => ({ e, n: h.docker.networks.get(e.networkId) }))
    .filter(
      // Every user-defined network has it, bridge, macvlan or ipvlan alike.
      (x): x is { e: Endpoint; n: Network } => !!x.n && !x.n.predefined,
    )
    .sort(
      (a, b) =>
        Number(a.n.internal) - Number(b.n.internal) ||
        (a.n.name < b.n.name ? -1 : a.n.name > b.n.name ? 1 : 0),
    );
}

function matchOf(c: Container, e: Endpoint, name: string): DnsMatch | undefined {
  if (c.name === name) return 'name';
  if (e.aliases.includes(name)) return 'alias';
  if (c.id.slice(0, 12) === name) return 'short-id';
  if (c.config.hostname === name) return 'hostname';
  return undefined;
}

/**
 * The (name, network) pairs libnetwork tries for `a.b.c`, in its order (sandbox ResolveName):
 * `a.b.c` on every network, then `a.b` on network `c`, then `a` on network `b.c`.
 */
function candidates(wanted: string): { name: string; network?: string }[] {
  const out: { name: string; network?: string }[] = [{ name: wanted }];
  for (let i = wanted.lastIndexOf('.'); i > 0; i = wanted.lastIndexOf('.', i - 1))
    out.push({ name: wanted.slice(0, i), network: wanted.slice(i + 1) });
  return out;
}

/** Resolves `name` (case-insensitively, as DNS does) for a query sent by `asker`. */
export function resolveName(h: Host, asker: Container, name: string): DnsAnswer {
  const networks = userNetworksOf(h, asker);
  if (networks.length === 0) return { kind: 'no-embedded-dns' };
  for (const { name: wanted, network } of candidates(name.toLowerCase().replace(/\.$/, ''))) {
    const onNetwork = networks.filter((x) => !network || x.n.name.toLowerCase() === network);
    const answer = resolveOn(h, onNetwork, wanted);
    if (answer) return answer;
  }
  return { kind: 'forwarded' };
}

function resolveOn(
  h: Host,
  networks: readonly { n: Network; e: Endpoint }[],
  wanted: string,
): DnsAnswer | undefined {
  for (const { n, e: own } of networks) {
    // `--link web:db` on a user network makes `db` an alias of web for this container only.
    const link = own.links
      .map((l) => l.split(':'))
      .find(([, alias]) => alias?.toLowerCase() === wanted);
    for (const c of h.docker.containers.values()) {
      const ep = c.endpoints.find((x) => x.networkId === n.id && x.joined?.ip);
      if (!ep?.joined) continue;
      const match = link && link[0] === c.name ? 'link-alias' : matchOf(c, ep, wanted);
      if (match)
        return { kind: 'record', ip: ep.joined.ip, network: n.name, container: c.name, match };
    }
    // An overlay also knows the other nodes' containers: their records came by gossip.
    for (const r of n.overlay?.remote ?? []) {
      const i = r.names.findIndex((x) => x.toLowerCase() === wanted);
      if (i >= 0)
        return {
          kind: 'record',
          ip: r.ip,
          network: n.name,
          container: r.names[0],
          match: i === 0 ? 'name' : 'alias',
        };
    }
  }
  return undefined;
}

/** PTR for `ip` as seen by `asker`: `<first DNS name>.<network>`, or undefined (forwarded). */
export function reverseName(h: Host, asker: Container, ip: Ipv4): string | undefined {
  for (const { n } of userNetworksOf(h, asker))
    for (const c of h.docker.containers.values()) {
      const ep = c.endpoints.find((x) => x.networkId === n.id && x.joined?.ip === ip);
      if (ep) return `${dnsNames(c, ep)[0]}.${n.name}`;
    }
  for (const { n } of userNetworksOf(h, asker)) {
    // A node's load balancer has no name to give.
    const r = n.overlay?.remote.find((x) => x.ip === ip && x.names.length);
    if (r) return `${r.names[0]}.${n.name}`;
  }
  return undefined;
}
