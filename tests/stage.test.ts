// The stages of a distributed run (src/engine/stage.ts), driven in-process the
// way engines/dask/run.py drives them: blocks give exactly the candidate pairs of
// the full blocking index, each from one block, and analyze → plan → pairs →
// judge per component → finish prints exactly what `export --format jsonl` prints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../scripts/generate-corpus.js';
import { buildBlocking, pairsTouching } from '../src/core/match/blocking.js';
import { blockKeysOf, blockPairs, type BlockClaim } from '../src/core/match/blocks.js';
import { resolveClusterOptions } from '../src/core/match/options.js';
import { analyzeSource, buildReport } from '../src/core/report.js';
import { analyzeStage, finishStage, judgeStage, listStage, pairsStage, planStage, storyRelationOf, type BlockClaimRecord, type EdgeRecord, type JudgeClaimRecord, type LinkedRecord } from '../src/engine/stage.js';
import { loadSources } from '../src/engine/files.js';
import { renderJsonl } from '../src/render/json.js';
import { escapedJson } from '../src/render/sanitize.js';

const root = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'claimcheck-stage-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const options = resolveClusterOptions();

const corpora: [string, () => string][] = [
  ['the project sources', () => 'sources'],
  ['60 generated articles', () => writeCorpus(60, path.join(scratch, 'corpus-60')).folder],
];

/** Group items by a string key. */
function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keyOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** The whole distributed pipeline, in-process: what run.py does with Dask. */
async function stagedJsonl(folder: string): Promise<string> {
  const { files } = await listStage([folder], root);
  const analyzed = files.map((file) => analyzeStage(file, root, undefined));
  const usable = analyzed.filter((record) => record.id !== null);
  const plan = planStage(usable.map((r) => ({ path: r.path, id: r.id!, outlet: r.outlet!, prose: r.prose!, claims: r.claims!.length, story: r.story! })));
  // The plan's story profiles travel as JSON (a file the runner writes), as in run.py.
  const sameStory = storyRelationOf(JSON.parse(JSON.stringify(plan.stories)) as typeof plan.stories);
  const byPath = new Map(usable.map((r) => [r.path, r]));
  const claims: (JudgeClaimRecord & { terms: readonly string[]; copies: readonly string[] })[] = [];
  for (const kept of plan.sources) {
    const record = kept.id === byPath.get(kept.path)!.id ? byPath.get(kept.path)! : analyzeStage(kept.path, root, kept.id);
    record.claims!.forEach((claim, k) =>
      claims.push({ index: claims.length, source: kept.id, path: kept.path, claim, profile: record.profiles![k]!, capped: [], ...record.keys![k]! }),
    );
  }
  // Blocking terms are counted per story (the plan's `storyOf`), as export counts them.
  const counts = new Map<string, number>();
  const keyOf = (claim: { source: string }, term: string) => `${plan.storyOf[claim.source] ?? ''}\u0000${term}`;
  for (const claim of claims) for (const term of claim.terms) counts.set(keyOf(claim, term), (counts.get(keyOf(claim, term)) ?? 0) + 1);
  for (const claim of claims) (claim as { capped: readonly string[] }).capped = claim.terms.filter((term) => counts.get(keyOf(claim, term))! <= plan.maxPostings);
  const blocks = groupBy(claims, (claim) => [...claim.capped.map((t) => `terms\u0000${t}`), ...claim.copies.map((t) => `copies\u0000${t}`)]);
  const edges: EdgeRecord[] = [];
  for (const [key, members] of blocks) {
    const [kind, term] = key.split('\u0000') as ['terms' | 'copies', string];
    edges.push(...pairsStage({ kind, term, claims: members.map((c): BlockClaimRecord => ({ index: c.index, source: c.source, profile: c.profile, capped: c.capped })) }, undefined, sameStory));
  }
  const parent = claims.map((_, k) => k);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const [i, j, , confident] of edges) if (confident) parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
  const edgesOf = groupBy(edges, ([i, j]) => [...new Set([String(find(i)), String(find(j))])]);
  const judged = [...groupBy(claims, (claim) => [String(find(claim.index))])].flatMap(([rootKey, members]) => {
    const mine = edgesOf.get(rootKey) ?? [];
    const outside = Object.fromEntries(
      mine.flatMap(([i, j]) => [i, j]).filter((k) => String(find(k)) !== rootKey).map((k) => [String(k), `${claims[k]!.claim.sentence.source}#${claims[k]!.claim.sentence.index}`]),
    );
    return judgeStage({ claims: members, edges: mine, outside }, undefined, undefined, sameStory);
  });
  const findingOf = new Map(judged.flatMap((record) => record.claims.map((claim) => [claim, record.finding.id] as const)));
  const linked = judged.map((record): LinkedRecord => {
    const related = new Map<string, number>();
    for (const [claim, score] of record.links) {
      const id = findingOf.get(claim);
      if (id !== undefined && id !== record.finding.id) related.set(id, Math.max(related.get(id) ?? 0, score));
    }
    return { finding: record.finding, related: [...related] };
  });
  return [...finishStage(JSON.parse(JSON.stringify(linked)) as LinkedRecord[], () => new Map(), plan.stories)].join('');
}

describe('stages of a distributed run', () => {
  it.each(corpora)('blocks should give the candidate pairs of the full index, each once, on %s', async (_name, folder) => {
    const loaded = await loadSources([folder()], { cwd: root });
    const analyses = loaded.sources.map(analyzeSource);
    const profiles = analyses.flatMap((a) => a.profiles);
    const sourceOf = analyses.flatMap((a) => a.claims.map((claim) => claim.sentence.source));
    const index = buildBlocking(profiles, options);
    const full = [...pairsTouching(index, sourceOf, options, new Set(profiles.map((_, k) => k)), (k) => profiles[k]!)].map(([i, j]) => `${i},${j}`);
    const claims = profiles.map((profile, k): BlockClaim & { keys: ReturnType<typeof blockKeysOf> } => {
      const keys = blockKeysOf(profile, options);
      return { index: k, source: sourceOf[k]!, profile, capped: keys.terms.filter((term) => !index.common.has(term)), keys };
    });
    const blocks = groupBy(claims, (claim) => [...claim.capped.map((t) => `terms\u0000${t}`), ...claim.keys.copies.map((t) => `copies\u0000${t}`)]);
    const found = [...blocks].flatMap(([key, members]) => {
      const [kind, term] = key.split('\u0000') as ['terms' | 'copies', string];
      return blockPairs({ kind, term, claims: members }, options).map(([i, j]) => `${i},${j}`);
    });
    expect(full.length).toBeGreaterThan(10);
    expect(found.length).toBe(new Set(found).size);
    expect(found.sort()).toEqual(full.sort());
  });

  it.each(corpora)('should print exactly the JSONL of export on %s', async (_name, folder) => {
    const target = folder();
    const loaded = await loadSources([target], { cwd: root });
    const report = buildReport(loaded.sources, loaded.sources.map(analyzeSource));
    const expected = [...escapedJson(renderJsonl(report))].join('');
    expect(report.claims.length).toBeGreaterThan(20);
    expect(await stagedJsonl(target)).toBe(expected);
  });
});
