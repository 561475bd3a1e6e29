/**
 * The host's directory tree beyond file contents: directories a learner made (`mkdir -p`) and
 * symbolic links (`ln -s`), which is how the tutorials name a container's network namespace
 * (`ln -s /proc/$PID/ns/net /var/run/netns/$PID`). `mkdir`, `ln` and `rm` live here, with GNU
 * coreutils' texts. A container's own filesystem is not modelled: there they succeed quietly.
 */
import { own } from '../own';
import type { Host, World } from '../model';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';

/** Directories every CentOS host has, so `mkdir -p /var/run/netns` has parents to stand on. */
const BASE_DIRS = [
  '/',
  '/root',
  '/etc',
  '/etc/docker',
  '/home',
  '/proc',
  '/run',
  '/sys',
  '/tmp',
  '/usr',
  '/var',
  '/var/lib',
  '/var/lib/docker',
  '/var/run',
  '/var/run/docker',
];

const parentOf = (path: string): string => {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
};
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** `/a//b/` -> `/a/b`; relative paths start in root's home, where the lab's shell sits. */
export function normalizePath(path: string): string {
  const abs = path.startsWith('/') ? path : `/root/${path}`;
  const parts: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export type HostTree = Pick<Host, 'files' | 'dirs' | 'symlinks' | 'netns'>;

/** `ip netns add` bind-mounts the new namespace on a file of this directory. */
export const NETNS_RUN_DIR = '/var/run/netns';

const mountedNetns = (t: HostTree): string[] =>
  [...t.netns.values()].flatMap((n) => (n.name ? [`${NETNS_RUN_DIR}/${n.name}`] : []));

export function isDirectory(t: HostTree, path: string): boolean {
  if (BASE_DIRS.includes(path) || t.dirs?.includes(path)) return true;
  const prefix = `${path}/`;
  return Object.keys(t.files).some((f) => f.startsWith(prefix));
}

export function exists(t: HostTree, path: string): boolean {
  if (own(t.files, path) !== undefined || own(t.symlinks, path) !== undefined) return true;
  return isDirectory(t, path) || mountedNetns(t).includes(path);
}

/** Names directly inside a directory: files, directories and symlinks, in creation order. */
export function entriesOf(t: HostTree, dir: string): string[] {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const names = [
    ...Object.keys(t.files),
    ...(t.dirs ?? []),
    ...BASE_DIRS,
    ...Object.keys(t.symlinks ?? {}),
    ...mountedNetns(t),
  ]
    .filter((p) => p.startsWith(prefix) && p !== dir)
    .map((p) => p.slice(prefix.length).split('/')[0]);
  return [...new Set(names)];
}

function edit(
  p: Process,
  change: (t: { dirs: string[]; symlinks: Record<string, string> }) => void,
): World {
  const r = updateHost(p.world, p.place.host, (h) => {
    const dirs = [...(h.dirs ?? [])];
    const symlinks = { ...(h.symlinks ?? {}) };
    change({ dirs, symlinks });
    h.dirs = dirs;
    h.symlinks = symlinks;
    return { ok: true, value: undefined };
  });
  return r.ok ? r.world : p.world;
}

const splitFlags = (args: readonly string[]) => ({
  flags: args
    .filter((a) => a.startsWith('-') && a !== '-')
    .join('')
    .replace(/-/g, ''),
  operands: args.filter((a) => !a.startsWith('-') || a === '-'),
});

export function mkdir(p: Process): ProcessResult {
  if (p.place.containerId) return output(p.world);
  const { flags, operands } = splitFlags(p.argv.slice(1));
  if (operands.length === 0)
    return failure(p.world, "mkdir: missing operand\nTry 'mkdir --help' for more information.");
  const parents = flags.includes('p') || p.argv.includes('--parents');
  const tree = hostOf(p.world, p.place.host);
  const made: string[] = [];
  let stderr = '';
  const has = (d: string) => isDirectory(tree, d) || made.includes(d);
  for (const raw of operands) {
    const path = normalizePath(raw);
    const chain: string[] = [];
    for (let d = path; !has(d) && d !== '/'; d = parentOf(d)) chain.unshift(d);
    const blocked = chain.find((d) => own(tree.files, d) !== undefined || own(tree.symlinks, d));
    if (has(path) && !parents) stderr += `mkdir: cannot create directory '${raw}': File exists\n`;
    else if (blocked)
      stderr += `mkdir: cannot create directory '${raw}': ${blocked === path ? 'File exists' : 'Not a directory'}\n`;
    else if (chain.length > 1 && !parents)
      stderr += `mkdir: cannot create directory '${raw}': No such file or directory\n`;
    else made.push(...chain);
  }
  const world = made.length ? edit(p, (t) => t.dirs.push(...made)) : p.world;
  return output(world, '', stderr, stderr ? 1 : 0);
}

/** `ln -s TARGET LINK` (`-f` replaces; a directory LINK gets TARGET's base name inside it). */
export function ln(p: Process): ProcessResult {
  if (p.place.containerId) return output(p.world);
  const { flags, operands } = splitFlags(p.argv.slice(1));
  if (operands.length === 0)
    return failure(p.world, "ln: missing file operand\nTry 'ln --help' for more information.");
  const tree = hostOf(p.world, p.place.host);
  const [target, rawLink = baseName(operands[0])] = operands;
  let link = normalizePath(rawLink);
  if (isDirectory(tree, link)) link = `${link === '/' ? '' : link}/${baseName(target)}`;
  const symbolic = flags.includes('s');
  const kind = symbolic ? 'symbolic link' : 'hard link';
  const shown = rawLink.endsWith('/') || link !== normalizePath(rawLink) ? link : rawLink;
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
  return output(edit(p, (t) => (t.symlinks[link] = target)));
}

/** `rm [-f] [-r] PATH…`: symlinks and made directories (with -r); host files stay read-only. */
export function rm(p: Process): ProcessResult {
  if (p.place.containerId) return output(p.world);
  const { flags, operands } = splitFlags(p.argv.slice(1));
  const force = flags.includes('f');
  const recursive = /[rR]/.test(flags);
  if (operands.length === 0)
    return force
      ? output(p.world)
      : failure(p.world, "rm: missing operand\nTry 'rm --help' for more information.");
  const tree = hostOf(p.world, p.place.host);
  const gone: string[] = [];
  let stderr = '';
  for (const raw of operands) {
    const path = normalizePath(raw);
    if (tree.symlinks?.[path] !== undefined) gone.push(path);
    else if (mountedNetns(tree).includes(path))
      stderr += `rm: cannot remove '${raw}': Device or resource busy\n`;
    else if (isDirectory(tree, path)) {
      if (!recursive) stderr += `rm: cannot remove '${raw}': Is a directory\n`;
      else if (
        BASE_DIRS.includes(path) ||
        entriesOf(tree, path).some((e) => own(tree.files, `${path}/${e}`) !== undefined)
      )
        stderr += `rm: cannot remove '${raw}': Device or resource busy\n`;
      else gone.push(path);
    } else if (own(tree.files, path) !== undefined)
      stderr += `rm: cannot remove '${raw}': Operation not permitted\n`;
    else if (!force) stderr += `rm: cannot remove '${raw}': No such file or directory\n`;
  }
  const under = (x: string) => gone.some((g) => x === g || x.startsWith(`${g}/`));
  const world = gone.length
    ? edit(p, (t) => {
        t.dirs.splice(0, t.dirs.length, ...t.dirs.filter((d) => !under(d)));
        for (const s of Object.keys(t.symlinks)) if (under(s)) delete t.symlinks[s];
      })
    : p.world;
  return output(world, '', stderr, stderr ? 1 : 0);
}
