// blocks: the candidate pairs of `blocking.ts` decided one block at a time, for
// runs that shuffle claims by blocking key (src/engine/stage.ts). A claim goes to
// the block of each of its capped blocking terms (`terms:`) and of each term of its
// copy prefix (`copies:`); a pair is a candidate exactly when `pairsTouching` of a
// full build yields it, and each candidate is given by one block only (its owner).

import { copyPrefixOf, copyTermsOf, EPSILON, exactCopyTerm, isCopyPair, maxPostingsFor, type CopySettings, type CopyTerms } from './blocking.js';
import type { MatchProfile } from './pair.js';
import type { ResolvedClusterOptions } from './options.js';
import { conceptKeysOf, MIN_CONCEPT_WEIGHT } from './semantic-blocking.js';

/** A claim as a block sees it. */
export interface BlockClaim {
  /** Its index in the whole corpus (claims in source order). */
  readonly index: number;
  readonly source: string;
  readonly profile: MatchProfile;
  /** Its blocking terms in at most `maxPostings` claims of the corpus (the others are too common). */
  readonly capped: readonly string[];
}

/** The keys of the blocks a claim goes to. */
export interface BlockKeys {
  /** Its blocking terms (weighing at least `minBlockingWeight`), in term order, then its concept keys (`conceptKeysOf`). */
  readonly terms: readonly string[];
  /** The terms of its copy prefix (`copyPrefixOf`), each once, and its copy key's term when it is too light for the join (`exactCopyTerm`). */
  readonly copies: readonly string[];
}

/**
 * The blocking keys of a claim: the terms a corpus-wide count decides the cap of, and its copy prefix.
 *
 * @param profile The claim's profile.
 * @param options Blocking settings.
 */
export function blockKeysOf(profile: MatchProfile, options: CopySettings): BlockKeys {
  const terms = [
    ...profile.terms.terms.filter((_, k) => profile.terms.weights[k]! >= options.minBlockingWeight),
    ...conceptKeysOf(profile, options.minBlockingWeight).map(({ key }) => key),
  ];
  const own = copyTermsOf(profile, options);
  const exact = exactCopyTerm(profile, own, options);
  const copies = [...new Set(copyPrefixOf(own, options).map(({ term }) => term)), ...(exact === undefined ? [] : [exact])];
  return { terms, copies };
}

/**
 * The cap of blocking terms for a corpus (`maxPostingsFor`): a term in more claims is not blocked on.
 *
 * @param claims Number of claims in the corpus.
 * @param options Blocking settings.
 */
export function blockCap(claims: number, options: Pick<ResolvedClusterOptions, 'maxTermShare' | 'maxTermClaims' | 'minTermClaims'>): number {
  return maxPostingsFor(claims, options);
}

/** What a block derives of a claim once. */
interface Derived {
  readonly claim: BlockClaim;
  /** Capped blocking terms with the claim's weights, in term order. */
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  readonly capped: ReadonlySet<string>;
  /** Capped concept keys with the claim's weights, in the order of `conceptKeysOf`. */
  readonly concepts: readonly string[];
  readonly conceptWeights: readonly number[];
  readonly copy: CopyTerms;
  /** Copy prefix: term → suffix weight. */
  readonly prefix: ReadonlyMap<string, number>;
  /** Its copy key's term when it is too light for the join (`exactCopyTerm`). */
  readonly exact: string | undefined;
}

function derive(claim: BlockClaim, options: CopySettings): Derived {
  const capped = new Set(claim.capped);
  const terms: string[] = [];
  const weights: number[] = [];
  const { terms: all, weights: allWeights } = claim.profile.terms;
  all.forEach((term, k) => {
    if (allWeights[k]! >= options.minBlockingWeight && capped.has(term)) {
      terms.push(term);
      weights.push(allWeights[k]!);
    }
  });
  const concepts: string[] = [];
  const conceptWeights: number[] = [];
  for (const { key, weight } of conceptKeysOf(claim.profile, options.minBlockingWeight)) {
    if (!capped.has(key)) continue;
    concepts.push(key);
    conceptWeights.push(weight);
  }
  const copy = copyTermsOf(claim.profile, options);
  const prefix = new Map<string, number>();
  for (const { term, suffix } of copyPrefixOf(copy, options)) if (!prefix.has(term)) prefix.set(term, suffix);
  return { claim, terms, weights, capped, concepts, conceptWeights, copy, prefix, exact: exactCopyTerm(claim.profile, copy, options) };
}

/**
 * The shared weight of capped blocking terms, as `pairsTouching` sums it (the
 * first claim's weights, in term order), and the first shared term.
 */
function shared(first: Derived, second: Derived, concepts = false): { weight: number; least: string | undefined } {
  let weight = 0;
  let least: string | undefined;
  const [terms, weights] = concepts ? [first.concepts, first.conceptWeights] : [first.terms, first.weights];
  terms.forEach((term, k) => {
    if (!second.capped.has(term)) return;
    least ??= term;
    weight += weights[k]!;
  });
  return { weight, least };
}

/** The least copy-prefix term both share whose suffixes pass the positional filter, if any. */
function copyOwner(a: Derived, b: Derived, options: CopySettings): string | undefined {
  const need = Math.max(options.minSharedWeight, options.copyShare * Math.max(a.copy.total, b.copy.total)) - EPSILON;
  let least: string | undefined;
  for (const [term, suffix] of a.prefix) {
    const other = b.prefix.get(term);
    if (other === undefined || Math.min(suffix, other) < need) continue;
    if (least === undefined || term < least) least = term;
  }
  return least;
}

/** How a pair is a candidate: by shared blocking terms (`terms`), as near-copies (`copies`), or not. */
function candidacy(x: Derived, y: Derived, options: CopySettings): { kind: 'terms' | 'copies'; owner: string } | undefined {
  if (x.claim.source === y.claim.source) return undefined;
  const [first, second] = x.claim.index < y.claim.index ? [x, y] : [y, x];
  const byTerms = shared(first, second);
  if (byTerms.least !== undefined && byTerms.weight >= options.minSharedWeight) return { kind: 'terms', owner: byTerms.least };
  // Close in meaning (semantic-blocking.ts): concept keys are blocks of the kind 'terms' too.
  const byConcepts = shared(first, second, true);
  if (byConcepts.least !== undefined && byConcepts.weight >= MIN_CONCEPT_WEIGHT) return { kind: 'terms', owner: byConcepts.least };
  const owner = copyOwner(first, second, options);
  if (owner !== undefined && isCopyPair(first.copy, second.copy, options)) return { kind: 'copies', owner };
  // Word-for-word copies too light for the join: the block of their copy key.
  if (first.exact !== undefined && first.exact === second.exact) return { kind: 'copies', owner: first.exact };
  return undefined;
}

/** A block: the claims with one key. */
export interface Block {
  readonly kind: 'terms' | 'copies';
  readonly term: string;
  readonly claims: readonly BlockClaim[];
}

/**
 * The candidate pairs a block owns, by corpus index `[first, second]`: pairs of
 * its claims that `pairsTouching` gives, found through this block's term and no
 * lesser one (so each candidate comes from exactly one block).
 *
 * @param block The block.
 * @param options Blocking settings.
 */
export function blockPairs(block: Block, options: CopySettings): [number, number][] {
  const derived = [...block.claims].sort((a, b) => a.index - b.index).map((claim) => derive(claim, options));
  const pairs: [number, number][] = [];
  for (let x = 0; x < derived.length; x++) {
    for (let y = x + 1; y < derived.length; y++) {
      const found = candidacy(derived[x]!, derived[y]!, options);
      if (found && found.kind === block.kind && found.owner === block.term) pairs.push([derived[x]!.claim.index, derived[y]!.claim.index]);
    }
  }
  return pairs;
}

/**
 * Whether two claims are a candidate pair of the corpus (compared by `score()`).
 *
 * @param options Blocking settings.
 * @returns A predicate over two claims.
 */
export function candidateChecker(options: CopySettings): (a: BlockClaim, b: BlockClaim) => boolean {
  const cache = new Map<BlockClaim, Derived>();
  const of = (claim: BlockClaim) => {
    let found = cache.get(claim);
    if (!found) cache.set(claim, (found = derive(claim, options)));
    return found;
  };
  return (a, b) => candidacy(of(a), of(b), options) !== undefined;
}
