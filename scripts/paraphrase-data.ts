// Reads the MSRP paraphrase pairs from ../shared/bench/paraphrase (never copied
// into the project: the data is licensed for non-commercial use only).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ParaphrasePair {
  readonly label: 0 | 1;
  readonly a: string;
  readonly b: string;
}

/** Folder of the benchmark: shared/bench/paraphrase in the nearest folder above the project that has one (a worktree may sit deeper). */
export const PARAPHRASE_DIR = findParaphraseBench(fileURLToPath(new URL('..', import.meta.url)));

function findParaphraseBench(projectRoot: string): string {
  let folder = path.dirname(path.resolve(projectRoot));
  for (;;) {
    const candidate = path.join(folder, 'shared', 'bench', 'paraphrase');
    if (existsSync(path.join(candidate, 'msr_paraphrase_train.tsv'))) return `${candidate}${path.sep}`;
    const parent = path.dirname(folder);
    if (parent === folder) return fileURLToPath(new URL('../../shared/bench/paraphrase/', import.meta.url));
    folder = parent;
  }
}

/**
 * Read one split: UTF-8 with a BOM, CRLF, tab-separated with a header row.
 *
 * @param split `train` or `test`.
 */
export function readParaphrasePairs(split: 'train' | 'test'): ParaphrasePair[] {
  const text = readFileSync(`${PARAPHRASE_DIR}msr_paraphrase_${split}.tsv`, 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [quality, , , a, b] = line.split('\t');
      return { label: quality === '1' ? 1 : 0, a: a ?? '', b: b ?? '' };
    });
}

/**
 * Accuracy and F1 of class 1.
 *
 * @param gold Gold labels.
 * @param predicted Predicted labels.
 */
export function scorePredictions(gold: readonly number[], predicted: readonly number[]): { accuracy: number; f1: number } {
  let correct = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((label, i) => {
    const guess = predicted[i];
    if (guess === label) correct++;
    if (guess === 1 && label === 1) tp++;
    if (guess === 1 && label === 0) fp++;
    if (guess === 0 && label === 1) fn++;
  });
  return { accuracy: correct / gold.length, f1: (2 * tp) / (2 * tp + fp + fn) };
}
