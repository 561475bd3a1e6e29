/**
 * Keeps element objects stable across projections. The world is immutable (immer keeps the
 * identity of every untouched link, namespace, container and network), so an element projected
 * from an untouched object is looked up by that object and, when it came out the same, the
 * previous element object is returned: `syncGraph` then skips it by identity instead of comparing.
 * The cache is a WeakMap, so it lives exactly as long as the world objects it describes.
 */
import type { GraphElement, GraphElementData } from './elements';

const bySource = new WeakMap<object, Map<string, GraphElement>>();

/** `fresh`, or the element last projected from `source` with the same id if it equals `fresh`. */
export function reuse(source: object, fresh: GraphElement): GraphElement {
  let byId = bySource.get(source);
  if (!byId) {
    byId = new Map();
    bySource.set(source, byId);
  }
  const old = byId.get(fresh.data.id);
  if (old && sameElement(old, fresh)) return old;
  byId.set(fresh.data.id, fresh);
  return fresh;
}

/** Same group, classes and data fields (arrays compared item by item). */
export function sameElement(a: GraphElement, b: GraphElement): boolean {
  return (
    a === b || (a.group === b.group && sameList(a.classes, b.classes) && sameData(a.data, b.data))
  );
}

function sameData(a: GraphElementData, b: GraphElementData): boolean {
  const keys = Object.keys(a) as (keyof GraphElementData)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || !sameList(x, y)) return false;
  }
  return true;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
