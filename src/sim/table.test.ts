import { createDraft, finishDraft, isDraft, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { Table } from './table';
import { createWorld, runLine, serializeWorld } from './index';
import { hostOf } from './world';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

describe('Table', () => {
  it("keeps a Map's order: insertion, in-place update, delete then re-add at the end", () => {
    const t = new Table<string, number>();
    const m = new Map<string, number>();
    // Enough keys to span several chunks, with deletes in the middle and re-adds.
    for (const [i, k] of keys(100).entries()) {
      t.set(k, i);
      m.set(k, i);
    }
    for (const k of ['k3', 'k40', 'k99', 'k64']) {
      t.delete(k);
      m.delete(k);
    }
    for (const k of ['k40', 'k5', 'new']) {
      t.set(k, -1);
      m.set(k, -1);
    }
    expect([...t]).toEqual([...m]);
    expect([...t.keys()]).toEqual([...m.keys()]);
    expect([...t.values()]).toEqual([...m.values()]);
    expect(t.size).toBe(m.size);
    expect(t.has('k3')).toBe(false);
    expect(t.get('k5')).toBe(-1);
    expect(t.delete('absent')).toBe(false);
    const seen: string[] = [];
    t.forEach((_v, k) => seen.push(k));
    expect(seen).toEqual([...m.keys()]);
    t.clear();
    expect([...t]).toEqual([]);
    expect(t.size).toBe(0);
  });

  it('changes under Immer without touching the original, and shares untouched chunks', () => {
    const base = Table.of(keys(200).map((k, i) => [k, { n: i }] as const));
    const next = produce(base, (d) => {
      d.get('k150')!.n = -150;
      d.delete('k10');
      d.set('added', { n: 1 });
    });
    expect(base.get('k150')).toEqual({ n: 150 });
    expect(base.size).toBe(200);
    expect(next.get('k150')).toEqual({ n: -150 });
    expect(next.has('k10')).toBe(false);
    expect([...next.keys()].at(-1)).toBe('added');
    expect(next).toBeInstanceOf(Table);
    // Structural sharing: a chunk the draft did not touch is the very same Map.
    expect(next.chunks[2]).toBe(base.chunks[2]);
    expect(next.chunks[4]).not.toBe(base.chunks[4]);
  });

  it('gives drafts of its values inside a draft, so nested changes land', () => {
    const base = Table.of([['a', { tags: ['x'] }]]);
    const d = createDraft(base);
    const a = d.get('a')!;
    expect(isDraft(a)).toBe(true);
    a.tags.push('y');
    expect(finishDraft(d).get('a')!.tags).toEqual(['x', 'y']);
  });

  it('comes back whole from a structured clone (the matrix worker gets the world that way)', () => {
    const world = runLine(createWorld(), 'docker run -d --name web nginx').world;
    const cloned = Table.revive(structuredClone(world));
    const containers = hostOf(cloned).docker.containers;
    expect(containers).toBeInstanceOf(Table);
    expect([...containers.values()].map((c) => c.name)).toEqual(['web']);
    expect(serializeWorld(cloned)).toBe(serializeWorld(world));
  });

  it('serialises as its entries in order, as a Map does', () => {
    const t = Table.of([
      ['b', 1],
      ['a', 2],
    ]);
    expect(JSON.stringify({ t })).toBe(JSON.stringify({ t: [...new Map(t)] }));
  });
});
