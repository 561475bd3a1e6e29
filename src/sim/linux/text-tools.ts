/**
 * Filters for pipelines (`docker inspect x | grep -i ipaddr`): grep, head, tail, wc over stdin or
 * readable files. GNU and busybox agree on these outputs; only their error texts differ.
 */
import { own } from '../own';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { readAt } from './file-tree';

type Program = (p: Process) => ProcessResult;

const linesOf = (text: string): string[] => {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

/** Reads the operands (or stdin); GNU and busybox word a missing file the same way here. */
function inputs(
  p: Process,
  tool: string,
  names: readonly string[],
): { texts: [string, string][]; stderr: string } {
  if (names.length === 0) return { texts: [['-', p.stdin]], stderr: '' };
  const texts: [string, string][] = [];
  let stderr = '';
  for (const n of names) {
    const t = n === '-' ? p.stdin : readAt(p.world, p.place, n);
    if (t === undefined) stderr += `${tool}: ${n}: No such file or directory\n`;
    else texts.push([n, t]);
  }
  return { texts, stderr };
}

/** Basic regular expressions: `\|`, `\(`, `\)`, `\{`, `\}` are the operators; bare ones literal. */
function breToJs(pattern: string): string {
  return pattern.replace(/\\([|(){}+?])|([|(){}+?])/g, (_m, esc: string, bare: string) =>
    esc ? esc : `\\${bare}`,
  );
}

const GREP_USAGE =
  "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.";
const GREP_LONG: Readonly<Record<string, string>> = {
  '--color': 'color',
  '--colour': 'color',
  '--ignore-case': 'i',
  '--invert-match': 'v',
  '--extended-regexp': 'E',
  '--count': 'c',
};

export const grep: Program = (p) => {
  let ignoreCase = false;
  let invert = false;
  let extended = false;
  let count = false;
  let pattern: string | undefined;
  const files: string[] = [];
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e') pattern = args[++i];
    else if (a.startsWith('--') && pattern === undefined && files.length === 0) {
      // CentOS's `grep` alias adds --color=auto; the lab's terminal shows matches uncoloured.
      const long = own(GREP_LONG, a.replace(/=.*/, ''));
      if (!long) return failure(p.world, `grep: unrecognized option '${a}'\n${GREP_USAGE}`, 2);
      if (long === 'i') ignoreCase = true;
      else if (long === 'v') invert = true;
      else if (long === 'E') extended = true;
      else if (long === 'c') count = true;
    } else if (a.startsWith('-') && a.length > 1 && pattern === undefined && files.length === 0) {
      for (const f of a.slice(1)) {
        if (f === 'i') ignoreCase = true;
        else if (f === 'v') invert = true;
        else if (f === 'E') extended = true;
        else if (f === 'c') count = true;
      }
    } else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined) return failure(p.world, GREP_USAGE, 2);
  let re: RegExp;
  try {
    re = new RegExp(extended ? pattern : breToJs(pattern), ignoreCase ? 'i' : '');
  } catch {
    return failure(p.world, 'grep: Unmatched ( or \\(', 2);
  }
  const { texts, stderr } = inputs(p, 'grep', files);
  let stdout = '';
  let matched = 0;
  for (const [name, text] of texts) {
    const hits = linesOf(text).filter((l) => re.test(l) !== invert);
    matched += hits.length;
    const prefix = texts.length > 1 ? `${name}:` : '';
    stdout += count ? `${prefix}${hits.length}\n` : hits.map((l) => `${prefix}${l}\n`).join('');
  }
  return output(p.world, stdout, stderr, stderr ? 2 : matched ? 0 : 1);
};

/** `-n N`, `-nN`, `-N` and `--lines=N`. */
function countArg(args: readonly string[]): { n: number; rest: string[] } {
  let n = 10;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n') n = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a.startsWith('--lines=')) n = Number(a.slice(8));
    else rest.push(a);
  }
  return { n, rest };
}

function slice(which: 'head' | 'tail'): Program {
  return (p) => {
    const { n, rest } = countArg(p.argv.slice(1));
    const { texts, stderr } = inputs(p, which, rest);
    const stdout = texts
      .map(([name, text], i) => {
        const lines = linesOf(text);
        const part = which === 'head' ? lines.slice(0, n) : n === 0 ? [] : lines.slice(-n);
        const title = texts.length > 1 ? `${i ? '\n' : ''}==> ${name} <==\n` : '';
        return title + part.map((l) => `${l}\n`).join('');
      })
      .join('');
    return output(p.world, stdout, stderr, stderr ? 1 : 0);
  };
}

export const head = slice('head');
export const tail = slice('tail');

export const wc: Program = (p) => {
  const args = p.argv.slice(1);
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const names = args.filter((a) => !a.startsWith('-'));
  const { texts, stderr } = inputs(p, 'wc', names);
  const pick = (text: string): number[] => {
    const counts = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(text).length,
    };
    const chosen = (['l', 'w', 'c'] as const).filter((k) => flags.includes(k));
    return (chosen.length ? chosen : (['l', 'w', 'c'] as const)).map((k) => counts[k]);
  };
  const rows = texts.map(([name, text]) => ({ name, counts: pick(text) }));
  // GNU wc pads columns only when more than one number or file is printed.
  const single = rows.length === 1 && rows[0].counts.length === 1;
  const width = single
    ? 0
    : Math.max(1, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)));
  const stdout = rows
    .map((r) => {
      const nums = r.counts.map((c) => String(c).padStart(width)).join(' ');
      return r.name === '-' && names.length === 0 ? `${nums}\n` : `${nums} ${r.name}\n`;
    })
    .join('');
  return output(p.world, stdout, stderr, stderr ? 1 : 0);
};

/** `N`, `N-`, `-M`, `N-M` lists (1-based) as cut takes them. */
function inList(spec: string, i: number): boolean {
  return spec.split(',').some((part) => {
    const [a, b] = part.split('-');
    const lo = a ? Number(a) : 1;
    const hi = b === undefined ? lo : b ? Number(b) : Infinity;
    return i >= lo && i <= hi;
  });
}

/** `cut -c LIST` and `cut -d D -f LIST`, enough for `$(… | cut -c1-12)`. */
export const cut: Program = (p) => {
  const args = p.argv.slice(1);
  let chars: string | undefined;
  let fields: string | undefined;
  let delim = '\t';
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (flag: string) => (a.length > 2 ? a.slice(2) : (args[++i] ?? '')) || flag;
    if (a.startsWith('-c')) chars = value('');
    else if (a.startsWith('-f')) fields = value('');
    else if (a.startsWith('-d')) delim = value('\t');
    else names.push(a);
  }
  const list = chars ?? fields;
  if (!list || !/^[0-9,-]+$/.test(list) || /(^|,)0/.test(list))
    return failure(
      p.world,
      "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.",
      1,
    );
  const { texts, stderr } = inputs(p, 'cut', names);
  const out = texts
    .flatMap(([, t]) => linesOf(t))
    .map((line) =>
      chars !== undefined
        ? [...line].filter((_, i) => inList(list, i + 1)).join('')
        : line.includes(delim)
          ? line
              .split(delim)
              .filter((_, i) => inList(list, i + 1))
              .join(delim)
          : line,
    )
    .map((l) => `${l}\n`)
    .join('');
  return output(p.world, out, stderr, stderr ? 1 : 0);
};
