/**
 * `docker build`, `docker image build` and `docker buildx build`. Docker 27.5's CLI hands builds to
 * buildx (BuildKit) unless `DOCKER_BUILDKIT=0` asks for the deprecated legacy builder
 * (docker/cli cmd/docker/builder.go); both read the context from the lab host's files.
 */
import { castDraft } from 'immer';
import type { Image, World } from '../model';
import { failure, fromChunks, output, written } from '../shell/process';
import { updateHost } from '../world';
import { build } from './build';
import { readBuildContext } from './build-context';
import { buildKitOutput } from './build-output';
import { legacyOutput } from './build-legacy-output';
import { plainProgress, sourceExcerpt } from './build-progress';
import type { DockerHandler } from './cli';
import { flagError } from './cli-errors';
import { parseDockerfile } from './dockerfile';
import { BUILD_FLAGS } from './build-flags';
import { parseFlags } from './flags';
import { isValidImageRef } from './reference';
import { parseImageRef } from './images';
import { imageNames } from './pull';
import { named, type ImageName } from './image-names';

const LEGACY_NOTICE =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
  '            environment-variable.\n\n';

/** Go's strconv.ParseBool, which DOCKER_BUILDKIT must satisfy. */
const goBool = (v: string): boolean | undefined =>
  ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)
    ? true
    : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)
      ? false
      : undefined;

type Name = ImageName;

/** `-t` names moved onto a built image: a name it takes leaves an older image, dangling if it had no other. */
export function nameBuiltImage(
  world: World,
  host: string,
  built: Image,
  tags: readonly string[],
): World {
  const tagged = tags.map((t) => parseImageRef(t));
  const has = (n: Name) => tagged.some((t) => t.repo === n.repo && t.tag === n.tag);
  const r = updateHost(world, host, (h) => {
    const before = h.docker.images.get(built.id);
    for (const old of [...h.docker.images.values()])
      if (old.id !== built.id && imageNames(old).some(has))
        h.docker.images.set(
          old.id,
          castDraft(
            named(
              old,
              imageNames(old).filter((n) => !has(n)),
            ),
          ),
        );
    const names = [...(before ? imageNames(before) : []), ...tagged];
    h.docker.images.set(built.id, castDraft(named(before ?? built, names)));
    return { ok: true, value: undefined };
  });
  return r.ok ? r.world : world;
}

/** `--build-arg K=V`, or a bare `K` taking its value from where the client runs. */
export function parseBuildArgs(
  values: readonly string[],
  lookup: (name: string) => string | undefined,
): Record<string, string> {
  return Object.fromEntries(
    values.map((a) => {
      const eq = a.indexOf('=');
      return eq < 0 ? [a, lookup(a) ?? ''] : [a.slice(0, eq), a.slice(eq + 1)];
    }),
  );
}

export const dockerBuild: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, BUILD_FLAGS, true);
  const buildkitEnv = p.env?.DOCKER_BUILDKIT;
  const enabled = buildkitEnv === undefined ? true : goBool(buildkitEnv);
  if (enabled === undefined)
    return failure(
      p.world,
      `DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "${buildkitEnv}": invalid syntax`,
    );
  const legacy = !enabled && !path.startsWith('docker buildx');
  const shownPath = legacy ? path : 'docker buildx build';
  const notice = legacy ? LEGACY_NOTICE : '';
  const fail = (text: string, code = 1) =>
    output(p.world, '', `${notice}${legacy ? '' : 'ERROR: '}${text}\n`, code);
  if (!parsed.ok) return flagError(p.world, shownPath, parsed.error);
  const f = parsed.value;
  if (f.args.length !== 1)
    return fail(
      `"${shownPath}" requires exactly 1 argument.\nSee '${shownPath} --help'.\n\nUsage:  ${shownPath} [OPTIONS] PATH | URL | -\n\n${legacy ? 'Build an image from a Dockerfile' : 'Start a build'}`,
    );
  const progress = f.strings.get('progress') ?? 'auto';
  if (!['auto', 'plain', 'tty', 'quiet', 'rawjson'].includes(progress))
    return fail(`invalid progress mode ${progress}`);
  const tags = f.lists.get('tag') ?? [];
  const badTag = tags.find((t) => !isValidImageRef(t));
  if (badTag !== undefined) return fail(`invalid tag "${badTag}": invalid reference format`);
  const context = readBuildContext(p.world, p.place, f.args[0], f.strings.get('file'));
  if (!context.ok) {
    if (context.kind === 'context') return fail(context.error);
    if (legacy)
      return fail(
        `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${context.error}: no such file or directory`,
      );
    const name = context.error.slice(context.error.lastIndexOf('/') + 1);
    const progressText = plainProgress([
      {
        name: `[internal] load build definition from ${name}`,
        statuses: ['transferring dockerfile: 2B'],
        logs: [],
        seconds: 0,
      },
    ]);
    return output(
      p.world,
      '',
      `${progressText}ERROR: failed to solve: failed to read dockerfile: open ${name}: no such file or directory\n`,
      1,
    );
  }
  const ctxFiles = context.context;
  const parsedFile = parseDockerfile(ctxFiles.dockerfile.text);
  if (!parsedFile.ok) {
    if (legacy)
      return output(p.world, '', `${notice}Error response from daemon: ${parsedFile.error}\n`, 1);
    const head = plainProgress([
      {
        name: `[internal] load build definition from ${ctxFiles.dockerfile.name}`,
        statuses: [
          `transferring dockerfile: ${new TextEncoder().encode(ctxFiles.dockerfile.text).length}B`,
        ],
        logs: [],
        seconds: 0,
      },
    ]);
    const excerpt = parsedFile.span
      ? sourceExcerpt(
          ctxFiles.dockerfile.name,
          ctxFiles.dockerfile.text,
          parsedFile.span.line,
          parsedFile.span.endLine,
        )
      : '';
    return output(p.world, '', `${head}${excerpt}ERROR: failed to solve: ${parsedFile.error}\n`, 1);
  }
  const buildArgs = parseBuildArgs(
    f.lists.get('build-arg') ?? [],
    (a) => p.env?.[a] ?? p.world.terminal.vars[a],
  );
  const target = f.strings.get('target');
  const report = build(
    p.world,
    p.place.host,
    ctxFiles,
    parsedFile.instructions,
    {
      buildArgs,
      noCache: f.bools.has('no-cache'),
      legacy,
      ...(target !== undefined ? { target } : {}),
    },
    p.ctx,
  );
  const world =
    report.image && !report.failure
      ? nameBuiltImage(report.world, p.place.host, report.image, tags)
      : report.world;
  const shown = {
    context: ctxFiles,
    tags,
    mode: progress === 'plain' || !p.tty ? 'plain' : 'tty',
  } as const;
  if (legacy) {
    const l = legacyOutput(report, shown, parsedFile.instructions);
    const quiet = f.bools.has('quiet');
    const chunks = quiet ? l.chunks.filter((c) => c.stream === 'stderr') : l.chunks;
    const tail =
      quiet && report.image && !report.failure
        ? [{ stream: 'stdout' as const, text: `sha256:${report.image.id}\n` }]
        : [];
    return {
      world,
      exitCode: l.exitCode,
      ...fromChunks([{ stream: 'stderr', text: notice }, ...chunks, ...tail]),
    };
  }
  const b = buildKitOutput(report, shown);
  if (f.bools.has('quiet') || progress === 'quiet') {
    if (b.exitCode !== 0)
      return {
        world,
        exitCode: 1,
        ...written(['stderr', b.stderr.slice(b.stderr.lastIndexOf('ERROR: failed to solve'))]),
      };
    return output(world, `sha256:${report.image!.id}\n`);
  }
  return { world, exitCode: b.exitCode, ...written(['stderr', b.stderr]) };
};
