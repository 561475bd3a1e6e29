/**
 * `cat` over the file tree of the place a process runs in (linux/file-tree.ts), with
 * GNU coreutils' texts on the host and in glibc images, busybox's in busybox and alpine.
 */
import { own } from '../own';
import { output, type Process, type ProcessResult } from '../shell/process';
import { cwdOf, isDirectory, resolvePath, treeAt } from './file-tree';
import { isBusybox, whereIs } from './place';

export function cat(p: Process): ProcessResult {
  const busybox = isBusybox(whereIs(p).userland);
  const tree = treeAt(p.world, p.place);
  const cwd = cwdOf(p.world, p.place);
  const args = p.argv.slice(1).filter((a) => a !== '--');
  if (args.length === 0) return output(p.world, p.stdin);
  let stdout = '';
  let stderr = '';
  for (const path of args) {
    if (path === '-') {
      stdout += p.stdin;
      continue;
    }
    const abs = resolvePath(cwd, path);
    const content = own(tree.files, abs);
    if (content !== undefined) stdout += content;
    else if (isDirectory(tree, abs))
      stderr += busybox ? `cat: read error: Is a directory\n` : `cat: ${path}: Is a directory\n`;
    else
      stderr += busybox
        ? `cat: can't open '${path}': No such file or directory\n`
        : `cat: ${path}: No such file or directory\n`;
  }
  return output(p.world, stdout, stderr, stderr ? 1 : 0);
}
