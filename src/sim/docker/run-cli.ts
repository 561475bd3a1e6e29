/**
 * `docker create` and `docker run`. Run = create, then start, then whatever the main process does:
 * a shell with `-it` takes over the terminal, a one-off command prints its output and exits, a
 * service keeps running.
 */
import type { Container, World } from '../model';
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
import type { DockerHandler } from './cli';
import { checkArgs, flagError, runError } from './cli-errors';
import { checkSettings, createContainer, networkModeOf } from './create';
import { startContainer, stopContainer } from './containers';
import { ensureImage } from './pull';
import { parseRunArgs, type RunOptions } from './run-options';

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh']);
const LONG_RUNNING = new Set([
  'nginx',
  'catalina.sh',
  'redis-server',
  'mysqld',
  'docker-entrypoint.sh',
  'apache2-foreground',
  'httpd-foreground',
  'java',
  'top',
  'sleep',
  'tail',
]);

export type MainProcess = 'shell' | 'service' | 'oneshot';

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The command PID 1 ends up running. Official images' entrypoint scripts set things up and then
 * `exec "$@"`, so `docker run nginx curl …` runs curl.
 */
export function mainCommand(c: Container): readonly string[] {
  const argv = [c.path, ...c.args];
  return basename(c.path) === 'docker-entrypoint.sh' && c.args.length ? c.args : argv;
}

/** What the container's PID 1 will do: wait on its terminal, serve forever, or run and exit. */
export function mainProcessKind(c: Container): MainProcess {
  const [path = '', ...args] = mainCommand(c);
  const prog = basename(path);
  if (SHELLS.has(prog) && args.length === 0) return 'shell';
  if (prog === 'ping' && !args.includes('-c')) return 'service';
  if (prog === 'nc' && args.some((a) => /^-[a-z]*l/.test(a))) return 'service';
  return LONG_RUNNING.has(prog) ? 'service' : 'oneshot';
}

type Created =
  { world: World; container: Container; options: RunOptions; stderr: string } | ProcessResult;

function create(p: Process, args: readonly string[], path: string): Created {
  const parsed = parseRunArgs(args);
  if (parsed.kind === 'flag-error') return flagError(p.world, path, parsed.error);
  if (parsed.kind === 'usage') return checkArgs(p.world, path, [], { atLeast: 1 })!;
  if (parsed.kind === 'run-error') return runError(p.world, path, parsed.error);
  const o: RunOptions = parsed.options;
  const mode = networkModeOf(o.network);
  const settings = checkSettings(o, mode);
  if (!settings.ok) return runError(p.world, path, `Error response from daemon: ${settings.error}`);
  // The daemon's warnings come back with the create response, so after the pull (§13).
  let warnings = '';
  if (mode.kind === 'host' && (o.publish.length || o.publishAll))
    warnings += 'WARNING: Published ports are discarded when using host network mode\n';
  let progress = '';
  const r = updateHost(p.world, p.place.host, (h) => {
    const pulled = ensureImage(h, o.image, p.ctx);
    progress = pulled.progress;
    if (!pulled.ok) return { ok: false, error: pulled.error };
    return createContainer(h, o, pulled.image, p.ctx);
  });
  if (!r.ok) {
    const failed = runError(p.world, path, `Error response from daemon: ${r.error}`);
    return { ...failed, stderr: progress + failed.stderr };
  }
  return { world: r.world, container: r.value, options: o, stderr: progress + warnings };
}

export const dockerCreate: DockerHandler = (p, args, path) => {
  const c = create(p, args, path);
  if (!('container' in c)) return c;
  return {
    world: c.world,
    exitCode: 0,
    ...written(['stderr', c.stderr], ['stdout', `${c.container.id}\n`]),
  };
};

/** Runs the container's own command inside it and stops the container with its exit code. */
const MISSING_EXECUTABLE = /^OCI runtime exec failed: exec failed: (.*)\n$/;

/**
 * Runs the container's own command inside it and stops the container with its exit code. A
 * program that is not there fails the start itself (`startError`, runc's task-creation text): the
 * container is left Created with exit code 127, or removed under --rm (moby containerStart).
 */
export function runOneShot(
  p: Process,
  world: World,
  c: Container,
  firstStart: boolean,
): ProcessResult & { readonly startError?: string } {
  const r = p.spawn(world, { host: p.place.host, containerId: c.id }, mainCommand(c), {
    via: 'exec',
    tty: c.config.tty,
  });
  const missing = r.exitCode === 126 ? MISSING_EXECUTABLE.exec(r.stdout) : null;
  const code = r.exitCode === 126 ? 127 : r.exitCode;
  const stopped = updateHost(r.world, p.place.host, (h) => {
    // What PID 1 printed stays readable with `docker logs` (none when it never started).
    const ctr = h.docker.containers.get(c.id)!;
    if (ctr && r.exitCode !== 126)
      ctr.logs = {
        stdout: (ctr.logs?.stdout ?? '') + r.stdout,
        stderr: (ctr.logs?.stderr ?? '') + r.stderr,
      };
    stopContainer(h, c.id, code, p.ctx);
    const left = h.docker.containers.get(c.id);
    if (missing && left && firstStart)
      left.state = { ...left.state, status: 'created', startedAt: null, finishedAt: null };
    return { ok: true, value: undefined };
  });
  const after = stopped.ok ? stopped.world : r.world;
  if (missing)
    return {
      world: after,
      stdout: '',
      stderr: '',
      exitCode: 127,
      startError: `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: ${missing[1]}`,
    };
  return { ...r, world: after, exitCode: code };
}

export const dockerRun: DockerHandler = (p, args, path) => {
  const created = create(p, args, path);
  if (!('container' in created)) return created;
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
  if (kind === 'oneshot') {
    const r = runOneShot(p, world, running, true);
    if (r.startError) {
      const failed = runError(r.world, path, `Error response from daemon: ${r.startError}`, 127);
      return afterPull(failed, stderr, idLine);
    }
    if (detached) return afterPull(output(r.world), stderr, idLine);
    return afterPull(r, stderr, '');
  }
  return afterPull(output(world), stderr, idLine);
};

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
