// MSRP train pairs the paraphrase model calls `same` but a conflict rejects, by conflict
// kind and gold label, with each pair's conflicts (reading ../shared/bench/paraphrase;
// the train split only: the test split is for the final figure). Run:
// node --import tsx scripts/paraphrase-conflicts.ts [--list]

import { compareSentences } from '../src/index.js';
import { readParaphrasePairs } from './paraphrase-data.js';

const counts: Record<string, number> = {};
const listed: string[] = [];
readParaphrasePairs('train').forEach((pair, index) => {
  const comparison = compareSentences(pair.a, pair.b);
  if (!comparison.same || comparison.conflicts.length === 0) return;
  for (const kind of new Set(comparison.conflicts.map((conflict) => conflict.kind))) {
    const key = `${kind} ${pair.label === 1 ? 'gold paraphrase (lost)' : 'gold not (kept out)'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const details = comparison.conflicts.map((conflict) => `[${conflict.kind}] ${conflict.detail}`).join(' | ');
  listed.push(`#${index} gold=${pair.label} ${details}\n  A: ${pair.a}\n  B: ${pair.b}`);
});
for (const [key, count] of Object.entries(counts).sort()) console.log(`${key}: ${count}`);
if (process.argv.includes('--list')) console.log(listed.join('\n'));
