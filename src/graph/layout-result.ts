/** What the layout decides (layout.ts, host-stack.ts), applied to the graph by the UI. */
import type { SlotMemory } from './slots';
import type { Segments } from './underlay-route';

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly positions: ReadonlyMap<string, Position>;
  readonly slots: SlotMemory;
  /** Devices whose label reads leftwards (they sit on the right edge of their box). */
  readonly facingRight: ReadonlySet<string>;
  /** Each bridge bar spans its band. */
  readonly widths: ReadonlyMap<string, number>;
  /** Several hosts side by side: the LAN is a line over them all (host-stack.ts). */
  readonly lanLine?: boolean;
  /**
   * Square-bent lines, by edge id: each macvlan/ipvlan child's from its parent (underlay-route.ts)
   * and each VXLAN tunnel between two hosts' eth0s (tunnel-route.ts).
   */
  readonly bends?: ReadonlyMap<string, Segments>;
  /** Where an edge meets its target, as Cytoscape's `target-endpoint` (the LAN line's uplinks). */
  readonly targetEnds?: ReadonlyMap<string, string>;
}
