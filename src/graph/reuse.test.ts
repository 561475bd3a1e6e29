import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { createWorld, runLine, type World } from '../sim';
import { projectWorld, type GraphElement } from './elements';
import { layoutGraph } from './layout';
import { syncGraph } from './sync';

function run(world: World, line: string): World {
  const r = runLine(world, line);
  expect(r.output.exitCode).toBe(0);
  return r.world;
}

const LAB = [
  'docker network create mynet',
  'docker run -dit --name web1 --network mynet -p 8080:80 busybox',
  'docker run -dit --name db busybox',
];
const lab = (): World => LAB.reduce(run, createWorld(1));
const ids = (els: readonly GraphElement[]) => els.map((e) => e.data.id);
/** The element objects that are not, by identity, in `before`. */
const fresh = (before: readonly GraphElement[], after: readonly GraphElement[]) => {
  const old = new Set(before);
  return after.filter((e) => !old.has(e));
};

describe('projection reuse', () => {
  it('hands back the very element objects of what one more docker run left untouched', () => {
    const world = lab();
    const before = projectWorld(world);
    const grown = run(world, 'docker run -dit --name web2 --network mynet busybox');
    const after = projectWorld(grown);
    const renewed = fresh(before, after);
    const added = ids(after).filter((id) => !ids(before).includes(id));
    // The new box, its lo and eth0, the host's veth end, its veth and bridge-port edges…
    expect(added.length).toBeGreaterThanOrEqual(6);
    // …the DNS badge, which now answers web2, and nothing else: web1, db, the bridges and the
    // host's own devices are the same objects.
    expect(ids(renewed).sort()).toEqual([...added, 'dns:mynet'].sort());
    // A command that changes nothing drawn renews nothing.
    expect(fresh(after, projectWorld(run(grown, 'docker ps')))).toEqual([]);
  });

  it('renews what a command changed, and what it says is what a fresh projection says', () => {
    const world = lab();
    const before = projectWorld(world);
    const after = projectWorld(run(world, 'docker network disconnect mynet web1'));
    const renewed = ids(fresh(before, after));
    const box = after.find((e) => e.data.ref === 'container:web1')!;
    expect(renewed).toContain(box.data.id);
    expect(box.data.bridges).toEqual([]);
    // Reused or not, every element equals what projecting a rebuilt copy of the world gives.
    const rebuilt = [...LAB, 'docker network disconnect mynet web1'].reduce(run, createWorld(1));
    expect(JSON.stringify(projectWorld(rebuilt))).toBe(JSON.stringify(after));
  });

  it('lets syncGraph report only the new container’s elements', () => {
    const cy = cytoscape({ headless: true, styleEnabled: false });
    const world = lab();
    const first = projectWorld(world);
    const layout = layoutGraph(first);
    syncGraph(cy, first, layout.positions);
    const next = projectWorld(run(world, 'docker run -dit --name web2 --network mynet busybox'));
    const result = syncGraph(cy, next, layoutGraph(next, layout.slots).positions);
    const renewed = ids(fresh(first, next)).filter((id) => id !== 'dns:mynet');
    expect([...result.added].sort()).toEqual(renewed.sort());
    expect(result.changed).toEqual(['dns:mynet']);
    expect(result.removed).toEqual([]);
    expect(cy.elements().length).toBe(next.length);
  });
});
