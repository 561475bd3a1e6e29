/**
 * Pulling from a registry the lab runs (`localhost:5000/nginx:alpine`): the daemon dials it
 * through the host's datapath (registry-client.ts), reads the manifest a tag or a digest
 * (`localhost:5000/nginx@sha256:…`) names and brings back its image, with the pull's progress as a
 * TTY shows it when done (moby distribution/pull_v2.go). The image gets the digest reference
 * `repo@sha256:<manifest digest>`, and the tag if one was asked for. `docker pull`, and
 * `docker run`, `docker build` and compose for an image they lack (`fetchImage`), come here.
 */
import { castDraft } from 'immer';
import { containerFiles } from '../linux/file-tree';
import type { Image, World } from '../model';
import type { Trace } from '../packet/trace';
import { written, type Ctx, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';
import { chainIds } from './image-delete';
import {
  addDigest,
  familiarRef,
  moveName,
  named,
  normalizedDigest,
  parseDigestRef,
  repoDigests,
  sameName,
  type Wanted,
} from './image-names';
import { parseImageRef } from './images';
import { layerBlobs } from './push-cli';
import { ensureImage, findLocalImage, imageNames } from './pull';
import { dialRegistry } from './registry-client';
import { pulledImage } from './registry-store';
import { notFoundLine, splitRegistry } from './reference';

type Pulled =
  | {
      readonly ok: true;
      readonly world: World;
      readonly trace: Trace;
      readonly image: Image;
      /** From `TAG: Pulling from NAME` to the `Status:` line. */
      readonly progress: string;
    }
  | { readonly ok: false; readonly world: World; readonly trace?: Trace; readonly error: string };

function registryPull(world: World, host: string, want: Wanted): Pulled {
  const { domain, path: name } = splitRegistry(want.repo);
  const dial = dialRegistry(world, host, domain);
  if (!dial.ok) return dial;
  const pinned = 'digest' in want;
  const files = containerFiles(hostOf(dial.world, host), dial.registry).files;
  const got = pulledImage(files, name, pinned ? { digest: want.digest } : { tag: want.tag });
  if (!got.ok)
    return {
      ok: false,
      world: dial.world,
      trace: dial.trace,
      error:
        got.error === 'name-unknown'
          ? `repository ${want.repo} not found: name unknown: repository name not known to registry`
          : `manifest for ${familiarRef(want)} not found: manifest unknown: manifest unknown`,
    };
  const images = hostOf(dial.world, host).docker.images;
  const local = images.get(got.image.id);
  const digest = `sha256:${got.digest}`;
  // moby's pullTag: up to date when the reference already named this image.
  const upToDate =
    local !== undefined &&
    (pinned
      ? repoDigests(local).some((d) => d.repo === want.repo && d.digest === digest)
      : imageNames(local).some((n) => sameName(n, want)));
  // pullSchema2Layers fetches nothing for an image the daemon already has.
  const have = new Set([...images.values()].flatMap((i) => chainIds(i)));
  const ids = chainIds(got.image);
  const layers = local
    ? ''
    : layerBlobs(got.image)
        .map(
          (l, i) =>
            `${l.digest.slice(0, 12)}: ${have.has(ids[i]) ? 'Already exists' : 'Pull complete '}\n`,
        )
        .join('');
  const r = updateHost(dial.world, host, (h) => {
    const image: Image = h.docker.images.get(got.image.id) ?? named(got.image, []);
    // A digest reference names the image without tagging it (ReferenceStore.AddDigest).
    if (pinned) h.docker.images.set(image.id, castDraft(image));
    else moveName(h.docker.images, image, want);
    addDigest(h.docker.images, image.id, { repo: want.repo, digest });
    return { ok: true, value: undefined };
  });
  if (!r.ok) return { ok: false, world: dial.world, trace: dial.trace, error: r.error };
  const status = `Status: ${upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${familiarRef(want)}\n`;
  return {
    ok: true,
    world: r.world,
    trace: dial.trace,
    image: hostOf(r.world, host).docker.images.get(got.image.id)!,
    progress: `${pinned ? normalizedDigest(want) : want.tag}: Pulling from ${name}\n${layers}Digest: ${digest}\n${status}`,
  };
}

/** `docker pull` of a reference in a registry other than Docker Hub. */
export function pullFromRegistry(
  p: Process,
  want: Wanted,
  head: string,
  quiet: boolean,
  // docker-cli ends with the reference it pulled, in full (for this registry, its familiar name).
  pulledRef = 'digest' in want ? normalizedDigest(want) : familiarRef(want),
): ProcessResult {
  const got = registryPull(p.world, p.place.host, want);
  const trace = got.trace ? { trace: got.trace } : {};
  if (!got.ok)
    return {
      ...written(['stdout', head], ['stderr', `Error response from daemon: ${got.error}\n`]),
      world: got.world,
      exitCode: 1,
      ...trace,
    };
  const tail = `${pulledRef}\n`;
  const text = quiet ? tail : `${head}${got.progress}${tail}`;
  return { ...written(['stdout', text]), world: got.world, exitCode: 0, ...trace };
}

/** An image a command needs, pulled unless local, with the progress `docker run` writes to stderr. */
export type Fetched =
  | {
      readonly ok: true;
      readonly world: World;
      readonly image: Image;
      readonly progress: string;
      readonly trace?: Trace;
    }
  | {
      readonly ok: false;
      readonly world: World;
      readonly progress: string;
      readonly error: string;
      readonly trace?: Trace;
    };

export function fetchImage(world: World, host: string, ref: string, ctx: Ctx): Fetched {
  const local = findLocalImage(hostOf(world, host).docker.images, ref);
  if (local) return { ok: true, world, image: local, progress: '' };
  const want: Wanted = parseDigestRef(ref) ?? parseImageRef(ref);
  if (splitRegistry(want.repo).domain === 'docker.io') {
    let progress = '';
    const r = updateHost(world, host, (h) => {
      const pulled = ensureImage(h, ref, ctx);
      progress = pulled.progress;
      return pulled.ok ? { ok: true, value: pulled.image.id } : { ok: false, error: pulled.error };
    });
    return r.ok
      ? {
          ok: true,
          world: r.world,
          image: hostOf(r.world, host).docker.images.get(r.value)!,
          progress,
        }
      : { ok: false, world, progress, error: r.error };
  }
  const head = notFoundLine(ref);
  const got = registryPull(world, host, want);
  return got.ok
    ? { ...got, progress: head + got.progress }
    : { ok: false, world: got.world, progress: head, error: got.error, trace: got.trace };
}
