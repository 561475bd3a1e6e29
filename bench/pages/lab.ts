/**
 * The lab side: the app's real graph path. First draw = `projectWorld` + `layoutGraph` +
 * `syncGraph` into a fresh Cytoscape; add one = the engine's `runLine` (timed apart) then the
 * same three on the live graph, for each of a few containers in turn; animation = the trace
 * player's `showHopOnCy`, hop by hop.
 */
import cytoscape from 'cytoscape';
import { projectWorld } from '../../src/graph/elements';
import { layoutGraph } from '../../src/graph/layout';
import { syncGraph } from '../../src/graph/sync';
import { tracePath } from '../../src/graph/trace-path';
import { runLine } from '../../src/sim';
import { showHopOnCy } from '../../src/ui/trace/animate';
import { buildFixture } from './fixture';
import { drawn, laps, medianParts, nextFrame, percentile, recordFrames, stage } from './measure';
import { SCENARIO, TWEEN_SHARE, type PageResult } from './protocol';
import { benchStyle } from './style';

/** The app's fit padding (use-graph-sync.ts), which is also the preset layout's: both zoom alike. */
const FIT_PADDING = 30;

async function run(): Promise<PageResult> {
  const s0 = performance.now();
  // Only the engine runs before the clock: the projection is part of the lab's first draw.
  const fixture = buildFixture();
  const hops = tracePath(fixture.trace);
  const setupMs = performance.now() - s0;
  await nextFrame();

  const t0 = performance.now();
  const firstDraw = laps();
  const elements = projectWorld(fixture.big);
  firstDraw.lap('project');
  const layout = layoutGraph(elements);
  firstDraw.lap('layout');
  const cy = cytoscape({ container: stage(), style: benchStyle() });
  const first = drawn(cy);
  syncGraph(cy, elements, layout.positions);
  cy.fit(undefined, FIT_PADDING);
  firstDraw.lap('sync');
  const firstDrawMs = (await first) - t0;
  firstDraw.lap('render');
  const size = cy.elements().length;
  const zoom = cy.zoom();
  await nextFrame();

  // Containers added one after the other, as a learner types them, each timed on its own.
  const adds: number[] = [];
  const engineMs: number[] = [];
  const addParts: Record<string, number>[] = [];
  let world = fixture.big;
  let slots = layout.slots;
  let glowing: string[] = [];
  for (const line of fixture.addLines) {
    const e0 = performance.now();
    world = runLine(world, line).world;
    const e1 = performance.now();
    engineMs.push(e1 - e0);
    const addOne = laps();
    const update = drawn(cy);
    const next = projectWorld(world);
    addOne.lap('project');
    const placed = layoutGraph(next, slots);
    slots = placed.slots;
    addOne.lap('layout');
    const changes = syncGraph(cy, next, placed.positions);
    // As use-graph-sync.ts does after every command: what changed glows, the last glow goes.
    const glow = [...changes.added, ...changes.changed, ...changes.touched];
    cy.batch(() => {
      for (const id of glowing) cy.getElementById(id).removeClass('changed');
      for (const id of glow) cy.getElementById(id).addClass('changed');
    });
    glowing = glow;
    addOne.lap('sync');
    adds.push((await update) - e1);
    addOne.lap('render');
    addParts.push(addOne.parts);
    await nextFrame();
  }
  cy.destroy();

  const animElements = projectWorld(fixture.anim);
  const anim = cytoscape({ container: stage(), style: benchStyle() });
  const ready = drawn(anim);
  syncGraph(anim, animElements, layoutGraph(animElements).positions);
  anim.fit(undefined, FIT_PADDING);
  await ready;
  await nextFrame();

  // The player's pace (use-trace-player.ts, use-trace-on-graph.ts) at the speed that plays the
  // whole trace in 2 s: a step every `hopMs`, tweening along the hop's path for 80% of it.
  const hopMs = SCENARIO.animMs / hops.length;
  const frames = recordFrames(SCENARIO.animMs);
  for (const hop of hops) {
    showHopOnCy(anim, hop, { tween: true, durationMs: TWEEN_SHARE * hopMs });
    await new Promise((resolve) => setTimeout(resolve, hopMs));
  }
  const deltas = await frames;
  anim.destroy();

  return {
    firstDrawMs,
    addOneMs: percentile(adds, 50),
    addOneSamplesMs: adds,
    addOneEngineMs: percentile(engineMs, 50),
    frameP95Ms: percentile(deltas, 95),
    frames: deltas.length,
    frameDeltasMs: deltas,
    setupMs,
    elements: size,
    hops: hops.length,
    zoom,
    parts: { firstDraw: firstDraw.parts, addOne: medianParts(addParts) },
  };
}

window.__bench = { run };
