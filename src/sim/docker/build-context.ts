/**
 * The build context: the directory `docker build PATH` sends to the daemon (the lab host's files
 * under it, less what `.dockerignore` excludes) and the Dockerfile read from it (or from `-f`).
 */
import { own } from '../own';
import type { World } from '../model';
import type { Place } from '../shell/process';
import { cwdOf, isDirectory, resolvePath, treeAt } from '../linux/file-tree';

export interface BuildContext {
  /** Absolute path of the context directory. */
  readonly dir: string;
  /** Files sent, by path relative to the context (`app/main.py`), after `.dockerignore`. */
  readonly files: Readonly<Record<string, string>>;
  /** Directories inside the context, relative. */
  readonly dirs: readonly string[];
  readonly dockerfile: { readonly name: string; readonly text: string };
  /** Bytes of `.dockerignore` (BuildKit transfers it first; `2B` when there is none). */
  readonly ignoreSize: number;
}

export type ContextResult =
  | { readonly ok: true; readonly context: BuildContext }
  | { readonly ok: false; readonly kind: 'context' | 'dockerfile'; readonly error: string };

/** `.dockerignore` patterns (Go filepath.Match with `**`), with `!` exceptions, last match wins. */
function ignoredBy(patterns: readonly string[]): (rel: string) => boolean {
  const rules = patterns.map((raw) => {
    const negate = raw.startsWith('!');
    const p = resolvePath('/', negate ? raw.slice(1).trim() : raw).slice(1);
    const re = p
      .split('/')
      .map((seg) =>
        seg === '**'
          ? '.*'
          : seg
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*')
              .replace(/\?/g, '[^/]'),
      )
      .join('/');
    // A pattern matching a directory excludes everything under it.
    return { negate, re: new RegExp(`^${re}(/.*)?$`) };
  });
  return (rel) => {
    let ignored = false;
    for (const r of rules) if (r.re.test(rel)) ignored = !r.negate;
    return ignored;
  };
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * Reads the context and the Dockerfile where the client runs. `file` is `-f` as typed (relative to
 * the shell's directory), or absent for `PATH/Dockerfile`.
 */
export function readBuildContext(
  world: World,
  place: Place,
  path: string,
  file: string | undefined,
): ContextResult {
  const tree = treeAt(world, place);
  const cwd = cwdOf(world, place);
  const dir = resolvePath(cwd, path);
  if (!isDirectory(tree, dir)) {
    const exists = own(tree.files, dir) !== undefined;
    return {
      ok: false,
      kind: 'context',
      error: exists
        ? `unable to prepare context: context must be a directory: ${dir}`
        : `unable to prepare context: path "${path}" not found`,
    };
  }
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const dockerfilePath = file !== undefined ? resolvePath(cwd, file) : `${prefix}Dockerfile`;
  const name = dockerfilePath.slice(dockerfilePath.lastIndexOf('/') + 1);
  const text = own(tree.files, dockerfilePath);
  if (text === undefined) return { ok: false, kind: 'dockerfile', error: dockerfilePath };
  const ignoreText = own(tree.files, `${prefix}.dockerignore`);
  const ignored = ignoredBy(
    (ignoreText ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
  const files: Record<string, string> = {};
  for (const [p, content] of Object.entries(tree.files))
    if (p.startsWith(prefix) && !ignored(p.slice(prefix.length)))
      files[p.slice(prefix.length)] = content;
  const dirs = [...tree.dirs]
    .filter((d) => d.startsWith(prefix) && !ignored(d.slice(prefix.length)))
    .map((d) => d.slice(prefix.length));
  return {
    ok: true,
    context: {
      dir,
      files,
      dirs,
      dockerfile: { name, text },
      ignoreSize: ignoreText === undefined ? 2 : bytes(ignoreText),
    },
  };
}

/** The context as the legacy client tars it: a 512-byte header per entry, data in 512-byte blocks, two zero blocks. */
export function contextTarSize(c: BuildContext): number {
  const files = Object.values(c.files).reduce(
    (n, t) => n + 512 + Math.ceil(bytes(t) / 512) * 512,
    0,
  );
  return files + c.dirs.length * 512 + 1024;
}

/** Bytes BuildKit reports transferring for the context's files. */
export const contextBytes = (c: BuildContext): number =>
  Object.values(c.files).reduce((n, t) => n + bytes(t), 0);

/** tonistiigi/units `%.2f`: `251B`, `3.44kB` (decimal units). */
export function transferSize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${n}B` : `${v.toFixed(2)}${units[i]}`;
}
