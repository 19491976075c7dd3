// Offline: every within-story pair of claims of different sources of a real-news bench (the pairs
// the story gate lets match), with matchPair's figures and its gold labels (gold recall pair, same
// event), as JSON lines for fitting a within-story rule. usage: node --import tsx scripts/diag-recall-rows.ts CORPUS OUT.jsonl
import fs from 'node:fs';
import path from 'node:path';
import { readSourceFiles } from '../src/engine/files.js';
import { analyzeRead } from '../src/engine/run.js';
import { storyGate } from '../src/core/stories.js';
import { storyProfileOf } from '../src/core/report.js';
import { matchPair } from '../src/core/match/pair.js';
import { FEATURE_NAMES, GramTable } from '../src/core/match/similarity.js';
import { sharedSentenceNames } from '../src/core/match/story-match.js';

const [corpus = 'ecbplus-dev', out = '/tmp/h14/rows.jsonl'] = process.argv.slice(2);
const dir = path.join('/work/shared/bench/real-news', corpus);
interface GoldSentence { line: number; text: string; events: string[]; entities: string[] }
const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as { sources: Record<string, { event: string; sentences: GoldSentence[] }> };
const norm = (s: string) => s.normalize('NFKC').replace(/[\u2018\u2019\u201b`]/g, "'").replace(/[\u201c\u201d\u201e]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
const loaded = await analyzeRead(await readSourceFiles([dir], process.cwd()), {});
const claims = loaded.analyses.flatMap((a) => a.claims);
const profiles = loaded.analyses.flatMap((a) => a.profiles);
const sameStory = storyGate(loaded.sources.map(storyProfileOf));
const relOf = new Map(loaded.sources.map((s) => [s.id, path.relative(dir, path.resolve(s.path)).split(path.sep).join('/')]));
const goldOf = claims.map((c) => {
  const rel = relOf.get(c.sentence.source)!;
  const t = norm(c.sentence.plain);
  const g = gold.sources[rel]?.sentences.find((x) => { const n = norm(x.text); return n.includes(t) || t.includes(n); });
  return { event: gold.sources[rel]?.event ?? '?', g };
});
const byStory = new Map<string, number[]>();
claims.forEach((c, i) => { const s = sameStory.storyOf(c.sentence.source) ?? c.sentence.source; if (!byStory.has(s)) byStory.set(s, []); byStory.get(s)!.push(i); });
const fd = fs.openSync(out, 'w');
const table = new GramTable();
const F = (n: string) => FEATURE_NAMES.indexOf(n as never);
let n = 0;
for (const members of byStory.values()) for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) {
  const [i, j] = [members[x]!, members[y]!];
  if (claims[i]!.sentence.source === claims[j]!.sentence.source) continue;
  const pm = matchPair(profiles[i]!, profiles[j]!, undefined, table);
  const [a, b] = [goldOf[i]!, goldOf[j]!];
  const ev = a.g && b.g ? a.g.events.filter((e) => b.g!.events.includes(e)).length : 0;
  const goldPair = a.event === b.event && a.g && b.g && ((ev >= 1 && a.g.entities.some((e) => b.g!.entities.includes(e))) || ev >= 2);
  const row = { i, j, same: a.event === b.event, gold: !!goldPair, chain: ev > 0, p: +pm.probability.toFixed(3), soft: +(pm.features[F('softMin')] ?? 0).toFixed(3), cos: +(pm.features[F('meanCosine')] ?? 0).toFixed(3), id: pm.identity.score, diff: pm.identity.different, names: sharedSentenceNames(profiles[i]!.identity.sentence, profiles[j]!.identity.sentence), reason: pm.reason, cov: +Math.min(pm.overlap.coverageA, pm.overlap.coverageB).toFixed(3), shared: +pm.overlap.shared.toFixed(1), f: pm.features.map((v) => +v.toFixed(3)) };
  fs.writeSync(fd, JSON.stringify(row) + '\n');
  n++;
}
fs.closeSync(fd);
console.log(`${n} rows; features ${FEATURE_NAMES.join(',')}`);
