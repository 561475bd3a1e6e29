/**
 * Patches one long-lived Cytoscape instance to a new projection, in one batch, by id: adds what
 * is new, removes what is gone, updates what changed, and never re-lays out what is there. A node
 * moves only when its own layout place changed (a container joined a second network), and not
 * even then if the learner dragged it. Classes other helpers add (selection, trace, glow) are
 * left alone: only the projection's own classes are swapped.
 */
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { HOST_ID, type GraphElement } from './elements';
import type { Position } from './layout';
import { sameElement } from './reuse';

export interface SyncResult {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  /** Elements still there that lost a neighbour or a child (a bridge whose port went). */
  readonly touched: readonly string[];
}

/** Scratch key on a node the learner dragged: the layout no longer moves it. */
export const DRAGGED = '_graphDragged';

interface Remembered {
  /** As projected: the projection hands back this very object while nothing about it changed. */
  readonly element: GraphElement;
  readonly layout?: Position;
}

/**
 * What each graph was last patched to, by id. Not in `cy.scratch`: setting the core's scratch
 * restyles every element (Cytoscape 3.34 treats it like `cy.data`), which after one added
 * container cost a restyle of the whole lab on the next frame.
 */
const patched = new WeakMap<Core, Map<string, Remembered>>();

export function syncGraph(
  cy: Core,
  elements: readonly GraphElement[],
  positions: ReadonlyMap<string, Position>,
): SyncResult {
  const before = patched.get(cy) ?? new Map<string, Remembered>();
  const after = new Map<string, Remembered>();
  const next = new Map(elements.map((e) => [e.data.id, e]));
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  const touched = new Set<string>();

  cy.batch(() => {
    for (const id of before.keys()) {
      if (next.has(id)) continue;
      removed.push(id);
      const gone = cy.getElementById(id);
      if (gone.empty() || gone.removed()) continue;
      const near = gone.edges().connectedNodes().union(gone.nodes().neighborhood().nodes());
      near.union(gone.nodes().parent()).forEach((n) => void touched.add(n.id()));
      gone.remove();
    }
    const additions: ElementDefinition[] = [];
    for (const el of elements) {
      const id = el.data.id;
      const layout = positions.get(id);
      after.set(id, { element: el, layout });
      const old = before.get(id);
      // An edge whose end went (the terminal moved to another host and the ids swapped their
      // @host/ prefixes) was removed with that end: it comes back as new.
      if (!old || (removed.length > 0 && cy.getElementById(id).empty())) {
        added.push(id);
        continue;
      }
      if (!sameElement(old.element, el)) {
        changed.push(id);
        updateElement(cy, el, old.element);
      }
      if (!layout || !old.layout) continue;
      const dx = layout.x - old.layout.x;
      const dy = layout.y - old.layout.y;
      if (dx === 0 && dy === 0) continue;
      const node = cy.getElementById(id);
      // A box follows its interfaces; only leaves are shifted.
      if (node.isNode() && node.isChildless() && !isDragged(node)) node.shift({ x: dx, y: dy });
    }
    for (const id of added) {
      const el = next.get(id)!;
      const definition: ElementDefinition = {
        group: el.group,
        data: { ...el.data },
        classes: [...el.classes],
      };
      if (el.group === 'nodes') definition.position = placeNew(cy, el, positions, after);
      additions.push(definition);
    }
    if (additions.length > 0) cy.add(additions);
  });

  // The host box holds nearly everything; its glowing would say nothing.
  for (const id of touched) if (!next.has(id) || id === HOST_ID) touched.delete(id);
  patched.set(cy, after);
  return { added, changed, removed, touched: [...touched] };
}

function updateElement(cy: Core, el: GraphElement, old: GraphElement): void {
  const { id, parent, source, target, ...rest } = el.data;
  const oldData = old.data;
  // move() re-creates the element, so it is looked up again afterwards.
  if (el.group === 'nodes' && (oldData.parent ?? null) !== (parent ?? null)) {
    cy.getElementById(id)
      .nodes()
      .move({ parent: parent ?? null });
  }
  if (el.group === 'edges' && (oldData.source !== source || oldData.target !== target)) {
    cy.getElementById(id).edges().move({ source: source!, target: target! });
  }
  const ele = cy.getElementById(id);
  for (const key of Object.keys(oldData)) {
    if (!(key in el.data)) ele.removeData(key);
  }
  ele.data(rest);
  const gone = old.classes.filter((c) => !el.classes.includes(c));
  if (gone.length > 0) ele.removeClass(gone.join(' '));
  ele.addClass(el.classes.join(' '));
}

/**
 * A new node goes to its layout place, shifted as its box was: if the box already holds a
 * node that sits away from its own layout place (dragged, or laid out before), the newcomer
 * keeps the same offset, so a new `eth1` lands beside the box's `eth0`.
 */
function placeNew(
  cy: Core,
  el: GraphElement,
  positions: ReadonlyMap<string, Position>,
  after: ReadonlyMap<string, Remembered>,
): Position {
  const at = positions.get(el.data.id) ?? { x: 0, y: 0 };
  if (!el.data.parent) return at;
  const sibling: NodeSingular | undefined = cy
    .getElementById(el.data.parent)
    .nodes()
    .children()
    .filter((c) => after.get(c.id())?.layout !== undefined)[0];
  if (!sibling) return at;
  const planned = after.get(sibling.id())!.layout!;
  const actual = sibling.position();
  return { x: at.x + actual.x - planned.x, y: at.y + actual.y - planned.y };
}

function isDragged(node: NodeSingular): boolean {
  return (
    node.scratch(DRAGGED) === true ||
    node
      .ancestors()
      .filter((a) => a.scratch(DRAGGED) === true)
      .nonempty()
  );
}
