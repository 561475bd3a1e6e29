import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { replay } from '../sim';
import { FLOOR_ID, projectWorld } from './elements';
import { layoutGraph, type SlotMemory } from './layout';
import { DRAGGED, syncGraph } from './sync';

/** A lab view as the GraphView keeps it: one Cytoscape instance and the layout's memory. */
function lab() {
  const cy: Core = cytoscape({ headless: true, styleEnabled: false });
  let slots: SlotMemory = new Map();
  const show = (lines: readonly string[]) => {
    const els = projectWorld(replay(lines).world);
    const layout = layoutGraph(els, slots);
    slots = layout.slots;
    return syncGraph(cy, els, layout.positions);
  };
  const positions = () =>
    new Map(
      cy
        .nodes()
        .filter((n) => n.isChildless())
        .nodes()
        .map((n) => [n.id(), { ...n.position() }] as const),
    );
  const boxOf = (name: string) => cy.nodes().filter((n) => n.data('ref') === `container:${name}`);
  return { cy, show, positions, boxOf };
}

const LAB = ['docker network create mynet', 'docker run -dit --name web1 --network mynet busybox'];

describe('syncGraph', () => {
  it('adds the projection with its ids, classes and compound parents', () => {
    const { cy, show, boxOf } = lab();
    const first = show(LAB);
    expect(first.removed).toEqual([]);
    expect(first.added).toEqual(
      expect.arrayContaining(['netns:host', 'dev:host/docker0', 'dns:mynet']),
    );
    expect(cy.elements().length).toBe(first.added.length);
    const box = boxOf('web1');
    expect(box.hasClass('container-box')).toBe(true);
    expect(box.children().map((n) => String(n.data('label')).split('\n')[0])).toEqual(
      expect.arrayContaining(['lo', expect.stringMatching(/^eth0@if\d+$/)]),
    );
    expect(
      cy.getElementById('dev:host/eth0').edgesWith(cy.getElementById('netns:outside')).length,
    ).toBe(1);
  });

  it('reports what a command added, changed and removed, and nothing when nothing changed', () => {
    const { cy, show, boxOf } = lab();
    show(LAB);
    expect(show(LAB)).toEqual({ added: [], changed: [], removed: [], touched: [] });
    const run = show([...LAB, 'docker run -dit --name web2 --network mynet busybox']);
    const box = boxOf('web2').id();
    expect(run.added).toEqual(expect.arrayContaining([box, `dev:${box.slice(6)}/eth0`]));
    expect(run.added.filter((id) => id.startsWith('veth:'))).toHaveLength(1);
    // The embedded DNS now answers web2 too.
    expect(run.changed).toEqual(['dns:mynet']);

    const stop = show([
      ...LAB,
      'docker run -dit --name web2 --network mynet busybox',
      'docker stop web2',
    ]);
    expect(stop.removed).toEqual(expect.arrayContaining([box]));
    expect(stop.added).toEqual(['container:web2']);
    expect(cy.getElementById('container:web2').hasClass('stopped')).toBe(true);
    // The bridge that lost a port is still there to glow.
    const bridge = cy
      .nodes()
      .filter((n) => n.data('ref') === 'network:mynet')
      .id();
    expect(stop.touched).toContain(bridge);
  });

  it('adding a container moves nobody, not even a node the learner dragged', () => {
    const { show, positions, boxOf } = lab();
    show(LAB);
    const eth0 = boxOf('web1')
      .children()
      .filter((n) => String(n.data('label')).startsWith('eth0'));
    eth0.position({ x: 999, y: 999 });
    eth0.scratch(DRAGGED, true);
    const before = positions();
    show([
      ...LAB,
      'docker run -dit --name web2 --network mynet busybox',
      'docker run -dit --name t1 busybox',
    ]);
    const after = positions();
    // Only the host box's far corner moves, to take the newcomer in.
    for (const [id, at] of before) if (id !== FLOOR_ID) expect(after.get(id)).toEqual(at);
    expect(boxOf('web2').position()).not.toEqual(boxOf('web1').position());
  });

  it('keeps selection and trace classes it did not set, and swaps its own', () => {
    const { cy, show } = lab();
    show(['docker run -dit --name t1 busybox']);
    const box = cy.nodes().filter((n) => n.data('ref') === 'container:t1');
    box.addClass('selected hop-active');
    show([
      'docker run -dit --name t1 busybox',
      'docker run -dit --name t2 --network container:t1 busybox',
    ]);
    expect(box.data('label')).toBe('t1 + t2');
    expect(box.classes()).toEqual(
      expect.arrayContaining(['selected', 'hop-active', 'container-box']),
    );
  });

  it('moves a container that joins a second network between its bridges, next to its new port', () => {
    const { cy, show, boxOf } = lab();
    show([...LAB, 'docker run -dit --name t1 busybox']);
    const docker0 = cy.getElementById('dev:host/docker0').position().x;
    const eth0At = () =>
      boxOf('t1')
        .children()
        .filter((c) => String(c.data('label')).startsWith('eth0@'))
        .position().x;
    const before = eth0At();
    show([...LAB, 'docker run -dit --name t1 busybox', 'docker network connect mynet t1']);
    const box = boxOf('t1');
    expect(eth0At()).toBeGreaterThan(before);
    expect(eth0At()).toBeGreaterThan(docker0);
    const [eth0, eth1] = ['eth0', 'eth1'].map((n) =>
      box
        .children()
        .filter((c) => String(c.data('label')).startsWith(`${n}@`))
        .position(),
    );
    // mynet's band lies to the right: eth1 sits on the box's right edge, under eth0.
    expect(eth1.y).toBeGreaterThan(eth0.y);
    expect(eth1.x).toBeGreaterThan(eth0.x);
  });

  it('keeps an edge whose end was replaced in the same patch (hosts swap their @host/ prefixes)', () => {
    const { cy, show } = lab();
    const overlay = [
      'lab add-host host2',
      'docker swarm init',
      'ssh host2 docker swarm join --token $(docker swarm join-token -q worker) 10.0.2.15:2377',
      'docker network create -d overlay --attachable test-net',
      'docker run -dit --name alpine1 --network test-net alpine',
      'ssh host2',
      'docker run -dit --name alpine2 --network test-net alpine',
    ];
    show(overlay);
    const back = [...overlay, 'exit'];
    show(back);
    // Every element of the projection is on the canvas, with the ends it was projected with.
    for (const el of projectWorld(replay(back).world)) {
      const drawn = cy.getElementById(el.data.id);
      expect(drawn.empty(), el.data.id).toBe(false);
      if (el.group === 'edges') {
        expect(drawn.source().id()).toBe(el.data.source);
        expect(drawn.target().id()).toBe(el.data.target);
      }
    }
    expect(cy.edges('.overlay-band')).toHaveLength(1);
    expect(cy.edges('.tunnel')).toHaveLength(1);
  });
});
