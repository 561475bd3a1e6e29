/**
 * Which shell reads the terminal's lines, and what it knows without a PATH search: its keywords,
 * its builtins (POSIX "special" ones marked, as ash and dash print them) and the aliases its start-up
 * files define. bash on the CentOS host and in bash containers; busybox ash in busybox and alpine
 * images; dash as Debian's and Ubuntu's `sh`; on CentOS images `sh` is bash itself.
 */
import type { Place } from './process';
import type { World } from '../model';
import { hostOf } from '../world';

export type ShellKind = 'bash' | 'ash' | 'dash';

export function shellKind(world: World, place: Place): ShellKind {
  const top = world.terminal.shells.at(-1);
  if (!top || top.lanClient || top.program.endsWith('bash') || !place.containerId) return 'bash';
  const h = hostOf(world, place.host);
  const c = h.docker.containers.get(place.containerId);
  const flavour = c ? h.docker.images.get(c.imageId)?.flavour : undefined;
  if (flavour === 'busybox' || flavour === 'alpine') return 'ash';
  return flavour === 'centos' ? 'bash' : 'dash';
}

// bash 5: `enable` lists these; `type` calls none of them special outside POSIX mode.
const BASH_BUILTINS = new Set(
  (
    '. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare ' +
    'dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill ' +
    'let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt ' +
    'source suspend test times trap true type typeset ulimit umask unalias unset wait'
  ).split(' '),
);
const BASH_KEYWORDS = new Set(
  'if then else elif fi case esac for select while until do done in function time { } ! [[ ]] coproc'.split(
    ' ',
  ),
);
// busybox shell/ash.c builtintab (defconfig: no sleep builtin) and tokname_array.
const ASH_BUILTINS = new Set(
  (
    '. : [ [[ alias bg break cd chdir command continue echo eval exec exit export false fg getopts ' +
    'hash help history jobs kill let local printf pwd read readonly return set shift source test ' +
    'times trap true type ulimit umask unalias unset wait'
  ).split(' '),
);
const DASH_BUILTINS = new Set(
  (
    '. : [ alias bg break cd chdir command continue echo eval exec exit export false fg getopts ' +
    'hash jobs kill local printf pwd read readonly return set shift test times trap true type ' +
    'ulimit umask unalias unset wait'
  ).split(' '),
);
const POSIX_KEYWORDS = new Set(
  '! case do done elif else esac fi for if in then until while { }'.split(' '),
);
const SPECIAL = new Set(
  '. : break continue eval exec exit export local readonly return set shift source times trap unset'.split(
    ' ',
  ),
);

export const isKeyword = (kind: ShellKind, name: string): boolean =>
  kind === 'bash'
    ? BASH_KEYWORDS.has(name)
    : POSIX_KEYWORDS.has(name) || (kind === 'ash' && name === 'function');

export function isBuiltin(kind: ShellKind, name: string): boolean {
  if (kind === 'bash') return BASH_BUILTINS.has(name);
  return (kind === 'ash' ? ASH_BUILTINS : DASH_BUILTINS).has(name);
}

/** ash and dash print POSIX special builtins as such; `local` is special in ash only. */
export const isSpecialBuiltin = (kind: ShellKind, name: string): boolean =>
  kind !== 'bash' && SPECIAL.has(name) && (name !== 'local' || kind === 'ash');

/**
 * The aliases root's interactive bash starts with. CentOS: ~/.bashrc's `rm -i`/`cp -i`/`mv -i` and
 * the color scripts in /etc/profile.d (coreutils, grep, xz, gzip). Ubuntu's /root/.bashrc colours
 * ls; Debian's leaves its aliases commented out; busybox and dash read no rc file.
 */
const CENTOS_ALIASES: Readonly<Record<string, string>> = {
  cp: 'cp -i',
  egrep: 'egrep --color=auto',
  fgrep: 'fgrep --color=auto',
  grep: 'grep --color=auto',
  'l.': 'ls -d .* --color=auto',
  ll: 'ls -l --color=auto',
  ls: 'ls --color=auto',
  mv: 'mv -i',
  rm: 'rm -i',
  xzegrep: 'xzegrep --color=auto',
  xzfgrep: 'xzfgrep --color=auto',
  xzgrep: 'xzgrep --color=auto',
  zegrep: 'zegrep --color=auto',
  zfgrep: 'zfgrep --color=auto',
  zgrep: 'zgrep --color=auto',
};
const UBUNTU_ALIASES: Readonly<Record<string, string>> = { ls: 'ls --color=auto' };

/** The aliases the shell at `place` has now: its start-up files' plus those typed since. */
export function aliasesAt(world: World, place: Place): Readonly<Record<string, string>> {
  const typed = place.containerId
    ? world.terminal.shells.at(-1)?.aliases
    : place.lanClient
      ? undefined
      : world.terminal.aliases;
  const all: Record<string, string | null> = { ...startupAliases(world, place), ...typed };
  return Object.fromEntries(
    Object.entries(all).filter((e): e is [string, string] => e[1] !== null),
  );
}

function startupAliases(world: World, place: Place): Readonly<Record<string, string>> {
  if (shellKind(world, place) !== 'bash') return {};
  if (!place.containerId) return CENTOS_ALIASES;
  const h = hostOf(world, place.host);
  const c = h.docker.containers.get(place.containerId);
  const image = c ? h.docker.images.get(c.imageId) : undefined;
  if (image?.flavour === 'centos') return CENTOS_ALIASES;
  return image?.repo === 'ubuntu' ? UBUNTU_ALIASES : {};
}
