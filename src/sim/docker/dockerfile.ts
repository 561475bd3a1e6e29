/**
 * The Dockerfile parser (BuildKit's frontend/dockerfile/parser and instructions, in their words):
 * comments and parser directives, `\` line continuations, the keyword and its `--flags`, JSON
 * (exec) or shell form, and each instruction's arguments. Errors name the line they are on.
 * Pure: text in, instructions out; variables are left for the builder to substitute.
 */

import {
  checkFlags,
  commandLine,
  FLAGS,
  pairsOf,
  splitWords,
  takeFlags,
  type CommandLine,
} from './dockerfile-args';

/** Where an instruction sits: its first and last physical line (continuations included). */
export interface Span {
  readonly line: number;
  readonly endLine: number;
}

export type Instruction = Span & {
  /** The instruction as written, continuations joined (what the build progress names it by). */
  readonly original: string;
} & (
    | {
        readonly kind: 'FROM';
        readonly image: string;
        readonly stage?: string;
        readonly platform?: string;
      }
    | { readonly kind: 'RUN' | 'CMD' | 'ENTRYPOINT'; readonly command: CommandLine }
    | {
        readonly kind: 'COPY' | 'ADD';
        readonly sources: readonly string[];
        readonly dest: string;
        readonly from?: string;
        readonly chown?: string;
      }
    | { readonly kind: 'ENV' | 'LABEL'; readonly pairs: readonly (readonly [string, string])[] }
    | { readonly kind: 'ARG'; readonly args: readonly (readonly [string, string | undefined])[] }
    | { readonly kind: 'WORKDIR' | 'USER' | 'STOPSIGNAL' | 'MAINTAINER'; readonly value: string }
    | { readonly kind: 'EXPOSE' | 'VOLUME'; readonly values: readonly string[] }
    | { readonly kind: 'HEALTHCHECK' | 'SHELL' | 'ONBUILD'; readonly text: string }
  );

export type ParseResult =
  | { readonly ok: true; readonly instructions: readonly Instruction[] }
  | { readonly ok: false; readonly error: string; readonly span?: Span };

const KEYWORDS = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
] as const;

/** One logical line: the physical lines a trailing `\` joined. */
interface LogicalLine extends Span {
  readonly text: string;
}

const isComment = (line: string) => /^\s*#/.test(line);

/** Joins continued lines; comment and empty lines inside a continuation are dropped, as BuildKit does. */
function logicalLines(source: string): LogicalLine[] {
  const physical = source.split(/\r?\n/);
  const out: LogicalLine[] = [];
  let current: { text: string; line: number } | undefined;
  // Parser directives (`# syntax=…`, `# escape=…`) are comments to this parser.
  for (const [i, raw] of physical.entries()) {
    const n = i + 1;
    if (isComment(raw) || (current && raw.trim() === '')) continue;
    const continued = /\\\s*$/.test(raw);
    const body = continued ? raw.replace(/\\\s*$/, '') : raw;
    if (current) current.text += body;
    else if (raw.trim() === '') continue;
    else current = { text: body.replace(/^\s+/, ''), line: n };
    if (!continued) {
      out.push({ text: current.text, line: current.line, endLine: n });
      current = undefined;
    }
  }
  if (current) out.push({ text: current.text, line: current.line, endLine: physical.length });
  return out;
}

/** Levenshtein distance, for BuildKit's "(did you mean …?)" on a mistyped keyword. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length];
}

/** buildkit util/suggest: the closest keyword under distance 3, in the case the user wrote. */
function unknownInstruction(word: string): string {
  let best: string | undefined;
  let min = 3;
  for (const k of KEYWORDS) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < min) {
      min = d;
      best = k;
    }
  }
  const shown = !best
    ? ''
    : word === word.toLowerCase()
      ? best.toLowerCase()
      : word === word.toUpperCase()
        ? best
        : best.toLowerCase();
  return `unknown instruction: ${word}${best ? ` (did you mean ${shown}?)` : ''}`;
}

function parseOne(l: LogicalLine): Instruction | string {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(l.text)!;
  const word = m[1];
  const kw = word.toUpperCase();
  if (!(KEYWORDS as readonly string[]).includes(kw)) return unknownInstruction(word);
  const { flags, rest } = takeFlags(m[2]);
  const at = { line: l.line, endLine: l.endLine, original: l.text.trimEnd() };
  const flagProblem = checkFlags(flags, FLAGS[kw] ?? []);
  if (flagProblem) return flagProblem;
  const words = splitWords(rest);
  switch (kw) {
    case 'FROM': {
      if (words.length === 3 && words[1].toLowerCase() === 'as') {
        const stage = words[2].toLowerCase();
        if (!/^[a-z][a-z0-9-_.]*$/.test(stage))
          return `invalid name for build stage: "${words[2]}", name can't start with a number or contain symbols`;
        return { ...at, kind: 'FROM', image: words[0], stage };
      }
      if (words.length !== 1) return 'FROM requires either one or three arguments';
      return { ...at, kind: 'FROM', image: words[0] };
    }
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
      if (kw === 'RUN' && rest.trim() === '') return 'RUN requires at least one argument';
      return { ...at, kind: kw, command: commandLine(rest) };
    case 'COPY':
    case 'ADD': {
      const json = commandLine(rest);
      const args = json.form === 'exec' ? json.argv : words;
      if (args.length < 2)
        return `${kw} requires at least two arguments, but only one was provided. Destination could not be determined`;
      const from = flags.get('from');
      const chown = flags.get('chown');
      return {
        ...at,
        kind: kw,
        sources: args.slice(0, -1),
        dest: args[args.length - 1],
        ...(from !== undefined ? { from } : {}),
        ...(chown !== undefined ? { chown } : {}),
      };
    }
    case 'ENV':
    case 'LABEL': {
      const pairs = pairsOf(kw, rest);
      return typeof pairs === 'string' ? pairs : { ...at, kind: kw, pairs };
    }
    case 'ARG': {
      if (words.length === 0) return 'ARG requires at least one argument';
      const args = words.map((w): readonly [string, string | undefined] => {
        const eq = w.indexOf('=');
        return eq < 0 ? [w, undefined] : [w.slice(0, eq), w.slice(eq + 1)];
      });
      if (args.some(([k]) => k === '')) return 'ARG names can not be blank';
      return { ...at, kind: 'ARG', args };
    }
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      if (words.length !== 1) return `${kw} requires exactly one argument`;
      return { ...at, kind: kw, value: words[0] };
    case 'EXPOSE':
    case 'VOLUME': {
      const json = commandLine(rest);
      const values = json.form === 'exec' ? json.argv : words;
      if (values.length === 0) return `${kw} requires at least one argument`;
      return { ...at, kind: kw, values: kw === 'EXPOSE' ? [...values].sort() : values };
    }
    default:
      if (rest.trim() === '') return `${kw} requires at least one argument`;
      return { ...at, kind: kw as 'HEALTHCHECK' | 'SHELL' | 'ONBUILD', text: rest.trim() };
  }
}

/**
 * Parses a Dockerfile. Errors read as BuildKit words them, `dockerfile parse error on line N: …`
 * for a bad instruction; an instruction before the first FROM (other than ARG) has no stage.
 */
export function parseDockerfile(source: string): ParseResult {
  const lines = logicalLines(source);
  if (lines.length === 0) return { ok: false, error: 'file with no instructions' };
  const instructions: Instruction[] = [];
  for (const l of lines) {
    const r = parseOne(l);
    const span = { line: l.line, endLine: l.endLine };
    if (typeof r === 'string')
      return { ok: false, error: `dockerfile parse error on line ${l.line}: ${r}`, span };
    const staged = instructions.some((i) => i.kind === 'FROM');
    if (!staged && r.kind !== 'FROM' && r.kind !== 'ARG')
      return { ok: false, error: 'no build stage in current context', span };
    instructions.push(r);
  }
  return { ok: true, instructions };
}
