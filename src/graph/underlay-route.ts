/**
 * The dashed line from a parent device (eth0) down to each macvlan/ipvlan child, drawn as a
 * three-bend path so it crosses no other band's bar and no box: down out of eth0, along the gap
 * between the host's top row and the bridge bars, down a trunk just left of the underlay band
 * (outside its bar), then across into the child interface, like a veth down its lane.
 */
import { underlayBandId } from './project-underlay';
import type { GraphElement } from './elements';
import type { Position } from './layout';

/** Cytoscape `segments` points, relative to the source and target centres. */
export interface Segments {
  readonly weights: readonly number[];
  readonly distances: readonly number[];
}

/** Between eth0's two-line label and the DNS badges over user bridges. */
const TURN_Y = 30;
/** The trunk's distance left of the band's edge (its bar starts 8 px in). */
const TRUNK_DX = 14;

export function routeStacked(
  edges: readonly GraphElement[],
  positions: ReadonlyMap<string, Position>,
  widths: ReadonlyMap<string, number>,
): Map<string, Segments> {
  const routes = new Map<string, Segments>();
  for (const e of edges) {
    if (e.data.kind !== 'stacked') continue;
    const source = positions.get(e.data.source!);
    const target = positions.get(e.data.target!);
    const parent = e.data.source!.slice(e.data.source!.lastIndexOf('/') + 1);
    const bar = positions.get(underlayBandId(parent));
    const width = widths.get(underlayBandId(parent));
    if (!source || !target || !bar || width === undefined) continue;
    const trunk = bar.x - width / 2 - 8 - TRUNK_DX;
    const y = source.y + TURN_Y;
    const bends = [
      { x: source.x, y },
      { x: trunk, y },
      { x: trunk, y: target.y },
    ];
    routes.set(e.data.id, relative(source, target, bends));
  }
  return routes;
}

/**
 * Each point as Cytoscape places a segment point with `edge-distances: node-position`: a weight
 * along source→target and a distance along that line's normal (−dy, dx).
 */
export function relative(s: Position, t: Position, points: readonly Position[]): Segments {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len2 = dx * dx + dy * dy || 1;
  const len = Math.sqrt(len2);
  return {
    weights: points.map((p) => ((p.x - s.x) * dx + (p.y - s.y) * dy) / len2),
    distances: points.map((p) => ((p.x - s.x) * -dy + (p.y - s.y) * dx) / len),
  };
}
