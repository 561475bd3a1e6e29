/**
 * A lab as a file: JSON that this app reads back exactly, or a shell script a learner runs on a
 * real Docker host to build the same lab. Both are the command log (design rule 1). Imported
 * files are untrusted: `parseScenarioFile` checks size, encoding and shape and explains refusals.
 */
import { LIMITS } from './codec';
import { shQuote } from '../sim';

export { shQuote };

export const SCENARIO_FORMAT = 'docker-network-lab';
export const SCENARIO_VERSION = 1;
/** Larger than any lab the limits allow, small enough to read at once. */
export const MAX_FILE_BYTES = 1_000_000;

export interface ScenarioFile {
  readonly seed: number;
  readonly commands: readonly string[];
}

export function toScenarioJson({ seed, commands }: ScenarioFile): string {
  const file = { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, seed, commands };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The innermost shell a line is typed in, as the lab's terminal had it. */
export type Place =
  | { readonly kind: 'host'; readonly depth: 0 }
  | {
      readonly kind: 'container';
      readonly depth: number;
      readonly name: string;
      readonly program: string;
      /** The container's main process (`docker run -it`): leaving it stops the container. */
      readonly main: boolean;
    }
  | { readonly kind: 'lan-client'; readonly depth: number }
  /** The login shell of another lab host, `ssh HOST` deep (depth counts the ssh sessions). */
  | { readonly kind: 'lab-host'; readonly depth: number; readonly host: string };

/** One logged line with where it was typed and where it left the terminal. */
export interface TypedLine {
  readonly line: string;
  readonly at: Place;
  readonly next: Place;
  /** The line is part of a here-document (its body or its delimiter), not a command. */
  readonly inHeredoc: boolean;
  /** The line starts a here-document whose body follows. */
  readonly opensHeredoc: boolean;
}

/**
 * A script has no terminal to type into, so what the learner typed inside an interactive shell
 * becomes the `docker exec` that runs it there; what cannot be scripted (an ssh session, a
 * here-document inside a container) stays as a comment saying so. Failing commands are part of
 * the scenario, so there is no `set -e`.
 */
export function toShellScript(lines: readonly TypedLine[], opts: { url: string; seed: number }) {
  const header = [
    '#!/bin/sh',
    `# Docker Network Lab scenario: ${lines.length} command lines.`,
    `# Open it in the lab: ${opts.url}`,
    `# Seed: ${opts.seed}`,
    '#',
    '# Builds the same lab on a real Linux host: it needs Docker (27) and root, for docker, ip,',
    '# iptables and brctl. Run it on a test machine: sudo sh docker-network-lab.sh',
    '# Commands that failed in the lab are kept (they are part of the lesson), so there is no',
    '# "set -e". Lines typed inside a container shell run through "docker exec".',
    '',
  ];
  return [...header, ...lines.map(scriptLine)].join('\n') + '\n';
}

function scriptLine(typed: TypedLine): string {
  const { line, at, next } = typed;
  if (typed.inHeredoc || typed.opensHeredoc)
    return at.kind === 'host' ? line : `# (here-document typed in ${placeName(at)}) ${line}`;
  if (at.kind === 'lan-client') return `# (typed on the LAN client) ${line}`;
  // `lab` stands for machines a script cannot conjure; a line on another host runs through ssh.
  if (/^\s*lab\s/.test(line))
    return `# ${line}  (a lab command: bring up that Docker host yourself)`;
  if (at.kind === 'lab-host')
    return next.depth < at.depth
      ? `# ${line}  (leaves ${at.host})`
      : next.depth > at.depth
        ? `# (interactive, on ${at.host}) ${line}`
        : `ssh ${at.host} ${shQuote(line)}`;
  if (at.kind === 'container') {
    if (next.depth < at.depth)
      return at.main
        ? `docker stop ${at.name}  # "${line}" left its main shell, which stops it`
        : `# ${line}  (leaves the shell in ${at.name})`;
    if (next.depth > at.depth) return `# (nested interactive shell in ${at.name}) ${line}`;
    return `docker exec ${at.name} ${at.program} -c ${shQuote(line)}`;
  }
  if (next.depth > at.depth) {
    if (next.kind === 'container' && next.main) return detachedRun(line, next.name);
    return `# ${line}  (interactive; the lines typed in it follow)`;
  }
  return line;
}

/** `docker run -it … sh` in a script: started detached, and named so `docker exec` can find it. */
function detachedRun(line: string, name: string): string {
  const named = /(^|\s)--name[=\s]/.test(line);
  const rest = line.replace(/^\s*docker\s+run\s+/, '');
  if (rest === line) return `# ${line}  (interactive)`;
  return `docker run -d ${named ? '' : `--name ${name} `}${rest}  # interactive in the lab`;
}

function placeName(place: Place): string {
  return place.kind === 'container' ? place.name : place.kind;
}

export type ImportErrorCode =
  | 'too-big'
  | 'not-utf8'
  | 'bad-json'
  | 'not-ours'
  | 'foreign-version'
  | 'bad-seed'
  | 'no-command-list'
  | 'bad-command'
  | 'too-many-lines'
  | 'line-too-long'
  | 'no-commands';

export type ImportResult =
  | { readonly ok: true; readonly seed?: number; readonly commands: string[] }
  | {
      readonly ok: false;
      readonly code: ImportErrorCode;
      readonly values: Readonly<Record<string, string | number>>;
      readonly error: string;
    };

/** Reads an exported JSON file or a shell script (one command per line; `#` lines skipped). */
export function parseScenarioFile(bytes: Uint8Array): ImportResult {
  if (bytes.length > MAX_FILE_BYTES) return refuse('too-big', { max: MAX_FILE_BYTES });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not-utf8');
  }
  return text.trimStart().startsWith('{') ? parseJson(text) : parseScript(text);
}

function parseJson(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('bad-json');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refuse('not-ours');
  const { format, version, seed, commands } = json as Record<string, unknown>;
  if (format !== SCENARIO_FORMAT) return refuse('not-ours');
  if (version !== SCENARIO_VERSION) return refuse('foreign-version', { version: String(version) });
  if (seed !== undefined && !Number.isSafeInteger(seed)) return refuse('bad-seed');
  if (!Array.isArray(commands)) return refuse('no-command-list');
  for (const [i, c] of commands.entries())
    if (typeof c !== 'string' || /[\r\n]/.test(c)) return refuse('bad-command', { n: i + 1 });
  const checked = checkLines(commands as string[]);
  if (!checked.ok) return checked;
  return seed === undefined ? checked : { ...checked, seed: seed as number };
}

function parseScript(text: string): ImportResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const seed = /^# Seed: (\d+)$/m.exec(text)?.[1];
  const commands = lines.filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (commands.length === 0) return refuse('no-commands');
  const checked = checkLines(commands);
  if (!checked.ok || seed === undefined) return checked;
  const n = Number(seed);
  return Number.isSafeInteger(n) ? { ...checked, seed: n } : checked;
}

function checkLines(commands: string[]): ImportResult {
  if (commands.length > LIMITS.lines) return refuse('too-many-lines', { max: LIMITS.lines });
  const long = commands.findIndex((c) => c.length > LIMITS.lineChars);
  if (long >= 0) return refuse('line-too-long', { n: long + 1, max: LIMITS.lineChars });
  return { ok: true, commands };
}

const REASONS: Record<ImportErrorCode, (v: Record<string, string | number>) => string> = {
  'too-big': (v) => `it is larger than ${v.max} bytes.`,
  'not-utf8': () => 'it is not UTF-8 text.',
  'bad-json': () => 'it looks like JSON but is not valid JSON.',
  'not-ours': () => 'it is JSON, but not a Docker Network Lab scenario.',
  'foreign-version': (v) => `it is format version ${v.version}; this lab reads version 1.`,
  'bad-seed': () => 'its seed is not a whole number.',
  'no-command-list': () => 'it has no "commands" list.',
  'bad-command': (v) => `command ${v.n} is not a single line of text.`,
  'too-many-lines': (v) => `it has more than ${v.max} commands.`,
  'line-too-long': (v) => `command ${v.n} is longer than ${v.max} characters.`,
  'no-commands': () => 'it has no commands (only blank lines and comments).',
};

function refuse(code: ImportErrorCode, values: Record<string, string | number> = {}): ImportResult {
  return {
    ok: false,
    code,
    values,
    error: `The file could not be imported: ${REASONS[code](values)}`,
  };
}
