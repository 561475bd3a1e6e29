/**
 * What a shell remembers of the lines typed into it: its history (kept per place and shell, as
 * ~/.bash_history and ~/.ash_history survive the session that wrote them) and its hash table of
 * programs found on the PATH (gone with the session). bash on the CentOS host skips repeated lines
 * (/etc/profile: HISTCONTROL=ignoredups), Ubuntu's /root/.bashrc also lines starting with a space;
 * busybox's line editor skips empty and repeated lines and numbers from 0 (libbb/lineedit.c
 * show_history, on stderr); dash keeps no history at all.
 */
import { own } from '../own';
import type { World } from '../model';
import { commandPath } from '../linux/command-path';
import { hostOf } from '../world';
import { parseScript, type Script } from './parse';
import { output, type Place, type Process, type ProcessResult } from './process';
import { aliasesAt, isBuiltin, isKeyword, shellKind, type ShellKind } from './shell-kind';
import { commandNotFound, currentPlace } from './spawn';

/** Where a place's shell keeps its history: one file per machine (or container) and shell. */
function historyKey(world: World, place: Place): string | undefined {
  const kind = shellKind(world, place);
  if (kind === 'dash') return undefined;
  const where = place.lanClient
    ? 'lan-client'
    : place.containerId
      ? `ctr:${place.containerId}`
      : `host:${place.host}`;
  return `${where}:${kind}`;
}

/** Which lines the shell leaves out of its history: repeats of the last one, and lines starting with a space. */
function histControl(
  world: World,
  place: Place,
  kind: ShellKind,
): { dups: boolean; space: boolean } {
  if (kind === 'ash' || !place.containerId) return { dups: true, space: false };
  const h = hostOf(world, place.host);
  const c = h.docker.containers.get(place.containerId);
  const ubuntu = c ? h.docker.images.get(c.imageId)?.repo === 'ubuntu' : false;
  return { dups: ubuntu, space: ubuntu };
}

/** The command words a line runs in this shell itself (pipeline members run in subshells). */
function ownCommands(script: Script): string[] {
  const words: string[] = [];
  for (const list of script)
    for (const { commands } of [list.first, ...list.rest.map((r) => r.pipeline)]) {
      const first = commands.length === 1 ? commands[0]?.words[0] : undefined;
      if (first?.length === 1 && first[0]?.kind === 'lit') words.push(first[0].text);
    }
  return words;
}

/** bash's `hash`: what a line's commands added, after alias expansion, skipping builtins. */
function hashedBy(world: World, place: Place, line: string): string[] {
  const parsed = parseScript(line);
  if (!parsed.ok) return [];
  const kind = shellKind(world, place);
  const aliases = aliasesAt(world, place);
  return ownCommands(parsed.value).flatMap((word) => {
    const name = own(aliases, word)?.split(' ')[0] ?? word;
    if (isKeyword(kind, name) || isBuiltin(kind, name) || name.includes('/')) return [];
    return commandPath(world, place, name) ? [name] : [];
  });
}

const merge = (old: readonly string[] | undefined, add: readonly string[]) =>
  add.every((n) => old?.includes(n)) ? old : [...new Set([...(old ?? []), ...add])];

/** Programs the shell reading the terminal's lines has found on its PATH this session. */
export function hashedAt(world: World): readonly string[] {
  const top = world.terminal.shells.at(-1);
  return (top ? top.hashed : world.terminal.hashed) ?? [];
}

/**
 * Records a typed line in the history of the shell that reads it; `continued` lines belong to a
 * here-document (bash files them into the entry that opened it, busybox's editor as lines of their own).
 */
export function rememberLine(world: World, line: string, continued: boolean): World {
  const place = currentPlace(world);
  const kind = shellKind(world, place);
  const key = historyKey(world, place);
  let terminal = world.terminal;
  if (key !== undefined) {
    const old = terminal.history?.[key] ?? [];
    const rule = histControl(world, place, kind);
    let next: readonly string[] = old;
    if (continued && kind === 'bash' && old.length)
      next = [...old.slice(0, -1), `${old.at(-1)}\n${line}`];
    else if (
      line.trim() !== '' &&
      !(rule.space && line.startsWith(' ')) &&
      !(rule.dups && old.at(-1) === line)
    )
      next = [...old, line];
    if (next !== old) terminal = { ...terminal, history: { ...terminal.history, [key]: next } };
  }
  if (!continued && kind !== 'ash') {
    const add = hashedBy(world, place, line);
    const top = terminal.shells.at(-1);
    if (top) {
      const hashed = merge(top.hashed, add);
      if (hashed !== top.hashed)
        terminal = {
          ...terminal,
          shells: [...terminal.shells.slice(0, -1), { ...top, hashed: hashed ?? [] }],
        };
    } else {
      const hashed = merge(terminal.hashed, add);
      if (hashed !== terminal.hashed) terminal = { ...terminal, hashed: hashed ?? [] };
    }
  }
  return terminal === world.terminal ? world : { ...world, terminal };
}

/** `history [N]` (bash) and busybox ash's `history`; `-c` clears the list. */
export function history(p: Process): ProcessResult {
  const kind = shellKind(p.world, p.place);
  if (kind === 'dash') return commandNotFound(p.world, 'history');
  const key = historyKey(p.world, p.place);
  const lines = key ? (p.world.terminal.history?.[key] ?? []) : [];
  if (kind === 'ash')
    return output(p.world, '', lines.map((l, i) => `${String(i).padStart(4)} ${l}\n`).join(''));
  const arg = p.argv[1];
  if (arg === '-c' && key) {
    const terminal = { ...p.world.terminal, history: { ...p.world.terminal.history, [key]: [] } };
    return output({ ...p.world, terminal });
  }
  if (arg?.startsWith('-'))
    return output(
      p.world,
      '',
      `lab: history ${arg} is not simulated; history [N] and history -c are\n`,
      1,
    );
  if (arg !== undefined && !/^\d+$/.test(arg))
    return output(p.world, '', `bash: history: ${arg}: numeric argument required\n`, 1);
  const from = arg === undefined ? 0 : Math.max(0, lines.length - Number(arg));
  const shown = lines.slice(from).map((l, i) => `${String(from + i + 1).padStart(5)}  ${l}\n`);
  return output(p.world, shown.join(''));
}
