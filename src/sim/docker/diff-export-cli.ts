/**
 * `docker diff` and `docker export` (docker/cli v27.5.1 cli/command/container/{diff,export}.go,
 * moby pkg/archive/changes.go): both read only the container's own layers, never its mounts.
 */
import type { Container, Host, World } from '../model';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { hostOf } from '../world';
import {
  containerFiles,
  cwdOf,
  editTree,
  isDirectory,
  parentOf,
  resolvePath,
  treeAt,
} from '../linux/file-tree';
import { mergeLayers } from '../linux/layers';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { findContainer } from './lookup';

/** filepath.Walk's order: each directory before what it holds, names in byte order. */
function walkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

/**
 * The changes in the container's writable layer: what it added (A), changed (C) or deleted (D);
 * every directory above a change counts as changed, as overlayfs copies it up.
 */
export function containerChanges(h: Host, c: Container): { kind: 'A' | 'C' | 'D'; path: string }[] {
  const layer = c.layer;
  if (!layer) return [];
  const image = mergeLayers(h.docker.images.get(c.imageId)?.layers ?? []);
  const inImage = (p: string) => image.files[p] !== undefined || image.dirs.has(p);
  const kinds = new Map<string, 'A' | 'C' | 'D'>();
  for (const p of layer.removed) kinds.set(p, 'D');
  for (const p of [...layer.dirs, ...Object.keys(layer.files)])
    kinds.set(p, inImage(p) ? 'C' : 'A');
  for (const p of [...kinds.keys()])
    for (let d = parentOf(p); d !== '/'; d = parentOf(d))
      if (!kinds.has(d)) kinds.set(d, inImage(d) ? 'C' : 'A');
  return [...kinds.entries()]
    .sort(([a], [b]) => walkOrder(a, b))
    .map(([path, kind]) => ({ kind, path }));
}

const noSuchContainer = (world: World, ref: string) =>
  failure(world, `Error response from daemon: No such container: ${ref}`);

export const dockerDiff: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, [], true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 1 });
  if (usage) return usage;
  const ref = parsed.value.args[0];
  if (ref === '') return failure(p.world, 'Container name cannot be empty');
  const h = hostOf(p.world, p.place.host);
  const c = findContainer(h.docker, ref);
  if (!c) return noSuchContainer(p.world, ref);
  return output(
    p.world,
    containerChanges(h, c)
      .map((x) => `${x.kind} ${x.path}\n`)
      .join(''),
  );
};

export const EXPORT_FLAGS: readonly FlagSpec[] = [{ long: 'output', short: 'o', type: 'string' }];

/**
 * The archive as the lab keeps it in a file: a tar's member list (`tar -t`), directories with a
 * trailing slash. The container's own files only; volumes are not part of it.
 */
function exportArchive(h: Host, c: Container): string {
  const tree = containerFiles(h, c);
  const members = [
    ...[...tree.dirs].filter((d) => d !== '/').map((d) => `${d.slice(1)}/`),
    ...Object.keys(tree.files).map((f) => f.slice(1)),
    // Docker's own mount points are empty files in the init layer.
    'etc/hostname',
    'etc/hosts',
    'etc/resolv.conf',
  ];
  return [...new Set(members)]
    .sort((a, b) => walkOrder(a.replace(/\/$/, ''), b.replace(/\/$/, '')))
    .map((m) => `${m}\n`)
    .join('');
}

export const dockerExport: DockerHandler = (p: Process, args, path): ProcessResult => {
  const parsed = parseFlags(args, EXPORT_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 1 });
  if (usage) return usage;
  const out = parsed.value.strings.get('output') ?? '';
  if (out === '' && !p.stdoutToFile)
    return failure(p.world, 'cowardly refusing to save to a terminal. Use the -o flag or redirect');
  const host = { host: p.place.host, ...(p.place.cwd ? { cwd: p.place.cwd } : {}) };
  const file = out && resolvePath(cwdOf(p.world, host), out);
  if (file && !isDirectory(treeAt(p.world, host), parentOf(file)))
    return failure(
      p.world,
      `failed to export container: invalid output path: directory "${parentOf(file)}" does not exist`,
    );
  const ref = parsed.value.args[0];
  const h = hostOf(p.world, p.place.host);
  const c = findContainer(h.docker, ref);
  if (!c) return noSuchContainer(p.world, ref);
  const archive = exportArchive(h, c);
  if (!file) return output(p.world, archive);
  return output(editTree(p.world, host, { write: { [file]: archive } }));
};
