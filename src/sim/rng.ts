/**
 * Deterministic randomness. Each command line gets its own generator derived from the scenario
 * seed and the line's position in the log, so replaying a log reproduces every id, MAC and ping
 * time byte for byte, and no generator state has to live in the world.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** `n` lowercase hex characters. */
  hex(n: number): string;
  pick<T>(items: readonly T[]): T;
}

// mulberry32: tiny, fast and good enough for ids; not for cryptography.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A generator for content-addressed values (an image's id and layers depend on what it is, not when). */
export function rngForContent(content: string): Rng {
  let h = 0x811c9dc5;
  for (let i = 0; i < content.length; i++)
    h = Math.imul(h ^ content.charCodeAt(i), 0x01000193) >>> 0;
  return createRng(h, 0);
}

export function createRng(seed: number, stream: number): Rng {
  const next = mulberry32(mix(seed, stream));
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    hex: (n) => {
      let s = '';
      while (s.length < n) s += Math.floor(next() * 16).toString(16);
      return s;
    },
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
