/**
 * What COPY and ADD take (files of the build context, or of another stage with `--from`) and the
 * layer they make: a source file lands at DEST, or inside it when DEST ends in `/`, is a
 * directory already, or several sources are given; a source directory's contents are copied.
 */
import type { FileLayer } from '../model';
import { parentOf, resolvePath } from '../linux/file-tree';
import { addDirsToLayer, writeToLayer } from '../linux/layers';

/** Files (relative paths -> content) and directories a copy can take from. */
export interface CopySource {
  readonly files: Readonly<Record<string, string>>;
  readonly dirs: ReadonlySet<string>;
}

/** Each source's files as `[name under DEST, content]`; the first source that matches nothing. */
export function sourceFiles(
  sources: readonly string[],
  from: CopySource,
): { files: [string, string][]; fromDir: boolean; missing?: string } {
  const out: [string, string][] = [];
  let fromDir = false;
  for (const src of sources) {
    const rel = resolvePath('/', src).slice(1);
    const glob = new RegExp(
      `^${rel
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`,
    );
    const matched = Object.keys(from.files).filter((f) => glob.test(f));
    const inside = Object.keys(from.files).filter((f) => rel === '' || f.startsWith(`${rel}/`));
    if (matched.length)
      out.push(
        ...matched.map((f): [string, string] => [f.slice(f.lastIndexOf('/') + 1), from.files[f]]),
      );
    else if (inside.length || from.dirs.has(rel) || rel === '') {
      fromDir = true;
      out.push(
        ...inside.map((f): [string, string] => [rel ? f.slice(rel.length + 1) : f, from.files[f]]),
      );
    } else return { files: out, fromDir, missing: src };
  }
  return { files: out, fromDir };
}

/** `/a/b/c` -> `/a`, `/a/b`, `/a/b/c`. */
export function parents(dir: string): string[] {
  const parts = dir.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}

/** The layer a copy makes; `intoDir` when DEST is (or is to be) a directory. */
export function copyLayer(
  files: readonly [string, string][],
  dest: string,
  intoDir: boolean,
): FileLayer | undefined {
  let layer: FileLayer | undefined = intoDir ? addDirsToLayer(undefined, parents(dest)) : undefined;
  for (const [name, text] of files) {
    const path = intoDir ? `${dest === '/' ? '' : dest}/${name}` : dest;
    layer = writeToLayer(addDirsToLayer(layer, parents(parentOf(path))), path, text);
  }
  return layer;
}
