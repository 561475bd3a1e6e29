/**
 * The one Cytoscape instance the GraphView owns, for the trace animation and the click-to-act
 * helpers: they attach their own handlers and classes and must not create a second graph.
 */
import type { Core } from 'cytoscape';

type Listener = (cy: Core | undefined) => void;

let current: Core | undefined;
const listeners = new Set<Listener>();

export function getCy(): Core | undefined {
  return current;
}

/** Calls `listener` now and whenever the instance is created or destroyed. */
export function onCy(listener: Listener): () => void {
  listeners.add(listener);
  listener(current);
  return () => void listeners.delete(listener);
}

/** Only the GraphView calls this. */
export function setCy(cy: Core | undefined): void {
  current = cy;
  for (const l of listeners) l(cy);
}
