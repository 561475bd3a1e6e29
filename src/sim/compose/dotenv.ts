/**
 * Env files as compose-go v2.4.7 reads them (dotenv/parser.go): the project's `.env` (or
 * `--env-file`) that feeds interpolation, and a service's `env_file:`. Each statement is
 * `[export ]KEY=value` (or `KEY: value`); a bare `KEY` inherits from the lookup; unquoted values
 * lose a ` #` comment and trailing blanks; single quotes are literal; double quotes take `\n`-style
 * escapes; unquoted and double-quoted values are interpolated, earlier lines of the file included.
 */
import { err, ok, type Result } from '../result';
import { substitute, type Lookup } from './interpolate';

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  $: '$$',
};

/** The value after `=`; returns it, the text after it and the lines it spanned. */
function value(
  src: string,
  expand: (v: string) => Result<string>,
): Result<{ value: string; rest: string; lines: number }> {
  const quote = src[0] === '"' || src[0] === "'" ? src[0] : null;
  if (!quote) {
    const nl = src.indexOf('\n');
    const line = nl < 0 ? src : src.slice(0, nl);
    const hash = line.indexOf(' #');
    const v = expand((hash < 0 ? line : line.slice(0, hash)).trimEnd());
    return v.ok ? ok({ value: v.value, rest: nl < 0 ? '' : src.slice(nl + 1), lines: 1 }) : v;
  }
  let chars = '';
  let escaped = false;
  for (let i = 1; i < src.length; i++) {
    const ch = src[i];
    if (ch !== quote || escaped) {
      if (ch === '\\' && !escaped) {
        escaped = true;
        continue;
      }
      if (escaped && ch !== quote) chars += '\\';
      escaped = false;
      chars += ch;
      continue;
    }
    const lines = chars.split('\n').length;
    if (quote === "'") return ok({ value: chars, rest: src.slice(i + 1), lines });
    const unescaped = chars.replace(/\\([ntr\\"$])/g, (_, c: string) => ESCAPES[c]);
    const v = expand(unescaped);
    return v.ok ? ok({ value: v.value, rest: src.slice(i + 1), lines }) : v;
  }
  return err(`unterminated quoted value ${src.split('\n')[0]}`);
}

/**
 * ParseWithLookup: `lookup` (the environment compose runs in) wins over the file's own earlier
 * lines when a value names a variable; warnings for unset ones go to `warn`.
 */
export function parseDotEnv(
  text: string,
  lookup: Lookup,
  warn: (w: string) => void,
): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  const both: Lookup = (k) => lookup(k) ?? (Object.hasOwn(out, k) ? out[k] : undefined);
  const expand = (v: string): Result<string> => {
    const r = substitute(v, both, warn);
    return r.ok
      ? r
      : err(r.error.kind === 'required' ? r.error.message : `Invalid template: "${v}"`);
  };
  let src = text;
  let line = 1;
  for (;;) {
    const lead = /^\s*(?:#[^\n]*(?:\n|$)\s*)*/.exec(src)![0];
    line += lead.split('\n').length - 1;
    src = src.slice(lead.length);
    if (!src) return ok(out);
    src = src.replace(/^export[ \t]+/, '');
    const end = /[=:\n]|$/.exec(src)!;
    const key = src.slice(0, end.index).trimEnd();
    const bad = /[^\p{L}\p{N}_.\-[\] \t]/u.exec(key);
    if (bad)
      return err(
        `line ${line}: unexpected character "${bad[0]}" in variable name "${src.split('\n')[0]}"`,
      );
    if (/\s/.test(key)) return err(`line ${line}: key cannot contain a space`);
    const rest = src.slice(end.index + 1).replace(/^[ \t]+/, '');
    if (end[0] !== '=' && end[0] !== ':') {
      // A bare name takes its value from the environment, or is left out.
      const inherited = lookup(key);
      if (inherited !== undefined) out[key] = inherited;
      src = rest;
      line++;
      continue;
    }
    const v = value(rest, expand);
    if (!v.ok) return err(`line ${line}: ${v.error}`);
    out[key] = v.value.value;
    src = v.value.rest;
    line += v.value.lines;
  }
}
