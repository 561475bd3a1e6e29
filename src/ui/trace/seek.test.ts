import { describe, expect, it } from 'vitest';
import type { Hop, HopCategory } from '../../graph/trace-path';
import { seekStep } from './seek';

const hops = (['dns', 'route', 'arp', 'icmp', 'filter', 'deliver'] as HopCategory[]).map(
  (category) => ({ category }) as Hop,
);

describe('seekStep', () => {
  it('steps one event at a time when nothing is hidden, and stops at the end', () => {
    expect(seekStep(hops, new Set(), 0, 1)).toBe(1);
    expect(seekStep(hops, new Set(), 5, 1)).toBe(6);
    expect(seekStep(hops, new Set(), 6, 1)).toBeUndefined();
  });

  it('skips hidden categories both ways', () => {
    const hidden = new Set<HopCategory>(['arp', 'filter']);
    expect(seekStep(hops, hidden, 2, 1)).toBe(4);
    expect(seekStep(hops, hidden, 4, 1)).toBe(6);
    expect(seekStep(hops, hidden, 6, -1)).toBe(4);
    expect(seekStep(hops, hidden, 4, -1)).toBe(2);
  });

  it('goes back to the start before the first shown event, and no further', () => {
    const hidden = new Set<HopCategory>(['dns']);
    expect(seekStep(hops, hidden, 2, -1)).toBe(0);
    expect(seekStep(hops, hidden, 0, -1)).toBeUndefined();
  });
});
