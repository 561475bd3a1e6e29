/**
 * Whether `> path` can be opened: bash opens a redirection's file before the command runs, so a
 * missing directory or a directory as the target stops the command with the shell's own error.
 * Paths are checked in the file tree of the place the line runs in (host or container).
 */
import { isDirectory, parentOf, readOnlyAt, type Tree } from '../linux/file-tree';

/** Why `> path` (`abs` resolved from the working directory) cannot be opened; null if it can. */
export function unwritable(tree: Tree, shell: string, path: string, abs: string): string | null {
  if (abs === '/dev/null') return null;
  const bash = shell === 'bash';
  if (isDirectory(tree, abs))
    return bash ? `bash: ${path}: Is a directory` : `sh: can't create ${path}: Is a directory`;
  if (isDirectory(tree, parentOf(abs)))
    return readOnlyAt(tree, abs)
      ? bash
        ? `bash: ${path}: Read-only file system`
        : `sh: can't create ${path}: Read-only file system`
      : null;
  return bash
    ? `bash: ${path}: No such file or directory`
    : `sh: can't create ${path}: nonexistent directory`;
}
