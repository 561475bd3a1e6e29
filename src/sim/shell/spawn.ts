/**
 * Starting a program somewhere: on the host, or inside a container, where only the image's
 * tools (plus what was installed since) exist. A missing program fails the way the caller would
 * see it: the shell's `command not found`, or runc's error through `docker exec`.
 */
import { own } from '../own';
import type { World } from '../model';
import { hostOf } from '../world';
import { missingPartOf } from '../parts';
import type { Ctx, Place, Program, ProcessResult, Spawn, SpawnOptions } from './process';
import { BUILTINS, PROGRAMS } from './programs';
import { LAN_CLIENT_PROGRAMS, LAN_CLIENT_TOOLS } from '../linux/ssh';

export function currentPlace(world: World): Place {
  const top = world.terminal.shells.at(-1);
  if (top?.lanClient) return { host: world.terminal.host, lanClient: true };
  if (!top) return { host: world.terminal.host, cwd: world.terminal.vars.PWD ?? '/root' };
  const place = { host: world.terminal.host, containerId: top.containerId };
  return top.cwd ? { ...place, cwd: top.cwd } : place;
}

/** The name of the shell a line runs in, for its error messages (`bash`, or busybox `sh`). */
export function shellOf(world: World): string {
  const top = world.terminal.shells.at(-1);
  if (!top) return 'bash';
  return top.program.endsWith('bash') ? 'bash' : 'sh';
}

/** Programs on the PATH of a container: its image's, plus packages installed into it. */
export function containerTools(world: World, place: Place): ReadonlySet<string> | null {
  if (place.lanClient) return LAN_CLIENT_TOOLS;
  if (!place.containerId) return null;
  const h = hostOf(world, place.host);
  const c = h.docker.containers.get(place.containerId);
  if (!c) return new Set();
  const image = h.docker.images.get(c.imageId);
  return new Set([...(image?.tools ?? []), ...c.installed]);
}

/** `/bin/sh` -> `sh`: the program name a path runs. */
export const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** What the terminal's shell says for a name it finds nowhere (bash, or busybox sh). */
export function commandNotFound(world: World, name: string): ProcessResult {
  const stderr =
    shellOf(world) === 'bash' ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`;
  return { world, stdout: '', stderr, exitCode: 127 };
}

/** The program `prog` names at `place`: a builtin of the shell, or a program on its PATH. */
function programAt(
  world: World,
  place: Place,
  prog: string,
  via: 'exec' | 'shell',
): Program | undefined {
  const builtin = via === 'shell' ? own(BUILTINS, prog) : undefined;
  if (builtin) return builtin;
  const tools = containerTools(world, place);
  if (tools !== null && !tools.has(prog)) return undefined;
  return (place.lanClient ? own(LAN_CLIENT_PROGRAMS, prog) : undefined) ?? own(PROGRAMS, prog);
}

/** Every command a shell at `place` can run: its builtins and the programs on its PATH. */
export function commandsAt(world: World, place: Place): string[] {
  const names = new Set([
    ...Object.keys(BUILTINS),
    ...(place.lanClient ? Object.keys(LAN_CLIENT_PROGRAMS) : []),
    ...Object.keys(PROGRAMS),
  ]);
  return [...names].filter((name) => programAt(world, place, name, 'shell'));
}

export function spawnWith(ctx: Ctx): Spawn {
  return (world, place, argv, opts) => spawn(world, place, argv, opts, ctx);
}

export function spawn(
  world: World,
  place: Place,
  argv: readonly string[],
  opts: SpawnOptions,
  ctx: Ctx,
): ProcessResult {
  const name = argv[0] ?? '';
  const prog = basename(name);
  const program = programAt(world, place, prog, opts.via);
  if (!program) {
    if (opts.via === 'exec')
      return {
        world,
        stdout: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`,
        stderr: '',
        exitCode: 126,
      };
    return commandNotFound(world, name);
  }
  try {
    return program({
      world,
      place,
      argv,
      stdin: opts.stdin ?? '',
      tty: opts.tty ?? false,
      ctx,
      spawn: spawnWith(ctx),
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.stdoutToFile ? { stdoutToFile: true as const } : {}),
    });
  } catch (e) {
    // A part still downloading is not a bug: the line runs again once it is in (sim/parts.ts).
    if (missingPartOf(e)) throw e;
    // A bug must never take the lab down: report it and keep the previous world.
    return { world, stdout: '', stderr: `internal error in ${prog}: ${String(e)}\n`, exitCode: 1 };
  }
}
