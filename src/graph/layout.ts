/**
 * Preset positions for the projected graph, computed in one pass (a force or layered layout
 * costs several times more and moves everything on every change).
 *
 * The host box holds everything that runs on the host. Its own interfaces (`eth0`, `lo`) and
 * host-network containers make its top row, with the LAN beside it on the left. Each bridge is a
 * band: its bar, the host-side veth ends right under the bar, and its containers in a grid of
 * one to three columns below. A container's interfaces sit on the edge of its box that faces
 * their bridge, and each veth runs down its own lane in the gap beside the box, so no line
 * crosses a box it does not belong to. A container on two networks sits in the gutter between
 * their bands. Bands wrap into rows so the picture takes the canvas's shape. A published port
 * is a socket right under the interface it forwards to, joined by a short vertical connector.
 */
import {
  FLOOR_ID,
  HOST_ID,
  OUTSIDE_ID,
  type GraphElement,
  type GraphElementData,
} from './elements';
import {
  arrangeBands,
  BAND_PAD_L,
  boxTop,
  BOX_W,
  BRIDGE_Y,
  GUTTER_W,
  IFACE_H,
  IFACE_TOP,
  LANE_GAP,
  SLOT_W,
  VETH_Y,
  type Band,
  type Box,
} from './bands';
import type { SlotMemory } from './slots';
import { hostsSideBySide, stackHosts } from './host-stack';
import { routeStacked } from './underlay-route';
import { hangOnPorts } from './bare-boxes';
import { routeTunnels } from './tunnel-route';
import type { Layout, Position } from './layout-result';
import { prefixOf, unprefixed } from './peer-hosts';

export type { SlotMemory } from './slots';

export type { Layout, Position } from './layout-result';

const TOP_ROW_DX = 210;
const LANE_STEP = 7;
const MAX_LANES = 4;

/** The canvas's width over its height; the bands wrap to fill it. */
const DEFAULT_ASPECT = 1.6;

/**
 * Every host laid out on its own (peer-hosts.ts): the terminal's first, the others after it in
 * the order they joined the LAN, side by side on a canvas wider than tall and stacked otherwise,
 * each with its share of the canvas (host-stack.ts).
 */
export function layoutGraph(
  elements: readonly GraphElement[],
  previous: SlotMemory = new Map(),
  aspect = DEFAULT_ASPECT,
): Layout {
  const groups = new Map<string, GraphElement[]>();
  for (const e of elements) {
    const prefix = prefixOf(e.data.id);
    const list = groups.get(prefix);
    if (list) list.push(e);
    else groups.set(prefix, [e]);
  }
  if (groups.size === 1) return layoutHost(groups.get('') ?? [], previous, aspect);
  const wide = aspect >= 1;
  const share = wide ? aspect / groups.size : aspect * groups.size;
  const main = layoutHost(groups.get('') ?? [], previous, share);
  const peers = [...groups]
    .filter(([prefix]) => prefix)
    .map(([prefix, group]) => ({
      prefix,
      layout: layoutHost(unprefixed(group, prefix), new Map(), share),
    }));
  const uplinks = new Map(
    elements.filter((e) => e.data.kind === 'uplink').map((e) => [e.data.id, e.data.source!]),
  );
  const all = wide ? hostsSideBySide(main, peers, uplinks) : stackHosts(main, peers);
  const tunnels = routeTunnels(elements, all.positions, wide);
  return { ...all, bends: new Map([...(all.bends ?? []), ...tunnels]) };
}

function layoutHost(
  elements: readonly GraphElement[],
  previous: SlotMemory,
  aspect: number,
): Layout {
  const nodes = elements.filter((e) => e.group === 'nodes').map((e) => e.data);
  const children = new Map<string, GraphElementData[]>();
  for (const n of nodes) {
    if (!n.parent) continue;
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  const published = new Set<string>();
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent]));
  for (const n of nodes) if (n.kind === 'port' && n.peer) published.add(parentOf.get(n.peer) ?? '');
  const boxes: Box[] = nodes
    .filter(
      (n) => n.id !== HOST_ID && (n.kind === 'netns' || (n.kind === 'container' && !n.hostNetwork)),
    )
    .map((n) => ({
      node: n,
      key: n.ref ?? n.id,
      devices: children.get(n.id) ?? [],
      published: published.has(n.id),
    }));
  const bridges = nodes.filter((n) => n.kind === 'bridge').map((n) => n.bridges![0]);
  const { bands, slots, slotOf } = arrangeBands(bridges, boxes, previous, aspect);
  const bandOf = new Map(bands.map((b) => [b.name, b]));
  // Which bridge each container interface is plugged into, read from the host-side veth end.
  const bridgeOfDevice = new Map<string, string>();
  for (const n of nodes)
    if (n.peer && n.kind === 'device') bridgeOfDevice.set(n.peer, n.bridges![0]);

  const places: Places = { positions: new Map(), facingRight: new Set(), rowOf: new Map() };
  const widths = new Map<string, number>();
  for (const band of bands) {
    for (const box of band.boxes) {
      const k = slotOf(band, box);
      const left = band.x + BAND_PAD_L + (k % band.columns) * SLOT_W + LANE_GAP;
      placeBox(box, band, left, Math.floor(k / band.columns), () => 'left', places);
    }
    for (const box of band.gutter) {
      const left = band.x + band.width + (GUTTER_W - BOX_W) / 2;
      // Interfaces on a band further right face right; the first band's face left.
      const side = (d: GraphElementData) => {
        const to = bandOf.get(bridgeOfDevice.get(d.id) ?? '');
        return to && to.x > band.x ? 'right' : 'left';
      };
      placeBox(box, band, left, slotOf(band, box), side, places);
    }
  }
  const { positions } = places;
  hangOnPorts(bands, elements, positions);
  for (const n of nodes) {
    const band = bandOf.get(n.bridges?.[0] ?? '');
    if (!band) continue;
    if (n.kind === 'bridge') {
      positions.set(n.id, { x: band.x + band.width / 2, y: band.y });
      widths.set(n.id, band.width - 16);
    }
    if (n.kind === 'dns') positions.set(n.id, { x: band.x + band.width - 70, y: band.y - 56 });
    // Left of the DNS badge, so the two never meet on the narrowest bar.
    // Its bottom level with the badge's, as it has two lines to the badge's one.
    if (n.kind === 'compose') positions.set(n.id, { x: band.x + 52, y: band.y - 62 });
  }
  placeVethEnds(nodes, bandOf, places);
  placePorts(nodes, children, positions);
  placeTopRow(children.get(HOST_ID) ?? [], nodes, positions);
  placeFloor(boxes, positions);
  const left = Math.min(0, ...[...positions.values()].map((p) => p.x)) - BOX_W / 2;
  positions.set(OUTSIDE_ID, { x: left - 110, y: 0 });
  positions.set(HOST_ID, { x: 0, y: BRIDGE_Y });
  const bends = routeStacked(elements, positions, widths);
  return { positions, slots, facingRight: places.facingRight, widths, bends };
}

interface Places {
  readonly positions: Map<string, Position>;
  readonly facingRight: Set<string>;
  /** A container interface's row in its band: which lane its veth runs down. */
  readonly rowOf: Map<string, number>;
}

/** Interfaces down the box's edge facing their bridge, `lo` small in the top right corner. */
function placeBox(
  box: Box,
  band: Band,
  left: number,
  row: number,
  side: (d: GraphElementData) => 'left' | 'right',
  { positions, facingRight, rowOf }: Places,
): void {
  const top = band.y + boxTop(band) + row * band.rowH;
  positions.set(box.node.id, { x: left + BOX_W / 2, y: top + IFACE_H / 2 });
  const devices = [...box.devices].sort((a, b) => (a.ifindex ?? 0) - (b.ifindex ?? 0));
  let line = 0;
  for (const d of devices) {
    if (d.link === 'loopback') {
      positions.set(d.id, { x: left + BOX_W - 10, y: top + 4 });
      continue;
    }
    const right = side(d) === 'right';
    if (right) facingRight.add(d.id);
    rowOf.set(d.id, row);
    positions.set(d.id, {
      x: right ? left + BOX_W - 8 : left + 8,
      y: top + IFACE_TOP + line * IFACE_H,
    });
    line++;
  }
}

/** Each host-side veth end right under its bridge's bar, over the lane its line runs down. */
function placeVethEnds(
  nodes: readonly GraphElementData[],
  bandOf: ReadonlyMap<string, Band>,
  { positions, facingRight, rowOf }: Places,
): void {
  const loose = new Map<string, number>();
  for (const n of nodes) {
    if (n.kind !== 'device' || n.parent !== HOST_ID || !n.bridges) continue;
    const band = bandOf.get(n.bridges[0]);
    if (!band) continue;
    const peer = n.peer ? positions.get(n.peer) : undefined;
    if (!peer) {
      const k = loose.get(band.name) ?? 0;
      loose.set(band.name, k + 1);
      positions.set(n.id, { x: band.x + band.width - 24 - k * 30, y: band.y + VETH_Y });
      continue;
    }
    const row = rowOf.get(n.peer!) ?? 0;
    const dx = 12 + Math.min(row, MAX_LANES) * LANE_STEP;
    const x = facingRight.has(n.peer!) ? peer.x + 8 + dx : peer.x - 8 - dx;
    // A gutter box's line leaves its bar at the end nearest the box, between the lanes of the
    // band's own deep rows.
    const inside = x >= band.x && x <= band.x + band.width;
    const end = x < band.x ? band.x + 20 + row * 3 : band.x + band.width - 12 - row * 3;
    positions.set(n.id, { x: inside ? x : end, y: band.y + VETH_Y });
  }
}

/**
 * The host's own row: `eth0`, `lo`, then host-network containers, devices on no bridge and
 * sockets whose container has no interface to forward to.
 */
function placeTopRow(
  inHost: readonly GraphElementData[],
  nodes: readonly GraphElementData[],
  positions: Map<string, Position>,
): void {
  let ether = false;
  let next = 0;
  for (const n of inHost) {
    if (positions.has(n.id) || n.kind === 'bridge' || n.kind === 'dns') continue;
    if (n.link === 'ether' && !ether) {
      ether = true;
      positions.set(n.id, { x: 8, y: 0 });
    } else if (n.link === 'loopback') {
      positions.set(n.id, { x: 190, y: 0 });
    } else {
      positions.set(n.id, { x: 300 + next++ * TOP_ROW_DX, y: 0 });
    }
  }
  for (const n of nodes)
    if (n.hostNetwork && !positions.has(n.id))
      positions.set(n.id, { x: 300 + next++ * TOP_ROW_DX, y: 0 });
}

/** A socket under the interface it forwards to; a second one under the first. */
function placePorts(
  nodes: readonly GraphElementData[],
  children: ReadonlyMap<string, GraphElementData[]>,
  positions: Map<string, Position>,
): void {
  const stacked = new Map<string, number>();
  const bottomOf = new Map<string, number>();
  for (const [parent, kids] of children) {
    if (parent === HOST_ID) continue;
    bottomOf.set(parent, Math.max(...kids.map((k) => positions.get(k.id)?.y ?? -Infinity)));
  }
  const byId = new Map(nodes.map((d) => [d.id, d]));
  for (const n of nodes) {
    if (n.kind !== 'port') continue;
    const target = byId.get(n.peer ?? '');
    const at = target ? positions.get(target.id) : undefined;
    if (!target || !at) continue;
    const k = stacked.get(target.id) ?? 0;
    stacked.set(target.id, k + 1);
    const bottom = bottomOf.get(target.parent ?? '') ?? at.y;
    positions.set(n.id, { x: at.x, y: bottom + 52 + k * 40 });
  }
}

/** The host box's far corner: past the lowest and rightmost box, its ports included. */
function placeFloor(boxes: readonly Box[], positions: Map<string, Position>): void {
  let x = 0;
  let y = 0;
  for (const b of boxes) {
    const at = positions.get(b.node.id);
    if (!at) continue;
    x = Math.max(x, at.x + BOX_W / 2);
    y = Math.max(y, at.y + 40);
    for (const d of b.devices) y = Math.max(y, (positions.get(d.id)?.y ?? 0) + 40);
  }
  for (const [id, p] of positions) if (id.startsWith('port:')) y = Math.max(y, p.y + 24);
  positions.set(FLOOR_ID, { x, y });
}
