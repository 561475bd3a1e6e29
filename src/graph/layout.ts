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
import { assignSlots, type SlotMemory } from './slots';

export type { SlotMemory } from './slots';

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly positions: ReadonlyMap<string, Position>;
  readonly slots: SlotMemory;
  /** Devices whose label reads leftwards (they sit on the right edge of their box). */
  readonly facingRight: ReadonlySet<string>;
  /** Each bridge bar spans its band. */
  readonly widths: ReadonlyMap<string, number>;
}

const BOX_W = 160;
const LANE_GAP = 44;
const SLOT_W = LANE_GAP + BOX_W;
const BAND_PAD_L = 6;
const BAND_PAD_R = 24;
const BAND_MIN_W = 234;
const GUTTER_W = BOX_W + 2 * LANE_GAP;
const BAND_GAP = 40;
const IFACE_H = 56;
/** A row of boxes; taller where a published port hangs under a box. */
const ROW_H = 104;
const PORT_ROW_H = 46;
/** Band coordinates start at the bridge bar's centre. */
const BRIDGE_Y = 120;
const VETH_Y = 56;
const BOX_TOP = 106;
const BAND_TAIL = 10;
/** Between a band row and the bridges of the next: room for their DNS badges. */
const BAND_ROW_GAP = 80;
const TOP_ROW_DX = 210;
const LANE_STEP = 7;
const MAX_LANES = 4;

/** The canvas's width over its height; the bands wrap to fill it. */
const DEFAULT_ASPECT = 1.6;

interface Box {
  readonly node: GraphElementData;
  readonly key: string;
  readonly devices: GraphElementData[];
}

interface Band {
  readonly name: string;
  readonly boxes: Box[];
  readonly gutter: Box[];
  columns: number;
  rowH: number;
  width: number;
  height: number;
  x: number;
  y: number;
}

export function layoutGraph(
  elements: readonly GraphElement[],
  previous: SlotMemory = new Map(),
  aspect = DEFAULT_ASPECT,
): Layout {
  const nodes = elements.filter((e) => e.group === 'nodes').map((e) => e.data);
  const children = new Map<string, GraphElementData[]>();
  for (const n of nodes) {
    if (!n.parent) continue;
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  const positions = new Map<string, Position>();
  const facingRight = new Set<string>();
  // Which bridge each container interface is plugged into, read from the host-side veth end.
  const bridgeOfDevice = new Map<string, string>();
  for (const n of nodes)
    if (n.peer && n.kind === 'device') bridgeOfDevice.set(n.peer, n.bridges![0]);

  const bridgeNames = nodes.filter((n) => n.kind === 'bridge').map((n) => n.bridges![0]);
  const boxes = nodes
    .filter(
      (n) => n.id !== HOST_ID && (n.kind === 'netns' || (n.kind === 'container' && !isHostMode(n))),
    )
    .map((n) => ({ node: n, key: n.ref ?? n.id, devices: children.get(n.id) ?? [] }));
  const groupOf = (b: Box): string => {
    const reached = (b.node.bridges ?? []).filter((x) => bridgeNames.includes(x));
    if (reached.length === 0) return 'band:';
    if (reached.length === 1) return `band:${reached[0]}`;
    return `gutter:${firstIn(bridgeNames, reached, previous)}`;
  };
  const groups = new Map<string, string[]>([['bands', [...bridgeNames]]]);
  const boxGroup = new Map<Box, string>();
  for (const b of boxes) {
    const g = groupOf(b);
    boxGroup.set(b, g);
    const members = groups.get(g);
    if (members) members.push(b.key);
    else groups.set(g, [b.key]);
  }
  if (groups.has('band:')) groups.set('bands', [...groups.get('bands')!, '']);
  const slots = assignSlots(groups, previous);

  const bandOrder = [...slots.get('bands')!].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  const bands = bandOrder.map<Band>((name) => ({
    name,
    boxes: boxes.filter((b) => boxGroup.get(b) === `band:${name}`),
    gutter: boxes.filter((b) => boxGroup.get(b) === `gutter:${name}`),
    columns: 1,
    rowH: ROW_H,
    width: 0,
    height: 0,
    x: 0,
    y: 0,
  }));
  const published = new Set<string>();
  const deviceParent = new Map(nodes.map((n) => [n.id, n.parent]));
  for (const n of nodes)
    if (n.kind === 'port' && n.peer) published.add(deviceParent.get(n.peer) ?? '');
  for (const band of bands) {
    if ([...band.boxes, ...band.gutter].some((b) => published.has(b.node.id)))
      band.rowH += PORT_ROW_H;
    sizeBand(band, slots);
  }
  arrangeBands(bands, aspect);

  const bandOf = new Map(bands.map((b) => [b.name, b]));
  const widths = new Map<string, number>();
  for (const band of bands) {
    for (const box of band.boxes) {
      const k = slots.get(`band:${band.name}`)!.get(box.key)!;
      const left = band.x + BAND_PAD_L + (k % band.columns) * SLOT_W + LANE_GAP;
      const top = band.y + BOX_TOP + Math.floor(k / band.columns) * band.rowH;
      placeBox(box, left, top, () => 'left', positions, facingRight);
    }
    band.gutter.forEach((box) => {
      const k = slots.get(`gutter:${band.name}`)!.get(box.key)!;
      const left = band.x + band.width + (GUTTER_W - BOX_W) / 2;
      const top = band.y + BOX_TOP + k * band.rowH;
      // Interfaces on a band further right face right; the first band's face left.
      const side = (d: GraphElementData) => {
        const to = bandOf.get(bridgeOfDevice.get(d.id) ?? '');
        return to && to.x > band.x ? 'right' : 'left';
      };
      placeBox(box, left, top, side, positions, facingRight);
    });
  }
  for (const n of nodes) {
    const band = bandOf.get(n.bridges?.[0] ?? '');
    if (!band) continue;
    if (n.kind === 'bridge') {
      positions.set(n.id, { x: band.x + band.width / 2, y: band.y });
      widths.set(n.id, band.width - 16);
    }
    if (n.kind === 'dns') positions.set(n.id, { x: band.x + band.width - 70, y: band.y - 56 });
  }
  placeVethEnds(nodes, bandOf, positions, facingRight);
  placeTopRow(children.get(HOST_ID) ?? [], nodes, positions);
  placePorts(nodes, children, positions);
  placeFloor(boxes, positions);
  const left = Math.min(0, ...[...positions.values()].map((p) => p.x)) - BOX_W / 2;
  positions.set(OUTSIDE_ID, { x: left - 110, y: 0 });
  positions.set(HOST_ID, { x: 0, y: BRIDGE_Y });
  return { positions, slots, facingRight, widths };
}

const isHostMode = (n: GraphElementData) => n.hostNetwork === true;

/** The leftmost of a multi-homed box's bands, in the order the bands had last time. */
function firstIn(
  bridges: readonly string[],
  reached: readonly string[],
  previous: SlotMemory,
): string {
  const order = previous.get('bands');
  const rank = (b: string) => order?.get(b) ?? bridges.length + bridges.indexOf(b);
  return [...reached].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * A band is one column of boxes under its bridge until it holds more than five, then two, then
 * three: the bands, side by side and wrapped, give the picture its shape. Only crossing one of
 * those counts moves the band's boxes.
 */
function sizeBand(band: Band, slots: Map<string, Map<string, number>>): void {
  const taken = [...(slots.get(`band:${band.name}`)?.values() ?? [])];
  const count = Math.max(-1, ...taken) + 1;
  band.columns = count <= 5 ? 1 : count <= 12 ? 2 : 3;
  const rows = Math.max(1, Math.ceil(count / band.columns));
  const gutterRows = slots.get(`gutter:${band.name}`)?.size ?? 0;
  band.width = Math.max(BAND_MIN_W, BAND_PAD_L + band.columns * SLOT_W + BAND_PAD_R);
  band.height = BOX_TOP + Math.max(rows, gutterRows) * band.rowH + BAND_TAIL;
}

/** Bands in rows, as many to a row as give the largest zoom on a canvas of this shape. */
function arrangeBands(bands: Band[], aspect: number): void {
  const extent = (perRow: number) => {
    let width = 0;
    let height = 0;
    for (let i = 0; i < bands.length; i += perRow) {
      const row = bands.slice(i, i + perRow);
      width = Math.max(
        width,
        row.reduce((w, b) => w + b.width + gutterOf(b), 0),
      );
      height += Math.max(...row.map((b) => b.height)) + BAND_ROW_GAP;
    }
    // The host's top row above, the LAN on the left.
    return Math.min(aspect / (width + 200), 1 / (height + BRIDGE_Y));
  };
  let best = Math.max(1, bands.length);
  for (let perRow = 1; perRow <= bands.length; perRow++) {
    if (extent(perRow) > extent(best) * 1.0001) best = perRow;
  }
  let y = BRIDGE_Y;
  for (let i = 0; i < bands.length; i += best) {
    const row = bands.slice(i, i + best);
    let x = 0;
    for (const b of row) {
      b.x = x;
      b.y = y;
      x += b.width + gutterOf(b);
    }
    y += Math.max(...row.map((b) => b.height)) + BAND_ROW_GAP;
  }
}

const gutterOf = (b: Band) => (b.gutter.length > 0 ? GUTTER_W : BAND_GAP);

/** Interfaces down the box's edge facing their bridge, `lo` small in the top right corner. */
function placeBox(
  box: Box,
  left: number,
  top: number,
  side: (d: GraphElementData) => 'left' | 'right',
  positions: Map<string, Position>,
  facingRight: Set<string>,
): void {
  const cx = left + BOX_W / 2;
  positions.set(box.node.id, { x: cx, y: top + IFACE_H / 2 });
  const devices = [...box.devices].sort((a, b) => (a.ifindex ?? 0) - (b.ifindex ?? 0));
  let row = 0;
  for (const d of devices) {
    if (d.link === 'loopback') {
      positions.set(d.id, { x: left + BOX_W - 10, y: top + 4 });
      continue;
    }
    const right = side(d) === 'right';
    if (right) facingRight.add(d.id);
    positions.set(d.id, { x: right ? left + BOX_W - 8 : left + 8, y: top + 26 + row * IFACE_H });
    row++;
  }
}

/** Each host-side veth end right under its bridge's bar, over the lane its line runs down. */
function placeVethEnds(
  nodes: readonly GraphElementData[],
  bandOf: ReadonlyMap<string, Band>,
  positions: Map<string, Position>,
  facingRight: ReadonlySet<string>,
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
    const row = Math.max(0, Math.round((peer.y - band.y - BOX_TOP - 26) / band.rowH));
    const dx = 12 + Math.min(row, MAX_LANES) * LANE_STEP;
    const x = facingRight.has(n.peer!) ? peer.x + 8 + dx : peer.x - 8 - dx;
    // A gutter box's line leaves its bar at the end nearest the box, between the lanes of the
    // band's own deep rows.
    const inside = x >= band.x && x <= band.x + band.width;
    const end = x < band.x ? band.x + 20 + row * 3 : band.x + band.width - 12 - row * 3;
    positions.set(n.id, { x: inside ? x : end, y: band.y + VETH_Y });
  }
}

/** The host's own row: `eth0`, `lo`, then host-network containers and devices on no bridge. */
function placeTopRow(
  inHost: readonly GraphElementData[],
  nodes: readonly GraphElementData[],
  positions: Map<string, Position>,
): void {
  let ether = false;
  let next = 0;
  for (const n of inHost) {
    if (positions.has(n.id) || n.kind === 'port' || n.kind === 'bridge' || n.kind === 'dns')
      continue;
    if (n.bridges && n.kind === 'device') continue;
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
    if (isHostMode(n) && !positions.has(n.id))
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
  let loose = 0;
  for (const n of nodes) {
    if (n.kind !== 'port') continue;
    const target = byId.get(n.peer ?? '');
    const at = target ? positions.get(target.id) : undefined;
    if (!target || !at) {
      positions.set(n.id, { x: 300 + loose++ * TOP_ROW_DX, y: 48 });
      continue;
    }
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
