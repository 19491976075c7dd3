// Fits the matcher's paraphrase model (logistic regression over the features of
// src/core/match/similarity.ts) on the MSRP *training* split only and picks the `same`
// threshold there (the final rule is "same and no conflict", as in the eval).
// Prints 5-fold cross-validated accuracy on train; `--write` stores the model in
// src/data/match-model.json. Run: node --import tsx scripts/train-matcher.ts [--write]

import { writeFileSync } from 'node:fs';
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import { claimTerms, FEATURE_NAMES, MATCH_MODEL, pairFeatures, type MatchModel } from '../src/core/match/index.js';
import { analyzeSentence } from '../src/core/claims/index.js';
import { conflictsBetween } from '../src/core/judge/index.js';
import type { Sentence } from '../src/types.js';
import { readParaphrasePairs, scorePredictions } from './paraphrase-data.js';

const sentence = (text: string): Sentence => ({
  source: 'x',
  index: 0,
  text,
  plain: text,
  block: 0,
  kind: 'paragraph',
  position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } },
});

const pairs = readParaphrasePairs('train');
const rows = pairs.map((pair) => {
  const a = analyzeSentence(sentence(pair.a), { outlet: 'A' });
  const b = analyzeSentence(sentence(pair.b), { outlet: 'B' });
  return { features: pairFeatures(claimTerms(a), claimTerms(b)), conflict: conflictsBetween(a, b).length > 0, label: pair.label };
});

function fit(indexes: readonly number[]): { weights: number[]; bias: number } {
  // Standardise each feature so gradient descent converges, then map the
  // weights back onto raw feature values.
  const width = rows[0]!.features.length;
  const mean = new Array<number>(width).fill(0);
  const deviation = new Array<number>(width).fill(0);
  for (const i of indexes) rows[i]!.features.forEach((value, k) => (mean[k]! += value / indexes.length));
  for (const i of indexes) rows[i]!.features.forEach((value, k) => (deviation[k]! += (value - mean[k]!) ** 2 / indexes.length));
  const scale = deviation.map((value) => Math.sqrt(value) || 1);
  const X = new Matrix(indexes.map((i) => [...rows[i]!.features.map((value, k) => (value - mean[k]!) / scale[k]!), 1]));
  const Y = Matrix.columnVector(indexes.map((i) => rows[i]!.label));
  const regression = new LogisticRegression({ numSteps: 1500, learningRate: 1e-4 });
  regression.train(X, Y);
  // One-vs-all: the classifier of class 0 scores "not 0", i.e. P(label = 1).
  const standardised = (regression.classifiers[0] as { weights: Matrix }).weights.to1DArray();
  const weights = standardised.slice(0, -1).map((weight, k) => weight / scale[k]!);
  const bias = standardised.at(-1)! - weights.reduce((sum, weight, k) => sum + weight * mean[k]!, 0);
  return { weights, bias };
}

const probability = (model: { weights: number[]; bias: number }, features: readonly number[]) =>
  1 / (1 + Math.exp(-(model.bias + features.reduce((sum, value, k) => sum + value * model.weights[k]!, 0))));

function bestThreshold(model: { weights: number[]; bias: number }, indexes: readonly number[]): number {
  let best = { threshold: 0.5, accuracy: 0 };
  for (let threshold = 0.2; threshold <= 0.8; threshold += 0.01) {
    const predicted = indexes.map((i) => (probability(model, rows[i]!.features) >= threshold && !rows[i]!.conflict ? 1 : 0));
    const { accuracy } = scorePredictions(indexes.map((i) => rows[i]!.label), predicted);
    if (accuracy > best.accuracy) best = { threshold, accuracy };
  }
  return best.threshold;
}

// 5-fold cross-validation on train.
const folds = 5;
const all = rows.map((_, i) => i);
const gold: number[] = [];
const predicted: number[] = [];
for (let fold = 0; fold < folds; fold++) {
  const held = all.filter((i) => i % folds === fold);
  const rest = all.filter((i) => i % folds !== fold);
  const model = fit(rest);
  const threshold = bestThreshold(model, rest);
  for (const i of held) {
    gold.push(rows[i]!.label);
    predicted.push(probability(model, rows[i]!.features) >= threshold && !rows[i]!.conflict ? 1 : 0);
  }
}
const cv = scorePredictions(gold, predicted);
console.log(`train 5-fold CV: accuracy ${(cv.accuracy * 100).toFixed(1)}  F1 ${(cv.f1 * 100).toFixed(1)}  (${rows.length} pairs)`);

const model = fit(all);
const same = bestThreshold(model, all);
const fitted: MatchModel = {
  weights: Object.fromEntries(FEATURE_NAMES.map((name, k) => [name, Math.round(model.weights[k]! * 1e4) / 1e4])) as MatchModel['weights'],
  bias: Math.round(model.bias * 1e4) / 1e4,
  same: Math.round(same * 100) / 100,
  related: Math.round((same - 0.2) * 100) / 100,
  // The claim-level rules are set by hand on the seed gold, not fitted here: keep them.
  rules: MATCH_MODEL.rules,
};
const onTrain = scorePredictions(
  rows.map((row) => row.label),
  rows.map((row) => (probability(model, row.features) >= same && !row.conflict ? 1 : 0)),
);
console.log(`train (fitted on all of train): accuracy ${(onTrain.accuracy * 100).toFixed(1)}  F1 ${(onTrain.f1 * 100).toFixed(1)}`);
console.log(JSON.stringify(fitted));
if (process.argv.includes('--write')) {
  writeFileSync(new URL('../src/data/match-model.json', import.meta.url), `${JSON.stringify(fitted, null, 2)}\n`);
  console.log('wrote src/data/match-model.json');
}
