/**
 * `docker kill`, `pause`, `unpause` and `wait` (docker/cli v27.5.1 container/{kill,pause,
 * unpause,wait}.go over moby daemon/{kill,pause,unpause}.go): each argument that succeeds is
 * echoed, the daemon's errors are joined at the end and the exit status is 1.
 */
import type { World } from '../model';
import { output, type Process, type ProcessResult } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { stopContainer } from './containers';
import { parseFlags, type FlagSpec } from './flags';
import { ownServer } from './lifecycle-cli';
import { findContainer } from './lookup';
import { exitAfterSignal, parseSignal, SIGKILL } from './signals';

type Step = { ok: true; world: World; line?: string } | { ok: false; error: string };

/** Runs `each` per argument: stdout gets the echoed names, stderr the joined errors. */
function perContainer(
  p: Process,
  args: readonly string[],
  path: string,
  flags: readonly FlagSpec[],
  each: (world: World, ref: string, f: ReadonlyMap<string, string>) => Step,
): ProcessResult {
  const parsed = parseFlags(args, flags, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { atLeast: 1 });
  if (usage) return usage;
  let world = p.world;
  let stdout = '';
  const errors: string[] = [];
  for (const ref of parsed.value.args) {
    const r = each(world, ref, parsed.value.strings);
    if (!r.ok) {
      errors.push(`Error response from daemon: ${r.error}`);
      continue;
    }
    world = r.world;
    stdout += `${r.line ?? ref}\n`;
  }
  return output(
    world,
    stdout,
    errors.length ? `${errors.join('\n')}\n` : '',
    errors.length ? 1 : 0,
  );
}

const noSuch = (ref: string): Step => ({ ok: false, error: `No such container: ${ref}` });

/** Sets or clears the freezer on a running container. */
function setPaused(p: Process, world: World, id: string, paused: boolean): Step {
  const r = updateHost(world, p.place.host, (h) => {
    const c = h.docker.containers.get(id)!;
    c.state = { ...c.state, paused };
    if (!paused) delete c.state.paused;
    return { ok: true, value: undefined };
  });
  return r.ok ? { ok: true, world: r.world } : r;
}

export const KILL_FLAGS: readonly FlagSpec[] = [{ long: 'signal', short: 's', type: 'string' }];

export const dockerKill: DockerHandler = (p, args, path) =>
  perContainer(p, args, path, KILL_FLAGS, (world, ref, f) => {
    const raw = f.get('signal') ?? '';
    const signal = raw === '' ? { ok: true as const, value: SIGKILL } : parseSignal(raw);
    // The API route wraps every failure as `cannot kill container: NAME: …`.
    const wrap = (error: string): Step => ({
      ok: false,
      error: `cannot kill container: ${ref}: ${error}`,
    });
    if (!signal.ok) return wrap(signal.error);
    const c = findContainer(hostOf(world, p.place.host).docker, ref);
    if (!c) return wrap(`No such container: ${ref}`);
    if (c.state.status !== 'running') return wrap(`container ${c.id} is not running`);
    const own = ownServer(world, c);
    const code = exitAfterSignal(signal.value, own !== undefined, own?.stopExitCode ?? 137);
    if (code === null) return { ok: true, world };
    const r = updateHost(world, p.place.host, (h) => {
      stopContainer(h, c.id, code, p.ctx);
      return { ok: true, value: undefined };
    });
    return r.ok ? { ok: true, world: r.world } : r;
  });

export const dockerPause: DockerHandler = (p, args, path) =>
  perContainer(p, args, path, [], (world, ref) => {
    const c = findContainer(hostOf(world, p.place.host).docker, ref);
    if (!c) return noSuch(ref);
    if (c.state.status !== 'running')
      return { ok: false, error: `container ${c.id} is not running` };
    if (c.state.paused) return { ok: false, error: `Container ${c.id} is already paused` };
    return setPaused(p, world, c.id, true);
  });

export const dockerUnpause: DockerHandler = (p, args, path) =>
  perContainer(p, args, path, [], (world, ref) => {
    const c = findContainer(hostOf(world, p.place.host).docker, ref);
    if (!c) return noSuch(ref);
    if (!c.state.paused) return { ok: false, error: `Container ${c.id} is not paused` };
    return setPaused(p, world, c.id, false);
  });

/**
 * `docker wait` prints the exit code of a container that is not running. A running one would
 * block the terminal until something stops it, which nothing in the lab does on its own.
 */
export const dockerWait: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, [], true);
  const running = parsed.ok
    ? parsed.value.args.find(
        (ref) =>
          findContainer(hostOf(p.world, p.place.host).docker, ref)?.state.status === 'running',
      )
    : undefined;
  if (running !== undefined)
    return output(
      p.world,
      '',
      `lab: docker wait would block until ${running} stops; the lab does not simulate waiting, stop or kill it first\n`,
      1,
    );
  return perContainer(p, args, path, [], (world, ref) => {
    const c = findContainer(hostOf(world, p.place.host).docker, ref);
    return c ? { ok: true, world, line: String(c.state.exitCode) } : noSuch(ref);
  });
};
