import { describe, expect, it } from 'vitest';
import { assignSlots } from './slots';

const groups = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe('assignSlots', () => {
  it('gives newcomers the lowest free slot and keeps everyone else where they were', () => {
    const first = assignSlots(groups({ a: ['x', 'y'] }), new Map());
    expect([...first.get('a')!]).toEqual([
      ['x', 0],
      ['y', 1],
    ]);
    const more = assignSlots(groups({ a: ['x', 'y', 'z'] }), first);
    expect(more.get('a')!.get('z')).toBe(2);
    expect(more.get('a')!.get('y')).toBe(1);
  });

  it('leaves a removed key its slot for the next newcomer; its neighbours stay put', () => {
    const first = assignSlots(groups({ a: ['x', 'y', 'z'] }), new Map());
    const gone = assignSlots(groups({ a: ['y', 'z'] }), first);
    expect([...gone.get('a')!]).toEqual([
      ['y', 1],
      ['z', 2],
    ]);
    const refilled = assignSlots(groups({ a: ['y', 'z', 'w'] }), gone);
    expect(refilled.get('a')!.get('w')).toBe(0);
  });

  it('closes up behind a key that moved to another group', () => {
    const first = assignSlots(groups({ a: ['x', 'y', 'z'] }), new Map());
    const moved = assignSlots(groups({ a: ['y', 'z'], gutter: ['x'] }), first);
    expect([...moved.get('a')!]).toEqual([
      ['y', 0],
      ['z', 1],
    ]);
    expect(moved.get('gutter')!.get('x')).toBe(0);
  });
});
