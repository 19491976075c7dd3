// Average linkage at the shipped bar (src/data/match-cluster.json, issue 14 recall round 7):
// a claim whose match joins it to a larger cluster merges when more than a third of the
// cross pairs are related (2 of 5, 3 of 7: under a majority too), and one related to a
// third or less of a cluster (1 of 3, 2 of 6, 2 of 7, 1 of 4) stays apart.
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { mergeClusters, type MatchEdge, type PairGraph } from '../../src/core/match/cluster.js';
import { articleContext } from '../../src/core/match/identity.js';
import { matchProfile } from '../../src/core/match/pair.js';
import { resolveClusterOptions } from '../../src/core/match/options.js';
import settings from '../../src/data/match-cluster.json' with { type: 'json' };
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

const read = (text: string, outlet: string): Claim => analyzeSentence(claim(text, { outlet }).sentence, { outlet });

// One event told seven ways, and a late claim about it in other words.
const TOLD = [
  'The Harwick lighthouse was sold to a diving school on Tuesday',
  'Harwick lighthouse sold to diving school',
  'A diving school bought the Harwick lighthouse this week',
  'The council sold the Harwick lighthouse to a diving school',
  'Diving school buys Harwick lighthouse',
  'The Harwick lighthouse now belongs to a diving school',
  'Harwick council confirms lighthouse sale to diving school',
];
const LATE = 'The old Harwick light will train divers after its sale';

/** Pairs `a-b` (a < b) that are related: all pairs among `cluster`, and the late claim with `toLate` of them. */
function relatedPairs(cluster: readonly number[], late: number, toLate: readonly number[]): Set<string> {
  const pairs = new Set<string>();
  for (const x of cluster) for (const y of cluster) if (x < y) pairs.add(`${x}-${y}`);
  for (const x of toLate) pairs.add(`${Math.min(x, late)}-${Math.max(x, late)}`);
  return pairs;
}

function run(size: number, toLate: readonly number[], linkage?: number): number[][] {
  const texts = [...TOLD.slice(0, size), LATE];
  const late = size;
  const claims = texts.map((text, k) => read(text, `Outlet ${k}`));
  const pairs = relatedPairs(range(size), late, toLate);
  const graph = { relation: (x: number, y: number) => (pairs.has(`${Math.min(x, y)}-${Math.max(x, y)}`) ? 1 : 0) } as unknown as PairGraph;
  // The cluster forms along its chain first; the late claim's strongest match is with claim 0.
  const edges: MatchEdge[] = [...range(size - 1).map((k) => ({ i: k, j: k + 1, strength: 0.9, confident: true })), { i: 0, j: late, strength: 0.5, confident: true }];
  const input = { sourceOf: texts.map((_, k) => `s${k}`), claimAt: (k: number) => claims[k]!, profileAt: (k: number) => matchProfile(claims[k]!, articleContext({ paragraphs: [texts[k]!] })) };
  return mergeClusters(range(size + 1), edges, graph, input, resolveClusterOptions(linkage === undefined ? {} : { linkage }));
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}

describe('average linkage at the shipped bar', () => {
  it('should read the bar from the data file', () => {
    expect(resolveClusterOptions().linkage).toBe(settings.linkage);
  });

  it.each<[string, number, number[], boolean]>([
    ['3 of 7 cross pairs related: joins', 7, [0, 3, 5], true],
    ['2 of 5: joins', 5, [0, 2], true],
    ['3 of 5: joins', 5, [0, 2, 4], true],
    ['2 of 7: stays apart', 7, [0, 4], false],
    ['2 of 6: stays apart', 6, [0, 3], false],
    ['1 of 3: stays apart', 3, [0], false],
    ['1 of 4: stays apart', 4, [0], false],
  ])('%s', (_name, size, toLate, joins) => {
    const merged = run(size, toLate);
    expect(merged).toEqual(joins ? [range(size + 1)] : [range(size), [size]]);
  });

  it('should keep 3 of 7 and 2 of 5 apart under a majority bar (the bar before round 7)', () => {
    expect(run(7, [0, 3, 5], 0.5)).toEqual([range(7), [7]]);
    expect(run(5, [0, 2], 0.5)).toEqual([range(5), [5]]);
  });
});
