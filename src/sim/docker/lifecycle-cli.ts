/**
 * `docker start`, `stop`, `restart` and `rm`. Each argument that succeeds is echoed exactly as
 * typed; stop/restart/rm collect their errors and print them at the end, start prints each at
 * once and then `Error: failed to start containers: …` (docker/cli v27 container/*.go).
 */
import type { Container, Image, World } from '../model';
import { output, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { removeContainer, stopContainer } from './containers';
import { parseFlags, type FlagSpec } from './flags';
import { findContainer } from './lookup';
import { startAndRun } from './main-process';

const KILLED = 137;

function parseTimeout(raw: string | undefined): number | null | 'bad' {
  if (raw === undefined) return null;
  return /^-?\d+$/.test(raw) ? Number(raw) : 'bad';
}

/**
 * What the main process exits with when `docker stop` ends it: the image's own command handles
 * the stop signal as the image does (nginx quits on SIGQUIT → 0, the JVM on SIGTERM → 143); any
 * other PID 1 (a shell, `sleep`) ignores SIGTERM and is SIGKILLed after the timeout → 137.
 */
export function stopExitCode(world: World, c: Container, signal?: string, time?: number): number {
  if (signal !== undefined && /^(SIG)?KILL$|^9$/i.test(signal)) return KILLED;
  if (time === 0) return KILLED;
  return ownServer(world, c)?.stopExitCode ?? KILLED;
}

/** The container's image when its main process is the image's own command (which handles signals). */
export function ownServer(world: World, c: Container): Image | undefined {
  const image = hostOf(world).docker.images.get(c.imageId);
  if (!image) return undefined;
  const own = [...(image.entrypoint ?? []), ...image.cmd].join('\0');
  return own === [c.path, ...c.args].join('\0') ? image : undefined;
}

interface StopOptions {
  readonly signal?: string;
  readonly time?: number;
}

export const STOP_FLAGS: readonly FlagSpec[] = [
  { long: 'time', short: 't', type: 'string' },
  { long: 'signal', short: 's', type: 'string' },
];

function parseStop(
  p: Process,
  args: readonly string[],
  path: string,
): ProcessResult | { opts: StopOptions; refs: readonly string[] } {
  const parsed = parseFlags(args, STOP_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { atLeast: 1 });
  if (usage) return usage;
  const time = parseTimeout(parsed.value.strings.get('time'));
  if (time === 'bad') {
    const raw = parsed.value.strings.get('time') ?? '';
    return flagError(
      p.world,
      path,
      `invalid argument "${raw}" for "-t, --time" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
    );
  }
  const signal = parsed.value.strings.get('signal');
  return {
    opts: { ...(signal !== undefined ? { signal } : {}), ...(time !== null ? { time } : {}) },
    refs: parsed.value.args,
  };
}

/** Stops one container; stopping a stopped one is not an error (the daemon answers 304). */
function stopOne(p: Process, world: World, ref: string, opts: StopOptions) {
  const c = findContainer(hostOf(world, p.place.host).docker, ref);
  if (!c) return { ok: false as const, error: `No such container: ${ref}` };
  const code = stopExitCode(world, c, opts.signal, opts.time);
  return updateHost(world, p.place.host, (h) => {
    stopContainer(h, c.id, code, p.ctx);
    return { ok: true, value: c };
  });
}

/** Echo successes in argument order; errors joined at the end, exit 1 if any (errors.Join). */
function collect(
  p: Process,
  refs: readonly string[],
  each: (world: World, ref: string) => { ok: true; world: World } | { ok: false; error: string },
): ProcessResult {
  let world = p.world;
  let stdout = '';
  const errors: string[] = [];
  for (const ref of refs) {
    const r = each(world, ref);
    if (!r.ok) {
      errors.push(`Error response from daemon: ${r.error}`);
      continue;
    }
    world = r.world;
    stdout += `${ref}\n`;
  }
  const stderr = errors.length ? `${errors.join('\n')}\n` : '';
  return output(world, stdout, stderr, errors.length ? 1 : 0);
}

export const dockerStop: DockerHandler = (p, args, path) => {
  const parsed = parseStop(p, args, path);
  if (!('opts' in parsed)) return parsed;
  return collect(p, parsed.refs, (world, ref) => stopOne(p, world, ref, parsed.opts));
};

/** Restart = stop (if running) then start; it does not count as a restart in RestartCount. */
export const dockerRestart: DockerHandler = (p, args, path) => {
  const parsed = parseStop(p, args, path);
  if (!('opts' in parsed)) return parsed;
  return collect(p, parsed.refs, (world, ref) => {
    const stopped = stopOne(p, world, ref, parsed.opts);
    if (!stopped.ok) return stopped;
    const r = startAndRun(p, stopped.world, stopped.value.id, false);
    return r.ok ? { ok: true, world: r.world } : r;
  });
};

export const START_FLAGS: readonly FlagSpec[] = [
  { long: 'attach', short: 'a', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'detach-keys', type: 'string' },
];

export const dockerStart: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, START_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const refs = parsed.value.args;
  const usage = checkArgs(p.world, path, refs, { atLeast: 1 });
  if (usage) return usage;
  const attach = parsed.value.bools.has('attach') || parsed.value.bools.has('interactive');
  if (attach && refs.length > 1)
    return output(p.world, '', 'you cannot start and attach multiple containers at once\n', 1);
  let world = p.world;
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const failed: string[] = [];
  for (const ref of refs) {
    const c = findContainer(hostOf(world, p.place.host).docker, ref);
    // moby checks the freezer first: a paused container is also a running one.
    const r = !c
      ? ({ ok: false, error: `No such container: ${ref}` } as const)
      : c.state.paused
        ? ({ ok: false, error: 'cannot start a paused container, try unpause instead' } as const)
        : startAndRun(p, world, c.id, attach, parsed.value.bools.has('interactive'));
    if (!r.ok) {
      stderr += `Error response from daemon: ${r.error}\n`;
      failed.push(ref);
      continue;
    }
    world = r.world;
    // An attached start shows the container's output instead of its name.
    if (attach) {
      stdout += r.stdout;
      stderr += r.stderr;
      exitCode = r.exitCode;
    } else stdout += `${ref}\n`;
  }
  if (failed.length) {
    stderr += `Error: failed to start containers: ${failed.join(', ')}\n`;
    exitCode = 1;
  }
  return output(world, stdout, stderr, exitCode);
};

export const RM_FLAGS: readonly FlagSpec[] = [
  { long: 'force', short: 'f', type: 'bool' },
  { long: 'volumes', short: 'v', type: 'bool' },
  { long: 'link', short: 'l', type: 'bool' },
];

/** `docker rm -l /web/db`: forget the link named `/parent/alias` (daemon rmLink). */
function removeLink(p: Process, world: World, ref: string) {
  const name = ref.startsWith('/') ? ref : `/${ref}`;
  const slash = name.lastIndexOf('/');
  if (slash === 0)
    return {
      ok: false as const,
      error: 'Conflict, cannot remove the default link name of the container',
    };
  const parentName = name.slice(1, slash);
  const alias = name.slice(slash + 1);
  const d = hostOf(world, p.place.host).docker;
  const parent = findContainer(d, parentName);
  const index =
    parent?.hostConfig.links.findIndex((l) => l.endsWith(`:/${parent.name}/${alias}`)) ?? -1;
  if (!parent || index < 0) return { ok: false as const, error: `No such container: ${ref}` };
  return updateHost(world, p.place.host, (h) => {
    h.docker.containers.get(parent.id)!.hostConfig.links.splice(index, 1);
    return { ok: true, value: undefined };
  });
}

export const dockerRm: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, RM_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const refs = parsed.value.args;
  const usage = checkArgs(p.world, path, refs, { atLeast: 1 });
  if (usage) return usage;
  const force = parsed.value.bools.has('force');
  let world = p.world;
  let stdout = '';
  let stderr = '';
  const errors: string[] = [];
  for (const typed of refs) {
    const ref = typed.replace(/^\/+|\/+$/g, '');
    let r: { ok: true; world: World } | { ok: false; error: string };
    if (!ref) r = { ok: false, error: 'Container name cannot be empty' };
    else if (parsed.value.bools.has('link')) r = removeLink(p, world, typed);
    else {
      const c = findContainer(hostOf(world, p.place.host).docker, ref);
      r = c
        ? updateHost(world, p.place.host, (h) =>
            removeContainer(h, c.id, force, p.ctx, parsed.value.bools.has('volumes')),
          )
        : { ok: false, error: `No such container: ${ref}` };
    }
    if (!r.ok) {
      const message = r.error.startsWith('Container name')
        ? r.error
        : `Error response from daemon: ${r.error}`;
      // -f treats a missing container as already gone: reported, but not a failure.
      if (force && r.error.startsWith('No such container')) stderr += `${message}\n`;
      else errors.push(message);
      continue;
    }
    world = r.world;
    stdout += `${typed}\n`;
  }
  if (errors.length) stderr += `${errors.join('\n')}\n`;
  return output(world, stdout, stderr, errors.length ? 1 : 0);
};
