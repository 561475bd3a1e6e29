/**
 * `docker compose exec`, `run`, `pull`, `build` and `config` (docker/compose v2.32.4
 * cmd/compose). `exec` is `docker exec -i[t]` on the service's container (`-T` drops the
 * terminal); `run` starts the service's dependencies, then a one-off container
 * `<project>-<service>-run-<id12>` without the service's ports or aliases.
 */
import { castDraft } from 'immer';
import { flagError } from '../docker/cli-errors';
import { dockerExec } from '../docker/exec-cli';
import { parseFlags, type FlagSpec } from '../docker/flags';
import { startAndRun } from '../docker/main-process';
import { findLocalImage } from '../docker/pull';
import { failure, output, withStreams, concatOutputs } from '../shell/process';
import { hostOf } from '../world';
import { finish, load, loadFailed, newSession, type ComposeHandler } from './command';
import { parseBuildArgs } from '../docker/build-cli';
import { processEnvironment } from '../linux/env';
import { own } from '../own';
import { buildServices, toBuild } from './build';
import { projectYaml } from './config-yaml';
import { createProject, needsPull, pullImages, selected } from './converge';
import { startProject } from './start';
import { imageOf } from './project';
import { createServiceContainer } from './create-container';
import { LABEL, projectContainers } from './labels';
import { onHost, record, stepMs } from './session';

const EXEC_FLAGS: readonly FlagSpec[] = [
  { long: 'detach', short: 'd', type: 'bool' },
  { long: 'no-TTY', short: 'T', type: 'bool' },
  { long: 'index', type: 'string' },
  { long: 'env', short: 'e', type: 'list' },
  { long: 'workdir', short: 'w', type: 'string' },
  { long: 'user', short: 'u', type: 'string' },
  { long: 'privileged', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool' },
];

export const composeExec: ComposeHandler = (c, args) => {
  const parsed = parseFlags(args, EXEC_FLAGS, false);
  if (!parsed.ok) return flagError(c.p.world, 'docker compose exec', parsed.error);
  const f = parsed.value;
  const [service, ...cmd] = f.args;
  if (service === undefined || !cmd.length)
    return failure(c.p.world, "requires at least 2 arguments\nSee 'docker compose exec --help'.");
  const loaded = load(c);
  if (!loaded.ok) return loadFailed(c.p.world, loaded.error);
  const index = Number(f.strings.get('index') ?? 1);
  const ctr = projectContainers(
    hostOf(c.p.world, c.p.place.host).docker,
    loaded.value.project.name,
    { service },
  ).filter((x) => x.state.status === 'running')[index - 1];
  if (!ctr)
    return failure(
      c.p.world,
      f.strings.has('index')
        ? `service "${service}" is not running container #${index}`
        : `service "${service}" is not running`,
    );
  const flags = [f.bools.has('detach') ? '-d' : f.bools.has('no-TTY') ? '-i' : '-it'];
  return dockerExec(c.p, [...flags, ctr.id, ...cmd], 'docker exec');
};

const RUN_FLAGS: readonly FlagSpec[] = [
  { long: 'rm', type: 'bool' },
  { long: 'detach', short: 'd', type: 'bool' },
  { long: 'name', type: 'string' },
  { long: 'no-TTY', short: 'T', type: 'bool' },
  { long: 'no-deps', type: 'bool' },
  { long: 'service-ports', type: 'bool' },
  { long: 'use-aliases', type: 'bool' },
  { long: 'env', short: 'e', type: 'list' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'entrypoint', type: 'string' },
];

export const composeRun: ComposeHandler = (c, args) => {
  const parsed = parseFlags(args, RUN_FLAGS, false);
  if (!parsed.ok) return flagError(c.p.world, 'docker compose run', parsed.error);
  const f = parsed.value;
  const [service, ...cmd] = f.args;
  if (service === undefined)
    return failure(c.p.world, "requires at least 1 argument\nSee 'docker compose run --help'.");
  const loaded = load(c);
  if (!loaded.ok) return loadFailed(c.p.world, loaded.error);
  const { project, warnings } = loaded.value;
  const svc = project.services.find((s) => s.name === service);
  if (!svc) return failure(c.p.world, `no such service: ${service}`, 1);
  const deps = f.bools.has('no-deps') ? [] : selected(project, [service]).filter((s) => s !== svc);
  // startDependencies: a `Creating` frame for networks and dependencies, a `Running` one to start them.
  const creating = newSession(c, 'Creating');
  const pulled = pullImages(
    creating,
    [...deps, svc].filter((s) => needsPull(creating, s)),
  );
  if (!pulled.ok)
    return finish(c, creating.world, {
      warnings,
      sessions: [creating],
      error: pulled.error,
      exitCode: 18,
    });
  const request = {
    services: [...deps, svc],
    always: false,
    noCache: false,
    buildArgs: {},
    mode: c.mode,
  };
  const b = buildServices(creating, project, toBuild(creating, project, request), request);
  if (b.error !== undefined)
    return finish(c, creating.world, {
      warnings,
      sessions: [b.stdout],
      error: b.error,
      exitCode: 17,
    });
  const made = createProject(
    creating,
    project,
    { services: [], recreate: 'diverged', scale: {} },
    deps,
  );
  if (!made.ok)
    return finish(c, creating.world, { warnings, sessions: [creating], error: made.error });
  const sessions = [...(b.stdout ? [b.stdout] : []), creating];
  let world = creating.world;
  if (deps.length) {
    const running = { ...newSession(c), world };
    sessions.push(running);
    const started = startProject(running, project, deps);
    if (!started.ok) return finish(c, running.world, { warnings, sessions, error: started.error });
    world = running.world;
  }
  const slug = c.p.ctx.rng.hex(64);
  const name = f.strings.get('name') ?? `${project.name}-${service}-run-${slug.slice(0, 12)}`;
  const image = findLocalImage(hostOf(world, c.p.place.host).docker.images, imageOf(project, svc))!;
  const tty = !f.bools.has('no-TTY') && !f.bools.has('detach');
  const oneOff = { ...svc, tty, stdinOpen: !f.bools.has('detach') };
  const session = { ...newSession(c), world };
  const created = onHost(session, (h) => {
    const id = createServiceContainer(
      h,
      project,
      oneOff,
      {
        name,
        number: 0,
        image,
        ...(cmd.length ? { command: cmd } : {}),
        serviceAliases: f.bools.has('use-aliases'),
        publish: f.bools.has('service-ports'),
        extraLabels: { [LABEL.slug]: slug },
      },
      c.p.ctx,
    );
    if (id.ok && f.bools.has('rm'))
      h.docker.containers.get(id.value)!.hostConfig = castDraft({
        ...h.docker.containers.get(id.value)!.hostConfig,
        autoRemove: true,
      });
    return id;
  });
  if (!created.ok)
    return finish(c, session.world, {
      warnings,
      sessions,
      error: `Error response from daemon: ${created.error}`,
    });
  const before = finish(c, session.world, { warnings, sessions });
  const r = startAndRun(c.p, session.world, created.value, !f.bools.has('detach'), true);
  if (!r.ok)
    return finish(c, session.world, {
      warnings,
      sessions,
      error: `Error response from daemon: ${r.error}`,
    });
  // --rm is the engine's AutoRemove: the container goes when its main process exits.
  const shown = f.bools.has('detach')
    ? output(r.world, `${name}\n`)
    : output(r.world, r.stdout, r.stderr, r.exitCode);
  return withStreams(shown, concatOutputs(before, shown));
};

export const composePull: ComposeHandler = (c, args) => {
  const parsed = parseFlags(
    args,
    [
      { long: 'quiet', short: 'q', type: 'bool' },
      { long: 'ignore-pull-failures', type: 'bool' },
    ],
    true,
  );
  if (!parsed.ok) return flagError(c.p.world, 'docker compose pull', parsed.error);
  const loaded = load(c);
  if (!loaded.ok) return loadFailed(c.p.world, loaded.error);
  const s = newSession(c, 'Pulling');
  for (const svc of selected(loaded.value.project, parsed.value.args)) {
    if (!svc.image) {
      record(s, { id: svc.name, status: 'done', text: 'Skipped - No image to be pulled' });
      continue;
    }
    if (findLocalImage(hostOf(s.world, c.p.place.host).docker.images, svc.image)) {
      // The registry answers "Image is up to date": no layer moves.
      record(s, { id: svc.name, status: 'working', text: 'Pulling' });
      record(s, { id: svc.name, status: 'done', text: 'Pulled' }, stepMs(s, 600, 1500));
      continue;
    }
    const r = pullImages(s, [svc]);
    if (!r.ok)
      return finish(c, s.world, {
        warnings: loaded.value.warnings,
        sessions: [s],
        error: r.error,
        exitCode: 18,
      });
  }
  return finish(c, s.world, { warnings: loaded.value.warnings, sessions: [s] });
};

const BUILD_FLAGS: readonly FlagSpec[] = [
  { long: 'no-cache', type: 'bool' },
  { long: 'build-arg', type: 'list' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'pull', type: 'bool' },
  { long: 'with-dependencies', type: 'bool' },
  { long: 'push', type: 'bool' },
];

/** build: every service with `build:` (or those named), in a frame titled `Building`. */
export const composeBuild: ComposeHandler = (c, args) => {
  const parsed = parseFlags(args, BUILD_FLAGS, true);
  if (!parsed.ok) return flagError(c.p.world, 'docker compose build', parsed.error);
  const f = parsed.value;
  const loaded = load(c);
  if (!loaded.ok) return loadFailed(c.p.world, loaded.error);
  const { project, warnings } = loaded.value;
  const unknown = f.args.find((a) => !project.services.some((s) => s.name === a));
  if (unknown) return failure(c.p.world, `no such service: ${unknown}`);
  const services = f.args.length
    ? f.bools.has('with-dependencies')
      ? selected(project, f.args)
      : project.services.filter((s) => f.args.includes(s.name))
    : project.services;
  const s = newSession(c, 'Building');
  const request = {
    services,
    always: true,
    noCache: f.bools.has('no-cache'),
    buildArgs: parseBuildArgs(f.lists.get('build-arg') ?? [], (a) =>
      own(processEnvironment(c.p), a),
    ),
    mode: f.bools.has('quiet') ? ('quiet' as const) : c.mode,
  };
  const b = buildServices(s, project, toBuild(s, project, request), request);
  if (b.error !== undefined)
    return finish(c, s.world, { warnings, sessions: [b.stdout], error: b.error, exitCode: 17 });
  const sessions = s.progress.events.length && request.mode !== 'quiet' ? [b.stdout, s] : [];
  return finish(c, s.world, { warnings, sessions });
};

export const composeConfig: ComposeHandler = (c, args) => {
  const parsed = parseFlags(
    args,
    [
      { long: 'quiet', short: 'q', type: 'bool' },
      { long: 'services', type: 'bool' },
      { long: 'format', type: 'string' },
    ],
    true,
  );
  if (!parsed.ok) return flagError(c.p.world, 'docker compose config', parsed.error);
  const loaded = load(c);
  if (!loaded.ok) return loadFailed(c.p.world, loaded.error);
  const { project, warnings } = loaded.value;
  const stdout = parsed.value.bools.has('quiet')
    ? ''
    : parsed.value.bools.has('services')
      ? project.services.map((s) => `${s.name}\n`).join('')
      : projectYaml(project);
  return finish(c, c.p.world, { warnings, stdout });
};
