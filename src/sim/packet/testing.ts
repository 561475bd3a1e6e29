/**
 * Test fixtures for the packet walker: run a script, keep the last line's trace, pick events of a
 * kind out of it. Used only by the *.test.ts files beside it.
 */
import { replay } from '../index';
import { runLine } from '../shell/run-line';
import type { Trace, TraceEvent } from './trace';

/** Runs a tutorial script; the last line's trace is what the UI would animate. */
export function traced(lines: readonly string[]) {
  const { world } = replay(lines.slice(0, -1));
  const r = runLine(world, lines.at(-1)!);
  return { ...r, trace: r.trace as Trace };
}

export const of = <K extends TraceEvent['kind']>(t: Trace, kind: K) =>
  t.events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);
