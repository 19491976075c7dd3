// Memory at each stage of a cold export (no cache): takes a corpus folder, prints
// the live heap (after a full GC), external memory and RSS after reading, analysing,
// story profiles, clustering, judging, the report and rendering JSON.
// Run: node --expose-gc --import tsx scripts/mem-stages.ts <folder>

import { readSourceFiles } from '../src/engine/files.js';
import { analyzeRead } from '../src/engine/run.js';
import { judgeClusters, reportAndState, storyProfileOf } from '../src/core/report.js';
import { cluster, resolveClusterOptions } from '../src/core/match/index.js';
import { storyGate, storySummaries } from '../src/core/stories.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node --expose-gc --import tsx scripts/mem-stages.ts <folder>');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
const started = process.hrtime.bigint();
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
function stage(name: string): void {
  const before = process.memoryUsage();
  gc?.();
  const after = process.memoryUsage();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  peak = Math.max(peak, before.rss);
  const stagePeak = peak;
  peak = after.rss;
  console.error(
    `${name.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s  heap ${mb(before.heapUsed).padStart(8)} → live ${mb(after.heapUsed).padStart(8)}  external ${mb(after.external + after.arrayBuffers).padStart(7)}  rss ${mb(after.rss).padStart(8)}  stage peak ${mb(stagePeak)}`,
  );
}

stage('start');
const read = await readSourceFiles([folder], process.cwd());
stage('read');
const loaded = await analyzeRead(read, { cache: false });
stage('analysed');
if (process.env.MEM_STAGES_SPLIT) {
  const claims = loaded.analyses.flatMap((analysis) => analysis.claims);
  const profiles = loaded.analyses.flatMap((analysis) => analysis.profiles);
  const storyProfiles = loaded.sources.map(storyProfileOf);
  stage('stories');
  const input = { sourceOf: claims.map((claim) => claim.sentence.source), claimAt: (i: number) => claims[i]!, profileAt: (i: number) => profiles[i]!, sameStory: storyGate(storyProfiles) };
  const { made } = cluster(input, resolveClusterOptions({}));
  stage('cluster');
  const findings = judgeClusters(made, new Map(loaded.sources.map((source) => [source.id, source.path])), () => false);
  stage('judge');
  const summaries = storySummaries(storyProfiles);
  stage('storySummaries');
  console.error(findings.length, summaries.length);
}
const { report, state } = reportAndState(loaded.sources, loaded.analyses, loaded.diagnostics, {});
stage('report');
const { EXPORT_FORMATS, DEFAULT_RENDER_OPTIONS } = await import('../src/render/index.js');
let bytes = 0;
for (const chunk of EXPORT_FORMATS.json(report, { ...DEFAULT_RENDER_OPTIONS, reviews: new Map(), reviewDate: '2026-01-01' })) {
  bytes += chunk.length;
  if (bytes % 65536 < chunk.length) peak = Math.max(peak, process.memoryUsage.rss());
}
console.error(`json ${bytes} chars`);
stage('end');
clearInterval(timer);
console.error(`claims ${state.claims.length}, findings ${report.claims.length}, edges ${state.clustering.edges.length}`);
