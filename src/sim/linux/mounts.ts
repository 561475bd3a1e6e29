/**
 * A container's volumes and bind mounts as its processes see them: each mount hides what the
 * container's own layers have under its destination and shows the host directory (or file) behind
 * it instead. Writes under a mount land in the host's files, so the host, other containers with the
 * same mount and later containers all see them.
 */
import type { Host, Mount } from '../model';
import type { MergedTree } from './layers';

const under = (path: string, dir: string): boolean =>
  path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);

/** The mount a path falls under (the innermost one) and the host path behind it. */
export function mountAt(
  mounts: readonly Mount[] | undefined,
  path: string,
): { readonly mount: Mount; readonly hostPath: string } | undefined {
  let best: Mount | undefined;
  for (const m of mounts ?? [])
    if (under(path, m.destination) && (!best || m.destination.length > best.destination.length))
      best = m;
  return best && { mount: best, hostPath: best.source + path.slice(best.destination.length) };
}

const parents = (path: string): string[] => {
  const out: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1))
    out.push(path.slice(0, i));
  return [...out, path];
};

/** `tree` with the mounts over it, outermost first so a nested mount shows over its parent's. */
export function withMounts(
  tree: MergedTree,
  host: { readonly files: Host['files']; readonly dirs: ReadonlySet<string> },
  mounts: readonly Mount[] | undefined,
): MergedTree {
  if (!mounts?.length) return tree;
  const files: Record<string, string> = { ...tree.files };
  const dirs = new Set(tree.dirs);
  const ordered = [...mounts].sort((a, b) => a.destination.length - b.destination.length);
  for (const m of ordered) {
    for (const f of Object.keys(files)) if (under(f, m.destination)) delete files[f];
    for (const d of [...dirs]) if (under(d, m.destination)) dirs.delete(d);
    const single = host.files[m.source];
    if (single !== undefined) {
      files[m.destination] = single;
      continue;
    }
    for (const d of parents(m.destination)) dirs.add(d);
    const prefix = `${m.source}/`;
    for (const [f, text] of Object.entries(host.files))
      if (f.startsWith(prefix)) files[m.destination + f.slice(m.source.length)] = text;
    for (const d of host.dirs)
      if (d.startsWith(prefix)) dirs.add(m.destination + d.slice(m.source.length));
  }
  return { files, dirs };
}
