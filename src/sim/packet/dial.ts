/**
 * A TCP client's connect() to HOST PORT, as telnet and nc make it: resolve the name from the
 * client's place (resolve.ts), then connect through the packet walker (tcp.ts), each address in
 * the order getaddrinfo gives it. glibc's clients that ask for any family (`AF_UNSPEC`: inetutils
 * and RHEL telnet, netcat-openbsd) get `::1` before `127.0.0.1` for a name /etc/hosts maps to both
 * (RFC 6724 precedence), and try the next address when one fails; busybox prefers IPv4
 * (FEATURE_PREFER_IPV4_ADDRESS). The walker is IPv4-only, so `::1` is decided here: on the
 * loopback nothing filters, and a listener bound to `::` takes the connection.
 */
import { whereIs } from '../linux/place';
import type { World } from '../model';
import { listeningSockets, type Listener } from '../net/sockets';
import type { Process } from '../shell/process';
import { hostOf } from '../world';
import { hostsFileOf, resolveForTool, type Asker } from './resolve';
import { connectTcp, type ConnectFailure } from './tcp';
import type { Trace, TraceEvent } from './trace';

/** strerror() of each way a connect() fails, as the clients print it. */
export const CONNECT_ERRNO: Readonly<Record<ConnectFailure, string>> = {
  refused: 'Connection refused',
  timeout: 'Connection timed out',
  unreachable: 'Network is unreachable',
  'host-unreachable': 'No route to host',
};

export interface Attempt {
  readonly address: string;
  readonly failure?: ConnectFailure;
  /** A docker-proxy accepted, then could not reach its container (it resets the client). */
  readonly proxyFailed?: boolean;
  /** Who answers once connected: the server behind a docker-proxy, or the socket reached. */
  readonly server?: Listener;
}

export type Dial =
  | {
      readonly kind: 'no-address';
      readonly error: 'not-found' | 'temporary';
      readonly world: World;
      readonly trace: Trace;
    }
  | {
      readonly kind: 'dialed';
      /** Every address tried, in order; the last one is the outcome. */
      readonly attempts: readonly Attempt[];
      readonly world: World;
      readonly trace: Trace;
    };

/** Whether the client's /etc/hosts also gives `name` the IPv6 loopback address. */
function hasLoopback6(p: Process, name: string): boolean {
  const w = whereIs(p);
  return hostsFileOf(w.host, w.container)
    .split('\n')
    .some((line) => {
      const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
      return ip === '::1' && names.includes(name);
    });
}

/** connect() to [::1]:port inside `netns`, following a docker-proxy to its container. */
function loopback6(world: World, hostName: string, netns: string, port: number) {
  const listener = listeningSockets(hostOf(world, hostName)).find(
    (l) =>
      l.netns === netns &&
      l.port === port &&
      l.family === 6 &&
      (l.addr === '::' || l.addr === '::1'),
  );
  if (!listener)
    return { world, events: [], attempt: { address: '::1', failure: 'refused' as const } };
  if (listener.service !== 'docker-proxy' || !listener.forward)
    return { world, events: [], attempt: { address: '::1', server: listener } };
  const leg = connectTcp(
    world,
    hostName,
    'host',
    listener.forward.ip,
    listener.forward.port,
    'docker-proxy',
  );
  const attempt: Attempt = leg.ok
    ? { address: '::1', server: leg.server }
    : { address: '::1', failure: leg.failure, proxyFailed: true };
  return { world: leg.world, events: leg.trace.events, attempt };
}

/** Dials `host`:`port` from the process's place; `client` names the tool in the trace. */
export function dialTcp(
  p: Process,
  host: string,
  port: number,
  client: string,
  anyFamily: boolean,
): Dial {
  const where = whereIs(p);
  const asker: Asker = {
    host: p.place.host,
    ...(where.container ? { container: where.container } : {}),
  };
  const looked = resolveForTool(p.world, asker, host);
  const events: TraceEvent[] = looked.event ? [looked.event] : [];
  if (!looked.resolution.ok)
    return {
      kind: 'no-address',
      error: looked.resolution.error,
      world: looked.world,
      trace: { events, verdict: 'dropped' },
    };
  const attempts: Attempt[] = [];
  let world = looked.world;
  const netns = where.netns;
  const done = (): Dial => ({
    kind: 'dialed',
    attempts,
    world,
    trace: { events, verdict: attempts.at(-1)?.failure ? 'dropped' : 'delivered' },
  });
  if (!netns) {
    attempts.push({ address: looked.resolution.ip, failure: 'unreachable' });
    return done();
  }
  if (anyFamily && hasLoopback6(p, host)) {
    const six = loopback6(world, p.place.host, netns, port);
    world = six.world;
    events.push(...six.events);
    attempts.push(six.attempt);
    if (!six.attempt.failure) return done();
  }
  const conn = connectTcp(world, p.place.host, netns, looked.resolution.ip, port, client);
  world = conn.world;
  events.push(...conn.trace.events);
  attempts.push(
    conn.ok
      ? { address: looked.resolution.ip, server: conn.server }
      : {
          address: looked.resolution.ip,
          failure: conn.failure,
          ...(conn.proxyFailed ? { proxyFailed: true } : {}),
        },
  );
  return done();
}
