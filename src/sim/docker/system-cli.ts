/**
 * `docker system df|prune|info` and `docker container prune` (docker/cli v27.5.1
 * cli/command/system/{df,prune}.go, container/prune.go, formatter/disk_usage.go); `docker info`
 * itself is info-cli.ts.
 */
import type { Daemon, World } from '../model';
import { renderTable } from '../format/table';
import { humanSize } from '../format/units';
import { output, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { dockerInfo } from './info-cli';
import { parseFlags, type FlagSpec, type ParsedFlags } from './flags';
import { pruneNetworks } from './networks';
import { forgetContainer } from './containers';
import { prunedImages, pruneImages } from './image-delete';
import { pruneUnusedVolumes, volumeSize, volumesOf, volumeUsers } from './volumes';

/** formatter/disk_usage.go: `SIZE (PCT%)` once anything has a size, the bare size otherwise. */
function reclaimable(amount: number, total: number): string {
  return total > 0
    ? `${humanSize(amount)} (${Math.floor((amount * 100) / total)}%)`
    : humanSize(amount);
}

/** Volumes: how many, how many a container uses, their bytes, and the bytes of the unused ones. */
function volumeUsage(d: Daemon, files: Readonly<Record<string, string>>): string[] {
  const volumes = volumesOf(d);
  const sizes = volumes.map((v) => ({
    size: volumeSize(files, v.name),
    used: volumeUsers(d, v.name).length > 0,
  }));
  const total = sizes.reduce((n, v) => n + v.size, 0);
  const unused = sizes.filter((v) => !v.used).reduce((n, v) => n + v.size, 0);
  return [
    'Local Volumes',
    String(volumes.length),
    String(sizes.filter((v) => v.used).length),
    humanSize(total),
    reclaimable(unused, total),
  ];
}

function diskUsage(d: Daemon, files: Readonly<Record<string, string>>): string[][] {
  const images = [...d.images.values()];
  const containers = [...d.containers.values()];
  const used = new Set(containers.map((c) => c.imageId));
  const total = images.reduce((s, i) => s + i.size, 0);
  const inUse = images.filter((i) => used.has(i.id)).reduce((s, i) => s + i.size, 0);
  const active = containers.filter((c) => c.state.status === 'running').length;
  return [
    [
      'Images',
      String(images.length),
      String(images.filter((i) => used.has(i.id)).length),
      humanSize(total),
      reclaimable(total - inUse, total),
    ],
    // The lab keeps no container-layer files, so every writable layer is empty.
    ['Containers', String(containers.length), String(active), '0B', '0B'],
    volumeUsage(d, files),
    ['Build Cache', '0', '0', '0B', '0B'],
  ];
}

export const SYSTEM_DF_FLAGS: readonly FlagSpec[] = [
  { long: 'verbose', short: 'v', type: 'bool' },
  { long: 'format', type: 'string' },
];

const systemDf: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, SYSTEM_DF_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return usage;
  if (parsed.value.bools.has('verbose') || parsed.value.strings.has('format'))
    return output(
      p.world,
      '',
      'lab: docker system df -v and --format are not simulated; the lab prints the summary\n',
      1,
    );
  const h = hostOf(p.world, p.place.host);
  return output(
    p.world,
    renderTable(['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'], diskUsage(h.docker, h.files)),
  );
};

/** command.PromptForConfirmation: the question, ` [y/N] `, then one line from stdin. */
export function confirmed(p: Process, question: string): { ok: boolean; prompt: string } {
  const prompt = `${question} [y/N] `;
  const answer = (p.stdin.split('\n')[0] ?? '').trim().toLowerCase();
  return { ok: answer === 'y', prompt };
}

/** Removes every stopped container (moby ContainersPrune), returning their ids in walk order. */
function pruneContainers(world: World, host: string): { world: World; ids: string[] } {
  const ids: string[] = [];
  const r = updateHost(world, host, (h) => {
    for (const c of [...h.docker.containers.values()])
      if (c.state.status !== 'running') {
        ids.push(c.id);
        forgetContainer(h, c.id);
      }
    return { ok: true, value: undefined };
  });
  return { world: r.ok ? r.world : world, ids };
}

/** What every prune command takes (container, network; system adds its own). */
export const PRUNE_FLAGS: readonly FlagSpec[] = [
  { long: 'force', short: 'f', type: 'bool' },
  { long: 'filter', type: 'list' },
];

function pruneArgs(
  p: Process,
  args: readonly string[],
  path: string,
  flags: readonly FlagSpec[] = PRUNE_FLAGS,
): { done: ProcessResult } | { flags: ParsedFlags } {
  const parsed = parseFlags(args, flags, true);
  if (!parsed.ok) return { done: flagError(p.world, path, parsed.error) };
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return { done: usage };
  if (parsed.value.lists.has('filter'))
    return { done: output(p.world, '', `lab: ${path} --filter is not simulated\n`, 1) };
  return { flags: parsed.value };
}

/** A refused prompt is errdefs.Cancelled, which the CLI ends quietly with status 0. */
export const cancelled = (world: World, prompt: string): ProcessResult => output(world, prompt);

export const containerPrune: DockerHandler = (p, args, path) => {
  const r = pruneArgs(p, args, path);
  if ('done' in r) return r.done;
  let prompt = '';
  if (!r.flags.bools.has('force')) {
    const c = confirmed(
      p,
      'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?',
    );
    if (!c.ok) return cancelled(p.world, c.prompt);
    prompt = c.prompt;
  }
  const { world, ids } = pruneContainers(p.world, p.place.host);
  return output(world, `${prompt}${deleted('Deleted Containers', ids)}Total reclaimed space: 0B\n`);
};

/** A prune report's section: its title and one id a line, or nothing when nothing went. */
export const deleted = (title: string, items: readonly string[]): string =>
  items.length ? `${title}:\n${items.map((i) => `${i}\n`).join('')}\n` : '';

const SYSTEM_PRUNE_WARNING =
  'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n';

export const SYSTEM_PRUNE_FLAGS: readonly FlagSpec[] = [
  ...PRUNE_FLAGS,
  { long: 'all', short: 'a', type: 'bool' },
  { long: 'volumes', type: 'bool' },
];

const systemPrune: DockerHandler = (p, args, path) => {
  const r = pruneArgs(p, args, path, SYSTEM_PRUNE_FLAGS);
  if ('done' in r) return r.done;
  const all = r.flags.bools.has('all');
  const withVolumes = r.flags.bools.has('volumes');
  let prompt = '';
  if (!r.flags.bools.has('force')) {
    const warning =
      SYSTEM_PRUNE_WARNING +
      (withVolumes ? '  - all anonymous volumes not used by at least one container\n' : '') +
      `  - all ${all ? 'images without at least one container associated to them' : 'dangling images'}\n  - unused build cache\n\nAre you sure you want to continue?`;
    const c = confirmed(p, warning);
    if (!c.ok) return cancelled(p.world, c.prompt);
    prompt = c.prompt;
  }
  const containers = pruneContainers(p.world, p.place.host);
  let networks: string[] = [];
  const n = updateHost(containers.world, p.place.host, (h) => {
    networks = pruneNetworks(h);
    return { ok: true, value: undefined };
  });
  const images = pruneImages(n.ok ? n.world : containers.world, p.place.host, all);
  const volumes = withVolumes
    ? pruneUnusedVolumes(images.world, p.place.host, false)
    : { world: images.world, names: [], size: 0 };
  const text =
    deleted('Deleted Containers', containers.ids) +
    deleted('Deleted Networks', networks) +
    deleted('Deleted Volumes', volumes.names) +
    prunedImages(images.records) +
    `Total reclaimed space: ${humanSize(images.freed + volumes.size, 4)}\n`;
  return output(volumes.world, prompt + text);
};

/** `docker system …` subcommands. */
export const SYSTEM_COMMANDS: Readonly<Record<string, DockerHandler>> = {
  info: dockerInfo,
  df: systemDf,
  prune: systemPrune,
  events: (p) =>
    output(
      p.world,
      '',
      'lab: docker system events streams until interrupted; the lab does not simulate it\n',
      1,
    ),
};
