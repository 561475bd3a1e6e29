/** How a program runs in the simulation: a pure function from a process to a new world and output. */
import type { World } from '../model';
import type { Trace } from '../packet/trace';
import type { Rng } from '../rng';

export interface Output {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /**
   * The two streams as the program wrote them, interleaved, when the order is not simply "stdout,
   * then stderr" (`docker run -d`: the pull on stderr, then the ID on stdout). Optional: a result
   * without it is shown stdout first. Trusted only while it agrees with `stdout` and `stderr`, so
   * code that edits those without knowing about chunks still shows what it wrote.
   */
  readonly chunks?: readonly Chunk[];
}

/** What a program wrote, without its exit status. */
export type Streams = Pick<Output, 'stdout' | 'stderr' | 'chunks'>;

/** One write to a stream, in the order a terminal receives it. */
export interface Chunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

const streamOf = (chunks: readonly Chunk[], stream: Chunk['stream']) =>
  chunks
    .filter((c) => c.stream === stream)
    .map((c) => c.text)
    .join('');

/** The writes of `o` in terminal order: its chunks when they agree with its streams, else stdout then stderr. */
export function chunksOf(o: Streams): readonly Chunk[] {
  const { chunks } = o;
  if (chunks && streamOf(chunks, 'stdout') === o.stdout && streamOf(chunks, 'stderr') === o.stderr)
    return chunks.filter((c) => c.text !== '');
  const out: Chunk[] = [];
  if (o.stdout) out.push({ stream: 'stdout', text: o.stdout });
  if (o.stderr) out.push({ stream: 'stderr', text: o.stderr });
  return out;
}

/** What a terminal shows for `o`: both streams, interleaved as they were written. */
export const terminalText = (o: Streams): string =>
  chunksOf(o)
    .map((c) => c.text)
    .join('');

/** Streams (and `chunks`) from ordered writes; `chunks` is left out when it adds nothing. */
export function fromChunks(chunks: readonly Chunk[]): Pick<Output, 'stdout' | 'stderr' | 'chunks'> {
  const kept = chunks.filter((c) => c.text !== '');
  const stdout = streamOf(kept, 'stdout');
  const stderr = streamOf(kept, 'stderr');
  const plain = kept.findIndex((c) => c.stream === 'stderr');
  const ordered = plain === -1 || kept.slice(plain).every((c) => c.stream === 'stderr');
  return ordered ? { stdout, stderr } : { stdout, stderr, chunks: kept };
}

/** Writes on stdout and stderr, in order: `written(['stderr', pull], ['stdout', id])`. */
export const written = (...parts: readonly (readonly [Chunk['stream'], string])[]): Streams =>
  fromChunks(parts.map(([stream, text]) => ({ stream, text })));

/** `a`'s writes followed by `b`'s (`a; b`, `a && b`), as one output's streams. */
export const concatOutputs = (...outputs: readonly Streams[]) =>
  fromChunks(outputs.flatMap(chunksOf));

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
  /** The working directory relative paths start from; absent: the shell's home or the image's WORKDIR. */
  readonly cwd?: string;
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
  /** Variables assigned for this command only (`DOCKER_BUILDKIT=0 docker build .`). */
  readonly env?: Readonly<Record<string, string>>;
  /** stdout goes to a file (`> f`), not the terminal: `docker export` writes its tar then. */
  readonly stdoutToFile?: true;
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
  opts: SpawnOptions,
) => ProcessResult;

export interface SpawnOptions {
  readonly stdin?: string;
  readonly tty?: boolean;
  readonly via: 'exec' | 'shell';
  readonly env?: Readonly<Record<string, string>>;
  readonly stdoutToFile?: true;
}

export type Program = (p: Process) => ProcessResult;

/** A result with stdout written before stderr (the usual case); `written` for any other order. */
export const output = (world: World, stdout = '', stderr = '', exitCode = 0): ProcessResult => ({
  world,
  stdout,
  stderr,
  exitCode,
});

export const failure = (world: World, stderr: string, exitCode = 1): ProcessResult =>
  output(world, '', stderr.endsWith('\n') ? stderr : `${stderr}\n`, exitCode);

/** `r` with its streams (and their order) replaced by `streams`. */
export function withStreams<R extends Output>(r: R, streams: Streams): R {
  const next = { ...r, ...streams };
  if (!streams.chunks) delete (next as { chunks?: unknown }).chunks;
  return next;
}
