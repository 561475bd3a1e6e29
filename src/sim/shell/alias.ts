/**
 * Aliases: `alias`, `unalias`, and their expansion in an interactive shell (bash's and ash's
 * lines typed at the prompt, never `sh -c` scripts or a build's RUN). bash prints `alias n='v'`,
 * busybox ash and dash `n='v'`. The host's login shell keeps what is typed for the session;
 * a container's shell for as long as it runs.
 */
import type { World } from '../model';
import { own } from '../own';
import { parseScript, type SimpleCommand } from './parse';
import { output, type Place, type Process, type ProcessResult } from './process';
import { shQuote } from './quote';
import { aliasesAt, shellKind } from './shell-kind';

/** The name bash accepts for an alias: no quoting, expansion or redirection characters. */
const VALID = /^[^\s/$`=|&;()<>'"\\]+$/;

function setTyped(world: World, place: Place, name: string, text: string | null): World {
  const t = world.terminal;
  const top = t.shells.at(-1);
  // Only the shell the terminal is in remembers: a `bash -c` elsewhere ends with its process.
  if (place.host !== t.host) return world;
  if (top) {
    if (top.containerId !== (place.containerId ?? '')) return world;
    const aliases = { ...top.aliases, [name]: text };
    return {
      ...world,
      terminal: { ...t, shells: [...t.shells.slice(0, -1), { ...top, aliases }] },
    };
  }
  if (place.containerId) return world;
  return { ...world, terminal: { ...t, aliases: { ...t.aliases, [name]: text } } };
}

const line = (bash: boolean, name: string, text: string) =>
  `${bash ? 'alias ' : ''}${name}=${shQuote(text)}\n`;

export function aliasBuiltin(p: Process): ProcessResult {
  const bash = shellKind(p.world, p.place) === 'bash';
  const all = aliasesAt(p.world, p.place);
  const args = p.argv.slice(1).filter((a, i) => !(i === 0 && a === '-p'));
  if (!args.length)
    return output(
      p.world,
      Object.keys(all)
        .sort()
        .map((n) => line(bash, n, all[n]))
        .join(''),
    );
  let world = p.world;
  let stdout = '';
  let stderr = '';
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq < 0) {
      const text = own(all, a);
      if (text !== undefined) stdout += line(bash, a, text);
      else stderr += bash ? `bash: alias: ${a}: not found\n` : `alias: ${a} not found\n`;
      continue;
    }
    const name = a.slice(0, eq);
    if (bash && !VALID.test(name)) {
      stderr += `bash: alias: \`${name}': invalid alias name\n`;
      continue;
    }
    world = setTyped(world, p.place, name, a.slice(eq + 1));
  }
  return output(world, stdout, stderr, stderr ? 1 : 0);
}

export function unaliasBuiltin(p: Process): ProcessResult {
  const bash = shellKind(p.world, p.place) === 'bash';
  const all = aliasesAt(p.world, p.place);
  const args = p.argv.slice(1);
  if (!args.length)
    return output(p.world, '', bash ? 'unalias: usage: unalias [-a] name [name ...]\n' : '', 2);
  let world = p.world;
  let stderr = '';
  const names = args[0] === '-a' ? Object.keys(all) : args;
  for (const name of names) {
    if (own(all, name) === undefined) {
      stderr += bash ? `bash: unalias: ${name}: not found\n` : `unalias: ${name} not found\n`;
      continue;
    }
    world = setTyped(world, p.place, name, null);
  }
  return output(world, '', stderr, stderr ? 1 : 0);
}

/**
 * The command with its first word replaced by the alias it names, as the interactive shell reads
 * it; an alias whose first word is another alias expands again, never the same name twice.
 * Only aliases that are one simple command are spliced; others leave the command as typed.
 */
export function expandAlias(world: World, place: Place, cmd: SimpleCommand): SimpleCommand {
  const all = aliasesAt(world, place);
  const seen = new Set<string>();
  let out = cmd;
  for (;;) {
    const first = out.words[0];
    if (first?.length !== 1 || first[0].kind !== 'lit') return out;
    const name = first[0].text;
    const text = seen.has(name) ? undefined : own(all, name);
    if (text === undefined) return out;
    seen.add(name);
    const parsed = parseScript(text);
    const only = parsed.ok && parsed.value.length === 1 ? parsed.value[0] : undefined;
    const simple =
      only && !only.rest.length && only.first.commands.length === 1
        ? only.first.commands[0]
        : undefined;
    if (!simple) return out;
    out = {
      assignments: [...simple.assignments, ...out.assignments],
      words: [...simple.words, ...out.words.slice(1)],
      redirects: [...simple.redirects, ...out.redirects],
    };
  }
}
