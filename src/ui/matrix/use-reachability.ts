/**
 * The reachability of the current world, recomputed when the world changes. The walks take a
 * while with many containers, so they run in a Web Worker (the terminal stays responsive) and the
 * previous matrix stays up, marked stale, until they are done.
 */
import { useEffect, useState } from 'react';
import type { Reachability, World } from '../../sim';
import { useReadyLab } from '../../store';
import { reachabilityLater } from '../../store/lab-engine';

export function useReachability(): { result?: Reachability; stale: boolean } {
  const world = useReadyLab((s) => s.world);
  const [shown, setShown] = useState<{ world: World; result?: Reachability }>();
  useEffect(() => {
    if (shown?.world === world) return;
    let current = true;
    void reachabilityLater(world).then((result) => {
      if (current) setShown({ world, result });
    });
    return () => {
      current = false;
    };
  }, [world, shown]);
  return { result: shown?.result, stale: shown?.world !== world };
}
