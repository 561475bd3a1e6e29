/**
 * `docker inspect [-f FORMAT] [--type container|image|network] NAME...` (docker/cli v27
 * cli/command/system/inspect.go and cli/command/inspect): without --type each name is tried as a
 * container, then an image, then a network. Found objects print as one JSON array indented by 4;
 * errors for the others follow on stderr, exit 1.
 */
import { checkInspectFormat, renderInspect } from './inspect-output';
import { goStruct } from '../format/go-template-value';
import type { Host } from '../model';
import { failure } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { containerInspectObject } from './container-inspect';
import { parseFlags, type FlagSpec } from './flags';
import { volumeInspectObject } from './volume-cli';
import { imageInspectObject } from './image-inspect';
import { parseImageRef } from './images';
import { findContainer, findNetwork } from './lookup';
import { networkInspectObject, networkTemplateData } from './network-inspect';
import { findLocalImage } from './pull';

export const INSPECT_FLAGS: readonly FlagSpec[] = [
  { long: 'format', short: 'f', type: 'string' },
  { long: 'type', type: 'string' },
  { long: 'size', short: 's', type: 'bool' },
];

const TYPES = new Set([
  '',
  'container',
  'image',
  'network',
  'volume',
  'config',
  'node',
  'plugin',
  'secret',
  'service',
  'task',
]);

/** What a template sees first (the typed value) and what `docker inspect` prints (its JSON). */
interface Found {
  readonly typed: unknown;
  readonly json: unknown;
}

type Lookup = { ok: true; found: Found } | { ok: false; error: string };

/**
 * Fields that are Go slices in moby's types: JSON shows a nil one as `null`, but a template
 * prints it as `[]` (`{{.HostConfig.Links}}` on a container without links).
 */
const SLICE_FIELDS = new Set([
  'Links',
  'Dns',
  'DnsOptions',
  'DnsSearch',
  'ExtraHosts',
  'Args',
  'Aliases',
  'DNSNames',
  'CapAdd',
  'CapDrop',
  'Binds',
  'VolumesFrom',
  'SecurityOpt',
  'Env',
  'Cmd',
  'Entrypoint',
  'OnBuild',
  'GroupAdd',
  'SecondaryIPAddresses',
  'SecondaryIPv6Addresses',
  'ExecIDs',
  'Mounts',
  'ConsoleSize',
]);

function withNilSlices(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withNilSlices);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k,
      x === null && SLICE_FIELDS.has(k) ? [] : withNilSlices(x),
    ]),
  );
}

/** Go field names differ from JSON names at the top: `ID` (json "Id") on ContainerJSON. */
function containerTyped(json: unknown): unknown {
  const { Id, ...rest } = withNilSlices(json) as Record<string, unknown>;
  return goStruct({ ID: Id, ...rest }, { typeName: 'types.ContainerJSON' });
}

function lookup(h: Host, ref: string, type: string): Lookup {
  const d = h.docker;
  if (type === '' || type === 'container') {
    const c = findContainer(d, ref);
    if (c) {
      const json = containerInspectObject(h, c);
      return { ok: true, found: { typed: containerTyped(json), json } };
    }
    if (type) return { ok: false, error: `Error response from daemon: No such container: ${ref}` };
  }
  if (type === '' || type === 'image') {
    const image = findLocalImage(d.images, ref);
    if (image) {
      const json = imageInspectObject(image);
      return { ok: true, found: { typed: json, json } };
    }
    if (type) {
      const { repo, tag } = parseImageRef(ref);
      return { ok: false, error: `Error response from daemon: No such image: ${repo}:${tag}` };
    }
  }
  if (type === '' || type === 'network') {
    const n = findNetwork(d, ref);
    if (n.ok)
      return {
        ok: true,
        found: {
          typed: networkTemplateData(h, n.network),
          json: networkInspectObject(h, n.network),
        },
      };
    if (type) return { ok: false, error: `Error response from daemon: ${n.error}` };
  }
  if (type === '' || type === 'volume') {
    const v = d.volumes?.get(ref);
    if (v) {
      const json = volumeInspectObject(v);
      return { ok: true, found: { typed: json, json } };
    }
    if (type) return { ok: false, error: `Error response from daemon: get ${ref}: no such volume` };
  }
  if (type && !['container', 'image', 'network', 'volume'].includes(type))
    return { ok: false, error: `Error response from daemon: No such ${type}: ${ref}` };
  return { ok: false, error: `Error: No such object: ${ref}` };
}

export const dockerInspect: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, INSPECT_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const f = parsed.value;
  const usage = checkArgs(p.world, path, f.args, { atLeast: 1 });
  if (usage) return usage;
  const type = f.strings.get('type') ?? '';
  if (!TYPES.has(type)) return failure(p.world, `"${type}" is not a valid value for --type`);
  const format = f.strings.get('format') ?? '';
  const bad = checkInspectFormat(p.world, format);
  if (bad) return bad;
  const h = hostOf(p.world, p.place.host);
  return renderInspect(
    p.world,
    format,
    f.args.map((ref) => {
      const r = lookup(h, ref, type);
      return r.ok ? { ok: true, ...r.found } : r;
    }),
  );
};
