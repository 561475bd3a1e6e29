/**
 * `docker save` and `docker load` (docker/cli v27.5.1 image/save.go, image/load.go; moby's
 * tarexport). The archive is a file in the lab's own files (image-archive.ts).
 */
import { castDraft } from 'immer';
import { humanSize } from '../format/units';
import type { Image } from '../model';
import {
  cwdOf,
  editTree,
  isDirectory,
  parentOf,
  readAt,
  resolvePath,
  treeAt,
} from '../linux/file-tree';
import { failure, output } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { readArchive, writeArchive, type ArchiveEntry } from './image-archive';
import { chainIds, noSuchImage } from './image-delete';
import { keepDigests, named, NONE, sameName } from './image-names';
import { parseImageRef } from './images';
import { shortId } from './lookup';
import { findLocalImage, imageNames } from './pull';

export const SAVE_FLAGS: readonly FlagSpec[] = [
  { long: 'output', short: 'o', type: 'string' },
  { long: 'platform', type: 'string' },
];

export const dockerSave: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, SAVE_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { atLeast: 1 });
  if (usage) return usage;
  const file = parsed.value.strings.get('output') ?? '';
  if (file === '' && p.tty)
    return failure(p.world, 'cowardly refusing to save to a terminal. Use the -o flag or redirect');
  const abs = file === '' ? '' : resolvePath(cwdOf(p.world, p.place), file);
  if (abs && !isDirectory(treeAt(p.world, p.place), parentOf(abs)))
    return failure(
      p.world,
      `failed to save image: invalid output path: directory "${file.slice(0, file.lastIndexOf('/')) || '/'}" does not exist`,
    );
  const images = hostOf(p.world, p.place.host).docker.images;
  const entries: ArchiveEntry[] = [];
  for (const ref of parsed.value.args) {
    const image = findLocalImage(images, ref.replace(/^sha256:/, ''));
    if (!image) return daemonError(p.world, noSuchImage(ref));
    // A name puts that tag in the manifest; an ID saves the image without one. The archive
    // carries no registry digest (RepoDigests come only from a pull or a push).
    const byName = !image.id.startsWith(ref.replace(/^sha256:/, ''));
    const { repo, tag } = parseImageRef(ref);
    const tags = byName ? [`${repo}:${tag}`] : [];
    const same = entries.find((e) => e.image.id === image.id);
    if (same) entries[entries.indexOf(same)] = { ...same, repoTags: [...same.repoTags, ...tags] };
    else entries.push({ repoTags: tags, image: keepDigests(named(image, [])) });
  }
  const archive = writeArchive(entries);
  if (!abs) return output(p.world, archive);
  return output(editTree(p.world, p.place, { write: { [abs]: archive } }));
};

export const LOAD_FLAGS: readonly FlagSpec[] = [
  { long: 'input', short: 'i', type: 'string' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'platform', type: 'string' },
];

/** jsonmessage's final frame of a finished progress bar, as a wide TTY shows it. */
const BAR = `[${'='.repeat(50)}>]`;

/** Layer sizes of an image: the bottom layer holds most of its bytes. */
function layerSizes(image: Image, count: number): number[] {
  if (count === 1) return [image.size];
  const rest = Math.round((image.size * 0.2) / (count - 1));
  return [image.size - rest * (count - 1), ...Array.from({ length: count - 1 }, () => rest)];
}

export const dockerLoad: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, LOAD_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return usage;
  const file = parsed.value.strings.get('input');
  let content = p.stdin;
  if (file === undefined && content === '')
    return failure(p.world, 'requested load from stdin, but stdin is empty');
  if (file !== undefined) {
    const text = readAt(p.world, p.place, file);
    if (text === undefined) return failure(p.world, `open ${file}: no such file or directory`);
    content = text;
  }
  const entries = readArchive(content);
  if (!entries) return daemonError(p.world, 'unexpected EOF');
  const quiet = parsed.value.bools.has('quiet') || !p.tty;
  let out = '';
  const r = updateHost(p.world, p.place.host, (h) => {
    const have = new Set([...h.docker.images.values()].flatMap((i) => chainIds(i)));
    for (const { repoTags, image } of entries) {
      const present = h.docker.images.get(image.id);
      if (!present && !quiet) {
        const ids = chainIds(image);
        const sizes = layerSizes(image, ids.length);
        ids.forEach((id, i) => {
          if (have.has(id)) return;
          const size = humanSize(sizes[i], 4);
          out += `${shortId(id)}: Loading layer ${BAR} ${size.padStart(8)}/${size}\n`;
        });
      }
      let loaded: Image = present ?? named(image, []);
      for (const ref of repoTags) {
        const name = parseImageRef(ref);
        const old = [...h.docker.images.values()].find(
          (i) => i.id !== image.id && imageNames(i).some((n) => sameName(n, name)),
        );
        if (old) {
          out += `The image ${ref} already exists, renaming the old one with ID sha256:${old.id} to empty string\n`;
          h.docker.images.set(
            old.id,
            castDraft(
              named(
                old,
                imageNames(old).filter((n) => !sameName(n, name)),
              ),
            ),
          );
        }
        loaded = named(loaded, [...imageNames(loaded), name]);
        out += `Loaded image: ${ref}\n`;
      }
      if (!repoTags.length) out += `Loaded image ID: sha256:${image.id}\n`;
      if (loaded.repo === NONE && present) loaded = present;
      h.docker.images.set(image.id, castDraft(loaded));
    }
    return { ok: true, value: undefined };
  });
  return output(r.ok ? r.world : p.world, out);
};
