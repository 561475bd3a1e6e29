/**
 * The daemon's side of `docker create`: check the settings (moby runconfig and
 * verifyNetworkingConfig), reserve the name, resolve links, and record the container. Nothing is
 * wired until start.
 */
import { castDraft } from 'immer';
import type { Container, Endpoint, Image } from '../model';
import { baseHost, type HostDraft } from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { containerNamed, findContainer } from './lookup';
import { generateName } from './names';
import type { RunOptions } from './run-options';
import { exists, hostTree } from '../linux/file-tree';
import { setUpMounts } from './volumes';
import { parseVolumeSpec, type MountRequest } from './mount-spec';

export const NAME_RE = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export type NetworkMode =
  | { readonly kind: 'bridge' }
  | { readonly kind: 'host' }
  | { readonly kind: 'none' }
  | { readonly kind: 'container'; readonly ref: string }
  | { readonly kind: 'user'; readonly name: string };

export function networkModeOf(network: string): NetworkMode {
  if (network === 'default' || network === 'bridge') return { kind: 'bridge' };
  if (network === 'host') return { kind: 'host' };
  if (network === 'none') return { kind: 'none' };
  if (network.startsWith('container:')) return { kind: 'container', ref: network.slice(10) };
  return { kind: 'user', name: network };
}

/** runconfig's conflicts between the network mode and other flags, checked before anything else. */
export function checkSettings(o: RunOptions, mode: NetworkMode): Result<void> {
  if (mode.kind === 'container') {
    if (o.publish.length || o.publishAll)
      return err('conflicting options: port publishing and the container type network mode');
    if (o.hostname) return err('conflicting options: hostname and the network mode');
    if (o.dns.length) return err('conflicting options: dns and the network mode');
    if (o.addHosts.length)
      return err('conflicting options: custom host-to-IP mapping and the network mode');
    if (o.expose.length)
      return err('conflicting options: port exposing and the container type network mode');
    if (o.links.length)
      return err(
        "conflicting options: container type network can't be used with links. This would result in undefined behavior",
      );
  }
  if (mode.kind === 'host' && o.links.length)
    return err(
      "conflicting options: host type networking can't be used with links. This would result in undefined behavior",
    );
  if (mode.kind !== 'user') {
    if (o.ip) return err('user specified IP address is supported on user defined networks only');
    if (o.aliases.length)
      return err('network-scoped alias is supported only for containers in user defined networks');
  }
  return ok(undefined);
}

function endpointsFor(h: HostDraft, o: RunOptions, mode: NetworkMode): Endpoint[] {
  const byName = (name: string) => [...h.docker.networks.values()].find((n) => n.name === name);
  const predefined = (name: string): Endpoint[] => {
    const n = byName(name);
    return n ? [{ networkId: n.id, networkName: name, aliases: [], links: [] }] : [];
  };
  switch (mode.kind) {
    case 'bridge':
      return predefined('bridge');
    case 'host':
      return predefined('host');
    case 'none':
      return predefined('none');
    case 'container':
      return [];
    case 'user': {
      const n = [...h.docker.networks.values()].find(
        (x) => x.id === mode.name || x.name === mode.name,
      );
      return [
        {
          networkId: n?.id ?? mode.name,
          networkName: n?.name ?? mode.name,
          aliases: [...o.aliases],
          // On a user network --link is a container-local DNS alias, not a legacy link.
          links: o.links.map((l) => (l.includes(':') ? l : `${l}:${l}`)),
          ...(o.ip ? { ipv4Requested: o.ip } : {}),
        },
      ];
    }
  }
}

export function createContainer(
  h: HostDraft,
  o: RunOptions,
  image: Image,
  ctx: Ctx,
): Result<Container> {
  const mode = networkModeOf(o.network);
  let networkMode = mode.kind === 'user' ? mode.name : mode.kind;
  let hostname = o.hostname ?? '';
  if (mode.kind === 'container') {
    const donor = findContainer(baseHost(h).docker, mode.ref);
    if (!donor) return err(`No such container: ${mode.ref}`);
    networkMode = `container:${donor.id}`;
    hostname = donor.config.hostname;
  }
  if (o.name !== undefined && !NAME_RE.test(o.name))
    return err(`Invalid container name (${o.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  const id = ctx.rng.hex(64);
  const before = baseHost(h).docker;
  const clash =
    o.name === undefined ? undefined : containerNamed(before, o.name.replace(/^\//, ''));
  if (clash)
    return err(
      `Conflict. The container name "/${clash.name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  const name = o.name?.replace(/^\//, '') ?? generateName(ctx.rng, (n) => before.names.has(n), id);
  const links: string[] = [];
  if (mode.kind !== 'user') {
    for (const link of o.links) {
      const [child = '', alias = child] = link.split(':');
      const target = findContainer(baseHost(h).docker, child);
      if (!target) return err(`could not get container for ${child}: No such container: ${child}`);
      links.push(`/${target.name}:/${name}/${alias}`);
    }
  }
  if (mode.kind === 'host') hostname = h.hostname;
  if (!hostname) hostname = id.slice(0, 12);
  const entrypoint =
    o.entrypoint !== undefined ? (o.entrypoint ? [o.entrypoint] : null) : image.entrypoint;
  const cmd = o.cmd.length ? o.cmd : o.entrypoint !== undefined ? [] : image.cmd;
  const [path = '', ...args] = [...(entrypoint ?? []), ...cmd];
  const published = o.publish.map((p) => p.containerPort);
  const container: Container = {
    id,
    name,
    image: o.image,
    imageId: image.id,
    created: ctx.now,
    createdNanos: ctx.rng.int(0, 999_999),
    path,
    args,
    config: {
      hostname,
      domainname: o.domainname,
      env: [...image.env, ...o.env],
      cmd,
      entrypoint,
      exposedPorts: [...new Set([...image.exposedPorts, ...o.expose, ...published])],
      tty: o.tty,
      openStdin: o.interactive,
      workingDir: o.workdir ?? image.workingDir,
    },
    hostConfig: {
      networkMode,
      portBindings: mode.kind === 'host' ? [] : o.publish,
      publishAllPorts: mode.kind === 'host' ? false : o.publishAll,
      links,
      autoRemove: o.autoRemove,
      restartPolicy: o.restart,
      dns: o.dns,
      extraHosts: o.addHosts,
      ...(o.privileged ? { privileged: true } : {}),
      ...(o.capAdd?.length ? { capAdd: o.capAdd } : {}),
    },
    state: { status: 'created', pid: 0, exitCode: 0, startedAt: null, finishedAt: null },
    endpoints: endpointsFor(h, o, mode),
    linkHosts: [],
    installed: [],
    restartCount: 0,
    ports: [],
    nextEthIndex: 0,
  };
  // The daemon reads HostConfig.Binds (`-v`) before HostConfig.Mounts (`--mount`).
  const requests: MountRequest[] = [];
  for (const spec of o.volumes ?? []) {
    const r = parseVolumeSpec(spec);
    if (!r.ok) return r;
    requests.push(r.value);
  }
  requests.push(...(o.mounts ?? []));
  const mounts = setUpMounts(h, requests, image, ctx, (path) =>
    exists(hostTree(baseHost(h)), path),
  );
  if (!mounts.ok) return mounts;
  const made = mounts.value.length ? { ...container, mounts: mounts.value } : container;
  h.docker.containers.set(id, castDraft(made));
  h.docker.names.set(made.name, id);
  if (links.length || networkMode.startsWith('container:'))
    h.docker.dependents = [...(h.docker.dependents ?? []), id];
  return ok(made);
}
