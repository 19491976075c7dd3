// Offline diagnostic: the story relation (src/core/stories.ts storyRelation) pair by pair against the gold events of
// the real-news benches (../shared/bench/real-news, development halves): of source pairs of one gold event the relation
// keeps apart, which test keeps them apart (dates, people, leads, words), weighted by the gold sentence pairs they hold;
// and of pairs of two events it links, how many.
// usage: node --import tsx scripts/diag-story-pairs.ts [corpus] [--sample N]
import fs from 'node:fs';
import path from 'node:path';
import { loadSources } from '../src/engine/files.js';
import { leadsDiffer, storyProfile, storyRelation, termSimilarity, shareCoreName } from '../src/core/stories.js';

const args = process.argv.slice(2);
const corpus = args.find((a) => !a.startsWith('--')) ?? 'ecbplus-dev';
const sampleAt = args.indexOf('--sample');
const sample = sampleAt >= 0 ? Number(args[sampleAt + 1]) : 10;
const dir = path.join('/work/shared/bench/real-news', corpus);
const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as { sources: Record<string, { event: string; topic?: string; sentences: { events: string[] }[] }> };
const { sources } = await loadSources([dir]);
const rows = sources.flatMap((source) => {
  const rel = path.relative(dir, path.resolve(source.path)).split(path.sep).join('/');
  const entry = gold.sources[rel];
  if (!entry) return [];
  const profile = storyProfile({
    id: source.id,
    ...(source.meta.title ? { title: source.meta.title } : {}),
    paragraphs: source.blocks.filter((block) => !block.boilerplate && block.kind !== 'tableCell').map((block) => block.text),
    ...(source.meta.published ? { published: source.meta.published } : {}),
  });
  return [{ rel, entry, profile, n: entry.sentences.filter((s) => s.events.length > 0).length }];
});
const why = new Map<string, { pairs: number; weight: number; ex: string[] }>();
let linkedWrong = 0, linkedRight = 0;
const count = (w: string, weight: number, ex: string) => {
  const k = why.get(w) ?? { pairs: 0, weight: 0, ex: [] };
  k.pairs++; k.weight += weight; k.ex.push(ex);
  why.set(w, k);
};
const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j++) {
  const [a, b] = [rows[i]!, rows[j]!];
  const same = a.entry.event === b.entry.event;
  const r = storyRelation(a.profile, b.profile);
  if (r === true) { if (same) linkedRight++; else linkedWrong++; continue; }
  if (!same) continue;
  const [x, y] = [a.profile, b.profile];
  const shared = (p: readonly string[], q: readonly string[]) => p.some((v) => q.includes(v));
  let w: string;
  if (x.published && y.published && days(x.published, y.published) > 45) w = 'dates apart';
  else if (x.core.people.length > 0 && y.core.people.length > 0 && !shared(x.core.people, y.core.people)) w = 'core people differ';
  else if (leadsDiffer(x, y)) w = 'leads differ';
  else if (!shareCoreName(x, y)) w = 'no core name shared';
  else w = 'words not alike';
  const detail = `${a.rel} / ${b.rel} sim=${termSimilarity(x, y).toFixed(2)} people=${x.core.people.join(',')}|${y.core.people.join(',')} lead=${(x.leadPeople ?? []).join(',')}|${(y.leadPeople ?? []).join(',')} names=${[...x.core.places, ...x.core.orgs, ...x.core.names].slice(0, 6).join(',')}|${[...y.core.places, ...y.core.orgs, ...y.core.names].slice(0, 6).join(',')} dates=${x.published}|${y.published}\n    ${x.label}\n    ${y.label}`;
  count(w, a.n * b.n, detail);
}
console.log(`${corpus}: linked pairs of one event ${linkedRight}, of two events ${linkedWrong}`);
for (const [w, k] of [...why].sort((p, q) => q[1].weight - p[1].weight)) {
  console.log(`  ${w}: ${k.pairs} source pairs (weight ${k.weight})`);
  for (let s = 0; s < Math.min(sample, k.ex.length); s++) console.log(`    ${k.ex[Math.floor((s * k.ex.length) / Math.min(sample, k.ex.length))]}`);
}
