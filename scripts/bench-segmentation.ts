// Times splitText on the paragraphs of the project's own sources (sources/*.md,
// the imported seed articles) repeated to over a million words and prints
// `splitter: N words/s (M words in T ms)`; `benchSplitter` returns the numbers.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSource } from '../src/core/parse.js';
import { splitText } from '../src/core/sentences.js';

const sourcesFolder = fileURLToPath(new URL('../sources/', import.meta.url));

/** Text the splitter is timed on: every prose paragraph of sources/, repeated until it holds `minWords` words. */
function benchText(minWords: number): { text: string; words: number } {
  const paragraphs = readdirSync(sourcesFolder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) => parseSource(path.join(sourcesFolder, name), readFileSync(path.join(sourcesFolder, name))).source?.blocks ?? [])
    .filter((block) => !block.boilerplate)
    .map((block) => block.text.trim())
    .filter((paragraph) => paragraph !== '');
  const unit = paragraphs.join('\n\n');
  const unitWords = unit.split(/\s+/).filter(Boolean).length;
  const copies = Math.ceil(minWords / unitWords);
  return { text: Array.from({ length: copies }, () => unit).join('\n\n'), words: copies * unitWords };
}

/**
 * Time `splitText` over at least a million words of news prose (mean of several runs after a warm-up).
 *
 * @param minWords Size of the text in words (default: 1,000,000).
 * @param runs Timed runs to average (default: 5).
 */
export function benchSplitter(minWords = 1_000_000, runs = 5): { words: number; ms: number; wordsPerSecond: number } {
  const { text, words } = benchText(minWords);
  for (let warm = 0; warm < 2; warm++) splitText(text);
  const start = performance.now();
  for (let run = 0; run < runs; run++) splitText(text);
  const ms = (performance.now() - start) / runs;
  return { words, ms, wordsPerSecond: Math.round((words / ms) * 1000) };
}

function main(): void {
  const { words, ms, wordsPerSecond } = benchSplitter();
  process.stdout.write(
    `splitter: ${wordsPerSecond.toLocaleString('en-US')} words/s (${words.toLocaleString('en-US')} words in ${ms.toFixed(1)} ms)\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
