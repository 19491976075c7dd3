// Offline diagnostic: why gold sentence pairs of the real-news benches (../shared/bench/real-news,
// development halves) are not in one cluster. For each gold pair of the recall proxy (as score.mjs
// defines it) whose sentences both became claims: found (one cluster), other story (the story gate
// keeps them apart, or lets them match only on agreeing identities), or within one story: rejected
// by matchPair (identities differ, or no rule), never a candidate (matchPair would link them but
// blocking never proposed them), or matched but split by clustering. Prints counts and a sample.
// usage: node --import tsx scripts/diag-recall.ts [corpus] [--sample N]
// (--cross: print each cross-event multi-outlet cluster; --dump: each gold pair's bucket, one line each; --verb-pairs: the verbs of 'no same verb' pairs whose acts share a name in one role, one line `VP a / b` each)
import fs from 'node:fs';
import path from 'node:path';
import { readSourceFiles } from '../src/engine/files.js';
import { analyzeRead } from '../src/engine/run.js';
import { storyGate } from '../src/core/stories.js';
import { storyProfileOf } from '../src/core/report.js';
import { cluster } from '../src/core/match/cluster.js';
import { resolveClusterOptions } from '../src/core/match/options.js';
import { matchPair } from '../src/core/match/pair.js';
import { FEATURE_NAMES } from '../src/core/match/similarity.js';
import { sharedSentenceNames, STORY_MATCH } from '../src/core/match/story-match.js';
import { actsOf, SAME_ACT, sameVerb, sharedAct, speakersOf } from '../src/core/match/same-act.js';
import { peopleAgree } from '../src/core/match/identity.js';

const args = process.argv.slice(2);
const corpus = args.find((a) => !a.startsWith('--')) ?? 'ecbplus-dev';
const sampleAt = args.indexOf('--sample');
const sample = sampleAt >= 0 ? Number(args[sampleAt + 1]) : 25;
const dir = path.join('/work/shared/bench/real-news', corpus);
// --set key=value: try other thresholds of the story paraphrase rule (src/data/match-story.json).
args.forEach((a, k) => {
  if (a !== '--set') return;
  const [key, value] = args[k + 1]!.split('=');
  Object.assign(STORY_MATCH, { [key!]: Number(value) });
});
// --act key=value: try other settings of the same-act rule (src/data/match-act.json; numbers, or true/false).
args.forEach((a, k) => {
  if (a !== '--act') return;
  const [key, value] = args[k + 1]!.split('=');
  Object.assign(SAME_ACT, { [key!]: value === 'true' ? true : value === 'false' ? false : Number(value) });
});
/** Which conditions of the same-act rule a pair fails (all of them), for the count of pairs failing only one. */
const aloneMiss = new Map<string, number>();
function failsOfSameAct(i: number, j: number, pm: ReturnType<typeof matchPair>): string[] {
  const [a, b] = [profiles[i]!, profiles[j]!];
  const fails: string[] = [];
  if (pm.identity.score < SAME_ACT.minIdentityScore) fails.push('identity score low');
  if ((pm.features[FEATURE_NAMES.indexOf('softMin')] ?? 0) < SAME_ACT.minSoftMin) fails.push('soft alignment low');
  if (!peopleAgree(a.identity, b.identity, speakersOf(a), speakersOf(b))) fails.push('people differ');
  const [x, y] = [actsOf(a), actsOf(b)];
  if (x.length === 0 || y.length === 0) fails.push('no act');
  else {
    const same = x.flatMap((u) => y.filter((v) => sameVerb(u, v)).map((v) => [u, v] as const));
    if (same.length === 0) fails.push('no same verb');
    else if (same.every(([u, v]) => u.agents.length + u.patients.length === 0 || v.agents.length + v.patients.length === 0)) fails.push('same verb, no named argument');
    else if (!sharedAct(a, b)) fails.push('same verb, no shared role');
  }
  return fails;
}
/** Which condition of the same-act rule a pair fails first (same-act.ts). */
const actMiss = new Map<string, number>();
const actExamples = new Map<string, string[]>();
function whyNotSameAct(i: number, j: number, pm: ReturnType<typeof matchPair>): string {
  const [a, b] = [profiles[i]!, profiles[j]!];
  if (pm.identity.score < SAME_ACT.minIdentityScore) return 'identity score low';
  if ((pm.features[FEATURE_NAMES.indexOf('softMin')] ?? 0) < SAME_ACT.minSoftMin) return 'soft alignment low';
  if (!peopleAgree(a.identity, b.identity, speakersOf(a), speakersOf(b))) return 'people differ';
  const [x, y] = [actsOf(a), actsOf(b)];
  if (x.length === 0 || y.length === 0) return 'no act';
  const same = x.flatMap((u) => y.filter((v) => sameVerb(u, v)).map((v) => [u, v] as const));
  if (same.length === 0) return 'no same verb';
  if (same.every(([u, v]) => u.agents.length + u.patients.length === 0 || v.agents.length + v.patients.length === 0)) return 'same verb, no named argument';
  return 'same verb, no shared role';
}

interface GoldSentence { line: number; text: string; events: string[]; entities: string[] }
const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as { sources: Record<string, { event: string; sentences: GoldSentence[] }> };
const norm = (s: string) => s.normalize('NFKC').replace(/[\u2018\u2019\u201b`]/g, "'").replace(/[\u201c\u201d\u201e]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

const read = await readSourceFiles([dir], process.cwd());
const loaded = await analyzeRead(read, {});
const claims = loaded.analyses.flatMap((a) => a.claims);
const profiles = loaded.analyses.flatMap((a) => a.profiles);
const sameStory = storyGate(loaded.sources.map(storyProfileOf));
const input = { sourceOf: claims.map((c) => c.sentence.source), claimAt: (i: number) => claims[i]!, profileAt: (i: number) => profiles[i]!, sameStory };
// --opt key=value: other clustering options (src/core/match/options.ts).
const clusterOptions: Record<string, number> = {};
args.forEach((a, k) => {
  if (a !== '--opt') return;
  const [key, value] = args[k + 1]!.split('=');
  clusterOptions[key!] = Number(value);
});
const result = cluster(input, resolveClusterOptions(clusterOptions));
const clusterOf = new Map<number, number>();
result.made.forEach((made, k) => made.members.forEach((m) => clusterOf.set(m, k)));
const edgeOf = new Map<string, boolean>();
for (const e of result.state.edges) edgeOf.set(`${Math.min(e.i, e.j)}|${Math.max(e.i, e.j)}`, e.confident);

// Claim of each gold sentence: by source file and text containment.
const relOf = new Map(loaded.sources.map((s) => [s.id, path.relative(dir, path.resolve(s.path)).split(path.sep).join('/')]));
const claimsOfRel = new Map<string, number[]>();
claims.forEach((c, i) => {
  const rel = relOf.get(c.sentence.source)!;
  if (!claimsOfRel.has(rel)) claimsOfRel.set(rel, []);
  claimsOfRel.get(rel)!.push(i);
});
interface GS extends GoldSentence { rel: string; event: string; claim?: number }
const list: GS[] = [];
for (const [rel, s] of Object.entries(gold.sources)) {
  for (const x of s.sentences) {
    const t = norm(x.text);
    const claim = (claimsOfRel.get(rel) ?? []).find((i) => { const c = norm(claims[i]!.sentence.plain); return c.includes(t) || t.includes(c); });
    list.push({ ...x, rel, event: s.event, ...(claim !== undefined ? { claim } : {}) });
  }
}
const pairs = new Map<string, [GS, GS]>();
const byChain = new Map<string, GS[]>();
for (const s of list) for (const ch of s.events) { const k = `${s.event}|${ch}`; if (!byChain.has(k)) byChain.set(k, []); byChain.get(k)!.push(s); }
for (const l of byChain.values()) for (let i = 0; i < l.length; i++) for (let j = i + 1; j < l.length; j++) {
  const [a, b] = [l[i]!, l[j]!];
  if (a.rel === b.rel) continue;
  const key = [`${a.rel}:${a.line}`, `${b.rel}:${b.line}`].sort().join('|');
  if (pairs.has(key)) continue;
  const ev = a.events.filter((e) => b.events.includes(e)).length;
  if ((ev >= 1 && a.entities.some((e) => b.entities.includes(e))) || ev >= 2) pairs.set(key, [a, b]);
}
const counts = new Map<string, number>();
const examples = new Map<string, string[]>();
const SOFT = FEATURE_NAMES.indexOf('softMin'), COS = FEATURE_NAMES.indexOf('meanCosine');
for (const [a, b] of pairs.values()) {
  let why: string;
  let detail = '';
  if (a.claim === undefined || b.claim === undefined) why = 'not both claims';
  else {
    const [i, j] = [Math.min(a.claim, b.claim), Math.max(a.claim, b.claim)];
    const found = clusterOf.get(i) !== undefined && clusterOf.get(i) === clusterOf.get(j);
    const rel = sameStory(input.sourceOf[i]!, input.sourceOf[j]!);
    const pm = matchPair(profiles[i]!, profiles[j]!);
    detail = `p=${pm.probability.toFixed(2)} soft=${(pm.features[SOFT] ?? 0).toFixed(2)} cos=${(pm.features[COS] ?? 0).toFixed(2)} id=${pm.identity.score} names=${sharedSentenceNames(profiles[i]!.identity.sentence, profiles[j]!.identity.sentence)} reason=${pm.reason} ${pm.identity.different ? 'DIFF:' + JSON.stringify(pm.identity).slice(0, 160) : ''}`;
    if (found) why = 'found';
    else if (rel === false) why = sameStory.storyOf(input.sourceOf[i]!) === sameStory.storyOf(input.sourceOf[j]!) ? 'other story (one story component)' : 'other story';
    else if (pm.identity.different) why = `${rel === 'near' ? 'near story, ' : ''}identity differs`;
    else if (!pm.reason) {
      why = `${rel === 'near' ? 'near story, ' : ''}no rule`;
      const miss = whyNotSameAct(i, j, pm);
      const fails = failsOfSameAct(i, j, pm);
      const alone = fails.length === 1 ? fails[0]! : fails.length === 0 ? '(none)' : fails.length === 2 ? fails.join(' + ') : `${fails.length} conditions`;
      aloneMiss.set(alone, (aloneMiss.get(alone) ?? 0) + 1);
      if (args.includes('--verb-pairs') && alone === 'no same verb') for (const u of actsOf(profiles[i]!)) for (const v of actsOf(profiles[j]!)) if (u.agents.some((n) => v.agents.includes(n)) || u.patients.some((n) => v.patients.includes(n))) console.log(`VP ${[u.lemmas[0] ?? u.word, v.lemmas[0] ?? v.word].sort().join(' / ')}`);
      actMiss.set(miss, (actMiss.get(miss) ?? 0) + 1);
      if (!actExamples.has(miss)) actExamples.set(miss, []);
      actExamples.get(miss)!.push(`${JSON.stringify(actsOf(profiles[i]!))} | ${JSON.stringify(actsOf(profiles[j]!))}\n    A ${a.text}\n    B ${b.text}`);
    }
    else if (!edgeOf.has(`${i}|${j}`)) why = `${rel === 'near' ? 'near story, ' : ''}never a candidate`;
    else why = `${rel === 'near' ? 'near story, ' : ''}split by clustering`;
  }
  counts.set(why, (counts.get(why) ?? 0) + 1);
  // --dump: one line per gold pair, `WHY <bucket> <A> | <B>`, to compare two settings' runs line by line.
  if (args.includes('--dump')) console.log(`WHY ${why}\t${a.rel}:${a.line} ${a.text}\t${b.rel}:${b.line} ${b.text}`);
  if (!examples.has(why)) examples.set(why, []);
  examples.get(why)!.push(`${detail}\n    A ${a.text}\n    B ${b.text}`);
}
// Cluster-level precision as score.mjs counts it: mention pairs of one cluster from different sources of one event.
const eventOfClaim = new Map<number, string>();
for (const s of list) if (s.claim !== undefined) eventOfClaim.set(s.claim, s.event);
const srcEvent = new Map(Object.entries(gold.sources).map(([rel, s]) => [rel, s.event]));
let clusterPairs = 0, sameEventPairs = 0, crossEvent = 0;
for (const made of result.made) {
  const m = made.members;
  if (new Set(m.map((i) => input.sourceOf[i])).size < 2) continue;
  const events = new Set(m.map((i) => srcEvent.get(relOf.get(input.sourceOf[i]!)!)));
  if (events.size > 1 && new Set(m.map((i) => claims[i]!.outlet)).size > 1) {
    crossEvent++;
    // --cross: print the members of each cross-event multi-outlet cluster.
    if (args.includes('--cross')) console.log(`CROSS\n${m.map((i) => `    ${relOf.get(input.sourceOf[i]!)} ${claims[i]!.sentence.plain.slice(0, 150)}`).join('\n')}`);
  }
  for (let x = 0; x < m.length; x++) for (let y = x + 1; y < m.length; y++) {
    if (input.sourceOf[m[x]!] === input.sourceOf[m[y]!]) continue;
    clusterPairs++;
    if (srcEvent.get(relOf.get(input.sourceOf[m[x]!]!)!) === srcEvent.get(relOf.get(input.sourceOf[m[y]!]!)!)) sameEventPairs++;
  }
}
console.log(`${corpus}: ${pairs.size} gold pairs; story rule ${JSON.stringify(STORY_MATCH)}`);
console.log(`  cross-event multi-outlet clusters ${crossEvent}; cluster pairs ${clusterPairs}, same event ${((100 * sameEventPairs) / clusterPairs).toFixed(1)}%`);
for (const [why, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${why}: ${n}`);
console.log('  no rule, why not the same act:');
for (const [why, n] of [...actMiss].sort((x, y) => y[1] - x[1])) console.log(`    ${why}: ${n}`);
console.log('  no rule, the only same-act condition failed:');
for (const [why, n] of [...aloneMiss].sort((x, y) => y[1] - x[1])) console.log(`    ${why}: ${n}`);
for (const [why, ex] of actExamples) {
  if (sample === 0) break;
  console.log(`\n== same act: ${why}`);
  for (let k = 0; k < Math.min(sample, ex.length); k++) console.log(`  ${ex[Math.floor((k * ex.length) / Math.min(sample, ex.length))]}`);
}
for (const [why, ex] of examples) {
  if (why === 'found' || why === 'not both claims') continue;
  console.log(`\n== ${why}`);
  for (let k = 0; k < Math.min(sample, ex.length); k++) console.log(`  ${ex[Math.floor((k * ex.length) / Math.min(sample, ex.length))]}`);
}
