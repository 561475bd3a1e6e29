/**
 * Tab completion at the lab's prompt, as bash with bash-completion does it: command names where a
 * command starts, then the program's own words (docker's commands, flags and objects, ip's objects
 * and devices, iptables' tables and chains, ssh's and ping's hosts) and file names elsewhere.
 * `completeLine` applies readline's rules: one match is inserted whole, followed by a space (or
 * `/` after a directory); several extend the word to what they share, and are listed on the next
 * Tab. Pure: it reads the world and changes nothing.
 */
import type { World } from '../model';
import { own } from '../own';
import { completeDocker } from '../docker/cli-completion';
import { completeHosts, completePaths } from '../linux/completion';
import { completeIp } from '../linux/ip-completion';
import { completeIptables } from '../linux/iptables-completion';
import { candidates, type Candidate, type Completer } from './completion';
import { scanToCaret } from './completion-scan';
import type { Place } from './process';
import { commandsAt, currentPlace } from './spawn';

/** Programs with completion of their own; any other program, or one not here, completes file names. */
const COMPLETERS: Readonly<Record<string, Completer>> = {
  docker: completeDocker,
  ip: completeIp,
  iptables: completeIptables,
  ssh: completeHosts,
  ping: completeHosts,
};

export interface Completion {
  /** Where the word being completed starts in the line; it ends at the caret. */
  readonly from: number;
  /** That word, unquoted. */
  readonly word: string;
  /** Every word it may become, sorted. */
  readonly candidates: readonly Candidate[];
}

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The candidates for `word` at the start of a command (`words` empty) or after `words`. */
function candidatesAt(
  world: World,
  place: Place,
  words: readonly string[],
  word: string,
): readonly Candidate[] {
  if (words.length === 0)
    return word.includes('/')
      ? completePaths({ world, place, words, word })
      : candidates(commandsAt(world, place));
  const program = basename(words[0] ?? '');
  const here = commandsAt(world, place).includes(program);
  const completer = (here ? own(COMPLETERS, program) : undefined) ?? completePaths;
  const r = completer({ world, place, words, word });
  return 'place' in r ? candidatesAt(world, r.place, r.words, word) : r;
}

export function complete(world: World, line: string, caret: number): Completion {
  const scanned = world.terminal.pending ? undefined : scanToCaret(line, caret);
  if (!scanned || scanned.opaque) return { from: caret, word: '', candidates: [] };
  const { words, word, from } = scanned;
  const place = currentPlace(world);
  const found = scanned.redirect
    ? completePaths({ world, place, words, word })
    : candidatesAt(world, place, words, word);
  const byText = new Map<string, Candidate>();
  for (const c of found) if (c.text.startsWith(word) && !byText.has(c.text)) byText.set(c.text, c);
  const sorted = [...byText.values()].sort((a, b) =>
    a.text < b.text ? -1 : a.text > b.text ? 1 : 0,
  );
  return { from, word, candidates: sorted };
}

export interface LineCompletion {
  readonly line: string;
  readonly caret: number;
  /** What a second Tab lists while the word stays ambiguous; empty when it is not. */
  readonly choices: readonly string[];
}

/** readline's quoting of an inserted file name: a backslash before each character bash would split on. */
const escapeWord = (text: string) => text.replace(/[^\w@%+=:,./-]/g, '\\$&');

function sharedPrefix(texts: readonly string[]): string {
  let prefix = texts[0] ?? '';
  for (const t of texts) while (!t.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** What Tab does to `line` with the caret at `caret`. */
export function completeLine(world: World, line: string, caret: number): LineCompletion {
  const c = complete(world, line, caret);
  const replaced = (text: string, suffix = '') => {
    // Like readline, step over the space or slash that already follows instead of doubling it.
    const after = line.slice(caret);
    const tail = suffix && after.startsWith(suffix) ? after.slice(suffix.length) : after;
    const head = line.slice(0, c.from) + escapeWord(text) + suffix;
    return { line: head + tail, caret: head.length };
  };
  const [only, ...others] = c.candidates;
  if (!only) return { line, caret, choices: [] };
  if (others.length === 0)
    return { ...replaced(only.text, only.directory ? '/' : ' '), choices: [] };
  const prefix = sharedPrefix(c.candidates.map((x) => x.text));
  return {
    ...(prefix.length > c.word.length ? replaced(prefix) : { line, caret }),
    choices: c.candidates.map((x) => x.display ?? x.text),
  };
}
