/**
 * Where the player goes next: the following (or previous) step whose event is not hidden by the
 * list's filters. Steps count shown hops, so step `s` shows `hops[s - 1]` and 0 shows none.
 */
import type { Hop, HopCategory } from '../../graph/trace-path';

export function seekStep(
  hops: readonly Hop[],
  hidden: ReadonlySet<HopCategory>,
  from: number,
  dir: 1 | -1,
): number | undefined {
  for (let s = from + dir; s >= 1 && s <= hops.length; s += dir)
    if (!hidden.has(hops[s - 1].category)) return s;
  // Going back past the first shown event returns to the start, before any event.
  return dir === -1 && from > 0 ? 0 : undefined;
}
