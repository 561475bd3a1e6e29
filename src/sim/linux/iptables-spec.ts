/**
 * A rule specification, the part of an iptables rule after `-A CHAIN`: parsed from what a learner
 * types (long options, implicit `-m tcp`, hosts without a mask) or from the canonical `iptables -S`
 * form the model stores, and printed back in that canonical form. The canonical order is the one
 * iptables' save code uses (xshared.c save_ipv4_addr / save_rule_details, then each match's save
 * function, then the target): `-s -d -i -o -p -m … -j …`, addresses always with `/prefix`.
 */
import { err, ok, type Result } from '../result';

export interface Negatable {
  readonly value: string;
  readonly inv: boolean;
}

export interface Option {
  readonly flag: string;
  readonly value: string;
  readonly inv: boolean;
}

export interface Match {
  readonly name: string;
  readonly opts: readonly Option[];
}

export interface RuleSpec {
  readonly src?: Negatable;
  readonly dst?: Negatable;
  readonly inIf?: Negatable;
  readonly outIf?: Negatable;
  readonly proto?: Negatable;
  readonly matches: readonly Match[];
  readonly target?: string;
  readonly targetOpts: readonly Option[];
}

/** Option aliases (first) and canonical flags in the order the extension's save function prints them. */
interface Extension {
  readonly aliases: Readonly<Record<string, string>>;
  readonly order: readonly string[];
}

const PORTS: Extension = {
  aliases: { '--source-port': '--sport', '--destination-port': '--dport' },
  order: ['--sport', '--dport'],
};

/** Matches the lab knows (libxt_tcp, libxt_udp, libxt_conntrack, libxt_state, libxt_addrtype, libxt_comment). */
export const MATCHES: Readonly<Record<string, Extension>> = {
  tcp: PORTS,
  udp: PORTS,
  conntrack: { aliases: {}, order: ['--ctstate'] },
  state: { aliases: {}, order: ['--state'] },
  addrtype: { aliases: {}, order: ['--src-type', '--dst-type'] },
  comment: { aliases: {}, order: ['--comment'] },
};

/** Target extensions; anything else after -j is a chain. */
export const TARGETS: Readonly<Record<string, Extension>> = {
  ACCEPT: { aliases: {}, order: [] },
  DROP: { aliases: {}, order: [] },
  RETURN: { aliases: {}, order: [] },
  DNAT: { aliases: {}, order: ['--to-destination'] },
  SNAT: { aliases: {}, order: ['--to-source'] },
  MASQUERADE: { aliases: {}, order: ['--to-ports'] },
  REJECT: { aliases: {}, order: ['--reject-with'] },
};

/** conntrack/state print the states in this fixed order, whatever order they were given in. */
const STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

const PROTOCOLS: Readonly<Record<string, string>> = {
  '0': 'all',
  all: 'all',
  '1': 'icmp',
  icmp: 'icmp',
  '6': 'tcp',
  tcp: 'tcp',
  '17': 'udp',
  udp: 'udp',
};

const LONG: Readonly<Record<string, string>> = {
  '--source': '-s',
  '--src': '-s',
  '--destination': '-d',
  '--dst': '-d',
  '--in-interface': '-i',
  '--out-interface': '-o',
  '--protocol': '-p',
  '--match': '-m',
  '--jump': '-j',
};

/** Splits a stored spec into words; a double-quoted comment stays one word. */
export function specWords(spec: string): string[] {
  return [...spec.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? ''),
  );
}

const toInt = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** `172.18.0.5/16` -> `172.18.0.0/16`, `10.0.0.1` -> `10.0.0.1/32`; iptables masks host bits. */
export function canonicalCidr(text: string): string | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){0,3})(?:\/(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const octets = (m[1] ?? '').split('.').map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  while (octets.length < 4) octets.push(0);
  const prefix = m[2] === undefined ? 32 : Number(m[2]);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return `${toIp(Math.floor(toInt(octets.join('.')) / size) * size)}/${prefix}`;
}

function canonicalValue(flag: string, value: string): string {
  if (flag === '--ctstate' || flag === '--state') {
    const given = value.toUpperCase().split(',');
    return STATES.filter((s) => given.includes(s)).join(',');
  }
  return value;
}

interface Draft {
  src?: Negatable;
  dst?: Negatable;
  inIf?: Negatable;
  outIf?: Negatable;
  proto?: Negatable;
  matches: { name: string; opts: Option[] }[];
  target?: string;
  targetOpts: Option[];
}

/**
 * Parses rule words (what follows the chain), as iptables' option parser does: `!` negates the
 * next option; `-p tcp --dport 80` loads the tcp match implicitly. Errors are iptables' texts,
 * without the `iptables v…:` prefix the caller adds.
 */
export function parseRule(words: readonly string[], lenient = false): Result<RuleSpec> {
  const r: Draft = { matches: [], targetOpts: [] };
  let inv = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '!') {
      if (inv) return err('multiple consecutive ! not allowed');
      inv = true;
      continue;
    }
    const flag = LONG[word] ?? word;
    if (!flag.startsWith('-')) return err(`Bad argument \`${word}'`);
    // A stored rule may carry value-less options of extensions the lab does not know (--random-fully).
    const bare = lenient && (words[i + 1] === undefined || /^[-!]/.test(words[i + 1] ?? ''));
    const value = bare ? '' : words[i + 1];
    if (value === undefined) return err(`option "${word}" requires an argument`);
    if (!bare) i++;
    switch (flag) {
      case '-s':
      case '-d': {
        const cidr = canonicalCidr(value);
        if (!cidr) return err(`host/network \`${value}' not found`);
        r[flag === '-s' ? 'src' : 'dst'] = { value: cidr, inv };
        break;
      }
      case '-i':
      case '-o':
        r[flag === '-i' ? 'inIf' : 'outIf'] = { value, inv };
        break;
      case '-p': {
        const proto = PROTOCOLS[value.toLowerCase()];
        if (!proto) return err(`unknown protocol "${value}" specified`);
        r.proto = { value: proto, inv };
        break;
      }
      case '-m':
        if (inv) return err('unexpected ! flag before --match');
        if (!MATCHES[value] && !lenient)
          return err(`Couldn't load match \`${value}':No such file or directory\n`);
        r.matches.push({ name: value, opts: [] });
        break;
      case '-j':
        r.target = value;
        break;
      default: {
        const option = (ext: Extension | undefined) => {
          const f = ext?.aliases[flag] ?? flag;
          return ext?.order.includes(f) ? { flag: f, value: canonicalValue(f, value), inv } : null;
        };
        const asTarget = r.target ? option(TARGETS[r.target]) : null;
        const owner = r.matches.findLast((m) => option(MATCHES[m.name]));
        const proto = r.proto && !r.proto.inv ? r.proto.value : '';
        if (asTarget) r.targetOpts.push(asTarget);
        else if (owner) owner.opts.push(option(MATCHES[owner.name])!);
        else if (option(MATCHES[proto]))
          r.matches.push({ name: proto, opts: [option(MATCHES[proto])!] });
        else if (!lenient) return err(`unknown option "${word}"`);
        else (r.target ? r.targetOpts : (r.matches.at(-1)?.opts ?? [])).push({ flag, value, inv });
      }
    }
    inv = false;
  }
  if (r.target === 'REJECT' && !r.targetOpts.length)
    r.targetOpts.push({ flag: '--reject-with', value: 'icmp-port-unreachable', inv: false });
  return ok(r);
}

const neg = (n: Negatable | undefined, flag: string, skipAny = false): string[] =>
  !n || (skipAny && n.value === '0.0.0.0/0' && !n.inv)
    ? []
    : [...(n.inv ? ['!'] : []), flag, n.value];

const quoted = (v: string) => (/^[^\s"'\\]+$/.test(v) ? v : `"${v.replace(/(["\\])/g, '\\$1')}"`);

function sortedOpts(opts: readonly Option[], ext: Extension | undefined): Option[] {
  const order = ext?.order ?? [];
  return [...opts].sort((a, b) => order.indexOf(a.flag) - order.indexOf(b.flag));
}

/** The spec as `iptables -S` prints it; `counters` puts `-c P B` where iptables does, before `-j`. */
export function saveRule(r: RuleSpec, counters?: { packets: number; bytes: number }): string {
  const words = [
    ...neg(r.src, '-s', true),
    ...neg(r.dst, '-d', true),
    ...neg(r.inIf, '-i'),
    ...neg(r.outIf, '-o'),
    ...(r.proto && (r.proto.value !== 'all' || r.proto.inv) ? neg(r.proto, '-p') : []),
    ...r.matches.flatMap((m) => [
      '-m',
      m.name,
      ...sortedOpts(m.opts, MATCHES[m.name]).flatMap((o) => [
        ...(o.inv ? ['!'] : []),
        o.flag,
        ...(o.value ? [quoted(o.value)] : []),
      ]),
    ]),
    ...(counters ? ['-c', String(counters.packets), String(counters.bytes)] : []),
    ...(r.target
      ? [
          '-j',
          r.target,
          ...sortedOpts(r.targetOpts, TARGETS[r.target]).flatMap((o) =>
            o.value ? [o.flag, o.value] : [o.flag],
          ),
        ]
      : []),
  ];
  return words.join(' ');
}

/** The canonical spec of a stored rule (Docker's specs are already canonical; this also checks them). */
export function parseStored(spec: string): RuleSpec {
  const r = parseRule(specWords(spec), true);
  if (!r.ok) throw new Error(`stored iptables rule "${spec}" does not parse: ${r.error}`);
  return r.value;
}

/** The chain a rule jumps to, if its target is not an extension. */
export const jumpTarget = (r: RuleSpec): string | undefined =>
  r.target && !TARGETS[r.target] ? r.target : undefined;
