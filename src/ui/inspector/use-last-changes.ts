/**
 * The kernel-state diff of the last command: the world before it is kept from the store's own
 * change notification, so nothing is replayed.
 */
import { useEffect, useState } from 'react';
import { kernelDiff, type Change } from '../../graph/kernel-diff';
import { labStore } from '../../store';

export interface LastChanges {
  readonly command: string;
  readonly changes: readonly Change[];
}

export function useLastChanges(): LastChanges | undefined {
  const [last, setLast] = useState<LastChanges>();
  useEffect(
    () =>
      labStore.subscribe((s, prev) => {
        if (!s.engine || !prev.engine || s.world === prev.world) return;
        // Only a line applied on top of the previous world (typed, clicked or redone) is "the
        // last command"; undo, timeline jumps, reset and opening a scenario show no diff.
        if (s.cursor !== prev.cursor + 1) return setLast(undefined);
        setLast({ command: s.log[s.cursor - 1] ?? '', changes: kernelDiff(prev.world, s.world) });
      }),
    [],
  );
  return last;
}
