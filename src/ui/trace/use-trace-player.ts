/**
 * The player's state, derived: the shown entry's hops, the current step and what the controls do.
 * The view store's `playback.step` (how many hops are shown) is the only clock: a timer merely
 * advances it while playing, so stepping back and forth and tests see exactly the same frames.
 * Hidden categories (the list's filters) are skipped by playing and stepping alike.
 */
import { useEffect, useMemo } from 'react';
import { protoOfCommand, tracePath, type Hop, type HopCategory } from '../../graph/trace-path';
import { useLab } from '../../store';
import { useView, viewStore } from '../../store/view-store';
import { seekStep } from './seek';
import type { Trace } from '../../sim';

/** A transcript entry's trace, or one computed without running the command. */
export interface ShownTrace {
  readonly command: string;
  readonly trace?: Trace;
}

export interface TracePlayerState {
  readonly entry?: ShownTrace;
  /** The trace was computed, not produced by running `entry.command`. */
  readonly computed: boolean;
  readonly hops: readonly Hop[];
  /** Hops shown so far (0 … hops.length). */
  readonly step: number;
  readonly playing: boolean;
  readonly atEnd: boolean;
  readonly atStart: boolean;
}

const EMPTY: readonly Hop[] = [];

export function useTracePlayer(hidden: ReadonlySet<HopCategory>) {
  const playback = useView((s) => s.playback);
  const speed = useView((s) => s.speed);
  const logged = useLab((s) => (playback ? s.transcript[playback.entry] : undefined));
  const entry: ShownTrace | undefined = playback?.computed ?? logged;
  const hops = useMemo(
    () => (entry?.trace ? tracePath(entry.trace, protoOfCommand(entry.command)) : EMPTY),
    [entry],
  );
  const step = Math.min(playback?.step ?? 0, hops.length);
  const seek = (from: number, dir: 1 | -1) => seekStep(hops, hidden, from, dir);
  const next = seek(step, 1);
  const playing = !!playback?.playing && next !== undefined;

  useEffect(() => {
    if (!playback?.playing) return;
    if (next === undefined) {
      viewStore.getState().setPlayback({ playing: false });
      return;
    }
    const timer = setTimeout(() => viewStore.getState().setPlayback({ step: next }), 1000 / speed);
    return () => clearTimeout(timer);
  }, [playback?.playing, next, speed]);

  const set = viewStore.getState().setPlayback;
  return {
    state: {
      entry,
      computed: !!playback?.computed,
      hops,
      step,
      playing,
      atEnd: next === undefined,
      atStart: step === 0,
    } satisfies TracePlayerState,
    play: () => set(next === undefined ? { step: 0, playing: true } : { playing: true }),
    pause: () => set({ playing: false }),
    back: () => set({ step: seek(step, -1) ?? 0, playing: false }),
    forward: () => next !== undefined && set({ step: next, playing: false }),
    replay: () => set({ step: 0, playing: true }),
    goTo: (index: number) => set({ step: index + 1, playing: false }),
  };
}
