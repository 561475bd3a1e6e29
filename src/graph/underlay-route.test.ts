import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { BOX_W } from './bands';
import { projectWorld } from './elements';
import { layoutGraph, type Position } from './layout';

const MACVLAN = [
  'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 mv',
  'docker run -d --name m1 --network mv busybox sleep 1d',
  'docker run -d --name m2 --network mv busybox sleep 1d',
  'docker run -d --name b1 busybox sleep 1d',
];

interface Rect {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Whether an axis-parallel segment from a to b touches the rectangle. */
function crosses(a: Position, b: Position, r: Rect): boolean {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x1 <= r.x2 && x2 >= r.x1 && y1 <= r.y2 && y2 >= r.y1;
}

describe('the line from eth0 to a macvlan child', () => {
  const els = projectWorld(replay(MACVLAN).world);
  const layout = layoutGraph(els);
  const at = (id: string) => layout.positions.get(id)!;
  const stacked = els.filter((e) => e.data.kind === 'stacked');

  it('bends three times, all square, down a trunk left of its band, and crosses no bar or box', () => {
    expect(stacked).toHaveLength(2);
    const docker0 = at('dev:host/docker0');
    const w = layout.widths.get('dev:host/docker0')!;
    const bar = {
      x1: docker0.x - w / 2,
      x2: docker0.x + w / 2,
      y1: docker0.y - 42,
      y2: docker0.y + 42,
    };
    const mv = at('underlay:eth0');
    const mvW = layout.widths.get('underlay:eth0')!;
    const own = { x1: mv.x - mvW / 2, x2: mv.x + mvW / 2, y1: mv.y - 42, y2: mv.y + 42 };
    const b1 = els.find((e) => e.data.ref === 'container:b1')!;
    const box = {
      x1: at(b1.data.id).x - BOX_W / 2,
      x2: at(b1.data.id).x + BOX_W / 2,
      y1: at(b1.data.id).y - 40,
      y2: at(b1.data.id).y + 40,
    };
    for (const e of stacked) {
      const s = at(e.data.source!);
      const t = at(e.data.target!);
      const route = layout.bends!.get(e.data.id)!;
      const dx = t.x - s.x;
      const dy = t.y - s.y;
      const len = Math.hypot(dx, dy);
      // Where Cytoscape puts each point (edge-distances: node-position).
      const bends = route.weights.map((wt, i) => ({
        x: s.x + wt * dx + (route.distances[i] * -dy) / len,
        y: s.y + wt * dy + (route.distances[i] * dx) / len,
      }));
      const path = [s, ...bends, t];
      for (let i = 1; i < path.length; i++) {
        const [a, b] = [path[i - 1], path[i]];
        expect(Math.abs(a.x - b.x) < 1e-6 || Math.abs(a.y - b.y) < 1e-6).toBe(true);
        expect(crosses(a, b, bar), `segment ${i} over docker0`).toBe(false);
        expect(crosses(a, b, own), `segment ${i} over the mv bar`).toBe(false);
        expect(crosses(a, b, box), `segment ${i} through b1`).toBe(false);
      }
      expect(bends[2].y).toBeCloseTo(t.y);
    }
  });
});
