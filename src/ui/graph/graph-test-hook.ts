/** Adds `getGraph()` to `window.__lab` (lab-test-hook.d.ts): what the canvas holds, read-only. */
import type { BoundingBox12, Core, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { Drawn, RenderedBox } from '../lab-test-hook';

export function installGraphHook(cy: Core): () => void {
  const hook = window.__lab;
  if (!hook) return () => undefined;
  hook.getGraph = () => ({
    zoom: cy.zoom(),
    canvas: { width: cy.width(), height: cy.height() },
    // The host box's invisible far corner (elements.ts) is layout scaffolding, not a thing drawn.
    nodes: cy
      .nodes()
      .toArray()
      .filter((n) => !n.hasClass('floor'))
      .map((n: NodeSingular) => ({
        id: n.id(),
        label: String(n.data('label') ?? ''),
        classes: n.classes(),
        ref: n.data('ref') as string | undefined,
        parent: n.isChild() ? n.parent().first().id() : undefined,
        position: { ...n.position() },
        rendered: { ...n.renderedPosition() },
        ...drawn(cy, n),
      })),
    edges: cy.edges().map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      label: String(e.data('label') ?? ''),
      classes: e.classes(),
      ...drawn(cy, e),
    })),
  });
  return () => {
    delete hook.getGraph;
  };
}

const round = (b: BoundingBox12): RenderedBox => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });

/**
 * Cytoscape skips a label whose rendered size is under `min-zoomed-font-size`, and one that is
 * empty or hidden; otherwise it is drawn at `font-size` times the zoom.
 */
function drawn(cy: Core, ele: SingularElementArgument): Drawn {
  const visible = ele.visible() && Number(ele.style('opacity')) > 0;
  const box = ele.renderedBoundingBox({
    includeLabels: false,
    includeOverlays: false,
    includeUnderlays: false,
  });
  const text = String(ele.style('label') ?? '');
  const fontPx = ele.numericStyle('font-size') * cy.zoom();
  const shown =
    visible &&
    text.trim() !== '' &&
    Number(ele.style('text-opacity')) > 0 &&
    fontPx >= ele.numericStyle('min-zoomed-font-size');
  if (!shown) return { box: round(box), labelBox: null, fontPx: 0 };
  const label = ele.renderedBoundingBox({
    includeNodes: false,
    includeEdges: false,
    includeLabels: true,
    includeMainLabels: true,
    includeSourceLabels: false,
    includeTargetLabels: false,
    includeOverlays: false,
    includeUnderlays: false,
  });
  return { box: round(box), labelBox: round(label), fontPx };
}
