/**
 * `docker rmi` / `docker image rm` (docker/cli v27.5.1 image/remove.go) and `docker image prune`
 * (image/prune.go), over the daemon's removal rules (image-delete.ts).
 */
import { humanSize } from '../format/units';
import { output } from '../shell/process';
import { updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { deleteImage, prunedImages, pruneImages } from './image-delete';
import { cancelled, confirmed, PRUNE_FLAGS } from './system-cli';

export const RMI_FLAGS: readonly FlagSpec[] = [
  { long: 'force', short: 'f', type: 'bool' },
  { long: 'no-prune', type: 'bool' },
];

/**
 * Each image in turn; a missing one is reported and the rest still go. With `-f`, "No such
 * image" alone is only a message on stderr (status 0), as in the CLI.
 */
export const dockerRmi: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, RMI_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { atLeast: 1 });
  if (usage) return usage;
  const force = parsed.value.bools.has('force');
  let world = p.world;
  let stdout = '';
  const errors: string[] = [];
  let fatal = false;
  for (const ref of parsed.value.args) {
    let result: ReturnType<typeof deleteImage> | undefined;
    const r = updateHost(world, p.place.host, (h) => {
      result = deleteImage(h, ref, force);
      return result.ok ? { ok: true, value: undefined } : { ok: false, error: result.error };
    });
    if (r.ok) world = r.world;
    if (!result) continue;
    if (result.ok)
      stdout += result.records
        .map((rec) =>
          'deleted' in rec ? `Deleted: ${rec.deleted}\n` : `Untagged: ${rec.untagged}\n`,
        )
        .join('');
    else {
      errors.push(`Error response from daemon: ${result.error}`);
      if (!result.notFound) fatal = true;
    }
  }
  const stderr = errors.length ? `${errors.join('\n')}\n` : '';
  return output(world, stdout, stderr, errors.length && (!force || fatal) ? 1 : 0);
};

export const IMAGE_PRUNE_FLAGS: readonly FlagSpec[] = [
  ...PRUNE_FLAGS,
  { long: 'all', short: 'a', type: 'bool' },
];

export const imagePrune: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, IMAGE_PRUNE_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { none: true });
  if (usage) return usage;
  if (parsed.value.lists.has('filter'))
    return output(p.world, '', `lab: ${path} --filter is not simulated\n`, 1);
  const all = parsed.value.bools.has('all');
  let prompt = '';
  if (!parsed.value.bools.has('force')) {
    const c = confirmed(
      p,
      all
        ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?'
        : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?',
    );
    if (!c.ok) return cancelled(p.world, c.prompt);
    prompt = c.prompt;
  }
  const pruned = pruneImages(p.world, p.place.host, all);
  return output(
    pruned.world,
    `${prompt}${prunedImages(pruned.records)}Total reclaimed space: ${humanSize(pruned.freed)}\n`,
  );
};
