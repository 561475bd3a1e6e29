/**
 * What a `registry:2` container holds, kept where distribution's filesystem driver keeps it: under
 * /var/lib/registry/docker/registry/v2 in the container's own files. A tag is a link to a manifest
 * digest; the manifest names the config and layer blobs; a repository links the layers it has.
 * The config blob holds the lab's stand-in for the image (image-archive.ts), so a pull gets the
 * pushed image back whole.
 */
import type { Image } from '../model';
import { readArchive, writeArchive } from './image-archive';

export const REGISTRY_ROOT = '/var/lib/registry/docker/registry/v2';

const blobPath = (digest: string) =>
  `${REGISTRY_ROOT}/blobs/sha256/${digest.slice(0, 2)}/${digest}/data`;
const repoDir = (name: string) => `${REGISTRY_ROOT}/repositories/${name}`;
const tagLink = (name: string, tag: string) =>
  `${repoDir(name)}/_manifests/tags/${tag}/current/link`;
const revisionLink = (name: string, digest: string) =>
  `${repoDir(name)}/_manifests/revisions/sha256/${digest}/link`;
const layerLink = (name: string, digest: string) =>
  `${repoDir(name)}/_layers/sha256/${digest}/link`;

type Files = Readonly<Record<string, string>>;

/** The repositories, sorted as the catalog lists them, each with its tags. */
export function registryRepositories(files: Files): ReadonlyMap<string, readonly string[]> {
  const repos = new Map<string, string[]>();
  const re = new RegExp(
    `^${REGISTRY_ROOT}/repositories/(.+)/_manifests/tags/([^/]+)/current/link$`,
  );
  for (const path of Object.keys(files).sort()) {
    const m = re.exec(path);
    if (m) repos.set(m[1], [...(repos.get(m[1]) ?? []), m[2]]);
  }
  return new Map([...repos].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Which repository already holds a layer blob: this one first, else any other (cross-repo mount). */
export function layerHolder(files: Files, name: string, digest: string): string | undefined {
  if (files[layerLink(name, digest)] !== undefined) return name;
  const suffix = `/_layers/sha256/${digest}/link`;
  const other = Object.keys(files)
    .sort()
    .find((p) => p.endsWith(suffix));
  return other?.slice(`${REGISTRY_ROOT}/repositories/`.length, -suffix.length);
}

export interface Manifest {
  readonly text: string;
  readonly digest: string;
}

/** The files a push writes: blobs, the repository's layer links, the manifest and the tag. */
export function pushedFiles(
  name: string,
  tag: string,
  image: Image,
  manifest: Manifest,
  layerDigests: readonly string[],
): Record<string, string> {
  const files: Record<string, string> = {
    [blobPath(image.id)]: writeArchive([{ repoTags: [], image }]),
    [blobPath(manifest.digest)]: manifest.text,
    [revisionLink(name, manifest.digest)]: `sha256:${manifest.digest}`,
    [tagLink(name, tag)]: `sha256:${manifest.digest}`,
  };
  for (const d of layerDigests) files[layerLink(name, d)] = `sha256:${d}`;
  return files;
}

/** The image behind `name:tag` or `name@sha256:…` with its manifest digest, or why the registry has none. */
export function pulledImage(
  files: Files,
  name: string,
  want: { readonly tag: string } | { readonly digest: string },
):
  | { readonly ok: true; readonly image: Image; readonly digest: string }
  | { readonly ok: false; readonly error: 'name-unknown' | 'manifest-unknown' } {
  const repos = registryRepositories(files);
  if (!repos.has(name)) return { ok: false, error: 'name-unknown' };
  // A manifest is served by digest only if this repository links it (distribution's linkedBlobStore).
  const link =
    'tag' in want
      ? files[tagLink(name, want.tag)]
      : files[revisionLink(name, want.digest.replace(/^sha256:/, ''))];
  const digest = link?.replace(/^sha256:/, '') ?? '';
  const manifest = files[blobPath(digest)];
  const config = manifest && /"digest": "sha256:([0-9a-f]{64})"/.exec(manifest)?.[1];
  const entries = config ? readArchive(files[blobPath(config)] ?? '') : undefined;
  const image = entries?.[0]?.image;
  return image ? { ok: true, image, digest } : { ok: false, error: 'manifest-unknown' };
}
