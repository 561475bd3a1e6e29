/**
 * The file tree a process sees, and where its writes land. On the host: the host's files, the
 * directories a learner made and its symlinks. In a container: its image's layers under its own
 * writable layer (linux/layers.ts), plus the files Docker bind-mounts into it (/etc/hosts,
 * /etc/resolv.conf, /etc/hostname), rendered from the daemon's state whenever they are read.
 * Both see the /proc/sys view of the host's sysctls.
 */
import { castDraft, type Draft } from 'immer';
import { own } from '../own';
import type { Container, FileLayer, Host, World } from '../model';
import type { Place } from '../shell/process';
import { hostOf, updateHost } from '../world';
import { renderHostsFile } from './hosts-file';
import {
  FHS_DIRS,
  addDirsToLayer,
  mergeLayers,
  removeFromLayer,
  stackLayer,
  writeToLayer,
  type MergedTree,
} from './layers';
import { mountAt, withMounts } from './mounts';
import { procNsLinks, procPids } from './proc-ns';
import { renderResolvConf } from './resolv-conf';

/** Directories a CentOS host has before anyone makes one: the FHS ones, and Docker's and systemd's. */
const HOST_DIRS = [
  '/',
  ...FHS_DIRS,
  '/etc/docker',
  '/etc/sysconfig',
  '/etc/systemd',
  '/var/lib/docker',
  '/var/run',
  '/var/run/docker',
];

/** `ip netns add` bind-mounts the new namespace on a file of this directory. */
export const NETNS_RUN_DIR = '/var/run/netns';

export interface Tree {
  /** Every readable file, path -> content. */
  readonly files: Readonly<Record<string, string>>;
  readonly dirs: ReadonlySet<string>;
  readonly symlinks: Readonly<Record<string, string>>;
  /** Paths something is mounted on: they cannot be removed (`Device or resource busy`). */
  readonly mounts: readonly string[];
  /** Read-only mounts: nothing under them can be written (`Read-only file system`). */
  readonly readOnly: readonly string[];
  /** Directories that came with the system rather than from a learner. */
  readonly systemDirs: ReadonlySet<string>;
}

/** `/proc/sys/net/ipv4/ip_forward` <-> `net.ipv4.ip_forward`. */
export const procPathOf = (key: string): string => `/proc/sys/${key.replace(/\./g, '/')}`;

const procFiles = (h: Host): Record<string, string> =>
  Object.fromEntries(Object.entries(h.sysctl).map(([k, v]) => [procPathOf(k), `${v}\n`]));

/** The files Docker mounts into a container, as they read now. */
const mountedFiles = (h: Host, c: Container): Record<string, string> => ({
  '/etc/hostname': `${c.config.hostname}\n`,
  '/etc/hosts': renderHostsFile(h, c),
  '/etc/resolv.conf': renderResolvConf(h, c),
});

const hostSystemDirs = new Set(HOST_DIRS);

/** A container's own files: its image's layers with its writable layer on top. */
const imageLayers = (h: Host, c: Container): readonly FileLayer[] =>
  h.docker.images.get(c.imageId)?.layers ?? [];

export function containerFiles(h: Host, c: Container): MergedTree {
  return stackLayer(mergeLayers(imageLayers(h, c)), c.layer);
}

/** What the container's processes see: its own files with its volumes and bind mounts over them. */
export function containerView(h: Host, c: Container): MergedTree {
  const own = containerFiles(h, c);
  return c.mounts?.length ? withMounts(own, hostTree(h), c.mounts) : own;
}

function containerOf(world: World, place: Place): { h: Host; c?: Container } {
  const h = hostOf(world, place.host);
  const c =
    place.containerId && !place.lanClient ? h.docker.containers.get(place.containerId) : undefined;
  return { h, c };
}

/** The host's own files, directories, symlinks and the namespaces `ip netns` mounted. */
export function hostTree(h: Host): Tree {
  const mounts = [...h.netns.values()].flatMap((n) =>
    n.name ? [`${NETNS_RUN_DIR}/${n.name}`] : [],
  );
  const procDirs = procPids(h).flatMap((pid) => [`/proc/${pid}`, `/proc/${pid}/ns`]);
  return {
    files: { ...h.files, ...procFiles(h) },
    dirs: new Set([...HOST_DIRS, ...procDirs, ...(h.dirs ?? [])]),
    symlinks: { ...procNsLinks(h), ...h.symlinks },
    mounts,
    readOnly: [],
    systemDirs: hostSystemDirs,
  };
}

export function treeAt(world: World, place: Place): Tree {
  const { h, c } = containerOf(world, place);
  if (!c) return hostTree(h);
  const own = containerView(h, c);
  const mounted = mountedFiles(h, c);
  const image = mergeLayers(imageLayers(h, c));
  const mounts = c.mounts ?? [];
  return {
    files: { ...own.files, ...procFiles(h), ...mounted },
    dirs: own.dirs,
    symlinks: {},
    mounts: [...Object.keys(mounted), ...mounts.map((m) => m.destination)],
    readOnly: mounts.filter((m) => !m.rw).map((m) => m.destination),
    systemDirs: image.dirs,
  };
}

/** Whether a write to `path` meets a read-only mount (`-v /src:/dst:ro`). */
export const readOnlyAt = (t: Tree, path: string): boolean =>
  t.readOnly.some((d) => path === d || path.startsWith(`${d}/`));

/** The directory relative paths start from: where `cd` left the shell, else home or WORKDIR. */
export function cwdOf(world: World, place: Place): string {
  if (place.cwd) return place.cwd;
  const { c } = containerOf(world, place);
  return c ? c.config.workingDir || '/' : '/root';
}

/** `a//b/../c` -> `/a/c`, relative paths taken from `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  const abs = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export const parentOf = (path: string): string => {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
};

export function isDirectory(t: Tree, path: string): boolean {
  if (t.dirs.has(path)) return true;
  const prefix = path === '/' ? '/' : `${path}/`;
  return Object.keys(t.files).some((f) => f.startsWith(prefix));
}

export function exists(t: Tree, path: string): boolean {
  if (own(t.files, path) !== undefined || own(t.symlinks, path) !== undefined) return true;
  return isDirectory(t, path) || t.mounts.includes(path);
}

/** Names directly inside a directory: files, directories, symlinks and mount points. */
export function entriesOf(t: Tree, dir: string): string[] {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const names = [...Object.keys(t.files), ...t.dirs, ...Object.keys(t.symlinks), ...t.mounts]
    .filter((p) => p.startsWith(prefix) && p !== dir)
    .map((p) => p.slice(prefix.length).split('/')[0]);
  return [...new Set(names)];
}

/** A change to a place's files; paths are absolute. */
export interface TreeEdit {
  readonly write?: Readonly<Record<string, string>>;
  readonly mkdirs?: readonly string[];
  readonly remove?: readonly string[];
  readonly symlinks?: Readonly<Record<string, string>>;
}

function editLayer(layer: FileLayer | undefined, lower: MergedTree, e: TreeEdit) {
  let l = layer;
  for (const path of e.remove ?? []) l = removeFromLayer(l, path, lower);
  if (e.mkdirs?.length) l = addDirsToLayer(l, e.mkdirs);
  for (const [path, text] of Object.entries(e.write ?? {})) l = writeToLayer(l, path, text);
  return l;
}

const under = (x: string, dir: string) => x === dir || x.startsWith(`${dir}/`);

/** The part of an edit under the container's mounts, moved to the host paths behind them. */
function splitAtMounts(c: Container, e: TreeEdit): { own: TreeEdit; host: TreeEdit } {
  const onHost = (p: string) => mountAt(c.mounts, p)?.hostPath;
  const pick = (paths: readonly string[] | undefined, host: boolean) =>
    (paths ?? []).flatMap((p) => {
      const h = onHost(p);
      return host ? (h === undefined ? [] : [h]) : h === undefined ? [p] : [];
    });
  const writes = (host: boolean) =>
    Object.fromEntries(
      Object.entries(e.write ?? {}).flatMap(([p, text]) => {
        const h = onHost(p);
        return host ? (h === undefined ? [] : [[h, text]]) : h === undefined ? [[p, text]] : [];
      }),
    );
  return {
    own: { write: writes(false), mkdirs: pick(e.mkdirs, false), remove: pick(e.remove, false) },
    host: { write: writes(true), mkdirs: pick(e.mkdirs, true), remove: pick(e.remove, true) },
  };
}

/** The host's tables after an edit (inside an immer draft). */
function editHostFiles(h: Draft<Host>, e: TreeEdit): void {
  const gone = e.remove ?? [];
  if (gone.length) {
    for (const f of Object.keys(h.files)) if (gone.some((g) => under(f, g))) delete h.files[f];
    if (h.dirs) h.dirs = h.dirs.filter((d) => !gone.some((g) => under(d, g)));
    if (h.symlinks)
      for (const s of Object.keys(h.symlinks))
        if (gone.some((g) => under(s, g))) delete h.symlinks[s];
  }
  if (e.mkdirs?.length) h.dirs = [...(h.dirs ?? []), ...e.mkdirs];
  if (e.symlinks) h.symlinks = { ...(h.symlinks ?? {}), ...e.symlinks };
  for (const [path, text] of Object.entries(e.write ?? {})) h.files[path] = text;
}

const isEmptyEdit = (e: TreeEdit): boolean =>
  !e.remove?.length && !e.mkdirs?.length && !Object.keys(e.write ?? {}).length;

/**
 * Applies an edit where the process runs: the host's tables, or the container's own layer (and,
 * under its mounts, the host's files behind them).
 */
export function editTree(world: World, place: Place, e: TreeEdit): World {
  const { h: before, c: container } = containerOf(world, place);
  const parts = container ? splitAtMounts(container, e) : { own: e, host: e };
  // The new layer is computed from the world as it is, outside the draft: plain data in, plain out.
  const layer = container
    ? editLayer(container.layer, mergeLayers(imageLayers(before, container)), parts.own)
    : undefined;
  const hostEdit = container ? parts.host : e;
  if (container && layer === container.layer && isEmptyEdit(hostEdit)) return world;
  const r = updateHost(world, place.host, (h) => {
    if (container && layer !== container.layer)
      h.docker.containers.get(container.id)!.layer = castDraft(layer);
    if (!container || !isEmptyEdit(hostEdit)) editHostFiles(h, hostEdit);
    return { ok: true, value: undefined };
  });
  return r.ok ? r.world : world;
}

/** The content of `path` (relative to the working directory) where the process runs. */
export function readAt(world: World, place: Place, path: string): string | undefined {
  return own(treeAt(world, place).files, resolvePath(cwdOf(world, place), path));
}
