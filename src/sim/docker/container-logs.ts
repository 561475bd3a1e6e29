/**
 * A container's log as the json-file driver keeps it: every line its main process writes to
 * stdout or stderr, in order, each with its stream and time (moby daemon/logger/jsonfilelog).
 * `docker logs` reads the lines written by now, takes the tail, then filters by --since/--until
 * (loggerutils tailFiles, then the decoder loop) and replays each line to its own stream.
 */
import type { Draft } from 'immer';
import type { Container, LogEntry } from '../model';
import { rfc3339NanoFixed } from '../format/log-times';
import { fromChunks, type Chunk, type Streams } from '../shell/process';

/** One write of the main process: text on a stream at a time (ms since the epoch). */
export interface LogWrite {
  readonly stream: Chunk['stream'];
  readonly text: string;
  readonly at: number;
}

/** An instant to nanosecond precision, as --since and --until give it. */
export interface Instant {
  readonly ms: number;
  readonly nanos: number;
}

const before = (a: Instant, b: Instant) => a.ms < b.ms || (a.ms === b.ms && a.nanos < b.nanos);
const instantOf = (e: LogEntry): Instant => ({ ms: e.time, nanos: e.nanos });

/**
 * The stamp of the next line: its write time, never before the previous line's, with the
 * sub-millisecond part varied (deterministically) as a real clock's would be.
 */
function stamp(prev: LogEntry | undefined, at: number, seq: number): Instant {
  const spread = (Math.imul(seq + 1, 0x9e3779b1) >>> 0) % 50_000;
  if (!prev || at > prev.time) return { ms: at, nanos: 100_000 + spread * 7 };
  const nanos = prev.nanos + 9_000 + spread;
  return nanos < 1_000_000
    ? { ms: prev.time, nanos }
    : { ms: prev.time + 1, nanos: nanos - 1_000_000 };
}

/** Appends `writes` to the log of `c`, one entry per line (a last line may lack its newline). */
export function appendLog(c: Draft<Container>, writes: readonly LogWrite[]): void {
  const log: LogEntry[] = [...(c.logs ?? [])];
  for (const w of writes)
    for (const text of w.text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
      const t = stamp(log.at(-1), w.at, log.length);
      log.push({ stream: w.stream, text, time: t.ms, nanos: t.nanos });
    }
  c.logs = log;
}

/** The writes of a process's output, in the order it made them, all at `at`. */
export const writesOf = (chunks: readonly Chunk[], at: number): LogWrite[] =>
  chunks.map((c) => ({ stream: c.stream, text: c.text, at }));

/**
 * What a process that dies at `at` never wrote: lines a start-up banner had scheduled later.
 * Returns the same array when nothing is dropped.
 */
export function logsUntil(logs: readonly LogEntry[], at: number): readonly LogEntry[] {
  const last = logs.at(-1);
  return last && last.time > at ? logs.filter((e) => e.time <= at) : logs;
}

export interface LogQuery {
  /** The world clock: lines scheduled after it are not written yet. */
  readonly now: number;
  /** Last N lines; negative for all. */
  readonly tail: number;
  readonly since?: Instant;
  readonly until?: Instant;
}

/** The lines `docker logs` shows, in the order they were written. */
export function readLogs(c: Container, q: LogQuery): LogEntry[] {
  const written = (c.logs ?? []).filter((e) => e.time <= q.now);
  const tailed = q.tail < 0 ? written : q.tail === 0 ? [] : written.slice(-q.tail);
  const { since, until } = q;
  return tailed.filter(
    (e) => !(since && before(instantOf(e), since)) && !(until && before(until, instantOf(e))),
  );
}

/**
 * Each line to its own stream, in order: with -t prefixed by its RFC3339NanoFixed stamp, with
 * --details by the log's extra attributes and a space (none here: `--log-opt` is not modelled).
 */
export function renderLogs(
  entries: readonly LogEntry[],
  opts: { readonly timestamps: boolean; readonly details: boolean },
): Streams {
  return fromChunks(
    entries.map((e) => ({
      stream: e.stream,
      text: `${opts.timestamps ? `${rfc3339NanoFixed(e.time, e.nanos)} ` : ''}${opts.details ? ' ' : ''}${e.text}`,
    })),
  );
}
