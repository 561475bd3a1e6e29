import { describe, expect, it } from 'vitest';
import type { PageResult } from '../pages/protocol';
import { figures, partMedians, spread, table } from './report';

const result = (firstDrawMs: number, frameP95Ms: number, addOneMs: number): PageResult => ({
  firstDrawMs,
  frameP95Ms,
  addOneMs,
  addOneEngineMs: 0,
  frames: 10,
  frameDeltasMs: [],
  setupMs: 0,
  elements: 3046,
  hops: 21,
  zoom: 0.1,
});

const size = (gzip: number) => ({ gzip, chunks: [] });

describe('spread', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
    expect(spread([4, 1, 2, 10])).toEqual({ median: 3, min: 1, max: 10 });
  });
});

describe('figures', () => {
  it('compares medians and checks each ratio against its target', () => {
    const runs = {
      lab: [result(1300, 60, 30), result(1500, 70, 50), result(1400, 80, 40)],
      bare: [result(1000, 50, 20), result(1100, 60, 30), result(900, 55, 25)],
      errors: [],
    };
    const [draw, frame, add, js] = figures(runs, { lab: size(240_000), bare: size(200_000) });
    expect(draw.ratio).toBeCloseTo(1.4);
    expect(draw.ok).toBe(false);
    expect(frame.ratio).toBeCloseTo(70 / 55);
    expect(frame.ok).toBe(false);
    expect(add.ratio).toBeCloseTo(40 / 25);
    expect(js).toMatchObject({ unit: 'kB', ratio: 1.2, ok: true });
    expect(js.lab.median).toBe(240);
  });

  it('reports the bundle size alone when no page ran', () => {
    const rows = figures({ lab: [], bare: [], errors: [] }, { lab: size(1), bare: size(1) });
    expect(rows.map((r) => r.name)).toEqual(['First-load JS, gzip -9']);
  });
});

describe('table', () => {
  it('prints one row per figure with its ratio and verdict', () => {
    const runs = { lab: [result(1200, 50, 20)], bare: [result(1000, 50, 10)], errors: [] };
    const lines = table(figures(runs, { lab: size(300_000), bare: size(200_000) })).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^Render\+layout .*1200\.0 ms .*1000\.0 ms .*1\.20× .*≤ 1\.3× .*✓$/);
    expect(lines[3]).toMatch(/2\.00× .*✗$/);
    expect(lines[4]).toMatch(/300\.0 kB .*1\.50× .*✗$/);
  });
});

describe('partMedians', () => {
  it('takes the median of each named part across runs', () => {
    const withParts = (project: number) => ({
      ...result(0, 0, 0),
      parts: { firstDraw: { project, render: 2 * project }, addOne: { sync: project } },
    });
    expect(partMedians([withParts(10), withParts(30), withParts(20)])).toEqual({
      firstDraw: { project: 20, render: 40 },
      addOne: { sync: 20 },
    });
  });
});
