// Offline: how well storiesOf (src/core/stories.ts) recovers the gold events of the real-news
// benches. Reads ../shared/bench/real-news (outside the project); exits 0 when it is absent.
// usage: node --import tsx scripts/eval-stories.ts [termThreshold]
import fs from 'node:fs';
import path from 'node:path';
import { loadSources } from '../src/engine/files.js';
import { storiesOf } from '../src/core/stories.js';

const bench = path.resolve(import.meta.dirname, '../../shared/bench/real-news');
const benchAlt = '/work/shared/bench/real-news';
const root = fs.existsSync(bench) ? bench : fs.existsSync(benchAlt) ? benchAlt : undefined;
if (!root) {
  console.log('no ../shared/bench/real-news here: nothing to measure');
  process.exit(0);
}
const threshold = process.argv[2] ? Number(process.argv[2]) : undefined;

for (const corpus of ['ecbplus-dev', 'gvc-dev']) {
  const dir = path.join(root, corpus);
  if (!fs.existsSync(dir)) continue;
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as { sources: Record<string, { event: string; topic?: string }> };
  const { sources } = await loadSources([dir]);
  const eventOf = new Map<string, string>();
  const topicOf = new Map<string, string>();
  for (const source of sources) {
    const rel = path.relative(dir, source.path.startsWith('/') ? source.path : path.resolve(source.path)).split(path.sep).join('/');
    const entry = gold.sources[rel];
    if (!entry) continue;
    eventOf.set(source.id, entry.event);
    topicOf.set(source.id, entry.topic ?? entry.event);
  }
  const input = sources
    .filter((source) => eventOf.has(source.id))
    .map((source) => ({
      id: source.id,
      ...(source.meta.title ? { title: source.meta.title } : {}),
      paragraphs: source.blocks.filter((block) => !block.boilerplate && block.kind !== 'tableCell').map((block) => block.text),
      ...(source.meta.published ? { published: source.meta.published } : {}),
    }));
  const started = performance.now();
  const stories = storiesOf(input, threshold === undefined ? {} : { termThreshold: threshold });
  const ms = performance.now() - started;
  for (const [label, of] of [['event', eventOf], ['topic', topicOf]] as const) {
    // Pairwise precision / recall of "same story" against "same gold event (topic)".
    let predicted = 0, correct = 0, goldPairs = 0;
    const storyOf = new Map<string, number>();
    stories.forEach((story, k) => story.forEach((id) => storyOf.set(id, k)));
    for (let i = 0; i < input.length; i++) for (let j = i + 1; j < input.length; j++) {
      const a = input[i]!.id, b = input[j]!.id;
      const same = of.get(a) === of.get(b);
      const together = storyOf.get(a) === storyOf.get(b);
      if (same) goldPairs++;
      if (together) predicted++;
      if (same && together) correct++;
    }
    const pure = stories.filter((story) => new Set(story.map((id) => of.get(id))).size === 1).length;
    const pct = (x: number, y: number) => (y ? `${((100 * x) / y).toFixed(1)}%` : 'n/a');
    console.log(
      `${corpus} vs gold ${label}s (${new Set(of.values()).size}): ${input.length} sources → ${stories.length} stories (${pure} pure); ` +
        `pair precision ${pct(correct, predicted)} (${correct}/${predicted}), pair recall ${pct(correct, goldPairs)} (${correct}/${goldPairs})`,
    );
  }
  console.log(`  ${ms.toFixed(0)} ms`);
}
