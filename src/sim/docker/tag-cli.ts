/**
 * `docker tag SOURCE TARGET` (docker/cli v27.5.1 image/tag.go; the client checks both references,
 * the daemon moves TARGET to SOURCE's image). It prints nothing.
 */
import { failure, output } from '../shell/process';
import { updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { parseFlags } from './flags';
import { moveName } from './image-names';
import { isValidImageRef, parseImageRef } from './images';
import { referenceError } from './image-cli';
import { findLocalImage } from './pull';
import { noSuchImage } from './image-delete';

/** reference.ParseNormalizedNamed's complaint, as the client wraps it. */
const badReference = (ref: string): string =>
  `Error parsing reference: "${ref}" is not a valid repository/tag: ${referenceError(ref)}`;

export const dockerTag: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, [], true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 2 });
  if (usage) return usage;
  const [source, target] = parsed.value.args;
  for (const ref of [source, target])
    if (!isValidImageRef(ref) && !/^(sha256:)?[0-9a-f]{4,64}$/.test(ref))
      return failure(p.world, badReference(ref));
  if (target.includes('@'))
    return failure(p.world, 'refusing to create a tag with a digest reference');
  const r = updateHost(p.world, p.place.host, (h) => {
    const image = findLocalImage(h.docker.images, source.replace(/^sha256:/, ''));
    if (!image) return { ok: false, error: noSuchImage(source) };
    moveName(h.docker.images, image, parseImageRef(target));
    return { ok: true, value: undefined };
  });
  if (!r.ok) return daemonError(p.world, r.error);
  return output(r.world);
};
