import { describe, expect, it } from 'vitest';
import { medianParts, percentile } from './measure';

describe('percentile', () => {
  it('takes the nearest rank: p95 of 20 frames is the 19th slowest', () => {
    const frames = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(frames, 95)).toBe(190);
    expect(percentile(frames, 100)).toBe(200);
    expect(percentile([30, 10, 20], 50)).toBe(20);
  });

  it('is NaN with no frames, so an empty run cannot pass for a fast one', () => {
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('medianParts', () => {
  it('takes each part’s median across the stretches', () => {
    const parts = [
      { project: 10, render: 700 },
      { project: 30, render: 500 },
      { project: 20, render: 900 },
    ];
    expect(medianParts(parts)).toEqual({ project: 20, render: 700 });
  });
});
