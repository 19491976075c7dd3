// src/data/match-rarity.json is what scripts/build-rarity.ts makes from the SUBTLEX
// list today: stemming or the synonym groups changed without running it again fails here.
import { describe, expect, it } from 'vitest';
import stems from '../src/data/match-rarity.json' with { type: 'json' };
import { byRarity, stemCounts, termRarity } from '../src/core/match/rarity.js';
import { canonicalTerm, MAX_WEIGHT } from '../src/core/match/terms.js';

describe('match-rarity data', () => {
  it('holds the count of every canonical term, as stemCounts computes it', () => {
    expect(stems.counts).toEqual(Object.fromEntries(stemCounts()));
  });

  it.each([
    ['the', 'lighthouse'],
    ['walked', 'thistlewood'],
    ['council', 'saltmarsh'],
  ])('%s is more common than %s', (common, rare) => {
    expect(termRarity(canonicalTerm(common))).toBeLessThan(termRarity(canonicalTerm(rare)));
    expect(byRarity(canonicalTerm(rare), canonicalTerm(common))).toBeLessThan(0);
  });

  it('a term never listed is rarest', () => {
    expect(termRarity('zzqxv')).toBe(MAX_WEIGHT);
  });
});
