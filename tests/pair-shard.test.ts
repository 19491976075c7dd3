// Candidate pairs compared in batches (pair-batch.ts) and shared with a worker
// thread (pair-shard.ts): however a batch is cut and wherever its parts are
// compared, the numbers and the clusters are those of one thread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../scripts/generate-corpus.js';
import { cluster, matchProfile, resolveClusterOptions, type ClusterInput, type MatchProfile } from '../src/core/match/index.js';
import { comparePairBatch, PAIR_SLOTS, PairGateCode, type PairComparer } from '../src/core/match/pair-batch.js';
import { GramTable, MATCH_MODEL } from '../src/core/match/similarity.js';
import { analyzeAll } from '../src/engine/run.js';
import { loadSources } from '../src/engine/files.js';
import { pairShardStats, profileSlices, profilesFromSlices, startPairShard } from '../src/engine/workers/pair-shard.js';
import { workerEntry } from '../src/engine/workers/pool.js';
import { claim as testClaim } from './helpers/claim.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'claimcheck-pair-shard-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every cross-source pair of the claims, open gate, as a batch. */
function allPairs(sourceOf: readonly string[]): Int32Array {
  const pairs: number[] = [];
  for (let i = 0; i < sourceOf.length; i++) for (let j = i + 1; j < sourceOf.length; j++) if (sourceOf[i] !== sourceOf[j]) pairs.push(i, j, PairGateCode.Open);
  return Int32Array.from(pairs);
}

const SENTENCES: readonly (readonly [string, string])[] = [
  ['a', 'The harbour board approved a new ferry terminal on Tuesday.'],
  ['b', 'On Tuesday the harbour board approved a new ferry terminal.'],
  ['c', 'The harbour board rejected the new ferry terminal on Tuesday.'],
  ['a', 'Heavy rain closed three mountain roads near Keswick.'],
  ['b', 'Three mountain roads near Keswick were closed by heavy rain.'],
  ['c', 'The council hired a new head of parks.'],
  ['d', 'The council fired its head of parks.'],
];

describe('pair batches', () => {
  const profiles: MatchProfile[] = SENTENCES.map(([source, text], index) => matchProfile(testClaim(text, { source, index })));
  const input: ClusterInput = {
    sourceOf: SENTENCES.map(([source]) => source),
    claimAt: (index) => testClaim(SENTENCES[index]![1], { source: SENTENCES[index]![0], index }),
    profileAt: (index) => profiles[index]!,
  };

  it('should cluster the same whichever order the parts of a batch are compared in', () => {
    const options = resolveClusterOptions();
    const plain = cluster(input, options);
    const parts: number[] = [];
    // Pair by pair, last first: a cut unlike the single thread's.
    const backwards: PairComparer = (pairs, out, _model, here) => {
      for (let k = pairs.length / 3 - 1; k >= 0; k--) {
        here(k, k + 1, out);
        parts.push(k);
      }
    };
    const cut = cluster(input, options, undefined, { comparePairs: backwards });
    expect(parts.length).toBeGreaterThan(3);
    expect(JSON.stringify(cut)).toBe(JSON.stringify(plain));
    expect(plain.made.some((made) => made.members.length >= 2)).toBe(true);
  });

  it('should write the numbers of a match, a weak link and an unrelated pair', () => {
    const pairs = allPairs(input.sourceOf);
    const out = new Float64Array((PAIR_SLOTS * pairs.length) / 3);
    comparePairBatch(input.profileAt, MATCH_MODEL, new GramTable(), pairs, 0, pairs.length / 3, out);
    const bits = Array.from({ length: pairs.length / 3 }, (_, k) => out[PAIR_SLOTS * k]!);
    // The two ferry sentences match (kept, related, confident); hired / fired are two events (kept, no edge).
    const at = (i: number, j: number) => bits[[...Array(pairs.length / 3).keys()].find((k) => pairs[3 * k] === i && pairs[3 * k + 1] === j)!]!;
    expect(at(0, 1)).toBe(1 | 2 | 4);
    expect(at(5, 6) & 4).toBe(0);
    expect(at(5, 6) & 1).toBe(1);
  });
});

describe('pair shard', () => {
  it('should read back the profiles it sends in slices, however they are cut', async () => {
    const folder = writeCorpus(6, path.join(scratch, 'slices')).folder;
    const { sources } = await loadSources([folder]);
    const profiles = (await analyzeAll(sources, { threads: 1 })).flatMap((analysis) => analysis.profiles);
    expect(profiles.length).toBeGreaterThan(20);
    for (const size of [1, 7, profiles.length, profiles.length + 5]) {
      const texts = profileSlices(profiles, size)!;
      expect(texts).toHaveLength(Math.ceil(profiles.length / size));
      expect(profilesFromSlices(texts)).toEqual(profiles);
    }
    // A profile the codec cannot store exactly: no texts (the shard then sends a structured clone).
    expect(profileSlices([...profiles, { ...profiles[0]!, copyKey: 0.5 }], 7)).toBeUndefined();
  });

  it.skipIf(!workerEntry())('should fill the numbers of one thread with a worker comparing chunks', async () => {
    const folder = writeCorpus(24, path.join(scratch, 'corpus')).folder;
    const { sources } = await loadSources([folder]);
    const analyses = await analyzeAll(sources, { threads: 1 });
    const profiles = analyses.flatMap((analysis) => analysis.profiles);
    const sourceOf = analyses.flatMap((analysis) => analysis.profiles.map(() => analysis.source));
    const pairs = allPairs(sourceOf);
    const count = pairs.length / 3;
    const expected = new Float64Array(PAIR_SLOTS * count);
    comparePairBatch((index) => profiles[index]!, MATCH_MODEL, new GramTable(), pairs, 0, count, expected);

    expect(startPairShard(() => profiles, 1)).toBeUndefined();
    // 'auto' starts one only for a number of claims inside its range.
    const n = profiles.length;
    expect(startPairShard(() => profiles, 'auto', { minClaims: n + 1, maxClaims: n + 10 })).toBeUndefined();
    expect(startPairShard(() => profiles, 'auto', { minClaims: 0, maxClaims: n - 1 })).toBeUndefined();
    const inRange = startPairShard(() => profiles, 'auto', { minClaims: n, maxClaims: n });
    expect(inRange).toBeDefined();
    await inRange!.ready;
    inRange!.close();
    const shard = startPairShard(() => profiles, 2)!;
    expect(shard).toBeDefined();
    await shard.ready;
    const before = pairShardStats();
    const out = new Float64Array(PAIR_SLOTS * count);
    const table = new GramTable();
    // This thread is slow (a pause per chunk), so the worker takes chunks too.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    shard.compare(
      pairs,
      out,
      MATCH_MODEL,
      (from, to, target) => {
        Atomics.wait(pause, 0, 0, 5);
        comparePairBatch((index) => profiles[index]!, MATCH_MODEL, table, pairs, from, to, target);
      },
      true,
    );
    const after = pairShardStats();
    expect(after.workerChunks).toBeGreaterThan(before.workerChunks);
    expect(Array.from(out)).toEqual(Array.from(expected));
    // After the last batch the worker is gone: a later batch is compared here alone.
    const again = new Float64Array(PAIR_SLOTS * count);
    shard.compare(pairs, again, MATCH_MODEL, (from, to, target) => comparePairBatch((index) => profiles[index]!, MATCH_MODEL, new GramTable(), pairs, from, to, target), true);
    expect(Array.from(again)).toEqual(Array.from(expected));
  });
});
