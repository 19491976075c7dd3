// Similarity of two claims' terms: a small vector of lexical features (weighted
// term overlap, coverage each way, n-gram overlap, word-order edit distance,
// numbers, unmatched names), soft alignment of content words by word vectors
// (soft-alignment.ts), and a logistic model over them whose weights and
// thresholds are data (src/data/match-model.json, fitted by scripts/train-matcher.ts
// on the MSRP training split only).

import model from '../../data/match-model.json' with { type: 'json' };
import { softAlignment } from './soft-alignment.js';
import { synonymCoverage } from './wordnet-synonyms.js';
import { MAX_WEIGHT, type Terms } from './terms.js';
import { GramTable, diceFloats, diceInts, diceOf, pairDice, sharedFloats } from './grams.js';

export { GramTable } from './grams.js';

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
  'synonymMin',
  'synonymMax',
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
  const slotB = table.gramsOf(b);
  const generation = table.generationNow();
  // Building a's grams may have reset the interning table (see wordId): then b's are built again.
  const slotA = table.gramsOf(a);
  if (table.generationNow() !== generation) return pairFeatures(a, b, overlap, table);
  const ga = table.view(slotA);
  const gb = table.view(slotB);
  const { ints, floats } = table.pools();
  const numbersA = a.numbers;
  const numbersB = b.numbers;
  const sharedNumbers = numbersA.length && numbersB.length ? sharedDistinct(numbersA, numbersB) : 0;
  const sizeA = numbersA.length ? distinctCount(numbersA) : 0;
  const sizeB = numbersB.length ? distinctCount(numbersB) : 0;
  const bothHaveNumbers = sizeA > 0 && sizeB > 0;
  const bigramsA = ga.bigramEnd - ga.bigramStart;
  const bigramsB = gb.bigramEnd - gb.bigramStart;
  const sharedBigrams = sharedFloats(floats, ga.bigramStart, ga.bigramEnd, gb.bigramStart, gb.bigramEnd);
  const precisionA = bigramsA ? sharedBigrams / bigramsA : 0;
  const precisionB = bigramsB ? sharedBigrams / bigramsB : 0;
  const soft = softAlignment(a, b);
  const synonyms = synonymCoverage(a, b);
  // In FEATURE_NAMES order.
  return [
    totalA + totalB > 0 ? (2 * overlap.shared) / (totalA + totalB) : 0,
    Math.min(coverageA, coverageB),
    Math.max(coverageA, coverageB),
    diceInts(ints, ga.tokenStart, ga.tokenEnd, gb.tokenStart, gb.tokenEnd),
    diceOf(bigramsA, bigramsB, sharedBigrams),
    pairDice(floats, ga.trigramStart, ga.trigramEnd, gb.trigramStart, gb.trigramEnd),
    1 - editDistance(ints, ga.tokenIdStart, ga.tokenIdEnd, gb.tokenIdStart, gb.tokenIdEnd) / Math.max(lengthA, lengthB, 1),
    Math.min(lengthA, lengthB) / Math.max(lengthA, lengthB, 1),
    bothHaveNumbers ? (2 * sharedNumbers) / (sizeA + sizeB) : 0,
    sizeA + sizeB - 2 * sharedNumbers > 0 ? 1 : 0,
    overlap.maxUnmatched / MAX_WEIGHT,
    Math.min(overlap.unmatchedNames, 4) / 4,
    Math.min(Math.abs(lengthA - lengthB), 30) / 30,
    diceFloats(floats, ga.contentStart, ga.contentEnd, gb.contentStart, gb.contentEnd),
    1 - editDistance(ints, ga.sequenceIdStart, ga.sequenceIdEnd, gb.sequenceIdStart, gb.sequenceIdEnd) / Math.max(a.sequence.length, b.sequence.length, 1),
    diceInts(ints, ga.charStart, ga.charEnd, gb.charStart, gb.charEnd),
    Math.min(precisionA, precisionB),
    Math.max(precisionA, precisionB),
    Math.min(soft.forward, soft.backward),
    Math.max(soft.forward, soft.backward),
    soft.meanCosine,
    Math.min(synonyms.forward, synonyms.backward),
    Math.max(synonyms.forward, synonyms.backward),
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

let matchedScratchA = new Uint8Array(64);
let matchedScratchB = new Uint8Array(64);

/**
 * The weighted overlap of two claims' content terms.
 *
 * @param a Terms of one sentence.
 * @param b Terms of the other.
 * @param table Interned words of this run of comparisons (default: a table of its own).
 */
export function termOverlap(a: Terms, b: Terms, table: GramTable = new GramTable()): Overlap {
  const slotA = table.gramsOf(a);
  const slotB = table.gramsOf(b);
  // Which terms of each side are matched: scratch arrays of the module, cleared for this pair (nothing is kept between calls).
  if (matchedScratchA.length < a.terms.length) matchedScratchA = new Uint8Array(a.terms.length * 2);
  if (matchedScratchB.length < b.terms.length) matchedScratchB = new Uint8Array(b.terms.length * 2);
  const matchedA = matchedScratchA;
  const matchedB = matchedScratchB;
  matchedA.fill(0, 0, a.terms.length);
  matchedB.fill(0, 0, b.terms.length);
  let shared = 0;
  if (table.sortedAt(slotA) && table.sortedAt(slotB)) {
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
    if (a.names.length > 0 && a.names.includes(a.terms[i]!)) unmatchedNames++;
  }
  for (let j = 0; j < b.terms.length; j++) {
    if (matchedB[j]) continue;
    maxUnmatched = Math.max(maxUnmatched, b.weights[j]!);
    if (b.names.length > 0 && b.names.includes(b.terms[j]!)) unmatchedNames++;
  }
  const totalA = table.totalAt(slotA);
  const totalB = table.totalAt(slotB);
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

// The n-gram sets (see grams.ts)

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
/** Levenshtein distance between two ranges of interned words in `ids` (insert, delete, substitute: 1 each). */
function editDistance(ids: Int32Array, startA: number, endA: number, startB: number, endB: number): number {
  const lengthA = endA - startA;
  const lengthB = endB - startB;
  if (lengthA === 0) return lengthB;
  if (lengthB === 0) return lengthA;
  if (row.length <= lengthB) row = new Int32Array(lengthB * 2 + 1);
  for (let j = 0; j <= lengthB; j++) row[j] = j;
  for (let i = 1; i <= lengthA; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    const word = ids[startA + i - 1]!;
    for (let j = 1; j <= lengthB; j++) {
      const above = row[j]!;
      const cost = word === ids[startB + j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[lengthB]!;
}

/** How many distinct values of `a` are also in `b` (as a Set of `a` meeting a Set of `b` would count). */
function sharedDistinct(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (let i = 0; i < a.length; i++) if (a.indexOf(a[i]!) === i && b.includes(a[i]!)) shared++;
  return shared;
}

/** How many distinct values `values` holds. */
function distinctCount(values: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values.indexOf(values[i]!) === i) count++;
  return count;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
