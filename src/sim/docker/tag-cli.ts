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
import { parseImageRef } from './images';
import { parseNamed, referenceProblem } from './reference';
import { findLocalImage } from './pull';
import { noSuchImage } from './image-delete';

/** The reference parser's complaint, as the client wraps it. */
const badReference = (ref: string, error: string): string =>
  `Error parsing reference: "${ref}" is not a valid repository/tag: ${error}`;

export const dockerTag: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, [], true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 2 });
  if (usage) return usage;
  const [source, target] = parsed.value.args;
  // The source may be an image ID or a digest reference (ParseAnyReference); the target is a name.
  const sourceProblem = referenceProblem(source);
  if (sourceProblem !== undefined) return failure(p.world, badReference(source, sourceProblem));
  const named = parseNamed(target);
  if (!named.ok) return failure(p.world, badReference(target, named.error));
  if (named.ref.digest !== undefined)
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
