/**
 * Level of detail (issue 9 §3): the overview draws what a learner reads first (names, states,
 * addresses); zoomed in past {@link DETAIL_ZOOM}, every label says everything (MACs, veth names,
 * ifindexes). Hovering or selecting a node shows its details at any zoom (graph style).
 */
import type { Core, NodeSingular } from 'cytoscape';
import { useEffect } from 'react';

export const DETAIL_ZOOM = 1.5;

export function useLevelOfDetail(cy: Core | undefined): void {
  useEffect(() => {
    if (!cy) return;
    let shown = false;
    let frame = 0;
    const apply = (force = false) => {
      const detail = cy.zoom() >= DETAIL_ZOOM;
      if (detail === shown && !force) return;
      shown = detail;
      cy.batch(() => {
        if (detail) cy.nodes().addClass('detail');
        else cy.nodes('.detail').removeClass('detail');
      });
    };
    const onZoom = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => !cy.destroyed() && apply());
    };
    const onAdd = () => shown && apply(true);
    const hover = (on: boolean) => (e: { target: NodeSingular }) =>
      void e.target.toggleClass('hovered', on);
    const over = hover(true);
    const out = hover(false);
    cy.on('zoom', onZoom);
    cy.on('add', 'node', onAdd);
    cy.on('mouseover', 'node', over);
    cy.on('mouseout', 'node', out);
    apply(true);
    return () => {
      cancelAnimationFrame(frame);
      cy.off('zoom', onZoom);
      cy.off('add', 'node', onAdd);
      cy.off('mouseover', 'node', over);
      cy.off('mouseout', 'node', out);
    };
  }, [cy]);
}
