// The blocking postings a corpus snapshot keeps (src/engine/snapshot.ts `clusteringRows`,
// `clusteringOf`): a list whose claims all weigh the same is written with that weight
// once, and must read back as the full list; lists are renumbered as the corpus grows.
import { describe, expect, it } from 'vitest';
import type { BlockingIndex, MatchEdge } from '../src/core/match/index.js';
import { clusteringOf, clusteringRows, type Snapshot } from '../src/engine/snapshot.js';

const CASES: readonly (readonly [string, readonly number[], readonly number[]])[] = [
  ['one weight for every claim', [0, 2, 5], [3.25, 3.25, 3.25]],
  ['weights that differ', [1, 2], [2.5, 7.062981726354]],
  ['a lone claim', [4], [0.1 + 0.2]],
  ['a weight written with 17 digits', [0, 1, 3, 4], [10.772857279663555, 10.772857279663555, 10.772857279663555, 10.772857279663555]],
];

function blockingOf(rows: typeof CASES): BlockingIndex {
  return {
    maxPostings: 8,
    postings: new Map(rows.map(([term, claims, weights]) => [term, { claims: [...claims], weights: [...weights] }])),
    common: new Map([['often', 12]]),
    copies: new Map([['copy', { claims: [1, 3], suffixes: [4.5, 2], totals: [9, 9] }]]),
  };
}

/** The rows as a snapshot read back from disk holds them. */
function readBack(blocking: BlockingIndex, edges: readonly MatchEdge[]): Snapshot {
  return JSON.parse(JSON.stringify(clusteringRows(blocking, edges))) as Snapshot;
}

describe('snapshot postings', () => {
  it.each(CASES)('read back exactly: %s', (term, claims, weights) => {
    const state = clusteringOf(readBack(blockingOf([[term, claims, weights]]), []), [0, 1, 2, 3, 4, 5]);
    expect(state.blocking.postings.get(term)).toEqual({ claims, weights });
  });

  it('writes a weight once only when every claim of the list has it', () => {
    const rows = readBack(blockingOf(CASES), []).postings;
    const written = new Map(rows.map(([term, , weights]) => [term, weights]));
    for (const [term, , weights] of CASES) {
      const same = weights.every((weight) => weight === weights[0]);
      expect(written.get(term)).toEqual(same ? weights[0] : weights);
    }
  });

  it('renumbers claims as the grown corpus numbers them, in every list and edge', () => {
    const edges: MatchEdge[] = [{ i: 1, j: 3, strength: 0.9, confident: true }];
    // Two new claims went in after old claim 1.
    const renumber = [0, 1, 4, 5, 6, 7];
    const state = clusteringOf(readBack(blockingOf(CASES), edges), renumber);
    for (const [term, claims, weights] of CASES) expect(state.blocking.postings.get(term)).toEqual({ claims: claims.map((claim) => renumber[claim]), weights });
    expect(state.blocking.copies.get('copy')).toEqual({ claims: [1, 5], suffixes: [4.5, 2], totals: [9, 9] });
    expect(state.blocking.common.get('often')).toBe(12);
    expect(state.edges).toEqual([{ i: 1, j: 5, strength: 0.9, confident: true }]);
  });
});
