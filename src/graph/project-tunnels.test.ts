import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { projectWorld } from './elements';
import { LAN_LINE_Y } from './host-stack';
import { layoutGraph } from './layout';
import { VXLAN_BY_HAND } from './vxlan-lab.testing';

describe('a VXLAN tunnel between two lab hosts', () => {
  const els = projectWorld(replay(VXLAN_BY_HAND).world);
  const tunnels = els.filter((e) => e.data.kind === 'tunnel');

  it('is one edge from eth0 to eth0, however many sides name the other', () => {
    expect(tunnels).toHaveLength(1);
    const [t] = tunnels;
    expect([t.data.source, t.data.target].sort()).toEqual(
      ['@host2/dev:host/eth0', 'dev:host/eth0'].sort(),
    );
    expect(t.data.label).toBe('VXLAN 42 · UDP 4789');
  });

  it('is none while no vxlan device names another lab host', () => {
    const half = VXLAN_BY_HAND.slice(0, VXLAN_BY_HAND.indexOf('exit'));
    const some = projectWorld(replay(half.filter((l) => !l.includes('fdb'))).world);
    expect(some.some((e) => e.data.kind === 'tunnel')).toBe(false);
  });

  it('runs between the LAN line and the hosts, its legs beside the uplinks', () => {
    const layout = layoutGraph(els, undefined, 1.8);
    const [t] = tunnels;
    const s = layout.positions.get(t.data.source!)!;
    const e = layout.positions.get(t.data.target!)!;
    const r = layout.bends!.get(t.data.id)!;
    const dx = e.x - s.x;
    const dy = e.y - s.y;
    const len = Math.hypot(dx, dy);
    const ys = r.weights.map((w, i) => s.y + w * dy + (r.distances[i] * dx) / len);
    expect(ys[1]).toBeGreaterThan(LAN_LINE_Y);
    expect(ys[1]).toBeLessThan(s.y - 50);
    expect(ys[2]).toBeCloseTo(ys[1]);
  });
});
