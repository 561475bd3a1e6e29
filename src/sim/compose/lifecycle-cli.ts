/**
 * `docker compose up`, `create`, `start`, `stop`, `restart`, `down`, `pull` and `build`
 * (docker/compose v2.32.4 cmd/compose). `up` pulls what is missing (its own progress frame), then
 * creates and starts in one frame titled `Running`; `create` titles its frame `Creating`.
 */
import { flagError } from '../docker/cli-errors';
import { parseFlags, type FlagSpec } from '../docker/flags';
import { failure, type ProcessResult } from '../shell/process';
import {
  finish,
  load,
  loadFailed,
  newSession,
  projectOrName,
  type ComposeContext,
  type ComposeHandler,
} from './command';
import { createProject, needsPull, pullImages, selected, type ConvergeOptions } from './converge';
import { startProject } from './start';
import { buildServices, toBuild } from './build';
import { projectContainers, serviceOf } from './labels';
import { composeLogs } from './logs';
import { imageOf, type ComposeProject } from './project';
import { findLocalImage } from '../docker/pull';
import { onHost, record, stepMs, type Session } from './session';
import { done, working } from './progress';
import { stopContainer } from '../docker/containers';
import { stopExitCode } from '../docker/lifecycle-cli';
import { startAndRun } from '../docker/main-process';
import { ok } from '../result';
import { downProject, removeOne, reverseOrder, stopOne } from './teardown';
import { hostOf } from '../world';

const UP_FLAGS: readonly FlagSpec[] = [
  { long: 'detach', short: 'd', type: 'bool' },
  { long: 'build', type: 'bool' },
  { long: 'no-build', type: 'bool' },
  { long: 'pull', type: 'string' },
  { long: 'remove-orphans', type: 'bool' },
  { long: 'scale', type: 'list' },
  { long: 'force-recreate', type: 'bool' },
  { long: 'no-recreate', type: 'bool' },
  { long: 'no-start', type: 'bool' },
  { long: 'no-deps', type: 'bool' },
  { long: 'quiet-pull', type: 'bool' },
  { long: 'wait', type: 'bool' },
  { long: 'timeout', short: 't', type: 'string' },
  { long: 'no-color', type: 'bool' },
  { long: 'no-log-prefix', type: 'bool' },
  { long: 'yes', short: 'y', type: 'bool' },
];

type Parsed = { flags: ReturnType<typeof parseFlags> & { ok: true } } | { done: ProcessResult };

function parse(
  c: ComposeContext,
  args: readonly string[],
  specs: readonly FlagSpec[],
  path: string,
) {
  const parsed = parseFlags(args, specs, true);
  if (!parsed.ok) return { done: flagError(c.p.world, `docker compose ${path}`, parsed.error) };
  return { flags: parsed };
}

/** `--scale web=3`: compose's `invalid argument` for anything else. */
function scales(
  values: readonly string[],
): { ok: true; value: Record<string, number> } | { ok: false; error: string } {
  const out: Record<string, number> = {};
  for (const v of values) {
    const [name = '', n = ''] = v.split('=');
    if (!/^\d+$/.test(n))
      return { ok: false, error: `strconv.Atoi: parsing "${n}": invalid syntax` };
    out[name] = Number(n);
  }
  return { ok: true, value: out };
}

function converge(
  c: ComposeContext,
  args: readonly string[],
  path: 'up' | 'create',
): ProcessResult {
  const parsed: Parsed = parse(c, args, UP_FLAGS, path);
  if ('done' in parsed) return parsed.done;
  const f = parsed.flags.value;
  const loaded = load(c);
  if (!loaded.ok) return loadFailed(c.p.world, loaded.error);
  const { project } = loaded.value;
  const warnings = [...loaded.value.warnings];
  const wanted = f.args;
  const unknown = wanted.find((w) => !project.services.some((s) => s.name === w));
  if (unknown) return failure(c.p.world, `no such service: ${unknown}`);
  if (!project.services.length) return failure(c.p.world, 'no service selected');
  const scale = scales(f.lists.get('scale') ?? []);
  if (!scale.ok) return failure(c.p.world, scale.error);
  if (f.bools.has('force-recreate') && f.bools.has('no-recreate'))
    return failure(c.p.world, '--force-recreate and --no-recreate are incompatible');
  if (f.bools.has('build') && f.bools.has('no-build'))
    return failure(c.p.world, '--build and --no-build are incompatible');
  const services = selected(project, wanted);
  const sessions: (Session | string)[] = [];
  const pull = newSession(c);
  const missing = services.filter((s) => needsPull(pull, s));
  if (missing.length) {
    sessions.push(pull);
    const r = pullImages(pull, missing);
    if (!r.ok) return finish(c, pull.world, { warnings, sessions, error: r.error, exitCode: 18 });
  }
  const main: Session = {
    ...newSession(c, path === 'up' ? 'Running' : 'Creating'),
    world: pull.world,
  };
  if (!f.bools.has('no-build')) {
    const request = {
      services,
      always: f.bools.has('build'),
      noCache: false,
      buildArgs: {},
      mode: c.mode,
    };
    const b = buildServices(main, project, toBuild(main, project, request), request);
    if (b.stdout) sessions.push(b.stdout);
    if (b.error !== undefined)
      return finish(c, main.world, { warnings, sessions, error: b.error, exitCode: 17 });
  }
  sessions.push(main);
  const opts: ConvergeOptions = {
    services: wanted,
    recreate: f.bools.has('force-recreate')
      ? 'force'
      : f.bools.has('no-recreate')
        ? 'never'
        : 'diverged',
    scale: scale.value,
  };
  const orphans = orphansOf(main, project);
  if (orphans.length && f.bools.has('remove-orphans'))
    for (const o of orphans) {
      stopOne(main, o);
      removeOne(main, o);
    }
  else if (orphans.length)
    warnings.push(
      `Found orphan containers ([${orphans.map((o) => o.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`,
    );
  const created = createProject(main, project, opts);
  if (!created.ok) return finish(c, main.world, { warnings, sessions, error: created.error });
  if (path === 'create' || f.bools.has('no-start'))
    return finish(c, main.world, { warnings, sessions });
  const started = startProject(main, project, services);
  if (!started.ok) return finish(c, main.world, { warnings, sessions, error: started.error });
  if (f.bools.has('detach') || f.bools.has('wait'))
    return finish(c, main.world, { warnings, sessions });
  // Attached, compose streams every container's output until Ctrl+C, which the lab cannot wait for.
  const names = projectContainers(hostOf(main.world, c.p.place.host).docker, project.name).filter(
    (x) => services.some((s) => s.name === serviceOf(x)),
  );
  const logs = composeLogs(main.world, names, true);
  return finish(c, main.world, {
    warnings,
    sessions,
    stdout: `Attaching to ${names.map((x) => shortName(project, x.name)).join(', ')}\n${logs}`,
    error:
      'lab: compose up stays attached until Ctrl+C; the lab returns at once and leaves the containers running (use up -d)',
    exitCode: 0,
  });
}

/** Log prefixes use the container name without `<project>-`. */
export const shortName = (project: ComposeProject, name: string): string =>
  name.startsWith(`${project.name}-`) ? name.slice(project.name.length + 1) : name;

function orphansOf(s: Session, project: ComposeProject) {
  const known = new Set(project.services.map((x) => x.name));
  return projectContainers(hostOf(s.world, s.p.place.host).docker, project.name).filter(
    (x) => !known.has(serviceOf(x)),
  );
}

export const composeUp: ComposeHandler = (c, args) => converge(c, args, 'up');
export const composeCreate: ComposeHandler = (c, args) => converge(c, args, 'create');

const DOWN_FLAGS: readonly FlagSpec[] = [
  { long: 'volumes', short: 'v', type: 'bool' },
  { long: 'rmi', type: 'string' },
  { long: 'remove-orphans', type: 'bool' },
  { long: 'timeout', short: 't', type: 'string' },
];

/** ImagePruner's `local` mode: the images compose named itself, `<project>-<service>`, once unused. */
function removeBuiltImages(s: Session, project: ComposeProject): void {
  for (const svc of project.services.filter((x) => !x.image && x.build)) {
    const name = imageOf(project, svc);
    const d = hostOf(s.world, s.p.place.host).docker;
    const image = findLocalImage(d.images, name);
    if (!image || [...d.containers.values()].some((x) => x.imageId === image.id)) continue;
    const id = `Image ${name}`;
    record(s, working(id, 'Removing'));
    onHost(s, (h) => ok(h.docker.images.delete(image.id)));
    record(s, done(id, 'Removed'), stepMs(s, 20, 80));
  }
}

export const composeDown: ComposeHandler = (c, args) => {
  const parsed: Parsed = parse(c, args, DOWN_FLAGS, 'down');
  if ('done' in parsed) return parsed.done;
  const f = parsed.flags.value;
  const rmi = f.strings.get('rmi');
  if (rmi !== undefined && rmi !== 'all' && rmi !== 'local')
    return failure(c.p.world, `invalid value for --rmi: ${rmi}`);
  const target = projectOrName(c);
  if (!target.ok) return loadFailed(c.p.world, target.error);
  const s = newSession(c);
  const r = downProject(s, target.value.loaded?.project ?? null, target.value.name, {
    removeOrphans: f.bools.has('remove-orphans'),
  });
  const warnings = [...(target.value.loaded?.warnings ?? []), ...(r.ok ? r.value.warnings : [])];
  const project = target.value.loaded?.project;
  if (rmi === 'local' && project) removeBuiltImages(s, project);
  const error =
    rmi === 'all'
      ? 'lab: docker compose down --rmi all: removing images is not simulated yet'
      : undefined;
  return finish(c, s.world, { warnings, sessions: [s], ...(error ? { error } : {}) });
};

const STOP_FLAGS: readonly FlagSpec[] = [{ long: 'timeout', short: 't', type: 'string' }];

export const composeStop: ComposeHandler = (c, args) => {
  const parsed: Parsed = parse(c, args, STOP_FLAGS, 'stop');
  if ('done' in parsed) return parsed.done;
  const target = projectOrName(c);
  if (!target.ok) return loadFailed(c.p.world, target.error);
  const s = newSession(c);
  const project = target.value.loaded?.project ?? null;
  for (const x of reverseOrder(s, project, target.value.name, {
    services: parsed.flags.value.args,
  }))
    if (x.state.status === 'running') stopOne(s, x);
  return finish(c, s.world, { warnings: target.value.loaded?.warnings ?? [], sessions: [s] });
};

export const composeStart: ComposeHandler = (c, args) => {
  const parsed: Parsed = parse(c, args, [], 'start');
  if ('done' in parsed) return parsed.done;
  const loaded = load(c);
  if (!loaded.ok) return loadFailed(c.p.world, loaded.error);
  const s = newSession(c);
  const r = startProject(
    s,
    loaded.value.project,
    selected(loaded.value.project, parsed.flags.value.args),
  );
  return finish(c, s.world, {
    warnings: loaded.value.warnings,
    sessions: [s],
    ...(r.ok ? {} : { error: r.error }),
  });
};

/** restart: each container `Restarting`, then `Restarted` once the engine has started it again. */
export const composeRestart: ComposeHandler = (c, args) => {
  const parsed: Parsed = parse(c, args, STOP_FLAGS, 'restart');
  if ('done' in parsed) return parsed.done;
  const loaded = load(c);
  if (!loaded.ok) return loadFailed(c.p.world, loaded.error);
  const { project } = loaded.value;
  const s = newSession(c);
  for (const svc of selected(project, parsed.flags.value.args))
    for (const x of projectContainers(hostOf(s.world, c.p.place.host).docker, project.name, {
      service: svc.name,
    })) {
      const id = `Container ${x.name}`;
      record(s, working(id, 'Restarting'));
      const code = stopExitCode(s.world, x);
      onHost(s, (h) => {
        stopContainer(h, x.id, code, c.p.ctx);
        return ok(undefined);
      });
      const r = startAndRun(c.p, s.world, x.id, false);
      if (!r.ok)
        return finish(c, s.world, {
          sessions: [s],
          error: `Error response from daemon: ${r.error}`,
        });
      s.world = r.world;
      record(s, done(id, 'Restarted'), stepMs(s, 300, 900));
    }
  return finish(c, s.world, { warnings: loaded.value.warnings, sessions: [s] });
};
