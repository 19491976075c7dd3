// The per-claim memos of matching (src/core/match/memo.ts): what a memo holds is
// forgotten when a clustering call is done, and forgetting never changes a result.
import { describe, expect, it } from 'vitest';
import { forgetMatchMemos, objectMemo } from '../../src/core/match/memo.js';
import { cluster } from '../../src/core/match/cluster.js';
import { resolveClusterOptions } from '../../src/core/match/options.js';
import type { MatchProfile } from '../../src/core/match/pair.js';
import { termsOf } from '../../src/core/match/terms.js';
import type { Claim } from '../../src/types.js';

const profile = (text: string): MatchProfile => ({ terms: termsOf(text), figures: [], identity: { sentence: { people: [], places: [], orgs: [], names: [] }, dates: [], core: { people: [], places: [], orgs: [], names: [] }, published: null } });

const SENTENCES: readonly (readonly [string, string])[] = [
  ['outlet-a', 'The harbour board approved a new ferry terminal for Kestrel Bay on Tuesday.'],
  ['outlet-b', 'The harbour board approved a new ferry terminal for Kestrel Bay on Tuesday.'],
  ['outlet-c', 'A new ferry terminal for Kestrel Bay was approved by the harbour board.'],
  ['outlet-a', 'Volunteers planted four hundred oak saplings along the river path.'],
  ['outlet-d', 'Four hundred oak saplings were planted by volunteers along the river path.'],
];

function run() {
  const claims = SENTENCES.map(([source, text], index) => ({ sentence: { source, index, text } }) as unknown as Claim);
  const profiles = SENTENCES.map(([, text]) => profile(text));
  const input = { sourceOf: SENTENCES.map(([source]) => source), claimAt: (i: number) => claims[i]!, profileAt: (i: number) => profiles[i]!, sameStory: undefined };
  return { profiles, made: cluster(input, resolveClusterOptions()).made.map((item) => item.members) };
}

describe('match memos', () => {
  it.each([
    ['a value set before', true],
    ['a value set after', false],
  ])('forgetMatchMemos forgets %s', (_, before) => {
    const memo = objectMemo<object, number>();
    const key = {};
    memo.set(key, 7);
    if (before) forgetMatchMemos();
    expect(memo.get(key)).toBe(before ? undefined : 7);
  });

  it('a clustering call leaves nothing in the memos, and a second call clusters alike', () => {
    const memo = objectMemo<object, number>();
    const key = {};
    memo.set(key, 1);
    const first = run();
    expect(memo.get(key)).toBeUndefined();
    expect(run().made).toEqual(first.made);
  });
});
