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
import { cwdOf, entriesOf, isDirectory, readAt, resolvePath, treeAt } from './file-tree';

export function completePaths(r: CompletionRequest): Candidate[] {
  const typedDir = r.word.slice(0, r.word.lastIndexOf('/') + 1);
  const dir = resolvePath(cwdOf(r.world, r.place), typedDir || '.');
  const tree = treeAt(r.world, r.place);
  const at = (name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);
  return entriesOf(tree, dir).map((name) => {
    const directory = isDirectory(tree, at(name));
    return {
      text: typedDir + name,
      display: directory ? `${name}/` : name,
      ...(directory ? { directory } : {}),
    };
  });
}

export const completeHosts: Completer = (r) => {
  const hosts = readAt(r.world, r.place, '/etc/hosts') ?? '';
  const names = hosts
    .split('\n')
    .flatMap((line) => line.replace(/#.*/, '').trim().split(/\s+/).slice(1));
  const others = Object.keys(r.world.hosts).filter((h) => h !== r.place.host);
  return candidates(new Set([...names, ...others]));
};
