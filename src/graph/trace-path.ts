/**
 * A trace as a path on the graph: for each event the elements it lights, the refs the packet dot
 * moves through, a category for the player's filters and any NAT rewrite. Pure: the UI animates
 * this and never re-derives network logic (design.md rule 3). Ids are the graph's refs, so a device
 * is `deviceRef(netns, dev)` exactly as the trace names it; the world behind the LAN gateway is
 * one box, `netns:outside`.
 */
import type { Direction, Ipv4, Trace, TraceEvent } from '../sim';
import { deviceRef, dnsRef, netnsRef, type ObjectRef } from './refs';
import { peerPrefix } from './peer-hosts';

export type HopCategory =
  'dns' | 'arp' | 'icmp' | 'tcp' | 'nat' | 'filter' | 'route' | 'deliver' | 'drop';

export interface Addresses {
  readonly src: Ipv4;
  readonly dst: Ipv4;
}

export interface NatRewrite {
  readonly before: Addresses;
  readonly after: Addresses;
  /** Where the rewrite happens (the rule's device, or where conntrack undoes it). */
  readonly at: ObjectRef;
}

export interface Hop {
  readonly event: TraceEvent;
  readonly category: HopCategory;
  readonly direction: Direction;
  /** Elements to highlight while this hop is shown. */
  readonly lit: readonly ObjectRef[];
  /** Refs the packet dot passes through, in order; the last is where it rests. */
  readonly path: readonly ObjectRef[];
  readonly nat?: NatRewrite;
  /** Part of a name lookup's own query to a DNS server (its packets, not the main one's). */
  readonly lookup?: boolean;
  /**
   * From a `vxlan-encap` until its `vxlan-decap`: the packet travels inside an outer UDP
   * datagram between the two VTEPs, and this is that outer header.
   */
  readonly outer?: OuterHeader;
}

export interface OuterHeader {
  readonly vni: number;
  readonly src: Ipv4;
  readonly dst: Ipv4;
  readonly dstPort: number;
}

export type PacketProto = 'icmp' | 'tcp' | 'udp';

const OUTSIDE = netnsRef('outside');

/** The devices outside the host are not drawn one by one: the outside world is one box. */
const dev = (netns: string, name: string): ObjectRef =>
  netns === 'outside' ? OUTSIDE : deviceRef(netns, name);

/** The packet's protocol when the caller does not know it: ping's echo answers in the kernel. */
export function inferProto(trace: Trace): PacketProto {
  const answered = trace.events.find((e) => e.kind === 'delivered');
  if (!answered) return 'icmp';
  const p = answered.process;
  return p?.kind === 'echo-reply' || (p?.kind === 'program' && p.name === 'ping') ? 'icmp' : 'tcp';
}

/** The protocol a command line's packets use, when its program says so. */
export function protoOfCommand(line: string): PacketProto | undefined {
  if (/\bping\b/.test(line)) return 'icmp';
  if (/\b(curl|wget|nc|telnet)\b/.test(line)) return 'tcp';
  return undefined;
}

/** The namespace a lookup is made from: the first namespace its packet or its query leaves. */
function askerOf(events: readonly TraceEvent[], from: number): string | undefined {
  for (let i = from; i < events.length; i++) {
    const e = events[i];
    if (e.kind === 'route' || e.kind === 'transmit' || e.kind === 'arp') return e.netns;
    if (e.kind === 'name-lookup' && e.query?.[0]?.kind === 'route') return e.query[0].netns;
  }
  return undefined;
}

const wireCategory = (proto: PacketProto): HopCategory => (proto === 'udp' ? 'dns' : proto);

/** Walks the events, keeping the dot's position so each hop knows where it starts. */
export function tracePath(trace: Trace, proto: PacketProto = inferProto(trace)): Hop[] {
  const hops: Hop[] = [];
  let at: ObjectRef | undefined;
  // After a `lan` crossing the events name the far host's devices: its graph ids carry @NAME/.
  let origin: string | undefined;
  let prefix = '';
  let outer: OuterHeader | undefined;
  const walk = (events: readonly TraceEvent[], wire: HopCategory, lookup: boolean) => {
    events.forEach((event, i) => {
      if (event.kind === 'lan') {
        origin ??= event.from;
        prefix = event.to === origin ? '' : peerPrefix(event.to);
      }
      const own = onHost(hopOf(event, at, wire, events, i), prefix);
      // The crossing itself starts where the dot is, on the near host, and runs over the LAN.
      const raw =
        event.kind === 'lan'
          ? { ...own, path: [...(at ? [at] : []), OUTSIDE, ...own.path.slice(-1)] }
          : own;
      const hop = { ...raw, path: raw.path.filter((r, k) => k === 0 || r !== raw.path[k - 1]) };
      if (event.kind === 'vxlan-encap') {
        const { src, dst, dstPort } = event.outer;
        outer = { vni: event.vni, src, dst, dstPort };
      }
      if (event.kind === 'vxlan-decap') outer = undefined;
      const wrapped = outer ? { ...hop, outer } : hop;
      hops.push(lookup ? { ...wrapped, lookup, category: 'dns' } : wrapped);
      at = hop.path.at(-1) ?? at;
      if (event.kind === 'name-lookup' && event.query?.length) {
        const back = at;
        walk(event.query, 'dns', true);
        at = back;
      }
    });
  };
  walk(trace.events, wireCategory(proto), false);
  return hops;
}

/** A hop on another lab host: its refs with that host's prefix (`here` has one already). */
function onHost(hop: Hop, prefix: string): Hop {
  if (!prefix) return hop;
  const to = (r: ObjectRef) => (r.startsWith('@') || r === OUTSIDE ? r : `${prefix}${r}`);
  return {
    ...hop,
    lit: hop.lit.map(to),
    path: hop.path.map(to),
    ...(hop.nat ? { nat: { ...hop.nat, at: to(hop.nat.at) } } : {}),
  };
}

function hopOf(
  e: TraceEvent,
  at: ObjectRef | undefined,
  wire: HopCategory,
  events: readonly TraceEvent[],
  index: number,
): Hop {
  const base = { event: e, direction: e.direction };
  const here = at ? [at] : [];
  switch (e.kind) {
    case 'name-lookup': {
      const asker = askerOf(events, index + 1) ?? askerOf(e.query ?? [], 0);
      const box = asker ? [netnsRef(asker)] : [];
      if (e.source === 'embedded-dns' && e.record) {
        const dns = dnsRef(e.record.network);
        const eth = asker ? [dev(asker, 'eth0')] : [];
        // The query goes to 127.0.0.11 (drawn on the network) and the answer comes back.
        return { ...base, category: 'dns', lit: [...box, dns], path: [...eth, dns, ...eth] };
      }
      return { ...base, category: 'dns', lit: box, path: asker ? [dev(asker, 'eth0')] : [] };
    }
    case 'route': {
      // A routing decision lights the way out; the packet leaves only when it is transmitted.
      const out = e.dev ? dev(e.netns, e.dev) : netnsRef(e.netns);
      return { ...base, category: 'route', lit: [out], path: here.length ? here : [out] };
    }
    case 'arp': {
      const d = dev(e.netns, e.dev);
      return { ...base, category: 'arp', lit: [d], path: [...here, d] };
    }
    case 'transmit': {
      const d = dev(e.netns, e.dev);
      return { ...base, category: wire, lit: [d], path: [...here, d] };
    }
    case 'lan': {
      // The frame lands on the far host's eth0 (onHost gives it that host's prefix).
      const eth0 = dev('host', 'eth0');
      return { ...base, category: wire, lit: [eth0], path: [...here, eth0] };
    }
    case 'vxlan-encap':
    case 'vxlan-decap': {
      const d = dev(e.netns, e.dev);
      return { ...base, category: wire, lit: [d], path: [...here, d] };
    }
    case 'veth': {
      const from = dev(e.from.netns, e.from.dev);
      const to = dev(e.to.netns, e.to.dev);
      return { ...base, category: wire, lit: [from, to], path: [from, to] };
    }
    case 'bridge': {
      const netns = e.netns ?? 'host';
      const br = dev(netns, e.bridge);
      const from = e.inPort === 'host' ? br : dev(netns, e.inPort);
      const to = e.outPort === 'host' ? br : dev(netns, e.outPort);
      return { ...base, category: wire, lit: [br, from, to], path: [from, br, to] };
    }
    case 'host-routing': {
      // Forwarding is decided here, but FORWARD and POSTROUTING still run before the packet
      // leaves by outDev: it waits at inDev, where a FORWARD drop then marks it.
      const from = dev(e.netns, e.inDev);
      const to = dev(e.netns, e.outDev);
      return { ...base, category: 'route', lit: [from, to], path: [from] };
    }
    case 'netfilter': {
      const d = dev('host', e.outDev ?? e.inDev ?? 'lo');
      const rewrite =
        e.before && e.after ? { nat: { before: e.before, after: e.after, at: at ?? d } } : {};
      const category = e.table === 'nat' ? 'nat' : 'filter';
      return { ...base, category, lit: at ? [at] : [d], path: here, ...rewrite };
    }
    case 'conntrack': {
      if (!e.nat) return { ...base, category: 'filter', lit: here, path: here };
      // Conntrack undoes NAT in the host, where the reply comes in (eth0 from the outside).
      const where = at?.startsWith('dev:host/') ? at : deviceRef('host', 'eth0');
      return {
        ...base,
        category: 'nat',
        lit: [where],
        path: [...here, where],
        nat: { before: e.nat.before, after: e.nat.after, at: where },
      };
    }
    case 'delivered': {
      const box = netnsRef(e.netns);
      const rest = e.netns === 'outside' ? [...here, OUTSIDE] : here;
      return { ...base, category: 'deliver', lit: [box, ...here], path: rest };
    }
    case 'dropped': {
      const spot = at ?? netnsRef(e.netns);
      return { ...base, category: 'drop', lit: [spot], path: [spot] };
    }
  }
}

/** The ref to select when the learner picks a hop in the event list. */
export const hopTarget = (hop: Hop): ObjectRef | undefined => hop.nat?.at ?? hop.path.at(-1);
