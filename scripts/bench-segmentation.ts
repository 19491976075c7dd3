// Times splitText on the seed articles' paragraphs repeated to over a million
// words and prints `splitter: N words/s (M words in T ms)`; `benchSplitter` returns the numbers.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitText } from '../src/segment.js';

const seeds = new URL('../../shared/seeds/', import.meta.url);

/** Text the splitter is timed on: every seed paragraph, repeated until it holds `minWords` words. */
function benchText(minWords: number): { text: string; words: number } {
  const paragraphs = readdirSync(seeds)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => readFileSync(new URL(name, seeds), 'utf8').split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
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
