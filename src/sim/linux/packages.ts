/**
 * Package managers inside containers (`apt-get`, `apt`, `apk`, `yum`): installing a package puts its
 * programs on the container's PATH (seed 000: iproute2 and iputils-ping into tomcat, then commit).
 * A fresh Debian/Ubuntu container has empty package lists until `apt-get update`, and nothing can be
 * fetched without a default route out of the container.
 */
import { own } from '../own';
import type { Container, World } from '../model';
import { failure, output, written, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';
import { editTree, treeAt } from './file-tree';

/** Package -> programs it installs. */
const PACKAGES: Readonly<Record<string, readonly string[]>> = {
  iproute2: ['ip', 'ss', 'bridge'],
  iproute: ['ip', 'ss', 'bridge'],
  'iputils-ping': ['ping'],
  iputils: ['ping'],
  'net-tools': ['ifconfig', 'netstat', 'route', 'arp'],
  curl: ['curl'],
  wget: ['wget'],
  dnsutils: ['nslookup', 'dig'],
  'bind-tools': ['nslookup', 'dig'],
  'bind-utils': ['nslookup', 'dig'],
  'bridge-utils': ['brctl'],
  iptables: ['iptables'],
  procps: ['ps', 'top'],
  'procps-ng': ['ps', 'top'],
  tcpdump: ['tcpdump'],
  'netcat-openbsd': ['nc'],
  // Debian's telnet is a transitional package for inetutils-telnet; Alpine's is in busybox-extras.
  telnet: ['telnet'],
  'inetutils-telnet': ['telnet'],
  'busybox-extras': ['telnet'],
  traceroute: ['traceroute'],
};

/** Where `apt-get update` keeps the package lists (images ship it empty; `rm -rf` empties it). */
const APT_LISTS = '/var/lib/apt/lists';

function container(p: Process): Container | undefined {
  return p.place.containerId
    ? hostOf(p.world, p.place.host).docker.containers.get(p.place.containerId)!
    : undefined;
}

/** Whether the container has a way out to a package mirror (a default route). */
function canReachMirror(world: World, p: Process): boolean {
  const c = container(p);
  if (!c) return true;
  if (c.hostConfig.networkMode === 'host') return true;
  const ns = c.netns ? hostOf(world, p.place.host).netns.get(c.netns) : undefined;
  return !!ns?.routes.some((r) => r.dst === 'default');
}

function addInstalled(p: Process, items: readonly string[]): World {
  const id = p.place.containerId;
  if (!id) return p.world;
  const r = updateHost(p.world, p.place.host, (h) => {
    const c = h.docker.containers.get(id)!;
    if (c) c.installed = [...new Set([...c.installed, ...items])];
    return { ok: true, value: undefined };
  });
  return r.ok ? r.world : p.world;
}

const MIRRORS = [
  ['http://archive.ubuntu.com/ubuntu', 'noble InRelease', '256 kB'],
  ['http://security.ubuntu.com/ubuntu', 'noble-security InRelease', '126 kB'],
  ['http://archive.ubuntu.com/ubuntu', 'noble-updates InRelease', '126 kB'],
  ['http://archive.ubuntu.com/ubuntu', 'noble-backports InRelease', '126 kB'],
] as const;

function aptUpdate(p: Process): ProcessResult {
  if (!canReachMirror(p.world, p)) {
    const lines = MIRRORS.map(
      ([url, what], i) =>
        `Ign:${i + 1} ${url} ${what}\nErr:${i + 1} ${url} ${what}\n  Temporary failure resolving '${url.split('/')[2]}'\n`,
    ).join('');
    return output(
      p.world,
      `${lines}Reading package lists... Done\n`,
      `W: Failed to fetch ${MIRRORS[0][0]}/dists/noble/InRelease  Temporary failure resolving 'archive.ubuntu.com'\nW: Some index files failed to download. They have been ignored, or old ones used instead.\n`,
    );
  }
  const gets = MIRRORS.map(
    ([url, what, size], i) => `Get:${i + 1} ${url} ${what} [${size}]\n`,
  ).join('');
  const lists = Object.fromEntries(
    MIRRORS.map(([url, what]) => [
      `${APT_LISTS}/${url.slice('http://'.length).replace(/\//g, '_')}_dists_${what.replace(' ', '_')}`,
      `Origin: Ubuntu\nSuite: ${what.split(' ')[0]}\n`,
    ]),
  );
  return output(
    p.place.containerId ? editTree(p.world, p.place, { write: lists }) : p.world,
    `${gets}Fetched 25.9 MB in 3s (8,912 kB/s)\nReading package lists... Done\n`,
  );
}

function aptInstall(p: Process, names: readonly string[], prog: string): ProcessResult {
  const c = container(p);
  const head =
    'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';
  if (names.length === 0)
    return output(
      p.world,
      `${head}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`,
    );
  const hasLists =
    !c || Object.keys(treeAt(p.world, p.place).files).some((f) => f.startsWith(`${APT_LISTS}/`));
  const unknown = names.find((n) => !hasLists || !own(PACKAGES, n));
  if (unknown !== undefined)
    return failure(
      { ...p.world },
      `${head.trimEnd()}\nE: Unable to locate package ${unknown}`,
      100,
    );
  const fresh = names.filter((n) => !own(PACKAGES, n)!.every((t) => c?.installed.includes(t)));
  const warn =
    prog === 'apt'
      ? '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n'
      : '';
  // apt warns before it starts; the warning is on stderr, so a pipe does not hide it.
  if (fresh.length === 0)
    return {
      world: p.world,
      exitCode: 0,
      ...written(
        ['stderr', warn],
        [
          'stdout',
          head +
            names.map((n) => `${n} is already the newest version.\n`).join('') +
            '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
        ],
      ),
    };
  const sizes = fresh.map((_, i) => 180 + i * 37);
  const fetched = `Fetched ${sizes.reduce((a, b) => a + b, 0)} kB in 1s (${sizes.reduce((a, b) => a + b, 0)} kB/s)\n`;
  const download =
    head +
    `The following NEW packages will be installed:\n  ${fresh.join(' ')}\n` +
    `0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.\n` +
    fresh
      .map(
        (n, i) =>
          `Get:${i + 1} http://archive.ubuntu.com/ubuntu noble/main amd64 ${n} amd64 [${sizes[i]} kB]\n`,
      )
      .join('') +
    fetched;
  const unpack = fresh
    .map(
      (n) =>
        `Selecting previously unselected package ${n}.\nUnpacking ${n} ...\nSetting up ${n} ...\n`,
    )
    .join('');
  // Images ship without apt-utils, so debconf says so (stderr) between the download and unpacking.
  return {
    world: addInstalled(
      p,
      fresh.flatMap((n) => own(PACKAGES, n)!),
    ),
    exitCode: 0,
    ...written(
      ['stderr', warn],
      ['stdout', download],
      [
        'stderr',
        c ? 'debconf: delaying package configuration, since apt-utils is not installed\n' : '',
      ],
      ['stdout', unpack],
    ),
  };
}

/** `apt-get update|install [-y] PKG…` and the `apt` front end. */
export function apt(p: Process): ProcessResult {
  const prog = p.argv[0]?.endsWith('apt') ? 'apt' : 'apt-get';
  const words = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [action, ...names] = words;
  if (action === 'update') return aptUpdate(p);
  if (action === 'install') return aptInstall(p, names, prog);
  if (action === undefined)
    return failure(p.world, `${prog} 2.7.14 (amd64)\nUsage: ${prog} [options] command`, 1);
  return failure(p.world, `E: Invalid operation ${action}`, 100);
}

/** Alpine's `apk add PKG…` (it fetches its own index, so no separate update is needed). */
export function apk(p: Process): ProcessResult {
  const [action, ...rest] = p.argv.slice(1);
  const names = rest.filter((a) => !a.startsWith('-'));
  if (action === 'update')
    return output(
      p.world,
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/APKINDEX.tar.gz\nOK: 25 distinct packages available\n',
    );
  if (action !== 'add')
    return failure(
      p.world,
      `apk-tools 2.14.6, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]`,
      1,
    );
  if (!canReachMirror(p.world, p))
    return failure(
      p.world,
      `WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.21/main: temporary error (try again later)\nERROR: unable to select packages:\n${names.map((n) => `  ${n} (no such package):\n    required by: world[${n}]`).join('\n')}`,
      names.length,
    );
  const unknown = names.filter((n) => !own(PACKAGES, n));
  if (unknown.length)
    return failure(
      p.world,
      `ERROR: unable to select packages:\n${unknown.map((n) => `  ${n} (no such package):\n    required by: world[${n}]`).join('\n')}`,
      unknown.length,
    );
  const stdout =
    'fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/APKINDEX.tar.gz\n' +
    'fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/community/x86_64/APKINDEX.tar.gz\n' +
    names.map((n, i) => `(${i + 1}/${names.length}) Installing ${n}\n`).join('') +
    'Executing busybox-1.37.0-r12.trigger\nOK: 9 MiB in 20 packages\n';
  return output(
    addInstalled(
      p,
      names.flatMap((n) => PACKAGES[n]),
    ),
    stdout,
  );
}

/** CentOS's `yum install -y PKG…`. */
export function yum(p: Process): ProcessResult {
  const [action, ...rest] = p.argv.slice(1);
  const names = rest.filter((a) => !a.startsWith('-'));
  if (action !== 'install')
    return failure(p.world, `No such command: ${action ?? ''}. Please use /usr/bin/yum --help`, 1);
  const unknown = names.find((n) => !own(PACKAGES, n));
  if (unknown) return failure(p.world, `No package ${unknown} available.\nError: Nothing to do`, 1);
  const stdout =
    'Loaded plugins: fastestmirror, ovl\nResolving Dependencies\n' +
    names.map((n) => `Installing : ${n}.x86_64\n`).join('') +
    `\nInstalled:\n  ${names.map((n) => `${n}.x86_64`).join(' ')}\n\nComplete!\n`;
  return output(
    addInstalled(
      p,
      names.flatMap((n) => PACKAGES[n]),
    ),
    stdout,
  );
}
