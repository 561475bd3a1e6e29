/**
 * The tar `docker save` writes and `docker load` reads. The lab's file holds a stand-in for the
 * archive: a JSON document with the manifest's RepoTags and each image as the lab models it, so a
 * saved image comes back whole (files, history, config) after `docker rmi`. A file that is not
 * such a document is, to `docker load`, not a tar at all.
 */
import type { FileLayer, Image } from '../model';

const KIND = 'lab: docker save archive (a tar in real Docker)';

export interface ArchiveEntry {
  /** Names the archive's manifest lists for the image (none when saved by ID). */
  readonly repoTags: readonly string[];
  readonly image: Image;
}

export function writeArchive(entries: readonly ArchiveEntry[]): string {
  return `${JSON.stringify({ kind: KIND, images: entries })}\n`;
}

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

const isLayer = (v: unknown): v is FileLayer => {
  if (typeof v !== 'object' || v === null) return false;
  const l = v as Record<string, unknown>;
  return (
    typeof l.files === 'object' &&
    l.files !== null &&
    Object.values(l.files).every((f) => typeof f === 'string') &&
    isStrings(l.dirs) &&
    isStrings(l.removed)
  );
};

/** The fields the rest of the lab relies on, checked because a learner can write any file. */
function isImage(v: unknown): v is Image {
  if (typeof v !== 'object' || v === null) return false;
  const i = v as Record<string, unknown>;
  return (
    typeof i.id === 'string' &&
    /^[0-9a-f]{64}$/.test(i.id) &&
    typeof i.repo === 'string' &&
    typeof i.tag === 'string' &&
    typeof i.created === 'number' &&
    typeof i.size === 'number' &&
    isStrings(i.cmd) &&
    (i.entrypoint === null || isStrings(i.entrypoint)) &&
    isStrings(i.exposedPorts) &&
    isStrings(i.env) &&
    typeof i.workingDir === 'string' &&
    isStrings(i.tools) &&
    ['busybox', 'alpine', 'debian', 'centos'].includes(i.flavour as string) &&
    typeof i.stopExitCode === 'number' &&
    (i.layers === undefined || (Array.isArray(i.layers) && i.layers.every(isLayer))) &&
    (i.history === undefined ||
      (Array.isArray(i.history) &&
        i.history.every(
          (h: Record<string, unknown>) =>
            typeof h === 'object' &&
            h !== null &&
            typeof h.createdBy === 'string' &&
            typeof h.created === 'number' &&
            typeof h.size === 'number' &&
            typeof h.comment === 'string' &&
            typeof h.emptyLayer === 'boolean',
        ))) &&
    (i.origin === undefined ||
      (typeof i.origin === 'object' &&
        i.origin !== null &&
        typeof (i.origin as Record<string, unknown>).repo === 'string' &&
        typeof (i.origin as Record<string, unknown>).tag === 'string')) &&
    (i.labels === undefined ||
      (typeof i.labels === 'object' &&
        i.labels !== null &&
        Object.values(i.labels).every((x) => typeof x === 'string')))
  );
}

/** The archive's images, or undefined when the content is not one. */
export function readArchive(content: string): readonly ArchiveEntry[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  const d = doc as { kind?: unknown; images?: unknown };
  if (d.kind !== KIND || !Array.isArray(d.images)) return undefined;
  const entries = d.images as unknown[];
  const ok = entries.every(
    (e) =>
      typeof e === 'object' &&
      e !== null &&
      isStrings((e as { repoTags?: unknown }).repoTags) &&
      isImage((e as { image?: unknown }).image),
  );
  return ok ? (entries as ArchiveEntry[]) : undefined;
}
