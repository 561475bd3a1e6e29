/**
 * Making an image from another, as `docker commit` and each step of `docker build` do: the base's
 * layers (shared, not copied) plus at most one new layer, the programs installed since, and one
 * more line of history. Also the history a registry image arrives with.
 */
import type { FileLayer, Image, ImageHistoryEntry } from '../model';
import { isEmptyLayer, layerSize } from '../linux/layers';

/** apt-get update and each package leave a few MB behind in the new layer. */
const installedBytes = (installed: readonly string[]) =>
  installed.length ? installed.length * 4_200_000 + 41_000_000 : 0;

export interface ImageChange {
  readonly id: string;
  readonly created: number;
  readonly layer?: FileLayer;
  readonly installed?: readonly string[];
  readonly createdBy: string;
  readonly comment: string;
  /** Config the step sets (ENV, CMD, …); the rest is inherited. */
  readonly config?: Partial<
    Pick<Image, 'cmd' | 'entrypoint' | 'exposedPorts' | 'env' | 'workingDir' | 'labels' | 'user'>
  >;
}

/** `base` with one change on top; a step that wrote nothing adds an empty history line only. */
export function imageOnTop(base: Image, ch: ImageChange): Image {
  const layer = isEmptyLayer(ch.layer) ? undefined : ch.layer;
  const installed = (ch.installed ?? []).filter((t) => !base.tools.includes(t));
  const size = (layer ? layerSize(layer) : 0) + installedBytes(installed);
  const entry: ImageHistoryEntry = {
    created: ch.created,
    createdBy: ch.createdBy,
    size,
    comment: ch.comment,
    emptyLayer: !layer && installed.length === 0,
  };
  const image: Image = {
    ...base,
    ...ch.config,
    id: ch.id,
    created: ch.created,
    size: base.size + size,
    tools: installed.length ? [...base.tools, ...installed] : base.tools,
    layers: layer ? [...(base.layers ?? []), layer] : (base.layers ?? []),
    origin: base.origin ?? { repo: base.repo, tag: base.tag },
    history: [...historyOf(base), entry],
  };
  delete (image as { repoDigests?: unknown }).repoDigests;
  delete (image as { extraTags?: unknown }).extraTags;
  return image;
}

const json = (argv: readonly string[]) => `[${argv.map((a) => JSON.stringify(a)).join(' ')}]`;

/**
 * What made an image, oldest first. A registry image's history is summed up from its config: its
 * root file system (all its bytes) and the metadata its Dockerfile set.
 */
export function historyOf(image: Image): readonly ImageHistoryEntry[] {
  if (image.history) return image.history;
  const at = (createdBy: string, size = 0): ImageHistoryEntry => ({
    created: image.created,
    createdBy,
    size,
    comment: size ? '' : 'buildkit.dockerfile.v0',
    emptyLayer: size === 0,
  });
  const ports = image.exposedPorts.map((p) => `${p}:{}`).join(' ');
  return [
    at(`ADD rootfs.tar.xz / # buildkit`, image.size),
    ...image.env.filter((e) => !e.startsWith('PATH=')).map((e) => at(`ENV ${e}`)),
    ...(image.workingDir ? [at(`WORKDIR ${image.workingDir}`)] : []),
    ...(ports ? [at(`EXPOSE map[${ports}]`)] : []),
    ...(image.entrypoint ? [at(`ENTRYPOINT ${json(image.entrypoint)}`)] : []),
    ...(image.cmd.length ? [at(`CMD ${json(image.cmd)}`)] : []),
  ];
}
