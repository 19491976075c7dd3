// Similarity of two claims' terms: a small vector of lexical features (weighted
// term overlap, coverage each way, n-gram overlap, word-order edit distance,
// numbers, unmatched names) and a logistic model over them whose weights and
// thresholds are data (src/data/match-model.json, fitted by scripts/train-matcher.ts
// on the MSRP training split only).

import levenshtein from 'fast-levenshtein';
import model from '../data/match-model.json' with { type: 'json' };
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
 */
export function pairFeatures(a: Terms, b: Terms, overlap: Overlap = termOverlap(a, b)): number[] {
  const { totalA, totalB, coverageA, coverageB } = overlap;
  const lengthA = a.tokens.length;
  const lengthB = b.tokens.length;
  const numbersA = new Set(a.numbers);
  const numbersB = new Set(b.numbers);
  const sharedNumbers = [...numbersA].filter((n) => numbersB.has(n)).length;
  const bothHaveNumbers = numbersA.size > 0 && numbersB.size > 0;
  const features: Record<FeatureName, number> = {
    weightedDice: totalA + totalB > 0 ? (2 * overlap.shared) / (totalA + totalB) : 0,
    minCoverage: Math.min(coverageA, coverageB),
    maxCoverage: Math.max(coverageA, coverageB),
    tokenDice: dice(new Set(a.tokens), new Set(b.tokens)),
    bigramDice: dice(ngrams(a.tokens, 2), ngrams(b.tokens, 2)),
    trigramDice: dice(ngrams(a.tokens, 3), ngrams(b.tokens, 3)),
    wordOrder: 1 - tokenEditDistance(a.tokens, b.tokens) / Math.max(lengthA, lengthB, 1),
    lengthRatio: Math.min(lengthA, lengthB) / Math.max(lengthA, lengthB, 1),
    numbersAgree: bothHaveNumbers ? (2 * sharedNumbers) / (numbersA.size + numbersB.size) : 0,
    numbersDiffer: numbersA.size + numbersB.size - 2 * sharedNumbers > 0 ? 1 : 0,
    maxUnmatchedWeight: overlap.maxUnmatched / MAX_WEIGHT,
    unmatchedNames: Math.min(overlap.unmatchedNames, 4) / 4,
    lengthDifference: Math.min(Math.abs(lengthA - lengthB), 30) / 30,
    contentBigramDice: dice(ngrams(a.sequence, 2), ngrams(b.sequence, 2)),
    contentOrder: 1 - tokenEditDistance(a.sequence, b.sequence) / Math.max(a.sequence.length, b.sequence.length, 1),
    charTrigramDice: dice(charNgrams(a.tokens, 3), charNgrams(b.tokens, 3)),
    minPrecision2: Math.min(...precisions(a.tokens, b.tokens, 2)),
    maxPrecision2: Math.max(...precisions(a.tokens, b.tokens, 2)),
  };
  return FEATURE_NAMES.map((name) => features[name]);
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
 */
export function termOverlap(a: Terms, b: Terms): Overlap {
  const indexB = new Map(b.terms.map((term, i) => [term, i]));
  const matchedB = new Uint8Array(b.terms.length);
  const matchedA = new Uint8Array(a.terms.length);
  let shared = 0;
  a.terms.forEach((term, i) => {
    const j = indexB.get(term);
    if (j === undefined) return;
    matchedA[i] = 1;
    matchedB[j] = 1;
    shared += (a.weights[i]! + b.weights[j]!) / 2;
  });
  // Near-identical long words (spelling variants, compounds) count as shared.
  a.terms.forEach((term, i) => {
    if (matchedA[i] || term.length < FUZZY_MIN_LENGTH) return;
    for (let j = 0; j < b.terms.length; j++) {
      const other = b.terms[j]!;
      if (matchedB[j] || other.length < FUZZY_MIN_LENGTH || Math.abs(other.length - term.length) > 2) continue;
      if (levenshtein.get(term, other) <= Math.floor(Math.max(term.length, other.length) / 6)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        shared += (a.weights[i]! + b.weights[j]!) / 2;
        break;
      }
    }
  });
  let maxUnmatched = 0;
  let unmatchedNames = 0;
  const namesA = new Set(a.names);
  const namesB = new Set(b.names);
  a.terms.forEach((term, i) => {
    if (matchedA[i]) return;
    maxUnmatched = Math.max(maxUnmatched, a.weights[i]!);
    if (namesA.has(term)) unmatchedNames++;
  });
  b.terms.forEach((term, j) => {
    if (matchedB[j]) return;
    maxUnmatched = Math.max(maxUnmatched, b.weights[j]!);
    if (namesB.has(term)) unmatchedNames++;
  });
  const totalA = sum(a.weights);
  const totalB = sum(b.weights);
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

/** Word-level edit distance: each distinct token becomes one character for fast-levenshtein. */
function tokenEditDistance(a: readonly string[], b: readonly string[]): number {
  const codes = new Map<string, string>();
  const encode = (tokens: readonly string[]) =>
    tokens
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) {
          code = String.fromCharCode(0x4e00 + codes.size);
          codes.set(token, code);
        }
        return code;
      })
      .join('');
  return levenshtein.get(encode(a), encode(b));
}

function ngrams(tokens: readonly string[], n: number): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i++) grams.add(tokens.slice(i, i + n).join(' '));
  return grams;
}

/** Character n-grams of the tokens joined by spaces. */
function charNgrams(tokens: readonly string[], n: number): Set<string> {
  const text = ` ${tokens.join(' ')} `;
  const grams = new Set<string>();
  for (let i = 0; i + n <= text.length; i++) grams.add(text.slice(i, i + n));
  return grams;
}

/** Share of each side's n-grams found on the other side (BLEU-style precision, both ways). */
function precisions(a: readonly string[], b: readonly string[], n: number): [number, number] {
  const gramsA = ngrams(a, n);
  const gramsB = ngrams(b, n);
  let shared = 0;
  for (const gram of gramsA) if (gramsB.has(gram)) shared++;
  return [gramsA.size ? shared / gramsA.size : 0, gramsB.size ? shared / gramsB.size : 0];
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
