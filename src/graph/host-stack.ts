/**
 * Several lab hosts on one canvas, each laid out on its own. On a canvas wider than tall they
 * stand side by side, left to right in the order they joined the LAN, under one LAN line that
 * runs over them all: each host's eth0 hangs straight down from it, as on a switch. On a tall
 * canvas they are stacked, the LAN left of them all and level with the middle of their eth0s, so
 * each uplink runs to it clear of other boxes.
 */
import { OUTSIDE_ID } from './elements';
import type { Layout, Position } from './layout';
import type { Segments } from './underlay-route';

/** Room between one host's box and the next one's (the host's title sits in it). */
const HOST_GAP = 180;
/** Side by side: room between two hosts' boxes, their labels sticking out included. */
const HOST_GAP_X = 150;
/** The LAN line's centre, over the hosts' titles; its thickness (style-hosts.ts). */
export const LAN_LINE_Y = -104;
export const LAN_LINE_H = 18;
/** How far the line reaches past the first and last eth0. */
const LAN_OVERHANG = 60;

export interface PeerLayout {
  readonly prefix: string;
  readonly layout: Layout;
}

export function stackHosts(main: Layout, peers: readonly PeerLayout[]): Layout {
  const positions = new Map(main.positions);
  const facingRight = new Set(main.facingRight);
  const widths = new Map(main.widths);
  const bottom = () => Math.max(...[...positions.values()].map((p) => p.y));
  let lastEth0 = 0;
  for (const { prefix, layout: one } of peers) {
    const dy = bottom() + HOST_GAP;
    lastEth0 = dy;
    // The LAN is drawn once, for every host.
    for (const [id, p] of one.positions)
      if (id !== OUTSIDE_ID) positions.set(`${prefix}${id}`, { x: p.x, y: p.y + dy });
    for (const id of one.facingRight) facingRight.add(`${prefix}${id}`);
    for (const [id, w] of one.widths) widths.set(`${prefix}${id}`, w);
  }
  const lan = positions.get(OUTSIDE_ID);
  if (lan) positions.set(OUTSIDE_ID, { x: lan.x - 90, y: lastEth0 / 2 });
  return { positions, slots: main.slots, facingRight, widths, bends: bendsOf(main, peers) };
}

/** Where a host's top row holds more than eth0 and lo (layout.ts's placeTopRow). */
const TOP_ROW_X = 300;
/** A top-row device's name and address, written to its right. */
const TOP_LABEL_W = 180;

/** How far right each thing of a host reaches, a top-row device's label included. */
const xs = (positions: ReadonlyMap<string, Position>) =>
  [...positions]
    .filter(([id]) => id !== OUTSIDE_ID)
    .map(([, p]) => (p.y === 0 && p.x >= TOP_ROW_X ? p.x + TOP_LABEL_W : p.x));

/**
 * Side by side under the LAN line. `uplinks` are the eth0 ends of the hosts' uplink edges, by
 * edge id: each edge meets the line straight above its eth0.
 */
export function hostsSideBySide(
  main: Layout,
  peers: readonly PeerLayout[],
  uplinks: ReadonlyMap<string, string>,
): Layout {
  const positions = new Map(main.positions);
  positions.delete(OUTSIDE_ID);
  const facingRight = new Set(main.facingRight);
  const widths = new Map(main.widths);
  let right = Math.max(...xs(positions));
  for (const { prefix, layout: one } of peers) {
    const dx = right + HOST_GAP_X - Math.min(...xs(one.positions));
    for (const [id, p] of one.positions)
      if (id !== OUTSIDE_ID) positions.set(`${prefix}${id}`, { x: p.x + dx, y: p.y });
    for (const id of one.facingRight) facingRight.add(`${prefix}${id}`);
    for (const [id, w] of one.widths) widths.set(`${prefix}${id}`, w);
    right = Math.max(...xs(positions));
  }
  const bends = bendsOf(main, peers);
  const ends = [...uplinks.values()].map((id) => positions.get(id)?.x ?? 0);
  const x1 = Math.min(...ends) - LAN_OVERHANG;
  const x2 = Math.max(...ends) + LAN_OVERHANG;
  const lan = { x: (x1 + x2) / 2, y: LAN_LINE_Y };
  positions.set(OUTSIDE_ID, lan);
  widths.set(OUTSIDE_ID, x2 - x1);
  const targetEnds = new Map<string, string>();
  for (const [edge, eth0] of uplinks) {
    const at = positions.get(eth0);
    if (at) targetEnds.set(edge, `${at.x - lan.x}px ${LAN_LINE_H / 2}px`);
  }
  return { positions, slots: main.slots, facingRight, widths, bends, lanLine: true, targetEnds };
}

/** Every host's bent lines, another host's under its prefix (they are relative: no shift). */
function bendsOf(main: Layout, peers: readonly PeerLayout[]): Map<string, Segments> {
  const all = new Map(main.bends);
  for (const { prefix, layout } of peers)
    for (const [id, s] of layout.bends ?? []) all.set(`${prefix}${id}`, s);
  return all;
}
