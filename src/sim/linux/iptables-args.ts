/**
 * How iptables reads its command line (xshared.c do_parse, a getopt_long loop): short options may
 * be bundled (`-nvL`, `-tnat`), a command's chain may follow it or be attached (`-LINPUT`), and
 * everything that is not a command or a listing flag is kept, in order, as the rule's words.
 */
import { own } from '../own';

export type Letter = 'A' | 'C' | 'D' | 'I' | 'R' | 'L' | 'S' | 'F' | 'Z' | 'N' | 'X' | 'E' | 'P';

export interface Invocation {
  table: string;
  command?: Letter;
  chain?: string;
  rulenum?: number;
  policy?: string;
  flags: Set<string>;
  rule: string[];
  /** Option letters as iptables' legality table knows them (`0` is --line-numbers). */
  used: string[];
}

const LONG_COMMANDS: Readonly<Record<string, Letter>> = {
  '--append': 'A',
  '--check': 'C',
  '--delete': 'D',
  '--insert': 'I',
  '--replace': 'R',
  '--list': 'L',
  '--list-rules': 'S',
  '--flush': 'F',
  '--zero': 'Z',
  '--new-chain': 'N',
  '--new': 'N',
  '--delete-chain': 'X',
  '--rename-chain': 'E',
  '--policy': 'P',
};
const LONG_FLAGS: Readonly<Record<string, string>> = {
  '--numeric': 'n',
  '--verbose': 'v',
  '--exact': 'x',
  '--line-numbers': '0',
  '--line': '0',
};
const RULE_LETTERS = 'sdiopjmg';
const USED_LETTERS: Readonly<Record<string, string>> = {
  '--source': 's',
  '--src': 's',
  '--destination': 'd',
  '--dst': 'd',
  '--protocol': 'p',
  '--jump': 'j',
  '--in-interface': 'i',
  '--out-interface': 'o',
};

/** Options each command refuses (xshared.c commands_v_options), in iptables' checking order. */
export const ILLEGAL: Readonly<Record<Letter, string>> = {
  A: 'nx0',
  I: 'nx0',
  C: 'nx0',
  D: 'nx0',
  R: 'nx0',
  L: 'sdpjio',
  S: 'nsdpjxio0',
  F: 'nsdpjxio0',
  Z: 'nsdpjxio0',
  N: 'nsdpjxio0',
  X: 'nsdpjxio0',
  E: 'nsdpjxio0',
  P: 'nsdpjxio0',
};

/** Every long option iptables reads, for Tab completion. */
export const LONG_OPTIONS = [
  ...Object.keys(LONG_COMMANDS),
  '--table',
  ...Object.keys(LONG_FLAGS),
  ...Object.keys(USED_LETTERS),
  '--help',
  '--version',
];

export const CHECK_ORDER = 'nsdpjvxio0';

const isNumber = (s: string | undefined) => s !== undefined && /^\d+$/.test(s);
const isArg = (s: string | undefined) => s !== undefined && !s.startsWith('-') && s !== '!';

export function parseArgs(
  argv: readonly string[],
): { ok: true; inv: Invocation } | { ok: false; error: string } {
  const inv: Invocation = { table: 'filter', flags: new Set(), rule: [], used: [] };
  let i = 0;
  const fail = (error: string) => ({ ok: false as const, error });
  const setCommand = (c: Letter, attached: string): string | null => {
    if (inv.command) return `Cannot use -${c} with -${inv.command}\n`;
    inv.command = c;
    if ('ACDRINEP'.includes(c)) {
      const chain = attached || argv[++i];
      if (chain === undefined) return `option "-${c}" requires an argument`;
      inv.chain = chain;
    } else if (attached) inv.chain = attached;
    else if (isArg(argv[i + 1])) inv.chain = argv[++i];
    if ((c === 'I' || c === 'D' || c === 'L' || c === 'S') && isNumber(argv[i + 1]))
      inv.rulenum = Number(argv[++i]);
    if (c === 'P') {
      inv.policy = argv[++i];
      if (inv.policy === undefined) return '-P requires a chain and a policy';
    }
    return null;
  };
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '!') inv.rule.push(a);
    else if (a.startsWith('--')) {
      const letter = own(LONG_COMMANDS, a);
      if (letter) {
        const e = setCommand(letter, '');
        if (e) return fail(e);
      } else if (a === '--table') {
        const t = argv[++i];
        if (t === undefined) return fail('option "--table" requires an argument');
        inv.table = t;
      } else if (LONG_FLAGS[a]) {
        inv.flags.add(LONG_FLAGS[a]);
        inv.used.push(LONG_FLAGS[a]);
      } else if (a === '--version' || a === '--help') inv.flags.add(a);
      else {
        const used = USED_LETTERS[a];
        if (used) inv.used.push(used);
        inv.rule.push(a);
        if (isArg(argv[i + 1])) inv.rule.push(argv[++i] ?? '');
      }
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] ?? '';
        const rest = a.slice(j + 1);
        if ('ACDRINEPLSFZX'.includes(c)) {
          const e = setCommand(c as Letter, rest);
          if (e) return fail(e);
          break;
        }
        if ('nvx'.includes(c)) {
          inv.flags.add(c);
          inv.used.push(c);
        } else if (c === 't') {
          const t = rest || argv[++i];
          if (t === undefined) return fail('option "-t" requires an argument');
          inv.table = t;
          break;
        } else if (c === 'w' || c === 'W') {
          if (!rest && isNumber(argv[i + 1])) i++;
          break;
        } else if (RULE_LETTERS.includes(c)) {
          const v = rest || argv[++i];
          if (v === undefined) return fail(`option "-${c}" requires an argument`);
          inv.used.push(c);
          inv.rule.push(`-${c}`, v);
          break;
        } else if (c === 'h' || c === 'V') inv.flags.add(c === 'h' ? '--help' : '--version');
        else return fail(`unknown option "${a}"`);
      }
    } else return fail(`Bad argument \`${a}'`);
  }
  return { ok: true, inv };
}
