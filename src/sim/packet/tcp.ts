/**
 * A TCP connect() as the packet walker sees it: the SYN walks from the client's namespace through
 * routing, DNAT and filtering to wherever it is delivered, and the SYN-ACK (or RST) walks back.
 * Whether a socket listens there decides between a connection and `Connection refused`; a SYN or
 * answer that dies on the way is a timeout. A docker-proxy that accepts (a published port reached
 * through 127.0.0.1, or from a container on docker0, whose hairpin skips the DNAT rule) opens a
 * second connection from the host to the container, walked the same way.
 *
 * Only the handshake is walked (one SYN and its answer): the rule counters move by those packets.
 */
import type { Ipv4, World } from '../model';
import { findListener, type Listener } from '../net/sockets';
import { hostOf } from '../world';
import { outsideHostAt } from './outside';
import type { Trace, TraceEvent } from './trace';
import type { Receiver } from './trace-facts';
import { onHost } from './lab-lan';
import { sendInWorld } from './walk';

export type ConnectFailure = 'refused' | 'timeout' | 'unreachable' | 'host-unreachable';

export type Connection =
  | {
      readonly ok: true;
      readonly world: World;
      readonly trace: Trace;
      /** The socket the client reached (a docker-proxy, or the server itself). */
      readonly accepted: Listener;
      /** Who finally answers: the server behind a docker-proxy, or `accepted` itself. */
      readonly server: Listener;
      /** The lab host the server runs on (another host's, across the LAN, or the client's own). */
      readonly serverHost: string;
      /** The client's address as the server sees it (docker-proxy's own for a proxied one). */
      readonly peer: Ipv4;
    }
  | {
      readonly ok: false;
      readonly world: World;
      readonly trace: Trace;
      readonly failure: ConnectFailure;
      /** A docker-proxy accepted, then could not reach its container (it resets the client). */
      readonly proxyFailed?: boolean;
    };

/** An IPv4+TCP SYN with the options Linux sends (MSS, SACK, timestamps, window scale). */
const SYN_BYTES = 60;

/** The socket that took the SYN. */
const listening = (l: Listener): Receiver => ({
  kind: 'listener',
  comm: l.comm,
  pid: l.pid,
  address: `${l.family === 6 ? `[${l.addr}]` : l.addr}:${l.port}`,
});

/** Names who received each packet: the server's socket, or the client that gets the answer. */
function relabel(events: readonly TraceEvent[], server: Receiver, client: Receiver): TraceEvent[] {
  return events.map((e) =>
    e.kind === 'delivered' ? { ...e, process: e.direction === 'request' ? server : client } : e,
  );
}

function attempt(
  world: World,
  hostName: string,
  netns: string,
  dst: Ipv4,
  port: number,
  client: string,
): Connection {
  const sent = sendInWorld(world, hostName, netns, {
    proto: 'tcp',
    dst,
    dport: port,
    bytes: SYN_BYTES,
  });
  const o = sent.outcomes[0];
  const events = sent.trace.events;
  const fail = (failure: ConnectFailure, evs: readonly TraceEvent[] = events): Connection => ({
    ok: false,
    world: sent.world,
    trace: { events: evs, verdict: 'dropped' },
    failure,
  });
  if (!o || o.kind === 'unreachable') return fail('unreachable');
  if (o.kind === 'host-unreachable') return fail('host-unreachable');
  const arrived = events.find((e) => e.kind === 'delivered' && e.direction === 'request');
  if (o.kind === 'lost' || arrived?.kind !== 'delivered') return fail('timeout');
  // The port the SYN finally asked for: DNAT may have rewritten it (8080 -> 80).
  // Across the LAN the DNAT is bound in the far host's table: every host's flows are searched.
  const flow = sent.flows.find((f) => f.orig.dst === dst && f.dnat);
  const dport = flow?.dnat?.port ?? port;
  const serverHost = arrived.host ?? hostName;
  const h = hostOf(sent.world, serverHost);
  const listener =
    arrived.netns === 'outside'
      ? publicListener(arrived.address, dport)
      : findListener(h, arrived.netns, arrived.address, dport);
  if (!listener) {
    const rst: Receiver = { kind: 'reset', address: arrived.address, port: dport };
    return fail('refused', relabel(events, rst, { kind: 'refused', client }));
  }
  const labelled = relabel(events, listening(listener), { kind: 'program', name: client });
  return {
    ok: true,
    world: sent.world,
    trace: { events: labelled, verdict: 'delivered' },
    accepted: listener,
    server: listener,
    serverHost,
    peer: o.peer ?? '',
  };
}

/** A public web site's socket on the internet: ports 80 and 443 of a `web` outside host. */
function publicListener(address: Ipv4, port: number): Listener | undefined {
  if (!outsideHostAt(address)?.web || (port !== 80 && port !== 443)) return undefined;
  return {
    netns: 'outside',
    family: 4,
    addr: address,
    port,
    backlog: 511,
    service: 'web-site',
    pid: 0,
    cmdline: 'web-site',
    comm: 'web-site',
  };
}

/** connect() from `netns` to `dst:port`, following a docker-proxy to the container behind it. */
export function connectTcp(
  world: World,
  hostName: string,
  netns: string,
  dst: Ipv4,
  port: number,
  client: string,
): Connection {
  const first = attempt(world, hostName, netns, dst, port, client);
  if (!first.ok || first.accepted.service !== 'docker-proxy' || !first.accepted.forward)
    return first;
  const fwd = first.accepted.forward;
  const second = attempt(first.world, first.serverHost, 'host', fwd.ip, fwd.port, 'docker-proxy');
  // The proxy's own connection starts on the server's host: its events say so when that is not ours.
  const proxied =
    first.serverHost === hostName
      ? second.trace.events
      : onHost(first.serverHost, hostName, second.trace.events);
  const events = [...first.trace.events, ...proxied];
  if (!second.ok)
    return {
      ok: false,
      world: second.world,
      trace: { events, verdict: 'dropped' },
      failure: second.failure,
      proxyFailed: true,
    };
  return {
    ok: true,
    world: second.world,
    trace: { events, verdict: 'delivered' },
    accepted: first.accepted,
    server: second.server,
    serverHost: second.serverHost,
    peer: second.peer,
  };
}
