/**
 * Keeps the graph in step with the world: project, lay out, patch by id. What a command added
 * or changed glows for a moment; new things out of sight bring the whole graph into view.
 */
import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTSIDE_ID, projectWorld, type GraphText } from '../../graph/elements';
import { layoutGraph, type Layout, type SlotMemory } from '../../graph/layout';
import { syncGraph } from '../../graph/sync';
import { useReadyLab } from '../../store';

const GLOW_MS = 1500;
export const FIT_PADDING = 30;
/** Below this zoom the overview's labels fall under about 8 px. */
const LEGIBLE_ZOOM = 0.55;

export function useGraphSync(cy: Core | undefined): void {
  const world = useReadyLab((s) => s.world);
  const { t, i18n } = useTranslation('graph');
  const slots = useRef<SlotMemory>(new Map());
  const glow = useRef<{ timer?: ReturnType<typeof setTimeout>; ids: string[] }>({ ids: [] });

  useEffect(() => {
    if (!cy) return;
    const text: GraphText = {
      gateway: t('label.gateway'),
      network: t('label.network'),
      hostNetwork: '--network host',
      noNetwork: '--network none',
      status: (s) => t(`status.${s}`),
      netns: (name) => t('label.netns', { name }),
      overlayNetns: (network, name) => t('label.overlayNetns', { network, name }),
      loadBalancerNetns: (network, name) => t('label.loadBalancerNetns', { network, name }),
      lan: (subnet, gateway) => t('label.lan', { subnet, gateway }),
      compose: (project) => t('label.compose', { project }),
      service: (name) => t('label.service', { name }),
    };
    const elements = projectWorld(world, text);
    const aspect = cy.width() > 0 && cy.height() > 0 ? cy.width() / cy.height() : undefined;
    const layout = layoutGraph(elements, slots.current, aspect);
    slots.current = layout.slots;
    const first = cy.elements().empty();
    const result = syncGraph(cy, elements, layout.positions);
    applyShapes(cy, layout);
    if (first) {
      cy.fit(undefined, FIT_PADDING);
      return;
    }
    const ids = [...result.added, ...result.changed, ...result.touched];
    keepInView(cy, ids);
    clearTimeout(glow.current.timer);
    cy.batch(() => {
      for (const id of glow.current.ids) cy.getElementById(id).removeClass('changed');
      for (const id of ids) cy.getElementById(id).addClass('changed');
    });
    glow.current = {
      ids,
      timer: setTimeout(() => {
        if (cy.destroyed()) return;
        cy.batch(() => ids.forEach((id) => cy.getElementById(id).removeClass('changed')));
        glow.current = { ids: [] };
      }, GLOW_MS),
    };
  }, [cy, world, t, i18n.language]);
}

/**
 * After a command the whole lab stays in view when it can be read at once; when it cannot, the
 * part that changed is fitted instead ("Fit graph" shows the whole again).
 */
function keepInView(cy: Core, changed: readonly string[]): void {
  const all = cy.elements().boundingBox();
  const view = cy.extent();
  const inside = all.x1 >= view.x1 && all.x2 <= view.x2 && all.y1 >= view.y1 && all.y2 <= view.y2;
  if (inside) return;
  cy.fit(undefined, FIT_PADDING);
  if (cy.zoom() >= LEGIBLE_ZOOM || changed.length === 0) return;
  let part = cy.collection();
  for (const id of changed) part = part.union(cy.getElementById(id));
  cy.fit(part.union(part.connectedNodes()), FIT_PADDING);
  if (cy.zoom() > 1)
    cy.zoom({ level: 1, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

/**
 * What the layout decides beyond positions: bridge bars as wide as their band, label sides, and
 * for hosts side by side the LAN as a line over them with each uplink straight up to it.
 */
function applyShapes(cy: Core, layout: Layout): void {
  cy.batch(() => {
    const lan = cy.getElementById(OUTSIDE_ID);
    lan.toggleClass('lan-line', layout.lanLine === true);
    if (!layout.widths.has(OUTSIDE_ID)) lan.removeStyle('width');
    cy.edges('.uplink').forEach((e) => {
      const end = layout.targetEnds?.get(e.id());
      if (end) e.style('target-endpoint', end);
      else e.removeStyle('target-endpoint');
    });
    cy.edges('.stacked, .tunnel').forEach((e) => {
      const route = layout.bends?.get(e.id());
      if (route)
        e.style({
          'curve-style': 'segments',
          'edge-distances': 'node-position',
          'segment-weights': route.weights.join(' '),
          'segment-distances': route.distances.join(' '),
        });
      else e.removeStyle('curve-style segment-weights segment-distances edge-distances');
    });
    for (const [id, width] of layout.widths) {
      const bar = cy.getElementById(id);
      if (bar.nonempty() && bar.numericStyle('width') !== width) bar.style('width', width);
    }
    cy.nodes('.device').forEach((d) => {
      const right = layout.facingRight.has(d.id());
      if (d.hasClass('facing-right') !== right) d.toggleClass('facing-right', right);
    });
  });
}
