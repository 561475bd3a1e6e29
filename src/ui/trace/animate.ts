/**
 * Draws one moment of a trace on the graph: the packet dot where the hop leaves it (travelling
 * there along the hop's path when tweening), the hop's elements lit, a drop marked red at its
 * device, a NAT rewrite as a temporary label beside the rule's device. Each call changes only
 * what differs from what the graph shows (one dot, moved; classes swapped on the elements whose
 * state changes), so a step is cheap to draw and any step, back or forth, comes out exact.
 */
import type { Core, NodeSingular, Position } from 'cytoscape';
import type { Hop, NatRewrite, OuterHeader } from '../../graph/trace-path';

const DOT = 'trace:packet';
const NAT = 'trace:nat';
const MARK = 'trace:drop';
const LIT = 'hop-active';
/** Every id the trace adds to the graph starts so. */
const TRACE = 'trace:';
const DROPPED = 'dropped';
/** Between VXLAN encapsulation and decapsulation: the dot inside its outer packet. */
const WRAPPED = 'wrapped';

export interface ShowOptions {
  /** Move the dot along the hop's path instead of jumping to its end. */
  readonly tween: boolean;
  readonly durationMs: number;
}

/** Removes everything a trace added to the graph. */
export function clearTraceFromCy(cy: Core): void {
  cy.batch(() => {
    cy.getElementById(DOT).stop(true, false);
    cy.remove(cy.getElementById(DOT).union(cy.getElementById(NAT)).union(cy.getElementById(MARK)));
    cy.elements(`.${LIT}`).removeClass(LIT);
    cy.elements(`.${DROPPED}`).removeClass(DROPPED);
  });
}

function positionOf(cy: Core, ref: string): Position | undefined {
  const el = cy.getElementById(ref);
  if (el.empty() || !el.isNode()) return undefined;
  const { x, y } = el.position();
  // A bridge forwards along its bar's lower edge, where its ports are: the dot leaves the
  // network's name and subnet readable.
  if (el.hasClass('bridge')) return { x, y: el.boundingBox({ includeLabels: false }).y2 };
  return { x, y };
}

function natLabel(n: NatRewrite): string {
  const src = n.before.src === n.after.src ? n.after.src : `${n.before.src} ⇒ ${n.after.src}`;
  const dst = n.before.dst === n.after.dst ? n.after.dst : `${n.before.dst} ⇒ ${n.after.dst}`;
  return `src ${src}\ndst ${dst}`;
}

/** The outer header the wrapped packet carries over the LAN. */
function outerLabel(o: OuterHeader): string {
  return `VXLAN ${o.vni}\n${o.src} → ${o.dst}\nUDP ${o.dstPort}`;
}

/** The red mark under a drop: the chain whose rule dropped it (a name iptables prints), or ✗. */
function dropMark(hop: Hop): string {
  const e = hop.event;
  const chain = e.kind === 'dropped' && e.rule ? /^-A (\S+)/.exec(e.rule)?.[1] : undefined;
  return chain ? `✗ ${chain}` : '✗';
}

/** The graph's own elements (not the dot or a label) that wear `cls` exactly when in `want`. */
function setClassOn(cy: Core, cls: string, want: ReadonlySet<string>): void {
  cy.elements(`.${cls}`).forEach((el) => {
    if (!want.has(el.id()) && !el.id().startsWith(TRACE)) el.removeClass(cls);
  });
  for (const id of want) {
    const el = cy.getElementById(id);
    if (el.nonempty() && !el.hasClass(cls)) el.addClass(cls);
  }
}

/**
 * Where the dot stops along a path. Over hosts side by side the LAN is a line: the dot rides up
 * to it above the near eth0, along it, and down above the far one (never through a host's row).
 */
function stopsOf(cy: Core, path: readonly string[]): Position[] {
  const stops: Position[] = [];
  path.forEach((ref, i) => {
    const el = cy.getElementById(ref);
    const at = positionOf(cy, ref);
    if (!at) return;
    if (!el.hasClass('lan-line')) return void stops.push(at);
    const before = stops.at(-1);
    const after = path[i + 1] ? positionOf(cy, path[i + 1]) : undefined;
    if (before) stops.push({ x: before.x, y: at.y });
    if (after) stops.push({ x: after.x, y: at.y });
    if (!before && !after) stops.push(at);
  });
  return stops;
}

/** The hop's lit devices and the edges between consecutive devices of its path. */
function litIds(cy: Core, hop: Hop): Set<string> {
  const ids = new Set(hop.lit);
  // A wrapped packet crossing the LAN rides in the tunnel between the two ends of its path.
  if (hop.outer && hop.path.length > 1)
    cy.getElementById(hop.path[0])
      .edgesWith(cy.getElementById(hop.path.at(-1)!))
      .forEach((e) => void (e.hasClass('tunnel') && ids.add(e.id())));
  for (let i = 1; i < hop.path.length; i++) {
    const a = cy.getElementById(hop.path[i - 1]);
    const b = cy.getElementById(hop.path[i]);
    // A VXLAN tunnel lights only for a packet inside it, not for every frame between the hosts.
    if (a.nonempty() && b.nonempty())
      a.edgesWith(b).forEach((e) => {
        if (hop.outer || !e.hasClass('tunnel')) ids.add(e.id());
      });
  }
  return ids;
}

function movedTo(el: NodeSingular, at: Position): void {
  const now = el.position();
  if (now.x !== at.x || now.y !== at.y) el.position({ ...at });
}

/** A temporary label node: added, updated in place, or removed when `label` is undefined. */
function placeLabel(cy: Core, id: string, classes: string, label?: string, at?: Position): void {
  const el = cy.getElementById(id);
  if (label === undefined || !at) {
    if (el.nonempty()) el.remove();
    return;
  }
  if (el.empty()) {
    cy.add({
      group: 'nodes',
      data: { id, label },
      classes,
      position: { ...at },
      grabbable: false,
      selectable: false,
    });
    return;
  }
  if (el.data('label') !== label) el.data('label', label);
  movedTo(el.nodes()[0], at);
}

/** The one packet dot, added once and moved from then on: re-adding it would restyle it each step. */
function placeDot(cy: Core, stops: readonly Position[], hop: Hop, opts: ShowOptions): void {
  const existing = cy.getElementById(DOT);
  if (stops.length === 0) {
    if (existing.nonempty()) existing.stop(true, false).remove();
    return;
  }
  const start = opts.tween ? stops[0] : stops[stops.length - 1];
  const dropped = hop.category === 'drop';
  const label = hop.outer ? outerLabel(hop.outer) : '';
  let dot: NodeSingular;
  if (existing.empty()) {
    dot = cy.add({
      group: 'nodes',
      data: { id: DOT, label },
      classes: ['packet', ...(dropped ? [DROPPED] : []), ...(hop.outer ? [WRAPPED] : [])].join(' '),
      position: { ...start },
      grabbable: false,
      selectable: false,
    });
  } else {
    dot = existing.nodes()[0];
    dot.stop(true, false);
    if (dot.hasClass(DROPPED) !== dropped) dot.toggleClass(DROPPED, dropped);
    if (dot.hasClass(WRAPPED) !== !!hop.outer) dot.toggleClass(WRAPPED, !!hop.outer);
    if (dot.data('label') !== label) dot.data('label', label);
    movedTo(dot, start);
  }
  if (!opts.tween || stops.length < 2) return;
  const each = opts.durationMs / (stops.length - 1);
  for (const position of stops.slice(1))
    dot.animate({ position, duration: each, easing: 'ease-in-out-sine', queue: true });
}

/**
 * Shows hop `hop` (or nothing for the start, before the first event). Only what differs from the
 * graph's current trace state is touched, so the result is the same whichever step came before.
 */
export function showHopOnCy(cy: Core, hop: Hop | undefined, opts: ShowOptions): void {
  if (!hop) {
    clearTraceFromCy(cy);
    return;
  }
  const drop = hop.category === 'drop';
  const dropAt = drop ? edgeOf(cy, hop.path.at(-1) ?? '', 'below') : undefined;
  const natAt = hop.nat && edgeOf(cy, hop.nat.at, 'above');
  const stops = stopsOf(cy, hop.path);
  cy.batch(() => {
    setClassOn(cy, LIT, litIds(cy, hop));
    setClassOn(cy, DROPPED, new Set(drop ? hop.path : []));
    placeLabel(cy, MARK, `nat-label ${DROPPED}`, drop ? dropMark(hop) : undefined, dropAt);
    placeLabel(cy, NAT, 'nat-label', hop.nat && natLabel(hop.nat), natAt);
    placeDot(cy, stops, hop, opts);
  });
  followPacket(cy, stops);
}

/** Issue 9 §4: the device the packet is at stays on screen; the graph pans to it if it is not. */
function followPacket(cy: Core, stops: readonly Position[]): void {
  const at = stops.at(-1);
  if (!at) return;
  const zoom = cy.zoom();
  const margin = 40 / zoom;
  const view = cy.extent();
  const inside =
    at.x >= view.x1 + margin &&
    at.x <= view.x2 - margin &&
    at.y >= view.y1 + margin &&
    at.y <= view.y2 - margin;
  if (!inside) cy.pan({ x: cy.width() / 2 - at.x * zoom, y: cy.height() / 2 - at.y * zoom });
}

/** Just under or over a node's body (a bridge bar is tall): a mark never covers its label. */
function edgeOf(cy: Core, ref: string, side: 'above' | 'below'): Position | undefined {
  const el = cy.getElementById(ref);
  if (el.empty() || !el.isNode()) return undefined;
  const box = el.boundingBox({ includeLabels: false, includeOverlays: false });
  return { x: el.position().x, y: side === 'below' ? box.y2 + 18 : box.y1 - 30 };
}

/** The learner asked the system for less motion: jump, never tween. */
export const prefersReducedMotion = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
