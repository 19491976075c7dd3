// Reads plain text on stdin and prints its sentences as a JSON array of {start, end, text}
// (as `claimcheck sentences --format json -` does, without a build); used by eval-segmentation.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceFromPlainText } from '../src/core/parse.js';
import { splitSentences } from '../src/core/sentences.js';

/**
 * Sentences of plain text as the bench's scorer reads them.
 *
 * @param text Plain text (a BOM is dropped, as the CLI does).
 */
export function sentenceRows(text: string): { start: number; end: number; text: string }[] {
  return splitSentences(sourceFromPlainText(text)).map((sentence) => ({
    start: sentence.position.start.offset ?? 0,
    end: sentence.position.end.offset ?? 0,
    text: sentence.text,
  }));
}

function main(): void {
  process.stdout.write(`${JSON.stringify(sentenceRows(readFileSync(0, 'utf8')))}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
