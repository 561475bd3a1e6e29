/**
 * /proc/PID/ns: a symlink per namespace type a process is in, `net -> net:[4026531840]`, for the
 * host's init (PID 1) and each running container's main process. The initial namespaces carry the
 * kernel's fixed inode numbers (include/linux/proc_ns.h PROC_*_INIT_INO; init_net and the initial
 * mount namespace take the first dynamic ones, from 0xF0000000). Docker gives a container new mnt,
 * uts, ipc, pid, net and cgroup namespaces and leaves it in the host's user and time namespaces;
 * `--network container:X` or `host` puts it in that net namespace instead.
 */
import type { Host } from '../model';
import { netnsOfContainer } from './place';

export const NS_TYPES = [
  'cgroup',
  'ipc',
  'mnt',
  'net',
  'pid',
  'pid_for_children',
  'time',
  'time_for_children',
  'user',
  'uts',
] as const;
type NsType = (typeof NS_TYPES)[number];

const INITIAL: Readonly<Record<NsType, number>> = {
  cgroup: 4026531835,
  ipc: 4026531839,
  mnt: 4026531841,
  net: 4026531840,
  pid: 4026531836,
  pid_for_children: 4026531836,
  time: 4026531834,
  time_for_children: 4026531834,
  user: 4026531837,
  uts: 4026531838,
};

/** The slot of each type among the numbers a new process's namespaces take (pid ones share). */
const SLOT: Partial<Readonly<Record<NsType, number>>> = {
  mnt: 0,
  uts: 1,
  ipc: 2,
  pid: 3,
  pid_for_children: 3,
  net: 4,
  cgroup: 5,
};

/** Later namespaces number from here: 8 per process that made its own, by its PID. */
const DYNAMIC = 4026532000;

/** A named namespace (`ip netns add`) has no process: its number comes from its name. */
function unownedInode(id: string): number {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) % 100_000;
  return DYNAMIC + hash * 8 + 7;
}

/** The inode of network namespace `netns` of host `h`, as `/proc/PID/ns/net` shows it. */
export function netInode(h: Host, netns: string): number {
  if (netns === 'host') return INITIAL.net;
  const pid = h.netns.get(netns)?.pid;
  return pid === undefined ? unownedInode(netns) : DYNAMIC + pid * 8 + (SLOT.net ?? 0);
}

/** The PIDs with a /proc entry: the host's init and each running container's main process. */
export function procPids(h: Host): number[] {
  const pids = [1];
  for (const c of h.docker.containers.values())
    if (c.state.status === 'running' && c.state.pid > 0) pids.push(c.state.pid);
  return pids;
}

/** `/proc/PID/ns/TYPE` -> `TYPE:[inode]` for every process with a /proc entry. */
export function procNsLinks(h: Host): Record<string, string> {
  const links: Record<string, string> = {};
  const add = (pid: number, inode: (t: NsType) => number) => {
    for (const t of NS_TYPES)
      links[`/proc/${pid}/ns/${t}`] = `${t.replace('_for_children', '')}:[${inode(t)}]`;
  };
  add(1, (t) => INITIAL[t]);
  for (const c of h.docker.containers.values()) {
    const pid = c.state.pid;
    if (c.state.status !== 'running' || pid <= 0) continue;
    const netns = netnsOfContainer(c);
    add(pid, (t) => {
      if (t === 'net') return netns ? netInode(h, netns) : INITIAL.net;
      const slot = SLOT[t];
      return slot === undefined ? INITIAL[t] : DYNAMIC + pid * 8 + slot;
    });
  }
  return links;
}
