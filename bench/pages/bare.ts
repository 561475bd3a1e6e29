/**
 * The bare side: Cytoscape alone doing the same drawing, given the very element definitions,
 * preset positions and stylesheet the lab produces (prepared before any clock starts).
 */
import cytoscape, { type Core, type Position } from 'cytoscape';
import { drawn, nextFrame, percentile, recordFrames, stage } from './measure';
import { SCENARIO, TWEEN_SHARE, type PageResult } from './protocol';
import { buildScene } from './scene';
import { benchStyle } from './style';

/**
 * Moves one dot through every hop's stops at the lab player's pace: each hop an equal share of
 * the animation, moving for TWEEN_SHARE of it and resting for the rest.
 */
function animatePacket(cy: Core, paths: readonly (readonly string[])[]): void {
  const at = (id: string): Position[] => {
    const n = cy.getElementById(id);
    return n.nonempty() && n.isNode() ? [{ ...n.position() }] : [];
  };
  const hopMs = SCENARIO.animMs / paths.length;
  const start = paths.flatMap((p) => p.flatMap(at))[0];
  const dot = cy.add({
    group: 'nodes',
    data: { id: 'packet' },
    classes: 'packet',
    position: start,
  });
  for (const path of paths) {
    const stops = path.flatMap(at);
    const legs = stops.length > 1 ? stops.slice(1) : stops;
    for (const position of legs) {
      dot.animate({
        position,
        duration: (TWEEN_SHARE * hopMs) / legs.length,
        easing: 'ease-in-out-sine',
        queue: true,
      });
    }
    dot.delay((1 - TWEEN_SHARE) * hopMs);
  }
}

async function run(): Promise<PageResult> {
  const s0 = performance.now();
  const scene = buildScene();
  const setupMs = performance.now() - s0;
  await nextFrame();

  const t0 = performance.now();
  const cy = cytoscape({
    container: stage(),
    style: benchStyle(),
    elements: scene.big,
    layout: { name: 'preset', fit: true },
  });
  const firstDrawMs = (await drawn(cy)) - t0;
  const size = cy.elements().length;
  const zoom = cy.zoom();
  await nextFrame();

  const adds: number[] = [];
  for (const added of scene.added) {
    const a0 = performance.now();
    const update = drawn(cy);
    cy.batch(() => cy.add(added));
    adds.push((await update) - a0);
    await nextFrame();
  }
  cy.destroy();

  const anim = cytoscape({
    container: stage(),
    style: benchStyle(),
    elements: scene.anim,
    layout: { name: 'preset', fit: true },
  });
  await drawn(anim);
  await nextFrame();

  const frames = recordFrames(SCENARIO.animMs);
  animatePacket(
    anim,
    scene.hops.map((h) => h.path),
  );
  const deltas = await frames;
  anim.destroy();

  return {
    firstDrawMs,
    addOneMs: percentile(adds, 50),
    addOneSamplesMs: adds,
    addOneEngineMs: 0,
    frameP95Ms: percentile(deltas, 95),
    frames: deltas.length,
    frameDeltasMs: deltas,
    setupMs,
    elements: size,
    hops: scene.hops.length,
    zoom,
  };
}

window.__bench = { run };
