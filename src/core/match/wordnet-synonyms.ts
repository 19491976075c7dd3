// wordnet-synonyms: two of the matcher's terms (Porter stems, see terms.ts) → whether
// WordNet puts a noun, adjective or adverb of each in one synset among their first
// senses. Reads the table src/data/wordnet-synonyms.json built by
// scripts/build-wordnet-synonyms.ts from WordNet 3.1 (Princeton University's licence,
// in the table); decoded once, on first use.

import table from '../../data/wordnet-synonyms.json' with { type: 'json' };
import { objectMemo } from './memo.js';

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

type WeightedTerms = { readonly terms: readonly string[]; readonly weights: readonly number[] };

/** Each claim's terms and the synset groups of its terms, as sets: read once per claim (the coverage is asked of many pairs). */
const setsMemo = objectMemo<WeightedTerms, { readonly terms: ReadonlySet<string>; readonly groups: ReadonlySet<number> }>();
function setsOf(terms: WeightedTerms): { readonly terms: ReadonlySet<string>; readonly groups: ReadonlySet<number> } {
  let sets = setsMemo.get(terms);
  if (!sets) {
    const groups = load();
    sets = { terms: new Set(terms.terms), groups: new Set(terms.terms.flatMap((term) => groups.get(term) ?? [])) };
    setsMemo.set(terms, sets);
  }
  return sets;
}

/** The weighted share of `a`'s terms that `b` has, or has a synonym of. */
function coverage(a: WeightedTerms, b: WeightedTerms): number {
  const groups = load();
  const other = setsOf(b);
  let met = 0;
  let total = 0;
  a.terms.forEach((term, i) => {
    total += a.weights[i]!;
    if (other.terms.has(term) || (groups.get(term) ?? []).some((id) => other.groups.has(id))) met += a.weights[i]!;
  });
  return total > 0 ? met / total : 0;
}

/**
 * How much of each claim's term weight the other meets exactly or by a WordNet
 * synonym (0 to 1 each way).
 *
 * @param a Terms of one claim.
 * @param b Terms of the other.
 */
export function synonymCoverage(a: WeightedTerms, b: WeightedTerms): { forward: number; backward: number } {
  return { forward: coverage(a, b), backward: coverage(b, a) };
}
