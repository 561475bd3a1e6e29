/**
 * Timing helpers shared by both sides, so lab and bare are measured by the very same clock.
 * Headless Chromium draws in software here, so a figure only means something next to the bare
 * one taken the same way in the same run.
 */
import type { Core } from 'cytoscape';

export const nextFrame = (): Promise<number> =>
  new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Resolves at the first animation frame after `cy` has drawn: Cytoscape paints inside its own
 * requestAnimationFrame and emits `render` there, so the frame after it is when the picture is
 * on screen. It paints on a later frame than the call that changed the graph, so attaching right
 * after creating `cy` misses nothing.
 */
export function drawn(cy: Core): Promise<number> {
  return new Promise((resolve) => {
    cy.one('render', () => {
      void nextFrame().then(() => resolve(performance.now()));
    });
  });
}

/** Splits a timed stretch into named parts: each `lap` closes the part since the last one. */
export function laps(): { lap(name: string): void; readonly parts: Record<string, number> } {
  const parts: Record<string, number> = {};
  let last = performance.now();
  return {
    parts,
    lap(name) {
      const now = performance.now();
      parts[name] = now - last;
      last = now;
    },
  };
}

/** Records requestAnimationFrame deltas until `ms` have passed. */
export async function recordFrames(ms: number): Promise<number[]> {
  const deltas: number[] = [];
  let last = await nextFrame();
  const end = last + ms;
  while (last < end) {
    const now = await nextFrame();
    deltas.push(now - last);
    last = now;
  }
  return deltas;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** Part by part, the median of several timed stretches split the same way (`laps`). */
export function medianParts(all: readonly Record<string, number>[]): Record<string, number> {
  const names = Object.keys(all[0] ?? {});
  return Object.fromEntries(
    names.map((n) => [
      n,
      percentile(
        all.map((p) => p[n] ?? 0),
        50,
      ),
    ]),
  );
}

/** The fixed canvas both sides draw into, so zoom and fit come out identical. */
export function stage(): HTMLElement {
  const old = document.getElementById('stage');
  old?.remove();
  const el = document.createElement('div');
  el.id = 'stage';
  el.style.cssText = 'position:absolute;left:0;top:0;width:1200px;height:760px';
  document.body.append(el);
  return el;
}
