// The extractor's benchmark runs on the project's own sources, so it works on a
// clean clone (no ../shared). Speed itself is measured by `npm run bench`, not here.
import { describe, expect, it } from 'vitest';
import { benchExtract, sourceSentences } from '../../scripts/bench-extract.js';

describe('benchExtract', () => {
  it('should measure over the sentences of sources/, every pass', () => {
    const items = sourceSentences();
    expect(items.length).toBeGreaterThan(50);
    expect(new Set(items.map((item) => item.outlet)).size).toBe(5);
    const once = benchExtract(1);
    const twice = benchExtract(2);
    expect(once.words).toBeGreaterThan(1000);
    expect(twice.words).toBe(once.words * 2);
    expect(twice.wordsPerSecond).toBe(Math.round((twice.words / twice.ms) * 1000));
  });
});
