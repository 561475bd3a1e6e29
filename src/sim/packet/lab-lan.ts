/**
 * The other Docker hosts of the lab (`lab add-host`) as a walk meets them: each has its own
 * kernel, so a frame its eth0 takes off the LAN continues in that host's routing, netfilter and
 * conntrack. The walk keeps one leg per host it visited (the host as it was, its rule index, the
 * counters it moved, its connection table) and switches between them as the packet crosses.
 */
import type { Host, Ipv4 } from '../model';
import { emptyConntrack, type Conntrack } from './conntrack';
import type { Walk } from './hooks';
import {
  applyCounters,
  emptyCounters,
  indexRules,
  type Counters,
  type RuleIndex,
} from './netfilter';
import { localLinkOf } from './route';
import type { TraceEvent } from './trace';

/** One host's part of a walk. */
export interface HostLeg {
  readonly h: Host;
  readonly ix: RuleIndex;
  readonly counters: Counters;
  readonly ct: Conntrack;
}

export function newLeg(h: Host, ct: Conntrack = emptyConntrack()): HostLeg {
  return { h, ix: indexRules(h.iptables), counters: emptyCounters(), ct };
}

/** The lab host (other than the one the walk is on) whose eth0 holds `ip`, and that eth0's MAC. */
export function labHostAt(w: Walk, ip: Ipv4): { name: string; mac: string } | undefined {
  for (const [name, h] of Object.entries(w.hosts)) {
    if (name === w.at) continue;
    const link = localLinkOf(h, 'host', ip);
    if (link?.name === 'eth0' && link.up) return { name, mac: link.mac };
  }
  return undefined;
}

/** Moves the walk onto host `name`, keeping the leg it leaves. */
export function switchHost(w: Walk, name: string): void {
  if (name === w.at) return;
  w.legs.set(w.at, { h: w.h, ix: w.ix, counters: w.counters, ct: w.ct });
  const h = w.hosts[name];
  if (!h) throw new Error(`no host ${name}`);
  const leg = w.legs.get(name) ?? newLeg(h);
  w.h = leg.h;
  w.ix = leg.ix;
  w.counters = leg.counters;
  w.ct = leg.ct;
  w.at = name;
}

/** The frame crosses the LAN wire to `name`'s eth0: the events after this happen there. */
export function crossLan(w: Walk, name: string, dst: Ipv4): void {
  w.events.push({ kind: 'lan', direction: w.direction, from: w.at, to: name, dst });
  switchHost(w, name);
}

/** Every leg with the counters it moved: the hosts a walk leaves behind. */
export function legsOf(w: Walk): Map<string, HostLeg> {
  const legs = new Map(w.legs);
  legs.set(w.at, { h: w.h, ix: w.ix, counters: w.counters, ct: w.ct });
  return legs;
}

export const countedHost = (leg: HostLeg): Host => applyCounters(leg.h, leg.counters);

/** A trace cut into the runs that happened on each host, starting on `origin`. */
export function eventsByHost(
  origin: string,
  events: readonly TraceEvent[],
): Map<string, TraceEvent[]> {
  const by = new Map<string, TraceEvent[]>();
  let at = origin;
  for (const e of events) {
    if (e.kind === 'lan') at = e.to;
    const list = by.get(at);
    if (list) list.push(e);
    else by.set(at, [e]);
  }
  return by;
}

/**
 * The events of a walk that started on `origin`, each after a LAN crossing to another host marked
 * with that host (as seen from `sender`, the host whose trace this is), so a reader names the
 * namespaces of the right kernel.
 */
export function onHost(
  origin: string,
  sender: string,
  events: readonly TraceEvent[],
): TraceEvent[] {
  let at = origin;
  return events.map((e) => {
    if (e.kind === 'lan') at = e.to;
    if (e.kind === 'lan' || e.kind === 'name-lookup' || at === sender || e.host) return e;
    return { ...e, host: at };
  });
}
