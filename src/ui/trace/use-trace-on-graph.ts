/**
 * Keeps the graph showing the player's current hop: brought to it on every change (only what
 * differs is touched, and the result does not depend on the step before, so step back is exact),
 * tweened only when the player moved one step forward, and cleared when the trace stops or the
 * player goes away.
 */
import { useEffect, useRef, useState } from 'react';
import type { Core } from 'cytoscape';
import { getCy, onCy } from '../graph/cy-registry';
import type { Hop } from '../../graph/trace-path';
import { clearTraceFromCy, prefersReducedMotion, showHopOnCy } from './animate';

export function useTraceOnGraph(
  entry: object | undefined,
  hops: readonly Hop[],
  step: number,
  speed: number,
): void {
  const [cy, setCy] = useState<Core | undefined>(getCy);
  useEffect(() => onCy(setCy), []);
  const shown = useRef<{ entry?: object; step: number }>({ step: 0 });

  useEffect(() => {
    if (!cy) return;
    const before = shown.current;
    const forward = before.entry === entry && step > before.step;
    shown.current = { entry, step };
    showHopOnCy(cy, step > 0 ? hops[step - 1] : undefined, {
      tween: forward && !prefersReducedMotion(),
      durationMs: Math.min(900, 800 / speed),
    });
  }, [cy, entry, hops, step, speed]);

  useEffect(() => () => void (cy && clearTraceFromCy(cy)), [cy]);
}
