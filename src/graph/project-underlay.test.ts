import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { projectWorld } from './elements';
import { layoutGraph } from './layout';

const LAB = [
  'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 mv',
  'docker run -dit --name m1 --network mv busybox',
  'docker run -dit --name m2 --network mv busybox',
  'docker run -dit --name b1 busybox',
];

describe('macvlan in the picture', () => {
  const els = projectWorld(replay(LAB).world);
  const layout = layoutGraph(els);
  const at = (id: string) => layout.positions.get(id)!;
  const box = (name: string) => els.find((e) => e.data.ref === `container:${name}`)!.data.id;

  it('hangs the children off eth0: a dashed stacked edge each, no veth, no bridge port', () => {
    const stacked = els.filter((e) => e.data.kind === 'stacked');
    expect(stacked.map((e) => e.data.source)).toEqual(['dev:host/eth0', 'dev:host/eth0']);
    const targets = stacked.map((e) => e.data.target);
    for (const t of targets) {
      expect(t).toMatch(/\/eth0$/);
      expect(
        els.some((e) => e.data.kind === 'veth' && [e.data.source, e.data.target].includes(t)),
      ).toBe(false);
    }
    const child = els.find((e) => e.data.id === targets[0])!;
    expect(child.data.label.split('\n')[0]).toBe('eth0@if2');
  });

  it("gives eth0's network a band of its own, marked as no bridge, with its containers under it", () => {
    const bar = els.find((e) => e.data.id === 'underlay:eth0')!;
    expect(bar.classes).toContain('underlay');
    expect(bar.data.label).toBe('network mv\nmacvlan bridge\nparent eth0\n10.0.2.0/24');
    const x = at('underlay:eth0').x;
    for (const name of ['m1', 'm2']) expect(Math.abs(at(box(name)).x - x)).toBeLessThan(200);
    // b1 stays under docker0, in another band.
    expect(Math.abs(at(box('b1')).x - x)).toBeGreaterThan(150);
    expect(at(box('m2')).y).toBeGreaterThan(at(box('m1')).y);
  });
});
