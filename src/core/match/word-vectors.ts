// word-vectors: a canonical term (Porter stem, synonyms folded) → its word vector
// (unit length) and its concept, from the table src/data/word-vectors.json built
// by scripts/build-word-vectors.ts out of GloVe vectors (PDDL). Decoded lazily, once.

import table from '../../data/word-vectors.json' with { type: 'json' };

interface Decoded {
  readonly index: Map<string, number>;
  readonly terms: readonly string[];
  readonly vectors: Float32Array;
  readonly concepts: Uint16Array;
  /** Rows that are the concept of another row. */
  readonly hubs: Uint8Array;
}

/** Dimensions of each vector in the table. */
export const VECTOR_DIMENSIONS: number = table.dimensions;

let decoded: Decoded | undefined;
function load(): Decoded {
  if (decoded) return decoded;
  const terms = table.terms.split(' ');
  const bytes = Buffer.from(table.vectors, 'base64');
  const width = table.dimensions;
  const vectors = new Float32Array(terms.length * width);
  for (let i = 0; i < terms.length; i++) {
    let norm = 0;
    for (let k = 0; k < width; k++) {
      const value = ((bytes[i * width + k]! << 24) >> 24) / 127;
      vectors[i * width + k] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < width; k++) vectors[i * width + k]! /= norm;
  }
  const conceptBytes = Buffer.from(table.concepts, 'base64');
  const concepts = new Uint16Array(terms.length);
  for (let i = 0; i < terms.length; i++) concepts[i] = conceptBytes.readUInt16LE(i * 2);
  const hubs = new Uint8Array(terms.length);
  concepts.forEach((concept, row) => {
    if (concept !== row) hubs[concept] = 1;
  });
  decoded = { index: new Map(terms.map((term, i) => [term, i])), terms, vectors, concepts, hubs };
  return decoded;
}

/**
 * The row of a term in the table, or -1 when the table does not have it (names,
 * rare words, numbers).
 *
 * @param term A canonical term (`canonicalTerm`).
 */
export function vectorIndex(term: string): number {
  return load().index.get(term) ?? -1;
}

/**
 * The unit vector of a term, or undefined when the table does not have it.
 *
 * @param term A canonical term.
 */
export function termVector(term: string): Float32Array | undefined {
  const { vectors } = load();
  const row = vectorIndex(term);
  return row < 0 ? undefined : vectors.subarray(row * VECTOR_DIMENSIONS, (row + 1) * VECTOR_DIMENSIONS);
}

/**
 * The whole table's unit vectors, row after row (`VECTOR_DIMENSIONS` numbers each):
 * read by row, not copied (one table for every claim).
 */
export function tableVectors(): Float32Array {
  return load().vectors;
}

/**
 * Cosine similarity of two rows of the table (`vectorIndex`).
 *
 * @param a One row.
 * @param b Another.
 */
export function rowSimilarity(a: number, b: number): number {
  if (a === b) return 1;
  const { vectors } = load();
  const width = VECTOR_DIMENSIONS;
  let dot = 0;
  for (let k = 0, x = a * width, y = b * width; k < width; k++) dot += vectors[x + k]! * vectors[y + k]!;
  return dot;
}

/**
 * How similar two terms are: 1 for the same term, the cosine of their vectors when
 * the table has both, else 0.
 *
 * @param a One canonical term.
 * @param b Another.
 */
export function termSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = vectorIndex(a);
  const y = vectorIndex(b);
  return x < 0 || y < 0 ? 0 : rowSimilarity(x, y);
}

/**
 * A term's concept: the most similar more frequent term of the table when it is
 * similar enough (see the table's `conceptSimilarity`), else the term itself; undefined
 * when the table does not have the term.
 *
 * @param term A canonical term.
 */
export function conceptOf(term: string): string | undefined {
  const { concepts, terms } = load();
  const row = vectorIndex(term);
  return row < 0 ? undefined : terms[concepts[row]!];
}

/**
 * Whether a term is the concept of some other term of the table.
 *
 * @param term A canonical term.
 */
export function isConcept(term: string): boolean {
  const row = vectorIndex(term);
  return row >= 0 && load().hubs[row] === 1;
}
