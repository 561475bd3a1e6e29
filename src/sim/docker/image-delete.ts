/**
 * Removing an image as moby 27's daemon/images/image_delete.go does: by name, the name goes
 * (`Untagged:`), and with it the digest reference of the same repository once no tag of that
 * repository is left (a pull or a push leaves one per repository); the image itself goes (`Deleted:`, then its layers no other image holds)
 * once nothing names it. By ID, an image with names in several repositories needs `-f`. An image a
 * running container uses never goes; one a stopped container uses needs `-f`.
 *
 * One deliberate difference: where moby, forced, deletes an image a stopped container still uses
 * (the container then shows the bare ID), the lab leaves it dangling, so that every container
 * keeps the image it reads its files from.
 */
import { castDraft } from 'immer';
import type { Container, Image, RepoDigest, World } from '../model';
import { updateHost } from '../world';
import type { HostDraft } from '../net/kernel';
import { derivedHex } from './inspect-values';
import { shortId } from './lookup';
import { splitRegistry } from './reference';
import {
  keepDigests,
  named,
  parseDigestRef,
  normalizedName,
  repoDigests,
  sameName,
  type ImageName,
} from './image-names';
import { findLocalImage, imageNames, pulledLayerCount } from './pull';
import { parseImageRef, registryImage } from './images';

export type DeleteRecord = { readonly untagged: string } | { readonly deleted: string };

export type DeleteResult =
  | { readonly ok: true; readonly records: readonly DeleteRecord[]; readonly freed: number }
  | { readonly ok: false; readonly error: string; readonly notFound: boolean };

/** `repo@sha256:…`, as `Untagged:` prints a digest reference. */
const digestText = (d: RepoDigest): string => `${d.repo}@${d.digest}`;

/** reference.TagNameOnly + FamiliarString: what `No such image:` names. */
export function noSuchImage(ref: string): string {
  if (/^(sha256:)?[0-9a-f]{64}$/.test(ref))
    return `No such image: sha256:${ref.replace(/^sha256:/, '')}`;
  const pinned = parseDigestRef(ref);
  if (pinned) return `No such image: ${digestText(pinned)}`;
  const { repo, tag } = parseImageRef(ref);
  return `No such image: ${repo}:${tag}`;
}

/** isImageIDPrefix: the user named the image by (a prefix of) its ID. */
const byId = (img: Image, ref: string) => {
  const hex = ref.replace(/^sha256:/, '');
  return /^[0-9a-f]+$/.test(hex) && img.id.startsWith(hex);
};

/**
 * isSingleReference: one tag, and digest references only of that tag's repository (or digest
 * references of a single repository and no tag).
 */
function isSingleReference(img: Image): boolean {
  const tags = imageNames(img);
  const digests = repoDigests(img);
  if (tags.length + digests.length <= 1) return tags.length + digests.length === 1;
  if (tags.length > 1) return false;
  const repos = new Set(digests.map((d) => d.repo));
  return repos.size === 1 && repos.has(tags[0]?.repo ?? digests[0].repo);
}

/**
 * Layer chain IDs, lowest first: a registry image's layers as it was pulled, then one per layer a
 * build step or commit added. Images built on the same base share its chain IDs.
 */
export function chainIds(img: Image): string[] {
  const base = img.origin ?? img;
  const pulled = registryImage(base.repo, base.tag, () => '', 0) ?? img;
  const baseIds = Array.from({ length: pulledLayerCount(pulled) }, (_, i) =>
    derivedHex(`layer ${base.repo}:${base.tag} ${i}`, 64),
  );
  const own = (img.history ?? []).filter((h) => !h.emptyLayer).slice(1);
  let parent = baseIds[baseIds.length - 1] ?? '';
  const added = own.map((h) => {
    parent = derivedHex(`${parent} ${h.createdBy} ${h.created}`, 64);
    return parent;
  });
  return [...baseIds, ...added];
}

/** Every name and digest reference of `img`, in the reference store's (lexical) order. */
function untagAll(img: Image): DeleteRecord[] {
  const refs = imageNames(img).map((n) => ({ key: normalizedName(n), text: `${n.repo}:${n.tag}` }));
  for (const d of repoDigests(img)) {
    const { domain, path } = splitRegistry(d.repo);
    refs.push({ key: `${domain}/${path}@${d.digest}`, text: digestText(d) });
  }
  return refs.sort((a, b) => (a.key < b.key ? -1 : 1)).map((r) => ({ untagged: r.text }));
}

type Conflict = 'running' | 'stopped' | 'referenced';

const users = (containers: Iterable<Container>, img: Image) =>
  [...containers].filter((c) => c.imageId === img.id);

function conflictText(img: Image, kind: Conflict, c?: Container): string {
  const id = shortId(img.id);
  if (kind === 'running')
    return `conflict: unable to delete ${id} (cannot be forced) - image is being used by running container ${shortId(c!.id)}`;
  if (kind === 'stopped')
    return `conflict: unable to delete ${id} (must be forced) - image is being used by stopped container ${shortId(c!.id)}`;
  return `conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories`;
}

/** checkImageDeleteConflict, in moby's order: running container, other names, stopped container. */
function conflictOf(
  h: HostDraft,
  img: Image,
  soft: boolean,
  referenced: boolean,
): { kind: Conflict; c?: Container } | undefined {
  const using = users(h.docker.containers.values(), img);
  const running = using.find((c) => c.state.status === 'running');
  if (running) return { kind: 'running', c: running };
  // The lab keeps every image a container uses (see the module comment).
  const stopped = using[0];
  if (!soft) return stopped ? { kind: 'stopped', c: stopped } : undefined;
  if (referenced) return { kind: 'referenced' };
  return stopped ? { kind: 'stopped', c: stopped } : undefined;
}

/** `docker rmi REF` (and each image `docker image prune` removes), applied to the draft host. */
export function deleteImage(h: HostDraft, ref: string, force: boolean): DeleteResult {
  const found = findLocalImage(h.docker.images, ref.replace(/^sha256:/, ''));
  if (!found) return { ok: false, error: noSuchImage(ref), notFound: true };
  let img: Image = found;
  const records: DeleteRecord[] = [];
  const save = (next: Image) => {
    img = next;
    h.docker.images.set(img.id, castDraft(img));
  };
  let quiet = false;
  if (!byId(img, ref)) {
    if (!force && isSingleReference(img)) {
      const c = users(h.docker.containers.values(), img)[0];
      if (c)
        return {
          ok: false,
          notFound: false,
          error: `conflict: unable to remove repository reference "${ref}" (must force) - container ${shortId(c.id)} is using its referenced image ${shortId(img.id)}`,
        };
    }
    const pinned = parseDigestRef(ref);
    if (pinned) {
      // A digest reference goes alone: the repository's tags stay.
      save(keepDigests(img, (d) => d.repo !== pinned.repo || d.digest !== pinned.digest));
      records.push({ untagged: digestText(pinned) });
    } else {
      const name: ImageName = parseImageRef(ref);
      save(
        named(
          img,
          imageNames(img).filter((n) => !sameName(n, name)),
        ),
      );
      records.push({ untagged: `${name.repo}:${name.tag}` });
      // The repository's last tag gone, its digest references go too.
      if (!imageNames(img).some((n) => n.repo === name.repo)) {
        for (const d of repoDigests(img))
          if (d.repo === name.repo) records.push({ untagged: digestText(d) });
        save(keepDigests(img, (d) => d.repo !== name.repo));
      }
    }
    if (imageNames(img).length || repoDigests(img).length) return { ok: true, records, freed: 0 };
    quiet = true;
  } else if (isSingleReference(img)) {
    const c = conflictOf(h, img, !force, false);
    if (c) return { ok: false, notFound: false, error: conflictText(img, c.kind, c.c) };
    records.push(...untagAll(img));
    img = keepDigests(named(img, []));
  }
  const referenced = imageNames(img).length > 0 || repoDigests(img).length > 0;
  const c = conflictOf(h, img, !force, referenced);
  // Once its last name went, a used image just stays, dangling (imageDeleteHelper's quiet case).
  if (c)
    return quiet
      ? { ok: true, records, freed: 0 }
      : { ok: false, notFound: false, error: conflictText(img, c.kind, c.c) };
  records.push(...untagAll(img));
  h.docker.images.delete(img.id);
  records.push({ deleted: `sha256:${img.id}` });
  const kept = new Set([...h.docker.images.values()].flatMap((i) => chainIds(i)));
  for (const id of chainIds(img).reverse())
    if (!kept.has(id)) records.push({ deleted: `sha256:${id}` });
  return { ok: true, records, freed: img.size };
}

/**
 * moby ImagesPrune: dangling images (no name) no container uses, or with `-a` every image no
 * container uses, each name removed then the image.
 */
export function pruneImages(
  world: World,
  host: string,
  all: boolean,
): { world: World; records: DeleteRecord[]; freed: number } {
  const records: DeleteRecord[] = [];
  let freed = 0;
  const r = updateHost(world, host, (h) => {
    const used = new Set([...h.docker.containers.values()].map((c) => c.imageId));
    for (const img of [...h.docker.images.values()]) {
      if (used.has(img.id)) continue;
      const names = imageNames(img);
      if (names.length && !all) continue;
      // Every reference in turn, digest ones too; one the untag of a tag took with it is skipped.
      const refs = [...names.map((n) => `${n.repo}:${n.tag}`), ...repoDigests(img).map(digestText)];
      if (!refs.length) refs.push(img.id);
      for (const ref of refs) {
        const d = deleteImage(h, ref, false);
        if (d.ok) {
          records.push(...d.records);
          freed += d.freed;
        }
      }
    }
    return { ok: true, value: undefined };
  });
  return { world: r.ok ? r.world : world, records, freed };
}

/** The prune report's `Deleted Images:` section (lower-case verbs, unlike `docker rmi`). */
export const prunedImages = (records: readonly DeleteRecord[]): string =>
  records.length
    ? `Deleted Images:\n${records
        .map((rec) =>
          'deleted' in rec ? `deleted: ${rec.deleted}\n` : `untagged: ${rec.untagged}\n`,
        )
        .join('')}\n`
    : '';
