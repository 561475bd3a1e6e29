/**
 * `docker images`, `docker commit` and `docker pull` (docker/cli v27.5.1 image/*.go,
 * container/commit.go).
 */
import { castDraft } from 'immer';
import type { Image } from '../model';
import { renderRows } from '../format/row-template';
import { renderTable } from '../format/table';
import { goTimeString, humanDuration, humanSize } from '../format/units';
import { failure, output } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { filterArgs, parseFlags, type FlagSpec } from './flags';
import { imageFilter, type ImageRow } from './image-filters';
import { parseImageRef, registryImage } from './images';
import { findContainer, shortId } from './lookup';
import { ensureImage, findLocalImage, hubImage, imageNames } from './pull';
import { imageOnTop } from './image-records';
import { addDigest, digestIn, NONE, repoDigests } from './image-names';
import { pullFromRegistry } from './registry-pull';
import { pullByDigest } from './digest-pull';
import { parseNamed, splitRegistry } from './reference';

export const IMAGES_FLAGS: readonly FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'no-trunc', type: 'bool' },
  { long: 'digests', type: 'bool' },
  { long: 'filter', short: 'f', type: 'list' },
  { long: 'format', type: 'string' },
];

/** Column titles of docker-cli's imageContext (formatter/image.go). */
const IMAGE_HEADERS: Readonly<Record<string, string>> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
};

/** Newest first, as the v27 daemon sorts image summaries (by Created). */
function newestImages(images: ReadonlyMap<string, Image>): Image[] {
  return [...images.values()]
    .map((img, i) => ({ img, i }))
    .sort((a, b) => b.img.created - a.img.created || b.i - a.i)
    .map(({ img }) => img);
}

/**
 * The rows docker-cli makes of one image (formatter/image.go imageFormatTaggedAndDigest): each tag,
 * once per digest of its repository when digests are wanted; then a `<none>` tag for a
 * repository only a digest names; a dangling image is one `<none>` row.
 */
function imageRows(
  i: Image,
  showDigests: boolean,
  withDigests: boolean,
): (ImageRow & { readonly digest: string })[] {
  const tags = imageNames(i);
  const digests = repoDigests(i);
  if (!tags.length && !digests.length) return [{ ...i, repo: NONE, tag: NONE, digest: NONE }];
  const tagged = [...new Set(tags.map((t) => t.repo))];
  const of = (repo: string) => digests.filter((d) => d.repo === repo).map((d) => d.digest);
  const rows = tagged.flatMap((repo) => {
    const ds = withDigests ? of(repo) : [];
    return tags
      .filter((t) => t.repo === repo)
      .flatMap((t) =>
        (ds.length ? ds : [NONE]).map((digest) => ({ ...i, repo, tag: t.tag, digest })),
      );
  });
  const digestOnly = [...new Set(digests.map((d) => d.repo))].filter((r) => !tagged.includes(r));
  for (const repo of digestOnly)
    for (const digest of showDigests ? of(repo) : [''])
      rows.push({ ...i, repo, tag: NONE, digest });
  return rows;
}

export const dockerImages: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, IMAGES_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const f = parsed.value;
  if (f.args.length > 1)
    return failure(
      p.world,
      `"${path}" requires at most 1 argument.\nSee '${path} --help'.\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nList images`,
    );
  const format = f.strings.get('format') ?? '';
  const showDigests = f.bools.has('digests');
  const withDigests = showDigests || format.includes('{{.Digest}}');
  let list = newestImages(hostOf(p.world, p.place.host).docker.images).flatMap((i) =>
    imageRows(i, showDigests, withDigests),
  );
  const wanted = f.args[0];
  if (wanted !== undefined) {
    const hasTag = wanted.lastIndexOf(':') > wanted.lastIndexOf('/');
    const { repo, tag } = parseImageRef(wanted);
    list = list.filter((i) => i.repo === repo && (!hasTag || i.tag === tag));
  }
  const filters = filterArgs(f.lists.get('filter') ?? []);
  if (!filters.ok) return flagError(p.world, path, filters.error);
  const keep = imageFilter(hostOf(p.world, p.place.host).docker.images, filters.value);
  if (!keep.ok) return daemonError(p.world, keep.error);
  list = list.filter(keep.value);
  const trunc = !f.bools.has('no-trunc');
  const id = (img: Image) => (trunc ? shortId(img.id) : `sha256:${img.id}`);
  if (f.bools.has('quiet')) return output(p.world, list.map((i) => `${id(i)}\n`).join(''));
  const rows = list.map((i) => ({
    ID: id(i),
    Repository: i.repo,
    Tag: i.tag,
    Digest: i.digest,
    CreatedSince: `${humanDuration(p.ctx.now - i.created)} ago`,
    CreatedAt: goTimeString(i.created),
    Size: humanSize(i.size),
    Containers: 'N/A',
  }));
  if (format !== '' && format !== 'table') {
    // docker-cli adds the column a table format lacks when --digests asks for it.
    const shown =
      showDigests && format.startsWith('table') && !format.includes('{{.Digest}}')
        ? `${format}\t{{.Digest}}`
        : format;
    const text = renderRows(shown, IMAGE_HEADERS, rows);
    return text.ok ? output(p.world, text.value) : failure(p.world, text.error);
  }
  const columns = showDigests
    ? (['Repository', 'Tag', 'Digest', 'ID', 'CreatedSince', 'Size'] as const)
    : (['Repository', 'Tag', 'ID', 'CreatedSince', 'Size'] as const);
  return output(
    p.world,
    renderTable(
      columns.map((k) => IMAGE_HEADERS[k]),
      rows.map((r) => columns.map((k) => r[k])),
    ),
  );
};

export const COMMIT_FLAGS: readonly FlagSpec[] = [
  { long: 'author', short: 'a', type: 'string' },
  { long: 'message', short: 'm', type: 'string' },
  { long: 'change', short: 'c', type: 'list' },
  { long: 'pause', short: 'p', type: 'bool' },
];

/**
 * The container's filesystem becomes a new image: the base image's tools plus what was
 * installed inside, and the container's command and settings as the image's defaults.
 */
export const dockerCommit: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, COMMIT_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const [ref = '', target] = parsed.value.args;
  if (parsed.value.args.length < 1 || parsed.value.args.length > 2)
    return failure(
      p.world,
      `"${path}" requires at least 1 and at most 2 arguments.\nSee '${path} --help'.\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nCreate a new image from a container's changes`,
    );
  const named = target === undefined ? undefined : parseNamed(target);
  if (named?.ok === false) return failure(p.world, named.error);
  if (named?.ref.digest !== undefined)
    return failure(p.world, 'refusing to create a tag with a digest reference');
  const d = hostOf(p.world, p.place.host).docker;
  const c = findContainer(d, ref);
  if (!c) return daemonError(p.world, `No such container: ${ref}`);
  const base = d.images.get(c.imageId)!;
  const id = p.ctx.rng.hex(64);
  const { repo, tag } = target !== undefined ? parseImageRef(target) : { repo: NONE, tag: NONE };
  const author = parsed.value.strings.get('author');
  const comment = parsed.value.strings.get('message');
  const committed = imageOnTop(base, {
    id,
    created: p.ctx.now,
    layer: c.layer,
    installed: c.installed,
    createdBy: [c.path, ...c.args].join(' '),
    comment: comment ?? '',
    config: {
      cmd: c.config.cmd,
      entrypoint: c.config.entrypoint,
      exposedPorts: c.config.exposedPorts,
      env: c.config.env,
      workingDir: c.config.workingDir,
    },
  });
  const image: Image = {
    ...committed,
    repo,
    tag,
    ...(author !== undefined ? { author } : {}),
    ...(comment !== undefined ? { comment } : {}),
  };
  const r = updateHost(p.world, p.place.host, (h) => {
    // The tag moves to the new image; the old one is left dangling.
    if (repo !== NONE)
      for (const old of [...h.docker.images.values()])
        if (old.repo === repo && old.tag === tag) {
          old.repo = NONE;
          old.tag = NONE;
        }
    h.docker.images.set(id, castDraft(image));
    return { ok: true, value: undefined };
  });
  return r.ok ? output(r.world, `sha256:${id}\n`) : failure(p.world, r.error);
};

const canonical = (repo: string, tag: string) =>
  `docker.io/${repo.includes('/') ? repo : `library/${repo}`}:${tag}`;

export const PULL_FLAGS: readonly FlagSpec[] = [
  { long: 'all-tags', short: 'a', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'platform', type: 'string' },
  { long: 'disable-content-trust', type: 'bool' },
];

/** `docker pull`: progress on stdout, then the canonical reference (docker/cli image/pull.go). */
export const dockerPull: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, PULL_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 1 });
  if (usage) return usage;
  const named = parseNamed(parsed.value.args[0]);
  if (!named.ok) return failure(p.world, named.error);
  const quiet = parsed.value.bools.has('quiet');
  const { repo, tag = 'latest', digest } = named.ref;
  if (digest !== undefined) return pullByDigest(p, { repo, digest }, quiet, named.ref.tag);
  const head = named.ref.tag !== undefined || quiet ? '' : 'Using default tag: latest\n';
  if (splitRegistry(repo).domain !== 'docker.io')
    return pullFromRegistry(p, { repo, tag }, head, quiet);
  const tail = `${canonical(repo, tag)}\n`;
  // The registry is always asked, so an image that only exists locally cannot be pulled.
  const known = registryImage(repo, tag, () => '', p.ctx.now);
  const local = findLocalImage(hostOf(p.world, p.place.host).docker.images, `${repo}:${tag}`);
  if (known && local) {
    // The tag already names Hub's image: its digest reference is (re)recorded, as on any pull.
    const hub = hubImage(repo, tag, p.ctx.now)!;
    const same = hub.image.id === local.id;
    const r = updateHost(p.world, p.place.host, (h) => {
      if (same) addDigest(h.docker.images, local.id, { repo, digest: hub.digest });
      return { ok: true, value: undefined };
    });
    const world = r.ok ? r.world : p.world;
    if (quiet) return output(world, tail);
    const pinned = same ? hub.digest : digestIn(local, repo);
    const digest = pinned ? `Digest: ${pinned}\n` : '';
    return output(
      world,
      `${head}${tag}: Pulling from ${repo.includes('/') ? repo : `library/${repo}`}\n${digest}Status: Image is up to date for ${repo}:${tag}\n${tail}`,
    );
  }
  let progress = '';
  let error = '';
  const r = updateHost(p.world, p.place.host, (h) => {
    const pulled = ensureImage(h, `${repo}:${tag}`, p.ctx);
    // ensureImage speaks for `docker run`; `docker pull` has no "Unable to find" line.
    progress = pulled.progress.replace(/^Unable to find image .*\n/, '');
    if (!pulled.ok) error = pulled.error;
    return pulled.ok ? { ok: true, value: undefined } : { ok: false, error: pulled.error };
  });
  if (!r.ok || !known) {
    const reason =
      error ||
      `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
    return output(p.world, head, `Error response from daemon: ${reason}\n`, 1);
  }
  return output(r.world, quiet ? tail : head + progress + tail);
};
