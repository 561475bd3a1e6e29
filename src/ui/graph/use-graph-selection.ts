/**
 * Shows the view store's selection on the graph: every node standing for the selected ref (a
 * container's box also stands for the containers sharing it) gets the `selected` class.
 */
import type { Core } from 'cytoscape';
import { useEffect } from 'react';
import { parseRef } from '../../graph/refs';
import { useReadyLab } from '../../store';
import { useView } from '../../store/view-store';

export function useGraphSelection(cy: Core | undefined): void {
  const selected = useView((s) => s.selected);
  const world = useReadyLab((s) => s.world);
  useEffect(() => {
    if (!cy) return;
    const parsed = selected ? parseRef(selected) : undefined;
    const name = parsed?.kind === 'container' ? parsed.name : undefined;
    cy.batch(() => {
      cy.elements('.selected').removeClass('selected');
      if (!selected) return;
      cy.nodes()
        .filter(
          (n) =>
            n.id() === selected ||
            n.data('ref') === selected ||
            (name !== undefined &&
              (n.data('containers') as string[] | undefined)?.includes(name) === true),
        )
        .addClass('selected');
    });
  }, [cy, selected, world]);
}
