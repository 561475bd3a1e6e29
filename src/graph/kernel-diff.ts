/**
 * What one command changed in the kernel and the daemon, as a learner would list it by comparing
 * `docker ps`, `ip addr`, `ip route`, `iptables -S` and `/etc/hosts` before and after: a new veth
 * pair, an address, a DNAT rule, a removed endpoint. Pure: two Worlds in, a list out, in a fixed
 * order (by kind of object, then as the World lists them) so the same command always reads alike.
 */
import {
  hostsFileOf,
  routeLinesOf,
  type Container,
  type Host,
  type Link,
  type World,
} from '../sim';
import { containerRef, deviceRef, networkRef, portRef, type ObjectRef } from './refs';
import { peerPrefix } from './peer-hosts';

export type ChangeWhat =
  | 'container'
  | 'network'
  | 'endpoint'
  | 'bridge'
  | 'veth'
  | 'address'
  | 'route'
  | 'rule'
  | 'hosts-line'
  | 'port'
  | 'neighbour';

export interface Change {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly what: ChangeWhat;
  /** The object as the commands print it (`172.17.0.2/16 dev eth0 in web`, `-t nat -A DOCKER …`). */
  readonly text: string;
  readonly ref?: ObjectRef;
}

const ORDER: readonly ChangeWhat[] = [
  'container',
  'network',
  'endpoint',
  'bridge',
  'veth',
  'address',
  'route',
  'rule',
  'hosts-line',
  'port',
  'neighbour',
];

/** A keyed fact: `key` identifies it across worlds, `text` is how it reads. */
interface Fact {
  readonly key: string;
  readonly text: string;
  readonly ref?: ObjectRef;
  /** For facts that can change in place (a container's state). */
  readonly value?: string;
}

type Facts = Partial<Record<ChangeWhat, Fact[]>>;

export function kernelDiff(before: World, after: World): Change[] {
  if (before === after) return [];
  // Which host reads as plain (no `host2:`) is the one the learner is on now, both sides alike.
  const a = factsOf(before, after.terminal.host);
  const b = factsOf(after, after.terminal.host);
  const changes: Change[] = [];
  for (const what of ORDER) {
    const was = new Map((a[what] ?? []).map((f) => [f.key, f]));
    const now = new Map((b[what] ?? []).map((f) => [f.key, f]));
    for (const [key, f] of was) if (!now.has(key)) changes.push(change('removed', what, f));
    for (const [key, f] of now) {
      const old = was.get(key);
      if (!old) changes.push(change('added', what, f));
      else if (old.value !== f.value) changes.push(change('changed', what, f));
    }
  }
  return changes;
}

const change = (kind: Change['kind'], what: ChangeWhat, f: Fact): Change => ({
  kind,
  what,
  text: f.text,
  ...(f.ref ? { ref: f.ref } : {}),
});

/**
 * Every host's facts. Another host's are keyed by its name (both hosts have a docker0 and a
 * 172.17.0.0/16 route), read `host2: …`, and select what the graph draws under `@host2/`.
 */
function factsOf(world: World, mine: string): Facts {
  const facts: Facts = {};
  for (const host of Object.values(world.hosts)) {
    const peer = host.hostname !== mine;
    const prefix = peerPrefix(host.hostname);
    const add = (what: ChangeWhat, f: Fact) =>
      (facts[what] ??= []).push({
        key: `${host.hostname}|${f.key}`,
        text: peer ? `${host.hostname}: ${f.text}` : f.text,
        ...(f.ref ? { ref: peer ? `${prefix}${f.ref}` : f.ref } : {}),
        ...(f.value !== undefined ? { value: f.value } : {}),
      });
    const nsName = namespaceNamer(host);
    const containers = [...host.docker.containers.values()];
    for (const c of containers) {
      add('container', {
        key: c.id,
        text: `${c.name} (${c.image}) ${c.state.status}`,
        ref: containerRef(c.name),
        value: c.state.status,
      });
      for (const e of c.endpoints)
        if (e.joined)
          add('endpoint', {
            key: `${c.id}/${e.networkId}`,
            text: `${c.name} on ${e.networkName}: ${e.joined.ip}/${e.joined.prefix}`,
            ref: containerRef(c.name),
          });
      for (const p of c.ports)
        add('port', {
          key: `${p.hostIp}:${p.hostPort}/${p.proto}`,
          text: `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.proto} (${c.name})`,
          ref: portRef(p.hostIp, String(p.hostPort), p.proto),
        });
      if (c.state.status === 'running') hostsLines(host, c).forEach((f) => add('hosts-line', f));
    }
    for (const n of host.docker.networks.values())
      add('network', {
        key: n.id,
        text: `${n.name} (${n.driver}${n.ipam.config[0] ? ` ${n.ipam.config[0].subnet}` : ''})`,
        ref: networkRef(n.name),
      });
    for (const ns of host.netns.values()) {
      const where = nsName(ns.id);
      for (const l of ns.links)
        linkFacts(host, ns.id, where, l, nsName).forEach((f) => add(f.what, f));
      for (const r of routeLinesOf(host, ns.id))
        // Keyed by destination and device, so `linkdown` coming or going reads as a change.
        add('route', { key: `${ns.id}|${routeKey(r)}`, text: `${r} (${where})`, value: r });
    }
    for (const r of host.iptables.rules) {
      const text = `-t ${r.table} -A ${r.chain} ${r.spec}`;
      add('rule', { key: text, text });
    }
    for (const [ns, entries] of host.neighbours ?? [])
      for (const e of entries)
        if (e.state === 'REACHABLE' && e.mac)
          add('neighbour', {
            key: `${ns}|${e.ip}|${e.mac}`,
            text: `${e.ip} lladdr ${e.mac} (${nsName(ns)})`,
          });
  }
  return facts;
}

function linkFacts(
  host: Host,
  netns: string,
  where: string,
  l: Link,
  nsName: (id: string) => string,
): (Fact & { what: ChangeWhat })[] {
  const out: (Fact & { what: ChangeWhat })[] = [];
  const ref = deviceRef(netns, l.name);
  if (l.kind === 'bridge')
    out.push({ what: 'bridge', key: `${netns}/${l.ifindex}`, text: `${l.name} (${where})`, ref });
  // A veth pair is one change, listed from its host end (else from the lower ifindex).
  if (l.kind === 'veth' && l.peer && listsPair(host, netns, l)) {
    const peer = host.netns.get(l.peer.netns)?.links.find((x) => x.ifindex === l.peer?.ifindex);
    const other = peer ? `${peer.name} (${nsName(l.peer.netns)})` : '?';
    out.push({
      what: 'veth',
      key: `${netns}/${l.ifindex}`,
      text: `${l.name} (${where}) ↔ ${other}`,
      ref,
    });
  }
  // Every new namespace brings its own lo; the container's own line already says so.
  if (l.kind !== 'loopback')
    for (const a of l.addresses)
      out.push({
        what: 'address',
        key: `${netns}/${l.name}/${a.ip}/${a.prefix}`,
        text: `${a.ip}/${a.prefix} dev ${l.name} (${where})`,
        ref,
      });
  return out;
}

function listsPair(host: Host, netns: string, l: Link): boolean {
  const peer = l.peer;
  if (!peer || netns === 'host') return true;
  if (!host.netns.get(peer.netns)?.links.some((x) => x.ifindex === peer.ifindex)) return true;
  return peer.netns !== 'host' && peer.ifindex > l.ifindex;
}

/** `host`, a container's name, or an `ip netns add` name, for the namespace ids the kernel uses. */
function namespaceNamer(host: Host): (id: string) => string {
  const byNetns = new Map<string, string>();
  for (const c of host.docker.containers.values())
    if (c.netns && !byNetns.has(c.netns)) byNetns.set(c.netns, c.name);
  return (id) => {
    if (id === 'host') return 'host';
    return byNetns.get(id) ?? host.netns.get(id)?.name ?? id.slice(0, 12);
  };
}

/** The records Docker wrote for names (links, own address); the fixed localhost lines are left out. */
function hostsLines(host: Host, c: Container): Fact[] {
  return hostsFileOf(host, c)
    .split('\n')
    .filter((l) => /^\d/.test(l) && !l.startsWith('127.'))
    .map((l) => ({
      key: `${c.id}|${l}`,
      text: `${l.replace('\t', ' ')} (${c.name})`,
      ref: containerRef(c.name),
    }));
}

/** `default via GW dev eth0` -> `default eth0`. */
function routeKey(line: string): string {
  const words = line.split(' ');
  return `${words[0]} ${words[words.indexOf('dev') + 1]}`;
}
