// Measures the extract stage's throughput: words per second of analyzeSentence
// over the seed articles' sentences (split naively on ". "), repeated.
// Run: node --import tsx scripts/bench-extract.ts [repeat]

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeSentence } from '../src/extract/index.js';
import type { Sentence } from '../src/types.js';

const seedsFolder = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));

/** The seed articles' paragraphs split naively into sentences on ". ". */
export function seedSentences(folder = seedsFolder): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => readFileSync(`${folder}/${name}`, 'utf8').split(/\n+/))
    .flatMap((paragraph) => paragraph.split(/(?<=\.) /))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function toSentence(plain: string, index: number): Sentence {
  const point = { line: 1, column: 1, offset: 0 };
  return {
    source: 'bench', index, text: plain, plain, block: 0, kind: 'paragraph',
    position: { start: point, end: { line: 1, column: plain.length + 1, offset: plain.length } },
  };
}

/**
 * Words per second of `analyzeSentence` over the seed sentences, repeated.
 *
 * @param repeat How many times to run over the seed sentences (default: 40).
 */
export function benchExtract(repeat = 40): { words: number; ms: number; wordsPerSecond: number } {
  const sentences = seedSentences().map(toSentence);
  const perPass = sentences.reduce((sum, sentence) => sum + sentence.plain.split(/\s+/).filter(Boolean).length, 0);
  const context = { outlet: 'Bench', published: '2020-12-19' };
  // Warm up: the first pass loads compromise and fills caches.
  for (const sentence of sentences) analyzeSentence(sentence, context);
  const start = performance.now();
  for (let pass = 0; pass < repeat; pass++) {
    for (const sentence of sentences) analyzeSentence(sentence, context);
  }
  const ms = performance.now() - start;
  const words = perPass * repeat;
  return { words, ms, wordsPerSecond: ms > 0 ? Math.round((words / ms) * 1000) : 0 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const repeat = Number(process.argv[2] ?? 40);
  const { words, ms, wordsPerSecond } = benchExtract(repeat);
  console.log(`extract: ${words} words in ${ms.toFixed(0)} ms = ${wordsPerSecond.toLocaleString('en-US')} words/s`);
}
