/**
 * `docker images --filter`, as the daemon applies it (daemon/images/images.go): dangling,
 * reference (a glob on the familiar name, with or without the tag), label, before and since
 * (another image's creation time). Any other key is the daemon's `invalid filter`.
 */
import type { Image } from '../model';
import { err, ok, type Result } from '../result';
import { parseImageRef } from './images';
import { findLocalImage, imageNames } from './pull';
import { NONE, repoDigests } from './image-names';

/** One row of the list: an image under one of its names (`<none>` when dangling). */
export type ImageRow = Image & { readonly repo: string; readonly tag: string };

const KEYS = new Set(['dangling', 'reference', 'label', 'before', 'since', 'until']);

/** Go's path.Match for the patterns people type: `*` and `?` stay inside one path segment. */
function globMatch(pattern: string, text: string): boolean {
  const source = pattern
    .split('')
    .map((ch) =>
      ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`).test(text);
}

/** reference.FamiliarName: Docker Hub's library images lose their `docker.io/library/`. */
const familiar = (repo: string) => repo.replace(/^(docker\.io\/)?library\//, '');

export function imageFilter(
  images: ReadonlyMap<string, Image>,
  filters: ReadonlyMap<string, readonly string[]>,
): Result<(row: ImageRow) => boolean> {
  const bad = [...filters.keys()].find((k) => !KEYS.has(k));
  if (bad !== undefined) return err(`invalid filter '${bad}'`);
  const dangling = filters.get('dangling');
  if (dangling && !dangling.every((v) => v === 'true' || v === 'false'))
    return err(`invalid filter 'dangling=[${dangling.join(' ')}]'`);
  const bounds: { before?: number; since?: number } = {};
  for (const key of ['before', 'since'] as const)
    for (const ref of filters.get(key) ?? []) {
      const found = findLocalImage(images, ref);
      if (!found) {
        const { repo, tag } = parseImageRef(ref);
        return err(`No such image: ${familiar(repo)}:${tag}`);
      }
      bounds[key] = found.created;
    }
  const tests: ((row: ImageRow) => boolean)[] = [];
  // moby judges the image, not the row: dangling is no tag; dangling=false keeps an image that
  // only a digest names.
  if (dangling)
    tests.push((r) => {
      const image = images.get(r.id) ?? r;
      const tagged = imageNames(image).length > 0;
      return dangling.includes('true') ? !tagged : tagged || repoDigests(image).length > 0;
    });
  const patterns = filters.get('reference');
  if (patterns)
    tests.push((r) =>
      patterns.some(
        (pt) =>
          r.repo !== NONE &&
          (globMatch(pt, familiar(r.repo)) || globMatch(pt, `${familiar(r.repo)}:${r.tag}`)),
      ),
    );
  const labels = filters.get('label');
  if (labels)
    tests.push((r) =>
      labels.every((l) => {
        const [key, value] = l.split('=', 2);
        const have = r.labels?.[key];
        return have !== undefined && (value === undefined || have === value);
      }),
    );
  if (bounds.before !== undefined) tests.push((r) => r.created < bounds.before!);
  if (bounds.since !== undefined) tests.push((r) => r.created > bounds.since!);
  return ok((row) => tests.every((t) => t(row)));
}
