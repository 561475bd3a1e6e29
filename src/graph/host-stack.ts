/**
 * Several lab hosts on one canvas: each host laid out on its own, then stacked below the
 * terminal's host in the order they joined the LAN. The LAN is drawn once, left of them all and
 * level with the middle of their eth0s, so each uplink runs to it clear of other boxes.
 */
import { OUTSIDE_ID } from './elements';
import type { Layout } from './layout';

/** Room between one host's box and the next one's (the host's title sits in it). */
const HOST_GAP = 180;

export function stackHosts(
  main: Layout,
  peers: readonly { readonly prefix: string; readonly layout: Layout }[],
): Layout {
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
  return { positions, slots: main.slots, facingRight, widths };
}
