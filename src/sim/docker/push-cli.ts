/**
 * `docker push` (docker/cli v27.5.1 image/push.go; moby distribution/push_v2.go), as a TTY shows
 * it when it is done: the repository line, each layer's last status (top layer first), then the
 * tag's digest and manifest size. The daemon reaches a registry it runs itself through the
 * host's datapath (registry-client.ts); Docker Hub, which the lab has no account on, refuses.
 */
import { editTree } from '../linux/file-tree';
import type { Image } from '../model';
import { failure, written, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { chainIds } from './image-delete';
import { splitRegistry, isValidImageRef } from './reference';
import { addDigest, keepDigests, named } from './image-names';
import { parseImageRef } from './images';
import { derivedHex } from './inspect-values';
import { findLocalImage } from './pull';
import { containerFiles } from '../linux/file-tree';
import { dialRegistry } from './registry-client';
import { layerHolder, pushedFiles, type Manifest } from './registry-store';

export const PUSH_FLAGS: readonly FlagSpec[] = [
  { long: 'all-tags', short: 'a', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'platform', type: 'string' },
  { long: 'disable-content-trust', type: 'bool' },
];

/** A layer as the registry stores it: the digest of its compressed tar, and its size. */
export interface LayerBlob {
  readonly digest: string;
  readonly size: number;
}

/** The compressed layers of `image`, lowest first (gzip takes a layer to about 40%). */
export function layerBlobs(image: Image): LayerBlob[] {
  const ids = chainIds(image);
  const rest = Math.round((image.size * 0.08) / Math.max(1, ids.length - 1));
  return ids.map((id, i) => ({
    digest: derivedHex(`blob ${id}`, 64),
    size: i === 0 ? Math.round(image.size * 0.4) - rest * (ids.length - 1) : rest,
  }));
}

const indent = (n: number) => ' '.repeat(3 * n);

/** The image manifest (schema 2), indented as the daemon marshals it; its digest names it. */
export function imageManifest(image: Image, layers: readonly LayerBlob[]): Manifest {
  const entry = (mediaType: string, size: number, digest: string, depth: number) =>
    `{\n${indent(depth + 1)}"mediaType": "${mediaType}",\n${indent(depth + 1)}"size": ${size},\n${indent(depth + 1)}"digest": "sha256:${digest}"\n${indent(depth)}}`;
  const configSize = 1200 + 180 * (image.history?.length ?? 6);
  const text =
    `{\n${indent(1)}"schemaVersion": 2,\n` +
    `${indent(1)}"mediaType": "application/vnd.docker.distribution.manifest.v2+json",\n` +
    `${indent(1)}"config": ${entry('application/vnd.docker.container.image.v1+json', configSize, image.id, 1)},\n` +
    `${indent(1)}"layers": [\n` +
    layers
      .map(
        (l) =>
          indent(2) +
          entry('application/vnd.docker.image.rootfs.diff.tar.gzip', l.size, l.digest, 2),
      )
      .join(',\n') +
    `\n${indent(1)}]\n}`;
  return { text, digest: derivedHex(`manifest ${text}`, 64) };
}

export const dockerPush: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, PUSH_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 1 });
  if (usage) return usage;
  const ref = parsed.value.args[0];
  if (!isValidImageRef(ref)) return failure(p.world, 'invalid reference format');
  const hasTag = ref.lastIndexOf(':') > ref.lastIndexOf('/');
  const quiet = parsed.value.bools.has('quiet');
  const head = hasTag || quiet ? '' : 'Using default tag: latest\n';
  const { repo, tag } = parseImageRef(ref);
  const { domain, path: name } = splitRegistry(repo);
  const shown = domain === 'docker.io' ? `docker.io/${name}` : repo;
  const start = `${head}The push refers to repository [${shown}]\n`;
  const fail = (error: string, world = p.world, trace?: ProcessResult['trace']): ProcessResult => ({
    ...written(['stdout', quiet ? '' : start], ['stderr', `${error}\n`]),
    world,
    exitCode: 1,
    ...(trace ? { trace } : {}),
  });
  const image = findLocalImage(hostOf(p.world, p.place.host).docker.images, `${repo}:${tag}`);
  if (!image) return fail(`An image does not exist locally with the tag: ${repo}`);
  if (domain === 'docker.io') return fail('denied: requested access to the resource is denied');
  const dial = dialRegistry(p.world, p.place.host, domain);
  if (!dial.ok) return fail(dial.error, dial.world, dial.trace);
  const files = containerFiles(hostOf(dial.world, p.place.host), dial.registry).files;
  const layers = layerBlobs(image);
  const lines = [...layers].reverse().map((l) => {
    const holder = layerHolder(files, name, l.digest);
    const status =
      holder === undefined
        ? 'Pushed'
        : holder === name
          ? 'Layer already exists'
          : `Mounted from ${holder}`;
    return `${l.digest.slice(0, 12)}: ${status} \n`;
  });
  const manifest = imageManifest(image, layers);
  const stored = editTree(
    dial.world,
    { host: p.place.host, containerId: dial.registry.id },
    {
      write: pushedFiles(
        name,
        tag,
        keepDigests(named(image, [])),
        manifest,
        layers.map((l) => l.digest),
      ),
    },
  );
  // moby's addDigestReference: the image is now also `repo@sha256:<manifest digest>`.
  const added = updateHost(stored, p.place.host, (h) => {
    addDigest(h.docker.images, image.id, { repo, digest: `sha256:${manifest.digest}` });
    return { ok: true, value: undefined };
  });
  const world = added.ok ? added.world : stored;
  const done = `${tag}: digest: sha256:${manifest.digest} size: ${manifest.text.length}\n`;
  return {
    ...written(['stdout', quiet ? `${ref}\n` : start + lines.join('') + done]),
    world,
    exitCode: 0,
    trace: dial.trace,
  };
};
