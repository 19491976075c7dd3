// Headline match: two short statements (headlines, claim statements) match at a
// lower bar than sentences; Title Case lines' capitals do not make two events; long
// sentences and dated differences keep the usual bar. Denial and negation-scope cues
// added for headline-style denials.
import { describe, expect, it } from 'vitest';
import { findDenial } from '../../src/core/claims/denial.js';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { findNegation } from '../../src/core/claims/negation.js';
import { isTitleCase, withHeadlineMatch } from '../../src/core/match/headline-match.js';
import { matchPair, matchProfile } from '../../src/core/match/pair.js';
import { claim } from '../helpers/claim.js';

const profile = (text: string, outlet: string) => matchProfile(analyzeSentence(claim(text, { outlet }).sentence, { outlet }));

function compare(a: string, b: string) {
  const [x, y] = [profile(a, 'A'), profile(b, 'B')];
  return { plain: matchPair(x, y), headline: withHeadlineMatch(matchPair(x, y), x, y) };
}

describe('withHeadlineMatch', () => {
  it.each<[string, string, boolean]>([
    ['Pixelworks will open its first retail shop in Leeds this year', 'Pixelworks Is Opening A Bricks-And-Mortar Shop In Leeds', true],
    ['Jihadist fighter Omar al-Dutchi was killed', 'Rotterdam Teenage Jihadi Known As Omar Al-Dutchi Killed In Drone Strike', true],
    // Two short body sentences (no headline among them) keep the matcher's own bar.
    ['Jihadist fighter Omar al-Dutchi was killed', 'Rotterdam teenage jihadi known as Omar al-Dutchi killed in drone strike', false],
    ['Pixelworks will open its first retail shop in Leeds this year', 'Pixelworks shares fell sharply on Tuesday after a weak quarter', false],
  ])('%s ~ %s → match %s', (a, b, expected) => {
    const { plain, headline } = compare(a, b);
    expect(headline.reason !== null).toBe(expected || plain.reason !== null);
    if (expected) expect(headline.related).toBe(true);
    if (plain.reason !== null) expect(headline.reason).toBe(plain.reason);
  });

  it('leaves long sentences to the matcher', () => {
    const a = 'The regional council said on Monday that it had approved the new budget for the harbour after a long debate about the cost of dredging';
    const b = 'Council members argued for months over the cost of dredging the old channel, and the harbour budget was approved late on Monday night';
    const [x, y] = [profile(a, 'A'), profile(b, 'B')];
    const pair = matchPair(x, y);
    expect(withHeadlineMatch(pair, x, y)).toBe(pair);
  });

  it('keeps a pair the matcher already matched as it is', () => {
    const [x, y] = [profile('The mayor sold the old pier to a developer', 'A'), profile('The mayor sold the old pier to a developer', 'B')];
    const pair = matchPair(x, y);
    expect(pair.reason).not.toBeNull();
    expect(withHeadlineMatch(pair, x, y)).toBe(pair);
  });
});

describe('isTitleCase', () => {
  it.each<[string, boolean]>([
    ['Pixelworks Is Opening A Bricks-And-Mortar Shop In Leeds', true],
    ['PIXELWORKS OPENS SHOP IN LEEDS', true],
    ['Pixelworks is opening a shop in Leeds', false],
  ])('isTitleCase(%s) → %s', (text, expected) => {
    expect(isTitleCase(profile(text, 'A'))).toBe(expected);
  });
});

describe('headline-style denial cues', () => {
  it.each<[string, string | null]>([
    ['The lake monster is reportedly a hoax', 'is reportedly a hoax'],
    ['The story of the flying pig is as fake as the pig', 'as fake as'],
    ['Flying car rumor put to rest by its maker', 'rumor put to rest'],
    ['Mayor slams bogus parking fine story', 'bogus parking fine story'],
    ['Scientists doubt that the comet hit Peru', 'doubt that'],
    ['Prankster trolled fans into thinking the band split', 'trolled fans into thinking'],
    ['Moon base opening in May? UPDATE: Nope', 'Nope'],
    ['Two moons and a lie', 'and a lie'],
    ['The bear-fighting grandma: a tale too good to check', 'too good to check'],
    ['He bought a fake', null],
    ['The comet hit Peru, scientists say', null],
  ])('%s → %s', (text, cue) => {
    expect(findDenial(text)?.cue ?? null).toBe(cue);
  });
});

describe('negation scope: a contrastive or compound "no"/"not" negates no predicate', () => {
  it.each<[string, string | null]>([
    ['The plant will be built in Ohio, not Utah', null],
    ['Speeding may mean a fine, not jail, in Leeds', null],
    ['A no-fly policy was set for the park', null],
    ['Well, not really', 'not'],
    ['He was not arrested, police said', 'was not'],
  ])('%s → %s', (text, cue) => {
    expect(findNegation(text).cue).toBe(cue);
  });
});
