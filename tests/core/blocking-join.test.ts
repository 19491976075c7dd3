// The near-copy join of blocking (src/core/match/blocking.ts): every pair of
// near-copies is a candidate however common its words and however small the
// cap of the capped index, and an extended index gives the pairs a full build gives.
import { describe, expect, it } from 'vitest';
import { buildBlocking, copyTermsOf, extendBlocking, isCopyPair, pairsTouching } from '../../src/core/match/blocking.js';
import { resolveClusterOptions } from '../../src/core/match/options.js';
import type { MatchProfile } from '../../src/core/match/pair.js';
import { termsOf } from '../../src/core/match/terms.js';

const profile = (text: string): MatchProfile => ({ terms: termsOf(text), figures: [], identity: { sentence: { people: [], places: [], orgs: [], names: [] }, dates: [], core: { people: [], places: [], orgs: [], names: [] }, published: null } });

const SENTENCES = [
  'The harbour commission approved a new ferry terminal for the northern quay on Tuesday.',
  'The harbour commission approved a new ferry terminal for the northern quay.',
  'The harbor commission approved a new ferry terminal for the northern quay on Tuesday.',
  'Volunteers planted four hundred oak saplings along the river path over the weekend.',
  'Volunteers planted four hundred oak saplings along the river path.',
  'The bakery on Elm Street will close its doors after forty years in business.',
  'The bakery on Elm Street will close after forty years of business, its owner said.',
  'Officials said the new ferry terminal would open next spring.',
  'The school board voted to extend the library hours during the exam season.',
  'The school board voted to extend library hours during exam season.',
];

// Ten copies of each sentence from ten outlets, so every term is in more claims than the cap allows.
const claims = SENTENCES.flatMap((text, k) => Array.from({ length: 10 }, (_, outlet) => ({ text, source: `outlet-${outlet}`, k })));
const profiles = claims.map(({ text }) => profile(text));
const sourceOf = claims.map(({ source }) => source);

function pairsOf(options: ReturnType<typeof resolveClusterOptions>, index = buildBlocking(profiles, options)): string[] {
  const all = new Set(profiles.map((_, i) => i));
  return [...pairsTouching(index, sourceOf, options, all, (i) => profiles[i]!)].map(([i, j]) => `${i}-${j}`).sort();
}

describe('near-copy join', () => {
  it.each([
    ['the same sentence', SENTENCES[0]!, SENTENCES[0]!, true],
    ['a word dropped from a long sentence', SENTENCES[0]!, SENTENCES[2]!, true],
    ['a different event', SENTENCES[0]!, SENTENCES[3]!, false],
    ['a sentence sharing a few words', SENTENCES[0]!, SENTENCES[7]!, false],
  ])('should judge %s a near-copy or not', (_, a, b, expected) => {
    const options = resolveClusterOptions();
    expect(isCopyPair(copyTermsOf(profile(a), options), copyTermsOf(profile(b), options), options)).toBe(expected);
  });

  it.each([
    ['the default cap', {}],
    ['a cap of one claim per term (the capped index blocks on nothing)', { maxTermClaims: 1 }],
  ])('should give every near-copy pair of different outlets with %s', (_, given) => {
    const options = resolveClusterOptions(given);
    const found = new Set(pairsOf(options));
    const terms = profiles.map((p) => copyTermsOf(p, options));
    let expected = 0;
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        if (sourceOf[i] === sourceOf[j] || !isCopyPair(terms[i]!, terms[j]!, options)) continue;
        expected++;
        expect(found.has(`${i}-${j}`)).toBe(true);
      }
    }
    // Verbatim copies alone: 10 sentences × 45 pairs of outlets.
    expect(expected).toBeGreaterThanOrEqual(450);
  });

  it.each([
    ['half the claims first', 50],
    ['all but the last claim first', claims.length - 1],
    ['one claim first', 1],
  ])('should give a full build’s pairs when extended, %s', (_, split) => {
    const options = resolveClusterOptions({ maxTermClaims: 3 });
    const first = buildBlocking(profiles.slice(0, split), options);
    const fresh = profiles.map((_, i) => i).slice(split);
    const { index, dirty } = extendBlocking(first, fresh, (i) => profiles[i]!, options);
    expect(index.copies).toEqual(buildBlocking(profiles, options).copies);
    // Pairs touching the new claims, with the old pairs that still hold, are the full build's pairs.
    const newPairs = [...pairsTouching(index, sourceOf, options, new Set(fresh), (i) => profiles[i]!)].map(([i, j]) => `${i}-${j}`);
    const oldIndex = buildBlocking(profiles.slice(0, split), options);
    const oldPairs = [...pairsTouching(oldIndex, sourceOf.slice(0, split), options, new Set(profiles.slice(0, split).map((_, i) => i)), (i) => profiles[i]!)]
      .map(([i, j]) => `${i}-${j}`)
      .filter((pair) => {
        const [i, j] = pair.split('-').map(Number) as [number, number];
        if (!dirty.has(i) || !dirty.has(j)) return true;
        return pairsOf(options).includes(pair);
      });
    expect([...new Set([...oldPairs, ...newPairs])].sort()).toEqual(pairsOf(options));
  });
});
