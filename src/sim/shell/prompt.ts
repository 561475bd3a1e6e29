/** The prompt the terminal shows: CentOS bash on the host, bash or busybox sh in a container. */
import type { World } from '../model';
import { hostOf } from '../world';

/** bash's `\W`: the directory's base name, `~` for home. */
const dirName = (dir: string): string =>
  dir === '/root' ? '~' : dir === '/' ? '/' : dir.slice(dir.lastIndexOf('/') + 1);

export function prompt(world: World): string {
  // bash's PS2 while a here-document waits for its body.
  if (world.terminal.pending) return '> ';
  const h = hostOf(world);
  const top = world.terminal.shells.at(-1);
  if (!top) return `[root@${h.hostname} ${dirName(world.terminal.vars.PWD ?? '/root')}]# `;
  if (top.lanClient) return '[root@lan-client ~]# ';
  const c = h.docker.containers.get(top.containerId);
  const image = c ? h.docker.images.get(c.imageId) : undefined;
  const cwd = top.cwd ?? (c?.config.workingDir || '/');
  if (!top.program.endsWith('bash')) return `${cwd === '/' ? '/' : cwd} # `;
  if (image?.flavour === 'centos')
    return `[root@${c?.config.hostname ?? ''} ${cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1)}]# `;
  return `root@${c?.config.hostname ?? ''}:${cwd}# `;
}
