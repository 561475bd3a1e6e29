/**
 * Resolving an image reference: the daemon's local images first, then the lab's registry, with the
 * progress lines `docker run` writes to stderr while it pulls (a TTY's final frame of each line).
 */
import { castDraft, current, isDraft } from 'immer';
import type { Image } from '../model';
import type { HostDraft } from '../net/kernel';
import { rngForContent } from '../rng';
import type { Ctx } from '../shell/process';
import {
  addDigest,
  familiarRef,
  moveName,
  named,
  normalizedDigest,
  parseDigestRef,
  repoDigests,
  type Wanted,
} from './image-names';
import { catalogTags, parseImageRef, registryImage } from './images';
import { notFoundLine } from './reference';

export function findLocalImage(images: ReadonlyMap<string, Image>, ref: string): Image | undefined {
  const pinned = parseDigestRef(ref);
  if (pinned)
    return [...images.values()].find((i) =>
      repoDigests(i).some((d) => d.repo === pinned.repo && d.digest === pinned.digest),
    );
  const { repo, tag } = parseImageRef(ref);
  return (
    [...images.values()].find((i) => imageNames(i).some((n) => n.repo === repo && n.tag === tag)) ??
    (/^[0-9a-f]{4,64}$/.test(ref)
      ? [...images.values()].find((i) => i.id.startsWith(ref))
      : undefined)
  );
}

/** Every `repo:tag` an image answers to (`docker build -t a -t b` gives it two); none if dangling. */
export const imageNames = (i: Image): readonly { readonly repo: string; readonly tag: string }[] =>
  [{ repo: i.repo, tag: i.tag }, ...(i.extraTags ?? [])].filter((n) => n.repo !== '<none>');

/** How many layers a registry image arrives in (small base images have one). */
export const pulledLayerCount = (image: Image): number =>
  image.size < 250_000_000 && !image.exposedPorts.length ? 1 : 7;

const familiar = (repo: string) => (repo.includes('/') ? repo : `library/${repo}`);

/**
 * What Docker Hub serves for `repo:tag`, the same in every lab: the image, its layers' short ids
 * and the manifest digest all come from the reference.
 */
export function hubImage(
  repo: string,
  tag: string,
  now: number,
): { image: Image; layers: string[]; digest: string } | undefined {
  const content = rngForContent(`${repo}:${tag}`);
  const image = registryImage(repo, tag, (n) => content.hex(n), now);
  if (!image) return undefined;
  const layers = Array.from({ length: pulledLayerCount(image) }, () => content.hex(12));
  return { image, layers, digest: `sha256:${content.hex(64)}` };
}

/**
 * What Docker Hub serves for `repo@digest`: the lab's Hub knows a manifest by the digest it
 * reports for one of its tags, and no other.
 */
export function hubImageByDigest(
  repo: string,
  digest: string,
  now: number,
): ReturnType<typeof hubImage> {
  for (const tag of catalogTags(repo)) {
    const hub = hubImage(repo, tag, now);
    if (hub?.digest === digest) return { ...hub, image: named(hub.image, []) };
  }
  return undefined;
}

/** Pulls `ref` into the daemon unless present; returns the image and what the pull printed. */
export type PullResult =
  | { readonly ok: true; readonly image: Image; readonly progress: string }
  | { readonly ok: false; readonly progress: string; readonly error: string };

export function ensureImage(h: HostDraft, ref: string, ctx: Ctx): PullResult {
  const local = findLocalImage(h.docker.images, ref);
  if (local) return { ok: true, image: local, progress: '' };
  const want: Wanted = parseDigestRef(ref) ?? parseImageRef(ref);
  const { repo } = want;
  const head = notFoundLine(ref);
  const hub =
    'digest' in want
      ? hubImageByDigest(repo, want.digest, ctx.now)
      : hubImage(repo, want.tag, ctx.now);
  if (!hub) {
    const reason = catalogTags(repo).length
      ? `manifest for ${familiarRef(want)} not found: manifest unknown: manifest unknown`
      : `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
    return { ok: false, progress: head, error: reason };
  }
  const { image, digest } = hub;
  const images = h.docker.images;
  // pullSchema2Layers fetches nothing for an image the daemon already has.
  const layerLines = images.has(image.id) ? [] : hub.layers.map((id) => `${id}: Pull complete \n`);
  if (!images.has(image.id)) images.set(image.id, castDraft(image));
  // A tag moves to this image; a digest reference names it without tagging it.
  if (!('digest' in want)) moveName(images, images.get(image.id)!, want);
  // The digest reference is kept so a later `docker pull` / `docker image inspect` shows it.
  addDigest(images, image.id, { repo, digest });
  // A plain object: callers keep it past the draft's end.
  const stored = images.get(image.id)!;
  const pulled: Image = isDraft(stored) ? current(stored) : stored;
  const progress =
    head +
    `${'digest' in want ? normalizedDigest(want) : want.tag}: Pulling from ${familiar(repo)}\n` +
    layerLines.join('') +
    `Digest: ${digest}\n` +
    `Status: Downloaded newer image for ${familiarRef(want)}\n`;
  return { ok: true, image: pulled, progress };
}
