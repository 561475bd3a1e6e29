/**
 * Boxes on no bridge (band ''): a namespace whose one interface is paired with a port of a bridge
 * inside a neighbouring box — a node's load balancer, plugged into an overlay's br0 — hangs level
 * with that port, in the column left of that box. Its veth then runs straight across, and the
 * overlay's band, which leaves br0 at the top of its box for the other hosts, passes above it
 * rather than through it; the containers' lines come down into the overlay's box, not across it.
 */
import type { Band, Box } from './bands';
import type { GraphElement } from './elements';
import type { Position } from './layout-result';

export function hangOnPorts(
  bands: readonly Band[],
  elements: readonly GraphElement[],
  positions: Map<string, Position>,
): void {
  const bare = bands.find((b) => b.name === '');
  if (!bare || bare.boxes.length < 2) return;
  const boxOf = new Map(bare.boxes.flatMap((b) => b.devices.map((d) => [d.id, b] as const)));
  const move = (box: Box, dx: number, dy: number) => {
    for (const id of [box.node.id, ...box.devices.map((d) => d.id)]) {
      const p = positions.get(id);
      if (p) positions.set(id, { x: p.x + dx, y: p.y + dy });
    }
  };
  const pairedWith = new Map<string, string>();
  const bridgePorts = new Set<string>();
  for (const e of elements) {
    const { kind, source, target } = e.data;
    if (!source || !target) continue;
    if (kind === 'bridge-port' && e.classes.includes('in-netns')) bridgePorts.add(target);
    if (kind !== 'veth') continue;
    pairedWith.set(source, target);
    pairedWith.set(target, source);
  }
  for (const box of bare.boxes) {
    const ifaces = box.devices.filter((d) => d.link !== 'loopback');
    if (ifaces.length !== 1) continue;
    const port = pairedWith.get(ifaces[0].id);
    const bridged = port !== undefined && bridgePorts.has(port) ? boxOf.get(port) : undefined;
    const own = positions.get(ifaces[0].id);
    const there = port === undefined ? undefined : positions.get(port);
    const [at, across] = [box, bridged].map((b) => b && positions.get(b.node.id));
    if (!bridged || !own || !there || !at || !across || there.y <= own.y || at.x === across.x)
      continue;
    // The two swap columns when the box is on the right.
    const dx = across.x < at.x ? across.x - at.x : 0;
    move(box, dx, there.y - own.y);
    move(bridged, -dx, 0);
  }
}
