// Scores splitText on the English Golden Rules (shared/bench/segmentation) and
// prints `golden rules: X/52 (pySBD subset: Y/48)` plus every miss, expected vs produced;
// then scores the UD development sets (real-dev: GUM, EWT) with the bench's score-real.mjs and
// prints their boundary P/R/F1. Reads ../shared (the nearest shared/ folder above the project);
// says so and exits 0 when it is absent. `--errors DIR` also writes each set's boundary errors.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** The segmentation bench folder: shared/bench/segmentation in the nearest folder above the project that has one. */
export function findSegmentationBench(from: string = projectRoot): string | undefined {
  let folder = path.dirname(path.resolve(from));
  for (;;) {
    const candidate = path.join(folder, 'shared', 'bench', 'segmentation');
    if (existsSync(path.join(candidate, 'golden_rules_en.json'))) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Boundary scores of one UD development set, as score-real.mjs reports them (fractions). */
export interface RealScore {
  readonly data: string;
  readonly P: number;
  readonly R: number;
  readonly F1: number;
  readonly F1_in: number;
  readonly gold: number;
  readonly pred: number;
  readonly time: number;
}

/**
 * Score the project's splitter (`scripts/split-stdin.ts`, as `claimcheck sentences --format json -`)
 * on one real-dev folder with the bench's own scorer.
 *
 * @param bench The segmentation bench folder.
 * @param name A folder of bench/segmentation/real-dev, e.g. `gum-dev`.
 * @param errors Optional path of a Markdown file for the boundary errors.
 */
export function scoreRealDev(bench: string, name: string, errors?: string): RealScore {
  const scratch = mkdtempSync(path.join(tmpdir(), 'claimcheck-seg-'));
  try {
    const json = path.join(scratch, 'score.json');
    const args = [path.join(bench, 'score-real.mjs'), 'score', path.join(bench, 'real-dev', name), '--label', 'claimcheck', '--json', json];
    if (errors) args.push('--errors', errors);
    args.push('--', process.execPath, '--import', 'tsx', path.join(projectRoot, 'scripts', 'split-stdin.ts'));
    const run = spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`score-real.mjs on ${name} failed: ${run.stderr || run.error?.message}`);
    const result = JSON.parse(readFileSync(json, 'utf8')) as { data: string; time: number; total: Omit<RealScore, 'data' | 'time'> };
    const { P, R, F1, F1_in, gold, pred } = result.total;
    return { data: result.data, P, R, F1, F1_in, gold, pred, time: result.time };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

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
export function readGoldenRules(bench: string | undefined = findSegmentationBench()): GoldenRule[] {
  if (!bench) throw new Error('shared/bench/segmentation not found above the project');
  return JSON.parse(readFileSync(path.join(bench, 'golden_rules_en.json'), 'utf8')) as GoldenRule[];
}

function main(): void {
  const bench = findSegmentationBench();
  if (!bench) {
    process.stdout.write('eval:segmentation: ../shared/bench/segmentation is absent; nothing to score.\n');
    return;
  }
  const flag = process.argv.indexOf('--errors');
  const errorsFolder = flag >= 0 ? process.argv[flag + 1] : undefined;
  const score = scoreGoldenRules(readGoldenRules(bench));
  const lines = [`golden rules: ${score.passed}/${score.total} (pySBD subset: ${score.pysbdPassed}/${score.pysbdTotal})`];
  for (const { rule, produced } of score.misses) {
    lines.push(`miss #${rule.id} ${rule.name}`, `  text:     ${JSON.stringify(rule.text)}`);
    lines.push(`  expected: ${JSON.stringify(normalise(rule.sentences))}`, `  produced: ${JSON.stringify(produced)}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  const pct = (x: number): string => (100 * x).toFixed(1);
  for (const name of ['gum-dev', 'ewt-dev']) {
    if (!existsSync(path.join(bench, 'real-dev', name, 'gold.json'))) {
      process.stdout.write(`real-dev ${name}: absent, not scored\n`);
      continue;
    }
    const errors = errorsFolder ? path.resolve(errorsFolder, `${name}-errors.md`) : undefined;
    const real = scoreRealDev(bench, name, errors);
    process.stdout.write(
      `real-dev ${name} (score-real.mjs): boundary F1 ${pct(real.F1)} (P ${pct(real.P)} R ${pct(real.R)}; in-paragraph F1 ${pct(real.F1_in)}; gold ${real.gold}, predicted ${real.pred}; ${real.time.toFixed(2)} s)${errors ? `; errors in ${errors}` : ''}\n`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
