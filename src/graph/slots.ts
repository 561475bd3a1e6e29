/**
 * Stable places in the layout. Every container box (and every bridge) holds a slot in its group,
 * remembered across layouts by a stable key (its ref), so adding one moves nobody and a removed
 * one leaves its slot for the next newcomer. A box that moved to another group (a container
 * connected to a second network) closes up behind it instead: its neighbours close the gap.
 */

/** Slots taken, by group (`bands`, `band:docker0`, …) then by stable key. */
export type SlotMemory = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Assigns slots to each group's members. `present` holds every key placed anywhere by this
 * layout: a remembered key that is present in another group has moved away.
 */
export function assignSlots(
  groups: ReadonlyMap<string, readonly string[]>,
  previous: SlotMemory,
): Map<string, Map<string, number>> {
  const placed = new Set<string>();
  for (const members of groups.values()) for (const k of members) placed.add(k);
  const memory = new Map<string, Map<string, number>>();
  for (const [group, members] of groups) {
    const before = previous.get(group) ?? new Map<string, number>();
    const here = new Set(members);
    const movedAway = [...before].filter(([k]) => placed.has(k) && !here.has(k)).map(([, s]) => s);
    const taken = new Map<string, number>();
    for (const k of members) {
      const s = before.get(k);
      if (s !== undefined) taken.set(k, s - movedAway.filter((m) => m < s).length);
    }
    // Slots of keys gone from the lab stay free for newcomers, lowest first.
    const held = new Set(taken.values());
    let next = 0;
    for (const k of members) {
      if (taken.has(k)) continue;
      while (held.has(next)) next++;
      taken.set(k, next);
      held.add(next);
    }
    memory.set(group, taken);
  }
  return memory;
}
