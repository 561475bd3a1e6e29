/**
 * A container's main process (PID 1): the image's CMD/ENTRYPOINT or the command given to `docker
 * run`. Once the daemon has built the sandbox it does what it does — a shell waits on its terminal,
 * an image's own server writes its start-up lines and serves, a detached `ping` or `sleep` goes
 * on with the world clock (main-clock.ts), anything else runs to its end, and the container exits
 * with its code. Everything it writes goes to the container's log, in order (`docker logs`).
 */
import type { Container, World } from '../model';
import { serverOf } from '../net/sockets';
import { chunksOf, fromChunks, output, type Process, type ProcessResult } from '../shell/process';
import { basename, containerTools } from '../shell/spawn';
import { hostOf, updateHost } from '../world';
import { appendLog, writesOf } from './container-logs';
import { startContainer, stopContainer } from './containers';
import { launchPing, launchSleep, updateContainer } from './main-clock';
import { serviceStartup } from './service-startup';

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
  tty: boolean = c.config.tty,
): ProcessResult & { readonly startError?: string } {
  const r = p.spawn(world, { host: p.place.host, containerId: c.id }, mainCommand(c), {
    via: 'exec',
    tty,
  });
  const missing = r.exitCode === 126 ? MISSING_EXECUTABLE.exec(r.stdout) : null;
  const code = r.exitCode === 126 ? 127 : r.exitCode;
  const stopped = updateHost(r.world, p.place.host, (h) => {
    const ctr = h.docker.containers.get(c.id);
    // What PID 1 wrote stays readable with `docker logs` (nothing when it never started).
    if (ctr && !missing) appendLog(ctr, writesOf(chunksOf(r), p.ctx.now));
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

/**
 * An image's own server starting: its start-up lines go to the log with the times they take.
 * One that gives up (MySQL without a password) exits when its last line is written; attached,
 * the terminal shows what it wrote.
 */
function startService(
  p: Process,
  world: World,
  c: Container,
  service: NonNullable<ReturnType<typeof serverOf>>['service'],
  attach: boolean,
): ProcessResult {
  const s = serviceStartup(hostOf(world, p.place.host), c, service, p.ctx.now);
  const code = s.exitCode;
  const end = Math.max(p.ctx.now, ...s.writes.map((w) => w.at));
  const next = updateContainer(world, p.place.host, c.id, (ctr) => appendLog(ctr, s.writes));
  if (code === undefined) return output(next);
  const stopped = updateHost(next, p.place.host, (h) => {
    stopContainer(h, c.id, code, { now: end });
    return { ok: true, value: undefined };
  });
  const w = stopped.ok ? stopped.world : next;
  return attach ? { world: w, exitCode: code, ...fromChunks(s.writes) } : output(w);
}

/**
 * What PID 1 does once the sandbox is up, for every kind but a shell. `attach` is `docker run`
 * without -d (or `start -a`): the lab cannot hold the terminal, so a ping there runs as the lab's
 * own ping does (the learner's Ctrl+C after four echoes, which docker forwards as SIGINT) and a
 * sleep returns at once; detached, both go on with the clock.
 */
export function runMain(
  p: Process,
  world: World,
  c: Container,
  opts: { readonly attach: boolean; readonly firstStart: boolean },
): ProcessResult & { readonly startError?: string } {
  const server = serverOf(hostOf(world, p.place.host), c);
  if (server) return startService(p, world, c, server.service, opts.attach);
  const argv = mainCommand(c);
  const prog = basename(argv[0] ?? '');
  // A program the image lacks fails the start, whatever it is (runOneShot says how).
  if (!containerTools(world, { host: p.place.host, containerId: c.id })?.has(prog))
    return runOneShot(p, world, c, opts.firstStart);
  if (prog === 'ping')
    return opts.attach
      ? runOneShot(p, world, c, opts.firstStart, true)
      : output(launchPing(p, world, c, argv));
  const slept = !opts.attach && prog === 'sleep' ? launchSleep(p, world, c, argv) : undefined;
  if (slept) return output(slept);
  if (mainProcessKind(c) === 'service') return output(world);
  return runOneShot(p, world, c, opts.firstStart);
}

export type StartResult =
  | {
      readonly ok: true;
      readonly world: World;
      readonly stdout: string;
      readonly stderr: string;
      readonly exitCode: number;
    }
  | { readonly ok: false; readonly error: string };

/**
 * Starting an existing container (`docker start`, `docker restart`): a shell without a terminal
 * reads EOF and exits 0, a shell with one waits (and takes over the terminal when `docker start
 * -ai` attaches to it); anything else is `runMain`.
 */
export function startAndRun(
  p: Process,
  world: World,
  id: string,
  attach: boolean,
  interactive = false,
): StartResult {
  const done = (w: World, stdout = '', stderr = '', exitCode = 0): StartResult => ({
    ok: true,
    world: w,
    stdout,
    stderr,
    exitCode,
  });
  const before = hostOf(world, p.place.host).docker.containers.get(id);
  if (!before) return { ok: false, error: `No such container: ${id}` };
  if (before.state.status === 'running') return done(world);
  const started = updateHost(world, p.place.host, (h) => startContainer(h, id, p.ctx));
  if (!started.ok) return started;
  const c = hostOf(started.world, p.place.host).docker.containers.get(id)!;
  if (mainProcessKind(c) === 'shell') {
    if (!c.config.openStdin && !c.config.tty) {
      const stopped = updateHost(started.world, p.place.host, (h) => {
        stopContainer(h, id, 0, p.ctx);
        return { ok: true, value: undefined };
      });
      return stopped.ok ? done(stopped.world) : stopped;
    }
    if (!(attach && interactive && c.config.openStdin)) return done(started.world);
    const w = started.world;
    const frame = { containerId: id, program: c.path, main: true };
    return done({ ...w, terminal: { ...w.terminal, shells: [...w.terminal.shells, frame] } });
  }
  const r = runMain(p, started.world, c, {
    attach,
    firstStart: before.state.status === 'created',
  });
  if (r.startError) return { ok: false, error: r.startError };
  return attach ? done(r.world, r.stdout, r.stderr, r.exitCode) : done(r.world);
}
