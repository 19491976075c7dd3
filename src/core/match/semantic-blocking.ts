// semantic-blocking: a claim's match profile → its concept keys for blocking, so
// that claims saying one thing in other words become candidates: each blocking
// term is indexed under its concept (word-vectors.ts: its most similar more
// frequent term, `~` + that term), and a term other terms have as concept under
// itself (`~term`). The keys live in the blocking postings beside the terms (same
// cap, same incremental extension, same snapshot); a pair whose shared concept
// keys weigh at least `minConceptWeight` is a candidate.

import settings from '../../data/semantic-blocking.json' with { type: 'json' };
import type { MatchProfile } from './pair.js';
import { conceptOf, isConcept } from './word-vectors.js';

/** What marks a key of the blocking postings as a concept key. */
export const CONCEPT_PREFIX = '~';

/** Weight of concept keys two claims must share to be compared (data: src/data/semantic-blocking.json). */
export const MIN_CONCEPT_WEIGHT: number = settings.minConceptWeight;

/** Terms lighter than this get no concept key (more common words make buckets too broad to keep). */
const MIN_CONCEPT_TERM_WEIGHT: number = settings.minTermWeight;

/**
 * Whether a key of the blocking postings is a concept key (not a term).
 *
 * @param key A key of the postings.
 */
export function isConceptKey(key: string): boolean {
  return key.startsWith(CONCEPT_PREFIX);
}

/**
 * The concept keys of a claim, each with the weight of its heaviest term that
 * has it, in the order of the claim's terms (first use).
 *
 * @param profile The claim's profile.
 * @param minBlockingWeight Terms lighter than this block on nothing.
 */
export function conceptKeysOf(profile: MatchProfile, minBlockingWeight: number): { key: string; weight: number }[] {
  const weights = new Map<string, number>();
  const floor = Math.max(minBlockingWeight, MIN_CONCEPT_TERM_WEIGHT);
  profile.terms.terms.forEach((term, k) => {
    const weight = profile.terms.weights[k]!;
    if (weight < floor) return;
    const concept = conceptOf(term);
    if (concept === undefined) return;
    const keys = concept !== term ? [concept] : [];
    if (isConcept(term)) keys.push(term);
    for (const key of keys) {
      const name = CONCEPT_PREFIX + key;
      weights.set(name, Math.max(weights.get(name) ?? 0, weight));
    }
  });
  return [...weights].map(([key, weight]) => ({ key, weight }));
}
