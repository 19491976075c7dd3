// soft-alignment: two claims' terms → how well each one's content words are met
// by the other's in meaning: every term aligned to its most similar term on the
// other side (1 for the same term, the cosine of their word vectors otherwise,
// see word-vectors.ts), averaged by term weight, each way.

import type { Terms } from './terms.js';
import { tableVectors, termVector, vectorIndex, VECTOR_DIMENSIONS } from './word-vectors.js';
import { objectMemo } from './memo.js';

/** The soft alignment of two claims. */
export interface SoftAlignment {
  /** Weighted mean, over `a`'s terms, of the best similarity to a term of `b` (0 to 1). */
  readonly forward: number;
  /** The same from `b` to `a`. */
  readonly backward: number;
  /** Cosine of the two claims' weighted mean vectors (terms the table has), 0 when either has none. */
  readonly meanCosine: number;
}

/** Similarities below this count as none: unrelated words of one language are rarely below it. */
const FLOOR = 0.3;

/**
 * A claim's terms split by whether the table has them, in one small array: the number
 * of known terms `k`, then the positions (in `terms`) of the `k` known terms, their `k`
 * rows in the table, and the positions of the rest. Vectors are read from the one
 * shared table by row (`tableVectors`), never copied per claim. Two known terms are
 * the same term exactly when their rows are the same.
 */
const packedMemo = objectMemo<Terms, Int32Array>();
function packedOf(terms: Terms): Int32Array {
  let packed = packedMemo.get(terms);
  if (!packed) {
    const known: number[] = [];
    const rows: number[] = [];
    const unknown: number[] = [];
    terms.terms.forEach((term, i) => {
      const row = vectorIndex(term);
      if (row < 0) unknown.push(i);
      else {
        known.push(i);
        rows.push(row);
      }
    });
    packed = Int32Array.from([known.length, ...known, ...rows, ...unknown]);
    packedMemo.set(terms, packed);
  }
  return packed;
}

/**
 * Remembered values of word pairs (by the pair's key: the smaller row times `TABLE_ROWS` plus the other, plus
 * one; 0 an empty slot or no key): a fixed table of 2^20 slots (12 MB), each overwritten by the next pair hashed there.
 * A value is what the dot product gives, so what the table holds never changes a result.
 */
const PAIR_BITS = 20;
const PAIR_SHIFT = 32 - PAIR_BITS;
const PAIR_MASK = (1 << PAIR_BITS) - 1;
/** Rows below this have pairs remembered (the keys stay below 2^31); pairs of later rows are always computed. */
const TABLE_ROWS = 2 ** 15;
// Allocated on the first alignment: a thread that never aligns (a per-source worker) does not pay for it.
let pairKeys: Int32Array | undefined;
let pairValues: Float64Array | undefined;

/** Best similarity of each term of the two claims of one call (grown as needed, reused). */
let bestScratchA = new Float64Array(64);
let bestScratchB = new Float64Array(64);

/**
 * How well two claims' content terms align in meaning (symmetric: swapping the
 * claims swaps `forward` and `backward`).
 *
 * @param a Terms of one claim.
 * @param b Terms of the other.
 */
export function softAlignment(a: Terms, b: Terms): SoftAlignment {
  const packedA = packedOf(a);
  const packedB = packedOf(b);
  const width = VECTOR_DIMENSIONS;
  const countA = a.terms.length;
  const countB = b.terms.length;
  if (bestScratchA.length < countA) bestScratchA = new Float64Array(countA * 2);
  if (bestScratchB.length < countB) bestScratchB = new Float64Array(countB * 2);
  const bestA = bestScratchA;
  const bestB = bestScratchB;
  bestA.fill(0, 0, countA);
  bestB.fill(0, 0, countB);
  // Each pair's similarity: 1 for the same term, the rescaled cosine of two known terms, else 0. Only the
  // maxima are kept, so the pairs can be visited in any order: known against known, unknown against unknown
  // (a known term is never the same term as an unknown one, and their similarity is 0).
  const knownCountA = packedA[0]!;
  const knownCountB = packedB[0]!;
  const vectors = tableVectors();
  const keys = (pairKeys ??= new Int32Array(1 << PAIR_BITS));
  const values = (pairValues ??= new Float64Array(1 << PAIR_BITS));
  for (let p = 0; p < knownCountA; p++) {
    const i = packedA[1 + p]!;
    const rowA = packedA[1 + knownCountA + p]!;
    let best = bestA[i]!;
    for (let q = 0; q < knownCountB; q++) {
      const j = packedB[1 + q]!;
      const rowB = packedB[1 + knownCountB + q]!;
      let value: number;
      if (rowA === rowB) value = 1;
      else {
        // Word pairs recur across claim pairs (outlets print the same words): their value is remembered in a
        // small table of its own (a slot holds one pair; the dot product is symmetric, bit for bit).
        const key = rowA >= TABLE_ROWS || rowB >= TABLE_ROWS ? 0 : rowA < rowB ? rowA * TABLE_ROWS + rowB + 1 : rowB * TABLE_ROWS + rowA + 1;
        const slot = (Math.imul(key, 0x9e3779b1) >>> PAIR_SHIFT) & PAIR_MASK;
        if (key !== 0 && keys[slot] === key) value = values[slot]!;
        else {
          // The cosine of two unit vectors, rescaled from [FLOOR, 1] to [0, 1].
          let cosine = 0;
          for (let k = 0, x = rowA * width, y = rowB * width; k < width; k++) cosine += vectors[x + k]! * vectors[y + k]!;
          value = cosine <= FLOOR ? 0 : (cosine - FLOOR) / (1 - FLOOR);
          if (key !== 0) {
            keys[slot] = key;
            values[slot] = value;
          }
        }
      }
      if (value > best) best = value;
      if (value > bestB[j]!) bestB[j] = value;
    }
    bestA[i] = best;
  }
  const unknownFromA = 1 + 2 * knownCountA;
  const unknownFromB = 1 + 2 * knownCountB;
  if (unknownFromA < packedA.length && unknownFromB < packedB.length) {
    for (let p = unknownFromA; p < packedA.length; p++) {
      const i = packedA[p]!;
      const termA = a.terms[i]!;
      for (let q = unknownFromB; q < packedB.length; q++) {
        const j = packedB[q]!;
        if (termA === b.terms[j]) {
          bestA[i] = 1;
          bestB[j] = 1;
        }
      }
    }
  }
  let forward = 0;
  let totalA = 0;
  for (let i = 0; i < countA; i++) {
    forward += a.weights[i]! * bestA[i]!;
    totalA += a.weights[i]!;
  }
  let backward = 0;
  let totalB = 0;
  for (let j = 0; j < countB; j++) {
    backward += b.weights[j]! * bestB[j]!;
    totalB += b.weights[j]!;
  }
  return {
    forward: totalA > 0 ? forward / totalA : 0,
    backward: totalB > 0 ? backward / totalB : 0,
    meanCosine: meanCosine(a, b),
  };
}

function meanCosine(a: Terms, b: Terms): number {
  const x = meanVectorOf(a);
  const y = meanVectorOf(b);
  if (!x || !y) return 0;
  let dot = 0;
  for (let k = 0; k < x.length; k++) dot += x[k]! * y[k]!;
  return dot;
}

const meanMemo = objectMemo<Terms, Float32Array | null>();
/**
 * The weighted mean of a claim's term vectors, unit length, or null when the
 * table has none of its terms.
 *
 * @param terms Terms of the claim.
 */
export function meanVectorOf(terms: Terms): Float32Array | null {
  const known = meanMemo.get(terms);
  if (known !== undefined) return known;
  const mean = new Float32Array(VECTOR_DIMENSIONS);
  let any = false;
  terms.terms.forEach((term, i) => {
    const vector = termVector(term);
    if (!vector) return;
    any = true;
    for (let k = 0; k < mean.length; k++) mean[k]! += terms.weights[i]! * vector[k]!;
  });
  let norm = 0;
  for (const value of mean) norm += value * value;
  norm = Math.sqrt(norm);
  let result: Float32Array | null = null;
  if (any && norm > 0) {
    for (let k = 0; k < mean.length; k++) mean[k] = mean[k]! / norm;
    result = mean;
  }
  meanMemo.set(terms, result);
  return result;
}
