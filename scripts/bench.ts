// `npm run bench`: how fast claimcheck is on thousands of articles. Generates the
// deterministic corpora (scripts/generate-corpus.ts), then
//   1. per-stage times (load, segment+extract, match, judge, render) of the built
//      library, cold, in a child process per corpus size;
//   2. the real CLI, `claimcheck export --format json`, spawned cold (empty cache)
//      on 300 and 3000 articles: wall time, articles/s, words/s, peak RSS, and the
//      300 → 3000 time ratio;
//   3. warm re-runs after adding one article to the 3000, as a share of a cold run,
//      checked against a cold run of the same 3001 articles: `export` (per-source
//      cache) and `check` against a ledger (corpus snapshot + ledger parse cache);
//   4. the splitter and the extractor alone;
//   5. outlet rewrites of real articles (scripts/generate-rewrites.ts, reading
//      ../shared/bench/real-news when present) at 300, 3000 and 10000 articles:
//      the share of verbatim copies (claims printed word for word by 2+ outlets)
//      that land in one cluster, next to the cold export's time and peak RSS.
//      `--only=rewrites` runs this section alone, `--rewrite-sizes=300,3000` others,
//      `--with-30000` adds 30,000 articles; then `check` re-run after one article is
//      added to 3000 of them, then of the next one (`--rewrite-check=N` another size, 0 none).
//      Every CLI run reports wall time and CPU time (user + system, all threads).
// Each work folder has its own cache (`CACHE`), and no corpus is exported cold twice:
// the verbatim share is read claim by claim from the timed export itself.
// Run: npm run bench  (or: node --import tsx scripts/bench.ts [--sizes 300,3000] [--quick])

import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchExtract } from './bench-extract.js';
import { benchSplitter } from './bench-segmentation.js';
import { generateArticle, writeCorpus } from './generate-corpus.js';
import { generateRewrite, verbatimShare, writeRewrites } from './generate-rewrites.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchFolder = path.join(root, 'bench');
const cli = path.join(root, 'bin', 'claimcheck.js');
/**
 * Each work folder's own cache: spawned runs get `XDG_CACHE_HOME=<folder>/.cache-home`, so a
 * cold run is cold (the user's cache is keyed by paths as found, `corpus/…`, the same in
 * every work folder) and deleting this folder makes the next run cold again.
 */
const CACHE = '.cache-home';

interface Run {
  readonly ms: number;
  readonly rssMB: number;
  /** CPU time of the process (user + system, all threads), ms: steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawn node with `args` in `cwd`, stdout to a file; wall time and the process's peak RSS (workers included). */
function spawnNode(args: readonly string[], cwd: string, outFile: string): Run {
  const usageFile = `${outFile}.usage.json`;
  rmSync(usageFile, { force: true });
  const probe = pathToFileURL(path.join(benchFolder, '.rss-probe.mjs')).href;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', probe, ...args], {
    cwd,
    env: { ...process.env, CLAIMCHECK_BENCH_USAGE: usageFile, NO_COLOR: '1', XDG_CACHE_HOME: path.join(cwd, CACHE) },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 2 ** 31 - 1,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  writeFileSync(outFile, child.stdout ?? '');
  let rssMB = NaN;
  let cpuMs = NaN;
  try {
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
    rssMB = usage.maxRSS / 1024;
    cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  } catch {
    // The child died before its exit hook.
  }
  return { ms, rssMB, cpuMs, status: child.status, stdout: child.stdout ?? '', stderr: child.stderr ?? '' };
}

/** A module loaded first into each spawned process: writes its peak RSS when it exits. */
function writeProbe(): void {
  mkdirSync(benchFolder, { recursive: true });
  writeFileSync(
    path.join(benchFolder, '.rss-probe.mjs'),
    [
      "import { writeFileSync } from 'node:fs';",
      'const file = process.env.CLAIMCHECK_BENCH_USAGE;',
      "if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.resourceUsage())));",
      '',
    ].join('\n'),
  );
}

/**
 * A working folder for the CLI runs of one section on `count` articles:
 * `<folder>/corpus/`, the cache beside it. Each section has its own, and the
 * bench removes every earlier one when it starts (`removeWorkFolders`): deleting
 * a 3000-file cache just before a timed cold run would charge that run for the
 * file system freeing it (creating files right after a large delete is up to 50
 * times slower on this VM's disk).
 */
function workFolder(count: number, section: string): string {
  const folder = path.join(benchFolder, `run-${count}-${section}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(path.join(benchFolder, `corpus-${count}`), path.join(folder, 'corpus'), { recursive: true });
  return folder;
}

/** Remove the work folders of earlier benches. */
function removeWorkFolders(): void {
  if (!existsSync(benchFolder)) return;
  for (const name of readdirSync(benchFolder)) if (name.startsWith('run-')) rmSync(path.join(benchFolder, name), { recursive: true, force: true });
}

function runCli(folder: string, label: string): Run {
  return runCommand(folder, label, ['export', '--format', 'json', 'corpus'], [0]);
}

/** Run `claimcheck <args>` in `folder`, stdout to `<label>.json`; throws on an exit code not in `expected`. */
function runCommand(folder: string, label: string, args: readonly string[], expected: readonly number[]): Run {
  const run = spawnNode([cli, ...args], folder, path.join(folder, `${label}.json`));
  if (run.status === null || !expected.includes(run.status)) {
    throw new Error(`claimcheck ${args.join(' ')} failed (${run.status}) in ${folder}:\n${run.stderr.slice(0, 2000)}`);
  }
  return run;
}

/** Per-stage times of the built library in a fresh process (cold: no cache). */
function stageTimes(count: number): Record<string, number> {
  const script = path.join(benchFolder, '.stages.mjs');
  writeFileSync(
    script,
    `
import { analyzeAll, buildReport, clusterClaims, loadSources } from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'index.js')).href)};
const render = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'render', 'index.js')).href)});
const folder = process.argv[2];
const t0 = performance.now();
const loaded = await loadSources([folder]);
const t1 = performance.now();
const analyses = await analyzeAll(loaded.sources);
const t2 = performance.now();
const claims = analyses.flatMap((a) => a.claims);
clusterClaims(claims, {}, analyses.flatMap((a) => a.profiles));
const t3 = performance.now();
const report = buildReport(loaded.sources, analyses, loaded.diagnostics);
const t4 = performance.now();
let bytes = 0;
for (const chunk of render.EXPORT_FORMATS.json(report, { ...render.DEFAULT_RENDER_OPTIONS })) bytes += chunk.length;
const t5 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, extract: t2 - t1, match: t3 - t2, judge: Math.max(0, t4 - t3 - (t3 - t2)), render: t5 - t4,
  sources: loaded.sources.length, claims: claims.length, findings: report.claims.length, bytes }));
`,
  );
  const run = spawnNode([script, path.join(benchFolder, `corpus-${count}`)], root, path.join(benchFolder, `.stages-${count}.txt`));
  if (run.status !== 0) throw new Error(`stage timing failed:\n${run.stderr.slice(0, 2000)}`);
  return { ...(JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>), rssMB: run.rssMB };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

/**
 * The claims of the cold export in `folder` (cold.json), one by one: the file is read
 * in pieces and each claim of its `claims` array parsed alone, so an export larger
 * than a string can hold (V8 strings end near 512 MB: 10,000 rewrites) is read
 * without exporting the corpus a second time.
 */
function exportedClaims(folder: string): { claims: Iterable<{ id: string; mentions: readonly { text: string; outlet: string }[] }> } {
  return { claims: claimsOfExport(path.join(folder, 'cold.json')) };
}

/**
 * The items of the top-level `claims` array of a JSON export as `export --format json`
 * writes it (`jsonChunks`: two-space indent, each claim opening with `    {` and closing
 * with `    }` on lines of their own).
 */
function* claimsOfExport<T>(file: string): Generator<T> {
  let inClaims = false;
  let item: string[] = [];
  for (const line of linesOf(file)) {
    if (!inClaims) {
      // An empty list is written `"claims": [],` on one line: no claims.
      inClaims = line === '  "claims": [';
      continue;
    }
    if (line === '  ]' || line === '  ],') break;
    item.push(line);
    if (line === '    }' || line === '    },') {
      yield JSON.parse(item.join('\n').replace(/,$/, '')) as T;
      item = [];
    }
  }
}

/** The lines of a text file, read in pieces. */
function* linesOf(file: string): Generator<string> {
  const descriptor = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 24);
    // A character split between two pieces is decoded whole.
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) {
      const lines = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    if (rest) yield rest;
  } finally {
    closeSync(descriptor);
  }
}

/** Section 5: verbatim copies in one cluster on outlet rewrites, with cold export timings, and one-article re-checks. */
function benchRewrites(sizes: readonly number[], out: (line?: string) => void, incrementalSize = 3000): Record<string, unknown> {
  out('\n## Outlet rewrites of real articles: verbatim copies in one cluster (cold `claimcheck export --format json --no-cache`)');
  const results: Record<number, { ms: number; cpuMs: number; rssMB: number; copies: number; together: number }> = {};
  let real = false;
  out('| articles | words | wall | articles/s | CPU (user+sys) | peak RSS | verbatim copies | in one cluster |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const count of sizes) {
    const folder = path.join(benchFolder, `run-${count}-rewrites`);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const written = writeRewrites(count, path.join(folder, 'corpus'));
    real = written.real;
    const run = runCommand(folder, 'cold-stdout', ['export', '--format', 'json', '--no-cache', '--out', 'cold.json', 'corpus'], [0]);
    const share = verbatimShare(exportedClaims(folder));
    results[count] = { ms: run.ms, cpuMs: run.cpuMs, rssMB: run.rssMB, ...share };
    const percent = share.copies ? ((share.together / share.copies) * 100).toFixed(1) : 'n/a';
    out(
      `| ${count} | ${thousands(written.words)} | ${seconds(run.ms)} | ${thousands((count / run.ms) * 1000)} | ${seconds(run.cpuMs)} | ${thousands(run.rssMB)} MB | ${thousands(share.copies)} | ${percent}% |`,
    );
    // The export is not kept: a 30,000-article one is a gigabyte.
    rmSync(path.join(folder, 'cold.json'), { force: true });
  }
  if (!real) out('(../shared/bench/real-news is absent: the rewrites are of the seed articles in sources/ only)');
  for (let k = 1; k < sizes.length; k++) {
    const [a, b] = [sizes[k - 1]!, sizes[k]!];
    out(`scaling ${a} → ${b}: time ratio ${(results[b]!.ms / results[a]!.ms).toFixed(2)} wall, ${(results[b]!.cpuMs / results[a]!.cpuMs).toFixed(2)} CPU`);
  }
  out('targets: in one cluster ≥ 99% at 3000 and 10000; ≥ 200 articles/s at 3000; 3000 → 10000 time ratio ≤ 3.7; peak RSS ≤ 1 GB at 3000, ≤ 1.5 GB at 10000, ≤ 3 GB at 30000');
  return { sizes: results, incremental: incrementalSize > 0 ? benchRewriteCheck(incrementalSize, out) : undefined };
}

/** One article added to `count` rewrites: `check`'s incremental re-run against a cold one, and whether they print the same. */
function benchRewriteCheck(count: number, out: (line?: string) => void): Record<string, unknown> {
  const work = path.join(benchFolder, `run-${count}-rewrites-check`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeRewrites(count, path.join(work, 'corpus'));
  const check = (label: string, ...flags: string[]) => runCommand(work, label, ['check', ...flags, 'corpus'], [0, 1]);
  const first = check('check-first');
  const recorded = check('update', '--update');
  const added = generateRewrite(count);
  writeFileSync(path.join(work, 'corpus', added.name), added.text);
  const warm = check('check-warm');
  const cold = check('check-cold', '--no-cache');
  const identical = warm.status === cold.status && warm.stdout === cold.stdout;
  // The next article: resumed from what the first re-check left (the snapshot is kept until 1% of the corpus is added).
  const next = generateRewrite(count + 1);
  writeFileSync(path.join(work, 'corpus', next.name), next.text);
  const warmNext = check('check-warm-next');
  const coldNext = check('check-cold-next', '--no-cache');
  const identicalNext = warmNext.status === coldNext.status && warmNext.stdout === coldNext.stdout;
  const share = (run: Run, of: Run, key: 'ms' | 'cpuMs') => `${((run[key] / of[key]) * 100).toFixed(1)}%`;
  out(`\n\`claimcheck check\` on ${count} rewrites with their ledger (\`check --update\`), one article added, then another:`);
  out('| run | wall | CPU (user+sys) | peak RSS |');
  out('|---|---:|---:|---:|');
  for (const [label, run] of [
    [`first run, empty cache, ${count} articles`, first],
    [`check --update, ${count} articles`, recorded],
    ['warm, one article added', warm],
    [`cold (--no-cache), ${count + 1} articles`, cold],
    ['warm, the next article added', warmNext],
    [`cold (--no-cache), ${count + 2} articles`, coldNext],
  ] as const) {
    out(`| ${label} | ${seconds(run.ms)} | ${seconds(run.cpuMs)} | ${thousands(run.rssMB)} MB |`);
  }
  out(`one-article re-check: ${share(warm, cold, 'ms')} of the cold run's wall time, ${share(warm, cold, 'cpuMs')} of its CPU time (target ≤ 10%); output (exit ${warm.status}) identical to the cold run's (exit ${cold.status}): ${identical ? 'yes' : 'NO'}`);
  out(`next article: ${share(warmNext, coldNext, 'ms')} of the cold run's wall time, ${share(warmNext, coldNext, 'cpuMs')} of its CPU time; output identical: ${identicalNext ? 'yes' : 'NO'}`);
  return {
    first: first.ms,
    update: recorded.ms,
    added: warm.ms,
    addedCpu: warm.cpuMs,
    cold: cold.ms,
    coldCpu: cold.cpuMs,
    share: warm.ms / cold.ms,
    cpuShare: warm.cpuMs / cold.cpuMs,
    identical,
    next: { added: warmNext.ms, addedCpu: warmNext.cpuMs, cold: coldNext.ms, coldCpu: coldNext.cpuMs, cpuShare: warmNext.cpuMs / coldNext.cpuMs, identical: identicalNext },
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const rewriteSizes = (args.find((arg) => arg.startsWith('--rewrite-sizes='))?.slice('--rewrite-sizes='.length) ?? '300,3000,10000').split(',').map(Number);
  // 30,000 articles take minutes and gigabytes: only when asked.
  if (args.includes('--with-30000') && !rewriteSizes.includes(30000)) rewriteSizes.push(30000);
  const incrementalSize = Number(args.find((arg) => arg.startsWith('--rewrite-check='))?.slice('--rewrite-check='.length) ?? 3000);
  if (args.includes('--only=rewrites')) {
    if (!existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
    writeProbe();
    removeWorkFolders();
    const out = (line = '') => process.stdout.write(`${line}\n`);
    const rewrites = benchRewrites(rewriteSizes, out, incrementalSize);
    writeFileSync(path.join(benchFolder, '.results-rewrites.json'), `${JSON.stringify(rewrites, null, 2)}\n`);
    return;
  }
  const quick = args.includes('--quick');
  const sizesArg = args.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length);
  const [small, large] = (sizesArg ?? (quick ? '100,1000' : '300,3000')).split(',').map(Number) as [number, number];
  if (!existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  writeProbe();
  removeWorkFolders();
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`claimcheck bench: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`);

  const words: Record<number, number> = {};
  for (const count of [small, large]) {
    const started = performance.now();
    words[count] = writeCorpus(count).words;
    out(`corpus-${count}: ${count} articles, ${thousands(words[count]!)} words (generated in ${seconds(performance.now() - started)})`);
  }

  out('\n## Stages (built library, cold, no cache; threads: auto)');
  out('| articles | load | segment+extract | match | judge | render | claims | findings | peak RSS |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const count of [small, large]) {
    const t = stageTimes(count);
    out(
      `| ${count} | ${seconds(t.load!)} | ${seconds(t.extract!)} | ${seconds(t.match!)} | ${seconds(t.judge!)} | ${seconds(t.render!)} | ${thousands(t.claims!)} | ${thousands(t.findings!)} | ${thousands(t.rssMB!)} MB |`,
    );
  }

  out('\n## End to end: `claimcheck export --format json` (spawned, cold: empty cache)');
  out('| articles | wall | articles/s | words/s | peak RSS | output |');
  out('|---:|---:|---:|---:|---:|---:|');
  const cold: Record<number, Run> = {};
  const exportFolders: Record<number, string> = {};
  for (const count of [small, large]) {
    const folder = (exportFolders[count] = workFolder(count, 'export'));
    const run = (cold[count] = runCli(folder, 'cold'));
    out(
      `| ${count} | ${seconds(run.ms)} | ${thousands((count / run.ms) * 1000)} | ${thousands((words[count]! / run.ms) * 1000)} | ${thousands(run.rssMB)} MB | ${(run.stdout.length / 1e6).toFixed(1)} MB |`,
    );
  }
  out(`scaling ${small} → ${large}: time ratio ${(cold[large]!.ms / cold[small]!.ms).toFixed(2)} (target ≤ 11 for 10× the articles)`);

  out(`\n## Incremental: one article added to the ${large}, re-run`);
  const added = generateArticle(large);
  const share = (run: Run, of: Run) => `${((run.ms / of.ms) * 100).toFixed(1)}%`;
  const row = (label: string, run: Run, of: Run) => out(`| ${label} | ${seconds(run.ms)} | ${share(run, of)} | ${thousands(run.rssMB)} MB |`);
  const results: Record<string, unknown> = {};

  // export: the per-source cache (analysis of unchanged sources is reused; matching and judging run again).
  // The cold run above filled its folder's cache: it is the first run here (not the same cold export again).
  {
    const work = exportFolders[large]!;
    const first = cold[large]!;
    const same = runCli(work, 'warm-same');
    writeFileSync(path.join(work, 'corpus', added.name), added.text);
    const warm = runCli(work, 'warm');
    rmSync(path.join(work, CACHE), { recursive: true, force: true });
    const again = runCli(work, 'cold-plus-one');
    const identical = readFileSync(path.join(work, 'warm.json')).equals(readFileSync(path.join(work, 'cold-plus-one.json')));
    out('`claimcheck export --format json` (per-source cache):');
    out('| run | wall | share of cold | peak RSS |');
    out('|---|---:|---:|---:|');
    row(`cold, ${large} articles`, first, first);
    row('warm, nothing changed', same, first);
    row('warm, one article added', warm, first);
    row(`cold, ${large + 1} articles`, again, first);
    out(`warm output byte-identical to a cold run of the same ${large + 1} articles: ${identical ? 'yes' : 'NO'}\n`);
    results.export = { cold: first.ms, same: same.ms, added: warm.ms, share: warm.ms / first.ms, identical };
  }

  // check: the corpus snapshot (only the new article is analysed, matched and judged) and the ledger's parse cache.
  {
    const work = workFolder(large, 'check');
    const check = (label: string, ...flags: string[]) => runCommand(work, label, ['check', ...flags, 'corpus'], [0, 1]);
    const first = check('check-first');
    const recorded = check('update', '--update');
    const same = check('check-same');
    writeFileSync(path.join(work, 'corpus', added.name), added.text);
    const warm = check('check-warm');
    const cold = check('check-cold', '--no-cache');
    const identical = warm.status === cold.status && warm.stdout === cold.stdout;
    out('`claimcheck check` against a ledger of the ' + `${large} (claims/ written by \`check --update\`):`);
    out('| run | wall | share of cold | peak RSS |');
    out('|---|---:|---:|---:|');
    row(`cold (--no-cache), ${large + 1} articles`, cold, cold);
    row(`first run, empty cache (fills it), ${large} articles, no ledger yet`, first, cold);
    row(`check --update, ${large} articles`, recorded, cold);
    row(`warm, nothing changed`, same, cold);
    row(`warm, one article added`, warm, cold);
    out(`warm output (exit ${warm.status}) identical to the cold run's (exit ${cold.status}): ${identical ? 'yes' : 'NO'}`);
    out(`one-article re-check: ${share(warm, cold)} of a cold run (--no-cache), ${share(warm, first)} of a first run filling the cache (target ≤ 10%)`);
    results.check = { cold: cold.ms, first: first.ms, update: recorded.ms, same: same.ms, added: warm.ms, share: warm.ms / cold.ms, identical };
  }

  out('\n## Splitter and extractor alone');
  const splitter = benchSplitter();
  out(`splitter: ${thousands(splitter.wordsPerSecond)} words/s (${thousands(splitter.words)} words in ${splitter.ms.toFixed(0)} ms; target ≥ 1,000,000)`);
  const extract = benchExtract();
  out(`extractor: ${thousands(extract.wordsPerSecond)} words/s (${thousands(extract.words)} words in ${extract.ms.toFixed(0)} ms)`);

  out('\n## Data tables: import and first use in a fresh process (built library; target ≤ 100 ms each)');
  const tables = benchTables();
  for (const [name, ms] of Object.entries(tables)) out(`${name}: import ${ms.import.toFixed(0)} ms, first use ${ms.firstUse.toFixed(0)} ms`);

  const rewrites = benchRewrites(rewriteSizes, out, incrementalSize);

  writeFileSync(
    path.join(benchFolder, 'results.json'),
    `${JSON.stringify(
      {
        node: process.version,
        cores: cpus().length,
        cold: Object.fromEntries(Object.entries(cold).map(([count, run]) => [count, { ms: run.ms, rssMB: run.rssMB, words: words[Number(count)] }])),
        scaling: cold[large]!.ms / cold[small]!.ms,
        incremental: results,
        splitter: splitter.wordsPerSecond,
        extractor: extract.wordsPerSecond,
        tables,
        rewrites,
      },
      null,
      2,
    )}\n`,
  );
}


/**
 * What each data table costs a run: a fresh `node` imports the built module that reads it and uses it
 * once (the word vectors through soft alignment, the WordNet verbs through a verb lookup); the median
 * of three processes, in milliseconds.
 */
function benchTables(): Record<string, { import: number; firstUse: number }> {
  const dist = (file: string) => JSON.stringify(pathToFileURL(path.join(root, 'dist', 'core', 'match', file)).href);
  const scripts: Record<string, string> = {
    'word vectors (soft alignment)': [
      'const t0 = performance.now();',
      `const { softAlignment } = await import(${dist('soft-alignment.js')});`,
      `const { termsOf } = await import(${dist('terms.js')});`,
      'const t1 = performance.now();',
      "softAlignment(termsOf('A strong earthquake struck the coast.'), termsOf('A powerful quake hit the shore.'));",
      'console.log(JSON.stringify({ import: t1 - t0, firstUse: performance.now() - t1 }));',
    ].join('\n'),
    'WordNet verbs (same act)': [
      'const t0 = performance.now();',
      `const { verbLemmas, verbSenses } = await import(${dist('wordnet-verbs.js')});`,
      'const t1 = performance.now();',
      "verbSenses(verbLemmas('apprehended', undefined), 4);",
      'console.log(JSON.stringify({ import: t1 - t0, firstUse: performance.now() - t1 }));',
    ].join('\n'),
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return Object.fromEntries(
    Object.entries(scripts).map(([name, script]) => {
      const runs = [0, 1, 2].map(() => {
        const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
        return JSON.parse(child.stdout.trim()) as { import: number; firstUse: number };
      });
      return [name, { import: median(runs.map((run) => run.import)), firstUse: median(runs.map((run) => run.firstUse)) }];
    }),
  );
}

main();
