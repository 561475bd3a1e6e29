/**
 * Keeps the graph in step with the world: project, lay out, patch by id. What a command added
 * or changed glows for a moment; new things out of sight bring the whole graph into view.
 */
import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { projectWorld, type GraphText } from '../../graph/elements';
import { layoutGraph, type SlotMemory } from '../../graph/layout';
import { syncGraph } from '../../graph/sync';
import { useLab } from '../../store';

const GLOW_MS = 1500;
export const FIT_PADDING = 30;

export function useGraphSync(cy: Core | undefined): void {
  const world = useLab((s) => s.world);
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
      lan: (subnet, gateway) => t('label.lan', { subnet, gateway }),
    };
    const elements = projectWorld(world, text);
    const layout = layoutGraph(elements, slots.current);
    slots.current = layout.slots;
    const first = cy.elements().empty();
    const result = syncGraph(cy, elements, layout.positions);
    if (first) {
      cy.fit(undefined, FIT_PADDING);
      return;
    }
    const extent = cy.extent();
    const outOfSight = result.added
      .flatMap((id) => cy.getElementById(id).nodes().toArray())
      .some((n) => {
        const p = n.position();
        return p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2;
      });
    if (outOfSight) cy.fit(undefined, FIT_PADDING);
    const ids = [...result.added, ...result.changed, ...result.touched];
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
