// Story grouping: sources about one event form a story whatever else is in the folder.
import { describe, expect, it } from 'vitest';
import { storiesOf, type StorySource } from '../src/core/stories.js';

const quillbyA: StorySource = { id: 'qa', title: 'Gunman kills two at Quillby diner', paragraphs: ['Two people were shot dead at a diner in Quillby on Friday, police said. The gunman, Oskar Vell, fled.'], published: '2031-03-07' };
const quillbyB: StorySource = { id: 'qb', title: 'Quillby diner shooting suspect Vell arrested', paragraphs: ['Police in Quillby arrested Oskar Vell on Saturday after the diner shooting.'], published: '2031-03-08' };
const vennmouth: StorySource = { id: 'vm', title: 'Bus overturns near Vennmouth, twelve hurt', paragraphs: ['A bus overturned on Larkspur Road near Vennmouth, injuring twelve passengers, officials said.'], published: '2031-03-07' };
const quillbyLate: StorySource = { ...quillbyB, id: 'ql', published: '2031-09-30' };

describe('storiesOf', () => {
  it.each([
    ['one story', [quillbyA, quillbyB], [['qa', 'qb']]],
    ['two events', [quillbyA, quillbyB, vennmouth], [['qa', 'qb'], ['vm']]],
    ['months apart', [quillbyA, quillbyLate], [['qa'], ['ql']]],
  ])('should group %s', (_, sources, stories) => {
    expect(storiesOf(sources)).toEqual(stories);
  });

  it.each([[[vennmouth]], [[vennmouth, quillbyLate]]])('should keep a story the same whatever else is in the folder', (extra) => {
    const story = (all: StorySource[]) => storiesOf(all).find((s) => s.includes('qa'));
    expect(story([quillbyA, quillbyB, ...extra])).toEqual(story([quillbyA, quillbyB]));
  });
});

// ---------------------------------------------------------------------------
import { findingStory, storyGate, storyId, storyIndex, storyProfile, storyRelation, storySummaries, termSimilarity } from '../src/core/stories.js';

const fire: StorySource = {
  id: 'fa',
  title: 'Warehouse fire in Delmoor burns through the night',
  paragraphs: [
    'A fire at the Pellingham timber warehouse in Delmoor burned through the night, fire chief Ida Rusk said on Sunday.',
    'Crews from Delmoor and Ostrey fought the blaze at the timber warehouse until dawn; Rusk said nobody was hurt.',
  ],
  published: '2031-05-04',
};
const fireB: StorySource = {
  id: 'fb',
  title: 'Delmoor timber warehouse destroyed by overnight blaze',
  paragraphs: ['The Pellingham timber warehouse in Delmoor was destroyed by a blaze that crews from Ostrey helped fight until dawn, chief Ida Rusk said.'],
  published: '2031-05-05',
};
const fireBrief: StorySource = { id: 'fc', paragraphs: ['Ida Rusk said the Pellingham warehouse fire in Delmoor hurt nobody.'], published: '2031-05-05' };
const election: StorySource = {
  id: 'el',
  title: 'Ostrey elects Marna Quell as mayor',
  paragraphs: ['Voters in Ostrey elected Marna Quell as mayor on Sunday, the election board said, after a campaign about the harbour tunnel.'],
  published: '2031-05-04',
};

describe('story relation', () => {
  const [a, b, brief, other] = [fire, fireB, fireBrief, election].map(storyProfile);
  it.each([
    ['two reports of one fire', a, b, true],
    ['a brief about one of its facts', a, brief, true],
    ['a fire and an election in a town both name', a, other, false],
    ['the same fire months later', a, storyProfile({ ...fireB, id: 'late', published: '2031-11-20' }), false],
  ])('should relate %s', (_name, x, y, expected) => {
    expect(storyRelation(x!, y!)).toBe(expected);
    expect(storyRelation(y!, x!)).toBe(expected);
  });

  it.each([
    [a, b],
    [a, other],
    [brief, a],
  ])('should give a symmetric term similarity between 0 and 1', (x, y) => {
    const s = termSimilarity(x!, y!);
    expect(s).toBeCloseTo(termSimilarity(y!, x!), 12);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
  });

  it.each([
    [0.01, 'near'],
    [null, false],
  ] as const)('should call alike sources near stories with a near threshold of %s', (nearThreshold, expected) => {
    expect(storyRelation(a!, other!, { termThreshold: 2, ...(nearThreshold === null ? {} : { nearThreshold }) })).toBe(expected);
  });

  it('should gate source ids by their profiles, and let sources it has no profile of through', () => {
    const gate = storyGate([a!, b!, other!]);
    expect([gate('fa', 'fb'), gate('fa', 'el'), gate('fa', 'unknown'), gate('el', 'el')]).toEqual([true, false, true, true]);
  });
});

describe('story summaries', () => {
  it.each([
    [['fa', 'fb'], ['fb', 'fa']],
    [['x'], ['x']],
  ])('should give a story id that does not depend on the order of its sources (%j)', (one, other) => {
    expect(storyId(one)).toBe(storyId(other));
    expect(storyId(one)).toMatch(/^s[0-9a-f]{10}$/);
  });

  it('should give each story its sources, an id and a representative title (the lead when no title)', () => {
    const stories = storySummaries([fire, fireB, election, fireBrief].map(storyProfile));
    expect(stories.map((story) => story.sources)).toEqual([['fa', 'fb', 'fc'], ['el']]);
    expect(stories[0]!.id).toBe(storyId(['fa', 'fb', 'fc']));
    expect([fire.title, fireB.title]).toContain(stories[0]!.title);
    expect(stories[1]!.title).toBe(election.title);
    expect(storySummaries([storyProfile(fireBrief)])[0]!.title).toBe(fireBrief.paragraphs[0]);
  });

  const index = storyIndex([
    { id: 's1', title: 'one', sources: ['a', 'b'] },
    { id: 's2', title: 'two', sources: ['c', 'd'] },
  ]);
  const finding = (...sources: string[]) => ({ mentions: sources.map((source) => ({ source })) }) as unknown as Parameters<typeof findingStory>[0];
  it.each([
    ['all mentions in one story', finding('c', 'd'), 's2'],
    ['most mentions in one story', finding('a', 'c', 'd'), 's2'],
    ['a tie: the story listed first', finding('d', 'a'), 's1'],
    ['no source in a story', finding('z'), undefined],
  ])('should name the story of a finding with %s', (_name, f, expected) => {
    expect(findingStory(f, index)).toBe(expected);
  });
});
