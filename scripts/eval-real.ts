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

/** How far the clusters of one run over a whole folder and of one run per topic agree. */
export interface Consistency {
  readonly label: string;
  /** Clusters of two or more mentions in the whole run, and how many of them a per-topic run made too. */
  readonly whole: number;
  readonly wholeShared: number;
  /** The same the other way round. */
  readonly perTopic: number;
  readonly perTopicShared: number;
}

/** The clusters (two or more mentions) of exports, each as its sorted mention keys. */
function clustersOf(exports: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const file of exports) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { claims: { mentions: { key: string }[] }[] };
    for (const claim of data.claims) if (claim.mentions.length >= 2) set.add(claim.mentions.map((m) => m.key).sort().join(' '));
  }
  return set;
}

/**
 * How many clusters of the whole run the per-topic runs made exactly, and the other way round.
 *
 * @param label Name of the corpus.
 * @param whole Export of the whole folder.
 * @param perTopic Exports of each topic.
 */
export function consistencyOf(label: string, whole: string, perTopic: readonly string[]): Consistency {
  const [a, b] = [clustersOf([whole]), clustersOf(perTopic)];
  const shared = [...a].filter((key) => b.has(key)).length;
  return { label, whole: a.size, wholeShared: shared, perTopic: b.size, perTopicShared: shared };
}

/**
 * The printed line of a consistency check.
 *
 * @param c The check.
 */
export function formatConsistency(c: Consistency): string {
  const same = c.wholeShared === c.whole && c.perTopicShared === c.perTopic;
  return `${c.label.padEnd(24)} | per topic vs whole give the same clusters: ${same ? 'yes' : 'no'} (${c.wholeShared} of ${c.whole} whole clusters made per topic, ${c.perTopicShared} of ${c.perTopic} per-topic clusters made whole: ${pct(c.wholeShared, c.whole)} / ${pct(c.perTopicShared, c.perTopic)})`;
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
  const checks: Consistency[] = [];
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
    const consistency = consistencyOf(corpus, whole, perTopic);
    checks.push(consistency);
    console.log(formatConsistency(consistency));
  }
  writeFileSync(join(out, 'figures.json'), JSON.stringify({ rows, consistency: checks }, null, 1) + '\n');
  if (argv.includes('--keep')) console.log(`exports and scores kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
