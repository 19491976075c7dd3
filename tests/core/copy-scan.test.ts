// The near-copy join's cheaper inner loops (src/core/match/copy-scan.ts): the size
// window and the bounded overlap test change only the cost, never the pairs found.
import { describe, expect, it } from 'vitest';
import { buildBlocking, copyOverlap, copyTermsOf, pairsTouching } from '../../src/core/match/blocking.js';
import { copyWindow, copyWindows, overlapReaches } from '../../src/core/match/copy-scan.js';
import { resolveClusterOptions } from '../../src/core/match/options.js';
import type { MatchProfile } from '../../src/core/match/pair.js';
import { termsOf } from '../../src/core/match/terms.js';

const profile = (text: string): MatchProfile => ({ terms: termsOf(text), figures: [], identity: { sentence: { people: [], places: [], orgs: [], names: [] }, dates: [], core: { people: [], places: [], orgs: [], names: [] }, published: null } });
const options = resolveClusterOptions();

// One rare name in every claim, so its copy posting list is long; clauses of different lengths, so weights spread.
const CLAUSES = ['the granary bridge', 'a saltmarsh walkway', 'the quarry tramline', 'an orchard cooperative', 'the lighthouse museum', 'a heron sanctuary'];
const TAILS = ['', ' after a stormy winter', ' despite objections from ferrymen', ' with money from a lottery grant and private donors'];
const claims = Array.from({ length: 360 }, (_, k) => {
  const clause = CLAUSES[k % CLAUSES.length]!;
  const tail = TAILS[Math.floor(k / CLAUSES.length) % TAILS.length]!;
  const verb = k % 7 === 0 ? 'reopened' : 'restored';
  return { text: `Councillor Yevgenia Thistlewood ${verb} ${clause}${tail}.`, source: `outlet-${k % 23}` };
});
const profiles = claims.map(({ text }) => profile(text));
const sourceOf = claims.map(({ source }) => source);
const key = ([i, j]: readonly [number, number]) => `${i}-${j}`;

describe('copy-scan', () => {
  it('a call probing every claim (windows) finds the pairs of one-claim calls (whole lists), no more, no fewer', () => {
    const index = buildBlocking(profiles, options);
    expect(Math.max(...[...index.copies.values()].map((list) => list.claims.length))).toBeGreaterThanOrEqual(64);
    const all = new Set(profiles.map((_, i) => i));
    const windowed = [...pairsTouching(index, sourceOf, options, all, (i) => profiles[i]!)].map(key).sort();
    const single = new Set<string>();
    for (let i = 0; i < profiles.length; i++) for (const pair of pairsTouching(index, sourceOf, options, new Set([i]), (k) => profiles[k]!)) single.add(key(pair));
    expect(windowed.length).toBeGreaterThan(0);
    expect(windowed).toEqual([...single].sort());
  });

  it.each([
    ['a window', 300, true],
    ['no window for a few probes', 10, false],
  ])('copyWindows: %s', (_, probes, windowed) => {
    expect(copyWindows(probes) !== undefined).toBe(windowed);
  });

  it.each([
    [10, 10, [9, 10]],
    [4, 4, [4]],
    [5, 9, [5, 6, 7, 8, 9, 10]],
    [40, 40, []],
  ])('copyWindow: weights 1..10, a probe weighing %d with %d left visits the weights %j', (total, suffix, visited) => {
    const list = { claims: Array.from({ length: 80 }, (_, k) => k), suffixes: Array.from({ length: 80 }, () => 1), totals: Array.from({ length: 80 }, (_, k) => ((k * 7) % 10) + 1) };
    const window = copyWindow(new Map(), list, total, suffix, 0.85);
    const weights = [...window.order!.slice(window.from, window.to)].map((k) => list.totals[k]!);
    expect([...new Set(weights)]).toEqual(visited);
    expect(weights.length).toBe(visited.length * 8);
  });

  it.each([
    ['The ferry pier at Gullhaven was rebuilt with oak pilings.', 'The ferry pier at Gullhaven was rebuilt with oak pilings.'],
    ['The ferry pier at Gullhaven was rebuilt with oak pilings.', 'The ferry pier at Gullhaven was rebuilt with steel pilings.'],
    ['The ferry pier at Gullhaven was rebuilt with oak pilings.', 'Beekeepers in Marlow sold honey at the autumn fair.'],
    ['Beekeepers in Marlow sold heather honey at the autumn fair.', 'Beekeepers in Marlow sold honey at the fair.'],
  ])('overlapReaches agrees with copyOverlap at every threshold: %s | %s', (a, b) => {
    const [x, y] = [copyTermsOf(profile(a), options), copyTermsOf(profile(b), options)];
    const overlap = copyOverlap(x, y);
    for (const need of [0, overlap - 1, overlap, overlap + 1e-12, overlap + 1, x.total, y.total]) {
      expect(overlapReaches(x, y, need)).toBe(overlap >= need);
      expect(overlapReaches(y, x, need)).toBe(copyOverlap(y, x) >= need);
    }
  });
});
