/**
 * The panel sizes (percent) each mode imposes on the workspace's two splitter groups. The
 * desktop has none: there the learner's own sizes apply (remembered in localStorage).
 */
import type { PhoneRegion } from './workspace-store';

/** Where the learner's splitter sizes are remembered (localStorage). */
export const LAYOUT_KEYS = { main: 'dnl.layout.main', side: 'dnl.layout.side' } as const;

export type Mode = 'desktop' | 'present' | 'phone';

export interface Forced {
  readonly main: { graph: number; side: number };
  readonly side: { tabs: number; terminal: number };
}

export function forcedLayout(mode: Mode, region: PhoneRegion, inLesson: boolean): Forced | null {
  if (mode === 'present')
    return {
      main: { graph: 78, side: 22 },
      side: inLesson ? { tabs: 40, terminal: 60 } : { tabs: 0, terminal: 100 },
    };
  if (mode === 'phone')
    return {
      main: region === 'graph' ? { graph: 100, side: 0 } : { graph: 0, side: 100 },
      side: region === 'tools' ? { tabs: 100, terminal: 0 } : { tabs: 0, terminal: 100 },
    };
  return null;
}
