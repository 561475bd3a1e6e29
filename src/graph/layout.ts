/**
 * Preset positions for the projected graph, computed in one pass (a force or layered layout
 * costs several times more and moves everything on every change). The host's namespace is on
 * top: `lo`, `eth0` and its sockets in a row, the bridges in a row below, the host-side veth ends
 * under their bridge. Container boxes hang under the bridge their veths reach, two to a row;
 * a box on two bridges sits in the gutter between them; boxes on none to the left.
 *
 * Stability: every box and bridge holds a slot in its group, remembered across layouts by a
 * stable key (its ref), so adding a container moves nobody and a removed one frees its slot.
 */
import { HOST_ID, OUTSIDE_ID, type GraphElement, type GraphElementData } from './elements';

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** Slots taken, by group (`columns`, `col:docker0`, …) then by stable key. */
export type SlotMemory = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface Layout {
  readonly positions: ReadonlyMap<string, Position>;
  readonly slots: SlotMemory;
}

const SLOT_W = 190;
const COL_W = 2 * SLOT_W;
const GUTTER = 300;
const PITCH = COL_W + GUTTER;
const BRIDGE_Y = 140;
const PORT_Y = 215;
const CONTAINER_Y = 400;
const ROW_H = 160;
const ETH_DX = 135;
const HOST_ROW_X = 360;
const HOST_ROW_DX = 210;
const OTHER_X = -SLOT_W;

export function layoutGraph(
  elements: readonly GraphElement[],
  previous: SlotMemory = new Map(),
): Layout {
  const positions = new Map<string, Position>();
  const children = new Map<string, GraphElementData[]>();
  const byId = new Map<string, GraphElementData>();
  const present = new Set<string>();
  const nodes = elements.filter((e) => e.group === 'nodes').map((e) => e.data);
  for (const n of nodes) {
    byId.set(n.id, n);
    present
      .add(n.id)
      .add(n.ref ?? n.id)
      .add(n.bridges?.[0] ?? n.id);
    if (!n.parent) continue;
    const siblings = children.get(n.parent);
    if (siblings) siblings.push(n);
    else children.set(n.parent, [n]);
  }
  const slots = new SlotAllocator(previous, present);
  const columnLeft = new Map<string, number>();
  for (const n of nodes) {
    if (n.kind !== 'bridge') continue;
    const name = n.bridges?.[0] ?? n.id;
    const left = slots.take('columns', name) * PITCH;
    columnLeft.set(name, left);
    positions.set(n.id, { x: left + COL_W / 2, y: BRIDGE_Y });
  }
  placeHostRow(children.get(HOST_ID) ?? [], slots, positions);
  const rowOfBox = new Map<string, number>();
  for (const n of nodes) {
    if (n.parent || (n.kind !== 'netns' && n.kind !== 'container') || n.id === HOST_ID) continue;
    const { x, y, row } = boxAnchor(n, slots, columnLeft);
    rowOfBox.set(n.id, row);
    positions.set(n.id, { x, y });
    placeDevices(children.get(n.id) ?? [], x, y, positions);
  }
  for (const n of nodes) {
    const left = columnLeft.get(n.bridges?.[0] ?? '') ?? 0;
    if (n.kind === 'dns') positions.set(n.id, { x: left + COL_W - 40, y: BRIDGE_Y - 46 });
    if (n.parent !== HOST_ID || !n.bridges || n.kind !== 'device') continue;
    const peer = n.peer ? positions.get(n.peer) : undefined;
    const peerBox = byId.get(n.peer ?? '')?.parent;
    // Ports of a second or third row of boxes step aside so their names stay readable.
    const row = Math.min(rowOfBox.get(peerBox ?? '') ?? 0, 2);
    positions.set(
      n.id,
      peer
        ? { x: peer.x - row * 24, y: PORT_Y + row * 30 }
        : { x: left + COL_W - 30 - slots.take(`loose:${n.bridges[0]}`, n.id) * 110, y: PORT_Y },
    );
  }
  positions.set(OUTSIDE_ID, { x: ETHER_X, y: -150 });
  // A box with interfaces is drawn around them; this is only where an empty one would sit.
  positions.set(HOST_ID, { x: ETHER_X, y: BRIDGE_Y });
  return { positions, slots: slots.memory() };
}

const LO_X = 0;
const ETHER_X = 150;

/** The host's own row: `lo`, `eth0`, then sockets, host-network containers and loose devices. */
function placeHostRow(
  inHost: readonly GraphElementData[],
  slots: SlotAllocator,
  positions: Map<string, Position>,
): void {
  let ether = 0;
  for (const n of inHost) {
    if (n.kind === 'bridge' || n.kind === 'dns' || n.bridges) continue;
    if (n.link === 'loopback') {
      positions.set(n.id, { x: LO_X, y: 0 });
    } else if (n.link === 'ether' && ether === 0) {
      ether++;
      positions.set(n.id, { x: ETHER_X, y: 0 });
    } else {
      positions.set(n.id, { x: HOST_ROW_X + slots.take('host-row', n.id) * HOST_ROW_DX, y: 0 });
    }
  }
}

/** Where a namespace or container box goes, from the bridges its veths reach. */
function boxAnchor(
  n: GraphElementData,
  slots: SlotAllocator,
  columnLeft: ReadonlyMap<string, number>,
): { x: number; y: number; row: number } {
  const key = n.ref ?? n.id;
  const lefts = (n.bridges ?? []).flatMap((b) => {
    const left = columnLeft.get(b);
    return left === undefined ? [] : [left];
  });
  if (lefts.length === 0) {
    const row = slots.take('other', key);
    return { x: OTHER_X, y: CONTAINER_Y + row * ROW_H, row };
  }
  if (lefts.length === 1) {
    const k = slots.take(`col:${lefts[0]}`, key);
    const row = Math.floor(k / 2);
    return { x: lefts[0] + (k % 2) * SLOT_W + SLOT_W / 2, y: CONTAINER_Y + row * ROW_H, row };
  }
  // Between its leftmost and rightmost bridge, in the middle gutter.
  const first = Math.min(...lefts) / PITCH;
  const last = Math.max(...lefts) / PITCH;
  const gutter = Math.floor((first + last - 1) / 2);
  const row = slots.take(`gutter:${gutter}`, key);
  return { x: gutter * PITCH + COL_W + GUTTER / 2, y: CONTAINER_Y + row * ROW_H, row };
}

/** `lo` above and to the left, the other interfaces in a row in the kernel's ifindex order. */
function placeDevices(
  devices: readonly GraphElementData[],
  x: number,
  y: number,
  positions: Map<string, Position>,
): void {
  const loopback = devices.filter((d) => d.link === 'loopback');
  const others = devices
    .filter((d) => !loopback.includes(d))
    .sort((a, b) => (a.ifindex ?? 0) - (b.ifindex ?? 0));
  const width = Math.max(others.length - 1, 0) * ETH_DX;
  // Its label reads leftwards, clear of the veth line that comes down to the first interface.
  for (const d of loopback) positions.set(d.id, { x: x - width / 2 - 24, y: y - 36 });
  others.forEach((d, i) => positions.set(d.id, { x: x - width / 2 + i * ETH_DX, y }));
}

/**
 * Lowest free slot per group. A key keeps the slot it had while it is present; slots of keys
 * that are gone are free again.
 */
class SlotAllocator {
  private readonly groups = new Map<string, Map<string, number>>();
  constructor(
    private readonly previous: SlotMemory,
    private readonly present: ReadonlySet<string>,
  ) {}

  take(group: string, key: string): number {
    let taken = this.groups.get(group);
    if (!taken) {
      taken = new Map();
      this.groups.set(group, taken);
    }
    const known = taken.get(key);
    if (known !== undefined) return known;
    const before = this.previous.get(group);
    const remembered = before?.get(key);
    let slot = remembered ?? 0;
    if (remembered === undefined) {
      // Skip slots held now, or held before by a key this layout will still place.
      const held = new Set(taken.values());
      for (const [k, s] of before ?? []) if (this.present.has(k)) held.add(s);
      while (held.has(slot)) slot++;
    }
    taken.set(key, slot);
    return slot;
  }

  memory(): SlotMemory {
    return this.groups;
  }
}
