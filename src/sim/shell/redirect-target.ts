/**
 * Whether `> path` can be opened: bash opens a redirection's file before the command runs, so a
 * missing directory or a directory as the target stops the command with the shell's own error.
 * (Files live in the host's file table, also for lines typed inside a container.)
 */

/** Directories of a CentOS host that exist before anyone writes a file into them. */
const HOST_DIRECTORIES = new Set([
  '/',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/etc/docker',
  '/etc/sysconfig',
  '/etc/systemd',
  '/home',
  '/lib',
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
  '/usr/local',
  '/var',
  '/var/lib',
  '/var/log',
  '/var/run',
  '/var/tmp',
]);

function isDirectory(files: Readonly<Record<string, string>>, path: string): boolean {
  const dir = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (HOST_DIRECTORIES.has(dir)) return true;
  const prefix = `${dir}/`;
  return Object.keys(files).some((f) => f.startsWith(prefix));
}

/** Why `> path` cannot be opened, in the words of the shell the line runs in; null if it can. */
export function unwritable(
  files: Readonly<Record<string, string>>,
  shell: string,
  path: string,
): string | null {
  if (path === '/dev/null' || !path.includes('/')) return null;
  const bash = shell === 'bash';
  if (isDirectory(files, path))
    return bash ? `bash: ${path}: Is a directory` : `sh: can't create ${path}: Is a directory`;
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  if (!path.startsWith('/') || isDirectory(files, parent)) return null;
  return bash
    ? `bash: ${path}: No such file or directory`
    : `sh: can't create ${path}: nonexistent directory`;
}
