// Scores splitText on the English Golden Rules (shared/bench/segmentation) and
// prints `golden rules: X/52 (pySBD subset: Y/48)` plus every miss, expected vs produced.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitText } from '../src/core/sentences.js';

/** One case of golden_rules_en.json. */
export interface GoldenRule {
  readonly id: number;
  readonly name: string;
  readonly text: string;
  readonly sentences: readonly string[];
}

/** The result of scoring a splitter on the golden rules. */
export interface GoldenScore {
  readonly passed: number;
  readonly total: number;
  readonly pysbdPassed: number;
  readonly pysbdTotal: number;
  readonly misses: readonly { readonly rule: GoldenRule; readonly produced: readonly string[] }[];
}

/** Ids that pySBD leaves out of its 48-rule subset. */
const NOT_IN_PYSBD = new Set([40, 41, 42, 52]);

const benchmark = new URL('../../shared/bench/segmentation/golden_rules_en.json', import.meta.url);

/**
 * claimcheck's scoring rule: trim, collapse every whitespace run to one space, drop empty segments.
 *
 * @param sentences Sentences to normalise.
 */
export function normalise(sentences: readonly string[]): string[] {
  return sentences.map((sentence) => sentence.replace(/\s+/g, ' ').trim()).filter((sentence) => sentence !== '');
}

/**
 * Score `splitText` on every golden rule.
 *
 * @param rules Cases to score (default: read from shared/bench/segmentation).
 */
export function scoreGoldenRules(rules: readonly GoldenRule[] = readGoldenRules()): GoldenScore {
  let passed = 0;
  let pysbdPassed = 0;
  const misses: { rule: GoldenRule; produced: string[] }[] = [];
  for (const rule of rules) {
    const produced = normalise(splitText(rule.text).map((span) => rule.text.slice(span.start, span.end)));
    const expected = normalise(rule.sentences);
    const pass = produced.length === expected.length && produced.every((sentence, index) => sentence === expected[index]);
    if (pass) {
      passed++;
      if (!NOT_IN_PYSBD.has(rule.id)) pysbdPassed++;
    } else {
      misses.push({ rule, produced });
    }
  }
  const pysbdTotal = rules.filter((rule) => !NOT_IN_PYSBD.has(rule.id)).length;
  return { passed, total: rules.length, pysbdPassed, pysbdTotal, misses };
}

/** Read the golden rules from the shared benchmark folder. */
export function readGoldenRules(): GoldenRule[] {
  return JSON.parse(readFileSync(benchmark, 'utf8')) as GoldenRule[];
}

function main(): void {
  const score = scoreGoldenRules();
  const lines = [`golden rules: ${score.passed}/${score.total} (pySBD subset: ${score.pysbdPassed}/${score.pysbdTotal})`];
  for (const { rule, produced } of score.misses) {
    lines.push(`miss #${rule.id} ${rule.name}`, `  text:     ${JSON.stringify(rule.text)}`);
    lines.push(`  expected: ${JSON.stringify(normalise(rule.sentences))}`, `  produced: ${JSON.stringify(produced)}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
