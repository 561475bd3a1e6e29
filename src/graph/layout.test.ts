import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { FLOOR_ID, projectWorld } from './elements';
import { layoutGraph, type Layout } from './layout';
import { OVERLAY_TWO_HOSTS } from './vxlan-lab.testing';

function layoutAfter(lines: readonly string[], previous?: Layout) {
  const els = projectWorld(replay(lines).world);
  const layout = layoutGraph(els, previous?.slots);
  const boxOf = (name: string) => {
    const box = els.find((e) => e.data.ref === `container:${name}`)!;
    return { id: box.data.id, ...layout.positions.get(box.data.id)! };
  };
  return { els, layout, boxOf };
}

const LAB = [
  'docker network create mynet',
  'docker run -dit --name web1 --network mynet busybox',
  'docker run -dit --name web2 --network mynet busybox',
  'docker run -dit --name t1 busybox',
];

describe('layoutGraph', () => {
  it('starts a namespace on no bridge near the top of its row: it has no bar to hang under', () => {
    const { els, layout, boxOf } = layoutAfter([
      'docker run -dit --name t1 busybox',
      'ip netns add ns1',
    ]);
    const ns1 = layout.positions.get(els.find((e) => e.data.label === 'netns ns1')!.data.id)!;
    const docker0 = layout.positions.get('dev:host/docker0')!;
    // Beside docker0's band, level with the bar rather than with the boxes under it.
    expect(ns1.x).toBeGreaterThan(docker0.x);
    expect(ns1.y).toBeLessThan(boxOf('t1').y);
    expect(ns1.y).toBeGreaterThan(docker0.y);
  });

  it('places every node, bridges in a row above the containers stacked under them', () => {
    const { els, layout, boxOf } = layoutAfter(LAB);
    for (const e of els)
      if (e.group === 'nodes') expect(layout.positions.has(e.data.id)).toBe(true);
    const docker0 = layout.positions.get('dev:host/docker0')!;
    const mynet = els.find((e) => e.data.ref === 'network:mynet')!;
    const br = layout.positions.get(mynet.data.id)!;
    expect(br.y).toBe(docker0.y);
    expect(br.x).toBeGreaterThan(docker0.x);
    // Each container sits below its own bridge, the two on mynet one under the other.
    expect(Math.abs(boxOf('t1').x - docker0.x)).toBeLessThan(Math.abs(boxOf('t1').x - br.x));
    expect(Math.abs(boxOf('web1').x - br.x)).toBeLessThan(Math.abs(boxOf('web1').x - docker0.x));
    expect(boxOf('web1').x).toBe(boxOf('web2').x);
    expect(boxOf('web2').y).toBeGreaterThan(boxOf('web1').y);
    expect(boxOf('web1').y).toBeGreaterThan(docker0.y);
  });

  it('puts a host-side veth end under its bridge, over the lane beside its interface', () => {
    const { els, layout } = layoutAfter(['docker run -dit --name t1 busybox']);
    const end = els.find((e) => e.data.id.startsWith('dev:host/veth'))!;
    const eth0 = layout.positions.get(end.data.peer!)!;
    const at = layout.positions.get(end.data.id)!;
    // The lane runs in the gap left of the box, whose interface sits on its left edge.
    expect(at.x).toBeLessThan(eth0.x);
    expect(eth0.x - at.x).toBeLessThan(40);
    expect(at.y).toBeLessThan(eth0.y);
    expect(at.y).toBeGreaterThan(layout.positions.get('dev:host/docker0')!.y);
  });

  it('puts a container on two networks between their bridges', () => {
    const { layout, els, boxOf } = layoutAfter([...LAB, 'docker network connect mynet t1']);
    const left = layout.positions.get('dev:host/docker0')!.x;
    const right = layout.positions.get(els.find((e) => e.data.ref === 'network:mynet')!.data.id)!.x;
    expect(boxOf('t1').x).toBeGreaterThan(left);
    expect(boxOf('t1').x).toBeLessThan(right);
  });

  it('adding a container moves nobody; a removed one frees its slot', () => {
    const first = layoutAfter(LAB);
    const second = layoutAfter(
      [...LAB, 'docker run -dit --name web3 --network mynet busybox'],
      first.layout,
    );
    // Only the host box's far corner moves, to take the newcomer in.
    for (const [id, at] of first.layout.positions)
      if (id !== FLOOR_ID) expect(second.layout.positions.get(id)).toEqual(at);
    const web3 = second.boxOf('web3');
    for (const name of ['web1', 'web2', 't1'])
      expect(second.boxOf(name)).not.toMatchObject({ x: web3.x, y: web3.y });

    const without = layoutAfter([...LAB, 'docker rm -f web1'], first.layout);
    expect(without.boxOf('web2')).toEqual(first.boxOf('web2'));
    const refilled = layoutAfter(
      [...LAB, 'docker rm -f web1', 'docker run -dit --name web4 --network mynet busybox'],
      without.layout,
    );
    expect(refilled.boxOf('web4')).toMatchObject({
      x: first.boxOf('web1').x,
      y: first.boxOf('web1').y,
    });
    expect(refilled.boxOf('web2')).toEqual(first.boxOf('web2'));
  });

  it('keeps a restarted container in its place though its namespace is new', () => {
    const first = layoutAfter(LAB);
    const again = layoutAfter([...LAB, 'docker restart web1'], first.layout);
    expect(again.boxOf('web1').id).not.toBe(first.boxOf('web1').id);
    expect(again.boxOf('web1')).toMatchObject({
      x: first.boxOf('web1').x,
      y: first.boxOf('web1').y,
    });
  });
});

describe('layoutGraph on a crowded lab', () => {
  it("sets an overlay's namespace and the node's load balancer side by side, neither over the other", () => {
    const { els, layout } = layoutAfter(OVERLAY_TWO_HOSTS);
    const here = els.filter(
      (e) =>
        !e.data.id.startsWith('@') &&
        (e.classes.includes('overlay-netns') || e.classes.includes('manual-netns')),
    );
    expect(here.map((e) => e.data.label)).toEqual([
      expect.stringMatching(/^overlay test-net · netns 1-/),
      expect.stringMatching(/^load balancer lb-test-net · netns lb_/),
    ]);
    const [overlay, lb] = here.map((e) => {
      const at = layout.positions.get(e.data.id)!;
      const rows = els.filter((d) => d.data.parent === e.data.id && d.data.link !== 'loopback');
      return { x1: at.x - 80, x2: at.x + 80, y1: at.y - 30, y2: at.y + rows.length * 56 };
    });
    // On its left: the containers' lines come down on the overlay's right.
    expect(lb.x2).toBeLessThanOrEqual(overlay.x1);
    // Level with br0's port veth0, its peer: the overlay's band over br0 passes above it.
    const yOf = (id: string) => layout.positions.get(id)!.y;
    const ends = els.find(
      (e) =>
        e.data.kind === 'veth' && !e.data.id.startsWith('veth:@') && /\/veth0\|/.test(e.data.id),
    )!.data;
    expect(yOf(ends.source!)).toBe(yOf(ends.target!));
    expect(lb.y1).toBeGreaterThan(yOf(`dev:${here[0].data.id.slice('netns:'.length)}/br0`));
    expect(lb.y2).toBeLessThanOrEqual(overlay.y2);
    // Nothing below them starts before the overlay's four interfaces end.
    const below = els.filter(
      (e) => !e.data.id.startsWith('@') && e.data.kind === 'netns' && !here.includes(e),
    );
    for (const e of below) {
      const y = layout.positions.get(e.data.id)!.y;
      if (y > overlay.y1) expect(y - 30, e.data.label).toBeGreaterThanOrEqual(overlay.y2);
    }
  });

  it('stacks a pair of namespaces made by hand, so their veth runs down, not across a box', () => {
    const { els, layout } = layoutAfter([
      'ip netns add red',
      'ip netns add blue',
      'ip link add veth-red type veth peer name veth-blue',
      'ip link set veth-red netns red',
      'ip link set veth-blue netns blue',
    ]);
    const [red, blue] = ['netns red', 'netns blue'].map((label) =>
      layout.positions.get(els.find((e) => e.data.label === label)!.data.id)!,
    );
    expect(red.x).toBe(blue.x);
    expect(blue.y).toBeGreaterThan(red.y);
  });

  it('gives no two container boxes the same ground, multi-homed ones included', () => {
    const lines = ['net1', 'net2', 'net3'].map((n) => `docker network create ${n}`);
    for (let i = 0; i < 20; i++)
      lines.push(
        `docker run -dit --name c${i} --network ${['bridge', 'net1', 'net2', 'net3'][i % 4]} busybox`,
      );
    lines.push('docker network connect net2 c1', 'docker network connect net3 c0');
    const { els, layout } = layoutAfter(lines);
    // A box spans 160 × (its interfaces × 56) from its anchor (layout.ts).
    const boxes = els
      .filter((e) => e.classes.includes('container-box'))
      .map((e) => {
        const at = layout.positions.get(e.data.id)!;
        const rows = els.filter((d) => d.data.parent === e.data.id && d.data.link !== 'loopback');
        return {
          id: e.data.id,
          x1: at.x - 80,
          x2: at.x + 80,
          y1: at.y - 30,
          y2: at.y + rows.length * 56,
        };
      });
    expect(boxes).toHaveLength(20);
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(
            a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2,
            `${a.id} × ${b.id}`,
          ).toBe(false);
  });

  it('wraps the bands into rows on a tall canvas and keeps them in one row on a wide one', () => {
    const lines = ['n1', 'n2', 'n3'].map((n) => `docker network create ${n}`);
    const els = projectWorld(replay(lines).world);
    const bars = (aspect: number) => {
      const { positions } = layoutGraph(els, new Map(), aspect);
      return els.filter((e) => e.data.kind === 'bridge').map((e) => positions.get(e.data.id)!.y);
    };
    expect(new Set(bars(4)).size).toBe(1);
    expect(new Set(bars(0.5)).size).toBeGreaterThan(1);
  });
});
