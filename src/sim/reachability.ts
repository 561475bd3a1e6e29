/**
 * Who can reach whom: for every ordered pair of running containers, whether one ICMP echo from the
 * first gets its reply from the second — by IP and by name — computed with the same name
 * resolution and packet walker `ping` uses. It is a network-level answer: it does not ask whether
 * the image ships `ping` (`docker exec web ping …` may still fail with "executable file not found").
 * Nothing is written back: counters, ARP caches and FDBs the walks would move are discarded, so
 * the world passed in is the world afterwards.
 */
import type { Container, Host, Ipv4, World } from './model';
import { donorOf, netnsOfContainer } from './linux/place';
import { resolveForTool } from './packet/resolve';
import type { Trace, TraceEvent } from './packet/trace';
import { sendPacket } from './packet/walk';
import { hostOf } from './world';

export interface ReachabilityCell {
  readonly ok: boolean;
  /** The engine's explanation of why the echo got no reply (the drop, or the failed lookup). */
  readonly reason?: string;
  /** The address pinged; absent when the name did not resolve or the target has no address. */
  readonly address?: Ipv4;
  /** The walk, as `ping` would trace it (lookup first when by name). */
  readonly trace: Trace;
}

export interface ReachabilityPair {
  /** The containers' labels in `containers`. */
  readonly from: string;
  readonly to: string;
  /** The lab host each one runs on, when not the terminal's (its label then reads `host2/b1`). */
  readonly fromHost?: string;
  readonly toHost?: string;
  readonly byIp: ReachabilityCell;
  readonly byName: ReachabilityCell;
}

export interface Reachability {
  /**
   * Running containers, the terminal's host's first (by name), then each other lab host's (as
   * `host2/b1`), each host's in creation order.
   */
  readonly containers: readonly string[];
  /** Every ordered pair of different containers, row by row. */
  readonly cells: readonly ReachabilityPair[];
}

/** An ICMP echo with ping's default 56 data bytes. */
const ECHO = { proto: 'icmp', bytes: 84 } as const;

/** Joined endpoints in join order; a `container:` sharer shows its donor's. */
function addressesOf(h: Host, c: Container): { network: string; ip: Ipv4 }[] {
  const owner = donorOf(h, c) ?? c;
  return owner.endpoints.flatMap((e) =>
    e.joined ? [{ network: e.networkId, ip: e.joined.ip }] : [],
  );
}

/**
 * The address a learner would ping: the target's IP on the first of its networks the source is
 * also on (the one that can work), else its first IP — so a cell across networks shows the drop.
 */
function addressToPing(h: Host, from: Container, to: Container): Ipv4 | undefined {
  const mine = new Set(addressesOf(h, from).map((a) => a.network));
  const theirs = addressesOf(h, to);
  return (theirs.find((a) => mine.has(a.network)) ?? theirs[0])?.ip;
}

/** Why a trace failed: the drop, or the name lookup that found nothing. */
export function failureOf(events: readonly TraceEvent[]): TraceEvent | undefined {
  const last = events.at(-1);
  if (last?.kind === 'dropped') return last;
  return events.find((e) => e.kind === 'name-lookup' && e.source === 'none');
}

function failureText(events: readonly TraceEvent[]): string | undefined {
  const failure = failureOf(events);
  return failure?.kind === 'dropped' || failure?.kind === 'name-lookup'
    ? failure.explanation
    : undefined;
}

/**
 * One echo's walk per (namespace, address): every walk starts from the same world with an empty
 * conntrack, so the by-name cell that resolved to the by-IP address walks exactly the same way.
 */
type Walks = Map<string, { ok: boolean; events: readonly TraceEvent[]; lan?: true }>;

interface Scope {
  readonly world: World;
  /** The sender's host. */
  readonly h: Host;
  readonly walks: Walks;
  /** The target runs on another lab host: only an answer from across the LAN is its own. */
  readonly across: boolean;
}

function echo(s: Scope, netns: string, ip: Ipv4, lookup: readonly TraceEvent[]): ReachabilityCell {
  const key = `${s.h.hostname} ${netns} ${ip}`;
  let walk = s.walks.get(key);
  if (!walk) {
    const sent = sendPacket(
      s.h,
      s.world.lan,
      netns,
      { ...ECHO, dst: ip },
      { hosts: s.world.hosts },
    );
    const reply = sent.outcomes[0];
    walk = {
      ok: reply?.kind === 'reply',
      events: sent.trace.events,
      ...(reply?.kind === 'reply' && reply.lan ? { lan: true } : {}),
    };
    s.walks.set(key, walk);
  }
  const events = [...lookup, ...walk.events];
  // Every host numbers its docker0 from 172.17.0.0/16: the same address answers at home.
  const namesake = walk.ok && s.across && !walk.lan;
  const ok = walk.ok && !namesake;
  const trace: Trace = { events, verdict: walk.ok ? 'delivered' : 'dropped' };
  const reason = ok
    ? undefined
    : namesake
      ? `${ip} answered on ${s.h.hostname} itself, not on the other host: each host gives its containers addresses of its own`
      : (failureText(events) ?? `no reply from ${ip}`);
  return { ok, address: ip, trace, ...(reason ? { reason } : {}) };
}

function byIp(
  s: Scope,
  from: Container,
  to: Container,
  toHost: Host,
  netns: string,
): ReachabilityCell {
  const ip = s.across ? addressesOf(toHost, to)[0]?.ip : addressToPing(s.h, from, to);
  if (!ip)
    return {
      ok: false,
      reason: `${to.name} has no IP address of its own (network mode ${to.hostConfig.networkMode})`,
      trace: { events: [], verdict: 'dropped' as const },
    };
  return echo(s, netns, ip, []);
}

function byName(s: Scope, from: Container, to: Container, netns: string): ReachabilityCell {
  const looked = resolveForTool(s.world, { host: s.h.hostname, container: from }, to.name);
  const lookup = looked.event ? [looked.event] : [];
  if (!looked.resolution.ok) {
    const trace: Trace = { events: lookup, verdict: 'dropped' };
    return { ok: false, reason: failureText(lookup) ?? `${to.name} did not resolve`, trace };
  }
  return echo(s, netns, looked.resolution.ip, lookup);
}

interface Running {
  readonly label: string;
  readonly host: Host;
  readonly c: Container;
  /** Its host's name, when not the terminal's. */
  readonly on?: string;
}

export function reachability(world: World): Reachability {
  const home = hostOf(world);
  const hosts = [home, ...Object.values(world.hosts).filter((h) => h !== home)];
  const running: Running[] = hosts.flatMap((host) =>
    [...host.docker.containers.values()]
      .filter((c) => netnsOfContainer(c) !== undefined)
      .sort((a, b) => a.created - b.created || a.createdNanos - b.createdNanos)
      .map((c) =>
        host === home
          ? { label: c.name, host, c }
          : { label: `${host.hostname}/${c.name}`, host, c, on: host.hostname },
      ),
  );
  const walks: Walks = new Map();
  const cells: ReachabilityPair[] = [];
  for (const from of running) {
    const netns = netnsOfContainer(from.c)!;
    for (const to of running) {
      if (to === from) continue;
      const scope: Scope = { world, h: from.host, walks, across: to.host !== from.host };
      cells.push({
        from: from.label,
        to: to.label,
        ...(from.on ? { fromHost: from.on } : {}),
        ...(to.on ? { toHost: to.on } : {}),
        byIp: byIp(scope, from.c, to.c, to.host, netns),
        byName: byName(scope, from.c, to.c, netns),
      });
    }
  }
  return { containers: running.map((r) => r.label), cells };
}
