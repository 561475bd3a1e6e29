/**
 * One trace event as a plain sentence, given as an i18next key in the `trace` namespace and its
 * parameters, so every explanation exists in English and Chinese. The facts a sentence names (who
 * answered an ARP request, who took the packet, why macvlan or VXLAN dropped it) come as data and
 * are worded here as phrases of their own; the engine's `explanation` strings of name lookups are
 * English, their shapes (packet/resolve.ts) read for the facts they carry, and an unknown shape
 * falls back to the engine's text (`event.raw`).
 */
import type { TraceEvent } from '../sim';
import { answerer, cause, deviceOf, phrase, receiver, VIA } from './explain-facts';

/** A parameter: words as they are, or a phrase the caller words first (in the same namespace). */
export type Param = string | Explanation;

export interface Explanation {
  readonly key: string;
  readonly params: Readonly<Record<string, Param>>;
}

/**
 * Names a namespace for a sentence, on lab host `host` when not the terminal's: a container's
 * name, "the host", … (the caller translates). `who` names it as the one who acts ("container
 * web"); without it, the place name serves.
 */
export interface PlaceName {
  (netns: string, host?: string): string;
  readonly who?: (netns: string, host?: string) => string;
}

const plain: PlaceName = (netns) => netns;

/** The sentence in the caller's language: its phrases worded first, then put into it. */
export function words(e: Explanation, t: (key: string, params: Record<string, string>) => string) {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.params))
    params[k] = typeof v === 'string' ? v : words(v, t);
  return t(e.key, params);
}

const raw = (text: string): Explanation => ({ key: 'event.raw', params: { text } });

/** A `--link` line names the alias and the linked container's short id (`172.17.0.2 db 7872…`). */
const isLinkLine = (line: string): boolean => {
  const names = line.trim().split(/\s+/).slice(1);
  return names.length >= 2 && names.some((n) => /^[0-9a-f]{12}$/.test(n));
};

type Lookup = Extract<TraceEvent, { kind: 'name-lookup' }>;

function explainLookup(e: Lookup): Explanation {
  const p = { name: e.name, answer: e.answer ?? '', server: e.server ?? '' };
  if (e.source === 'hosts-file')
    return {
      key: isLinkLine(e.hostsLine ?? '') ? 'event.lookup.hostsLink' : 'event.lookup.hosts',
      params: { ...p, line: (e.hostsLine ?? '').replace(/\t/g, ' ') },
    };
  if (e.source === 'embedded-dns' && e.record)
    return {
      key: 'event.lookup.embedded',
      params: { ...p, network: e.record.network, container: e.record.container },
    };
  if (e.source === 'host-resolver') return { key: 'event.lookup.public', params: p };
  const servers = /no resolver \((.*)\) could be reached/.exec(e.explanation)?.[1] ?? '';
  const tail = e.reason === 'nxdomain' ? 'Nx' : 'Unreachable';
  const params = { ...p, servers };
  if (e.explanation.includes('docker0 has no embedded DNS'))
    return { key: `event.lookup.docker0${tail}`, params };
  const forwarded = /knows no container .* on (.+)'s networks and forwarded it/.exec(e.explanation);
  if (forwarded)
    return { key: `event.lookup.embedded${tail}`, params: { ...params, container: forwarded[1] } };
  const noUser = /; (.+) is on no user-defined network, so there is no embedded DNS;/.exec(
    e.explanation,
  );
  if (noUser)
    return {
      key: `event.lookup.noUserNetwork${tail}`,
      params: { ...params, container: noUser[1] },
    };
  if (e.explanation.includes('the host asks its own resolvers'))
    return { key: `event.lookup.host${tail}`, params };
  return raw(e.explanation);
}

type Netfilter = Extract<TraceEvent, { kind: 'netfilter' }>;

function explainNetfilter(e: Netfilter): Explanation {
  const decided = e.matches.at(-1);
  const params = {
    table: e.table,
    hook: e.hook,
    verdict: e.verdict,
    rule: decided?.rule ?? '',
    chain: decided?.chain ?? e.hook,
  };
  if (e.before && e.after) {
    const nat = {
      ...params,
      beforeSrc: e.before.src,
      beforeDst: e.before.dst,
      afterSrc: e.after.src,
      afterDst: e.after.dst,
    };
    return {
      key: e.verdict === 'MASQUERADE' ? 'event.netfilter.masquerade' : 'event.netfilter.dnat',
      params: nat,
    };
  }
  if (e.verdict.startsWith('policy ') || !decided)
    return { key: 'event.netfilter.policy', params: { ...params, policy: e.verdict.slice(7) } };
  if (e.verdict === 'DROP' || e.verdict === 'REJECT')
    return { key: 'event.netfilter.drop', params };
  return { key: 'event.netfilter.accept', params };
}

type Dropped = Extract<TraceEvent, { kind: 'dropped' }>;

/** The destination an engine sentence names last (`… has no route to 10.9.9.9`). */
const lastAddress = (text: string): string => text.match(/\d+\.\d+\.\d+\.\d+/g)?.at(-1) ?? '';

function explainDrop(e: Dropped, place: PlaceName): Explanation {
  const params = {
    at: deviceOf(e.netns, e.at),
    place: place(e.netns, e.host),
    rule: e.rule ?? '',
    dst: lastAddress(e.explanation),
  };
  switch (e.reason) {
    case 'netfilter': {
      // The engine says which hook and chain decided, and on which interfaces (design rule 3).
      const f = e.netfilter;
      const ends = { in: f?.inDev ?? '', out: f?.outDev ?? '' };
      if (f?.chain === 'DOCKER-ISOLATION-STAGE-2')
        return { key: 'event.drop.isolation', params: { ...params, ...ends } };
      if (f?.chain === 'DOCKER-ISOLATION-STAGE-1')
        return { key: 'event.drop.internal', params: { ...params, ...ends } };
      if (f && !f.policy && f.hook === 'FORWARD' && f.inDev && f.inDev === f.outDev)
        return { key: 'event.drop.icc', params: { ...params, bridge: f.inDev } };
      if (f?.policy) return { key: 'event.drop.policy', params: { ...params, chain: f.chain } };
      return { key: 'event.drop.rule', params: { ...params, chain: f?.chain ?? e.at } };
    }
    case 'no-route':
      return { key: 'event.drop.noRoute', params };
    case 'arp-failed':
      return {
        key: 'event.drop.arpFailed',
        params: { ...params, who: lastAddress(e.explanation) },
      };
    case 'no-carrier':
      return { key: 'event.drop.noCarrier', params };
    case 'ip-forward-disabled':
      return { key: 'event.drop.ipForward', params };
    case 'not-a-router':
      return { key: 'event.drop.notRouter', params };
    case 'ttl-exceeded':
      return { key: 'event.drop.ttl', params };
    case 'loop':
      return { key: 'event.drop.loop', params };
    case 'no-such-host':
      return { key: 'event.drop.noSuchHost', params };
    case 'macvlan-isolation':
    case 'vxlan': {
      const why = e.cause ? cause(e.cause, e, params.dst, place) : e.explanation;
      const key = e.reason === 'vxlan' ? 'event.drop.vxlan' : 'event.drop.macvlan';
      return { key, params: { ...params, why } };
    }
  }
}

export function explainEvent(e: TraceEvent, place: PlaceName = plain): Explanation {
  switch (e.kind) {
    case 'name-lookup':
      return explainLookup(e);
    case 'route':
      return e.reason === 'unreachable'
        ? { key: 'event.route.none', params: { place: place(e.netns, e.host), dst: e.dst } }
        : {
            key: e.via ? 'event.route.gateway' : 'event.route.direct',
            params: {
              place: place(e.netns, e.host),
              dst: e.dst,
              route: e.route,
              via: e.via ?? '',
            },
          };
    case 'arp':
      return e.mac
        ? {
            key: 'event.arp.answered',
            params: {
              dev: e.dev,
              who: e.who,
              mac: e.mac,
              by: e.answeredBy ? answerer(e.answeredBy, place, e.host) : '',
            },
          }
        : { key: 'event.arp.none', params: { dev: e.dev, who: e.who } };
    case 'transmit':
      return {
        key: 'event.transmit',
        params: {
          place: place(e.netns, e.host),
          dev: deviceOf(e.netns, e.dev),
          src: e.src,
          dst: e.dst,
          ttl: String(e.ttl),
        },
      };
    case 'lan':
      return { key: 'event.lan', params: { from: e.from, to: e.to, dst: e.dst } };
    case 'vxlan-encap':
      return {
        key: 'event.vxlan.encap',
        params: {
          dev: e.dev,
          vni: String(e.vni),
          innerDst: e.inner.dst,
          outerSrc: e.outer.src,
          outerDst: e.outer.dst,
          srcPort: String(e.outer.srcPort),
          dstPort: String(e.outer.dstPort),
          via: phrase(VIA[e.via]),
        },
      };
    case 'vxlan-decap':
      return {
        key: 'event.vxlan.decap',
        params: { dev: e.dev, vni: String(e.vni), innerSrc: e.inner.src, innerDst: e.inner.dst },
      };
    case 'veth':
      return {
        key: 'event.veth',
        params: {
          from: e.from.dev,
          to: e.to.dev,
          fromPlace: place(e.from.netns, e.host),
          toPlace: place(e.to.netns, e.host),
        },
      };
    case 'bridge': {
      const params = { bridge: e.bridge, in: e.inPort, out: e.outPort };
      if (e.outPort === 'host') return { key: 'event.bridge.toHost', params };
      if (e.inPort === 'host') return { key: 'event.bridge.fromHost', params };
      return { key: 'event.bridge.forward', params };
    }
    case 'host-routing':
      return {
        key: e.ipForward ? 'event.hostRouting.forward' : 'event.hostRouting.off',
        params: {
          in: e.inDev,
          out: e.outDev,
          before: String(e.ttlBefore),
          after: String(e.ttlAfter),
        },
      };
    case 'netfilter':
      return explainNetfilter(e);
    case 'conntrack':
      if (!e.nat)
        return {
          key: e.state === 'NEW' ? 'event.conntrack.new' : 'event.conntrack.established',
          params: {},
        };
      return {
        key: e.nat.kind === 'un-snat' ? 'event.conntrack.unSnat' : 'event.conntrack.unDnat',
        params: {
          beforeSrc: e.nat.before.src,
          beforeDst: e.nat.before.dst,
          afterSrc: e.nat.after.src,
          afterDst: e.nat.after.dst,
        },
      };
    case 'delivered':
      return {
        key: e.direction === 'reply' ? 'event.delivered.reply' : 'event.delivered.request',
        params: {
          place: place(e.netns, e.host),
          address: e.address,
          process: receiver(e.process),
        },
      };
    case 'dropped':
      return explainDrop(e, place);
  }
}
