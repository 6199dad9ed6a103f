/**
 * A small seeded pseudo-random generator (mulberry32): the same seed yields the same mesh, so benchmark runs
 * compare like with like. Not for anything security-related.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct indexes of [0, n), in random order. */
  sample(n: number, count: number): number[];
}

/** Creates a generator from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    sample(n, count) {
      // Partial Fisher-Yates over an index array: exact, and O(n) even when count is close to n.
      const idx = Array.from({ length: n }, (_, i) => i);
      const k = Math.min(count, n);
      for (let i = 0; i < k; i++) {
        const j = i + int(n - i);
        [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
      }
      return idx.slice(0, k);
    },
  };
}
