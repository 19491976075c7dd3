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
