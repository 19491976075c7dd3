// Story scope of matching: a story's clusters do not depend on what else is in the
// folder (blocking terms are counted per story), claims of two stories match only as
// substantial near-copies, and the story rule (names, briefs) that decides the scope.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/core/parse.js';
import { analyzeSource, buildReport } from '../src/core/report.js';
import { shareCoreName, storyGate, storyProfile, storyRelation, type StorySource } from '../src/core/stories.js';
import type { Source } from '../src/types.js';

function source(name: string, outlet: string, published: string, paragraphs: readonly string[], title?: string): Source {
  const front = [`outlet: ${outlet}`, `published: ${published}`, ...(title ? [`title: ${title}`] : [])].join('\n');
  const parsed = parseSource(`${name}.md`, new TextEncoder().encode(`---\n${front}\n---\n\n${paragraphs.join('\n\n')}\n`));
  if (!parsed.source) throw new Error(`cannot parse ${name}`);
  return parsed.source;
}

/** The clusters of two or more mentions, as sorted mention keys, of the claims of `ids` only. */
function clustersOf(sources: readonly Source[], ids: ReadonlySet<string>): string[] {
  const report = buildReport(sources, sources.map(analyzeSource));
  return report.claims
    .filter((finding) => finding.mentions.length >= 2 && finding.mentions.every((m) => ids.has(m.source)))
    .map((finding) => finding.mentions.map((m) => m.key).sort().join(' '))
    .sort();
}

const TOWNS = ['Alderby', 'Brisworth', 'Cawley', 'Dunmore', 'Eskdale', 'Farrow', 'Gilby', 'Hexley', 'Ilmore', 'Jarrow', 'Kelby', 'Lindow'];
const STREETS = ['Orchard', 'Mill', 'Station', 'Chapel', 'Bridge', 'Church', 'Market', 'Castle', 'Forge', 'Granary', 'Tannery', 'Wharf'];

// Another story, months earlier, whose claims use the same rare words many times over (over 50 claims).
const noise: Source[] = TOWNS.flatMap((town, t) =>
  STREETS.slice(0, 5).map((street, k) =>
    source(`noise-${t}-${k}`, `Gazette ${t}-${k}`, `2030-0${1 + (k % 5)}-1${t % 9}`, [
      `Quarry pumps in ${town} failed during the violent storm on Tuesday night and flooded ${street} Lane, the parish council said.`,
      `The whole quarry on ${street} Lane in ${town} flooded after its pumps failed during the storm on Tuesday night, the parish council told reporters.`,
    ]),
  ),
);
const story: Source[] = [
  source('story-a', 'Valley Post', '2031-06-02', [
    'The Brackenholt quarry flooded after its pumps failed during the storm on Tuesday night, the parish council said.',
    'About forty workers were sent home from the quarry.',
  ]),
  source('story-b', 'Hill Courier', '2031-06-02', [
    'Pumps at the Brackenholt quarry failed during the violent storm on Tuesday night and the whole quarry flooded, the parish council told reporters.',
    'Roughly forty workers were sent home.',
  ]),
];

describe('a story matched alone and inside a larger folder', () => {
  const ids = new Set(story.map((s) => s.id));
  it.each([
    ['the story alone', story],
    ['with another story that uses its words over fifty times', [...noise, ...story]],
    ['with that story after it', [...story, ...noise]],
  ])('should give the same clusters: %s', (_name, folder) => {
    const alone = clustersOf(story, ids);
    expect(alone.length).toBeGreaterThan(0);
    expect(clustersOf(folder, ids)).toEqual(alone);
  });
});

describe('claims of two stories', () => {
  const first = source('fire', 'Coast Herald', '2031-02-10', [
    'A fire destroyed the Pellow timber yard in Marsh End overnight, fire chief Ada Wren said.',
    'His name has not been released.',
    'The Tarrow County transit board announced that the Harwick Bridge toll will rise to four dollars on March 1 for every car.',
  ]);
  const second = source('crash', 'Inland Times', '2031-09-22', [
    'A cyclist was hurt in a collision with a delivery van on Quarry Road in Selby, police said.',
    'His name has not been released.',
    'The Tarrow County transit board announced that the Harwick Bridge toll will rise to four dollars on March 1 for every car.',
  ]);
  const report = buildReport([first, second], [first, second].map(analyzeSource));
  const together = (text: string) => report.claims.some((f) => f.mentions.length === 2 && f.mentions[0]!.text.startsWith(text));
  it.each([
    ['a stock phrase both print', 'His name has not been released', false],
    ['a long sentence copied word for word', 'The Tarrow County transit board', true],
  ])('should match %s: %s', (_name, text, expected) => {
    expect(together(text)).toBe(expected);
  });
});

const report = (id: string, paragraphs: string[], published = '2031-04-01', title?: string): StorySource => ({ id, paragraphs, published, ...(title ? { title } : {}) });
const long = report(
  'long',
  [
    'Flood water reached the Corrin Valley mill in Ashbury on Monday after the Lune burst its banks, the Ashbury mayor Tomas Reed said.',
    'Reed said the mill, which employs ninety people, would stay shut for a month while pumps clear the cellars.',
    'Volunteers stacked sandbags along the Lune embankment through the night, and the county opened a shelter in the Ashbury school hall.',
    'Insurers said claims from the valley could pass two million pounds.',
  ],
  '2031-04-01',
  'Flood shuts Corrin Valley mill in Ashbury',
);

describe('story rule', () => {
  it.each([
    ['a brief that names its event', report('brief', ['Ashbury mayor Tomas Reed said the flooded Corrin Valley mill would stay shut for a month.']), true],
    ['a brief of a few common words and no shared name', report('few', ['The flood is over in Dunsmore.']), false],
    ['another event months later', report('later', ['Ashbury mayor Tomas Reed said the flooded Corrin Valley mill would stay shut for a month.'], '2031-09-01'), false],
  ])('should relate the long report and %s', (_name, other, expected) => {
    const [a, b] = [storyProfile(long), storyProfile(other)];
    expect(storyRelation(a, b)).toBe(expected);
    expect(storyRelation(b, a)).toBe(expected);
  });

  it.each([
    ['the same mayor', report('x', ['Tomas Reed, the Ashbury mayor, spoke.']), true],
    ['nobody in common', report('y', ['Ingrid Salo opened the Kesby fair.']), false],
  ])('should tell whether the main events share a name: %s', (_name, other, expected) => {
    expect(shareCoreName(storyProfile(long), storyProfile(other))).toBe(expected);
  });

  it.each([
    [['long', 'brief'], 'brief'],
    [['brief', 'long', 'few'], 'brief'],
  ])('should name the story of a source by its least source id: %j', (ids, name) => {
    const profiles = ids.map((id) =>
      storyProfile(id === 'long' ? long : id === 'few' ? report('few', ['The flood is over in Dunsmore.']) : report(id, ['Ashbury mayor Tomas Reed said the flooded Corrin Valley mill would stay shut for a month.'])),
    );
    const gate = storyGate(profiles);
    expect(gate.storyOf('long')).toBe(name);
    expect(gate.storyOf('brief')).toBe(name);
    if (ids.includes('few')) expect(gate.storyOf('few')).toBe('few');
  });
});
