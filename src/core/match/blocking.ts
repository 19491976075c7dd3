// blocking: claims' match profiles → the candidate pairs worth comparing. A
// set-similarity join with prefix filtering (AllPairs): a claim's blocking terms
// (at least `minBlockingWeight` rare in English) in one global order, rarest
// first (`byRarity`, from English frequencies, never from the corpus); each claim
// indexes the prefix of its terms whose suffix still weighs `minSharedWeight`, and
// probes with the shorter prefix whose suffix weighs the threshold a partner must
// share. Two claims whose weighted overlap reaches the threshold always share a
// term of one's probe prefix and the other's index prefix, so every such pair is
// found, and found pairs are checked exactly: no term is ever skipped, and the
// cost follows the pairs found. The index can be extended with new claims
// (`extendBlocking`); the pairs it gives are exactly those a full build gives.

import type { MatchProfile } from './pair.js';
import type { ResolvedClusterOptions } from './options.js';
import { termRarity } from './rarity.js';

/** Terms and the claims (ascending) whose prefix holds them. */
export type Postings = Map<string, number[]>;

/** The blocking index of a corpus: what an incremental run extends. */
export interface BlockingIndex {
  /** Index prefixes: each term with the claims that index it. */
  readonly postings: Postings;
  /** Probe prefixes (part of the index prefixes): each term with the claims that probe with it. */
  readonly probes: Postings;
}

/** The settings blocking reads. */
export type BlockingSettings = Pick<ResolvedClusterOptions, 'minBlockingWeight' | 'minSharedWeight' | 'minSharedShare'>;

/** A claim's blocking terms: sorted by term (as in its profile), with their weights and total. */
interface BlockingTerms {
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  readonly total: number;
}

/** Slack for floating-point sums taken in another order. */
const EPSILON = 1e-9;

function blockingTermsOf(profile: MatchProfile, minWeight: number): BlockingTerms {
  const terms: string[] = [];
  const weights: number[] = [];
  let total = 0;
  profile.terms.terms.forEach((term, k) => {
    const weight = profile.terms.weights[k]!;
    if (weight < minWeight) return;
    terms.push(term);
    weights.push(weight);
    total += weight;
  });
  return { terms, weights, total };
}

/**
 * The weighted overlap two claims must reach to be compared: `minSharedWeight`,
 * and `minSharedShare` of the smaller claim's blocking weight.
 */
function thresholdOf(totalA: number, totalB: number, options: BlockingSettings): number {
  return Math.max(options.minSharedWeight, options.minSharedShare * Math.min(totalA, totalB));
}

/**
 * The weighted overlap of two claims: the blocking terms both have, each at the
 * smaller of its two weights (summed in term order, so it is the same either way round).
 */
function overlapOf(a: BlockingTerms, b: BlockingTerms): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) {
      shared += Math.min(a.weights[i]!, b.weights[j]!);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/**
 * Whether two claims are a candidate pair: their weighted overlap (each shared
 * blocking term at its smaller weight) is at least `minSharedWeight` and at
 * least `minSharedShare` of the smaller claim's blocking weight. Blocking finds
 * every such pair of claims of different sources.
 *
 * @param a Profile of one claim.
 * @param b Profile of the other.
 * @param options Blocking settings.
 */
export function isCandidate(a: MatchProfile, b: MatchProfile, options: BlockingSettings): boolean {
  const x = blockingTermsOf(a, options.minBlockingWeight);
  const y = blockingTermsOf(b, options.minBlockingWeight);
  return overlapOf(x, y) >= thresholdOf(x.total, y.total, options);
}

/**
 * A claim's prefixes: its blocking terms rarest first; the index prefix holds
 * each term whose suffix (it and every term after it) weighs at least
 * `minSharedWeight`, the probe prefix each term whose suffix weighs at least
 * the least overlap any partner must share (`minSharedShare` of this claim's
 * weight when it is the smaller). A pair reaching the threshold has its rarest
 * shared term in the smaller claim's probe prefix and in the other's index prefix.
 *
 * @param profile The claim's profile.
 * @param options Blocking settings.
 */
export function prefixesOf(profile: MatchProfile, options: BlockingSettings): { readonly index: string[]; readonly probe: string[] } {
  const own = blockingTermsOf(profile, options.minBlockingWeight);
  const order = own.terms.map((_, k) => k).sort((a, b) => termRarity(own.terms[b]!) - termRarity(own.terms[a]!) || a - b);
  const probeFloor = Math.max(options.minSharedWeight, options.minSharedShare * own.total) - EPSILON;
  const indexFloor = options.minSharedWeight - EPSILON;
  const index: string[] = [];
  const probe: string[] = [];
  // The suffix weight from each position, summed from the end.
  let suffix = 0;
  const suffixes = new Float64Array(order.length);
  for (let k = order.length - 1; k >= 0; k--) suffixes[k] = suffix += own.weights[order[k]!]!;
  for (let k = 0; k < order.length; k++) {
    const term = own.terms[order[k]!]!;
    if (suffixes[k]! >= indexFloor) index.push(term);
    if (suffixes[k]! >= probeFloor) probe.push(term);
  }
  return { index, probe };
}

function addTo(postings: Postings, term: string, claim: number): void {
  const list = postings.get(term);
  if (!list) postings.set(term, [claim]);
  else if (list[list.length - 1]! < claim) list.push(claim);
  else {
    // Claims added out of order (an extension): keep the list ascending.
    let at = list.length;
    while (at > 0 && list[at - 1]! > claim) at--;
    if (list[at - 1] !== claim) list.splice(at, 0, claim);
  }
}

/**
 * The blocking index of all claims, built from scratch.
 *
 * @param profiles Profile of each claim.
 * @param options Blocking settings.
 */
export function buildBlocking(profiles: readonly MatchProfile[], options: BlockingSettings): BlockingIndex {
  const index: BlockingIndex = { postings: new Map(), probes: new Map() };
  profiles.forEach((profile, claim) => addClaim(index, claim, profile, options));
  return index;
}

function addClaim(index: BlockingIndex, claim: number, profile: MatchProfile, options: BlockingSettings): void {
  const prefixes = prefixesOf(profile, options);
  for (const term of prefixes.index) addTo(index.postings, term, claim);
  for (const term of prefixes.probe) addTo(index.probes, term, claim);
}

/** How an index extended with new claims differs from the one it extends. */
export interface BlockingExtension {
  readonly index: BlockingIndex;
  /** Earlier claims whose old pairs may no longer be candidates: always none (a pair's candidacy depends on the pair alone). */
  readonly dirty: ReadonlySet<number>;
}

/**
 * Whether an index can be extended to `total` claims: always (no setting of the
 * join depends on the corpus size), kept for callers that ask.
 */
export function canExtend(_index?: unknown, _total?: number, _options?: unknown): boolean {
  return true;
}

/**
 * The index extended with new claims, as a full build over all claims would make it.
 *
 * @param prior The earlier index, its claims already renumbered (not changed).
 * @param fresh Indexes of the new claims, ascending.
 * @param profileAt Profile of a new claim.
 * @param options Blocking settings.
 */
export function extendBlocking(
  prior: BlockingIndex,
  fresh: readonly number[],
  profileAt: (index: number) => MatchProfile,
  options: BlockingSettings,
): BlockingExtension {
  const index: BlockingIndex = { postings: copyPostings(prior.postings), probes: copyPostings(prior.probes) };
  for (const claim of fresh) addClaim(index, claim, profileAt(claim), options);
  return { index, dirty: new Set() };
}

/** A copy whose lists can grow (the lists a new claim joins are copied on write would save little). */
function copyPostings(postings: Postings): Postings {
  const copy: Postings = new Map();
  for (const [term, list] of postings) copy.set(term, list.slice());
  return copy;
}

/**
 * The candidate pairs that involve at least one of `claims` (`isCandidate`,
 * claims of different sources), each once, as [smaller, larger]. The index must
 * hold `claims`; `profileAt` is asked for the claims of pairs worth checking.
 *
 * @param index Blocking index of all claims (the new ones included).
 * @param sourceOf Source id of each claim.
 * @param options Blocking settings.
 * @param claims Indexes of the claims whose pairs are wanted.
 * @param profileAt Profile of a claim.
 */
export function* pairsTouching(
  index: BlockingIndex,
  sourceOf: readonly string[],
  options: BlockingSettings,
  claims: ReadonlySet<number>,
  profileAt: (index: number) => MatchProfile,
): Generator<[number, number]> {
  const seen = new Int32Array(sourceOf.length).fill(-1);
  const termsCache = new Map<number, BlockingTerms>();
  const termsAt = (claim: number) => {
    let terms = termsCache.get(claim);
    if (!terms) {
      terms = blockingTermsOf(profileAt(claim), options.minBlockingWeight);
      if (termsCache.size > 100_000) termsCache.clear();
      termsCache.set(claim, terms);
    }
    return terms;
  };
  for (const i of [...claims].sort((a, b) => a - b)) {
    seen[i] = i;
    const prefixes = prefixesOf(profileAt(i), options);
    const mine = termsAt(i);
    const visit = function* (list: readonly number[] | undefined): Generator<[number, number]> {
      if (!list) return;
      for (const j of list) {
        if (seen[j] === i) continue;
        seen[j] = i;
        // A pair of two of `claims` is given once, from its first claim.
        if (sourceOf[j] === sourceOf[i] || (j < i && claims.has(j))) continue;
        const theirs = termsAt(j);
        if (overlapOf(mine, theirs) >= thresholdOf(mine.total, theirs.total, options)) yield j < i ? [j, i] : [i, j];
      }
    };
    for (const term of prefixes.probe) yield* visit(index.postings.get(term));
    for (const term of prefixes.index) yield* visit(index.probes.get(term));
  }
}

/**
 * Whether two claims are still a candidate pair: with this join always (a pair's
 * candidacy never changes as the corpus grows); kept for callers that ask.
 */
export function candidacyChecker(_index: BlockingIndex, _dirty: ReadonlySet<number>, _options?: unknown): (i: number, j: number) => boolean {
  return () => true;
}
