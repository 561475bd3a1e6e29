/**
 * Click to act on the graph: right-click (cxttap) or long-press (taphold) a container box or a
 * network opens its context menu; dragging one container box onto another opens the Ping
 * dialog prefilled from → to (the dialog rather than an immediate ping, so the learner sees the
 * line first and can choose the name or an IP), and the dragged box goes back where it was.
 */
import type { Core, EventObject, NodeSingular, Position } from 'cytoscape';
import { useEffect } from 'react';
import { containerRef, HOST_REF, networkRef, parseRef, type ObjectRef } from '../../graph/refs';
import { getCy, onCy } from '../graph/cy-registry';
import { openDialog, openMenu } from './action-store';

const refOf = (n: NodeSingular): ObjectRef => (n.data('ref') as ObjectRef | undefined) ?? n.id();

const containerOf = (n: NodeSingular): string | undefined => {
  const p = parseRef(refOf(n));
  return p?.kind === 'container' ? p.name : undefined;
};

/** The container a node belongs to: its own box, or the box around a device inside it. */
const boxContainerOf = (n: NodeSingular): string | undefined =>
  containerOf(n) ?? n.ancestors().toArray().map(containerOf).find(Boolean);

/** What a node's menu is about: the container whose box it is in, a network, or the host. */
function menuRefOf(n: NodeSingular): ObjectRef | undefined {
  const container = boxContainerOf(n);
  if (container) return containerRef(container);
  const p = parseRef(refOf(n));
  if (p?.kind === 'network' || p?.kind === 'host') return refOf(n);
  if (p?.kind === 'dns') return networkRef(p.network);
  if (p?.kind === 'netns' && p.netns === 'host') return HOST_REF;
  return undefined;
}

/** Viewport coordinates of an event on the canvas. */
function clientPoint(cy: Core, e: EventObject): { x: number; y: number } {
  const box = cy.container()?.getBoundingClientRect();
  return { x: (box?.left ?? 0) + e.renderedPosition.x, y: (box?.top ?? 0) + e.renderedPosition.y };
}

function attach(cy: Core): () => void {
  const menu = (e: EventObject) => {
    const ref = menuRefOf(e.target as NodeSingular);
    if (ref) openMenu({ ref, ...clientPoint(cy, e) });
  };
  /** Where each node of the dragged box was, to put it back after a drop on another box. */
  let start: Map<string, Position> | undefined;
  const grab = (e: EventObject) => {
    const node = e.target as NodeSingular;
    start = boxContainerOf(node)
      ? new Map([node, ...node.descendants().toArray()].map((n) => [n.id(), { ...n.position() }]))
      : undefined;
  };
  const drop = (e: EventObject) => {
    const node = e.target as NodeSingular;
    const from = boxContainerOf(node);
    if (!from || !start) return;
    const at = node.position();
    const target = cy
      .nodes()
      .toArray()
      .find((n) => {
        const to = containerOf(n);
        if (n.id() === node.id() || !to || to === from) return false;
        const bb = n.boundingBox();
        return at.x >= bb.x1 && at.x <= bb.x2 && at.y >= bb.y1 && at.y <= bb.y2;
      });
    if (!target) return;
    const saved = start;
    cy.batch(() => saved.forEach((p, id) => cy.$id(id).position(p)));
    openDialog({ kind: 'ping', from, to: containerOf(target) });
  };
  cy.on('cxttap taphold', 'node', menu);
  cy.on('grab', 'node', grab);
  cy.on('dragfree', 'node', drop);
  return () => {
    cy.off('cxttap taphold', 'node', menu);
    cy.off('grab', 'node', grab);
    cy.off('dragfree', 'node', drop);
  };
}

export function useGraphActions(): void {
  useEffect(() => {
    let detach: (() => void) | undefined;
    const stop = onCy((cy) => {
      detach?.();
      detach = cy ? attach(cy) : undefined;
    });
    return () => {
      stop();
      if (getCy()) detach?.();
    };
  }, []);
}
