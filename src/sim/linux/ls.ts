/**
 * `ls` over the file tree of the place it runs in: names (columns at a terminal, one per line
 * into a pipe), `-l` long listings (`ll` is CentOS's alias for `ls -l --color=auto`), `-a`/`-A`,
 * `-d` and `-1`; GNU coreutils' layout and texts on the host and in glibc images, busybox's in
 * busybox and alpine. The lab keeps no owners, modes or times for files: a long listing shows
 * root's, the usual modes, and the time the lab started (the time it is read under /proc).
 */
import { EPOCH } from '../world';
import { MONTHS } from '../format/log-times';
import { utcFields } from '../format/units';
import { own } from '../own';
import { output, type Process, type ProcessResult } from '../shell/process';
import { cwdOf, entriesOf, isDirectory, resolvePath, treeAt, type Tree } from './file-tree';
import { isBusybox, whereIs } from './place';

interface Flags {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  dirItself: boolean;
  onePerLine: boolean;
}

interface Entry {
  readonly name: string;
  readonly mode: string;
  readonly links: number;
  readonly size: number;
  readonly time: number;
  readonly target?: string;
}

const SHORT: Readonly<Record<string, keyof Flags>> = {
  l: 'long',
  a: 'all',
  A: 'almostAll',
  d: 'dirItself',
  '1': 'onePerLine',
};
// Accepted and without effect on what the lab can show (no colours, no sizes beyond bytes).
const IGNORED_SHORT = new Set(['h', 'F', 'i', 'n', 'G', 'N']);

function parse(args: readonly string[]): { flags: Flags; paths: string[] } | { bad: string } {
  const flags: Flags = {
    long: false,
    all: false,
    almostAll: false,
    dirItself: false,
    onePerLine: false,
  };
  const paths: string[] = [];
  let options = true;
  for (const a of args) {
    if (options && a === '--') options = false;
    else if (options && a.startsWith('--')) {
      if (!/^--colou?r(=(auto|always|never|yes|no|tty|force|none|if-tty))?$/.test(a))
        return { bad: `unrecognized option '${a}'` };
    } else if (options && a.startsWith('-') && a.length > 1)
      for (const ch of a.slice(1)) {
        const flag = own(SHORT, ch);
        if (flag) flags[flag] = true;
        else if (!IGNORED_SHORT.has(ch)) return { bad: `invalid option -- '${ch}'` };
      }
    else paths.push(a);
  }
  return { flags, paths };
}

const underProc = (path: string) => path === '/proc' || path.startsWith('/proc/');

function entryAt(t: Tree, path: string, name: string, now: number): Entry | undefined {
  const proc = underProc(path);
  const time = proc ? now : EPOCH;
  const target = own(t.symlinks, path);
  if (target !== undefined)
    return { name, mode: 'lrwxrwxrwx', links: 1, size: proc ? 0 : target.length, time, target };
  const content = own(t.files, path);
  if (content !== undefined) {
    const size = proc ? 0 : new TextEncoder().encode(content).length;
    return { name, mode: '-rw-r--r--', links: 1, size, time };
  }
  if (!isDirectory(t, path))
    // What else is mounted is a namespace `ip netns add` bind-mounted on an empty file.
    return t.mounts.includes(path)
      ? { name, mode: '-r--r--r--', links: 1, size: 0, time }
      : undefined;
  const subdirs = entriesOf(t, path).filter((e) => isDirectory(t, join(path, e))).length;
  if (proc)
    return {
      name,
      mode: /^\/proc\/\d+\/ns$/.test(path) ? 'dr-x--x--x' : 'dr-xr-xr-x',
      links: 2 + subdirs,
      size: 0,
      time,
    };
  return { name, mode: 'drwxr-xr-x', links: 2 + subdirs, size: 4096, time };
}

const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

/** `Dec  7 08:30`, or `Jan 15  2026` for a time over six months away (GNU and busybox alike). */
function stamp(ms: number, now: number): string {
  const t = utcFields(ms);
  const day = `${MONTHS[t.mo - 1]} ${String(t.d).padStart(2)}`;
  const recent = Math.abs(now - ms) < 182.5 * 86_400_000;
  const two = (n: number) => String(n).padStart(2, '0');
  return recent ? `${day} ${two(t.h)}:${two(t.mi)}` : `${day}  ${t.y}`;
}

/** GNU ls quotes names with shell-special characters when writing to a terminal. */
const shown = (name: string, tty: boolean) =>
  tty && /[^\w.@%+=:,/-]/.test(name) ? `'${name}'` : name;

function longLines(entries: readonly Entry[], busybox: boolean, tty: boolean, now: number) {
  const linkW = Math.max(...entries.map((e) => String(e.links).length));
  const sizeW = Math.max(...entries.map((e) => String(e.size).length));
  return entries.map((e) => {
    const arrow = e.target !== undefined ? ` -> ${busybox ? e.target : shown(e.target, tty)}` : '';
    const name = busybox ? e.name : shown(e.name, tty);
    return busybox
      ? `${e.mode} ${String(e.links).padStart(4)} root     root     ${String(e.size).padStart(9)} ${stamp(e.time, now)} ${name}${arrow}`
      : `${e.mode} ${String(e.links).padStart(linkW)} root root ${String(e.size).padStart(sizeW)} ${stamp(e.time, now)} ${name}${arrow}`;
  });
}

/** 1K blocks the entries take, as GNU ls's `total` line counts them (4K blocks; none in /proc). */
const blocks = (entries: readonly Entry[]) =>
  entries.reduce((n, e) => n + (e.size > 0 && !e.target ? Math.ceil(e.size / 4096) * 4 : 0), 0);

export function ls(p: Process): ProcessResult {
  const busybox = isBusybox(whereIs(p).userland);
  const parsed = parse(p.argv.slice(1));
  if ('bad' in parsed) {
    const help = busybox ? '' : "Try 'ls --help' for more information.\n";
    return output(p.world, '', `ls: ${parsed.bad}\n${help}`, busybox ? 1 : 2);
  }
  const { flags, paths } = parsed;
  const tree = treeAt(p.world, p.place);
  const cwd = cwdOf(p.world, p.place);
  const now = p.ctx.now;
  const targets = paths.length ? paths : ['.'];
  const blocksOut: string[] = [];
  const singles: Entry[] = [];
  let stderr = '';
  const dirs: { shown: string; path: string }[] = [];
  for (const t of targets) {
    const path = resolvePath(cwd, t);
    const e = entryAt(tree, path, t, now);
    if (!e) {
      stderr += busybox
        ? `ls: ${t}: No such file or directory\n`
        : `ls: cannot access '${t}': No such file or directory\n`;
      continue;
    }
    if (e.mode.startsWith('d') && !flags.dirItself) dirs.push({ shown: t, path });
    else singles.push(e);
  }
  const render = (entries: readonly Entry[], withTotal: boolean): string => {
    if (flags.long) {
      const total = withTotal ? [`total ${blocks(entries)}`] : [];
      return [...total, ...(entries.length ? longLines(entries, busybox, p.tty, now) : [])]
        .map((l) => `${l}\n`)
        .join('');
    }
    if (!entries.length) return '';
    const names = entries.map((e) => (busybox ? e.name : shown(e.name, p.tty)));
    return p.tty && !flags.onePerLine
      ? `${names.join('  ')}\n`
      : names.map((n) => `${n}\n`).join('');
  };
  if (singles.length) blocksOut.push(render(singles, false));
  const many = targets.length > 1;
  for (const d of dirs) {
    const names = entriesOf(tree, d.path).sort();
    const listed = names
      .filter((n) => flags.all || flags.almostAll || !n.startsWith('.'))
      .map((n) => entryAt(tree, join(d.path, n), n, now))
      .filter((e): e is Entry => e !== undefined);
    const dots = flags.all
      ? ['.', '..'].flatMap((n) => {
          const e = entryAt(tree, n === '.' ? d.path : resolvePath(d.path, '..'), n, now);
          return e ? [e] : [];
        })
      : [];
    const body = render([...dots, ...listed], true);
    blocksOut.push(many ? `${d.shown}:\n${body}` : body);
  }
  return output(p.world, blocksOut.join('\n'), stderr, stderr ? (busybox ? 1 : 2) : 0);
}
