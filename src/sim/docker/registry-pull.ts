/**
 * `docker pull` from a registry the lab runs (`localhost:5000/nginx:alpine`): the daemon dials it
 * through the host's datapath (registry-client.ts), reads the tag's manifest and brings back the
 * image it names, with the pull's progress as a TTY shows it when done (moby distribution/pull_v2.go).
 */
import { containerFiles } from '../linux/file-tree';
import type { Image } from '../model';
import { written, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';
import { chainIds } from './image-delete';
import { moveName, sameName, splitRegistry } from './image-names';
import { layerBlobs } from './push-cli';
import { imageNames } from './pull';
import { dialRegistry } from './registry-client';
import { pulledImage } from './registry-store';

export function pullFromRegistry(
  p: Process,
  repo: string,
  tag: string,
  head: string,
  quiet: boolean,
): ProcessResult {
  const { domain, path: name } = splitRegistry(repo);
  const fail = (error: string, world = p.world, trace?: ProcessResult['trace']): ProcessResult => ({
    ...written(['stdout', head], ['stderr', `Error response from daemon: ${error}\n`]),
    world,
    exitCode: 1,
    ...(trace ? { trace } : {}),
  });
  const dial = dialRegistry(p.world, p.place.host, domain);
  if (!dial.ok) return fail(dial.error, dial.world, dial.trace);
  const got = pulledImage(
    containerFiles(hostOf(dial.world, p.place.host), dial.registry).files,
    name,
    tag,
  );
  if (!got.ok)
    return fail(
      got.error === 'name-unknown'
        ? `repository ${repo} not found: name unknown: repository name not known to registry`
        : `manifest for ${repo}:${tag} not found: manifest unknown: manifest unknown`,
      dial.world,
      dial.trace,
    );
  const images = hostOf(dial.world, p.place.host).docker.images;
  const local = images.get(got.image.id);
  const wanted = { repo, tag };
  const upToDate = local !== undefined && imageNames(local).some((n) => sameName(n, wanted));
  const have = new Set([...images.values()].flatMap((i) => chainIds(i)));
  const ids = chainIds(got.image);
  const layers = upToDate
    ? ''
    : layerBlobs(got.image)
        .map(
          (l, i) =>
            `${l.digest.slice(0, 12)}: ${have.has(ids[i]) ? 'Already exists' : 'Pull complete '}\n`,
        )
        .join('');
  const r = updateHost(dial.world, p.place.host, (h) => {
    const image: Image = h.docker.images.get(got.image.id) ?? got.image;
    moveName(h.docker.images, image, wanted);
    return { ok: true, value: undefined };
  });
  const status = upToDate
    ? `Status: Image is up to date for ${repo}:${tag}\n`
    : `Status: Downloaded newer image for ${repo}:${tag}\n`;
  const text = quiet
    ? `${repo}:${tag}\n`
    : `${head}${tag}: Pulling from ${name}\n${layers}Digest: sha256:${got.digest}\n${status}${repo}:${tag}\n`;
  return {
    ...written(['stdout', text]),
    world: r.ok ? r.world : dial.world,
    exitCode: 0,
    trace: dial.trace,
  };
}
