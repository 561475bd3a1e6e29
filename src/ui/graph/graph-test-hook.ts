/** Adds `getGraph()` to `window.__lab` (lab-test-hook.d.ts): what the canvas holds, read-only. */
import type { Core } from 'cytoscape';

export function installGraphHook(cy: Core): () => void {
  const hook = window.__lab;
  if (!hook) return () => undefined;
  hook.getGraph = () => ({
    zoom: cy.zoom(),
    nodes: cy.nodes().map((n) => ({
      id: n.id(),
      label: String(n.data('label') ?? ''),
      classes: n.classes(),
      ref: n.data('ref') as string | undefined,
      parent: n.isChild() ? n.parent().first().id() : undefined,
      position: { ...n.position() },
      rendered: { ...n.renderedPosition() },
    })),
    edges: cy.edges().map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      label: String(e.data('label') ?? ''),
      classes: e.classes(),
    })),
  });
  return () => {
    delete hook.getGraph;
  };
}
