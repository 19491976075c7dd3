// blocking: claims' match profiles → the candidate pairs worth comparing, from
// two indexes. (1) A set-similarity join with prefix filtering (AllPairs) for
// near-copies: each claim indexes the rarest of its blocking terms (one global
// order, `byRarity`, from English frequencies, never from the corpus) up to where
// the rest weighs less than it must share; two claims whose weighted overlap
// (`copyOverlap`) reaches `copyShare` of the larger one (and `minSharedWeight`)
// always share an indexed term, and found pairs are checked exactly, so no such
// pair is lost however large the corpus, at a cost that follows the pairs found.
// (2) For paraphrases, an inverted index over terms rare in English (at least
// `minBlockingWeight`), skipping terms in more claims than the cap
// (`maxPostingsFor`), so the cost stays near-linear; two claims of different
// sources are a candidate when the blocking terms they share weigh at least
// `minSharedWeight`; the same index holds concept keys (semantic-blocking.ts), and
// claims sharing `MIN_CONCEPT_WEIGHT` of those are candidates too. (3) Word-for-word copies
// too light for the join (`exactCopyTerm`) meet through their copy key, kept with the
// copy prefixes. All can be extended with new claims (`extendBlocking`) for
// the incremental path of `cluster()`; the pairs they give are exactly those a
// full build would give.

import { isVerbatimCopy, type MatchProfile } from './pair.js';
import type { ResolvedClusterOptions } from './options.js';
import { copyWindow, copyWindows, overlapReaches } from './copy-scan.js';
import { termRarity } from './rarity.js';
import { conceptKeysOf, isConceptKey, MIN_CONCEPT_WEIGHT } from './semantic-blocking.js';

/** Blocking terms and the claims that have them, with each claim's weight for the term. */
export type Postings = Map<string, { readonly claims: number[]; readonly weights: number[] }>;

/** The blocking index of a corpus: what an incremental run extends. */
export interface BlockingIndex {
  /** The cap the postings were built with (see `maxPostingsFor`). */
  readonly maxPostings: number;
  /** Terms in at most `maxPostings` claims, with their claims in ascending order. */
  readonly postings: Postings;
  /**
   * Terms in more claims than that, with how many: too common to block on now and
   * in every extension with the same cap (lists only grow).
   */
  readonly common: Map<string, number>;
  /** The near-copy join: each term with the claims (ascending) whose copy prefix holds it (see `copyPrefixOf`). */
  readonly copies: CopyPostings;
}

/**
 * The story (scope) of each claim, by claim index: blocking terms are counted (for
 * the cap) and shared within one scope only, so that which terms a story's claims
 * block on depends on that story's claims alone, never on the rest of the folder.
 * Claims of different scopes meet only through the near-copy join. `undefined`: one
 * scope for all claims.
 */
export type BlockScope = (claim: number) => string | undefined;

/** Separates a blocking term from its scope in a postings key (sorts before every character of a term). */
const SCOPE_MARK = '\u0001';

/**
 * The postings key of a term in a scope: the term itself without a scope.
 *
 * @param term A blocking term or concept key.
 * @param scope The claim's scope (`BlockScope`), if any.
 */
export function scopedKey(term: string, scope: string | undefined): string {
  return scope === undefined ? term : `${term}${SCOPE_MARK}${scope}`;
}

/** The scope a postings key was made in (undefined: no scope). */
function scopeOfKey(key: string): string | undefined {
  const at = key.indexOf(SCOPE_MARK);
  return at === -1 ? undefined : key.slice(at + 1);
}

/**
 * The inverted index of blocking terms: terms at least `minBlockingWeight` rare in English,
 * each under its claim's scope (`scopedKey`) when `scopeOf` is given.
 *
 * @param profiles Profiles of the claims.
 * @param options Blocking settings.
 * @param scopeOf Scope of a claim, by its position in `profiles` (optional).
 */
export function postingsOf(profiles: readonly MatchProfile[], options: Pick<ResolvedClusterOptions, 'minBlockingWeight'>, scopeOf?: BlockScope): Postings {
  const minWeight = options.minBlockingWeight;
  const postings: Postings = new Map();
  profiles.forEach((profile, index) => {
    const scope = scopeOf?.(index);
    profile.terms.terms.forEach((term, k) => {
      const weight = profile.terms.weights[k]!;
      if (weight < minWeight) return;
      term = scopedKey(term, scope);
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { claims: [], weights: [] }));
      list.claims.push(index);
      list.weights.push(weight);
    });
    // Concept keys (semantic-blocking.ts) share the postings: the same cap, extension and snapshot.
    for (const { key: concept, weight } of conceptKeysOf(profile, minWeight)) {
      const key = scopedKey(concept, scope);
      let list = postings.get(key);
      if (!list) postings.set(key, (list = { claims: [], weights: [] }));
      list.claims.push(index);
      list.weights.push(weight);
    }
  });
  return postings;
}

/**
 * The most claims a blocking term may be in before it is too common to block on.
 *
 * @param claims Number of claims in the corpus.
 * @param options Blocking settings.
 */
export function maxPostingsFor(claims: number, options: Pick<ResolvedClusterOptions, 'maxTermShare' | 'maxTermClaims' | 'minTermClaims'>): number {
  return Math.min(Math.max(options.minTermClaims, Math.ceil(claims * options.maxTermShare)), options.maxTermClaims);
}

/**
 * The blocking index of all claims, built from scratch. With scopes, each scope's
 * terms are capped by the claims of that scope (`scopeCaps`).
 *
 * @param profiles Profile of each claim.
 * @param options Blocking settings.
 * @param scopeOf Scope of each claim (optional).
 */
export function buildBlocking(profiles: readonly MatchProfile[], options: ResolvedClusterOptions, scopeOf?: BlockScope): BlockingIndex {
  const maxPostings = maxPostingsFor(profiles.length, options);
  const capOf = scopeCaps(profiles.length, options, scopeOf);
  const postings: Postings = new Map();
  const common = new Map<string, number>();
  for (const [term, list] of postingsOf(profiles, options, scopeOf)) {
    if (list.claims.length > capOf(term)) common.set(term, list.claims.length);
    // Lists grown by push keep room to grow (17 slots for one claim): the index keeps them at their length, half the memory.
    else postings.set(term, { claims: list.claims.slice(), weights: list.weights.slice() });
  }
  const copies: CopyPostings = new Map();
  profiles.forEach((profile, claim) => addCopyPrefix(copies, claim, profile, options));
  for (const [term, list] of copies) copies.set(term, { claims: list.claims.slice(), suffixes: list.suffixes.slice(), totals: list.totals.slice() });
  return { maxPostings, postings, common, copies };
}

/** How an index extended with new claims differs from the one it extends. */
export interface BlockingExtension {
  readonly index: BlockingIndex;
  /** Earlier claims that lost a blocking term (it became too common): their old pairs may no longer be candidates. */
  readonly dirty: ReadonlySet<number>;
}

/**
 * Whether an index of `before` claims can be extended to `total` claims: only
 * when the cap stays the same (another cap changes which terms block).
 *
 * @param index The earlier index.
 * @param total Number of claims after the extension.
 * @param options Blocking settings.
 */
export function canExtend(index: Pick<BlockingIndex, 'maxPostings'>, total: number, options: ResolvedClusterOptions): boolean {
  return maxPostingsFor(total, options) === index.maxPostings;
}

/**
 * The cap of each postings key: `maxPostingsFor` the claims of the key's scope
 * (of all claims without scopes).
 *
 * @param total Number of claims.
 * @param options Blocking settings.
 * @param scopeOf Scope of each claim (optional).
 */
function scopeCaps(total: number, options: ResolvedClusterOptions, scopeOf: BlockScope | undefined): (key: string) => number {
  const whole = maxPostingsFor(total, options);
  if (!scopeOf) return () => whole;
  const sizes = new Map<string, number>();
  for (let claim = 0; claim < total; claim++) {
    const scope = scopeOf(claim);
    if (scope !== undefined) sizes.set(scope, (sizes.get(scope) ?? 0) + 1);
  }
  return (key) => {
    const scope = scopeOfKey(key);
    return scope === undefined ? whole : maxPostingsFor(sizes.get(scope) ?? 0, options);
  };
}

/**
 * Whether an index built with scopes can be extended under `scopeOf`: the cap
 * of a scope does not grow with its claims (`maxTermClaims` at most
 * `minTermClaims`, as by default) and every earlier claim with blocking terms kept its scope (a story
 * that took in another gets another scope: the index is built anew).
 *
 * @param index The earlier index, its claims already renumbered.
 * @param scopeOf Scope of each claim now (undefined: the index has no scopes either).
 * @param options Blocking settings.
 */
export function scopesKept(index: Pick<BlockingIndex, 'postings'>, scopeOf: BlockScope | undefined, options: ResolvedClusterOptions): boolean {
  if (!scopeOf) {
    for (const key of index.postings.keys()) if (scopeOfKey(key) !== undefined) return false;
    return true;
  }
  if (maxPostingsFor(0, options) !== maxPostingsFor(Number.MAX_SAFE_INTEGER, options)) return false;
  for (const [key, list] of index.postings) {
    const scope = scopeOfKey(key);
    for (const claim of list.claims) if (scopeOf(claim) !== scope) return false;
  }
  return true;
}

/**
 * The index extended with new claims, as a full build over all claims would make it
 * (check `canExtend` first).
 *
 * @param prior The earlier index, its claims already renumbered.
 * @param fresh Indexes of the new claims, ascending, with their profiles.
 * @param profileAt Profile of a new claim.
 * @param options Blocking settings.
 */
export function extendBlocking(
  prior: BlockingIndex,
  fresh: readonly number[],
  profileAt: (index: number) => MatchProfile,
  options: ResolvedClusterOptions,
  scopeOf?: BlockScope,
): BlockingExtension {
  const { maxPostings } = prior;
  const postings: Postings = new Map(prior.postings);
  const common = new Map(prior.common);
  const freshPostings = postingsOf(
    fresh.map((index) => profileAt(index)),
    options,
    scopeOf ? (local) => scopeOf(fresh[local]!) : undefined,
  );
  const dirty = new Set<number>();
  for (const [term, list] of freshPostings) {
    const count = common.get(term);
    if (count !== undefined) {
      common.set(term, count + list.claims.length);
      continue;
    }
    const known = postings.get(term);
    const before = known?.claims.length ?? 0;
    if (before + list.claims.length > maxPostings) {
      for (const claim of known?.claims ?? []) dirty.add(claim);
      postings.delete(term);
      common.set(term, before + list.claims.length);
      continue;
    }
    const merged = { claims: [...(known?.claims ?? [])], weights: [...(known?.weights ?? [])] };
    list.claims.forEach((local, k) => {
      merged.claims.push(fresh[local]!);
      merged.weights.push(list.weights[k]!);
    });
    postings.set(term, sortPosting(merged));
  }
  const copies: CopyPostings = new Map();
  for (const [term, list] of prior.copies) copies.set(term, { claims: list.claims.slice(), suffixes: list.suffixes.slice(), totals: list.totals.slice() });
  for (const claim of fresh) addCopyPrefix(copies, claim, profileAt(claim), options);
  return { index: { maxPostings, postings, common, copies }, dirty };
}

/** A blocking term of a claim: the term, its weight in that claim, and the term's postings. */
interface BlockingTerm {
  readonly term: string;
  readonly weight: number;
  readonly list: { readonly claims: readonly number[]; readonly weights: readonly number[] };
}

/**
 * The blocking terms of some claims, in alphabetical order, by claim.
 *
 * @param postings Blocking terms of all claims.
 * @param claims Indexes of the claims whose terms are wanted.
 */
function blockingTermsOf(postings: Postings, claims: ReadonlySet<number>): Map<number, BlockingTerm[]> {
  const termsOf = new Map<number, BlockingTerm[]>();
  if (claims.size === 0) return termsOf;
  for (const [term, list] of postings) {
    list.claims.forEach((claim, k) => {
      if (!claims.has(claim)) return;
      let terms = termsOf.get(claim);
      if (!terms) termsOf.set(claim, (terms = []));
      terms.push({ term, weight: list.weights[k]!, list });
    });
  }
  // Sum each claim's weights in its own (alphabetical) term order, as floating-point sums depend on order.
  for (const terms of termsOf.values()) terms.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return termsOf;
}

/**
 * The blocking terms of one claim, read off its profile: the postings keys it was
 * indexed under (`postingsOf`) that are still capped, with the claim's weight and
 * the key's postings, in alphabetical key order. The same entries `blockingTermsOf`
 * gives the claim, made when the claim is probed instead of for all claims at once.
 *
 * @param postings Blocking terms of all claims (the claim's own among them).
 * @param profile The claim's profile.
 * @param scope The claim's scope (`BlockScope`), if any.
 * @param minWeight `minBlockingWeight`.
 */
function ownBlockingTerms(postings: Postings, profile: MatchProfile, scope: string | undefined, minWeight: number): BlockingTerm[] {
  const own: BlockingTerm[] = [];
  const add = (term: string, weight: number) => {
    const key = scopedKey(term, scope);
    const list = postings.get(key);
    if (list) own.push({ term: key, weight, list });
  };
  profile.terms.terms.forEach((term, k) => {
    const weight = profile.terms.weights[k]!;
    if (weight >= minWeight) add(term, weight);
  });
  for (const { key, weight } of conceptKeysOf(profile, minWeight)) add(key, weight);
  // Stable: a key the claim has twice keeps its order of indexing, as in the postings.
  return own.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/**
 * The candidate pairs that involve at least one of `claims`: claims of different
 * sources that are near-copies (`isCopyPair`) or share at least `minSharedWeight`
 * of capped blocking terms. A pair's shared
 * weight counts its first claim's weights, summed in alphabetical term order, so
 * the pairs (and their order-independent weights) are the same however the
 * corpus was built up.
 *
 * @param index Blocking index of all claims (the new ones included).
 * @param sourceOf Source id of each claim.
 * @param options Blocking settings.
 * @param claims Indexes of the claims whose pairs are wanted.
 * @param profileAt Profile of a claim (asked for the claims the near-copy join finds).
 * @param scopeOf Scope of each claim, as the index was built with (optional: none).
 * @param done Called with each of `claims` once every pair that involves it was given (optional):
 *   claims are probed in ascending order, and a pair of two of them comes with the first.
 */
export function* pairsTouching(
  index: BlockingIndex,
  sourceOf: readonly string[],
  options: CopySettings,
  claims: ReadonlySet<number>,
  profileAt: (index: number) => MatchProfile,
  scopeOf?: BlockScope,
  done?: (claim: number) => void,
): Generator<[number, number]> {
  const minShared = options.minSharedWeight;
  // Shared weight by claim, for the current claim: sums in typed arrays, the claims met in order of first meeting
  // (the order a Map's insertion would give), so the pairs come out as before without a Map entry per pair.
  const sharedSum = new Float64Array(sourceOf.length);
  const conceptSum = new Float64Array(sourceOf.length);
  const metTerm = new Int32Array(sourceOf.length).fill(-1);
  const metConcept = new Int32Array(sourceOf.length).fill(-1);
  const sharedOrder: number[] = [];
  const conceptOrder: number[] = [];
  const seen = new Int32Array(sourceOf.length).fill(-1);
  const copyTerms = copyTermsCache(profileAt, options);
  const windows = copyWindows(claims.size);
  // Membership of `claims` by index (a Set lookup per posting entry was the join's main cost).
  const probing = new Uint8Array(sourceOf.length);
  for (const claim of claims) probing[claim] = 1;
  // Each claim's source as a number (source ids are long strings, compared once per posting entry otherwise).
  const sourceNumber = new Int32Array(sourceOf.length);
  {
    const numbers = new Map<string, number>();
    for (let claim = 0; claim < sourceOf.length; claim++) {
      const id = sourceOf[claim]!;
      let number = numbers.get(id);
      if (number === undefined) numbers.set(id, (number = numbers.size));
      sourceNumber[claim] = number;
    }
  }
  for (const i of [...claims].sort((a, b) => a - b)) {
    sharedOrder.length = 0;
    conceptOrder.length = 0;
    const source = sourceNumber[i]!;
    for (const { term, weight, list } of ownBlockingTerms(index.postings, profileAt(i), scopeOf?.(i), options.minBlockingWeight)) {
      const concept = isConceptKey(term);
      const sums = concept ? conceptSum : sharedSum;
      const met = concept ? metConcept : metTerm;
      const order = concept ? conceptOrder : sharedOrder;
      const claimsOf = list.claims;
      const weightsOf = list.weights;
      for (let k = 0; k < claimsOf.length; k++) {
        const j = claimsOf[k]!;
        // A pair of two of `claims` is counted once, from its first claim.
        if (j === i || (j < i && probing[j] === 1) || sourceNumber[j] === source) continue;
        if (met[j] !== i) {
          met[j] = i;
          sums[j] = 0;
          order.push(j);
        }
        sums[j] = sums[j]! + (j < i ? weightsOf[k]! : weight);
      }
    }
    seen[i] = i;
    for (const j of sharedOrder) {
      if (sharedSum[j]! < minShared) continue;
      seen[j] = i;
      yield j < i ? [j, i] : [i, j];
    }
    // Close in meaning: sharing concept keys (semantic-blocking.ts).
    for (const j of conceptOrder) {
      if (conceptSum[j]! < MIN_CONCEPT_WEIGHT || seen[j] === i) continue;
      seen[j] = i;
      yield j < i ? [j, i] : [i, j];
    }
    // Near-copies the capped index missed: claims sharing a term of the copy prefixes, checked exactly.
    const mine = copyTerms(i);
    for (const { term, suffix } of copyPrefixOf(mine, options)) {
      const list = index.copies.get(term);
      if (!list) continue;
      // Only the entries whose weight the positional filter below can pass (copy-scan.ts).
      const { order, from, to } = copyWindow(windows, list, mine.total, suffix, options.copyShare);
      for (let at = from; at < to; at++) {
        const k = order ? order[at]! : at;
        const j = list.claims[k]!;
        // A pair of two of `claims` is counted once, from its first claim (what `seen` would record for it matters to no one).
        if (seen[j] === i || (j < i && probing[j] === 1)) continue;
        // Positional filter: from this term on, neither claim has the weight the pair must share.
        const need = Math.max(options.minSharedWeight, options.copyShare * Math.max(mine.total, list.totals[k]!)) - EPSILON;
        if (Math.min(suffix, list.suffixes[k]!) < need) continue;
        seen[j] = i;
        if (sourceNumber[j] === source) continue;
        if (isCopyPair(mine, copyTerms(j), options)) yield j < i ? [j, i] : [i, j];
      }
    }
    // Word-for-word copies too light for the join (`minSharedWeight`): by their copy key.
    const key = exactCopyTerm(profileAt(i), mine, options);
    const same = key === undefined ? undefined : index.copies.get(key);
    for (const j of same?.claims ?? []) {
      if (seen[j] === i || (j < i && probing[j] === 1) || sourceNumber[j] === source) continue;
      seen[j] = i;
      yield j < i ? [j, i] : [i, j];
    }
    done?.(i);
  }
}

/**
 * The copy-postings term of a claim too light for the near-copy join (its
 * blocking weight under `minSharedWeight`): `=` and its copy key, under which its
 * word-for-word copies find it whatever their weight. Undefined for other claims
 * (the join finds their copies) and claims without a key.
 *
 * @param profile The claim's profile.
 * @param own Its blocking terms (`copyTermsOf`).
 * @param options Blocking settings.
 */
export function exactCopyTerm(profile: Pick<MatchProfile, 'copyKey'>, own: Pick<CopyTerms, 'total'>, options: Pick<ResolvedClusterOptions, 'minSharedWeight'>): string | undefined {
  return profile.copyKey !== undefined && own.total < options.minSharedWeight - EPSILON ? `=${profile.copyKey}` : undefined;
}

// ---------------------------------------------------------------------------
// The near-copy join

/**
 * Copy prefixes by term: the claims (ascending), with each claim's weight from
 * that term on (`suffix`, an upper bound of any overlap whose rarest shared term
 * it is) and its blocking weight (`total`).
 */
export type CopyPostings = Map<string, { readonly claims: number[]; readonly suffixes: number[]; readonly totals: number[] }>;

/** The settings of both indexes. */
export type CopySettings = Pick<ResolvedClusterOptions, 'minBlockingWeight' | 'minSharedWeight' | 'copyShare' | 'copyNumberWeight'>;

/** A claim's blocking terms, sorted by term (as in its profile), with their weights and total. */
export interface CopyTerms {
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  readonly total: number;
}

/** Slack for floating-point sums taken in another order. */
export const EPSILON = 1e-9;

/**
 * A claim's blocking terms (weighing at least `minBlockingWeight`) and its numbers
 * (each weighing `copyNumberWeight`), for the near-copy join.
 *
 * @param profile The claim's profile.
 * @param options Blocking settings.
 */
export function copyTermsOf(profile: MatchProfile, options: Pick<ResolvedClusterOptions, 'minBlockingWeight' | 'copyNumberWeight'>): CopyTerms {
  const terms: string[] = [];
  const weights: number[] = [];
  let total = 0;
  // Numbers as written count too (`#5`, sorting before every word): copies print the same figures.
  for (const number of profile.terms.numbers) {
    terms.push(`#${number}`);
    weights.push(options.copyNumberWeight);
    total += options.copyNumberWeight;
  }
  profile.terms.terms.forEach((term, k) => {
    const weight = profile.terms.weights[k]!;
    if (weight < options.minBlockingWeight) return;
    terms.push(term);
    weights.push(weight);
    total += weight;
  });
  return { terms, weights, total };
}

/**
 * The weighted overlap of two claims: the blocking terms both have, each at the
 * smaller of its two weights (summed in term order: the same either way round).
 *
 * @param a Blocking terms of one claim.
 * @param b Blocking terms of the other.
 */
export function copyOverlap(a: CopyTerms, b: CopyTerms): number {
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
 * Whether two claims are near-copies, always compared: their weighted overlap
 * is at least `minSharedWeight` and at least `copyShare` of the larger claim's
 * blocking weight.
 *
 * @param a Blocking terms of one claim.
 * @param b Blocking terms of the other.
 * @param options Blocking settings.
 */
export function isCopyPair(a: CopyTerms, b: CopyTerms, options: Pick<ResolvedClusterOptions, 'minSharedWeight' | 'copyShare'>): boolean {
  // copyOverlap(a, b) ≥ the threshold, given up once it cannot get there.
  return overlapReaches(a, b, Math.max(options.minSharedWeight, options.copyShare * Math.max(a.total, b.total)));
}

/**
 * A claim's copy prefix: its blocking terms rarest first (`termRarity`, ties by
 * term), each while it and the terms after it still weigh what a near-copy must
 * share (`minSharedWeight`, and `copyShare` of the claim's weight). Two
 * near-copies have their rarest shared term in both prefixes: the terms from it
 * on hold their whole overlap.
 *
 * @param own The claim's blocking terms.
 * @param options Blocking settings.
 */
export function copyPrefixOf(own: CopyTerms, options: Pick<ResolvedClusterOptions, 'minSharedWeight' | 'copyShare'>): { term: string; suffix: number }[] {
  const rarity = own.terms.map(termRarity);
  const order = own.terms.map((_, k) => k).sort((a, b) => rarity[b]! - rarity[a]! || a - b);
  const floor = Math.max(options.minSharedWeight, options.copyShare * own.total) - EPSILON;
  let suffix = own.total + EPSILON;
  const prefix: { term: string; suffix: number }[] = [];
  for (const k of order) {
    // `suffix`: the weight of this term and every term after it (a running difference, with slack).
    if (suffix < floor) break;
    prefix.push({ term: own.terms[k]!, suffix });
    suffix -= own.weights[k]!;
  }
  return prefix;
}

function addCopyPrefix(copies: CopyPostings, claim: number, profile: MatchProfile, options: CopySettings): void {
  const own = copyTermsOf(profile, options);
  const exact = exactCopyTerm(profile, own, options);
  const entries = copyPrefixOf(own, options);
  if (exact !== undefined) entries.push({ term: exact, suffix: own.total });
  for (const { term, suffix } of entries) {
    const list = copies.get(term);
    if (!list) copies.set(term, { claims: [claim], suffixes: [suffix], totals: [own.total] });
    else {
      // Claims added out of order (an extension) go to their place: lists stay ascending.
      let at = list.claims.length;
      while (at > 0 && list.claims[at - 1]! > claim) at--;
      list.claims.splice(at, 0, claim);
      list.suffixes.splice(at, 0, suffix);
      list.totals.splice(at, 0, own.total);
    }
  }
}

/** Blocking terms by claim, derived once per call. */
function copyTermsCache(profileAt: (index: number) => MatchProfile, options: CopySettings): (claim: number) => CopyTerms {
  const cache = new Map<number, CopyTerms>();
  return (claim) => {
    let terms = cache.get(claim);
    if (!terms) {
      terms = copyTermsOf(profileAt(claim), options);
      if (cache.size > 200_000) cache.clear();
      cache.set(claim, terms);
    }
    return terms;
  };
}

/**
 * The story gate of matching, over claim indexes: two claims may match when
 * their sources are in one story (`sameStory`, a relation of the two sources
 * alone) or when they are near-copies (`isCopyPair` at `storyCopyShare`); of near stories
 * (`'near'`), only when what they say of who, where and when agrees or when they
 * print one sentence word for word (`isVerbatimCopy`). A copy across
 * stories must also share `storyCopyWeight` of blocking weight: a stock
 * phrase ("His name has not been released.") copied by two stories is no claim of
 * either. Without `sameStory`
 * every pair may match. Depends only on the two claims and their sources, so
 * a topic run alone and inside a larger folder gates its pairs alike.
 *
 * @param sourceOf Source id of each claim.
 * @param sameStory Whether two sources are in one story (optional).
 * @param profileAt Profile of a claim.
 * @param options Blocking settings.
 */
export function storyGateOf(
  sourceOf: readonly string[],
  sameStory: ((a: string, b: string) => boolean | 'near') | undefined,
  profileAt: (index: number) => MatchProfile,
  options: CopySettings & Pick<ResolvedClusterOptions, 'storyCopyShare' | 'storyCopyWeight'>,
): ((i: number, j: number) => StoryGate) | undefined {
  if (!sameStory) return undefined;
  const copyTerms = copyTermsCache(profileAt, options);
  const copies = {
    minSharedWeight: Math.max(options.minSharedWeight, options.storyCopyWeight),
    copyShare: Math.max(options.copyShare, options.storyCopyShare),
  };
  return (i, j) => {
    const relation = sameStory(sourceOf[i]!, sourceOf[j]!);
    if (relation === true || isCopyPair(copyTerms(i), copyTerms(j), copies)) return 'open';
    if (relation !== 'near') return 'closed';
    // Of near stories, a sentence printed word for word is one claim, however short.
    return isVerbatimCopy(profileAt(i), profileAt(j)) ? 'open' : 'identity';
  };
}

/**
 * The blocking scope of each claim (`BlockScope`): the story of its source, when
 * the story relation knows the stories (`storyOf`, as `storyGate` gives it);
 * undefined otherwise (one scope).
 *
 * @param sourceOf Source id of each claim.
 * @param sameStory The story relation of the run (optional).
 */
export function blockScopeOf(
  sourceOf: readonly string[],
  sameStory: (((a: string, b: string) => boolean | 'near') & { readonly storyOf?: (source: string) => string | undefined }) | undefined,
): BlockScope | undefined {
  const storyOf = sameStory?.storyOf;
  if (!storyOf) return undefined;
  return (claim) => storyOf(sourceOf[claim]!);
}

/** What the story gate lets a pair do: match (`open`), match only when their identities agree (`identity`), or not (`closed`). */
export type StoryGate = 'open' | 'identity' | 'closed';

/**
 * Whether two of the `dirty` claims are still a candidate pair in `index`: near-copies
 * (`isCopyPair`), or sharing the weight of capped blocking terms a full build
 * computes (the first claim's weights, in alphabetical term order).
 *
 * @param index The extended index.
 * @param dirty Claims that lost a blocking term.
 * @param options Blocking settings.
 * @param profileAt Profile of a claim.
 */
export function candidacyChecker(
  index: BlockingIndex,
  dirty: ReadonlySet<number>,
  options: CopySettings,
  profileAt: (index: number) => MatchProfile,
): (i: number, j: number) => boolean {
  const termsOf = blockingTermsOf(index.postings, dirty);
  const copyTerms = copyTermsCache(profileAt, options);
  return (i, j) => {
    // Near-copies (and word-for-word copies however light) stay candidates whatever the cap does.
    if (isCopyPair(copyTerms(i), copyTerms(j), options)) return true;
    if (exactCopyTerm(profileAt(i), copyTerms(i), options) !== undefined && isVerbatimCopy(profileAt(i), profileAt(j))) return true;
    const [first, second] = i < j ? [i, j] : [j, i];
    const theirs = new Set((termsOf.get(second) ?? []).map(({ term }) => term));
    let shared = 0;
    let concepts = 0;
    for (const { term, weight } of termsOf.get(first) ?? []) {
      if (!theirs.has(term)) continue;
      if (isConceptKey(term)) concepts += weight;
      else shared += weight;
    }
    return shared >= options.minSharedWeight || concepts >= MIN_CONCEPT_WEIGHT;
  };
}

function sortPosting(list: { claims: number[]; weights: number[] }): { claims: number[]; weights: number[] } {
  const order = list.claims.map((_, k) => k).sort((a, b) => list.claims[a]! - list.claims[b]!);
  return { claims: order.map((k) => list.claims[k]!), weights: order.map((k) => list.weights[k]!) };
}
