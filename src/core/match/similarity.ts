// Similarity of two claims' terms: a small vector of lexical features (weighted
// term overlap, coverage each way, n-gram overlap, word-order edit distance,
// numbers, unmatched names), soft alignment of content words by word vectors
// (soft-alignment.ts), and a logistic model over them whose weights and
// thresholds are data (src/data/match-model.json, fitted by scripts/train-matcher.ts
// on the MSRP training split only).

import model from '../../data/match-model.json' with { type: 'json' };
import { softAlignment } from './soft-alignment.js';
import { MAX_WEIGHT, type Terms } from './terms.js';

/** Names of the features, in the order `pairFeatures` returns them. */
export const FEATURE_NAMES = [
  'weightedDice',
  'minCoverage',
  'maxCoverage',
  'tokenDice',
  'bigramDice',
  'trigramDice',
  'wordOrder',
  'lengthRatio',
  'numbersAgree',
  'numbersDiffer',
  'maxUnmatchedWeight',
  'unmatchedNames',
  'lengthDifference',
  'contentBigramDice',
  'contentOrder',
  'charTrigramDice',
  'minPrecision2',
  'maxPrecision2',
  'softMin',
  'softMax',
  'meanCosine',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The fitted model: weights per feature, a bias, and decision thresholds. */
export interface MatchModel {
  readonly weights: Readonly<Record<FeatureName, number>>;
  readonly bias: number;
  /** Probability at or above which two sentences state the same claim. */
  readonly same: number;
  /** Probability at or above which two sentences are "possibly related". */
  readonly related: number;
  /** Thresholds of the claim-level rules (src/match/rules.ts). */
  readonly rules: ClaimRules;
}

/**
 * When two sentences state one claim without being paraphrases: set by hand on
 * the hand-labelled seed corpus (tests/fixtures/seed-gold), not on MSRP.
 */
export interface ClaimRules {
  /** "contains": the shorter sentence is this much covered by the other… */
  readonly containsCoverage: number;
  /** …and the longer at least this much by the shorter… */
  readonly containsMinCoverage: number;
  /** …sharing at least this much term weight. */
  readonly containsShared: number;
  /** "same figure": a quantity of the same unit on both sides, with this much shared weight… */
  readonly anchorShared: number;
  /** …and these coverages of the shorter and the longer sentence. */
  readonly anchorCoverage: number;
  readonly anchorMinCoverage: number;
  /** "overlap": broad shared wording with some paraphrase evidence. */
  readonly overlapShared: number;
  readonly overlapCoverage: number;
  readonly overlapMinCoverage: number;
  readonly overlapProbability: number;
  /** "possibly related": this much shared weight and coverage of the shorter. */
  readonly relatedShared: number;
  readonly relatedCoverage: number;
}

export const MATCH_MODEL = model as unknown as MatchModel;

/** How many characters make a near-identical word ("Xinjiang", "Xinjiang's" are already one stem). */
const FUZZY_MIN_LENGTH = 6;

/**
 * The feature vector of a pair of claims (symmetric in `a` and `b`).
 *
 * @param a Terms of one sentence.
 * @param b Terms of the other.
 * @param given Their `termOverlap`, when the caller has it (optional).
 * @param table Interned words of this run of comparisons (default: a table of its own).
 */
export function pairFeatures(a: Terms, b: Terms, given?: Overlap, table: GramTable = new GramTable()): number[] {
  const overlap = given ?? termOverlap(a, b, table);
  const { totalA, totalB, coverageA, coverageB } = overlap;
  const lengthA = a.tokens.length;
  const lengthB = b.tokens.length;
  const gramsB = table.gramsOf(b);
  // Building a's grams may have reset the interning table (see wordId): then b's are built again.
  const gramsA = table.gramsOf(a);
  if (!table.current(gramsB)) return pairFeatures(a, b, overlap, table);
  const numbersA = gramsA.numbers;
  const numbersB = gramsB.numbers;
  let sharedNumbers = 0;
  for (const n of numbersA) if (numbersB.has(n)) sharedNumbers++;
  const bothHaveNumbers = numbersA.size > 0 && numbersB.size > 0;
  const sharedBigrams = sharedCount(gramsA.bigrams, gramsB.bigrams);
  const precisionA = gramsA.bigrams.length ? sharedBigrams / gramsA.bigrams.length : 0;
  const precisionB = gramsB.bigrams.length ? sharedBigrams / gramsB.bigrams.length : 0;
  const soft = softAlignment(a, b);
  // In FEATURE_NAMES order.
  return [
    totalA + totalB > 0 ? (2 * overlap.shared) / (totalA + totalB) : 0,
    Math.min(coverageA, coverageB),
    Math.max(coverageA, coverageB),
    dice(gramsA.tokens, gramsB.tokens),
    dice(gramsA.bigrams, gramsB.bigrams, sharedBigrams),
    pairDice(gramsA.trigrams, gramsB.trigrams),
    1 - editDistance(gramsA.tokenIds, gramsB.tokenIds) / Math.max(lengthA, lengthB, 1),
    Math.min(lengthA, lengthB) / Math.max(lengthA, lengthB, 1),
    bothHaveNumbers ? (2 * sharedNumbers) / (numbersA.size + numbersB.size) : 0,
    numbersA.size + numbersB.size - 2 * sharedNumbers > 0 ? 1 : 0,
    overlap.maxUnmatched / MAX_WEIGHT,
    Math.min(overlap.unmatchedNames, 4) / 4,
    Math.min(Math.abs(lengthA - lengthB), 30) / 30,
    dice(gramsA.contentBigrams, gramsB.contentBigrams),
    1 - editDistance(gramsA.sequenceIds, gramsB.sequenceIds) / Math.max(a.sequence.length, b.sequence.length, 1),
    dice(gramsA.charTrigrams, gramsB.charTrigrams),
    Math.min(precisionA, precisionB),
    Math.max(precisionA, precisionB),
    Math.min(soft.forward, soft.backward),
    Math.max(soft.forward, soft.backward),
    soft.meanCosine,
  ];
}

/**
 * Probability that two sentences state the same claim, from their features.
 *
 * @param features Output of `pairFeatures`.
 * @param matchModel Model to apply (default: the shipped one).
 */
export function sameClaimProbability(features: readonly number[], matchModel: MatchModel = MATCH_MODEL): number {
  let z = matchModel.bias;
  FEATURE_NAMES.forEach((name, index) => {
    z += matchModel.weights[name] * (features[index] ?? 0);
  });
  return 1 / (1 + Math.exp(-z));
}

/**
 * Each feature's share of the decision (weight × value): the "why" of a match.
 *
 * @param features Output of `pairFeatures`.
 * @param matchModel Model to apply (default: the shipped one).
 */
export function explainFeatures(
  features: readonly number[],
  matchModel: MatchModel = MATCH_MODEL,
): { feature: FeatureName; value: number; contribution: number }[] {
  return FEATURE_NAMES.map((feature, index) => ({
    feature,
    value: round(features[index] ?? 0),
    contribution: round(matchModel.weights[feature] * (features[index] ?? 0)),
  }));
}

/** How much two claims' content terms overlap, by weight. */
export interface Overlap {
  /** Weight of the terms both share (near-identical long words count). */
  readonly shared: number;
  readonly totalA: number;
  readonly totalB: number;
  /** Share of `a`'s weight that `b` also has, and the other way round. */
  readonly coverageA: number;
  readonly coverageB: number;
  /** Weight of the heaviest term only one side has. */
  readonly maxUnmatched: number;
  /** Names only one side has. */
  readonly unmatchedNames: number;
}

/**
 * The weighted overlap of two claims' content terms.
 *
 * @param a Terms of one sentence.
 * @param b Terms of the other.
 * @param table Interned words of this run of comparisons (default: a table of its own).
 */
export function termOverlap(a: Terms, b: Terms, table: GramTable = new GramTable()): Overlap {
  const derivedA = table.gramsOf(a);
  const derivedB = table.gramsOf(b);
  const matchedB = new Uint8Array(b.terms.length);
  const matchedA = new Uint8Array(a.terms.length);
  let shared = 0;
  if (derivedA.sorted && derivedB.sorted) {
    // Both term lists sorted and distinct (as termsOf makes them): a merge, in a's order.
    for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
      const x = a.terms[i]!;
      const y = b.terms[j]!;
      if (x === y) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        shared += (a.weights[i]! + b.weights[j]!) / 2;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
  } else {
    const indexB = new Map(b.terms.map((term, i) => [term, i]));
    a.terms.forEach((term, i) => {
      const j = indexB.get(term);
      if (j === undefined) return;
      matchedA[i] = 1;
      matchedB[j] = 1;
      shared += (a.weights[i]! + b.weights[j]!) / 2;
    });
  }
  // Near-identical long words (spelling variants, compounds) count as shared.
  for (let i = 0; i < a.terms.length; i++) {
    const term = a.terms[i]!;
    if (matchedA[i] || term.length < FUZZY_MIN_LENGTH) continue;
    for (let j = 0; j < b.terms.length; j++) {
      const other = b.terms[j]!;
      if (matchedB[j] || other.length < FUZZY_MIN_LENGTH || Math.abs(other.length - term.length) > 2) continue;
      if (withinEditDistance(term, other, Math.floor(Math.max(term.length, other.length) / 6))) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        shared += (a.weights[i]! + b.weights[j]!) / 2;
        break;
      }
    }
  }
  let maxUnmatched = 0;
  let unmatchedNames = 0;
  for (let i = 0; i < a.terms.length; i++) {
    if (matchedA[i]) continue;
    maxUnmatched = Math.max(maxUnmatched, a.weights[i]!);
    if (derivedA.names.has(a.terms[i]!)) unmatchedNames++;
  }
  for (let j = 0; j < b.terms.length; j++) {
    if (matchedB[j]) continue;
    maxUnmatched = Math.max(maxUnmatched, b.weights[j]!);
    if (derivedB.names.has(b.terms[j]!)) unmatchedNames++;
  }
  const totalA = derivedA.total;
  const totalB = derivedB.total;
  return {
    shared,
    totalA,
    totalB,
    coverageA: totalA > 0 ? shared / totalA : 0,
    coverageB: totalB > 0 ? shared / totalB : 0,
    maxUnmatched,
    unmatchedNames,
  };
}

// ---------------------------------------------------------------------------
// The n-gram sets of a sentence's terms, built once per Terms object (a pair
// compares them many times): every word interned to a number, every n-gram a
// number made of its words' numbers (a trigram a pair of numbers, to stay exact),
// each set a sorted array of distinct values, so sets are compared by a merge
// instead of by hashing strings per pair.

/** Distinct n-grams of a sentence, each a sorted array of distinct numeric keys. */
interface Grams {
  readonly tokens: Float64Array;
  readonly bigrams: Float64Array;
  /** Pairs (bigram key, word), flattened: [key0, word0, key1, word1, …]. */
  readonly trigrams: Float64Array;
  readonly contentBigrams: Float64Array;
  readonly charTrigrams: Float64Array;
  /** Interned words of `tokens` and `sequence`, in order (for edit distances). */
  readonly tokenIds: Int32Array;
  readonly sequenceIds: Int32Array;
  /** Whether `terms` is sorted and distinct (a merge can compare it). */
  readonly sorted: boolean;
  readonly names: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  /** Sum of the term weights. */
  readonly total: number;
}

/** Word ids stay below this, so that a bigram key (two ids) is an exact double. */
const WORD_SPACE = 2 ** 21;

/**
 * The interned words and n-gram sets of one run of comparisons: a memo that
 * cannot change a result (ids are only compared with ids of the same table). Each
 * clustering call makes its own and drops it when done, so nothing stays in
 * module state; a comparison without one uses a table of its own.
 */
export class GramTable {
  private words = new Map<string, number>();
  private grams = new WeakMap<Terms, Grams>();
  private generation = 0;
  private readonly generationOf = new WeakMap<Grams, number>();

  /** The id of a word, interned on first use. */
  wordId(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) {
      // Past 2^21 distinct words the keys would collide: start again (the memo of grams goes too).
      if (this.words.size >= WORD_SPACE - 1) this.clear();
      id = this.words.size + 1;
      this.words.set(word, id);
    }
    return id;
  }

  /** Forget the interned words and the n-gram sets built so far. */
  clear(): void {
    this.words = new Map();
    this.grams = new WeakMap();
    this.generation++;
  }

  /** The n-gram sets of some terms, built once per Terms object while the table lasts. */
  gramsOf(terms: Terms): Grams {
    const cached = this.grams.get(terms);
    if (cached && this.generationOf.get(cached) === this.generation) return cached;
    const start = this.generation;
    const grams = buildGrams(terms, (word) => this.wordId(word));
    // The interning table was reset midway: intern again from scratch.
    if (this.generation !== start) return this.gramsOf(terms);
    this.grams.set(terms, grams);
    this.generationOf.set(grams, this.generation);
    return grams;
  }

  /** Whether `grams` was built since the last reset. */
  current(grams: Grams): boolean {
    return this.generationOf.get(grams) === this.generation;
  }
}

function buildGrams(terms: Terms, wordId: (word: string) => number): Grams {
  const tokenIds = Int32Array.from(terms.tokens, wordId);
  const sequenceIds = Int32Array.from(terms.sequence, wordId);
  const bigrams: number[] = [];
  const trigramKeys: number[] = [];
  const trigramWords: number[] = [];
  for (let i = 0; i + 2 <= tokenIds.length; i++) {
    const pair = tokenIds[i]! * WORD_SPACE + tokenIds[i + 1]!;
    bigrams.push(pair);
    if (i + 3 <= tokenIds.length) {
      trigramKeys.push(pair);
      trigramWords.push(tokenIds[i + 2]!);
    }
  }
  const contentBigrams: number[] = [];
  for (let i = 0; i + 2 <= sequenceIds.length; i++) contentBigrams.push(sequenceIds[i]! * WORD_SPACE + sequenceIds[i + 1]!);
  // Character trigrams of the tokens joined by spaces, padded with a space on each side.
  const text = ` ${terms.tokens.join(' ')} `;
  const charTrigrams: number[] = [];
  for (let i = 0; i + 3 <= text.length; i++) {
    charTrigrams.push(text.charCodeAt(i) * 2 ** 32 + text.charCodeAt(i + 1) * 2 ** 16 + text.charCodeAt(i + 2));
  }
  return {
    tokens: distinctSorted(Array.from(tokenIds)),
    bigrams: distinctSorted(bigrams),
    trigrams: distinctSortedPairs(trigramKeys, trigramWords),
    contentBigrams: distinctSorted(contentBigrams),
    charTrigrams: distinctSorted(charTrigrams),
    tokenIds,
    sequenceIds,
    sorted: terms.terms.every((term, i) => i === 0 || terms.terms[i - 1]! < term),
    names: new Set(terms.names),
    numbers: new Set(terms.numbers),
    total: sum(terms.weights),
  };
}

/** Distinct pairs (first[i], second[i]) sorted by first then second, flattened. */
function distinctSortedPairs(first: readonly number[], second: readonly number[]): Float64Array {
  const order = first.map((_, i) => i).sort((x, y) => first[x]! - first[y]! || second[x]! - second[y]!);
  const out = new Float64Array(order.length * 2);
  let size = 0;
  for (const i of order) {
    if (size > 0 && out[size - 2] === first[i] && out[size - 1] === second[i]) continue;
    out[size++] = first[i]!;
    out[size++] = second[i]!;
  }
  return out.subarray(0, size);
}

/** How many pairs two flattened, sorted arrays of distinct pairs share. */
function sharedPairCount(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      const u = a[i + 1]!;
      const v = b[j + 1]!;
      if (u === v) {
        shared++;
        i += 2;
        j += 2;
      } else if (u < v) i += 2;
      else j += 2;
    } else if (x < y) i += 2;
    else j += 2;
  }
  return shared;
}

function distinctSorted(values: number[]): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let size = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[size - 1]) sorted[size++] = sorted[i]!;
  return sorted.subarray(0, size);
}

/** How many values two sorted arrays of distinct values share. */
function sharedCount(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

function dice(a: Float64Array, b: Float64Array, shared = sharedCount(a, b)): number {
  if (a.length + b.length === 0) return 0;
  return (2 * shared) / (a.length + b.length);
}

function pairDice(a: Float64Array, b: Float64Array): number {
  if (a.length + b.length === 0) return 0;
  return (2 * sharedPairCount(a, b)) / ((a.length + b.length) / 2);
}

let band = new Int32Array(64);
/**
 * Whether the Levenshtein distance of two strings (UTF-16 units) is at most `limit`:
 * the dynamic programme over the diagonal band |i - j| <= limit only, stopping as soon
 * as a whole row exceeds the limit (Ukkonen's cut-off). Same answer as computing the
 * full distance and comparing.
 */
function withinEditDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  if (limit === 0) return a === b;
  const width = b.length + 1;
  if (band.length < width) band = new Int32Array(width * 2);
  const big = limit + 1;
  for (let j = 0; j < width; j++) band[j] = j <= limit ? j : big;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // band[j] holds row i-1; the cell left of the band counts as out of reach.
    let diagonal = band[from - 1]!;
    band[from - 1] = from - 1 === 0 && i <= limit ? i : big;
    let rowMin = band[from - 1]!;
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const above = j <= i - 1 + limit ? band[j]! : big;
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(above + 1, band[j - 1]! + 1, diagonal + cost, big);
      diagonal = above;
      band[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) band[to + 1] = big;
    if (rowMin > limit) return false;
  }
  return band[b.length]! <= limit;
}

let row = new Int32Array(64);
/** Levenshtein distance between two sequences of interned words (insert, delete, substitute: 1 each). */
function editDistance(a: Int32Array, b: Int32Array): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (row.length <= b.length) row = new Int32Array(b.length * 2 + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    const word = a[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const cost = word === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
