/**
 * Tab completion for `docker`, answered the way docker-cli's cobra completion answers it: the
 * commands and management commands (by name, not alias), a command's flags (the very lists its
 * handler parses) and the objects its arguments and flags name: containers (in the state the
 * command needs), networks and images.
 */
import type { Container, Daemon } from '../model';
import { own } from '../own';
import { candidates, type Candidate, type CompletionRequest } from '../shell/completion';
import { hostOf } from '../world';
import { DOCKER_COMMAND_TREE } from './cli';
import { DOCKER_FLAGS } from './command-flags';
import type { FlagSpec } from './flags';
import { knownRepos } from './images';
import { shortId } from './lookup';

type Kind =
  | 'container'
  | 'running'
  | 'stopped'
  | 'paused'
  | 'network'
  | 'image'
  /** A local image, or one the lab's registry serves (`docker run`, `pull`). */
  | 'pullable'
  | 'volume'
  /** Anything `docker inspect` finds. */
  | 'object';

/** What each command's arguments name, in order; with `more`, the last one repeats. */
const ARGS: Readonly<Record<string, { readonly kinds: readonly Kind[]; readonly more?: true }>> = {
  run: { kinds: ['pullable'] },
  create: { kinds: ['pullable'] },
  pull: { kinds: ['pullable'] },
  images: { kinds: ['image'] },
  start: { kinds: ['stopped'], more: true },
  stop: { kinds: ['running'], more: true },
  kill: { kinds: ['running'], more: true },
  pause: { kinds: ['running'], more: true },
  stats: { kinds: ['running'], more: true },
  unpause: { kinds: ['paused'], more: true },
  restart: { kinds: ['container'], more: true },
  rm: { kinds: ['container'], more: true },
  wait: { kinds: ['container'], more: true },
  update: { kinds: ['container'], more: true },
  inspect: { kinds: ['object'], more: true },
  exec: { kinds: ['running'] },
  attach: { kinds: ['running'] },
  top: { kinds: ['running'] },
  port: { kinds: ['container'] },
  logs: { kinds: ['container'] },
  rename: { kinds: ['container'] },
  commit: { kinds: ['container'] },
  'network connect': { kinds: ['network', 'container'] },
  'network disconnect': { kinds: ['network', 'container'] },
  'network inspect': { kinds: ['network'], more: true },
  'network rm': { kinds: ['network'], more: true },
  'network remove': { kinds: ['network'], more: true },
  diff: { kinds: ['container'] },
  export: { kinds: ['container'] },
  'volume inspect': { kinds: ['volume'], more: true },
  'volume rm': { kinds: ['volume'], more: true },
  'volume remove': { kinds: ['volume'], more: true },
};

/** What a flag's value names. */
const FLAG_VALUES: Readonly<Record<string, Kind>> = {
  network: 'network',
  link: 'container',
  'volumes-from': 'container',
};

/** Commands that stop reading flags at their first argument (pflag SetInterspersed(false)). */
const NOT_INTERSPERSED = new Set(['run', 'create', 'exec', 'top']);

/** cobra completes a command by its name, never by an alias. */
const ALIASES = new Set(['list', 'remove']);

export function completeDocker(r: CompletionRequest): Candidate[] {
  const args = r.words.slice(1);
  const at = args.findIndex((a) => !a.startsWith('-'));
  const { commands, groups } = DOCKER_COMMAND_TREE;
  if (at < 0)
    return candidates(
      r.word.startsWith('-')
        ? ['--help', '--version', '-v']
        : [...commands, ...Object.keys(groups)],
    );
  const first = args[at] ?? '';
  const group = own(groups, first);
  if (!group) return commands.includes(first) ? completeCommand(r, first, args.slice(at + 1)) : [];
  const sub = args[at + 1];
  if (sub === undefined)
    return candidates(
      r.word.startsWith('-') ? ['--help'] : Object.keys(group).filter((s) => !ALIASES.has(s)),
    );
  const command = own(group, sub);
  return command === undefined ? [] : completeCommand(r, command, args.slice(at + 2));
}

function completeCommand(r: CompletionRequest, command: string, rest: readonly string[]) {
  const flags = own(DOCKER_FLAGS, command) ?? [];
  const inline = /^--([\w-]+)=/.exec(r.word);
  if (inline) {
    const spec = flags.find((f) => f.long === inline[1] || f.aliases?.includes(inline[1] ?? ''));
    return valuesOf(r, spec, r.word.slice(inline[0].length)).map((c) => ({
      text: inline[0] + c.text,
      display: c.text,
    }));
  }
  const { value, positionals } = scanArgs(rest, flags);
  if (value) return valuesOf(r, value, r.word);
  // run's image or exec's container is followed by the container's own command line.
  if (NOT_INTERSPERSED.has(command) && positionals > 0) return [];
  if (r.word.startsWith('-'))
    return candidates([
      ...flags.flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]),
      '--help',
    ]);
  const spec = own(ARGS, command);
  const kind = spec?.kinds[positionals] ?? (spec?.more ? spec.kinds.at(-1) : undefined);
  return kind ? objectsOf(r, kind, r.word) : [];
}

/** The flag whose value the caret's word is, or how many arguments come before it. */
function scanArgs(rest: readonly string[], flags: readonly FlagSpec[]) {
  const byName = (name: string) => flags.find((f) => f.long === name || f.aliases?.includes(name));
  let value: FlagSpec | undefined;
  let positionals = 0;
  let flagsEnded = false;
  for (const a of rest) {
    if (value) value = undefined;
    else if (flagsEnded || a === '-' || !a.startsWith('-')) positionals++;
    else if (a === '--') flagsEnded = true;
    else if (a.startsWith('--')) {
      const spec = a.includes('=') ? undefined : byName(a.slice(2));
      if (spec?.type !== 'bool') value = spec;
    } else {
      // `-dit`, `-p80:80`: a value flag takes the rest of the word, or the next word.
      const at = [...a.slice(1)].findIndex(
        (c) => flags.find((f) => f.short === c)?.type !== 'bool',
      );
      if (at === a.length - 2) value = flags.find((f) => f.short === a[a.length - 1]);
    }
  }
  return { value, positionals };
}

function valuesOf(r: CompletionRequest, flag: FlagSpec | undefined, word: string): Candidate[] {
  const kind = flag ? own(FLAG_VALUES, flag.long) : undefined;
  return kind ? objectsOf(r, kind, word) : [];
}

interface Named {
  readonly name: string;
  readonly id: string;
}

/** Names; an id prefix that matches no name completes to a short id, as docker accepts. */
function byName(word: string, items: readonly Named[]): Candidate[] {
  const names = items.map((i) => i.name);
  if (!/^[0-9a-f]+$/.test(word) || names.some((n) => n.startsWith(word))) return candidates(names);
  return candidates(items.map((i) => shortId(i.id)));
}

const localImages = (d: Daemon): Named[] =>
  [...d.images.values()]
    .filter((i) => i.repo !== '<none>')
    .map((i) => ({ name: `${i.repo}:${i.tag}`, id: i.id }));

function objectsOf(r: CompletionRequest, kind: Kind, word: string): Candidate[] {
  const d = hostOf(r.world, r.place.host).docker;
  const containers = (keep: (c: Container) => boolean) =>
    byName(word, [...d.containers.values()].filter(keep));
  switch (kind) {
    case 'container':
      return containers(() => true);
    case 'running':
      return containers((c) => c.state.status === 'running');
    case 'stopped':
      return containers((c) => c.state.status !== 'running');
    case 'paused':
      return containers((c) => c.state.paused === true);
    case 'network':
      return byName(word, [...d.networks.values()]);
    case 'image':
      return byName(word, localImages(d));
    case 'volume':
      // Volume names are their ids: no short form.
      return candidates([...(d.volumes?.keys() ?? [])]);
    case 'pullable': {
      // The lab's registry too, so a learner finds what `docker run` can pull.
      const local = new Set([...d.images.values()].map((i) => i.repo));
      return [
        ...byName(word, localImages(d)),
        ...candidates(knownRepos().filter((repo) => !local.has(repo))),
      ];
    }
    case 'object':
      return [
        ...containers(() => true),
        ...byName(word, localImages(d)),
        ...byName(word, [...d.networks.values()]),
      ];
  }
}
