// Measures the extract stage's throughput: words per second of analyzeSentence
// over the sentences of the project's own sources (sources/*.md, the imported
// seed articles), loaded and split as a run does, repeated.
// Run: node --import tsx scripts/bench-extract.ts [repeat]

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeSentence } from '../src/core/claims/index.js';
import { parseSource } from '../src/core/parse.js';
import { splitSentences } from '../src/core/sentences.js';
import type { Sentence } from '../src/types.js';

const sourcesFolder = fileURLToPath(new URL('../sources/', import.meta.url));

/**
 * The sentences of the sources in `folder`, with the outlet and date of their article.
 *
 * @param folder Folder of source files (default: the project's sources/).
 */
export function sourceSentences(folder = sourcesFolder): { sentence: Sentence; outlet: string; published?: string }[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) => {
      const { source } = parseSource(path.join(folder, name), readFileSync(path.join(folder, name)));
      if (!source) return [];
      const context = { outlet: source.meta.outlet, ...(source.meta.published ? { published: source.meta.published } : {}) };
      return splitSentences(source).map((sentence) => ({ sentence, ...context }));
    });
}

/**
 * Words per second of `analyzeSentence` over the sentences of sources/, repeated.
 *
 * @param repeat How many times to run over them (default: 40).
 */
export function benchExtract(repeat = 40): { words: number; ms: number; wordsPerSecond: number } {
  const items = sourceSentences();
  const perPass = items.reduce((sum, { sentence }) => sum + sentence.plain.split(/\s+/).filter(Boolean).length, 0);
  const contextOf = ({ outlet, published }: (typeof items)[number]) => (published ? { outlet, published } : { outlet });
  // Warm up: the first pass loads compromise and fills caches.
  for (const item of items) analyzeSentence(item.sentence, contextOf(item));
  const start = performance.now();
  for (let pass = 0; pass < repeat; pass++) {
    for (const item of items) analyzeSentence(item.sentence, contextOf(item));
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
