/**
 * The container lifecycle in the daemon: create records the config; start builds the sandbox
 * (network namespace, links, endpoints, published ports); stop tears it down and releases every
 * address and port; remove forgets the container.
 */
import { castDraft, type Draft } from 'immer';
import type { Container, HostsEntry } from '../model';
import { baseHost, createNetns, deleteNetns, type HostDraft } from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { logsUntil } from './container-logs';
import { joinEndpoint, leaveEndpoint } from './endpoint';
import { containerNamed } from './lookup';
import { bindPorts, releasePorts } from './ports';
import { removeAnonymousVolumes } from './volumes';

export type ContainerDraft = Draft<Container>;

/** `/db:/web/db` -> { child: 'db', parent: 'web', alias: 'db' }. */
export function parseLegacyLink(link: string): { child: string; parent: string; alias: string } {
  const [child = '', path = ''] = link.split(':');
  const parts = path.split('/');
  return { child: child.slice(1), parent: parts[1] ?? '', alias: parts.slice(2).join('/') };
}

/** The default bridge IP of a running container, which is what a legacy link points at. */
function bridgeAddress(h: HostDraft, c: Container): string | undefined {
  const bridge = [...h.docker.networks.values()].find((n) => n.name === 'bridge');
  return c.endpoints.find((e) => e.networkId === bridge?.id)?.joined?.ip || undefined;
}

function linkEntry(h: HostDraft, child: Container, alias: string): HostsEntry | undefined {
  const ip = bridgeAddress(h, child);
  if (!ip) return undefined;
  const names = [alias, child.config.hostname];
  if (alias !== child.name) names.push(child.name);
  return { ip, names };
}

function resolveLinks(h: HostDraft, c: ContainerDraft): Result<HostsEntry[]> {
  const entries: HostsEntry[] = [];
  for (const link of c.hostConfig.links) {
    const { child, parent, alias } = parseLegacyLink(link);
    const target = containerNamed(baseHost(h).docker, child);
    if (!target || target.state.status !== 'running')
      return err(`Cannot link to a non running container: /${child} AS /${parent}/${alias}`);
    const entry = linkEntry(h, target, alias);
    if (!entry)
      return err(`Cannot link to /${child}, as it does not belong to the default network`);
    entries.push(entry);
  }
  return ok(entries);
}

/** When a linked container restarts, its parents' /etc/hosts lines follow it (UpdateHostsEntry). */
function refreshParents(h: HostDraft, child: Container): void {
  const before = baseHost(h).docker.containers;
  for (const id of h.docker.dependents ?? []) {
    const base = before.get(id);
    if (!base?.hostConfig.links.length || base.state.status !== 'running') continue;
    base.hostConfig.links.forEach((link, i) => {
      const l = parseLegacyLink(link);
      if (l.child !== child.name) return;
      const parent = h.docker.containers.get(base.id)!;
      const entry = linkEntry(h, child, l.alias);
      if (entry && parent.linkHosts[i]) parent.linkHosts[i] = castDraft(entry);
    });
  }
}

export function startContainer(h: HostDraft, id: string, ctx: Ctx): Result<void> {
  const c = h.docker.containers.get(id);
  if (!c) return err(`No such container: ${id}`);
  if (c.state.status === 'running') return ok(undefined);
  const mode = c.hostConfig.networkMode;
  c.nextEthIndex = 0;
  if (mode.startsWith('container:')) {
    const donorId = mode.slice('container:'.length);
    const donor = h.docker.containers.get(donorId);
    if (!donor) return err(`No such container: ${donorId}`);
    if (donor.state.status !== 'running' || !donor.netns)
      return err(`cannot join network of a non running container: ${donorId}`);
    c.netns = donor.netns;
  } else if (mode === 'host') {
    c.netns = 'host';
  } else {
    const sandbox = ctx.rng.hex(12);
    createNetns(h, sandbox);
    c.netns = sandbox;
  }
  const links = resolveLinks(h, c);
  if (!links.ok) return links;
  c.linkHosts = castDraft(links.value);
  for (let i = 0; i < c.endpoints.length; i++) {
    const r = joinEndpoint(h, c, i, ctx);
    if (!r.ok) return r;
  }
  const ports = bindPorts(h, c);
  if (!ports.ok) return ports;
  const pid = h.nextPid;
  h.nextPid += ctx.rng.int(40, 900);
  if (c.netns !== 'host' && !mode.startsWith('container:')) h.netns.get(c.netns)!.pid = pid;
  c.state = {
    status: 'running',
    pid,
    exitCode: 0,
    startedAt: ctx.now,
    finishedAt: c.state.finishedAt,
  };
  refreshParents(h, c);
  return ok(undefined);
}

/**
 * Stops the main process at `ctx.now`. `exitCode` is what the process returned (SIGTERM, SIGKILL,
 * or its own); lines its start-up had yet to write are never written.
 */
export function stopContainer(
  h: HostDraft,
  id: string,
  exitCode: number,
  ctx: Pick<Ctx, 'now'>,
): void {
  const c = h.docker.containers.get(id);
  if (!c || c.state.status !== 'running') return;
  releasePorts(h, c);
  for (let i = 0; i < c.endpoints.length; i++) leaveEndpoint(h, c, i);
  const netns = c.netns;
  const before = baseHost(h).docker.containers;
  const shared = h.docker.dependents?.some((j) => {
    const o = before.get(j);
    return j !== id && o?.state.status === 'running' && o.netns === netns;
  });
  if (netns && netns !== 'host' && !shared && !c.hostConfig.networkMode.startsWith('container:'))
    deleteNetns(h, netns);
  delete c.netns;
  if (c.main) {
    delete c.main;
    h.docker.clocked = h.docker.clocked?.filter((x) => x !== id);
  }
  if (c.logs) c.logs = castDraft(logsUntil(c.logs, ctx.now));
  c.linkHosts = [];
  c.state = {
    status: 'exited',
    pid: 0,
    exitCode,
    startedAt: c.state.startedAt,
    finishedAt: ctx.now,
  };
  if (c.hostConfig.autoRemove) {
    // --rm takes the container's anonymous volumes with it (ContainerRmConfig.RemoveVolume).
    removeAnonymousVolumes(h, c);
    forgetContainer(h, id);
  }
}

/** The daemon forgets a container, and its indexes with it. */
export function forgetContainer(h: HostDraft, id: string): void {
  const name = h.docker.containers.get(id)?.name;
  if (name !== undefined && h.docker.names.get(name) === id) h.docker.names.delete(name);
  h.docker.containers.delete(id);
  if (h.docker.dependents?.includes(id))
    h.docker.dependents = h.docker.dependents.filter((j) => j !== id);
}

/** `docker rm` (with `volumes`, `-v`: its anonymous volumes go too). */
export function removeContainer(
  h: HostDraft,
  id: string,
  force: boolean,
  ctx: Ctx,
  volumes = false,
): Result<void> {
  const c = h.docker.containers.get(id);
  if (!c) return err(`No such container: ${id}`);
  if (c.state.status === 'running') {
    if (!force)
      return err(
        c.state.paused
          ? `cannot remove container "/${c.name}": container is paused and must be unpaused first`
          : `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`,
      );
    stopContainer(h, id, 137, ctx);
  }
  if (volumes) removeAnonymousVolumes(h, c);
  forgetContainer(h, id);
  return ok(undefined);
}
