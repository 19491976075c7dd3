// TermsMemo: claims whose terms have the same content share one Terms object,
// equal to what termsFromTokens makes; other contents never meet.

import { describe, expect, it } from 'vitest';
import { termsFromTokens, termsOf } from '../src/core/match/terms.js';
import { TermsMemo } from '../src/engine/terms-memo.js';

describe('TermsMemo', () => {
  it.each([
    ['the same sentence twice', 'The harbour ferry carried 40 riders on Monday.', 'The harbour ferry carried 40 riders on Monday.', true],
    ['another figure', 'The harbour ferry carried 40 riders on Monday.', 'The harbour ferry carried 41 riders on Monday.', false],
    ['another word', 'The harbour ferry carried 40 riders on Monday.', 'The harbour ferry carried 40 cyclists on Monday.', false],
    ['a name against a plain word', 'Officials said Brook closed the mill.', 'Officials said brook closed the mill.', false],
  ])('%s: shared only when the content is the same, and equal to termsFromTokens', (_name, first, second, same) => {
    const memo = new TermsMemo();
    const [a, b] = [termsOf(first), termsOf(second)];
    const [x, y] = [memo.of(a.tokens, a.names, a.numbers), memo.share(b)];
    expect(x === y).toBe(same);
    expect(x).toEqual(termsFromTokens(a.tokens, a.names, a.numbers));
    expect(y).toEqual(b);
  });

  it.each([
    ['tokens split differently', ['a\u0000b'], ['a', 'b']],
    ['a part mark inside a token', ['x\u0001'], ['x']],
  ])('%s: never shared', (_name, left, right) => {
    const memo = new TermsMemo();
    expect(memo.of(left, [], [])).not.toBe(memo.of(right, [], []));
    expect(memo.of(left, [], [])).not.toBe(memo.of(left, [], []));
  });

  it('keeps a profile as it is when its terms are the first of their content', () => {
    const memo = new TermsMemo();
    const terms = termsOf('The council approved the budget.');
    const profile = { terms, figures: [], identity: {} } as never;
    const copy = { terms: termsOf('The council approved the budget.'), figures: [], identity: {} } as never;
    const [kept, shared] = memo.profiles([profile, copy]);
    expect(kept).toBe(profile);
    expect((shared as { terms: unknown }).terms).toBe(terms);
  });
});
