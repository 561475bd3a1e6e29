/**
 * Everything both sides prepare before a timer starts: the labs (engine path), their projection
 * and preset positions, the added container's new elements and the packet's hops. The bare side
 * gets these very element definitions and positions, so both draw exactly the same graph.
 */
import type { ElementDefinition } from 'cytoscape';
import { projectWorld, type GraphElement } from '../../src/graph/elements';
import { layoutGraph, type Layout } from '../../src/graph/layout';
import { tracePath, type Hop } from '../../src/graph/trace-path';
import { runLine } from '../../src/sim';
import { buildFixture, type Fixture } from './fixture';

export interface Scene {
  readonly fixture: Fixture;
  /** The 500-container graph as Cytoscape definitions with their preset positions. */
  readonly big: ElementDefinition[];
  /** What adding each container of `fixture.addLines` in turn adds, with positions. */
  readonly added: ElementDefinition[][];
  readonly anim: ElementDefinition[];
  readonly hops: readonly Hop[];
}

export function withPositions(
  elements: readonly GraphElement[],
  layout: Layout,
): ElementDefinition[] {
  return elements.map((e) => {
    const position = layout.positions.get(e.data.id);
    return {
      group: e.group,
      data: { ...e.data },
      classes: [...e.classes],
      ...(e.group === 'nodes' && position ? { position: { ...position } } : {}),
    };
  });
}

export function buildScene(): Scene {
  const fixture = buildFixture();
  const bigElements = projectWorld(fixture.big);
  const bigLayout = layoutGraph(bigElements);
  const added: ElementDefinition[][] = [];
  let world = fixture.big;
  let layout = bigLayout;
  let shown = new Set(bigElements.map((e) => e.data.id));
  for (const line of fixture.addLines) {
    world = runLine(world, line).world;
    const elements = projectWorld(world);
    layout = layoutGraph(elements, layout.slots);
    added.push(
      withPositions(
        elements.filter((e) => !shown.has(e.data.id)),
        layout,
      ),
    );
    shown = new Set(elements.map((e) => e.data.id));
  }
  const animElements = projectWorld(fixture.anim);
  return {
    fixture,
    big: withPositions(bigElements, bigLayout),
    added,
    anim: withPositions(animElements, layoutGraph(animElements)),
    hops: tracePath(fixture.trace),
  };
}
