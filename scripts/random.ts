// random: a small seeded PRNG for the corpus generators (mulberry32 over an
// FNV-1a hash of a namespace and some parts): the same parts give the same
// numbers on every machine. Used by generate-corpus.ts and generate-rewrites.ts.

/** A seeded stream of numbers and choices. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** An item of a list sorted by frequency, with odds falling as 1/rank (Zipf). */
  word(items: readonly string[]): string;
}

/**
 * FNV-1a over the parts joined by NUL characters.
 *
 * @param parts Strings and numbers.
 */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A stream seeded by `namespace` and `parts`.
 *
 * @param namespace The generator's own name (streams of two generators never coincide).
 * @param parts What the stream is for (an article's index, a story's id …).
 */
export function seededRandom(namespace: string, ...parts: readonly (string | number)[]): Random {
  let state = hashSeed(namespace, ...parts);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    word: (items) => items[Math.min(items.length - 1, Math.floor(Math.exp(next() * Math.log(items.length + 1))) - 1)]!,
  };
}
