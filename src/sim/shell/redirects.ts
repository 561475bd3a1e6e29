/**
 * What a command's redirections do with its writes (`> f`, `>> f`, `2> f`, `2>&1`, `>&2`): which
 * reach the terminal, in order, and which files they leave written.
 */
import type { World } from '../model';
import { cwdOf, editTree, readAt, resolvePath } from '../linux/file-tree';
import type { SimpleCommand, Word } from './parse';
import {
  chunksOf,
  fromChunks,
  withStreams,
  type Chunk,
  type Place,
  type ProcessResult,
} from './process';

/** Where a file descriptor points after the line's redirections: the terminal's streams or a file. */
type FdTarget = Chunk['stream'] | { readonly path: string; readonly append: boolean };

/**
 * bash's redirections, left to right, on the program's ordered writes: `>`/`2>` point a descriptor
 * at a file, `2>&1` points stderr wherever stdout points now (so `>f 2>&1` sends both to f, and
 * `2>&1 | grep` feeds both, in order, to the pipe), `>&2` points stdout wherever stderr points.
 */
export function applyRedirects(
  r: ProcessResult,
  cmd: SimpleCommand,
  place: Place,
  /** A target word as the shell expands it (`> $LOG`). */
  targetOf: (world: World, word: Word) => string,
): ProcessResult {
  let fd1: FdTarget = 'stdout';
  let fd2: FdTarget = 'stderr';
  let redirected = false;
  for (const redir of cmd.redirects) {
    if (redir.op === '2>&1') fd2 = fd1;
    else if (redir.op === '>&2') fd1 = fd2;
    else if (redir.op === '>' || redir.op === '>>' || redir.op === '2>') {
      const path = targetOf(r.world, redir.target);
      const target = { path, append: redir.op === '>>' };
      if (redir.op === '2>') fd2 = target;
      else fd1 = target;
    } else continue;
    redirected = true;
  }
  if (!redirected) return r;
  const shown: Chunk[] = [];
  const files = new Map<string, string>();
  const written = new Set<string>();
  let world = r.world;
  for (const c of chunksOf(r)) {
    const to = c.stream === 'stdout' ? fd1 : fd2;
    if (typeof to === 'string') shown.push({ stream: to, text: c.text });
    else if (to.path !== '/dev/null') files.set(to.path, (files.get(to.path) ?? '') + c.text);
  }
  // A file named by a redirection is created (or truncated) even when nothing is written to it.
  for (const to of [fd1, fd2])
    if (typeof to !== 'string' && to.path !== '/dev/null' && !written.has(to.path)) {
      written.add(to.path);
      const before = to.append ? (readAt(world, place, to.path) ?? '') : '';
      const text = before + (files.get(to.path) ?? '');
      const abs = resolvePath(cwdOf(world, place), to.path);
      world = editTree(world, place, { write: { [abs]: text } });
    }
  return withStreams({ ...r, world }, fromChunks(shown));
}
