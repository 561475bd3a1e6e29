/**
 * The host's netfilter hooks as one packet meets them, with conntrack around the nat table:
 * a flow's first packet (NEW) walks nat PREROUTING/OUTPUT (DNAT) and nat POSTROUTING
 * (MASQUERADE/SNAT); later packets reuse the bindings, and replies get them reversed — the
 * destination un-SNATed on the way in, the source un-DNATed on the way out. Filter hooks see every
 * packet. Only the host's root namespace has rules; containers' namespaces have none here.
 */
import type { Host, Ipv4, Lan } from '../model';
import { sysctlValues } from '../linux/sysctl';
import {
  bindDnat,
  bindSnat,
  lookupFlow,
  startFlow,
  stateOf,
  type Conntrack,
  type FlowHit,
} from './conntrack';
import { runHook, type Counters, type HookResult, type RuleIndex } from './netfilter';
import { isLocalAddress, sourceAddressOn } from './route';
import type { HostLeg } from './lab-lan';
import type { Tunnel } from './vxlan';
import type { Direction, FilterDenial, NetfilterHook, TraceEvent } from './trace';

export interface Pkt {
  src: Ipv4;
  dst: Ipv4;
  readonly proto: 'icmp' | 'tcp' | 'udp';
  dport?: number;
  ttl: number;
  readonly bytes: number;
  /** A VXLAN datagram's payload: the frame inside it. */
  readonly tunnel?: Tunnel;
}

/**
 * Scratch state of one walk: the host the packet is on (as it was, its rules, the counters moved
 * and its connection table), the other lab hosts it may cross the LAN to, and what it collects.
 */
export interface Walk {
  h: Host;
  readonly lan: Lan;
  ix: RuleIndex;
  counters: Counters;
  ct: Conntrack;
  /** The hostname of `h`, and every lab host by hostname (`h` among them as it was). */
  at: string;
  /** Where the packet's round trip started: its sender's host. */
  origin: string;
  readonly hosts: Readonly<Record<string, Host>>;
  /** The hosts the walk left, by hostname (lab-lan.ts). */
  readonly legs: Map<string, HostLeg>;
  events: TraceEvent[];
  direction: Direction;
  hit?: FlowHit;
  state: 'NEW' | 'ESTABLISHED';
  steps: number;
  routedHops: number;
  /** The address a router would send `Destination Host Unreachable` from. */
  errorFrom?: Ipv4;
}

const isHostLocal = (w: Walk) => (ip: Ipv4) => isLocalAddress(w.h, 'host', ip);

function hook(
  w: Walk,
  table: 'filter' | 'nat',
  chain: NetfilterHook,
  pkt: Pkt,
  inDev?: string,
  outDev?: string,
): HookResult {
  const r = runHook(
    w.h,
    w.ix,
    table,
    chain,
    {
      pkt,
      ...(inDev ? { inDev } : {}),
      ...(outDev ? { outDev } : {}),
      ctstate: w.state,
      isLocal: isHostLocal(w),
    },
    pkt.bytes,
    w.counters,
  );
  w.events.push({
    kind: 'netfilter',
    direction: w.direction,
    hook: chain,
    table,
    ...(inDev ? { inDev } : {}),
    ...(outDev ? { outDev } : {}),
    matches: r.matches,
    verdict: r.verdict,
  });
  return r;
}

/** PREROUTING (arriving) or OUTPUT (sent by the host): conntrack, then nat for a NEW flow. */
export function enterHost(w: Walk, pkt: Pkt, at: 'PREROUTING' | 'OUTPUT', inDev?: string): void {
  let found = lookupFlow(w.ct, pkt.proto, pkt);
  // An echo to one's own address: request and reply have the same tuple; the walk knows which.
  if (found && w.direction === 'reply' && found.dir === 'original' && pkt.src === pkt.dst)
    found = { flow: found.flow, dir: 'reply' };
  const hit = found ?? startFlow(w.ct, pkt.proto, pkt);
  w.hit = hit;
  w.state = stateOf(hit);
  const before = { src: pkt.src, dst: pkt.dst };
  if (hit.dir === 'reply') {
    hit.flow.seenReply = true;
    const snat = hit.flow.snat;
    if (snat && pkt.dst === snat.to) pkt.dst = snat.from;
  } else if (w.state === 'ESTABLISHED' && hit.flow.dnat) {
    pkt.dst = hit.flow.dnat.to;
    if (hit.flow.dnat.port !== undefined) pkt.dport = hit.flow.dnat.port;
  }
  w.events.push({
    kind: 'conntrack',
    direction: w.direction,
    state: w.state,
    ...(pkt.dst !== before.dst && hit.dir === 'reply'
      ? { nat: { kind: 'un-snat' as const, before, after: { src: pkt.src, dst: pkt.dst } } }
      : {}),
  });
  if (w.state !== 'NEW') return;
  const r = hook(w, 'nat', at, pkt, inDev);
  if (r.nat?.kind === 'dnat') {
    bindDnat(hit.flow, r.nat.ip, r.nat.port);
    pkt.dst = r.nat.ip;
    if (r.nat.port !== undefined) pkt.dport = r.nat.port;
    withRewrite(w, before, pkt);
  }
}

/** POSTROUTING (leaving by `outDev`) or INPUT (delivered locally): SNAT/MASQUERADE, un-DNAT. */
export function leaveHost(w: Walk, pkt: Pkt, at: 'POSTROUTING' | 'INPUT', dev: string): void {
  const hit = w.hit;
  if (!hit) return;
  const before = { src: pkt.src, dst: pkt.dst };
  if (hit.dir === 'reply') {
    const dnat = hit.flow.dnat;
    if (dnat && pkt.src === dnat.to) {
      pkt.src = dnat.from;
      w.events.push({
        kind: 'conntrack',
        direction: w.direction,
        state: 'ESTABLISHED',
        nat: { kind: 'un-dnat', before, after: { src: pkt.src, dst: pkt.dst } },
      });
    }
    return;
  }
  if (w.state !== 'NEW') {
    if (hit.flow.snat) pkt.src = hit.flow.snat.to;
    return;
  }
  const r = hook(
    w,
    'nat',
    at,
    pkt,
    at === 'INPUT' ? dev : undefined,
    at === 'POSTROUTING' ? dev : undefined,
  );
  if (r.nat?.kind === 'masquerade' || r.nat?.kind === 'snat') {
    // MASQUERADE takes the outgoing device's address; out of lo the source stays as it was.
    const to =
      r.nat.kind === 'snat'
        ? r.nat.ip
        : dev === 'lo'
          ? pkt.src
          : (sourceAddressOn(w.h, 'host', dev, w.lan.gateway) ?? pkt.src);
    bindSnat(hit.flow, to);
    pkt.src = to;
    withRewrite(w, before, pkt);
  }
}

function withRewrite(w: Walk, before: { src: Ipv4; dst: Ipv4 }, pkt: Pkt): void {
  const last = w.events.at(-1);
  if (last?.kind !== 'netfilter') return;
  w.events[w.events.length - 1] = { ...last, before, after: { src: pkt.src, dst: pkt.dst } };
}

/** What a filter hook's drop leaves in the trace: the deciding rule and chain, in words and as data. */
export interface Denied {
  readonly rule?: string;
  readonly explanation: string;
  readonly netfilter: FilterDenial;
}

/** A filter hook; returns why when the packet is dropped. */
export function filterHook(
  w: Walk,
  chain: 'INPUT' | 'FORWARD' | 'OUTPUT',
  pkt: Pkt,
  inDev?: string,
  outDev?: string,
): Denied | undefined {
  const r = hook(w, 'filter', chain, pkt, inDev, outDev);
  if (r.accepted) return undefined;
  const by = r.decidedBy;
  const devs = { ...(inDev ? { inDev } : {}), ...(outDev ? { outDev } : {}) };
  if (!by)
    return {
      explanation: `no rule accepted it: the filter ${chain} policy is DROP`,
      netfilter: { hook: chain, chain, policy: true, ...devs },
    };
  const across = inDev && outDev ? ` (${inDev} → ${outDev})` : '';
  let why = `dropped by ${by.chain}: ${by.rule}`;
  if (by.chain === 'DOCKER-ISOLATION-STAGE-2')
    why = `dropped by DOCKER-ISOLATION-STAGE-2: different bridges are isolated${across}`;
  else if (by.chain === 'DOCKER-ISOLATION-STAGE-1')
    why = `dropped by DOCKER-ISOLATION-STAGE-1: an --internal network's bridge admits no traffic from or to other networks${across}`;
  else if (chain === 'FORWARD' && inDev && inDev === outDev)
    why = `dropped by ${by.chain}: inter-container communication is disabled on ${inDev} (icc=false)`;
  return {
    rule: by.rule,
    explanation: why,
    netfilter: { hook: chain, chain: by.chain, policy: false, ...devs },
  };
}

/** br_netfilter: Docker turns on bridge-nf-call-iptables, so bridged IPv4 frames meet iptables. */
export function bridgeCallsIptables(h: Host): boolean {
  const s = sysctlValues(h.sysctl);
  return s['net.bridge.bridge-nf-call-iptables'] === '1';
}

export const ipForwarding = (h: Host): boolean =>
  (sysctlValues(h.sysctl)['net.ipv4.ip_forward'] ?? '1') === '1';
