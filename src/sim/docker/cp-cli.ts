/**
 * `docker cp` both ways (docker/cli v27.5.1 cli/command/container/cp.go, moby pkg/archive
 * copy.go, daemon/archive.go): what `cp -a` would do between the host's files and a container's
 * (its layer, or the volume or bind mount under the path). The summary line counts the tar
 * stream the CLI moved, as go-units prints it with three digits.
 */
import { humanSize } from '../format/units';
import type { World } from '../model';
import { failure, output, type Place } from '../shell/process';
import { hostOf } from '../world';
import {
  cwdOf,
  editTree,
  exists,
  isDirectory,
  parentOf,
  resolvePath,
  treeAt,
  type Tree,
  type TreeEdit,
} from '../linux/file-tree';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { findContainer } from './lookup';

export const CP_FLAGS: readonly FlagSpec[] = [
  { long: 'archive', short: 'a', type: 'bool' },
  { long: 'follow-link', short: 'L', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
];

/** splitCpArg: an absolute or `.`-led path is local; else `CONTAINER:PATH` when it has a colon. */
function splitArg(arg: string): { container?: string; path: string } {
  if (arg.startsWith('/')) return { path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** What the source holds, relative to it (`''` is the source itself). */
interface Entry {
  readonly rel: string;
  readonly text?: string;
}

function collect(t: Tree, path: string): Entry[] {
  const file = t.files[path];
  if (file !== undefined) return [{ rel: '', text: file }];
  const prefix = path === '/' ? '/' : `${path}/`;
  const dirs = [...t.dirs]
    .filter((d) => d.startsWith(prefix))
    .map((d) => ({ rel: d.slice(path.length) }));
  const files = Object.entries(t.files)
    .filter(([f]) => f.startsWith(prefix))
    .map(([f, text]) => ({ rel: f.slice(path.length), text }));
  return [{ rel: '' }, ...dirs, ...files];
}

/** Bytes of the tar stream: a 512-byte header per entry, contents padded to 512, two end blocks. */
const tarSize = (entries: readonly Entry[]): number =>
  entries.reduce(
    (n, e) =>
      n +
      512 +
      (e.text === undefined ? 0 : Math.ceil(new TextEncoder().encode(e.text).length / 512) * 512),
    1024,
  );

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/**
 * Where the copy lands (PrepareArchiveCopy and CopyInfoDestinationPath): into an existing
 * directory under the source's name, else at the destination path itself.
 */
function placement(
  dst: Tree,
  dstPath: string,
  typed: string,
  srcPath: string,
  srcIsDir: boolean,
  contents: boolean,
): { target: string } | { error: string; parentMissing?: string } {
  if (isDirectory(dst, dstPath))
    return {
      target:
        srcIsDir && contents ? dstPath : `${dstPath === '/' ? '' : dstPath}/${baseName(srcPath)}`,
    };
  if (exists(dst, dstPath))
    return srcIsDir ? { error: 'cannot copy directory' } : { target: dstPath };
  if (!srcIsDir && /\/\.?$/.test(typed)) return { error: 'no such directory' };
  const parent = parentOf(dstPath);
  if (!isDirectory(dst, parent))
    return exists(dst, parent)
      ? { error: 'not a directory' }
      : { error: `stat ${parent}: no such file or directory`, parentMissing: parent };
  return { target: dstPath };
}

function edit(entries: readonly Entry[], target: string): TreeEdit {
  const write: Record<string, string> = {};
  const mkdirs: string[] = [];
  for (const e of entries) {
    const path = target + e.rel;
    if (e.text === undefined) mkdirs.push(path);
    else write[path] = e.text;
  }
  return { write, mkdirs };
}

const abs = (p: string): string => (p.startsWith('/') ? p : `/${p}`);

function copy(
  world: World,
  from: Place,
  srcPath: string,
  contents: boolean,
  to: Place,
  dstPath: string,
  typedDst: string,
): { world: World; size: number } | { error: string; parentMissing?: string } {
  const src = treeAt(world, from);
  const entries = collect(src, srcPath);
  const srcIsDir = entries[0]?.text === undefined;
  const where = placement(treeAt(world, to), dstPath, typedDst, srcPath, srcIsDir, contents);
  if ('error' in where) return where;
  return { world: editTree(world, to, edit(entries, where.target)), size: tarSize(entries) };
}

export const dockerCp: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, CP_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 2 });
  if (usage) return usage;
  const [rawSrc = '', rawDst = ''] = parsed.value.args;
  if (rawSrc === '') return failure(p.world, 'source can not be empty');
  if (rawDst === '') return failure(p.world, 'destination can not be empty');
  const src = splitArg(rawSrc);
  const dst = splitArg(rawDst);
  if (src.container !== undefined && dst.container !== undefined)
    return failure(p.world, 'copying between containers is not supported');
  const ref = src.container ?? dst.container;
  if (ref === undefined) return failure(p.world, 'must specify at least one container source');
  if (src.path === '-' || dst.path === '-')
    return failure(p.world, 'lab: docker cp with a tar stream (-) is not simulated');
  const quiet = parsed.value.bools.has('quiet');
  const host: Place = { host: p.place.host, ...(p.place.cwd ? { cwd: p.place.cwd } : {}) };
  const local = (raw: string) => resolvePath(cwdOf(p.world, host), raw);
  // PreserveTrailingDotOrSeparator: the summary shows `/root/.` for `.`.
  const shown = (raw: string) => {
    const a = local(raw);
    return raw.endsWith('/.') || raw === '.'
      ? `${a === '/' ? '' : a}/.`
      : raw.endsWith('/') && a !== '/'
        ? `${a}/`
        : a;
  };
  // ValidateOutputPath (from a container only): the local destination's directory must exist before anything is copied.
  const dstDir = parentOf(local(rawDst));
  if (src.container !== undefined && !isDirectory(treeAt(p.world, host), dstDir))
    return failure(p.world, `invalid output path: directory "${dstDir}" does not exist`);
  const c = findContainer(hostOf(p.world, p.place.host).docker, ref);
  if (!c) return failure(p.world, `Error response from daemon: No such container: ${ref}`);
  const inside: Place = { host: p.place.host, containerId: c.id };
  const notFound = (file: string) =>
    failure(
      p.world,
      `Error response from daemon: Could not find the file ${file} in container ${ref}`,
    );
  if (src.container !== undefined) {
    const from = abs(src.path);
    const norm = resolvePath('/', from);
    if (!exists(treeAt(p.world, inside), norm)) return notFound(from);
    const r = copy(p.world, inside, norm, from.endsWith('/.'), host, local(rawDst), rawDst);
    const summary = (n: number) =>
      quiet ? '' : `Successfully copied ${humanSize(n)} to ${shown(rawDst)}\n`;
    // The CLI prints its summary before it returns the extraction's error.
    if ('error' in r) return output(p.world, '', `${summary(0)}${r.error}\n`, 1);
    return output(r.world, '', summary(r.size));
  }
  const from = local(rawSrc);
  if (!exists(treeAt(p.world, host), from))
    return failure(p.world, `lstat ${from}: no such file or directory`);
  const to = abs(dst.path);
  const r = copy(p.world, host, from, rawSrc.endsWith('/.'), inside, resolvePath('/', to), to);
  if ('error' in r) return r.parentMissing ? notFound(r.parentMissing) : failure(p.world, r.error);
  return output(
    r.world,
    '',
    quiet ? '' : `Successfully copied ${humanSize(r.size)} to ${ref}:${to}\n`,
  );
};
