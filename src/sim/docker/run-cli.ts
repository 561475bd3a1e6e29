/**
 * `docker create` and `docker run`. Run = create, then start, then whatever the main process does:
 * a shell with `-it` takes over the terminal, a one-off command prints its output and exits, a
 * service keeps running.
 */
import type { Container, World } from '../model';
import type { Trace } from '../packet/trace';
import {
  concatOutputs,
  failure,
  output,
  withStreams,
  written,
  type Process,
  type ProcessResult,
} from '../shell/process';
import { hostOf, updateHost } from '../world';
import { cwdOf, resolvePath } from '../linux/file-tree';
import type { DockerHandler } from './cli';
import { checkArgs, flagError, runError } from './cli-errors';
import { checkSettings, createContainer, networkModeOf } from './create';
import { startContainer, stopContainer } from './containers';
import { mainProcessKind, runMain } from './main-process';
import { fetchImage } from './registry-pull';
import { referenceProblem } from './reference';
import { parseRunArgs, type RunOptions } from './run-options';

type Created =
  | {
      world: World;
      container: Container;
      options: RunOptions;
      stderr: string;
      /** The way to the registry a pull took, if it went to one the lab runs. */
      trace?: Trace;
    }
  | ProcessResult;

/** docker-cli 23+ turns a `./dir:` or `.:` bind source into an absolute path from the shell's cwd. */
function withAbsoluteBinds(p: Process, o: RunOptions): RunOptions {
  if (!o.volumes?.some((v) => v.startsWith('./') || v.startsWith('.:'))) return o;
  const cwd = cwdOf(p.world, p.place);
  const volumes = o.volumes.map((v) => {
    const colon = v.indexOf(':');
    const source = v.slice(0, colon);
    return colon > 0 && (source === '.' || source.startsWith('./'))
      ? `${resolvePath(cwd, source)}${v.slice(colon)}`
      : v;
  });
  return { ...o, volumes };
}

function create(p: Process, args: readonly string[], path: string): Created {
  const parsed = parseRunArgs(args);
  if (parsed.kind === 'flag-error') return flagError(p.world, path, parsed.error);
  if (parsed.kind === 'usage') return checkArgs(p.world, path, [], { atLeast: 1 })!;
  if (parsed.kind === 'run-error') return runError(p.world, path, parsed.error);
  const o: RunOptions = withAbsoluteBinds(p, parsed.options);
  // docker-cli parses the reference before it asks the daemon for anything.
  const badRef = referenceProblem(o.image);
  if (badRef !== undefined) return runError(p.world, path, badRef);
  const mode = networkModeOf(o.network);
  const settings = checkSettings(o, mode);
  if (!settings.ok) return runError(p.world, path, `Error response from daemon: ${settings.error}`);
  // The daemon's warnings come back with the create response, so after the pull (§13).
  let warnings = '';
  if (mode.kind === 'host' && (o.publish.length || o.publishAll))
    warnings += 'WARNING: Published ports are discarded when using host network mode\n';
  const pulled = fetchImage(p.world, p.place.host, o.image, p.ctx);
  const progress = pulled.progress;
  const trace = pulled.trace ? { trace: pulled.trace } : {};
  if (!pulled.ok) {
    const failed = runError(pulled.world, path, `Error response from daemon: ${pulled.error}`);
    return { ...failed, stderr: progress + failed.stderr, ...trace };
  }
  const r = updateHost(pulled.world, p.place.host, (h) =>
    createContainer(h, o, pulled.image, p.ctx),
  );
  if (!r.ok) {
    const failed = runError(pulled.world, path, `Error response from daemon: ${r.error}`);
    return { ...failed, stderr: progress + failed.stderr, ...trace };
  }
  return { world: r.world, container: r.value, options: o, stderr: progress + warnings, ...trace };
}

export const dockerCreate: DockerHandler = (p, args, path) => {
  const c = create(p, args, path);
  if (!('container' in c)) return c;
  return {
    world: c.world,
    exitCode: 0,
    ...written(['stderr', c.stderr], ['stdout', `${c.container.id}\n`]),
    ...(c.trace ? { trace: c.trace } : {}),
  };
};

export const dockerRun: DockerHandler = (p, args, path) => {
  const created = create(p, args, path);
  if (!('container' in created)) return created;
  const r = run(p, created, path);
  // A pull's way to the registry shows unless the container's own traffic has a trace.
  return created.trace && !r.trace ? { ...r, trace: created.trace } : r;
};

function run(p: Process, created: Exclude<Created, ProcessResult>, path: string): ProcessResult {
  const { container: c, stderr } = created;
  const detached = created.options.detach;
  const idLine = detached ? `${c.id}\n` : '';
  const started = updateHost(created.world, p.place.host, (h) => startContainer(h, c.id, p.ctx));
  if (!started.ok) {
    const failed = runError(created.world, path, `Error response from daemon: ${started.error}`);
    return afterPull(failed, stderr, idLine);
  }
  let world = started.world;
  const running = hostOf(world, p.place.host).docker.containers.get(c.id)!;
  const kind = mainProcessKind(running);
  if (kind === 'shell') {
    if (!c.config.openStdin && !c.config.tty) return finish(p, world, c, 0, idLine, stderr);
    if (!detached && c.config.openStdin && c.config.tty) {
      world = {
        ...world,
        terminal: {
          ...world.terminal,
          shells: [...world.terminal.shells, { containerId: c.id, program: c.path, main: true }],
        },
      };
    }
    return afterPull(output(world), stderr, idLine);
  }
  const r = runMain(p, world, running, { attach: !detached, firstStart: true });
  if (r.startError) {
    const failed = runError(r.world, path, `Error response from daemon: ${r.startError}`, 127);
    return afterPull(failed, stderr, idLine);
  }
  return detached ? afterPull(output(r.world), stderr, idLine) : afterPull(r, stderr, '');
}

/**
 * What the terminal shows of a run: the pull and the daemon's warnings, then (with -d) the ID the
 * CLI prints once the container is created, then whatever the start or the main process wrote.
 */
const afterPull = (r: ProcessResult, pulled: string, idLine: string): ProcessResult =>
  withStreams(r, concatOutputs(written(['stderr', pulled], ['stdout', idLine]), r));

/** A main process that ends at once (sh with no input): the container exits with `code`. */
function finish(
  p: Process,
  world: World,
  c: Container,
  code: number,
  stdout: string,
  stderr: string,
): ProcessResult {
  const r = updateHost(world, p.place.host, (h) => {
    stopContainer(h, c.id, code, p.ctx);
    return { ok: true, value: undefined };
  });
  return r.ok ? afterPull(output(r.world, '', '', code), stderr, stdout) : failure(world, r.error);
}
