// The blocking cap (blocking.ts `maxPostingsFor`): how many claims a term may be in and
// still block, and what it means for a story whose own people are in most of its claims.
import { describe, expect, it } from 'vitest';
import { buildBlocking, maxPostingsFor, pairsTouching } from '../../src/core/match/blocking.js';
import { MATCH_DEFAULTS, resolveClusterOptions, type ClusterOptions } from '../../src/core/match/options.js';
import { matchProfile } from '../../src/core/match/pair.js';
import { claim } from '../helpers/claim.js';

describe('maxPostingsFor', () => {
  it.each<[string, number, ClusterOptions, number]>([
    ['a small story at the default cap', 40, {}, 75],
    ['a large corpus at the default cap (it does not grow)', 1_000_000, {}, 75],
    ['the floor raised by the share of a large corpus, up to maxTermClaims', 10_000, { maxTermShare: 0.05, maxTermClaims: 1000 }, 500],
    ['the floor when the share gives less', 100, { maxTermClaims: 1000 }, 75],
    ['a lower floor', 100, { minTermClaims: 10, maxTermClaims: 1000 }, 10],
    ['maxTermClaims below the floor', 100, { maxTermClaims: 3 }, 3],
  ])('should give %s', (_name, claims, given, expected) => {
    expect(maxPostingsFor(claims, resolveClusterOptions(given))).toBe(expected);
  });
});

describe('blocking a story whose people are in most of its claims', () => {
  // Sixty claims of one story (one source each) naming its two made-up people, each with its own other words;
  // the last two share only the two names.
  const fillers = ['harbour', 'ledger', 'orchard', 'lantern', 'quarry', 'meadow', 'turbine', 'granary', 'ferry', 'chapel'];
  const texts = Array.from({ length: 58 }, (_, k) => `Vennick Strallow met Odile Marrasq near the ${fillers[k % 10]} ${fillers[(k * 3 + 1) % 10]} on day ${k}.`);
  texts.push('Vennick Strallow resigned, Odile Marrasq said.', 'Odile Marrasq succeeds Vennick Strallow as chair.');
  const profiles = texts.map((text, k) => matchProfile(claim(text, { outlet: `Outlet ${k}` })));
  const sources = texts.map((_, k) => `s${k}`);
  const last = [texts.length - 2, texts.length - 1] as const;
  const candidates = (maxTermClaims: number, minTermClaims: number) => {
    const options = resolveClusterOptions({ maxTermClaims, minTermClaims });
    const index = buildBlocking(profiles, options, () => 'story');
    const pairs = [...pairsTouching(index, sources, options, new Set([last[1]]), (i) => profiles[i]!, () => 'story')];
    return pairs.some(([i, j]) => i === last[0] && j === last[1]);
  };

  it('should compare two claims that share the story\'s two people under the default cap', () => {
    expect(candidates(MATCH_DEFAULTS.maxTermClaims, MATCH_DEFAULTS.minTermClaims)).toBe(true);
  });

  it('should not compare them when the cap is below the claims naming the two', () => {
    expect(candidates(50, 50)).toBe(false);
  });
});
