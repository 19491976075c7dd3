// Paraphrase within a story (story-match.ts): the same participants named, identities
// agreeing strongly and meaning aligned make one claim in other words; each condition
// failing keeps the pair apart.
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../src/core/match/similarity.js';
import { isStoryParaphrase, sharedSentenceNames, STORY_MATCH } from '../src/core/match/story-match.js';
import type { Identity, IdentityRelation } from '../src/core/match/identity.js';
import type { MatchProfile } from '../src/core/match/pair.js';
import { termsOf } from '../src/core/match/terms.js';

const none: Identity = { people: [], places: [], orgs: [], names: [] };
const identity = (partial: Partial<Identity>): Identity => ({ ...none, ...partial });
const profile = (text: string, sentence: Identity): MatchProfile => ({
  terms: termsOf(text),
  figures: [],
  identity: { sentence, dates: [], core: none, published: null },
});
const features = (softMin: number, meanCosine: number): number[] =>
  FEATURE_NAMES.map((name) => (name === 'softMin' ? softMin : name === 'meanCosine' ? meanCosine : 0));
const relation = (score: number): IdentityRelation => ({ different: score < 0, score, reason: '' });

const dahlA = profile('Henrik Dahl stepped down from the Vennmouth council.', identity({ people: ['dahl'], orgs: ['vennmouth council'] }));
const dahlB = profile('Dahl quit his seat on the Vennmouth council.', identity({ people: ['dahl'], orgs: ['vennmouth council'] }));
const dahlOnly = profile('Dahl quit his seat.', identity({ people: ['dahl'] }));

describe('sharedSentenceNames', () => {
  it.each([
    [identity({ people: ['kovacs'], places: ['quillby'] }), identity({ people: ['kovacs'], places: ['quillby'] }), 2],
    [identity({ people: ['kovacs'], places: ['quillby'] }), identity({ people: ['kovacs'], places: ['larkspur road'] }), 1],
    // A broad place (a country or state) is shared by too many events to count.
    [identity({ people: ['kovacs'], places: ['^norway'] }), identity({ people: ['kovacs'], places: ['^norway'] }), 1],
    [identity({ orgs: ['dunmore mining'], names: ['kovacs'] }), identity({ people: ['kovacs'], orgs: ['dunmore mining'] }), 2],
    [none, identity({ people: ['kovacs'] }), 0],
  ])('should count the names both sentences give (%o / %o: %i)', (a, b, count) => {
    expect(sharedSentenceNames(a, b)).toBe(count);
    expect(sharedSentenceNames(b, a)).toBe(count);
  });
});

describe('isStoryParaphrase', () => {
  const strong = STORY_MATCH.minIdentityScore + 0.5;
  it.each([
    ['all conditions met', dahlA, dahlB, 0.3, features(0.7, 0.95), relation(strong), true],
    ['only one shared name', dahlA, dahlOnly, 0.3, features(0.7, 0.95), relation(strong), false],
    ['identity agreeing weakly', dahlA, dahlB, 0.3, features(0.7, 0.95), relation(STORY_MATCH.minIdentityScore - 0.5), false],
    ['two events by identity', dahlA, dahlB, 0.3, features(0.7, 0.95), relation(-1), false],
    ['no paraphrase evidence', dahlA, dahlB, STORY_MATCH.minProbability / 2, features(0.7, 0.95), relation(strong), false],
    ['content words not aligned', dahlA, dahlB, 0.3, features(STORY_MATCH.minSoftMin - 0.1, 0.95), relation(strong), false],
    ['mean vectors apart', dahlA, dahlB, 0.3, features(0.7, STORY_MATCH.minMeanCosine - 0.1), relation(strong), false],
  ])('should decide %s', (_, a, b, probability, vector, related, expected) => {
    expect(isStoryParaphrase(a, b, probability, vector, related)).toBe(expected);
    expect(isStoryParaphrase(b, a, probability, vector, related)).toBe(expected);
  });

  it('should follow thresholds given in place of the shipped ones', () => {
    const loose = { ...STORY_MATCH, minSharedNames: 1 };
    expect(isStoryParaphrase(dahlA, dahlOnly, 0.3, features(0.7, 0.95), relation(strong), loose)).toBe(true);
  });
});
