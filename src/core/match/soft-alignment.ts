// soft-alignment: two claims' terms → how well each one's content words are met
// by the other's in meaning: every term aligned to its most similar term on the
// other side (1 for the same term, the cosine of their word vectors otherwise,
// see word-vectors.ts), averaged by term weight, each way.

import type { Terms } from './terms.js';
import { rowSimilarity, termVector, vectorIndex, VECTOR_DIMENSIONS } from './word-vectors.js';

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

const rowsMemo = new WeakMap<Terms, Int32Array>();
function rowsOf(terms: Terms): Int32Array {
  let rows = rowsMemo.get(terms);
  if (!rows) rowsMemo.set(terms, (rows = Int32Array.from(terms.terms, vectorIndex)));
  return rows;
}

/** Similarity of two words for alignment: rescaled from [FLOOR, 1] to [0, 1]. */
function similarity(termA: string, rowA: number, termB: string, rowB: number): number {
  if (termA === termB) return 1;
  if (rowA < 0 || rowB < 0) return 0;
  const cosine = rowSimilarity(rowA, rowB);
  return cosine <= FLOOR ? 0 : (cosine - FLOOR) / (1 - FLOOR);
}

/**
 * How well two claims' content terms align in meaning (symmetric: swapping the
 * claims swaps `forward` and `backward`).
 *
 * @param a Terms of one claim.
 * @param b Terms of the other.
 */
export function softAlignment(a: Terms, b: Terms): SoftAlignment {
  const rowsA = rowsOf(a);
  const rowsB = rowsOf(b);
  const bestB = new Float64Array(b.terms.length);
  let forward = 0;
  let totalA = 0;
  for (let i = 0; i < a.terms.length; i++) {
    let best = 0;
    for (let j = 0; j < b.terms.length; j++) {
      const value = similarity(a.terms[i]!, rowsA[i]!, b.terms[j]!, rowsB[j]!);
      if (value > best) best = value;
      if (value > bestB[j]!) bestB[j] = value;
    }
    forward += a.weights[i]! * best;
    totalA += a.weights[i]!;
  }
  let backward = 0;
  let totalB = 0;
  for (let j = 0; j < b.terms.length; j++) {
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

const meanMemo = new WeakMap<Terms, Float32Array | null>();
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
  const result = any && norm > 0 ? mean.map((value) => value / norm) : null;
  meanMemo.set(terms, result);
  return result;
}
