/**
 * The daemon's local volumes and a container's mounts (moby volume/service, volume/mounts
 * linux_parser.go, daemon/volumes.go): a volume is a directory of the host's,
 * /var/lib/docker/volumes/NAME/_data, so what a container writes there is on the host's files and
 * outlives the container. Bind mounts show a host path itself.
 */
import { castDraft } from 'immer';
import type { Container, Daemon, Image, Mount, Volume, World } from '../model';
import { hostOf, updateHost } from '../world';
import type { HostDraft } from '../net/kernel';
import { baseHost } from '../net/kernel';
import { err, ok, type Result } from '../result';
import type { Ctx } from '../shell/process';
import { mergeLayers } from '../linux/layers';
import { checkMount, type MountRequest } from './mount-spec';

export const VOLUMES_DIR = '/var/lib/docker/volumes';
/** The label Docker 23+ puts on anonymous volumes; `volume prune` without -a removes only these. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export const volumeDir = (name: string): string => `${VOLUMES_DIR}/${name}/_data`;

export const volumesOf = (d: Daemon): readonly Volume[] => [...(d.volumes?.values() ?? [])];

export const isAnonymous = (v: Volume): boolean => v.labels?.[ANONYMOUS_LABEL] !== undefined;

/** Containers (running or not) whose mounts use the volume: they keep it from being removed. */
export const volumeUsers = (d: Daemon, name: string): Container[] =>
  [...d.containers.values()].filter((c) => c.mounts?.some((m) => m.name === name));

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);

/** A local volume name (volume/local validateName). */
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

const badName = (name: string) =>
  `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`;

/** Makes the volume's directory on the host (idempotent, as `volume create` of an existing name is). */
export function createVolume(
  h: HostDraft,
  name: string,
  ctx: Ctx,
  labels: Volume['labels'],
  options: Volume['options'],
): Result<Volume> {
  if (!VOLUME_NAME.test(name)) return err(badName(name));
  const known = h.docker.volumes?.get(name);
  if (known) return ok(known as Volume);
  const v: Volume = { name, created: ctx.now, labels, options };
  if (!h.docker.volumes) h.docker.volumes = new Map();
  h.docker.volumes.set(name, castDraft(v));
  const dirs = [`${VOLUMES_DIR}/${name}`, volumeDir(name)];
  h.dirs = [...(h.dirs ?? []).filter((d) => !dirs.includes(d)), ...dirs];
  return ok(v);
}

/** Deletes a volume and its files; refused while a container (other than `leaving`) uses it. */
export function removeVolume(h: HostDraft, name: string, leaving?: string): Result<void> {
  // The draft, not baseHost: the volume or its user may be new in this same command.
  if (!h.docker.volumes?.has(name)) return err(`get ${name}: no such volume`);
  const users = volumeUsers(h.docker as Daemon, name).filter((c) => c.id !== leaving);
  if (users.length)
    return err(`remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`);
  h.docker.volumes.delete(name);
  const dir = `${VOLUMES_DIR}/${name}`;
  for (const f of Object.keys(h.files)) if (under(f, dir)) delete h.files[f];
  h.dirs = (h.dirs ?? []).filter((x) => !under(x, dir));
  return ok(undefined);
}

/** Bytes of the files in a volume's directory, as `system df` counts them. */
export function volumeSize(files: Readonly<Record<string, string>>, name: string): number {
  const dir = volumeDir(name);
  return Object.entries(files)
    .filter(([f]) => under(f, dir))
    .reduce((n, [, text]) => n + new TextEncoder().encode(text).length, 0);
}

/**
 * A new volume takes what the image has at the mount point (moby's CopyImagePathContent), so
 * `-v data:/usr/share/nginx/html` starts with nginx's page.
 */
function copyUp(h: HostDraft, name: string, image: Image, target: string): void {
  const dir = volumeDir(name);
  const files = baseHost(h).files;
  if (
    Object.keys(files).some((f) => under(f, dir)) ||
    (h.dirs ?? []).some((d) => d.startsWith(`${dir}/`))
  )
    return;
  const tree = mergeLayers(image.layers ?? []);
  const copied: string[] = [];
  for (const [f, text] of Object.entries(tree.files))
    if (f.startsWith(`${target}/`)) h.files[`${dir}${f.slice(target.length)}`] = text;
  for (const d of tree.dirs)
    if (d.startsWith(`${target}/`)) copied.push(`${dir}${d.slice(target.length)}`);
  if (copied.length) h.dirs = [...(h.dirs ?? []), ...copied];
}

/** Host directories `-v /host:/path` makes when the host path is missing (the daemon's MkdirAll). */
function makeHostDirs(h: HostDraft, path: string): void {
  const host = baseHost(h);
  if (host.files[path] !== undefined) return;
  const made: string[] = [];
  for (let d = path; d !== '/' && d !== ''; d = d.slice(0, d.lastIndexOf('/')) || '/')
    made.unshift(d);
  const known = new Set(host.dirs ?? []);
  const fresh = made.filter((d) => !known.has(d));
  if (fresh.length) h.dirs = [...(h.dirs ?? []), ...fresh];
}

const normal = (p: string): string =>
  `/${p
    .split('/')
    .filter((x) => x && x !== '.')
    .join('/')}`;

/** A volume mount's own part: the volume (made now if new, named at random if no name) and its files. */
function volumeMount(
  h: HostDraft,
  source: string,
  destination: string,
  image: Image,
  ctx: Ctx,
): Result<Pick<Mount, 'type' | 'name' | 'source' | 'anonymous'>> {
  const name = source || ctx.rng.hex(64);
  const v = createVolume(h, name, ctx, source ? null : { [ANONYMOUS_LABEL]: '' }, null);
  if (!v.ok) return v;
  copyUp(h, name, image, destination);
  return ok({
    type: 'volume',
    name,
    source: volumeDir(name),
    ...(source ? {} : { anonymous: true }),
  });
}

/**
 * The container's mounts from its requests and its image's VOLUMEs (registerMountPoints, then
 * createContainerOSSpecificSettings): volumes made on first use, anonymous ones named at random.
 */
export function setUpMounts(
  h: HostDraft,
  requests: readonly MountRequest[],
  image: Image,
  ctx: Ctx,
  hostDirExists: (path: string) => boolean,
): Result<Mount[]> {
  const mounts: Mount[] = [];
  const anonymous = [
    ...requests.filter((r) => r.type === 'volume' && r.source === '' && !r.viaMount),
    ...(image.volumes ?? []).map((target): MountRequest => ({
      type: 'volume',
      source: '',
      target,
      readOnly: false,
      mode: '',
    })),
  ];
  const explicit = requests.filter((r) => !anonymous.includes(r));
  for (const r of explicit) {
    if (r.viaMount) {
      const problem = checkMount(r);
      if (problem) return err(problem);
      if (r.type === 'bind' && !hostDirExists(r.source))
        return err(
          `invalid mount config for type "bind": bind source path does not exist: ${r.source}`,
        );
    }
    const destination = normal(r.target);
    if (mounts.some((m) => m.destination === destination))
      return err(`Duplicate mount point: ${destination}`);
    const common = {
      destination,
      rw: !r.readOnly,
      ...(r.bind ? { bind: r.bind } : {}),
      ...(r.viaMount ? { viaMount: true } : {}),
    };
    if (r.type === 'bind') {
      const source = normal(r.source);
      makeHostDirs(h, source);
      mounts.push({ type: 'bind', source, mode: r.mode, ...common });
      continue;
    }
    const made = volumeMount(h, r.source, destination, image, ctx);
    if (!made.ok) return made;
    mounts.push({ ...made.value, mode: r.mode || 'z', ...common });
  }
  for (const r of anonymous) {
    const destination = normal(r.target);
    if (mounts.some((m) => m.destination === destination)) continue;
    const made = volumeMount(h, '', destination, image, ctx);
    if (!made.ok) return made;
    mounts.push({ ...made.value, destination, rw: true, mode: '' });
  }
  return ok(mounts);
}

/** `docker rm -v` and `--rm`: the container's anonymous volumes go with it (named ones stay). */
export function removeAnonymousVolumes(h: HostDraft, c: Container): void {
  for (const m of c.mounts ?? []) {
    const v = m.name ? h.docker.volumes?.get(m.name) : undefined;
    if (v && isAnonymous(v)) removeVolume(h, v.name, c.id);
  }
}

/** Unused volumes (anonymous ones only unless `all`) removed (moby VolumesPrune): names and bytes. */
export function pruneUnusedVolumes(
  world: World,
  host: string,
  all: boolean,
): { world: World; names: string[]; size: number } {
  const h = hostOf(world, host);
  const gone = volumesOf(h.docker).filter(
    (v) => (all || isAnonymous(v)) && volumeUsers(h.docker, v.name).length === 0,
  );
  const size = gone.reduce((n, v) => n + volumeSize(h.files, v.name), 0);
  const r = updateHost(world, host, (draft) => {
    for (const v of gone) removeVolume(draft, v.name);
    return { ok: true, value: undefined };
  });
  return { world: r.ok ? r.world : world, names: gone.map((v) => v.name), size };
}
