/**
 * `mkdir`, `touch`, `ln` and `rm` with GNU coreutils' texts, on the file tree of the place they run
 * in (linux/file-tree.ts): the host's own, or a container's writable layer. Symlinks are how the
 * tutorials name a container's network namespace (`ln -s /proc/$PID/ns/net /var/run/netns/$PID`);
 * containers here have none.
 */
import { own } from '../own';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import {
  cwdOf,
  editTree,
  entriesOf,
  exists,
  isDirectory,
  parentOf,
  readOnlyAt,
  resolvePath,
  treeAt,
} from './file-tree';
import { isBusybox, whereIs } from './place';

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

const splitFlags = (args: readonly string[]) => ({
  flags: args
    .filter((a) => a.startsWith('-') && a !== '-')
    .join('')
    .replace(/-/g, ''),
  operands: args.filter((a) => !a.startsWith('-') || a === '-'),
});

const where = (p: Process) => ({
  tree: treeAt(p.world, p.place),
  abs: (raw: string) => resolvePath(cwdOf(p.world, p.place), raw),
  busybox: isBusybox(whereIs(p).userland),
});

const READ_ONLY = 'Read-only file system';

export function mkdir(p: Process): ProcessResult {
  const { flags, operands } = splitFlags(p.argv.slice(1));
  if (operands.length === 0)
    return failure(p.world, "mkdir: missing operand\nTry 'mkdir --help' for more information.");
  const parents = flags.includes('p') || p.argv.includes('--parents');
  const { tree, abs, busybox } = where(p);
  const made: string[] = [];
  let stderr = '';
  const has = (d: string) => isDirectory(tree, d) || made.includes(d);
  for (const raw of operands) {
    const path = abs(raw);
    const chain: string[] = [];
    for (let d = path; !has(d) && d !== '/'; d = parentOf(d)) chain.unshift(d);
    const blocked = chain.find((d) => own(tree.files, d) !== undefined || own(tree.symlinks, d));
    if (has(path) && !parents) stderr += `mkdir: cannot create directory '${raw}': File exists\n`;
    else if (chain.some((d) => readOnlyAt(tree, d)))
      stderr += `mkdir: ${busybox ? "can't" : 'cannot'} create directory '${raw}': ${READ_ONLY}\n`;
    else if (blocked)
      stderr += `mkdir: cannot create directory '${raw}': ${blocked === path ? 'File exists' : 'Not a directory'}\n`;
    else if (chain.length > 1 && !parents)
      stderr += `mkdir: cannot create directory '${raw}': No such file or directory\n`;
    else made.push(...chain);
  }
  const world = made.length ? editTree(p.world, p.place, { mkdirs: made }) : p.world;
  return output(world, '', stderr, stderr ? 1 : 0);
}

/** `touch FILE…`: creates empty files (times are not modelled, so an existing file is left alone). */
export function touch(p: Process): ProcessResult {
  const { operands } = splitFlags(p.argv.slice(1));
  if (operands.length === 0)
    return failure(
      p.world,
      "touch: missing file operand\nTry 'touch --help' for more information.",
    );
  const { tree, abs, busybox } = where(p);
  const write: Record<string, string> = {};
  let stderr = '';
  for (const raw of operands) {
    const path = abs(raw);
    if (exists(tree, path)) continue;
    if (!isDirectory(tree, parentOf(path)))
      stderr += `touch: cannot touch '${raw}': No such file or directory\n`;
    else if (readOnlyAt(tree, path))
      stderr += busybox
        ? `touch: ${raw}: ${READ_ONLY}\n`
        : `touch: cannot touch '${raw}': ${READ_ONLY}\n`;
    else write[path] = '';
  }
  const world = Object.keys(write).length ? editTree(p.world, p.place, { write }) : p.world;
  return output(world, '', stderr, stderr ? 1 : 0);
}

/** `ln -s TARGET LINK` (`-f` replaces; a directory LINK gets TARGET's base name inside it). */
export function ln(p: Process): ProcessResult {
  if (p.place.containerId) return output(p.world);
  const { flags, operands } = splitFlags(p.argv.slice(1));
  if (operands.length === 0)
    return failure(p.world, "ln: missing file operand\nTry 'ln --help' for more information.");
  const { tree, abs } = where(p);
  const [target, rawLink = baseName(operands[0])] = operands;
  let link = abs(rawLink);
  if (isDirectory(tree, link)) link = `${link === '/' ? '' : link}/${baseName(target)}`;
  const symbolic = flags.includes('s');
  const kind = symbolic ? 'symbolic link' : 'hard link';
  const shown = rawLink.endsWith('/') || link !== abs(rawLink) ? link : rawLink;
  if (!isDirectory(tree, parentOf(link)))
    return failure(
      p.world,
      `ln: failed to create ${kind} '${shown}': ${exists(tree, parentOf(link)) ? 'Not a directory' : 'No such file or directory'}`,
    );
  if (exists(tree, link) && !flags.includes('f'))
    return failure(p.world, `ln: failed to create ${kind} '${shown}': File exists`);
  if (!symbolic)
    // /proc lives on another filesystem; the tutorials only ever link with -s.
    return failure(
      p.world,
      `ln: failed to create hard link '${shown}' => '${target}': Invalid cross-device link`,
    );
  return output(editTree(p.world, p.place, { symlinks: { [link]: target } }));
}

/**
 * `readlink [-f] PATH…`: a symlink's target (`net:[4026531840]` under /proc/PID/ns); nothing and
 * status 1 for anything else. `-f` follows every link and prints the path it ends at (a
 * namespace's `net:[…]` taken as a name in the link's directory, as coreutils resolves it).
 */
export function readlink(p: Process): ProcessResult {
  const { flags, operands } = splitFlags(p.argv.slice(1));
  const { tree, abs } = where(p);
  if (operands.length === 0)
    return failure(
      p.world,
      "readlink: missing operand\nTry 'readlink --help' for more information.",
    );
  let stdout = '';
  let missed = false;
  for (const raw of operands) {
    let path = abs(raw);
    if (!/[fem]/.test(flags)) {
      const target = own(tree.symlinks, path);
      if (target === undefined) missed = true;
      else stdout += `${target}\n`;
      continue;
    }
    for (let i = 0; i < 40; i++) {
      const target = own(tree.symlinks, path);
      if (target === undefined) break;
      path = resolvePath(parentOf(path), target);
    }
    stdout += `${path}\n`;
  }
  return output(p.world, stdout, '', missed ? 1 : 0);
}

/** `rm [-f] [-r] PATH…`: files, symlinks, and directories with -r; mount points stay. */
export function rm(p: Process): ProcessResult {
  const { flags, operands } = splitFlags(p.argv.slice(1));
  const force = flags.includes('f');
  const recursive = /[rR]/.test(flags);
  if (operands.length === 0)
    return force
      ? output(p.world)
      : failure(p.world, "rm: missing operand\nTry 'rm --help' for more information.");
  const { tree, abs, busybox } = where(p);
  const gone: string[] = [];
  let stderr = '';
  for (const raw of operands) {
    // bash expands `dir/*` only when something matches; the tutorials' `rm -rf /var/lib/apt/lists/*`.
    const glob = raw.endsWith('/*') ? abs(raw.slice(0, -2)) : undefined;
    if (glob !== undefined) {
      const matched = entriesOf(tree, glob).map((e) => `${glob === '/' ? '' : glob}/${e}`);
      if (matched.length && readOnlyAt(tree, glob))
        stderr += matched
          .map((m) => `rm: ${busybox ? "can't" : 'cannot'} remove '${m}': ${READ_ONLY}\n`)
          .join('');
      else gone.push(...matched);
      continue;
    }
    const path = abs(raw);
    if (tree.mounts.includes(path))
      stderr += `rm: cannot remove '${raw}': Device or resource busy\n`;
    else if (readOnlyAt(tree, path) && exists(tree, path))
      stderr += `rm: ${busybox ? "can't" : 'cannot'} remove '${raw}': ${READ_ONLY}\n`;
    else if (own(tree.symlinks, path) !== undefined || own(tree.files, path) !== undefined) {
      if (path.startsWith('/proc/'))
        stderr += `rm: cannot remove '${raw}': Operation not permitted\n`;
      else gone.push(path);
    } else if (isDirectory(tree, path)) {
      if (!recursive) stderr += `rm: cannot remove '${raw}': Is a directory\n`;
      else if (
        path === '/' ||
        tree.mounts.some((m) => m.startsWith(`${path}/`)) ||
        (tree.systemDirs.has(path) && !p.place.containerId)
      )
        stderr += `rm: cannot remove '${raw}': Device or resource busy\n`;
      else gone.push(path);
    } else if (!force) stderr += `rm: cannot remove '${raw}': No such file or directory\n`;
  }
  const world = gone.length ? editTree(p.world, p.place, { remove: gone }) : p.world;
  return output(world, '', stderr, stderr ? 1 : 0);
}
