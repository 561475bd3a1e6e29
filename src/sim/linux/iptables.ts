/**
 * `iptables` on the CentOS Stream 9 host (iptables v1.8.10, nf_tables backend): lists the rules
 * Docker programmed (`-L`, `-S`) and lets a learner append, insert, delete and check rules and set
 * policies. The options are read the way iptables' getopt loop reads them, so `-nvL`, `-tnat` and
 * `-L POSTROUTING` all work. The rules belong to the host's network namespace; a container has no
 * CAP_NET_ADMIN by default, so iptables inside one is refused by the kernel.
 */
import { castDraft } from 'immer';
import type { Host, IptablesRule, World } from '../model';
import { plain } from '../net/kernel';
import { err, ok, type Result } from '../result';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { updateHost } from '../world';
import { chainHeader, resolverFrom, ruleLine, type ListFormat } from './iptables-format';
import {
  jumpTarget,
  parseRule,
  parseStored,
  saveRule,
  TARGETS,
  type RuleSpec,
} from './iptables-spec';
import { CHECK_ORDER, ILLEGAL, parseArgs, type Invocation } from './iptables-args';
import { whereIs } from './place';

const VERSION = 'iptables v1.8.10 (nf_tables)';
const TRY = "Try `iptables -h' or 'iptables --help' for more information.";
const ENOENT = 'iptables: No chain/target/match by that name.';

/** Built-in chains per table, in the hook order iptables lists them. */
const BUILTIN: Readonly<Record<string, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** Chains the daemon creates at start (moby iptables.go), even while they are still empty. */
const DOCKER_CHAINS: Readonly<Record<string, readonly string[]>> = {
  filter: ['DOCKER', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'DOCKER-USER'],
  nat: ['DOCKER'],
};

// ---------------------------------------------------------------- chains of a table

const rulesOf = (h: Host, table: string) => h.iptables.rules.filter((r) => r.table === table);

export function userChains(h: Host, table: string): string[] {
  const builtin = BUILTIN[table] ?? [];
  const rules = rulesOf(h, table);
  const names = new Set<string>();
  if (rules.some((r) => r.owner.startsWith('docker')))
    DOCKER_CHAINS[table]?.forEach((c) => names.add(c));
  for (const r of rules) {
    names.add(r.chain);
    const jump = jumpTarget(parseStored(r.spec));
    if (jump) names.add(jump);
  }
  // libiptc keeps user chains sorted by name (strcmp), and iptables-nft lists them the same way.
  return [...names]
    .filter((c) => !builtin.includes(c))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The tables iptables knows. */
export const TABLES = Object.keys(BUILTIN);

/** A table's chains in `iptables -L` order: the built-in ones, then the user chains. */
export const chainsOf = (h: Host, table: string) => [
  ...(BUILTIN[table] ?? []),
  ...userChains(h, table),
];

function references(h: Host, table: string, chain: string): number {
  return rulesOf(h, table).filter((r) => jumpTarget(parseStored(r.spec)) === chain).length;
}

const policyOf = (h: Host, table: string, chain: string) =>
  h.iptables.policies[`${table}:${chain}`] ?? 'ACCEPT';

// ---------------------------------------------------------------- listing

function list(h: Host, inv: Invocation): string {
  const f: ListFormat = {
    numeric: inv.flags.has('n'),
    verbose: inv.flags.has('v'),
    exact: inv.flags.has('x'),
    lineNumbers: inv.flags.has('0'),
  };
  const resolve = resolverFrom(h.files['/etc/hosts'] ?? '');
  const builtin = BUILTIN[inv.table] ?? [];
  const chains = inv.chain ? [inv.chain] : chainsOf(h, inv.table);
  return chains
    .map((chain) => {
      const head = builtin.includes(chain)
        ? {
            policy: policyOf(h, inv.table, chain),
            packets: 0,
            bytes: 0,
            ...h.iptables.policyCounters?.[`${inv.table}:${chain}`],
          }
        : { references: references(h, inv.table, chain) };
      const rules = rulesOf(h, inv.table).filter((r) => r.chain === chain);
      // `-L CHAIN N` prints rule N alone, without the chain's header.
      const lines = rules
        .map((r, n) => ruleLine(parseStored(r.spec), n + 1, r, f, resolve))
        .filter((_, n) => inv.rulenum === undefined || n + 1 === inv.rulenum);
      return (inv.rulenum === undefined ? chainHeader(chain, f, head) : '') + lines.join('');
    })
    .join('\n');
}

function listRules(h: Host, inv: Invocation): string {
  const verbose = inv.flags.has('v');
  const builtin = BUILTIN[inv.table] ?? [];
  const chains = inv.chain ? [inv.chain] : chainsOf(h, inv.table);
  const declare = (c: string) =>
    builtin.includes(c)
      ? `-P ${c} ${policyOf(h, inv.table, c)}${verbose ? ' -c 0 0' : ''}\n`
      : `-N ${c}\n`;
  const rules = chains.flatMap((c) =>
    rulesOf(h, inv.table)
      .filter((r) => r.chain === c)
      .map((r) => `-A ${c} ${saveRule(parseStored(r.spec), verbose ? r : undefined)}\n`)
      .filter((_, n) => inv.rulenum === undefined || n + 1 === inv.rulenum),
  );
  // `-S CHAIN N` prints rule N alone, without declaring the chain.
  return (inv.rulenum === undefined ? chains.map(declare).join('') : '') + rules.join('');
}

// ---------------------------------------------------------------- changing rules

/** Applies -A/-I/-D/-C/-P to the host's rules; a refusal is iptables' own one-line message. */
function editRules(p: Process, inv: Invocation, rule: RuleSpec | undefined): Result<World> {
  const table = inv.table as IptablesRule['table'];
  const chain = inv.chain ?? '';
  const spec = rule ? saveRule(rule) : '';
  const r = updateHost(p.world, p.place.host, (h) => {
    const all = [...plain(h.iptables.rules)];
    const at = all.flatMap((x, k) => (x.table === table && x.chain === chain ? [k] : []));
    const entry: IptablesRule = { table, chain, spec, owner: 'user', packets: 0, bytes: 0 };
    switch (inv.command) {
      case 'A':
        all.splice(at.length ? (at.at(-1) ?? 0) + 1 : all.length, 0, entry);
        break;
      case 'I': {
        const n = inv.rulenum ?? 1;
        if (n > at.length + 1) return err('iptables: Index of insertion too big.');
        all.splice(n <= at.length ? (at[n - 1] ?? 0) : (at.at(-1) ?? all.length - 1) + 1, 0, entry);
        break;
      }
      case 'D':
      case 'C': {
        const k = rule
          ? at.find((x) => saveRule(parseStored(all[x]?.spec ?? '')) === spec)
          : at[(inv.rulenum ?? 0) - 1];
        if (k === undefined)
          return err(
            rule
              ? 'iptables: Bad rule (does a matching rule exist in that chain?).'
              : 'iptables: Index of deletion too big.',
          );
        if (inv.command === 'C') return ok(undefined);
        all.splice(k, 1);
        break;
      }
      case 'P':
        h.iptables.policies[`${table}:${chain}`] = inv.policy as 'ACCEPT' | 'DROP';
        return ok(undefined);
    }
    h.iptables.rules = castDraft(all);
    return ok(undefined);
  });
  if (!r.ok) return r;
  return ok(inv.command === 'C' ? p.world : r.world);
}

/** What the command may change, checked as iptables checks it before asking the kernel. */
function change(p: Process, h: Host, inv: Invocation): ProcessResult {
  const chains = chainsOf(h, inv.table);
  const builtin = BUILTIN[inv.table] ?? [];
  if (inv.command === 'P') {
    if (!chains.includes(inv.chain ?? '')) return failure(p.world, ENOENT, 1);
    if (!builtin.includes(inv.chain ?? ''))
      return failure(p.world, 'iptables: Bad built-in chain name.', 1);
    if (inv.policy !== 'ACCEPT' && inv.policy !== 'DROP')
      return failure(p.world, 'iptables: Bad policy name.', 1);
  }
  let rule: RuleSpec | undefined;
  if (inv.command !== 'P' && !(inv.command === 'D' && inv.rulenum !== undefined)) {
    const parsed = parseRule(inv.rule);
    if (!parsed.ok) return failure(p.world, `${VERSION}: ${parsed.error}\n${TRY}`, 2);
    rule = parsed.value;
  }
  if (!chains.includes(inv.chain ?? '')) return failure(p.world, ENOENT, 1);
  const jump = rule?.target && !TARGETS[rule.target] ? rule.target : undefined;
  if (
    (inv.command === 'A' || inv.command === 'I') &&
    jump &&
    !userChains(h, inv.table).includes(jump)
  )
    return failure(
      p.world,
      `${VERSION}:  RULE_${inv.command === 'A' ? 'APPEND' : 'INSERT'} failed (No such file or directory): rule in chain ${inv.chain}`,
      4,
    );
  const r = editRules(p, inv, rule);
  return r.ok ? output(r.value) : failure(p.world, r.error, 1);
}

/** A container's iptables meets the kernel's refusal: Docker drops CAP_NET_ADMIN. */
function refusedInContainer(p: Process, flavour: string): ProcessResult {
  const version = flavour === 'debian' ? 'v1.8.9' : 'v1.8.10';
  return failure(
    p.world,
    `iptables ${version} (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)`,
    4,
  );
}

export function iptables(p: Process): ProcessResult {
  const parsed = parseArgs(p.argv.slice(1));
  if (!parsed.ok) return failure(p.world, `${VERSION}: ${parsed.error}\n${TRY}`, 2);
  const inv = parsed.inv;
  if (inv.flags.has('--version')) return output(p.world, `${VERSION}\n`);
  const w = whereIs(p);
  if (w.container) return refusedInContainer(p, w.userland);
  if (inv.flags.has('--help'))
    return failure(p.world, 'iptables --help: the help text is not simulated yet', 1);
  if (!inv.command) return failure(p.world, `${VERSION}: no command specified\n${TRY}`, 2);
  for (const o of CHECK_ORDER)
    if (inv.used.includes(o) && ILLEGAL[inv.command].includes(o))
      return failure(p.world, `${VERSION}: Illegal option \`-${o}' with this command\n\n${TRY}`, 2);
  if (!BUILTIN[inv.table])
    return failure(
      p.world,
      `${VERSION}: table '${inv.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.`,
      3,
    );
  const h = w.host;
  const known = chainsOf(h, inv.table);
  switch (inv.command) {
    case 'L':
    case 'S':
      if (inv.chain && !known.includes(inv.chain)) return failure(p.world, ENOENT, 1);
      return output(p.world, inv.command === 'L' ? list(h, inv) : listRules(h, inv));
    case 'A':
    case 'I':
    case 'D':
    case 'C':
    case 'P':
      if (inv.table !== 'filter' && inv.table !== 'nat')
        return failure(
          p.world,
          `iptables -t ${inv.table}: changing this table is not simulated yet`,
          1,
        );
      return change(p, h, inv);
    default:
      return failure(
        p.world,
        `iptables -${inv.command}: creating, flushing, zeroing, renaming or replacing chains and rules is not simulated yet`,
        1,
      );
  }
}
