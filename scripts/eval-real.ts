// Runs the built CLI's `export --format json --no-cache` on the real-news development corpora
// (../shared/bench/real-news: ECB+ and GVC), once over each whole folder and once per topic or
// incident subfolder, scores every export with the bench's score.mjs and prints the figures.
// Run: npm run eval:real [-- --no-build] [--keep]. Outputs go to a temp folder, never the project.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The figures of one score.mjs run that this script reports. */
export interface RealFigures {
  readonly label: string;
  readonly runs: number;
  readonly disputed: number;
  readonly multiOutlet: number;
  readonly crossEventMultiOutlet: number;
  readonly crossEventDisputed: number;
  readonly disputedWithCrossEventConflict: number;
  readonly conflicts: number;
  readonly conflictsCrossEvent: number;
  readonly pairs: number;
  readonly pairSameEvent: number;
  readonly pairSupported: number;
  readonly goldPairs: number;
  readonly recallFound: number;
}

/** The slice of score.mjs's `--json` summary this script reads. */
interface ScoreSummary {
  readonly runs: number;
  readonly counts: { readonly byVerdict: Record<string, number>; readonly multiOutlet: number };
  readonly crossEvent: { readonly multiOutlet: number; readonly disputed: number };
  readonly pairPrecision: { readonly pairs: number; readonly sameEvent: number; readonly supported: number };
  readonly pairRecall: { readonly goldPairs: number; readonly found: number };
  readonly disputes: { readonly conflicts: number; readonly crossEvent: number; readonly clustersAnyCrossEvent: number };
}

/**
 * Pick the reported figures out of a score.mjs summary.
 *
 * @param label Name of the run ("ecbplus-dev whole").
 * @param s The parsed `--json` summary.
 */
export function figuresOf(label: string, s: ScoreSummary): RealFigures {
  return {
    label,
    runs: s.runs,
    disputed: s.counts.byVerdict['disputed'] ?? 0,
    multiOutlet: s.counts.multiOutlet,
    crossEventMultiOutlet: s.crossEvent.multiOutlet,
    crossEventDisputed: s.crossEvent.disputed,
    disputedWithCrossEventConflict: s.disputes.clustersAnyCrossEvent,
    conflicts: s.disputes.conflicts,
    conflictsCrossEvent: s.disputes.crossEvent,
    pairs: s.pairPrecision.pairs,
    pairSameEvent: s.pairPrecision.sameEvent,
    pairSupported: s.pairPrecision.supported,
    goldPairs: s.pairRecall.goldPairs,
    recallFound: s.pairRecall.found,
  };
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

/**
 * One line of the printed table.
 *
 * @param f Figures of one scored run.
 */
export function formatFigures(f: RealFigures): string {
  return [
    f.label.padEnd(24),
    `disputed ${String(f.disputed).padStart(3)}`,
    `multi-outlet ${String(f.multiOutlet).padStart(4)}`,
    `cross-event multi-outlet ${String(f.crossEventMultiOutlet).padStart(3)} (${pct(f.crossEventMultiOutlet, f.multiOutlet)})`,
    `cross-event disputed ${String(f.crossEventDisputed).padStart(2)}`,
    `disputed w/ cross-event conflict ${String(f.disputedWithCrossEventConflict).padStart(2)}`,
    `conflicts ${f.conflicts} (cross-event ${f.conflictsCrossEvent})`,
    `pair precision same-event ${pct(f.pairSameEvent, f.pairs)} supported ${pct(f.pairSupported, f.pairs)} of ${f.pairs}`,
    `recall proxy ${pct(f.recallFound, f.goldPairs)} (${f.recallFound}/${f.goldPairs})`,
  ].join(' | ');
}

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** ../shared beside the project, or beside the folder holding it (a git worktree). */
function findBench(): string | undefined {
  for (const base of [join(root, '..', 'shared'), join(root, '..', '..', 'shared')]) {
    const bench = join(base, 'bench', 'real-news');
    if (existsSync(join(bench, 'score.mjs'))) return bench;
  }
  return undefined;
}

function runOrDie(cmd: string, args: readonly string[], stdoutFile?: string): string {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) {
    process.stderr.write(r.stderr ?? '');
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  }
  if (stdoutFile) writeFileSync(stdoutFile, r.stdout);
  return r.stdout;
}

function exportTo(folder: string, file: string): void {
  runOrDie(process.execPath, [join(root, 'bin', 'claimcheck.js'), 'export', '--format', 'json', '--no-cache', '--out', file, folder]);
}

function score(bench: string, corpus: string, label: string, exports: readonly string[], out: string): RealFigures {
  const json = join(out, `${label.replace(/\W+/g, '-')}.score.json`);
  const text = runOrDie(process.execPath, [join(bench, 'score.mjs'), join(bench, corpus, 'gold.json'), ...exports, '--json', json]);
  writeFileSync(json.replace(/\.json$/, '.txt'), text);
  return figuresOf(label, JSON.parse(readFileSync(json, 'utf8')) as ScoreSummary);
}

function main(argv: readonly string[]): number {
  const bench = findBench();
  if (!bench) {
    console.log('eval:real: ../shared/bench/real-news is absent; nothing to score.');
    return 0;
  }
  if (!argv.includes('--no-build')) runOrDie('npm', ['run', 'build', '--silent']);
  const out = mkdtempSync(join(tmpdir(), 'claimcheck-eval-real-'));
  const rows: RealFigures[] = [];
  for (const corpus of ['ecbplus-dev', 'gvc-dev']) {
    const dir = join(bench, corpus);
    if (!existsSync(dir)) continue;
    const whole = join(out, `${corpus}.json`);
    exportTo(dir, whole);
    rows.push(score(bench, corpus, `${corpus} whole`, [whole], out));
    const subs = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).sort();
    const perTopic = subs.map((d) => {
      const file = join(out, `${corpus}-topic-${d}.json`);
      exportTo(join(dir, d), file);
      return file;
    });
    rows.push(score(bench, corpus, `${corpus} per-topic`, perTopic, out));
    console.log(formatFigures(rows[rows.length - 2]!));
    console.log(formatFigures(rows[rows.length - 1]!));
  }
  writeFileSync(join(out, 'figures.json'), JSON.stringify(rows, null, 1) + '\n');
  if (argv.includes('--keep')) console.log(`exports and scores kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
