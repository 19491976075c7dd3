// Why verbatim copies miss: a folder → the sentences printed word for word by two or
// more outlets whose claims do not all land in one cluster, each classified by the
// first stage that keeps a pair of its copies in different clusters apart (story gate,
// blocking, identity, the match rules, average linkage), with counts and examples.
// Run: node --import tsx scripts/verbatim-misses.ts FOLDER [--examples N] [--kind KIND]

import { loadSources } from '../src/engine/files.js';
import { analyzeAll } from '../src/engine/run.js';
import { storyProfileOf } from '../src/core/report.js';
import { storyGate } from '../src/core/stories.js';
import { cluster, matchPair, resolveClusterOptions, GramTable } from '../src/core/match/index.js';
import { buildBlocking, blockScopeOf, copyTermsOf, isCopyPair, pairsTouching, storyGateOf } from '../src/core/match/blocking.js';

const folder = process.argv[2]!;
const examples = process.argv.includes('--examples') ? Number(process.argv[process.argv.indexOf('--examples') + 1]) : 5;
const onlyKind = process.argv.includes('--kind') ? process.argv[process.argv.indexOf('--kind') + 1] : undefined;

const { sources } = await loadSources([folder]);
const analyses = await analyzeAll(sources, { cache: '/tmp/h15verb-cache' });
const claims = analyses.flatMap((a) => a.claims);
const profiles = analyses.flatMap((a) => a.profiles);
const outletOf = new Map(sources.map((s) => [s.id, s.meta.outlet]));
const sourceOf = claims.map((c) => c.sentence.source);
const sameStory = storyGate(sources.map(storyProfileOf));
const options = resolveClusterOptions({});
const input = { sourceOf, claimAt: (i: number) => claims[i]!, profileAt: (i: number) => profiles[i]!, sameStory };
const result = cluster(input, options, undefined, { related: false });
const clusterOf = new Int32Array(claims.length).fill(-1);
result.made.forEach((made, k) => made.members.forEach((m) => (clusterOf[m] = k)));

// Copies: claims by whitespace-normalised sentence text, with two or more outlets.
const byText = new Map<string, number[]>();
claims.forEach((claim, i) => {
  const text = claim.sentence.text.replace(/\s+/g, ' ').trim();
  let list = byText.get(text);
  if (!list) byText.set(text, (list = []));
  list.push(i);
});
const groups = [...byText.entries()].filter(([, list]) => new Set(list.map((i) => outletOf.get(sourceOf[i]!))).size >= 2);
const missed = groups.filter(([, list]) => new Set(list.map((i) => clusterOf[i])).size > 1);

// Candidate pairs among the missed copies' claims.
const inMissed = new Set(missed.flatMap(([, list]) => list));
const scope = blockScopeOf(sourceOf, sameStory);
const blocking = buildBlocking(profiles, options, scope);
const candidates = new Set<string>();
for (const [i, j] of pairsTouching(blocking, sourceOf, options, inMissed, input.profileAt, scope)) if (inMissed.has(i) && inMissed.has(j)) candidates.add(`${i} ${j}`);
const gate = storyGateOf(sourceOf, sameStory, input.profileAt, options)!;
const table = new GramTable();

const kinds = new Map<string, [string, string][]>();
for (const [text, list] of missed) {
  // The pairs of copies (different sources) in different clusters: the kind of the group is the first stage that fails for them.
  const found = new Set<string>();
  const notes: string[] = [];
  for (const i of list) for (const j of list) {
    if (i >= j || sourceOf[i] === sourceOf[j] || clusterOf[i] === clusterOf[j]) continue;
    const pair = matchPair(profiles[i]!, profiles[j]!, options.model, table);
    const g = gate(i, j);
    const candidate = candidates.has(`${i} ${j}`);
    const story = sameStory(sourceOf[i]!, sourceOf[j]!);
    const scoped = scope?.(i) === scope?.(j);
    let kind: string;
    if (g === 'closed') kind = `gate closed (${scoped ? 'same' : 'other'} story component)`;
    else if (g === 'identity' && !(pair.identity.score > 0)) kind = 'gate near: identity not positive';
    else if (!candidate) kind = `not a candidate (${scoped ? 'same' : 'other'} scope)`;
    else if (pair.identity.different) kind = 'identity different';
    else if (!pair.reason) kind = 'no match reason';
    else kind = 'confident, not merged (linkage)';
    found.add(kind);
    const ct = copyTermsOf(profiles[i]!, options);
    notes.push(
      `    ${sourceOf[i]} [c${clusterOf[i]} n${result.made[clusterOf[i]!]!.members.length}] ~ ${sourceOf[j]} [c${clusterOf[j]} n${result.made[clusterOf[j]!]!.members.length}]: ${kind}; story=${story} gate=${g} cand=${candidate} copy=${isCopyPair(ct, copyTermsOf(profiles[j]!, options), options)} w=${ct.total.toFixed(1)} p=${pair.probability.toFixed(2)} id=${pair.identity.score}${pair.identity.different ? ' different: ' + pair.identity.reason : ''} reason=${pair.reason}`,
    );
  }
  const kind = [...found].sort().join(' + ') || 'same source only';
  let list2 = kinds.get(kind);
  if (!list2) kinds.set(kind, (list2 = []));
  list2.push([text, notes.slice(0, 6).join('\n')]);
}

console.log(`verbatim copies ${groups.length}, missed ${missed.length} (${((100 * (groups.length - missed.length)) / groups.length).toFixed(1)}% together)`);
for (const [kind, list] of [...kinds.entries()].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`\n## ${list.length} ${kind}`);
  if (onlyKind && !kind.includes(onlyKind)) continue;
  for (const [text, notes] of list.slice(0, examples)) console.log(`- ${text.slice(0, 200)}\n${notes}`);
}
