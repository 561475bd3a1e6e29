/**
 * `which`: the path of each program a PATH search finds. busybox's applet and Debian's debianutils
 * script print paths and nothing for a miss (status 1). On the CentOS host `which` is the
 * which2.sh function feeding aliases and functions to GNU which, so an alias is shown with the
 * program it runs, and a miss says which PATH was searched.
 */
import { own } from '../own';
import { output, written, type Chunk, type Process, type ProcessResult } from '../shell/process';
import { aliasesAt } from '../shell/shell-kind';
import { WHICH_FUNCTION } from '../shell/type';
import { commandPath } from './command-path';
import { HOST_PATH } from './env';
import { isBusybox, whereIs } from './place';

const BUSYBOX_USAGE =
  'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: which [-a] COMMAND...\n\nLocate COMMAND\n\n\t-a\tShow all matches\n';

/**
 * With merged /usr, images' PATH lists both /usr/bin and /bin (and both sbins), so `-a` finds a
 * program twice; the busybox image links env into /usr/bin as well as /bin.
 */
function everyPath(p: Process, name: string): string[] {
  const first = commandPath(p.world, p.place, name);
  if (!first) return [];
  const w = whereIs(p);
  if (w.userland === 'busybox') return name === 'env' ? [first, '/bin/env'] : [first];
  if (w.userland === 'host' || w.userland === 'alpine' || name.includes('/')) return [first];
  const twin = first.replace(/^\/usr\/(s?bin)\//, '/$1/');
  return twin === first ? [first] : [first, twin];
}

/** GNU which as the host's `which` function calls it (--read-alias --read-functions). */
function hostWhich(p: Process, names: readonly string[]): ProcessResult {
  const aliases = aliasesAt(p.world, p.place);
  const writes: (readonly [Chunk['stream'], string])[] = [];
  for (const name of names) {
    if (name === 'which') {
      writes.push(['stdout', WHICH_FUNCTION]);
      continue;
    }
    const alias = own(aliases, name);
    const path = commandPath(p.world, p.place, alias?.split(' ')[0] ?? name);
    if (alias !== undefined)
      writes.push(['stdout', `alias ${name}='${alias}'\n${path ? `\t${path}\n` : ''}`]);
    else if (path) writes.push(['stdout', `${path}\n`]);
    else writes.push(['stderr', `/usr/bin/which: no ${name} in (${HOST_PATH})\n`]);
  }
  return {
    world: p.world,
    exitCode: writes.some(([s]) => s === 'stderr') ? 1 : 0,
    ...written(...writes),
  };
}

export function which(p: Process): ProcessResult {
  const all = p.argv[1] === '-a';
  const names = p.argv.slice(all ? 2 : 1);
  const w = whereIs(p);
  if (names.length === 0)
    return isBusybox(w.userland)
      ? output(p.world, '', BUSYBOX_USAGE, 1)
      : output(p.world, '', '', 1);
  if (w.userland === 'host' && !all) return hostWhich(p, names);
  let stdout = '';
  let status = 0;
  for (const name of names) {
    const found = everyPath(p, name);
    if (found.length === 0) status = 1;
    stdout += (all ? found : found.slice(0, 1)).map((f) => `${f}\n`).join('');
  }
  return output(p.world, stdout, '', status);
}
