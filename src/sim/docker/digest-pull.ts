/**
 * `docker pull NAME@sha256:…` (docker-cli image/pull.go, moby distribution/pull_v2.go): no
 * "Using default tag" line; the progress starts `<reference>: Pulling from <name>`, the status
 * names `NAME@sha256:…`, and docker-cli ends with the full reference. The image gains the digest
 * reference and no tag, so `docker images` shows it under its repository with TAG `<none>`.
 */
import type { RepoDigest } from '../model';
import { output, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';
import { splitRegistry } from './reference';
import { familiarRef, normalizedDigest } from './image-names';
import { ensureImage, findLocalImage } from './pull';
import { pullFromRegistry } from './registry-pull';

export function pullByDigest(
  p: Process,
  want: RepoDigest,
  quiet: boolean,
  tag?: string,
): ProcessResult {
  // The daemon is asked for NAME@DIGEST; only docker-cli's last line keeps a tag typed before it.
  const pulledRef =
    tag === undefined ? normalizedDigest(want) : normalizedDigest(want).replace('@', `:${tag}@`);
  if (splitRegistry(want.repo).domain !== 'docker.io')
    return pullFromRegistry(p, want, '', quiet, pulledRef);
  const tail = `${pulledRef}\n`;
  const local = findLocalImage(hostOf(p.world, p.place.host).docker.images, familiarRef(want));
  if (local)
    return output(
      p.world,
      quiet
        ? tail
        : `${normalizedDigest(want)}: Pulling from ${splitRegistry(want.repo).path}\nDigest: ${want.digest}\nStatus: Image is up to date for ${familiarRef(want)}\n${tail}`,
    );
  let progress = '';
  const r = updateHost(p.world, p.place.host, (h) => {
    const pulled = ensureImage(h, familiarRef(want), p.ctx);
    // ensureImage speaks for `docker run`; `docker pull` has no "Unable to find" line.
    progress = pulled.progress.replace(/^Unable to find image .*\n/, '');
    return pulled.ok ? { ok: true, value: undefined } : { ok: false, error: pulled.error };
  });
  if (!r.ok) return output(p.world, '', `Error response from daemon: ${r.error}\n`, 1);
  return output(r.world, quiet ? tail : progress + tail);
}
