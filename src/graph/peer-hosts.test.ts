import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { projectWorld } from './elements';
import { layoutGraph } from './layout';
import { tracePath } from './trace-path';
import { runLine } from '../sim';

const TWO = [
  'docker run -d --name a1 busybox sleep 3600',
  'lab add-host host2',
  'ssh host2 docker run -d --name b1 busybox sleep 3600',
];

describe('several hosts on the graph', () => {
  it('draws the second host as its own box with its own docker0 and containers', () => {
    const els = projectWorld(replay(TWO).world);
    const byId = new Map(els.map((e) => [e.data.id, e.data]));
    expect(byId.get('netns:host')?.label).toBe('host docker-host');
    expect(byId.get('@host2/netns:host')?.label).toBe('host host2');
    const bridges = els.filter((e) => e.data.kind === 'bridge');
    expect(bridges.map((b) => [b.data.id, b.data.parent])).toEqual([
      ['dev:host/docker0', 'netns:host'],
      ['@host2/dev:host/docker0', '@host2/netns:host'],
    ]);
    const b1 = els.find((e) => e.data.label.startsWith('b1'));
    expect(b1?.data.id.startsWith('@host2/')).toBe(true);
    // Both eth0s hang on the one LAN.
    const uplinks = els.filter((e) => e.data.kind === 'uplink').map((e) => e.data.target);
    expect(uplinks).toEqual(['netns:outside', 'netns:outside']);
    // Every edge ends on a node that exists.
    for (const e of els.filter((x) => x.group === 'edges')) {
      expect(byId.has(e.data.source!)).toBe(true);
      expect(byId.has(e.data.target!)).toBe(true);
    }
  });

  it('lays the second host out below the first, the LAN left of both, between their eth0s', () => {
    const els = projectWorld(replay(TWO).world);
    const { positions } = layoutGraph(els);
    const ys = (pred: (id: string) => boolean) =>
      [...positions].filter(([id]) => pred(id)).map(([, p]) => p.y);
    const first = ys((id) => !id.startsWith('@') && id !== 'netns:outside');
    const second = ys((id) => id.startsWith('@host2/'));
    expect(second.length).toBeGreaterThan(3);
    expect(Math.min(...second)).toBeGreaterThan(Math.max(...first));
    const lan = positions.get('netns:outside')!;
    const eth0 = (id: string) => positions.get(id)!;
    expect(lan.y).toBeGreaterThan(eth0('dev:host/eth0').y);
    expect(lan.y).toBeLessThan(eth0('@host2/dev:host/eth0').y);
    expect(lan.x).toBeLessThan(
      Math.min(...[...positions.values()].filter((p) => p !== lan).map((p) => p.x)),
    );
    for (const e of els.filter((x) => x.group === 'nodes' && x.data.kind !== 'netns'))
      if (e.data.kind !== 'floor' || e.data.parent) expect(positions.has(e.data.id)).toBe(true);
  });

  it("a packet crossing to host2 moves through host2's own boxes on the graph", () => {
    const { world } = replay(TWO);
    const r = runLine(world, 'docker exec a1 ping -c 1 10.0.2.16');
    const ids = new Set(projectWorld(r.world).map((e) => e.data.id));
    const refs = tracePath(r.trace!).flatMap((h) => [...h.lit, ...h.path]);
    expect(refs).toContain('@host2/dev:host/eth0');
    for (const ref of refs) expect(ids.has(ref) || ref.startsWith('netns:')).toBe(true);
  });
});
