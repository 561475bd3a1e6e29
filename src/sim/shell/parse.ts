/**
 * The part of bash's grammar the tutorials use: words with quotes and escapes, `$VAR`, `${VAR}`,
 * `$(…)`, `NAME=value` assignments, pipelines, `&&`, `||`, `;`, redirections and `#` comments.
 * Parsing only; expansion happens when the command runs (shell/expand.ts), as in bash.
 */
import { err, ok, type Result } from '../result';

export type * from './syntax';
import type {
  AndOrList,
  Heredoc,
  Pipeline,
  Redirect,
  Script,
  SimpleCommand,
  Word,
  WordPart,
} from './syntax';

type Token =
  | { readonly t: 'word'; readonly word: Word; readonly raw: string }
  | { readonly t: 'op'; readonly op: string };

const OPERATORS = [
  '&&',
  '||',
  '2>&1',
  '1>&2',
  '>&2',
  '>>',
  '<<-',
  '<<',
  '2>',
  ';',
  '|',
  '>',
  '<',
  '\n',
];

export function syntaxError(token: string): string {
  return `bash: syntax error near unexpected token \`${token}'`;
}

export function readSubstitution(src: string, start: number): number {
  // Returns the index just past the matching `)` of a `$(` that opens at `start` (at the `(`).
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*/;

function tokenize(src: string): Result<Token[]> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ t: 'op', op });
      i += op.length;
      continue;
    }
    if (c === '&' || c === '(' || c === ')') return err(syntaxError(c));
    const parts: WordPart[] = [];
    const start = i;
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ kind: 'lit', text: lit });
      lit = '';
    };
    const readDollar = (quoted: boolean): Result<void> => {
      // At `$`.
      const rest = src.slice(i + 1);
      if (rest.startsWith('(')) {
        const end = readSubstitution(src, i + 1);
        if (end < 0) return err("bash: unexpected EOF while looking for matching `)'");
        flush();
        parts.push({ kind: 'sub', source: src.slice(i + 2, end - 1), quoted });
        i = end;
        return ok(undefined);
      }
      if (rest.startsWith('{')) {
        const end = src.indexOf('}', i + 2);
        const name = end < 0 ? '' : src.slice(i + 2, end);
        if (!NAME_RE.test(name) || NAME_RE.exec(name)?.[0] !== name)
          return err(`bash: \${${name}}: bad substitution`);
        flush();
        parts.push({ kind: 'var', name, quoted });
        i = end + 1;
        return ok(undefined);
      }
      const m = NAME_RE.exec(rest) ?? /^[?$#0-9]/.exec(rest);
      if (!m) {
        lit += '$';
        i++;
        return ok(undefined);
      }
      flush();
      parts.push({ kind: 'var', name: m[0], quoted });
      i += 1 + m[0].length;
      return ok(undefined);
    };
    while (i < src.length) {
      const ch = src[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === ';' || ch === '|' || ch === '&') break;
      if (ch === '<' || ch === '>') break;
      if (ch === '(' || ch === ')') return err(syntaxError(ch));
      if (ch === '\\') {
        if (i + 1 < src.length) lit += src[i + 1];
        i += 2;
      } else if (ch === "'") {
        const end = src.indexOf("'", i + 1);
        if (end < 0) return err("bash: unexpected EOF while looking for matching `''");
        lit += src.slice(i + 1, end);
        // An empty '' still makes a word.
        if (end === i + 1) parts.push({ kind: 'lit', text: '' });
        i = end + 1;
      } else if (ch === '"') {
        i++;
        let closed = false;
        if (src[i] === '"') parts.push({ kind: 'lit', text: '' });
        while (i < src.length) {
          const q = src[i];
          if (q === '"') {
            closed = true;
            i++;
            break;
          }
          if (q === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1])) {
            lit += src[i + 1];
            i += 2;
          } else if (q === '$') {
            const r = readDollar(true);
            if (!r.ok) return r;
          } else {
            lit += q;
            i++;
          }
        }
        if (!closed) return err('bash: unexpected EOF while looking for matching `"\'');
      } else if (ch === '$') {
        const r = readDollar(false);
        if (!r.ok) return r;
      } else {
        lit += ch;
        i++;
      }
    }
    flush();
    tokens.push({ t: 'word', word: parts, raw: src.slice(start, i) });
  }
  return ok(tokens);
}

/**
 * bash takes the delimiter word without quote removal's expansions: any quoting makes the body
 * literal, and the delimiter is the word with its quotes removed (`'EOF'`, `"EOF"`, `\EOF` → EOF).
 */
function heredocOf(tok: Token & { t: 'word' }, op: '<<' | '<<-'): Heredoc {
  const quoted = /['"\\]/.test(tok.raw);
  const delimiter = quoted
    ? tok.word.map((p) => (p.kind === 'lit' ? p.text : '')).join('')
    : tok.raw;
  return { delimiter, quoted, stripTabs: op === '<<-' };
}

const ASSIGNMENT_RE = /^([A-Za-z_][A-Za-z0-9_]*)=/;

function splitAssignment(tok: Token & { t: 'word' }): { name: string; value: Word } | null {
  const m = ASSIGNMENT_RE.exec(tok.raw);
  const head = tok.word[0];
  if (!m || !head || head.kind !== 'lit' || !head.text.startsWith(`${m[1]}=`)) return null;
  const name = m[1];
  const rest = head.text.slice(name.length + 1);
  const value: WordPart[] = rest ? [{ kind: 'lit', text: rest }] : [];
  return { name, value: [...value, ...tok.word.slice(1)] };
}

/** Parses one terminal line (or a script's line) into lists of pipelines. */
export function parseScript(src: string): Result<Script> {
  const lexed = tokenize(src);
  if (!lexed.ok) return lexed;
  const tokens = lexed.value;
  const lists: AndOrList[] = [];
  let pos = 0;

  const parseCommand = (): Result<SimpleCommand> => {
    const assignments: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    while (pos < tokens.length) {
      const tok = tokens[pos];
      if (tok.t === 'op') {
        if (['>', '>>', '<', '2>', '<<', '<<-'].includes(tok.op)) {
          const target = tokens[pos + 1];
          if (!target || target.t !== 'word')
            return err(syntaxError(target && target.t === 'op' ? target.op : 'newline'));
          const op = tok.op as Redirect['op'];
          const heredoc = op === '<<' || op === '<<-' ? heredocOf(target, op) : undefined;
          redirects.push({ op, target: target.word, ...(heredoc ? { heredoc } : {}) });
          pos += 2;
          continue;
        }
        if (tok.op === '2>&1' || tok.op === '>&2' || tok.op === '1>&2') {
          redirects.push({ op: tok.op === '2>&1' ? '2>&1' : '>&2', target: [] });
          pos++;
          continue;
        }
        break;
      }
      const assignment = words.length === 0 ? splitAssignment(tok) : null;
      if (assignment) assignments.push(assignment);
      else words.push(tok.word);
      pos++;
    }
    return ok({ assignments, words, redirects });
  };

  const parsePipeline = (): Result<Pipeline> => {
    const commands: SimpleCommand[] = [];
    for (;;) {
      const cmd = parseCommand();
      if (!cmd.ok) return cmd;
      const next = tokens[pos];
      const empty = cmd.value.words.length === 0 && cmd.value.assignments.length === 0;
      if (empty && cmd.value.redirects.length === 0)
        return err(syntaxError(next && next.t === 'op' ? next.op : 'newline'));
      commands.push(cmd.value);
      if (next && next.t === 'op' && next.op === '|') {
        pos++;
        continue;
      }
      return ok({ commands });
    }
  };

  while (pos < tokens.length) {
    const tok = tokens[pos];
    if (tok.t === 'op' && (tok.op === ';' || tok.op === '\n')) {
      if (tok.op === ';' && lists.length === 0) return err(syntaxError(';'));
      pos++;
      continue;
    }
    const first = parsePipeline();
    if (!first.ok) return first;
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const next = tokens[pos];
      if (!next || next.t !== 'op' || (next.op !== '&&' && next.op !== '||')) break;
      pos++;
      const p = parsePipeline();
      if (!p.ok) return p;
      rest.push({ op: next.op, pipeline: p.value });
    }
    lists.push({ first: first.value, rest });
  }
  return ok(lists);
}
