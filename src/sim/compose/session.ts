/**
 * One compose command's run against the daemon: the world as each daemon call leaves it (a
 * failure part-way keeps what was done, as with the real engine), the progress being recorded,
 * and the simulated time each step takes.
 */
import type { Draft } from 'immer';
import type { Host, World } from '../model';
import type { Result } from '../result';
import type { Process } from '../shell/process';
import { updateHost } from '../world';
import { emit, type Progress, type ProgressEvent } from './progress';

export interface Session {
  readonly p: Process;
  world: World;
  readonly progress: Progress;
}

/** Runs one daemon call on the session's host; the world moves on only when it succeeds. */
export function onHost<T>(s: Session, call: (h: Draft<Host>) => Result<T>): Result<T> {
  const r = updateHost(s.world, s.p.place.host, call);
  if (!r.ok) return r;
  s.world = r.world;
  return { ok: true, value: r.value };
}

/** How long a step takes, in ms: drawn from the line's generator, so replays agree. */
export const stepMs = (s: Session, min: number, max: number): number => s.p.ctx.rng.int(min, max);

export const record = (s: Session, event: ProgressEvent, afterMs = 0): void =>
  emit(s.progress, event, afterMs);
