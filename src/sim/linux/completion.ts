/**
 * bash's default completion, file names, over the files the lab models at the shell's place (the
 * host's tree; in a container the files Docker mounts and /proc/sys), and bash-completion's known
 * hosts for ssh and ping: the names in /etc/hosts there, and the lab's other Docker hosts.
 */
import {
  candidates,
  type Candidate,
  type Completer,
  type CompletionRequest,
} from '../shell/completion';
import { filesAt, readFile } from './files';
import { entriesOf, isDirectory, normalizePath } from './fs';
import { whereIs } from './place';

/** Names directly under `dir` among `paths`, and whether each is a directory (has paths below). */
function childrenOf(paths: readonly string[], dir: string): Map<string, boolean> {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const children = new Map<string, boolean>();
  for (const p of paths) {
    if (!p.startsWith(prefix) || p === prefix) continue;
    const [name = '', ...below] = p.slice(prefix.length).split('/');
    children.set(name, children.get(name) === true || below.length > 0);
  }
  return children;
}

export function completePaths(r: CompletionRequest): Candidate[] {
  const w = whereIs(r);
  const typedDir = r.word.slice(0, r.word.lastIndexOf('/') + 1);
  const cwd = w.container ? w.container.config.workingDir || '/' : '/root';
  const dir = normalizePath(typedDir.startsWith('/') ? typedDir : `${cwd}/${typedDir}`);
  const files = filesAt(w);
  let children: Map<string, boolean>;
  if (w.container) children = childrenOf(Object.keys(files), dir);
  else {
    // The host's tree also holds the directories and symlinks a learner made.
    const tree = { ...w.host, files };
    const at = (name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);
    children = new Map(entriesOf(tree, dir).map((name) => [name, isDirectory(tree, at(name))]));
  }
  return [...children].map(([name, directory]) => ({
    text: typedDir + name,
    display: directory ? `${name}/` : name,
    ...(directory ? { directory } : {}),
  }));
}

export const completeHosts: Completer = (r) => {
  const hosts = readFile(whereIs(r), '/etc/hosts') ?? '';
  const names = hosts
    .split('\n')
    .flatMap((line) => line.replace(/#.*/, '').trim().split(/\s+/).slice(1));
  const others = Object.keys(r.world.hosts).filter((h) => h !== r.place.host);
  return candidates(new Set([...names, ...others]));
};
