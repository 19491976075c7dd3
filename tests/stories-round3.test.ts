// Story rules of issue 13 (round 3): articles leading with different people are two stories;
// main events sharing several names need fewer shared rare words to be one story.
import { describe, expect, it } from 'vitest';
import { leadsDiffer, storyProfile, storyRelation, type StoryProfile, type StorySource } from '../src/core/stories.js';

const article = (id: string, title: string, paragraphs: string[]): StorySource => ({ id, title, paragraphs });

const brask = article('brask', 'Harbor Lions guard Tomas Brask arrested on suspicion of drunken driving', [
  'Harbor Lions guard Tomas Brask was arrested on suspicion of drunken driving early Tuesday, the highway patrol said.',
  'Brask was released from the Ostrey county jail later in the day. Brask will play on Sunday, coach Rina Kell said.',
]);
const brask2 = article('brask2', 'Lions say Brask will play despite his arrest', [
  'Tomas Brask will play on Sunday despite his arrest on suspicion of drunken driving, the Harbor Lions said.',
  'Brask spent a few hours in the Ostrey county jail, coach Rina Kell said.',
]);
const morrow = article('morrow', 'Second Harbor Lions player arrested on suspicion of drunken driving', [
  'Harbor Lions tackle Devan Morrow was arrested on suspicion of drunken driving on Sunday, the team said.',
  'Morrow is the second Lions player arrested this month. Morrow was released on bail from the Ostrey county jail.',
  'Guard Tomas Brask was arrested weeks earlier; Brask was on probation at the time.',
]);
const quiet = article('quiet', 'Ostrey county jail to close its old wing', ['The Ostrey county jail will close its old wing next year, officials said.']);

describe('leadsDiffer', () => {
  it.each([
    ['two articles about one arrested player', brask, brask2, false],
    ['a follow-up about a second player that recalls the first', brask, morrow, true],
    ['the other way round', morrow, brask, true],
    ['a lead that names nobody', brask, quiet, false],
  ])('%s', (_, a, b, expected) => {
    expect(leadsDiffer(storyProfile(a), storyProfile(b))).toBe(expected);
  });

  // No title given: the source's first paragraph is its headline, the lead is the paragraph after it.
  const untitled = (id: string, paragraphs: string[]): StorySource => ({ id, paragraphs });
  const braskBody = untitled('brask-body', ['Lions guard arrested on suspicion of drunken driving', ...brask.paragraphs]);
  const morrowBody = untitled('morrow-body', ['Second Lions player arrested', 'on Feb. 3, 2031', ...morrow.paragraphs]);
  it.each([
    ['a headline line, then the lead', braskBody, ['brask']],
    ['a headline line and a dateline, then the lead', morrowBody, ['morrow']],
  ])('should read the lead people of an untitled source: %s', (_, source, people) => {
    expect(storyProfile(source).leadPeople).toEqual(people);
  });

  it.each([
    ['two untitled articles about two players', braskBody, morrowBody, true],
    ['an untitled and a titled article about one player', braskBody, brask2, false],
  ])('%s', (_, a, b, expected) => {
    expect(leadsDiffer(storyProfile(a), storyProfile(b))).toBe(expected);
  });

  it('should take a first paragraph ending in a stop as the lead itself', () => {
    const lead = untitled('stop', ['Tomas Brask was arrested on Tuesday. Brask was released later.', 'Devan Morrow said nothing. Morrow left.']);
    expect(storyProfile(lead).leadPeople).toEqual(['brask']);
  });

  it('should make the two leads two stories', () => {
    expect(storyRelation(storyProfile(brask), storyProfile(morrow))).toBe(false);
  });
});

/** A profile of `n` rare terms of weight 1, the first `shared` of them common to every profile made. */
function profile(id: string, n: number, shared: number, core: Partial<StoryProfile['core']>): StoryProfile {
  const terms = Array.from({ length: n }, (_, k) => (k < shared ? `common${String(k).padStart(2, '0')}` : `${id}${String(k).padStart(2, '0')}`)).sort();
  return {
    id,
    core: { people: [], places: [], orgs: [], names: [], ...core },
    titleTerms: [],
    published: null,
    terms,
    weights: terms.map(() => 1),
  };
}

describe('storyRelation with several shared names', () => {
  // 8 of 30 equally weighted terms shared: a cosine of 0.27, under the named threshold of 0.3.
  it.each([
    ['one shared name', { people: ['vell'] }, { people: ['vell'] }, false],
    ['five shared names', { people: ['vell'], places: ['quillby'], orgs: ['quillby police department'], names: ['larkspur', 'pell'] }, { people: ['vell'], places: ['quillby'], orgs: ['quillby police department'], names: ['larkspur', 'pell'] }, true],
    ['five names, one of them a country', { people: ['vell'], places: ['^norland'], orgs: ['quillby police department'], names: ['larkspur', 'pell'] }, { people: ['vell'], places: ['^norland'], orgs: ['quillby police department'], names: ['larkspur', 'pell'] }, false],
  ])('%s', (_, coreA, coreB, expected) => {
    expect(storyRelation(profile('a', 30, 8, coreA), profile('b', 30, 8, coreB))).toBe(expected);
  });
});
