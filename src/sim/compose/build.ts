/**
 * Building services' images (docker/compose v2.32.4 pkg/compose/build.go, build_buildkit.go):
 * the services with `build:` whose image is missing (all of them with `--build` or
 * `compose build`), in dependency order, through the lab's BuildKit builder. The image is named
 * `<project>-<service>` unless `image:` names it. Compose hands buildx's printer its own stdout,
 * one display for every service, each vertex prefixed with the service (`[web 2/3] COPY …`);
 * each built service then shows as `✔ web  Built` in compose's own frame.
 */
import { build } from '../docker/build';
import { nameBuiltImage } from '../docker/build-cli';
import { readBuildContext } from '../docker/build-context';
import { buildKitParts } from '../docker/build-output';
import { plainProgress, ttyProgress, type Vertex } from '../docker/build-progress';
import { parseDockerfile } from '../docker/dockerfile';
import { findLocalImage } from '../docker/pull';
import { resolvePath } from '../linux/file-tree';
import { hostOf } from '../world';
import { dependencyOrder } from './converge';
import { done, type ProgressMode } from './progress';
import { imageOf, type ComposeProject, type ComposeService } from './project';
import { record, type Session } from './session';

export interface BuildRequest {
  /** Services asked for (with what they depend on); all when empty. */
  readonly services: readonly ComposeService[];
  /** `--build` / `compose build`: rebuild even when the image is there. */
  readonly always: boolean;
  readonly noCache: boolean;
  /** `compose build --build-arg`, over the file's args. */
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly mode: ProgressMode;
}

/** What the build printed on stdout, and the error compose ends with when one failed. */
export interface BuildOutcome {
  readonly stdout: string;
  readonly error?: string;
}

/** The services `up` or `build` has to build now. */
export function toBuild(s: Session, project: ComposeProject, r: BuildRequest): ComposeService[] {
  const images = hostOf(s.world, s.p.place.host).docker.images;
  return dependencyOrder(project).filter(
    (svc) =>
      svc.build !== undefined &&
      r.services.includes(svc) &&
      (r.always || !findLocalImage(images, imageOf(project, svc))),
  );
}

/** resolveAndMergeBuildArgs: the file's args with a value, then the command line's. */
function argsOf(svc: ComposeService, extra: Readonly<Record<string, string>>) {
  const fromFile = Object.entries(svc.build?.args ?? {}).flatMap(([k, v]) =>
    v === null ? [] : [[k, v] as const],
  );
  return { ...Object.fromEntries(fromFile), ...extra };
}

/** One service through the builder: its vertices, and the failure's details when it failed. */
function buildOne(s: Session, project: ComposeProject, svc: ComposeService, r: BuildRequest) {
  const cfg = svc.build!;
  const dir = resolvePath(project.workingDir, cfg.context);
  const place = { host: s.p.place.host, cwd: dir };
  const context = readBuildContext(s.world, place, dir, resolvePath(dir, cfg.dockerfile));
  if (!context.ok)
    return {
      vertices: [],
      error:
        context.kind === 'context'
          ? context.error
          : `failed to solve: failed to read dockerfile: open ${cfg.dockerfile}: no such file or directory`,
    };
  const parsed = parseDockerfile(context.context.dockerfile.text);
  if (!parsed.ok) return { vertices: [], error: `failed to solve: ${parsed.error}` };
  const report = build(
    s.world,
    s.p.place.host,
    context.context,
    parsed.instructions,
    {
      buildArgs: argsOf(svc, r.buildArgs),
      noCache: r.noCache,
      legacy: false,
      ...(cfg.target !== undefined ? { target: cfg.target } : {}),
    },
    s.p.ctx,
  );
  const image = imageOf(project, svc);
  const shown = {
    context: context.context,
    tags: [image],
    mode: r.mode === 'plain' ? 'plain' : 'tty',
    prefix: svc.name,
  } as const;
  const parts = buildKitParts(report, shown);
  if (parts.failure || !report.image)
    return {
      vertices: parts.vertices,
      details: parts.failure?.details ?? '',
      error: `failed to solve: ${parts.failure?.cause ?? 'no image'}`,
    };
  s.world = nameBuiltImage(report.world, s.p.place.host, report.image, [image]);
  return { vertices: parts.vertices };
}

/** Builds what is needed, recording `Built` per service once every build is done. */
export function buildServices(
  s: Session,
  project: ComposeProject,
  services: readonly ComposeService[],
  r: BuildRequest,
): BuildOutcome {
  const vertices: Vertex[] = [];
  const built: string[] = [];
  let details = '';
  let error: string | undefined;
  for (const svc of services) {
    const one = buildOne(s, project, svc, r);
    vertices.push(...one.vertices);
    if (one.error !== undefined) {
      details = 'details' in one ? (one.details ?? '') : '';
      error = one.error;
      break;
    }
    built.push(svc.name);
  }
  const shown =
    r.mode === 'quiet' || !vertices.length
      ? ''
      : r.mode === 'plain'
        ? plainProgress(vertices)
        : ttyProgress(vertices);
  if (error !== undefined) return { stdout: `${shown}${details}`, error };
  // BuiltEvent comes with no Building before it, so compose's frame shows it took no time.
  for (const name of built) record(s, done(name, 'Built'));
  return { stdout: shown };
}
