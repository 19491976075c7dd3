// A claim that is its source's one line of prose is a headline for the headline
// match rule (MatchProfile.headline), in sentence case too; a sentence of a longer
// article is not.
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { isHeadline, withHeadlineMatch } from '../../src/core/match/headline-match.js';
import { articleContext } from '../../src/core/match/identity.js';
import { matchPair, matchProfile } from '../../src/core/match/pair.js';
import { claim } from '../helpers/claim.js';

const profileIn = (text: string, paragraphs: readonly string[], outlet: string) =>
  matchProfile(analyzeSentence(claim(text, { outlet }).sentence, { outlet }), articleContext({ paragraphs }));

describe('MatchProfile.headline', () => {
  it.each<[string, readonly string[], boolean]>([
    ['Teenage jihadi known as Omar al-Dutchi killed in drone strike', ['Teenage jihadi known as Omar al-Dutchi killed in drone strike'], true],
    ['Teenage jihadi known as Omar al-Dutchi killed in drone strike', ['', '  Teenage jihadi known as Omar al-Dutchi killed in drone strike  '], true],
    ['Teenage jihadi known as Omar al-Dutchi killed in drone strike', ['Teenage jihadi known as Omar al-Dutchi killed in drone strike', 'He was 19.'], false],
    ['He was 19.', ['Omar al-Dutchi was killed. He was 19.'], false],
    ['Omar al-Dutchi was killed in a drone strike.', ['Omar al-Dutchi was killed in a drone strike.'], false],
  ])('"%s" in %j → headline %s', (text, paragraphs, expected) => {
    const profile = profileIn(text, paragraphs, 'A');
    expect(profile.headline).toBe(expected);
    expect(isHeadline(profile)).toBe(expected);
  });

  it('should let a lone sentence-case line match a short statement at the headline bar', () => {
    const statement = 'Jihadist fighter Omar al-Dutchi was killed';
    const line = 'Rotterdam teenage jihadi known as Omar al-Dutchi killed in drone strike';
    const [a, b] = [profileIn(statement, [statement], 'A'), profileIn(line, [line], 'B')];
    const [c, d] = [profileIn(statement, [statement, 'More follows.'], 'A'), profileIn(line, [line, 'More follows.'], 'B')];
    expect(withHeadlineMatch(matchPair(a, b), a, b).reason).not.toBeNull();
    expect(withHeadlineMatch(matchPair(c, d), c, d).reason).toBeNull();
  });
});
