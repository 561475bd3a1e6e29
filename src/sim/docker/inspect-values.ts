/**
 * Small values `docker inspect` shows that the model does not store: ids the daemon keeps for
 * itself (sandbox, overlay2 layers) and sub-millisecond digits of timestamps. Each is derived
 * from a record's own id, so it is stable across calls and replays without touching the rng.
 */
import { rfc3339Nano } from '../format/units';
import { createRng } from '../rng';

/** FNV-1a over the string: a seed for a stream of hex digits tied to that string. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function derivedHex(seed: string, n: number): string {
  return createRng(hashString(seed), 7).hex(n);
}

/** Go's zero time.Time, which the daemon prints for "never". */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** RFC3339Nano of an instant, with nanosecond digits that belong to `seed` (a record and event). */
export function inspectTime(ms: number | null, seed: string): string {
  if (ms === null) return ZERO_TIME;
  return rfc3339Nano(ms, hashString(`${seed}:${ms}`) % 1_000_000);
}
