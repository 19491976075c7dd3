// Figures of the Dask runner (engines/dask/run.py) next to `claimcheck export`:
// for N generated articles (default 3000; scripts/generate-corpus.ts), the wall
// time and peak RSS of a cold `export --format jsonl` and of the Dask run (a local
// cluster of 2 worker processes; peak RSS of each worker's Python and of the
// largest node stage it ran), and whether both printed the same findings.
// Prints a notice and exits 0 when no python with `distributed` exists.
// Run: npm run build && node --import tsx scripts/bench-dask.ts [N=3000]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { daskPython } from './dask-python.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'bin', 'claimcheck.js');
const count = Number(process.argv[2] ?? 3000);

const python = daskPython();
if (!python) {
  console.log('bench-dask: no python with dask and distributed (apt-get install python3-distributed): skipped');
  process.exit(0);
}

const work = mkdtempSync(path.join(tmpdir(), 'claimcheck-bench-dask-'));
const corpus = path.join(tmpdir(), `claimcheck-corpus-${count}`);
if (!existsSync(corpus) || readdirSync(corpus).length !== count) {
  rmSync(corpus, { recursive: true, force: true });
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'generate-corpus.ts'), String(count), corpus], { cwd: root, stdio: 'inherit' });
}

// export, cold (no cache), with its peak RSS from a probe that writes process.resourceUsage() on exit.
const probe = path.join(work, 'rss-probe.mjs');
writeFileSync(probe, "import { writeFileSync } from 'node:fs';\nconst file = process.env.BENCH_USAGE;\nif (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.resourceUsage())));\n");
const exportOut = path.join(work, 'export.jsonl');
let started = performance.now();
const exported = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, cli, 'export', corpus, '--format', 'jsonl', '--no-cache', '--out', exportOut], {
  cwd: root,
  env: { ...process.env, BENCH_USAGE: path.join(work, 'usage.json') },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const exportSeconds = (performance.now() - started) / 1000;
const exportRss = (JSON.parse(readFileSync(path.join(work, 'usage.json'), 'utf8')) as { maxRSS: number }).maxRSS / 1024;
if (exported.status !== 0) throw new Error(`export failed (${exported.status})`);

const daskOut = path.join(work, 'dask.jsonl');
const statsFile = path.join(work, 'stats.json');
started = performance.now();
const ran = spawnSync(python, [path.join(root, 'engines', 'dask', 'run.py'), corpus, '--out', daskOut, '--stats', statsFile], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const daskSeconds = (performance.now() - started) / 1000;
if (ran.status !== 0) throw new Error(`run.py failed (${ran.status})`);
const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { workers: Record<string, { python: number; node: number }>; phases: Record<string, number>; claims: number; edges: number };

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).sort();
const same = JSON.stringify(lines(exportOut)) === JSON.stringify(lines(daskOut));
console.log(`${count} articles, ${stats.claims} claims, ${stats.edges} edges`);
console.log(`export --format jsonl (cold, --no-cache): ${exportSeconds.toFixed(1)} s, peak RSS ${exportRss.toFixed(0)} MB`);
console.log(`dask run.py (LocalCluster, 2 workers × 1 thread): ${daskSeconds.toFixed(1)} s (${Object.entries(stats.phases).map(([name, s]) => `${name} ${s} s`).join(', ')})`);
for (const [address, rss] of Object.entries(stats.workers)) console.log(`  worker ${address}: peak RSS python ${rss.python} MB, largest node stage ${rss.node} MB`);
console.log(`same findings as export: ${same ? 'yes' : 'NO'}`);
rmSync(work, { recursive: true, force: true });
if (!same) process.exitCode = 1;
