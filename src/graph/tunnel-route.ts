/**
 * A VXLAN tunnel's line between two hosts' eth0s, bent square so it crosses no host's row: out
 * of eth0 to the left, up (or down, hosts stacked) beside the uplink, along the gap between the
 * LAN line and the hosts' titles, and back into the far eth0 the same way.
 */
import type { GraphElement } from './elements';
import { LAN_LINE_H, LAN_LINE_Y } from './host-stack';
import type { Position } from './layout-result';
import { relative, type Segments } from './underlay-route';

/** Beside the uplink, clear of eth0's label (on its right). */
const LEG_DX = 14;
/** Between the LAN line's lower edge and the hosts' titles. */
const RUN_Y = LAN_LINE_Y + LAN_LINE_H / 2 + 22;
/** Hosts stacked: the run down the left, between the host boxes and the LAN box. */
const RUN_X = 56;

export function routeTunnels(
  elements: readonly GraphElement[],
  positions: ReadonlyMap<string, Position>,
  sideBySide: boolean,
): Map<string, Segments> {
  const routes = new Map<string, Segments>();
  for (const e of elements) {
    if (e.data.kind !== 'tunnel') continue;
    const s = positions.get(e.data.source!);
    const t = positions.get(e.data.target!);
    if (!s || !t) continue;
    const bends = sideBySide
      ? [
          { x: s.x - LEG_DX, y: s.y },
          { x: s.x - LEG_DX, y: RUN_Y },
          { x: t.x - LEG_DX, y: RUN_Y },
          { x: t.x - LEG_DX, y: t.y },
        ]
      : [
          { x: s.x - RUN_X, y: s.y },
          { x: t.x - RUN_X, y: t.y },
        ];
    routes.set(e.data.id, relative(s, t, bends));
  }
  return routes;
}
