import { describe, expect, it } from 'vitest';
import { benchExtract } from '../../scripts/bench-extract.js';

describe('benchExtract', () => {
  it('should report a throughput well above the 250,000 words/s target', () => {
    const result = benchExtract(5);
    expect(result.words).toBeGreaterThan(0);
    expect(result.ms).toBeGreaterThan(0);
    // Loose floor (shared CI machines are noisy); `scripts/bench-extract.ts` measures the real figure.
    expect(result.wordsPerSecond).toBeGreaterThan(Number(process.env.EXTRACT_MIN_WORDS_PER_SECOND ?? 100_000));
  });
});
