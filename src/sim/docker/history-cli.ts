/**
 * `docker history IMAGE` / `docker image history` (docker/cli formatter/history.go): one row per
 * layer-making step, newest first. A row shows an image ID only where a local image ends at that
 * step (the image itself, its base, a legacy build's intermediates); the rest are `<missing>`.
 */
import type { Image, ImageHistoryEntry } from '../model';
import { renderRows } from '../format/row-template';
import { renderTable } from '../format/table';
import { humanDuration, humanSize, rfc3339Nano } from '../format/units';
import { failure, output } from '../shell/process';
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

/** Column titles of docker-cli's historyContext (formatter/history.go). */
const HEADERS: Readonly<Record<string, string>> = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

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
    .map((e, i): Record<string, string> => {
      const id = ids[i];
      return {
        ID: id ? (trunc ? id.slice(0, 12) : `sha256:${id}`) : '<missing>',
        CreatedSince: `${humanDuration(p.ctx.now - e.created)} ago`,
        // time.RFC3339: whole seconds.
        CreatedAt: rfc3339Nano(e.created - (e.created % 1000), 0),
        CreatedBy: trunc ? ellipsis(e.createdBy.replace(/\t/g, ' '), 45) : e.createdBy,
        Size: humanSize(e.size),
        Comment: e.comment,
      };
    })
    .reverse();
  if (parsed.value.bools.has('quiet'))
    return output(p.world, rows.map((r) => `${r.ID}\n`).join(''));
  const format = parsed.value.strings.get('format') ?? '';
  if (format !== '' && format !== 'table') {
    const text = renderRows(format, HEADERS, rows);
    return text.ok ? output(p.world, text.value) : failure(p.world, text.error);
  }
  const columns = ['ID', 'CreatedSince', 'CreatedBy', 'Size', 'Comment'];
  return output(
    p.world,
    renderTable(
      columns.map((k) => HEADERS[k]),
      rows.map((r) => columns.map((k) => r[k])),
    ),
  );
};
