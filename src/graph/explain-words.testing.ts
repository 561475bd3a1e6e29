/**
 * Test fixtures for the trace's sentences as a learner reads them: every event of a script's
 * traces worded in English or Chinese with the UI's own place namer, and the Latin-script words a
 * Chinese sentence still holds once names, devices, addresses and protocol terms are set aside.
 */
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { createWorld, runLine, type Trace, type TraceEvent, type World } from '../sim';
import { placeNamer } from '../ui/trace/place-name';
import { explainEvent, words } from './explain';

const messagesOf = (lang: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL(`../i18n/locales/${lang}/trace.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  ns: ['trace'],
  defaultNS: 'trace',
  resources: { en: { trace: messagesOf('en') }, zh: { trace: messagesOf('zh') } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

export type Lang = 'en' | 'zh';

/** Each event (a name lookup's own query events after it) with its sentence in `lang`. */
export function sentencesOf(world: World, trace: Trace, lang: Lang) {
  const t: TFunction<'trace'> = i18n.getFixedT(lang, 'trace');
  const place = placeNamer(world, t);
  const out: { event: TraceEvent; text: string }[] = [];
  const walk = (events: readonly TraceEvent[]) => {
    for (const event of events) {
      out.push({ event, text: words(explainEvent(event, place), (key, params) => t(key, params)) });
      if (event.kind === 'name-lookup' && event.query) walk(event.query);
    }
  };
  walk(trace.events);
  return out;
}

/** Runs a script in a fresh world: the world after it and each line's trace with its line. */
export function runScript(lines: readonly string[]) {
  let world = createWorld(0);
  const traces: { line: string; trace: Trace; world: World }[] = [];
  for (const line of lines) {
    const r = runLine(world, line);
    world = r.world;
    if (r.trace) traces.push({ line, trace: r.trace, world });
  }
  return { world, traces };
}

/** Protocol terms, kernel and iptables words, and Docker's own names, which stay in Latin script. */
const TERMS = new Set(
  (
    'ARP VNI UDP TCP ICMP IP DNS NAT DNAT SNAT MASQUERADE MAC TTL FDB VTEP VXLAN NXDOMAIN RST ' +
    'PERMANENT ACCEPT DROP REJECT RETURN NEW ESTABLISHED PREROUTING INPUT FORWARD OUTPUT ' +
    'POSTROUTING DOCKER DOCKER-USER DOCKER-FORWARD DOCKER-ISOLATION-STAGE-1 ' +
    'DOCKER-ISOLATION-STAGE-2 DOCKER-CT DOCKER-BRIDGE DOCKER-INTERNAL Docker iptables nat filter ' +
    'conntrack veth pair bridge fdb remote ip neigh macvlan ipvlan proxy vepa private hairpin pid ' +
    'echo reply dstport link type mode add net ipv4 ip_forward icc false internal Network is ' +
    'unreachable Connection refused ping curl wget nc telnet docker-proxy lan-client ssh dockerd busybox'
  ).split(' '),
);

/** What an event quotes as given: a route or rule as tools print it, the name asked, a program. */
function quotes(e: TraceEvent): string[] {
  if (e.kind === 'route') return [e.route];
  if (e.kind === 'netfilter') return e.matches.map((m) => m.rule);
  if (e.kind === 'dropped' && e.rule) return [e.rule];
  if (e.kind === 'name-lookup')
    return [e.name, ...(e.hostsLine ? [e.hostsLine.replace(/\t/g, ' ')] : [])];
  if (e.kind === 'delivered' && e.process?.kind === 'listener') return [e.process.comm];
  return [];
}

/** Every name the world gives: containers, networks, namespaces, devices, hosts. */
export function namesOf(world: World): Set<string> {
  const names = new Set<string>();
  for (const [hostname, h] of Object.entries(world.hosts)) {
    names.add(hostname);
    for (const c of h.docker.containers.values()) names.add(c.name);
    for (const n of h.docker.networks.values()) names.add(n.name);
    for (const ns of h.netns.values()) {
      if (ns.name) names.add(ns.name);
      for (const l of ns.links) names.add(l.name);
    }
  }
  return names;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The Latin-script words of a sentence that are none of: a name the world gives, a term, a token
 * with a digit or a dot (devices, addresses, MACs, domains), a path, or text the event quotes.
 */
export function englishLeft(text: string, e: TraceEvent, names: ReadonlySet<string>): string[] {
  let rest = text;
  // Longest first, and only where they stand whole (a name inside a longer name stays).
  for (const q of quotes(e).sort((a, b) => b.length - a.length))
    rest = rest.replace(new RegExp(`(?<![\\w.-])${escape(q)}(?![\\w-])`, 'g'), ' ');
  rest = rest.replace(/(?<!\w)\/[\w./-]+/g, ' ').replace(/\b[0-9a-f]{2}(:[0-9a-f]{2}){5}\b/gi, ' ');
  return (rest.match(/[A-Za-z][\w.:-]*/g) ?? [])
    .map((w) => w.replace(/[.:-]+$/, ''))
    .filter((w) => !TERMS.has(w) && !names.has(w) && !/[\d.]/.test(w) && !w.startsWith('--'));
}
