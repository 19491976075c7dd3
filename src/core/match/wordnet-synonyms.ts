// wordnet-synonyms: two of the matcher's terms (Porter stems, see terms.ts) → whether
// WordNet puts a noun, adjective or adverb of each in one synset among their first
// senses. Reads the table src/data/wordnet-synonyms.json built by
// scripts/build-wordnet-synonyms.ts from WordNet 3.1 (Princeton University's licence,
// in the table); decoded once, on first use.

import table from '../../data/wordnet-synonyms.json' with { type: 'json' };

let groupsOf: Map<string, readonly number[]> | undefined;
function load(): Map<string, readonly number[]> {
  if (groupsOf) return groupsOf;
  const map = new Map<string, number[]>();
  table.groups.split('|').forEach((group, id) => {
    for (const term of group.split(',')) {
      const list = map.get(term);
      if (list) list.push(id);
      else map.set(term, [id]);
    }
  });
  groupsOf = map;
  return map;
}

/**
 * Whether two different terms are WordNet synonyms (share a synset of the table).
 *
 * @param a A term.
 * @param b Another term.
 */
export function areSynonyms(a: string, b: string): boolean {
  if (a === b) return false;
  const groups = load();
  const x = groups.get(a);
  if (!x) return false;
  const y = groups.get(b);
  if (!y) return false;
  for (const id of x) if (y.includes(id)) return true;
  return false;
}

/**
 * How much of each claim's term weight the other meets exactly or by a WordNet
 * synonym (0 to 1 each way).
 *
 * @param a Terms of one claim.
 * @param b Terms of the other.
 */
export function synonymCoverage(
  a: { readonly terms: readonly string[]; readonly weights: readonly number[] },
  b: { readonly terms: readonly string[]; readonly weights: readonly number[] },
): { forward: number; backward: number } {
  const setB = new Set(b.terms);
  const setA = new Set(a.terms);
  const met = (term: string, own: Set<string>, other: readonly string[]) => own.has(term) || other.some((t) => areSynonyms(term, t));
  let forward = 0;
  let totalA = 0;
  a.terms.forEach((term, i) => {
    totalA += a.weights[i]!;
    if (met(term, setB, b.terms)) forward += a.weights[i]!;
  });
  let backward = 0;
  let totalB = 0;
  b.terms.forEach((term, j) => {
    totalB += b.weights[j]!;
    if (met(term, setA, a.terms)) backward += b.weights[j]!;
  });
  return { forward: totalA > 0 ? forward / totalA : 0, backward: totalB > 0 ? backward / totalB : 0 };
}
