/**
 * How a packet's walk ends: delivered in a namespace, handed to a host outside, or dropped — a drop
 * recorded in the trace with its reason, the rule or cause behind it and the engine's explanation.
 */
import type { Host } from '../model';
import type { Denied, Pkt, Walk } from './hooks';
import type { OutsideHost } from './outside';
import type { DropReason, FilterDenial } from './trace';
import type { DropCause } from './trace-facts';

export type Arrival =
  | { kind: 'delivered'; netns: string; pkt: Pkt }
  | { kind: 'outside'; target: OutsideHost; pkt: Pkt }
  | { kind: 'dropped'; reason: DropReason };

export function drop(
  w: Walk,
  netns: string,
  at: string,
  reason: DropReason,
  explanation: string,
  rule?: string,
  netfilter?: FilterDenial,
  cause?: DropCause,
): Arrival {
  w.events.push({
    kind: 'dropped',
    direction: w.direction,
    netns,
    at,
    reason,
    ...(rule ? { rule } : {}),
    ...(netfilter ? { netfilter } : {}),
    ...(cause ? { cause } : {}),
    explanation,
  });
  return { kind: 'dropped', reason };
}

/** A drop a filter hook decided, at `at` (the hook, or the bridge for bridged frames). */
export const dropDenied = (w: Walk, netns: string, at: string, denied: Denied): Arrival =>
  drop(w, netns, at, 'netfilter', denied.explanation, denied.rule, denied.netfilter);

/** `container web`, `the host`, or the namespace's name: for explanations. */
export function placeName(h: Host, netns: string): string {
  if (netns === 'host') return 'the host';
  for (const c of h.docker.containers.values())
    if (c.netns === netns && c.state.status === 'running') return `container ${c.name}`;
  return `namespace ${h.netns.get(netns)?.name ?? netns}`;
}
