/**
 * Creates the one Cytoscape instance for a container element, registers it for the other
 * helpers, and turns taps into selections and drags into "leave this node where I put it".
 */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { useEffect, useState, type RefObject } from 'react';
import { DRAGGED } from '../../graph/sync';
import { graphStyle } from '../../graph/style';
import { viewStore } from '../../store/view-store';
import { setCy } from './cy-registry';
import { FIT_PADDING } from './use-graph-sync';

export function useCytoscape(container: RefObject<HTMLDivElement | null>): Core | undefined {
  const [cy, setInstance] = useState<Core>();
  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      style: graphStyle(viewStore.getState().theme),
      minZoom: 0.08,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      // Selection lives in the view store, shared with the outline and the inspector.
      autounselectify: true,
    });
    instance.on('tap', (e) => {
      if (e.target === instance) viewStore.getState().select(undefined);
    });
    instance.on('tap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (node.hasClass('packet')) return;
      viewStore.getState().select((node.data('ref') as string | undefined) ?? node.id());
    });
    instance.on('dragfree', 'node', (e) => void (e.target as NodeSingular).scratch(DRAGGED, true));
    // The panel changes size when the trace player opens or closes, or the window does: keep the
    // whole topology in view rather than leaving half of it below the fold.
    let frame = 0;
    const resized = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (instance.destroyed()) return;
        instance.resize();
        if (instance.elements().nonempty()) instance.fit(undefined, FIT_PADDING);
      });
    });
    resized.observe(container.current);
    setInstance(instance);
    setCy(instance);
    return () => {
      resized.disconnect();
      cancelAnimationFrame(frame);
      setCy(undefined);
      instance.destroy();
    };
  }, [container]);
  return cy;
}
