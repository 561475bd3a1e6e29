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

  it('on a tall canvas: the second host below the first, the LAN left of both, between their eth0s', () => {
    const els = projectWorld(replay(TWO).world);
    const { positions, lanLine } = layoutGraph(els, undefined, 0.6);
    expect(lanLine).toBeUndefined();
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

  it('on a wide canvas: side by side under one LAN line, each uplink straight up to it', () => {
    const els = projectWorld(replay(TWO).world);
    const { positions, lanLine, widths, targetEnds } = layoutGraph(els, undefined, 1.8);
    expect(lanLine).toBe(true);
    const xs = (pred: (id: string) => boolean) =>
      [...positions].filter(([id]) => pred(id)).map(([, p]) => p.x);
    const first = xs((id) => !id.startsWith('@') && id !== 'netns:outside');
    const second = xs((id) => id.startsWith('@host2/'));
    expect(Math.min(...second)).toBeGreaterThan(Math.max(...first));
    const eth0 = positions.get('dev:host/eth0')!;
    const eth0b = positions.get('@host2/dev:host/eth0')!;
    // Both hosts' top rows level; the line over them, as wide as both.
    expect(eth0b.y).toBe(eth0.y);
    const lan = positions.get('netns:outside')!;
    const width = widths.get('netns:outside')!;
    expect(lan.y).toBeLessThan(eth0.y - 60);
    expect(lan.x - width / 2).toBeLessThan(eth0.x);
    expect(lan.x + width / 2).toBeGreaterThan(eth0b.x);
    // Each uplink meets the line right over its eth0.
    expect(targetEnds?.get('uplink:dev:host/eth0')).toBe(`${eth0.x - lan.x}px 9px`);
    expect(targetEnds?.get('@host2/uplink:dev:host/eth0')).toBe(`${eth0b.x - lan.x}px 9px`);
  });

  it('a single host is laid out as before, whatever the canvas', () => {
    const els = projectWorld(replay(TWO.filter((l) => !l.includes('host2'))).world);
    expect(layoutGraph(els, undefined, 1.8).lanLine).toBeUndefined();
    expect(layoutGraph(els, undefined, 1.8).positions.get('netns:outside')!.y).toBe(0);
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
