/**
 * The reachability of the current world, recomputed when the world changes. The walk takes a
 * while with many containers, so it runs just after the render that showed the new world (the
 * terminal stays responsive) and the previous matrix stays up, marked stale, until it is done.
 */
import { useEffect, useState } from 'react';
import type { Reachability, World } from '../../sim';
import { reachabilityOf, useLab } from '../../store';

export function useReachability(): { result?: Reachability; stale: boolean } {
  const world = useLab((s) => s.world);
  const [shown, setShown] = useState<{ world: World; result?: Reachability }>();
  useEffect(() => {
    if (shown?.world === world) return;
    const timer = setTimeout(() => setShown({ world, result: reachabilityOf(world) }), 0);
    return () => clearTimeout(timer);
  }, [world, shown]);
  return { result: shown?.result, stale: shown?.world !== world };
}
