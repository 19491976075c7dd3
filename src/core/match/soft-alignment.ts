// soft-alignment: two claims' terms → how well each one's content words are met
// by the other's in meaning: every term aligned to its most similar term on the
// other side (1 for the same term, the cosine of their word vectors otherwise,
// see word-vectors.ts), averaged by term weight, each way.

import type { Terms } from './terms.js';
import { termVector, VECTOR_DIMENSIONS } from './word-vectors.js';

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

/** A claim's terms with their vectors packed side by side (zeros for a term the table lacks). */
interface Packed {
  readonly known: Uint8Array;
  readonly vectors: Float32Array;
}

const packedMemo = new WeakMap<Terms, Packed>();
function packedOf(terms: Terms): Packed {
  let packed = packedMemo.get(terms);
  if (!packed) {
    const known = new Uint8Array(terms.terms.length);
    const vectors = new Float32Array(terms.terms.length * VECTOR_DIMENSIONS);
    terms.terms.forEach((term, i) => {
      const vector = termVector(term);
      if (!vector) return;
      known[i] = 1;
      vectors.set(vector, i * VECTOR_DIMENSIONS);
    });
    packedMemo.set(terms, (packed = { known, vectors }));
  }
  return packed;
}

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
  const bestB = new Float64Array(b.terms.length);
  let forward = 0;
  let totalA = 0;
  for (let i = 0; i < a.terms.length; i++) {
    let best = 0;
    const termA = a.terms[i]!;
    const knownA = packedA.known[i] === 1;
    for (let j = 0; j < b.terms.length; j++) {
      let value = 0;
      if (termA === b.terms[j]) value = 1;
      else if (knownA && packedB.known[j] === 1) {
        // The cosine of two unit vectors, rescaled from [FLOOR, 1] to [0, 1].
        let cosine = 0;
        for (let k = 0, x = i * width, y = j * width; k < width; k++) cosine += packedA.vectors[x + k]! * packedB.vectors[y + k]!;
        value = cosine <= FLOOR ? 0 : (cosine - FLOOR) / (1 - FLOOR);
      }
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
