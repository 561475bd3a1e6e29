/**
 * Connection tracking on the host, for the span of one tool run (a `ping` is one ICMP echo flow).
 * The first packet of a flow is NEW and is the only one the nat table sees; its DNAT/SNAT binding
 * is remembered, applied to the rest of the flow, and reversed for replies (un-DNAT, the
 * un-MASQUERADE that brings an internet reply back to the container) — nf_conntrack/nf_nat.
 * The table is scratch state of one walk; nothing of it is stored in the world.
 */
import type { Ipv4 } from '../model';

export interface Tuple {
  readonly src: Ipv4;
  readonly dst: Ipv4;
}

export interface Flow {
  readonly proto: string;
  /** The original direction as the first packet showed it, before any NAT. */
  readonly orig: Tuple;
  /** What a reply looks like when it arrives (after the bindings below). */
  reply: Tuple;
  dnat?: { readonly from: Ipv4; readonly to: Ipv4; readonly port?: number };
  snat?: { readonly from: Ipv4; readonly to: Ipv4 };
  seenReply: boolean;
}

export interface Conntrack {
  readonly flows: Flow[];
}

export const emptyConntrack = (): Conntrack => ({ flows: [] });

export type FlowHit = { readonly flow: Flow; readonly dir: 'original' | 'reply' };

export function lookupFlow(ct: Conntrack, proto: string, pkt: Tuple): FlowHit | undefined {
  for (const flow of ct.flows) {
    if (flow.proto !== proto) continue;
    if (flow.orig.src === pkt.src && flow.orig.dst === pkt.dst) return { flow, dir: 'original' };
    if (flow.reply.src === pkt.src && flow.reply.dst === pkt.dst) return { flow, dir: 'reply' };
  }
  return undefined;
}

export function startFlow(ct: Conntrack, proto: string, pkt: Tuple): FlowHit {
  const flow: Flow = {
    proto,
    orig: { ...pkt },
    reply: { src: pkt.dst, dst: pkt.src },
    seenReply: false,
  };
  ct.flows.push(flow);
  return { flow, dir: 'original' };
}

/** A flow becomes ESTABLISHED once a reply has been seen (for ICMP, the first echo reply). */
export const stateOf = (hit: FlowHit): 'NEW' | 'ESTABLISHED' =>
  hit.dir === 'reply' || hit.flow.seenReply ? 'ESTABLISHED' : 'NEW';

export function bindDnat(flow: Flow, to: Ipv4, port?: number): void {
  flow.dnat = { from: flow.orig.dst, to, ...(port !== undefined ? { port } : {}) };
  flow.reply = { ...flow.reply, src: to };
}

export function bindSnat(flow: Flow, to: Ipv4): void {
  flow.snat = { from: flow.orig.src, to };
  flow.reply = { ...flow.reply, dst: to };
}
