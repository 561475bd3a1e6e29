/**
 * Dockerfile instruction arguments (BuildKit's instructions/parse.go and its BFlags): the word
 * splitter, JSON (exec) versus shell form, leading `--flags` and which instructions take which,
 * and the `KEY=value` pairs of ENV and LABEL. Pure string work; errors are returned as text.
 */

/** A command line in shell form (`RUN a && b`) or exec form (`CMD ["nginx", "-g", "daemon off;"]`). */
export type CommandLine =
  | { readonly form: 'shell'; readonly text: string }
  | { readonly form: 'exec'; readonly argv: readonly string[] };

/** Words as the Dockerfile's own splitter sees them: blanks separate, quotes group and go. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** `["a", "b"]` is exec form only when it is a JSON array of strings; anything else is shell form. */
export function commandLine(rest: string): CommandLine {
  const t = rest.trim();
  if (t.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(t);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
        return { form: 'exec', argv: v };
    } catch {
      // Not JSON: the shell runs it as written (BuildKit does the same).
    }
  }
  return { form: 'shell', text: t };
}

/** Leading `--name=value` flags, and what follows them. */
export function takeFlags(rest: string): { flags: Map<string, string>; rest: string } {
  const flags = new Map<string, string>();
  let r = rest.trimStart();
  for (
    let m = /^--([a-z-]+)(?:=(\S*))?(\s+|$)/.exec(r);
    m;
    m = /^--([a-z-]+)(?:=(\S*))?(\s+|$)/.exec(r)
  ) {
    flags.set(m[1], m[2] ?? 'true');
    r = r.slice(m[0].length);
  }
  return { flags, rest: r };
}

/** BuildKit's BFlags: each instruction knows its flags; others are refused. */
export function checkFlags(flags: Map<string, string>, allowed: readonly string[]): string | null {
  for (const f of flags.keys()) if (!allowed.includes(f)) return `unknown flag: ${f}`;
  return null;
}

/** `KEY=value …`, or the legacy `ENV KEY value with spaces`. */
export function pairsOf(kw: 'ENV' | 'LABEL', rest: string): (readonly [string, string])[] | string {
  const words = splitWords(rest);
  if (words.length === 0) return `${kw} requires at least one argument`;
  if (!words[0].includes('=')) {
    if (kw === 'LABEL' || words.length < 2) return `${kw} must have two arguments`;
    const value = rest
      .trim()
      .slice(rest.trim().indexOf(words[0]) + words[0].length)
      .trim();
    return [[words[0], splitWords(value).join(' ')]];
  }
  const pairs: (readonly [string, string])[] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq < 0) return `Syntax error - can't find = in "${w}". Must be of the form: name=value`;
    if (eq === 0) return `${kw} names can not be blank`;
    pairs.push([w.slice(0, eq), w.slice(eq + 1)]);
  }
  return pairs;
}

/** The flags each instruction takes (buildkit instructions/parse.go). */
export const FLAGS: Readonly<Record<string, readonly string[]>> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};
