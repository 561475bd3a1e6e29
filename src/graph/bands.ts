/**
 * Bands: the layout's unit. Each bridge is a band (its bar on top, its containers' boxes in one to
 * three columns below); a container on two networks sits in the gutter after the first of its
 * bands. Which box goes where is remembered in slots (slots.ts), and the bands wrap into rows so
 * that the whole picture takes the canvas's shape.
 */
import type { GraphElementData } from './elements';
import { assignSlots, type SlotMemory } from './slots';

/** Geometry shared with the placement of what hangs in a band (layout.ts), in model px. */
export const BOX_W = 160;
export const LANE_GAP = 44;
export const SLOT_W = LANE_GAP + BOX_W;
export const GUTTER_W = BOX_W + 2 * LANE_GAP;
export const BAND_PAD_L = 6;
/** The host's top row (`eth0`, `lo`) sits above the first row of bands. */
export const BRIDGE_Y = 120;
/** Band coordinates start at the bridge bar's centre: veth ends under it, then the boxes. */
export const VETH_Y = 56;
export const BOX_TOP = 106;
/** The boxes on no bridge (an overlay's namespace, one made by hand) have no bar to hang under. */
const BARE_TOP = 50;
/** A box's interfaces, one under the other: the first's offset from the box's top, and the step. */
export const IFACE_TOP = 26;
export const IFACE_H = 56;

/** Where a band's first row of boxes starts, below its bar's centre. */
export const boxTop = (band: { readonly name: string }): number => (band.name ? BOX_TOP : BARE_TOP);

const BAND_PAD_R = 24;
/** As wide as the bar's longest line ("gateway 192.168.0.1"). */
const BAND_MIN_W = 234;
const BAND_GAP = 40;
/** A row of boxes; taller where a published port hangs under a box. */
const ROW_H = 104;
const PORT_ROW_H = 46;
const BAND_TAIL = 10;
/** Between a band row and the bridges of the next: room for their DNS badges. */
const BAND_ROW_GAP = 80;
/** Before a row of bare bands, which have no bars and no badges: room for a three-line box label. */
const BARE_ROW_GAP = 56;
/** The LAN node and the gap to the host box, left of everything. */
const LAN_W = 200;

export interface Box {
  readonly node: GraphElementData;
  /** What its slot is remembered by: the container's ref survives a restart's new netns. */
  readonly key: string;
  readonly devices: readonly GraphElementData[];
  readonly published: boolean;
}

export interface Band {
  /** The bridge's name; '' for boxes on no bridge. */
  readonly name: string;
  readonly boxes: readonly Box[];
  readonly gutter: readonly Box[];
  readonly columns: number;
  readonly rowH: number;
  readonly width: number;
  readonly height: number;
  readonly x: number;
  readonly y: number;
}

export interface Bands {
  readonly bands: readonly Band[];
  readonly slots: SlotMemory;
  /** A box's slot in its band or gutter. */
  readonly slotOf: (band: Band, box: Box) => number;
}

/** Groups the boxes into bands by the bridges they reach, sizes the bands and arranges them. */
export function arrangeBands(
  bridges: readonly string[],
  boxes: readonly Box[],
  previous: SlotMemory,
  aspect: number,
): Bands {
  const groupOf = new Map<Box, string>();
  const groups = new Map<string, string[]>([['bands', [...bridges]]]);
  for (const b of boxes) {
    const reached = (b.node.bridges ?? []).filter((x) => bridges.includes(x));
    const g =
      reached.length <= 1
        ? `band:${reached[0] ?? ''}`
        : `gutter:${firstIn(bridges, reached, previous)}`;
    groupOf.set(b, g);
    const members = groups.get(g);
    if (members) members.push(b.key);
    else groups.set(g, [b.key]);
  }
  if (groups.has('band:')) groups.get('bands')!.push('');
  const slots = assignSlots(groups, previous);
  const order = [...slots.get('bands')!].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  const sized = order.map((name) =>
    sizeBand(
      name,
      boxes.filter((b) => groupOf.get(b) === `band:${name}`),
      boxes.filter((b) => groupOf.get(b) === `gutter:${name}`),
      slots,
    ),
  );
  const slotOf = (band: Band, box: Box) =>
    slots.get(`${band.boxes.includes(box) ? 'band' : 'gutter'}:${band.name}`)!.get(box.key)!;
  return { bands: wrap(sized, aspect), slots, slotOf };
}

/** The leftmost of a multi-homed box's bands, in the order the bands had last time. */
function firstIn(bridges: readonly string[], reached: readonly string[], previous: SlotMemory) {
  const order = previous.get('bands');
  const rank = (b: string) => order?.get(b) ?? bridges.length + bridges.indexOf(b);
  return [...reached].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * A band is one column of boxes under its bridge until it holds more than five, then two, then
 * three: the bands, side by side and wrapped, give the picture its shape. Only crossing one of
 * those counts moves the band's boxes.
 */
function sizeBand(
  name: string,
  boxes: readonly Box[],
  gutter: readonly Box[],
  slots: SlotMemory,
): Band {
  const count = Math.max(-1, ...(slots.get(`band:${name}`)?.values() ?? [])) + 1;
  const columns = columnsFor(
    name,
    count,
    boxes.some((b) => interfaces(b) >= TALL_BOX),
  );
  const rows = Math.max(1, Math.ceil(count / columns), gutter.length);
  const base = [...boxes, ...gutter].some((b) => b.published) ? ROW_H + PORT_ROW_H : ROW_H;
  const rowH = name === '' ? Math.max(base, ...boxes.map(bareBoxHeight)) : base;
  return {
    name,
    boxes,
    gutter,
    columns,
    rowH,
    width: Math.max(BAND_MIN_W, BAND_PAD_L + columns * SLOT_W + BAND_PAD_R),
    height: boxTop({ name }) + rows * rowH + BAND_TAIL,
    x: 0,
    y: 0,
  };
}

/**
 * Beside a tall box on no bridge (an overlay's namespace, with its br0 and ports), the other boxes
 * go in a second column rather than under it, keeping the host box short. Otherwise boxes on no
 * bridge stack like containers: a pair of namespaces made by hand keeps its veth vertical.
 */
function columnsFor(name: string, count: number, tall: boolean): number {
  if (name === '' && tall && count > 1) return count <= 8 ? 2 : 3;
  return count <= 5 ? 1 : count <= 12 ? 2 : 3;
}

const TALL_BOX = 3;
const interfaces = (b: Box) => b.devices.filter((d) => d.link !== 'loopback').length;

/** A bare box's height with all its interfaces (an overlay's br0, vxlan0 and a veth per container). */
const bareBoxHeight = (b: Box) => IFACE_TOP + interfaces(b) * IFACE_H + BARE_BOX_TAIL;
const BARE_BOX_TAIL = 30;

const gutterOf = (b: Band) => (b.gutter.length > 0 ? GUTTER_W : BAND_GAP);

/** Bands in rows, as many to a row as give the largest zoom on a canvas of this shape. */
function wrap(bands: readonly Band[], aspect: number): Band[] {
  const rowsOf = (perRow: number) => {
    const rows: Band[][] = [];
    for (let i = 0; i < bands.length; i += perRow) rows.push(bands.slice(i, i + perRow));
    return rows;
  };
  // The gap after a row makes room for the next row's DNS badges, which only bars carry.
  const gapAfter = (rows: readonly Band[][], i: number) =>
    rows[i + 1]?.every((b) => !b.name) ? BARE_ROW_GAP : BAND_ROW_GAP;
  const zoom = (perRow: number) => {
    const rows = rowsOf(perRow);
    const width = Math.max(...rows.map((r) => r.reduce((w, b) => w + b.width + gutterOf(b), 0)));
    const height = rows.reduce(
      (h, r, i) => h + Math.max(...r.map((b) => b.height)) + gapAfter(rows, i),
      0,
    );
    return Math.min(aspect / (width + LAN_W), 1 / (height + BRIDGE_Y));
  };
  let best = Math.max(1, bands.length);
  for (let perRow = 1; perRow <= bands.length; perRow++)
    if (zoom(perRow) > zoom(best) * 1.0001) best = perRow;
  const placed: Band[] = [];
  let y = BRIDGE_Y;
  const rows = rowsOf(best);
  for (const [i, row] of rows.entries()) {
    let x = 0;
    for (const b of row) {
      placed.push({ ...b, x, y });
      x += b.width + gutterOf(b);
    }
    y += Math.max(...row.map((b) => b.height)) + gapAfter(rows, i);
  }
  return placed;
}
