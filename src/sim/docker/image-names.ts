/**
 * The names an image answers to, as moby's reference store keeps them: each `repo:tag` points to
 * one image, and an image may have several (`docker tag`, `docker build -t a -t b`). The store
 * lists an image's references sorted by their full normalized name (`docker.io/library/nginx:alpine`
 * after `10.0.2.15:5000/nginx:alpine`), which is the order RepoTags shows.
 */
import type { Image, RepoDigest } from '../model';
import { imageNames } from './pull';
import { splitRegistry } from './reference';

export type ImageName = { readonly repo: string; readonly tag: string };

export const NONE = '<none>';

/** What a pull asks a registry for: a tag, or a manifest by its digest. */
export type Wanted = ImageName | RepoDigest;

/** `nginx:alpine` or `nginx@sha256:…`, as the daemon's messages name it (reference.FamiliarString). */
export const familiarRef = (w: Wanted): string =>
  'digest' in w ? `${w.repo}@${w.digest}` : `${w.repo}:${w.tag}`;

/** `nginx:alpine` -> `docker.io/library/nginx:alpine` (reference.ParseNormalizedNamed). */
export const normalizedName = (n: ImageName): string => {
  const { domain, path } = splitRegistry(n.repo);
  return `${domain}/${path}:${n.tag}`;
};

/** `ubuntu@sha256:…` -> `docker.io/library/ubuntu@sha256:…`: the store's key for a digest reference. */
export const normalizedDigest = (d: RepoDigest): string => {
  const { domain, path } = splitRegistry(d.repo);
  return `${domain}/${path}@${d.digest}`;
};

/** `repo@sha256:…` (a digest reference as typed) -> its repository and digest. */
export function parseDigestRef(ref: string): RepoDigest | undefined {
  const m = /^(.+)@(sha256:[0-9a-f]{64})$/.exec(ref);
  if (!m) return undefined;
  // A tag before the digest (`ubuntu:24.04@sha256:…`) plays no part in the lookup.
  const slash = m[1].lastIndexOf('/');
  const colon = m[1].lastIndexOf(':');
  const repo = colon > slash ? m[1].slice(0, colon) : m[1];
  return { repo: repo.replace(/^(docker\.io\/)?library\//, ''), digest: m[2] };
}

/** The digest references of `image`, as `docker image inspect` lists them. */
export const repoDigests = (image: Image): readonly RepoDigest[] => image.repoDigests ?? [];

/** The manifest digest `image` has in `repo`, if a pull or push left one. */
export const digestIn = (image: Image, repo: string): string | undefined =>
  repoDigests(image).find((d) => d.repo === repo)?.digest;

/** `image` with only the digest references `keep` accepts (none: the field goes). */
export function keepDigests(image: Image, keep: (d: RepoDigest) => boolean = () => false): Image {
  const kept = repoDigests(image).filter(keep);
  const out: Image = { ...image, repoDigests: kept };
  if (!kept.length) delete (out as { repoDigests?: unknown }).repoDigests;
  return out;
}

/**
 * moby's addDigestReference, after a pull or a push: `repo@digest` now names the image, unless
 * some image already has that reference (the store never moves a digest reference).
 */
export function addDigest(images: Map<string, Image>, id: string, ref: RepoDigest): void {
  const key = normalizedDigest(ref);
  if ([...images.values()].some((i) => repoDigests(i).some((d) => normalizedDigest(d) === key)))
    return;
  const image = images.get(id);
  if (!image) return;
  const all = [...repoDigests(image), ref].sort((a, b) =>
    normalizedDigest(a) < normalizedDigest(b) ? -1 : 1,
  );
  images.set(id, { ...image, repoDigests: all });
}

export const sameName = (a: ImageName, b: ImageName): boolean =>
  a.repo === b.repo && a.tag === b.tag;

/**
 * `image` under exactly these names, in the reference store's order: the first becomes its
 * `repo:tag`, the rest its further names; none leaves it dangling (`<none>:<none>`). A registry
 * image keeps knowing which catalogue image it is (its server, its version) once renamed.
 */
export function named(image: Image, names: readonly ImageName[]): Image {
  const unique = names
    .filter((n, i) => names.findIndex((m) => sameName(m, n)) === i)
    .sort((a, b) => (normalizedName(a) < normalizedName(b) ? -1 : 1));
  const [first, ...rest] = unique;
  const origin =
    image.origin ?? (image.repo !== NONE ? { repo: image.repo, tag: image.tag } : undefined);
  const out: Image = {
    ...image,
    repo: first?.repo ?? NONE,
    tag: first?.tag ?? NONE,
    ...(origin && !(first && sameName(first, origin) && !image.origin) ? { origin } : {}),
  };
  if (rest.length) return { ...out, extraTags: rest };
  delete (out as { extraTags?: unknown }).extraTags;
  return out;
}

/** Adds `name` to `target` in `images`, taking it away from the image that had it (left dangling if it was its last). */
export function moveName(images: Map<string, Image>, target: Image, name: ImageName): void {
  for (const old of [...images.values()])
    if (old.id !== target.id && imageNames(old).some((n) => sameName(n, name)))
      images.set(
        old.id,
        named(
          old,
          imageNames(old).filter((n) => !sameName(n, name)),
        ),
      );
  const current = images.get(target.id) ?? target;
  images.set(target.id, named(current, [...imageNames(current), name]));
}
