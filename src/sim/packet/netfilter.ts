/**
 * Netfilter as the walker meets it: the host's iptables rules (in `iptables -S` form, as Docker and
 * the learner wrote them) matched against one packet at one hook, chains followed through jumps
 * and RETURNs down to a verdict or the built-in chain's policy. Only what the rules in this lab use
 * is understood (-i/-o, -s/-d, -p, --dport/--sport, addrtype, conntrack --ctstate, with `!`); a rule
 * with any other match is treated as not matching. Every matched rule and every policy that
 * decides counts the packet, as `iptables -L -v` would show.
 */
import type { Host, Iptables, IptablesRule, Ipv4 } from '../model';
import { blockContains, blockOf, parseCidr, isIpv4 } from '../net/ipv4';
import type { RuleMatch } from './trace';

export type Table = IptablesRule['table'];
export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED';

export interface Headers {
  readonly src: Ipv4;
  readonly dst: Ipv4;
  readonly proto: 'icmp' | 'tcp' | 'udp';
  readonly dport?: number;
}

export interface MatchContext {
  readonly pkt: Headers;
  readonly inDev?: string;
  readonly outDev?: string;
  readonly ctstate: CtState;
  readonly isLocal: (ip: Ipv4) => boolean;
}

/** Rule positions per `table:chain`, in order, built once per walk. */
export type RuleIndex = ReadonlyMap<string, readonly number[]>;

/** Counter increments collected during a walk, applied to the host at the end. */
export interface Counters {
  readonly rules: Map<number, { packets: number; bytes: number }>;
  readonly policies: Map<string, { packets: number; bytes: number }>;
}

export type NatAction =
  | { readonly kind: 'dnat'; readonly ip: Ipv4; readonly port?: number }
  | { readonly kind: 'snat'; readonly ip: Ipv4 }
  | { readonly kind: 'masquerade' };

export interface HookResult {
  readonly matches: readonly RuleMatch[];
  /** ACCEPT, DROP, DNAT, SNAT, MASQUERADE, or `policy ACCEPT` / `policy DROP`. */
  readonly verdict: string;
  readonly accepted: boolean;
  readonly nat?: NatAction;
  /** The rule that decided (absent when the policy did). */
  readonly decidedBy?: RuleMatch;
}

export const emptyCounters = (): Counters => ({ rules: new Map(), policies: new Map() });

export function indexRules(ipt: Iptables): RuleIndex {
  const ix = new Map<string, number[]>();
  ipt.rules.forEach((r, i) => {
    const key = `${r.table}:${r.chain}`;
    const list = ix.get(key);
    if (list) list.push(i);
    else ix.set(key, [i]);
  });
  return ix;
}

function interfaceMatches(pattern: string, dev: string | undefined): boolean {
  if (dev === undefined) return false;
  // iptables: a trailing `+` matches every interface with that prefix.
  return pattern.endsWith('+') ? dev.startsWith(pattern.slice(0, -1)) : dev === pattern;
}

function addressMatches(spec: string, ip: Ipv4): boolean {
  const c = parseCidr(spec.includes('/') ? spec : `${spec}/32`);
  return !!c && blockContains(blockOf(c.ip, c.prefix), ip);
}

/** Matches every condition of a rule; returns the target part (`-j X …`) or undefined. */
function matchRule(spec: string, m: MatchContext): string[] | undefined {
  const t = spec.split(/\s+/).filter(Boolean);
  let neg = false;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i];
    if (tok === '!') {
      neg = true;
      continue;
    }
    if (tok === '-j' || tok === '-g') return t.slice(i + 1);
    const v = t[i + 1] ?? '';
    let hit: boolean;
    switch (tok) {
      case '-i':
        hit = interfaceMatches(v, m.inDev);
        break;
      case '-o':
        hit = interfaceMatches(v, m.outDev);
        break;
      case '-s':
        hit = addressMatches(v, m.pkt.src);
        break;
      case '-d':
        hit = addressMatches(v, m.pkt.dst);
        break;
      case '-p':
        hit = v === 'all' || v === m.pkt.proto;
        break;
      case '--dport':
        hit = m.pkt.dport !== undefined && String(m.pkt.dport) === v;
        break;
      case '--dst-type':
        hit = v === 'LOCAL' && m.isLocal(m.pkt.dst);
        break;
      case '--src-type':
        hit = v === 'LOCAL' && m.isLocal(m.pkt.src);
        break;
      case '--ctstate':
      case '--state':
        hit = v.split(',').includes(m.ctstate);
        break;
      case '-m':
      case '--comment':
        i++;
        continue;
      default:
        // A match this lab does not model: never claim the rule matched.
        return undefined;
    }
    if (hit === neg) return undefined;
    neg = false;
    i++;
  }
  return undefined;
}

function natOf(target: string[]): NatAction | undefined {
  const [name, opt, value = ''] = target;
  if (name === 'MASQUERADE') return { kind: 'masquerade' };
  if (name === 'DNAT' && opt === '--to-destination') {
    const [ip = '', port] = value.split(':');
    return isIpv4(ip) ? { kind: 'dnat', ip, ...(port ? { port: Number(port) } : {}) } : undefined;
  }
  if (name === 'SNAT' && opt === '--to-source') {
    const ip = value.split(':')[0] ?? '';
    return isIpv4(ip) ? { kind: 'snat', ip } : undefined;
  }
  return undefined;
}

function bump<K>(map: Map<K, { packets: number; bytes: number }>, key: K, bytes: number) {
  const c = map.get(key) ?? { packets: 0, bytes: 0 };
  map.set(key, { packets: c.packets + 1, bytes: c.bytes + bytes });
}

type ChainOutcome =
  { end: 'verdict'; verdict: string; nat?: NatAction; by: RuleMatch } | { end: 'return' };

function walkChain(
  h: Host,
  ix: RuleIndex,
  table: Table,
  chain: string,
  m: MatchContext,
  bytes: number,
  counters: Counters,
  matches: RuleMatch[],
  depth: number,
): ChainOutcome {
  if (depth > 16) return { end: 'return' };
  for (const i of ix.get(`${table}:${chain}`) ?? []) {
    const r = h.iptables.rules[i];
    const target = matchRule(r.spec, m);
    if (!target) continue;
    bump(counters.rules, i, bytes);
    const hit: RuleMatch = { table, chain, rule: `-A ${chain} ${r.spec}`, target: target[0] ?? '' };
    matches.push(hit);
    const name = target[0] ?? '';
    if (name === 'RETURN') return { end: 'return' };
    if (name === 'ACCEPT' || name === 'DROP') return { end: 'verdict', verdict: name, by: hit };
    if (name === 'REJECT') return { end: 'verdict', verdict: 'DROP', by: hit };
    const nat = natOf(target);
    if (nat) return { end: 'verdict', verdict: name, nat, by: hit };
    if (name === 'LOG' || name === '') continue;
    // A jump into a user chain: its verdict ends the walk, its RETURN resumes this chain.
    const sub = walkChain(h, ix, table, name, m, bytes, counters, matches, depth + 1);
    if (sub.end === 'verdict') return sub;
  }
  return { end: 'return' };
}

/** Walks one built-in chain (`nat PREROUTING`, `filter FORWARD`, …) for one packet. */
export function runHook(
  h: Host,
  ix: RuleIndex,
  table: Table,
  chain: string,
  m: MatchContext,
  bytes: number,
  counters: Counters,
): HookResult {
  const matches: RuleMatch[] = [];
  const out = walkChain(h, ix, table, chain, m, bytes, counters, matches, 0);
  if (out.end === 'verdict')
    return {
      matches,
      verdict: out.verdict,
      accepted: out.verdict !== 'DROP',
      ...(out.nat ? { nat: out.nat } : {}),
      decidedBy: out.by,
    };
  const key = `${table}:${chain}`;
  const policy = h.iptables.policies[key] ?? 'ACCEPT';
  bump(counters.policies, key, bytes);
  return { matches, verdict: `policy ${policy}`, accepted: policy === 'ACCEPT' };
}

/** The host with the walk's counter increments added to its rules and policies. */
export function applyCounters(h: Host, c: Counters): Host {
  if (c.rules.size === 0 && c.policies.size === 0) return h;
  const rules = h.iptables.rules.map((r, i) => {
    const add = c.rules.get(i);
    return add ? { ...r, packets: r.packets + add.packets, bytes: r.bytes + add.bytes } : r;
  });
  const policyCounters = { ...(h.iptables.policyCounters ?? {}) };
  for (const [key, add] of c.policies) {
    const was = policyCounters[key] ?? { packets: 0, bytes: 0 };
    policyCounters[key] = { packets: was.packets + add.packets, bytes: was.bytes + add.bytes };
  }
  return { ...h, iptables: { ...h.iptables, rules, policyCounters } };
}
