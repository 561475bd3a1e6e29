/**
 * A Map for the lab's big collections (a host's namespaces, the daemon's containers) whose cost
 * under Immer follows the change, not the lab. Immer copies, then walks, the whole of any Map a
 * command drafts — even one it only reads an entry of — so a command in a 1,000-container lab
 * paid for a thousand entries several times over. A Table keeps its entries in small chunks and
 * finds a key's chunk through small hashed buckets: drafting one entry copies one chunk, one
 * bucket and two short arrays.
 *
 * It is a Map to everything that uses it (insertion order, `get`/`set`/`delete`/`clear`,
 * iteration), and the model types it as a ReadonlyMap (a draft's as a Map). Immer drafts it as an object (`immerable`), so a draft's
 * methods run through Immer's proxies and change only what they touch.
 */
import { immerable } from 'immer';

/** Entries per chunk, and buckets in the key index: ~√1,000, so both levels stay short. */
const CHUNK = 32;
const BUCKETS = 32;

/** FNV-1a over the key's text: deterministic, and spreads hex ids and names alike. */
function bucketOf(key: unknown): number {
  const s = String(key);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

export class Table<K, V> implements ReadonlyMap<K, V> {
  static readonly [immerable] = true;
  /** The entries in insertion order, CHUNK at most per chunk (a chunk emptied by deletes stays). */
  chunks: Map<K, V>[] = [];
  /** Which chunk holds each key, in BUCKETS maps chosen by the key's hash. */
  where: Map<K, number>[] = Array.from({ length: BUCKETS }, () => new Map<K, number>());
  size = 0;

  static of<K, V>(entries: Iterable<readonly [K, V]> = []): Table<K, V> {
    const t = new Table<K, V>();
    for (const [k, v] of entries) t.set(k, v);
    return t;
  }

  /**
   * A Table that crossed a structured clone (postMessage to a worker) arrives as plain data with
   * its prototype lost; this gives every one inside `value` its methods back, in place.
   */
  static revive<T>(value: T): T {
    const seen = new Set<object>();
    const visit = (v: unknown): void => {
      if (typeof v !== 'object' || v === null || seen.has(v)) return;
      seen.add(v);
      if (isTableData(v)) Object.setPrototypeOf(v, Table.prototype);
      const children = v instanceof Map ? v.values() : Object.values(v);
      for (const child of children) visit(child);
    };
    visit(value);
    return value;
  }

  get(key: K): V | undefined {
    const c = this.where[bucketOf(key)].get(key);
    return c === undefined ? undefined : this.chunks[c].get(key);
  }

  has(key: K): boolean {
    return this.where[bucketOf(key)].has(key);
  }

  set(key: K, value: V): this {
    const bucket = this.where[bucketOf(key)];
    const at = bucket.get(key);
    if (at !== undefined) {
      this.chunks[at].set(key, value);
      return this;
    }
    // A new key goes last, as in a Map: into the last chunk while it has room.
    const last = this.chunks.length - 1;
    const c = last >= 0 && this.chunks[last].size < CHUNK ? last : this.chunks.push(new Map()) - 1;
    this.chunks[c].set(key, value);
    bucket.set(key, c);
    this.size++;
    return this;
  }

  delete(key: K): boolean {
    const bucket = this.where[bucketOf(key)];
    const at = bucket.get(key);
    if (at === undefined) return false;
    this.chunks[at].delete(key);
    bucket.delete(key);
    this.size--;
    return true;
  }

  clear(): void {
    this.chunks = [];
    this.where = Array.from({ length: BUCKETS }, () => new Map<K, number>());
    this.size = 0;
  }

  *entries(): MapIterator<[K, V]> {
    for (const chunk of this.chunks) yield* chunk.entries();
  }

  *keys(): MapIterator<K> {
    for (const chunk of this.chunks) yield* chunk.keys();
  }

  *values(): MapIterator<V> {
    for (const chunk of this.chunks) yield* chunk.values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }

  get [Symbol.toStringTag](): string {
    return 'Table';
  }

  /** As JSON, the entries in order: what a Map's entries give (serializeWorld, snapshots). */
  toJSON(): [K, V][] {
    return [...this.entries()];
  }
}

function isTableData(v: object): boolean {
  return (
    !(v instanceof Table) &&
    Array.isArray((v as Table<unknown, unknown>).chunks) &&
    Array.isArray((v as Table<unknown, unknown>).where) &&
    typeof (v as Table<unknown, unknown>).size === 'number'
  );
}
