/**
 * What the kernel remembers after packets went by: each namespace's ARP cache (the next hops it
 * resolved, or asked for in vain) and each bridge's forwarding database (the source MACs it saw
 * on each port). Read off a walk's trace, so the walker stays the only writer. Entries carry the
 * world clock of their last confirmation (the tools show REACHABLE turning STALE); they go away
 * only with their device, when it goes down, or when a port leaves its bridge (kernel.ts).
 */
import type { FdbEntry, Host, Link, NeighEntry } from '../model';
import type { TraceEvent } from './trace';

interface Learned {
  readonly neigh: Map<string, NeighEntry[]>;
  /** `${netns}/${bridge name}` -> MACs seen, in the order they were seen. */
  readonly fdb: Map<string, FdbEntry[]>;
}

const linkNamed = (h: Host, netns: string, name: string): Link | undefined =>
  h.netns.get(netns)?.links.find((l) => l.name === name);

function push<T>(m: Map<string, T[]>, key: string, v: T): void {
  m.set(key, [...(m.get(key) ?? []), v]);
}

/** Collects what one or more packets' traces taught the kernel. */
function collect(h: Host, events: readonly TraceEvent[], now?: number): Learned {
  const learned: Learned = { neigh: new Map(), fdb: new Map() };
  let arp: Extract<TraceEvent, { kind: 'arp' }> | undefined;
  let veth: Extract<TraceEvent, { kind: 'veth' }> | undefined;
  for (const e of events) {
    if (e.kind === 'arp') {
      arp = e;
      veth = undefined;
      const dev = linkNamed(h, e.netns, e.dev);
      if (dev)
        push(learned.neigh, e.netns, {
          ip: e.who,
          ifindex: dev.ifindex,
          ...(e.mac ? { mac: e.mac } : {}),
          state: e.mac ? 'REACHABLE' : 'FAILED',
          ...(now !== undefined ? { at: now } : {}),
        });
    } else if (e.kind === 'veth') veth = e;
    else if (e.kind === 'bridge' && arp?.mac) {
      // The bridge sits in the sender's namespace (the host stack sent it) or behind the veth.
      const netns = e.inPort === 'host' ? arp.netns : veth?.to.netns;
      if (netns === undefined) continue;
      const key = `${netns}/${e.bridge}`;
      const sender = linkNamed(h, arp.netns, arp.dev);
      const inPort = linkNamed(h, netns, e.inPort);
      if (e.inPort !== 'host' && sender && inPort)
        push(learned.fdb, key, { mac: sender.mac, port: inPort.ifindex });
      // The ARP reply came back in through the target's port: its MAC is learned there.
      const outPort = linkNamed(h, netns, e.outPort);
      if (e.outPort !== 'host' && outPort)
        push(learned.fdb, key, { mac: arp.mac, port: outPort.ifindex });
    }
  }
  return learned;
}

function mergeNeigh(
  old: readonly NeighEntry[],
  seen: readonly NeighEntry[],
): readonly NeighEntry[] {
  let out = old;
  for (const n of seen) {
    const i = out.findIndex((o) => o.ip === n.ip && o.ifindex === n.ifindex);
    const prev = out[i];
    // An entry made by hand (PERMANENT) is never replaced by what ARP sees.
    if (prev?.state === 'PERMANENT') continue;
    if (prev && prev.state === n.state && prev.mac === n.mac && prev.at === n.at) continue;
    out = i < 0 ? [...out, n] : out.map((o, j) => (j === i ? n : o));
  }
  return out;
}

/** A MAC moves to the port it was last seen on; a new one goes to the front (hlist_add_head). */
function mergeFdb(old: readonly FdbEntry[], seen: readonly FdbEntry[]): readonly FdbEntry[] {
  let out = old;
  for (const f of seen) {
    const prev = out.find((o) => o.mac === f.mac);
    if (prev?.port === f.port) continue;
    out = prev ? out.map((o) => (o.mac === f.mac ? f : o)) : [f, ...out];
  }
  return out;
}

const NONE: readonly never[] = [];

/** The host with its ARP caches and bridge FDBs updated; the same host when nothing is new. */
export function learnFromTrace(h: Host, events: readonly TraceEvent[], now?: number): Host {
  const learned = collect(h, events, now);
  let neighbours: Map<string, readonly NeighEntry[]> | undefined;
  for (const [id, seen] of learned.neigh) {
    const old = (neighbours ?? h.neighbours)?.get(id) ?? NONE;
    const merged = mergeNeigh(old, seen);
    if (merged === old) continue;
    neighbours ??= new Map(h.neighbours);
    neighbours.set(id, merged);
  }
  let fdb: Map<string, readonly FdbEntry[]> | undefined;
  for (const [key, seen] of learned.fdb) {
    const cut = key.indexOf('/');
    const [id, bridge] = [key.slice(0, cut), key.slice(cut + 1)];
    const br = linkNamed(h, id, bridge);
    if (br?.kind !== 'bridge') continue;
    const at = `${id}/${br.ifindex}`;
    const old = (fdb ?? h.fdb)?.get(at) ?? NONE;
    const merged = mergeFdb(old, seen);
    if (merged === old) continue;
    fdb ??= new Map(h.fdb);
    fdb.set(at, merged);
  }
  if (!neighbours && !fdb) return h;
  return { ...h, ...(neighbours ? { neighbours } : {}), ...(fdb ? { fdb } : {}) };
}
