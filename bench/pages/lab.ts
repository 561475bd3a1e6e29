/**
 * The lab side: the app's real graph path. First draw = `projectWorld` + `layoutGraph` +
 * `syncGraph` into a fresh Cytoscape; add one = the engine's `runLine` (timed apart) then the
 * same three on the live graph; animation = the trace player's `showHopOnCy`, hop by hop.
 */
import cytoscape from 'cytoscape';
import { projectWorld } from '../../src/graph/elements';
import { layoutGraph } from '../../src/graph/layout';
import { syncGraph } from '../../src/graph/sync';
import { tracePath } from '../../src/graph/trace-path';
import { runLine } from '../../src/sim';
import { showHopOnCy } from '../../src/ui/trace/animate';
import { buildFixture } from './fixture';
import { drawn, laps, nextFrame, percentile, recordFrames, stage } from './measure';
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

  const e0 = performance.now();
  const after = runLine(fixture.big, fixture.addLine).world;
  const e1 = performance.now();
  const addOne = laps();
  const update = drawn(cy);
  const next = projectWorld(after);
  addOne.lap('project');
  const positions = layoutGraph(next, layout.slots).positions;
  addOne.lap('layout');
  const changes = syncGraph(cy, next, positions);
  // As use-graph-sync.ts does after every command: what changed glows.
  const glowing = [...changes.added, ...changes.changed, ...changes.touched];
  cy.batch(() => glowing.forEach((id) => cy.getElementById(id).addClass('changed')));
  addOne.lap('sync');
  const addOneMs = (await update) - e1;
  addOne.lap('render');
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
    addOneMs,
    addOneEngineMs: e1 - e0,
    frameP95Ms: percentile(deltas, 95),
    frames: deltas.length,
    frameDeltasMs: deltas,
    setupMs,
    elements: size,
    hops: hops.length,
    zoom,
    parts: { firstDraw: firstDraw.parts, addOne: addOne.parts },
  };
}

window.__bench = { run };
