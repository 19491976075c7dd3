// extendStories (src/engine/snapshot-stories.ts) must give the stories a full grouping
// of every source gives: the snapshot's stories joined by the new sources' links.
import { describe, expect, it } from 'vitest';
import { extendStories } from '../src/engine/snapshot-stories.js';
import { storiesOf, storyGate, storyProfile, storySummaries, type StoryProfile } from '../src/core/stories.js';

const flood = [
  'The Marrowby river burst its embankment near the Quillfen lock on Tuesday, flooding forty cottages in Lower Marrowby.',
  'Volunteers stacked sandbags along the Quillfen towpath while the Marrowby ferry stopped running.',
];
const floodLater = [
  'Cottages in Lower Marrowby were still under water on Thursday after the river breached the Quillfen embankment.',
  'The Marrowby ferry will not run again before the towpath is repaired, the lock keeper said.',
];
const floodBridge = [
  'The Quillfen lock keeper said sandbags ran out as the Marrowby river rose, and the Dunhallow mill pond overflowed too.',
  'Dunhallow millers moved grain sacks to the loft while the Marrowby ferry stayed tied up at the Quillfen towpath.',
];
const mill = [
  'The Dunhallow mill pond overflowed into the millers lane, soaking grain sacks in the Dunhallow granary.',
  'Millers in Dunhallow moved the grain sacks to the loft and asked the council for a new sluice.',
];
const match = [
  'Brackenholt Rovers beat Ostmere Athletic three goals to one at the Fennick stadium on Saturday.',
  'The Rovers striker Tamsin Orlo scored twice before the Fennick crowd, and Ostmere never recovered.',
];
const matchBrief = ['Tamsin Orlo scored twice as Brackenholt Rovers beat Ostmere Athletic at Fennick.'];
const unrelated = ['A bakery in Wexcombe began selling rye loaves shaped like lighthouses this spring.'];

const source = (id: string, paragraphs: readonly string[], title?: string, published = '2031-04-08'): StoryProfile =>
  storyProfile({ id, paragraphs, published, ...(title ? { title } : {}) });

/** Every source's profile in report order, and the positions of the new ones. */
const cases: [string, StoryProfile[], number[]][] = [
  ['a new source joining an old story', [source('a', flood, 'Marrowby floods'), source('b', match), source('c', floodLater), source('d', mill)], [2]],
  ['a new source joining two old stories into one', [source('a', flood), source('b', floodBridge), source('c', mill), source('d', match)], [1]],
  ['a new source on its own', [source('a', flood), source('b', match), source('c', unrelated)], [2]],
  ['two new sources linked only to each other', [source('a', flood), source('b', match), source('c', matchBrief, 'Rovers win'), source('d', unrelated)], [1, 2]],
  ['new sources first and last', [source('a', floodLater), source('b', flood), source('c', mill), source('d', floodBridge), source('e', match)], [0, 3]],
  ['a new source published too late for the old story', [source('a', flood), source('b', match), source('c', floodLater, undefined, '2031-09-30')], [2]],
];

describe('extendStories', () => {
  it.each(cases)('should give the full grouping’s stories for %s', (_, profiles, freshList) => {
    const fresh = new Set(freshList);
    const old = profiles.filter((_, position) => !fresh.has(position));
    const prior = storySummaries(old);
    const extended = extendStories(profiles, fresh, prior);
    expect(extended).toBeDefined();
    const full = storyGate(profiles);
    expect(extended!.gate.stories()).toEqual(storiesOf(profiles));
    expect(extended!.summaries).toEqual(storySummaries(profiles, {}, full.stories()));
    for (const profile of profiles) expect(extended!.gate.storyOf(profile.id)).toBe(full.storyOf(profile.id));
    for (const a of profiles) for (const b of profiles) expect(extended!.gate(a.id, b.id)).toBe(full(a.id, b.id));
  });

  it('should keep the summaries of stories no new source joined', () => {
    const profiles = [source('a', flood), source('b', match), source('c', floodLater), source('d', mill)];
    const prior = storySummaries([profiles[0]!, profiles[1]!, profiles[3]!]);
    const extended = extendStories(profiles, new Set([2]), prior)!;
    expect(extended.summaries.filter((story) => prior.includes(story))).toHaveLength(extended.summaries.length - extended.remade);
    expect(extended.remade).toBeLessThan(prior.length);
  });

  it.each([
    ['a source missing from the old stories', (prior: ReturnType<typeof storySummaries>) => prior.slice(1)],
    ['a source in two old stories', (prior: ReturnType<typeof storySummaries>) => [...prior, prior[0]!]],
    ['an unknown source', (prior: ReturnType<typeof storySummaries>) => [...prior, { id: 'sx', title: 'x', sources: ['zz'] }]],
  ])('should give up on %s', (_, damage) => {
    const profiles = [source('a', flood), source('b', match), source('c', floodLater)];
    const prior = storySummaries([profiles[0]!, profiles[1]!]);
    expect(extendStories(profiles, new Set([2]), damage(prior))).toBeUndefined();
  });
});
