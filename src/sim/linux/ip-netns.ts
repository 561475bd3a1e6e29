/**
 * `ip netns`: names for network namespaces under /var/run/netns. `ip netns add` bind-mounts a new
 * namespace there; the tutorials instead symlink a container's `/proc/PID/ns/net` into it, which
 * names the namespace only while that process lives (afterwards the link dangles and opening it
 * fails). Texts and exit codes follow iproute2 ip/ipnetns.c and lib/namespace.c.
 */
import { castDraft } from 'immer';
import type { Host } from '../model';
import { createNetns, deleteNetns } from '../net/kernel';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { updateHost } from '../world';
import { NETNS_RUN_DIR } from './file-tree';
import { netnsIds } from './link-state';
import { netnsOfContainer, type Where } from './place';
import { matches } from './abbrev';

/** The namespace `/proc/PID/ns/net` opens: PID 1 is the host's init, others a container's. */
export function netnsOfPid(h: Host, pid: number): string | undefined {
  if (pid === 1) return 'host';
  for (const c of h.docker.containers.values())
    if (c.state.status === 'running' && c.state.pid === pid) return netnsOfContainer(c);
  return undefined;
}

/** Where a path under /proc or /var/run/netns leads: a namespace id, or nothing (ENOENT). */
function openNetnsPath(h: Host, path: string, depth = 0): string | undefined {
  const proc = /^\/proc\/(\d+)\/ns\/net$/.exec(path);
  if (proc) return netnsOfPid(h, Number(proc[1]));
  const target = h.symlinks?.[path];
  if (target !== undefined && depth < 8) return openNetnsPath(h, target, depth + 1);
  if (!path.startsWith(`${NETNS_RUN_DIR}/`)) return undefined;
  const name = path.slice(NETNS_RUN_DIR.length + 1);
  return [...h.netns.values()].find((n) => n.name === name)?.id;
}

/** `ip netns exec NAME` / `ip link set X netns NAME`: NAME under /var/run/netns, or a path. */
export function resolveNetnsName(h: Host, name: string): string | undefined {
  return openNetnsPath(h, name.includes('/') ? name : `${NETNS_RUN_DIR}/${name}`);
}

/** Entries of /var/run/netns as readdir returns them on tmpfs: newest first. */
export function netnsEntries(h: Host): string[] {
  const mounted = [...h.netns.values()].flatMap((n) => (n.name ? [n.name] : []));
  const linked = Object.keys(h.symlinks ?? {})
    .filter(
      (p) => p.startsWith(`${NETNS_RUN_DIR}/`) && !p.slice(NETNS_RUN_DIR.length + 1).includes('/'),
    )
    .map((p) => p.slice(NETNS_RUN_DIR.length + 1));
  return [...mounted, ...linked].reverse();
}

const USAGE =
  'Usage:\tip netns list\n\tip netns add NAME\n\tip netns attach NAME PID\n\tip netns set NAME NETNSID\n' +
  '\tip [-all] netns delete [NAME]\n\tip netns identify [PID]\n\tip netns pids NAME\n' +
  '\tip [-all] netns exec [NAME] cmd ...\n\tip netns monitor\n\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\n' +
  'NETNSID := auto | POSITIVE-INT';

function list(p: Process, w: Where): ProcessResult {
  // A container sees its own (empty) /var/run/netns.
  if (w.container) return output(p.world);
  const ids = netnsIds(w.host, w.netns ?? 'host');
  const lines = netnsEntries(w.host).map((name) => {
    const ns = resolveNetnsName(w.host, name);
    const id = ns === undefined ? undefined : ids.get(ns);
    return id === undefined ? `${name}\n` : `${name} (id: ${id})\n`;
  });
  return output(p.world, lines.join(''));
}

function add(p: Process, w: Where, name: string | undefined): ProcessResult {
  if (!name) return failure(p.world, 'No netns name specified');
  const path = `${NETNS_RUN_DIR}/${name}`;
  if (w.container)
    return failure(p.world, `mount --make-shared ${NETNS_RUN_DIR} failed: Operation not permitted`);
  if (netnsEntries(w.host).includes(name))
    return failure(p.world, `Cannot create namespace file "${path}": File exists`);
  const r = updateHost(p.world, p.place.host, (h) => {
    if (!h.dirs?.includes(NETNS_RUN_DIR)) h.dirs = castDraft([...(h.dirs ?? []), NETNS_RUN_DIR]);
    createNetns(h, `netns-${p.ctx.rng.hex(12)}`, { name });
    return { ok: true, value: undefined };
  });
  return r.ok ? output(r.world) : failure(p.world, r.error);
}

function del(p: Process, w: Where, name: string | undefined): ProcessResult {
  if (!name) return failure(p.world, 'No netns name specified');
  const path = `${NETNS_RUN_DIR}/${name}`;
  const mounted = [...w.host.netns.values()].find((n) => n.name === name);
  if (w.container || (!mounted && w.host.symlinks?.[path] === undefined))
    return failure(p.world, `Cannot remove namespace file "${path}": No such file or directory`);
  const r = updateHost(p.world, p.place.host, (h) => {
    // Unmounting the last reference destroys the namespace and the veths inside it.
    if (mounted) deleteNetns(h, mounted.id);
    else {
      const links = { ...(h.symlinks ?? {}) };
      delete links[path];
      h.symlinks = links;
    }
    return { ok: true, value: undefined };
  });
  return r.ok ? output(r.world) : failure(p.world, r.error);
}

function exec(p: Process, w: Where, args: readonly string[]): ProcessResult {
  const [name, cmd] = args;
  if (name === undefined) return failure(p.world, 'No netns name specified');
  if (cmd === undefined) return failure(p.world, 'No command specified');
  const netns = w.container ? undefined : resolveNetnsName(w.host, name);
  if (netns === undefined)
    return failure(p.world, `Cannot open network namespace "${name}": No such file or directory`);
  const place = { host: p.place.host, netns };
  const r = p.spawn(p.world, place, args.slice(1), { stdin: p.stdin, tty: p.tty, via: 'exec' });
  // spawn words a missing program as runc would; here iproute2's execvp reports it.
  if (r.exitCode === 126 && r.stdout.startsWith('OCI runtime exec failed'))
    return failure(p.world, `exec of "${cmd}" failed: No such file or directory`);
  return r;
}

/** `ip netns …` on the iproute2 dialect (busybox `ip` has no netns object). */
/**
 * `ip netns identify [PID]`: the name under /var/run/netns that opens the same namespace as
 * /proc/PID/ns/net (the last one readdir meets), or an empty line when none does.
 */
function identify(p: Process, w: Where, args: readonly string[]): ProcessResult {
  if (args.length > 1) return failure(p.world, 'extra arguments specified');
  const pid = args[0];
  if (pid !== undefined && !/^\d+$/.test(pid))
    return failure(p.world, `Specified string '${pid}' is not a pid`);
  const netns = pid === undefined ? w.netns : netnsOfPid(w.host, Number(pid));
  if (netns === undefined)
    return failure(p.world, 'Cannot open network namespace: No such file or directory');
  const names = w.container ? [] : netnsEntries(w.host);
  const found = names.filter((n) => resolveNetnsName(w.host, n) === netns).at(-1) ?? '';
  return output(p.world, `${found}\n`);
}

export function ipNetns(p: Process, w: Where, args: readonly string[]): ProcessResult {
  const [cmd, ...rest] = args;
  if (cmd === undefined || ['list', 'show', 'lst'].some((c) => matches(cmd, c))) return list(p, w);
  if (matches(cmd, 'help')) return failure(p.world, USAGE, 255);
  if (matches(cmd, 'add')) return add(p, w, rest[0]);
  if (matches(cmd, 'delete')) return del(p, w, rest[0]);
  if (matches(cmd, 'exec')) return exec(p, w, rest);
  if (matches(cmd, 'identify')) return identify(p, w, rest);
  return failure(p.world, `Command "${cmd}" is unknown, try "ip netns help".`, 255);
}
