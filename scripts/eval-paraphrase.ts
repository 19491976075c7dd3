// MSRP paraphrase benchmark (../shared/bench/paraphrase, README there): for each
// test pair, predict 1 when `compareSentences(a, b)` says `same` and finds no
// conflict. Thresholds were fitted on the train split only (scripts/train-matcher.ts).
// Also prints, for transparency, the figure if the matcher's broader claim-level
// `match` were used instead of `same`. Run: npm run eval:paraphrase

import { compareSentences } from '../src/index.js';
import { readParaphrasePairs, scorePredictions } from './paraphrase-data.js';

const percent = (value: number) => (value * 100).toFixed(1);

for (const split of ['train', 'test'] as const) {
  const pairs = readParaphrasePairs(split);
  const started = performance.now();
  const gold: number[] = [];
  const bySame: number[] = [];
  const byMatch: number[] = [];
  for (const pair of pairs) {
    const comparison = compareSentences(pair.a, pair.b);
    const consistent = comparison.conflicts.length === 0;
    gold.push(pair.label);
    bySame.push(comparison.same && consistent ? 1 : 0);
    byMatch.push(comparison.match !== null && consistent ? 1 : 0);
  }
  const ms = performance.now() - started;
  const same = scorePredictions(gold, bySame);
  const match = scorePredictions(gold, byMatch);
  console.log(
    `MSRP ${split} (${pairs.length} pairs): accuracy ${percent(same.accuracy)}  F1 ${percent(same.f1)}` +
      `   [claim-level match: accuracy ${percent(match.accuracy)}  F1 ${percent(match.f1)}]  ${(ms / pairs.length).toFixed(2)} ms/pair`,
  );
}
console.log('published (test): majority 66.5/79.9, TF-IDF 69.6/81.2, Fernando & Stevenson 74.1/82.4, Madnani et al. 77.4/84.1, Ji & Eisenstein 80.4/85.9');
