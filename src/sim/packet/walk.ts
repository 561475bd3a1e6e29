/**
 * The packet walker: sends one packet from a network namespace through the real model — route
 * lookup, ARP, veth pairs, bridges, the host's routing (ip_forward, TTL) and netfilter — and walks
 * the answer back the same way, recording every step as a trace. Counters of the rules and
 * policies that saw the packets are added to the returned host, so `iptables -L -v` moves.
 */
import type { Host, Ipv4, Lan, World } from '../model';
import { blockContains, cidrBlock } from '../net/ipv4';
import { hostOf } from '../world';
import type { Conntrack, Flow } from './conntrack';
import { learnFromTrace } from './learn';
import { delivered, ingress, outsideAnswers, pushRoute, transmit } from './forward';
import { drop, dropDenied, placeName, type Arrival } from './arrival';
import { enterHost, filterHook, leaveHost, type Pkt, type Walk } from './hooks';
import { countedHost, eventsByHost, legsOf, newLeg, onHost, switchHost } from './lab-lan';
import { answerLanClient, fromLanClient, LAN_NETNS, lanClientReceives } from './lan';
import type { OutsideHost } from './outside';
import { intoChild, lanChildAt } from './macvlan';
import { lookupRoute } from './route';
import type { Trace, TraceEvent } from './trace';

export interface PacketSpec {
  readonly proto: 'icmp' | 'tcp' | 'udp';
  readonly dst: Ipv4;
  readonly dport?: number;
  /** IP packet size; an ICMP echo with 56 data bytes is 84. */
  readonly bytes?: number;
}

/** What the sender sees of one packet. */
export type Outcome =
  | {
      readonly kind: 'reply';
      readonly from: Ipv4;
      readonly ttl: number;
      /** How far it went: same namespace, same L2 segment, routed by the host, or the internet. */
      readonly path: 'local' | 'l2' | 'routed' | 'outside';
      readonly outside?: OutsideHost;
      /** The request's source as it reached the answering namespace (after any SNAT). */
      readonly peer?: Ipv4;
      /** It crossed the LAN to another lab host and back. */
      readonly lan?: true;
    }
  | { readonly kind: 'lost' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'host-unreachable'; readonly from: Ipv4 };

export interface SendResult {
  readonly host: Host;
  /** Every lab host the packets reached, the sender's included, with what they learned. */
  readonly hosts: Readonly<Record<string, Host>>;
  /** The connections each host tracked (the sender's first): DNAT bindings made on the way. */
  readonly flows: readonly Flow[];
  /** The first packet's round trip. */
  readonly trace: Trace;
  readonly outcomes: readonly Outcome[];
}

/** A packet sent by a process in `netns`: undefined when the route lookup fails (connect()). */
function originate(w: Walk, netns: string, pkt: Pkt): Arrival | undefined {
  if (netns === LAN_NETNS) return fromLanClient(w, pkt);
  let route = lookupRoute(w.h, netns, pkt.dst);
  pushRoute(w, netns, pkt.dst, route);
  if (!route) return undefined;
  if (!pkt.src) pkt.src = route.src;
  if (netns === 'host') {
    const dst = pkt.dst;
    enterHost(w, pkt, 'OUTPUT');
    if (pkt.dst !== dst) {
      route = lookupRoute(w.h, netns, pkt.dst);
      pushRoute(w, netns, pkt.dst, route);
      if (!route) return drop(w, netns, 'OUTPUT', 'no-route', `no route to ${pkt.dst} after DNAT`);
    }
    const out = route.kind === 'local' ? 'lo' : route.dev;
    const denied = filterHook(w, 'OUTPUT', pkt, undefined, out);
    if (denied) return dropDenied(w, netns, 'OUTPUT', denied);
  }
  if (route.kind === 'local') {
    if (netns === 'host') {
      leaveHost(w, pkt, 'POSTROUTING', 'lo');
      const denied = filterHook(w, 'INPUT', pkt, 'lo');
      if (denied) return dropDenied(w, netns, 'INPUT', denied);
    }
    return delivered(w, netns, pkt);
  }
  return transmit(w, netns, route.dev, route.nexthop, pkt);
}

function answerFromOutside(w: Walk, a: { target: OutsideHost; pkt: Pkt }): Arrival {
  const reply = outsideAnswers(w, a, a.pkt.src);
  if (!blockContains(cidrBlock(w.lan.subnet), reply.dst))
    return drop(
      w,
      'outside',
      'internet',
      'no-route',
      `${a.target.ip} cannot answer ${reply.dst}: a private address nobody routes back (no MASQUERADE)`,
    );
  w.events.push({
    kind: 'transmit',
    direction: 'reply',
    netns: 'outside',
    dev: a.target.lan ? 'lan' : 'internet',
    src: reply.src,
    dst: reply.dst,
    ttl: reply.ttl,
  });
  const child = lanChildAt(w, reply.dst);
  if (child) return intoChild(w, child, reply, ingress);
  return ingress(w, 'host', 'eth0', reply);
}

function exchange(w: Walk, from: string, spec: PacketSpec): Outcome {
  switchHost(w, w.origin);
  w.direction = 'request';
  w.steps = 0;
  w.routedHops = 0;
  delete w.errorFrom;
  const pkt: Pkt = {
    src: '',
    dst: spec.dst,
    proto: spec.proto,
    ttl: 64,
    bytes: spec.bytes ?? 84,
    ...(spec.dport !== undefined ? { dport: spec.dport } : {}),
  };
  const sent = originate(w, from, pkt);
  if (!sent) {
    w.events.push({
      kind: 'dropped',
      direction: 'request',
      netns: from,
      at: 'route',
      reason: 'no-route',
      explanation: `Network is unreachable: ${placeName(w.h, from)} has no route to ${spec.dst}`,
    });
    return { kind: 'unreachable' };
  }
  if (sent.kind === 'dropped')
    return (sent.reason === 'arp-failed' || sent.reason === 'macvlan-isolation') && w.errorFrom
      ? { kind: 'host-unreachable', from: w.errorFrom }
      : { kind: 'lost' };
  const outward = w.routedHops;
  let back: Arrival | undefined;
  if (sent.kind === 'outside')
    back = from === LAN_NETNS ? answerLanClient(w, sent) : answerFromOutside(w, sent);
  else {
    w.direction = 'reply';
    back = originate(w, sent.netns, {
      src: sent.pkt.dst,
      dst: sent.pkt.src,
      proto: sent.pkt.proto,
      ttl: 64,
      bytes: sent.pkt.bytes,
    });
  }
  if (from === LAN_NETNS) back = lanClientReceives(w, back);
  // The LAN client is no lab host's: its answer may come from any of them.
  const home = from === LAN_NETNS || w.at === w.origin;
  if (back?.kind !== 'delivered' || back.netns !== from || !home) return { kind: 'lost' };
  const path =
    sent.kind === 'outside' && !sent.target.lan
      ? 'outside'
      : outward + w.routedHops > 0
        ? 'routed'
        : sent.kind === 'delivered' && sent.netns === from
          ? 'local'
          : 'l2';
  return {
    kind: 'reply',
    from: back.pkt.src,
    ttl: back.pkt.ttl,
    path,
    ...(sent.kind === 'outside' ? { outside: sent.target } : { peer: sent.pkt.src }),
    ...(w.events.some((e) => e.kind === 'lan') ? { lan: true as const } : {}),
  };
}

/**
 * Sends `count` packets (an echo and its reply each) from `netns` of host `h`. Returns the host
 * with its counters moved, the first round trip as a trace, and what each packet came to.
 */
export function sendPacket(
  h: Host,
  lan: Lan,
  netns: string,
  spec: PacketSpec,
  opts: {
    readonly count?: number;
    readonly conntrack?: Conntrack;
    readonly now?: number;
    /** The other Docker hosts of the lab, by hostname, that the LAN can reach. */
    readonly hosts?: Readonly<Record<string, Host>>;
  } = {},
): SendResult {
  const w: Walk = {
    lan,
    ...newLeg(h, opts.conntrack),
    at: h.hostname,
    origin: h.hostname,
    hosts: { ...opts.hosts, [h.hostname]: h },
    legs: new Map(),
    events: [],
    direction: 'request',
    state: 'NEW',
    steps: 0,
    routedHops: 0,
  };
  const outcomes: Outcome[] = [];
  let first: TraceEvent[] = [];
  const seen: TraceEvent[] = [];
  for (let i = 0; i < Math.max(1, opts.count ?? 1); i++) {
    w.events = [];
    const o = exchange(w, netns, spec);
    if (w.events.some((e) => e.kind === 'lan')) w.events = onHost(w.origin, w.origin, w.events);
    seen.push(...w.events);
    if (i === 0) first = w.events;
    outcomes.push(o);
    if (o.kind === 'unreachable') break;
  }
  const verdict = first.at(-1)?.kind === 'delivered' ? 'delivered' : 'dropped';
  // What each kernel learned on the way (ARP caches, bridge FDBs) stays behind in its host.
  const legs = legsOf(w);
  const learned = eventsByHost(w.origin, seen);
  const hosts: Record<string, Host> = {};
  for (const [name, leg] of legs)
    hosts[name] = learnFromTrace(countedHost(leg), learned.get(name) ?? [], opts.now);
  const flows = [...legs.values()].flatMap((leg) => leg.ct.flows);
  return { host: hosts[w.origin] ?? h, hosts, flows, trace: { events: first, verdict }, outcomes };
}

/** The same on a world: the host's counters are written back. */
export function sendInWorld(
  world: World,
  hostName: string,
  netns: string,
  spec: PacketSpec,
  opts: { readonly count?: number; readonly conntrack?: Conntrack } = {},
): SendResult & { readonly world: World } {
  const r = sendPacket(hostOf(world, hostName), world.lan, netns, spec, {
    ...opts,
    now: world.clock,
    hosts: world.hosts,
  });
  return { ...r, world: { ...world, hosts: { ...world.hosts, ...r.hosts } } };
}
