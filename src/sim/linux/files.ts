/**
 * The files a process can read: the host's own files, the /proc/sys view of its sysctls, and in a
 * container the files Docker bind-mounts (/etc/hosts, /etc/resolv.conf, /etc/hostname), rendered
 * from the daemon's state at the moment they are read. `cat` and `ls` live here.
 */
import { own } from '../own';
import { output, type Process, type ProcessResult } from '../shell/process';
import { entriesOf, isDirectory, normalizePath } from './fs';
import { renderHostsFile } from './hosts-file';
import { isBusybox, whereIs, type Where } from './place';
import { renderResolvConf } from './resolv-conf';

/** `/proc/sys/net/ipv4/ip_forward` <-> `net.ipv4.ip_forward`. */
export const procPathOf = (key: string): string => `/proc/sys/${key.replace(/\./g, '/')}`;
const keyOfProcPath = (path: string): string => path.slice('/proc/sys/'.length).replace(/\//g, '.');

/** Every readable file at this place, path -> content. */
export function filesAt(w: Where): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(w.host.sysctl)) files[procPathOf(k)] = `${v}\n`;
  const c = w.container;
  if (!c) return { ...w.host.files, ...files };
  files['/etc/hostname'] = `${c.config.hostname}\n`;
  files['/etc/hosts'] = renderHostsFile(w.host, c);
  files['/etc/resolv.conf'] = renderResolvConf(w.host, c);
  return files;
}

export function readFile(w: Where, path: string): string | undefined {
  const files = filesAt(w);
  if (path.startsWith('/proc/sys/') && own(files, path) === undefined)
    return own(w.host.sysctl, keyOfProcPath(path));
  return own(files, path);
}

const isDir = (files: Record<string, string>, path: string) => {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  return Object.keys(files).some((f) => f.startsWith(prefix));
};

export function cat(p: Process): ProcessResult {
  const w = whereIs(p);
  const files = filesAt(w);
  const args = p.argv.slice(1).filter((a) => a !== '--');
  if (args.length === 0) return output(p.world, p.stdin);
  let stdout = '';
  let stderr = '';
  for (const path of args) {
    if (path === '-') {
      stdout += p.stdin;
      continue;
    }
    const content = own(files, path);
    if (content !== undefined) stdout += content;
    else if (isDir(files, path))
      stderr += isBusybox(w.userland)
        ? `cat: read error: Is a directory\n`
        : `cat: ${path}: Is a directory\n`;
    else
      stderr += isBusybox(w.userland)
        ? `cat: can't open '${path}': No such file or directory\n`
        : `cat: ${path}: No such file or directory\n`;
  }
  return output(p.world, stdout, stderr, stderr ? 1 : 0);
}

/** A minimal `ls`: names of files under a directory, or the file itself. */
export function ls(p: Process): ProcessResult {
  const w = whereIs(p);
  const files = filesAt(w);
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  const targets = args.length ? args : [w.container ? '/' : '/root'];
  const out: string[] = [];
  let stderr = '';
  // On the host, directories and symlinks a learner made count too (`ls /var/run/netns`).
  const tree = w.container ? undefined : { ...w.host, files };
  for (const t of targets) {
    const path = tree ? normalizePath(t) : t;
    if (own(files, path) !== undefined || own(tree?.symlinks, path) !== undefined) out.push(t);
    else if (tree && isDirectory(tree, path)) out.push(...entriesOf(tree, path).sort());
    else if (isDir(files, t) || t === '/root' || t === '/') {
      const prefix = t.endsWith('/') ? t : `${t}/`;
      const names = new Set(
        Object.keys(files)
          .filter((f) => f.startsWith(prefix))
          .map((f) => f.slice(prefix.length).split('/')[0]),
      );
      out.push(...[...names].sort());
    } else
      stderr += isBusybox(w.userland)
        ? `ls: ${t}: No such file or directory\n`
        : `ls: cannot access '${t}': No such file or directory\n`;
  }
  const sep = p.tty ? '  ' : '\n';
  const text = out.length ? `${out.join(sep)}\n` : '';
  return output(p.world, text, stderr, stderr ? (isBusybox(w.userland) ? 1 : 2) : 0);
}
