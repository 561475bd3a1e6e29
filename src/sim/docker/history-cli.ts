/**
 * `docker history IMAGE` / `docker image history` (docker/cli formatter/history.go): one row per
 * layer-making step, newest first. A row shows an image ID only where a local image ends at that
 * step (the image itself, its base, a legacy build's intermediates); the rest are `<missing>`.
 */
import type { Image, ImageHistoryEntry } from '../model';
import { renderTable } from '../format/table';
import { humanDuration, humanSize } from '../format/units';
import { output } from '../shell/process';
import { hostOf } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { ellipsis } from './container-list';
import { parseFlags, type FlagSpec } from './flags';
import { historyOf } from './image-records';
import { parseImageRef } from './images';
import { findLocalImage } from './pull';

const same = (a: ImageHistoryEntry, b: ImageHistoryEntry) =>
  a.created === b.created && a.createdBy === b.createdBy;

/** The image IDs known for each history row of `image`, oldest first. */
function rowIds(image: Image, images: ReadonlyMap<string, Image>): (string | undefined)[] {
  const history = historyOf(image);
  const ids: (string | undefined)[] = history.map(() => undefined);
  for (const other of images.values()) {
    const h = historyOf(other);
    if (h.length <= history.length && h.every((e, i) => same(e, history[i])))
      ids[h.length - 1] = other.id;
  }
  ids[history.length - 1] = image.id;
  return ids;
}

export const HISTORY_FLAGS: readonly FlagSpec[] = [
  { long: 'human', short: 'H', type: 'string' },
  { long: 'no-trunc', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'format', type: 'string' },
];

export const dockerHistory: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, HISTORY_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 1 });
  if (usage) return usage;
  const ref = parsed.value.args[0];
  const images = hostOf(p.world, p.place.host).docker.images;
  const image = findLocalImage(images, ref);
  if (!image) {
    const { repo, tag } = parseImageRef(ref);
    return daemonError(p.world, `No such image: ${repo}:${tag}`);
  }
  const trunc = !parsed.value.bools.has('no-trunc');
  const history = historyOf(image);
  const ids = rowIds(image, images);
  const rows = history
    .map((e, i) => {
      const id = ids[i];
      return [
        id ? (trunc ? id.slice(0, 12) : `sha256:${id}`) : '<missing>',
        `${humanDuration(p.ctx.now - e.created)} ago`,
        trunc ? ellipsis(e.createdBy.replace(/\t/g, ' '), 45) : e.createdBy,
        humanSize(e.size),
        e.comment,
      ];
    })
    .reverse();
  if (parsed.value.bools.has('quiet'))
    return output(p.world, rows.map((r) => `${r[0]}\n`).join(''));
  return output(p.world, renderTable(['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], rows));
};
