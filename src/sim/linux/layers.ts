/**
 * File layers as overlayfs stacks them for Docker (storage driver overlay2): an image is a stack of
 * read-only layers, a container adds one writable layer on top that holds only what it changed, and
 * a deletion is a whiteout that hides a path of the layers below. Everything here is pure; a
 * layer that did not change is returned as the same object, so images and containers share them.
 */
import type { FileLayer, ImageFlavour } from '../model';

const EMPTY_LAYER: FileLayer = { files: {}, dirs: [], removed: [] };

const under = (path: string, dir: string): boolean =>
  path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);

/** What a stack of layers shows: every file with its content, every directory. */
export interface MergedTree {
  readonly files: Readonly<Record<string, string>>;
  readonly dirs: ReadonlySet<string>;
}

const merged = new WeakMap<readonly FileLayer[], MergedTree>();

/** `tree` with `layer` on top: its whiteouts hide what is below, then its own files show. */
export function stackLayer(tree: MergedTree, layer: FileLayer | undefined): MergedTree {
  if (!layer || isEmptyLayer(layer)) return tree;
  const files: Record<string, string> = { ...tree.files };
  const dirs = new Set(tree.dirs);
  for (const gone of layer.removed) {
    for (const f of Object.keys(files)) if (under(f, gone)) delete files[f];
    for (const d of [...dirs]) if (under(d, gone) && d !== '/') dirs.delete(d);
  }
  for (const d of layer.dirs) dirs.add(d);
  for (const [path, text] of Object.entries(layer.files)) files[path] = text;
  return { files, dirs };
}

const ROOT: MergedTree = { files: {}, dirs: new Set(['/']) };

/** The union of an image's layers, lowest first (remembered per image: its layers never change). */
export function mergeLayers(layers: readonly FileLayer[]): MergedTree {
  const known = merged.get(layers);
  if (known) return known;
  const tree = layers.reduce(stackLayer, ROOT);
  merged.set(layers, tree);
  return tree;
}

/** `layer` with `path` written (a file shadows what the layers below hold at that path). */
export function writeToLayer(layer: FileLayer | undefined, path: string, text: string): FileLayer {
  const l = layer ?? EMPTY_LAYER;
  if (l.files[path] === text && !l.removed.includes(path)) return l;
  return {
    ...l,
    files: { ...l.files, [path]: text },
    removed: l.removed.filter((r) => r !== path),
  };
}

/** `layer` with directories made (`mkdir -p a/b` makes each missing one). */
export function addDirsToLayer(layer: FileLayer | undefined, dirs: readonly string[]): FileLayer {
  const l = layer ?? EMPTY_LAYER;
  const fresh = dirs.filter((d) => !l.dirs.includes(d));
  if (fresh.length === 0) return l;
  return {
    ...l,
    dirs: [...l.dirs, ...fresh],
    removed: l.removed.filter((r) => !fresh.includes(r)),
  };
}

/**
 * `layer` with `path` (and all under it) deleted: what the layer itself holds goes, and a whiteout
 * hides the copy in the layers below when `lower` has one.
 */
export function removeFromLayer(
  layer: FileLayer | undefined,
  path: string,
  lower: MergedTree,
): FileLayer {
  const l = layer ?? EMPTY_LAYER;
  const files = Object.fromEntries(Object.entries(l.files).filter(([f]) => !under(f, path)));
  const dirs = l.dirs.filter((d) => !under(d, path));
  const below = lower.dirs.has(path) || Object.keys(lower.files).some((f) => under(f, path));
  const removed = below && !l.removed.includes(path) ? [...l.removed, path] : l.removed;
  return { files, dirs, removed };
}

/** Whether a layer holds no change at all (a container that never wrote anything). */
export const isEmptyLayer = (l: FileLayer | undefined): boolean =>
  !l || (Object.keys(l.files).length === 0 && l.dirs.length === 0 && l.removed.length === 0);

/** Bytes a layer adds, as `docker history` and `docker images` count them. */
export const layerSize = (l: FileLayer): number =>
  Object.values(l.files).reduce((n, text) => n + new TextEncoder().encode(text).length, 0);

/** The directories of a Linux root file system (FHS), in every image and on the host. */
export const FHS_DIRS = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/media',
  '/mnt',
  '/opt',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/srv',
  '/sys',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/lib',
  '/usr/local',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/share',
  '/var',
  '/var/cache',
  '/var/lib',
  '/var/log',
  '/var/tmp',
];

const BASE_LAYERS: Readonly<Record<ImageFlavour, FileLayer>> = {
  busybox: { files: {}, dirs: FHS_DIRS, removed: [] },
  alpine: { files: {}, dirs: [...FHS_DIRS, '/etc/apk', '/var/cache/apk'], removed: [] },
  debian: {
    files: {},
    dirs: [...FHS_DIRS, '/var/lib/apt', '/var/lib/apt/lists', '/var/lib/dpkg'],
    removed: [],
  },
  centos: { files: {}, dirs: [...FHS_DIRS, '/etc/yum.repos.d', '/var/cache/yum'], removed: [] },
};

/** The bottom layer of every image of a flavour: one shared object per flavour. */
export const baseLayer = (flavour: ImageFlavour): FileLayer => BASE_LAYERS[flavour];
