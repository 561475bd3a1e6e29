/** How a program runs in the simulation: a pure function from a process to a new world and output. */
import type { World } from '../model';
import type { Trace } from '../packet/trace';
import type { Rng } from '../rng';

export interface Output {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Per-line determinism: the generator and the clock every program of that line shares. */
export interface Ctx {
  readonly rng: Rng;
  /** Simulated wall clock, ms since the epoch. */
  readonly now: number;
}

/** Where a process runs: a host's root namespace, or inside a container. */
export interface Place {
  readonly host: string;
  readonly containerId?: string;
  /** A host process moved into another network namespace (`ip netns exec NAME …`). */
  readonly netns?: string;
  /** The LAN client beside the host's eth0 (`ssh 10.0.2.20`): a separate machine, not the host. */
  readonly lanClient?: true;
}

export interface Process {
  readonly world: World;
  readonly place: Place;
  readonly argv: readonly string[];
  readonly stdin: string;
  /** Attached to a terminal (`docker exec -it`, the lab's own prompt). */
  readonly tty: boolean;
  readonly ctx: Ctx;
  /** Starts another program (`docker exec X ip addr`, `docker run --rm busybox ping …`). */
  readonly spawn: Spawn;
}

export interface ProcessResult extends Output {
  readonly world: World;
  /** The journey of the packets a network tool sent (ping), for the UI to animate. */
  readonly trace?: Trace;
}

export type Spawn = (
  world: World,
  place: Place,
  argv: readonly string[],
  opts: { readonly stdin?: string; readonly tty?: boolean; readonly via: 'exec' | 'shell' },
) => ProcessResult;

export type Program = (p: Process) => ProcessResult;

export const output = (world: World, stdout = '', stderr = '', exitCode = 0): ProcessResult => ({
  world,
  stdout,
  stderr,
  exitCode,
});

export const failure = (world: World, stderr: string, exitCode = 1): ProcessResult =>
  output(world, '', stderr.endsWith('\n') ? stderr : `${stderr}\n`, exitCode);
