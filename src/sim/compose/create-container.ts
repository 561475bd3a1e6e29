/**
 * A service's container as Compose asks the engine for it (pkg/compose/create.go getCreateConfigs,
 * defaultNetworkSettings, getLinks): the same daemon calls `docker create` makes, so `docker ps`,
 * `docker inspect` and the embedded DNS see exactly what compose made. The container joins its
 * highest-priority network with the aliases `<container name>`, `<service>` and its own; the other
 * networks are recorded at create (API 1.44+ takes them all at once) and wired at start.
 */
import { castDraft } from 'immer';
import { checkSettings, createContainer, networkModeOf } from '../docker/create';
import { connectNetwork } from '../docker/network-connect';
import { parseRestart, type RunOptions } from '../docker/run-options';
import type { Image, PortBinding } from '../model';
import { baseHost, type HostDraft } from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { containerLabels, projectContainers } from './labels';
import type { ComposeProject, ComposeService, ServiceNetwork } from './project';

/** compose-go NetworksByPriority: highest priority first, then by name. */
export const networksByPriority = (s: ComposeService): ServiceNetwork[] =>
  [...s.networks].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : 1));

export const engineNetworkName = (project: ComposeProject, key: string): string =>
  project.networks.find((n) => n.key === key)?.name ?? key;

export const containerName = (project: ComposeProject, s: ComposeService, n: number): string =>
  s.containerName ?? `${project.name}-${s.name}-${n}`;

/** getLinks: each linked service's containers under the link name and two numbered names. */
function links(h: HostDraft, project: ComposeProject, s: ComposeService, n: number): string[] {
  const out: string[] = [];
  for (const raw of s.links) {
    const [service = '', alias = service] = raw.split(':');
    for (const c of projectContainers(baseHost(h).docker, project.name, { service }))
      out.push(
        `${c.name}:${alias}`,
        `${c.name}:${service}-${n}`,
        `${c.name}:${project.name}-${service}-${n}`,
      );
  }
  for (const raw of s.externalLinks) {
    const [name = '', alias = name] = raw.split(':');
    out.push(`${name}:${alias}`);
  }
  return out;
}

/** `network_mode` as the engine gets it; `service:x` becomes x's first container. */
function networkMode(h: HostDraft, project: ComposeProject, s: ComposeService): string | null {
  const mode = s.networkMode;
  if (mode === undefined) {
    const primary = networksByPriority(s)[0];
    return primary ? engineNetworkName(project, primary.key) : 'none';
  }
  if (!mode.startsWith('service:')) return mode;
  const service = mode.slice('service:'.length);
  const donor = projectContainers(baseHost(h).docker, project.name, { service })[0];
  return donor ? `container:${donor.id}` : null;
}

const portBindings = (s: ComposeService): PortBinding[] =>
  s.ports.map((p) => ({
    containerPort: `${p.target}/${p.protocol}`,
    hostIp: p.hostIp ?? '',
    hostPort: p.published ?? '',
  }));

export interface CreateRequest {
  readonly name: string;
  /** The container number; 0 for a one-off `run` container. */
  readonly number: number;
  readonly image: Image;
  /** `run`'s command instead of the service's. */
  readonly command?: readonly string[];
  /** `run` leaves the service aliases out unless asked (createOptions.UseNetworkAliases). */
  readonly serviceAliases: boolean;
  readonly extraLabels?: Readonly<Record<string, string>>;
  readonly publish: boolean;
}

export function createServiceContainer(
  h: HostDraft,
  project: ComposeProject,
  s: ComposeService,
  req: CreateRequest,
  ctx: Ctx,
): Result<string> {
  const mode = networkMode(h, project, s);
  if (mode === null)
    return err(`service "${s.networkMode?.slice(8)}" has no container to share network namespace`);
  const [primary, ...others] = s.networkMode === undefined ? networksByPriority(s) : [];
  const aliasesOn = (n: ServiceNetwork) =>
    req.serviceAliases ? [req.name, s.name, ...n.aliases] : [req.name];
  const linked = links(h, project, s, req.number);
  const restart = parseRestart(s.restart ?? 'no');
  const command = req.command ?? s.command;
  const o: RunOptions = {
    detach: true,
    interactive: s.stdinOpen,
    tty: s.tty,
    autoRemove: false,
    name: req.name,
    network: mode,
    links: linked,
    aliases: primary ? aliasesOn(primary) : [],
    ...(s.hostname !== undefined ? { hostname: s.hostname } : {}),
    domainname: s.domainname ?? '',
    ...(primary?.ipv4Address ? { ip: primary.ipv4Address } : {}),
    publish: req.publish ? portBindings(s) : [],
    publishAll: false,
    expose: s.expose.map((e) => (e.includes('/') ? e : `${e}/tcp`)),
    env: Object.entries(s.environment).flatMap(([k, v]) => (v === null ? [] : [`${k}=${v}`])),
    restart: restart.ok ? restart.value : { name: 'no', maximumRetryCount: 0 },
    dns: s.dns,
    addHosts: s.extraHosts,
    ...(s.privileged ? { privileged: true } : {}),
    ...(s.capAdd.length ? { capAdd: s.capAdd } : {}),
    ...(s.workingDir !== undefined ? { workdir: s.workingDir } : {}),
    image: s.image ?? '',
    cmd: command ?? [],
  };
  const settings = checkSettings(o, networkModeOf(mode));
  if (!settings.ok) return settings;
  const created = createContainer(h, o, req.image, ctx);
  if (!created.ok) return created;
  const c = h.docker.containers.get(created.value.id)!;
  // The engine merges the image's config as moby does: a new entrypoint drops the image's CMD.
  const entrypoint = s.entrypoint ?? req.image.entrypoint;
  const cmd = command ?? (s.entrypoint ? [] : req.image.cmd);
  c.config.entrypoint = entrypoint ? castDraft([...entrypoint]) : null;
  c.config.cmd = castDraft([...cmd]);
  const [path = '', ...args] = [...(entrypoint ?? []), ...cmd];
  c.path = path;
  c.args = castDraft(args);
  c.config.labels = {
    ...containerLabels(project, s, req.number, req.image.id),
    ...req.extraLabels,
  };
  for (const n of others) {
    const connected = connectNetwork(
      h,
      c.id,
      engineNetworkName(project, n.key),
      { aliases: aliasesOn(n), links: linked, ...(n.ipv4Address ? { ipv4: n.ipv4Address } : {}) },
      ctx,
    );
    if (!connected.ok) return connected;
  }
  return ok(c.id);
}
