// What the people's reports put first (issue 17, items 1–4): disputes with their
// sides, corroborated claims by independent origins, unique claims in article
// order and folded, undated sources, "N of M claims shown", stories, reviewer
// decisions and updates — on hand-made reports with invented sentences.
import { describe, expect, it } from 'vitest';
import { groupFindings, shownUnique, sidesOf, UNIQUE_SHOWN_PER_SOURCE } from '../src/render/digest.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { sameSideOutlets, toClaimReview } from '../src/render/claimreview.js';
import { DEFAULT_RENDER_OPTIONS, summarize, type RenderOptions } from '../src/render/shared.js';
import { renderText } from '../src/render/text.js';
import type { Finding, Mention, Report, SourceSummary } from '../src/types.js';
import { testMention } from './helpers/mention.js';

function mention(source: string, outlet: string, text: string, line: number, extra: Partial<Mention> = {}): Mention {
  const base = testMention({ key: `${source}#${line}`, source, outlet, text, line, ...extra });
  return { ...base, place: { start: { line, column: 1, offset: line * 100 }, end: { line, column: text.length + 1, offset: line * 100 + text.length } } };
}

function finding(id: string, verdict: Finding['verdict'], mentions: Mention[], extra: Partial<Finding> = {}): Finding {
  return {
    id,
    verdict,
    text: mentions[0]!.text,
    outlets: [...new Set(mentions.map((m) => m.outlet))].sort(),
    origins: [...new Set(mentions.map((m) => m.outlet))].sort(),
    mentions,
    conflicts: [],
    related: [],
    ...extra,
  };
}

function source(id: string, outlet: string, published?: string): SourceSummary {
  return { id, path: `sources/${id}.md`, outlet, ...(published ? { published } : {}), sentences: 10, claims: 5 };
}

const sources = [source('alpha', 'Alpha Herald', '2024-05-02'), source('beta', 'Beta Courier')];

// Ids sort against article order on purpose: z… is first in its article.
const uniques = [
  finding('a1', 'unique', [mention('alpha', 'Alpha Herald', 'The harbour crane was repainted blue in April.', 9)]),
  finding('z9', 'unique', [mention('alpha', 'Alpha Herald', 'The ferry timetable changes on the first of June.', 3)]),
  finding('m5', 'unique', [mention('beta', 'Beta Courier', 'A new bakery opened beside the station.', 4)]),
];
const dispute = finding(
  'd1',
  'disputed',
  [
    mention('alpha', 'Alpha Herald', 'The storm felled 40 oaks in the park.', 5),
    mention('beta', 'Beta Courier', 'The storm felled 25 oaks in the park.', 6),
    mention('gamma', 'Gamma Post', 'The storm felled 40 oaks in the park, rangers said.', 2),
  ],
  {
    conflicts: [
      { between: [0, 1], kind: 'quantity', detail: '40 oaks vs 25 oaks (the figures cannot both be true)' },
      { between: [2, 1], kind: 'quantity', detail: '40 oaks vs 25 oaks (the figures cannot both be true)' },
    ],
  },
);
const fewOrigins = finding('c1', 'corroborated', [
  mention('alpha', 'Alpha Herald', 'The pier reopens on Saturday, the council said.', 7),
  mention('beta', 'Beta Courier', 'The council said the pier reopens on Saturday.', 8),
], { origins: ['council'] });
const manyOrigins = finding('c2', 'corroborated', [
  mention('alpha', 'Alpha Herald', 'Tram fares rise by ten cents next month.', 11),
  mention('beta', 'Beta Courier', 'Tram fares will rise by ten cents next month.', 12),
]);
const report: Report = { schemaVersion: 1, sources: [...sources, source('gamma', 'Gamma Post', '2024-05-01')], claims: [fewOrigins, ...uniques, manyOrigins, dispute], diagnostics: [] };
const plain: RenderOptions = { ...DEFAULT_RENDER_OPTIONS, width: 200 };

describe('the order of the report', () => {
  it('should put disputes first, then corroborated claims by origins, then unique claims in article order', () => {
    const [group] = groupFindings(report);
    expect(group!.disputed.map((f) => f.id)).toEqual(['d1']);
    expect(group!.corroborated.map((f) => f.id)).toEqual(['c2', 'c1']);
    expect(group!.unique.map((entry) => [entry.sourceId, entry.findings.map((f) => f.id)])).toEqual([
      ['alpha', ['z9', 'a1']],
      ['beta', ['m5']],
    ]);
  });

  it.each([
    ['text', (r: Report, o: RenderOptions) => renderText(r, o)],
    ['markdown', (r: Report, o: RenderOptions) => renderMarkdown(r, o)],
  ])('should print the sections in that order in %s', (_name, render) => {
    const text = render(report, plain);
    const at = (needle: string) => text.indexOf(needle);
    expect(at('felled 40 oaks')).toBeLessThan(at('Tram fares rise'));
    expect(at('Tram fares rise')).toBeLessThan(at('The pier reopens'));
    expect(at('The ferry timetable')).toBeLessThan(at('The harbour crane'));
    expect(at('The harbour crane')).toBeLessThan(at('A new bakery'));
  });
});

describe('the sides of a dispute', () => {
  it('should say which outlets state which figure, each conflict once', () => {
    const sides = sidesOf(dispute);
    expect(sides).toHaveLength(1);
    expect(sides[0]!.sides.map((side) => [side.value, side.outlets])).toEqual([
      ['40 oaks', ['Alpha Herald', 'Gamma Post']],
      ['25 oaks', ['Beta Courier']],
    ]);
    expect(sides[0]!.reason).toBe('the figures cannot both be true');
  });

  it('should print the sides once in the text report', () => {
    const text = renderText(report, plain);
    expect(text).toContain('quantity: "40 oaks" (Alpha Herald, Gamma Post) vs "25 oaks" (Beta Courier): the figures cannot both be true');
    expect(text.match(/40 oaks" \(/g)).toHaveLength(1);
  });

  it.each([
    // Gamma Post published first; Beta Courier has no date, so its side has no first appearance.
    [[0, 1] as const, ['Alpha Herald', 'Gamma Post'], 'Gamma Post'],
    [[1, 0] as const, ['Beta Courier'], undefined],
  ])('should take ClaimReview text and firstAppearance from one side (representative %j)', (order, side, expected) => {
    const mentions = order.map((index) => dispute.mentions[index]!);
    const reordered: Finding = { ...dispute, text: mentions[0]!.text };
    expect([...sameSideOutlets(reordered)].sort()).toEqual(side);
    const graph = toClaimReview({ ...report, claims: [reordered] }, DEFAULT_RENDER_OPTIONS)['@graph'] as { text: string; firstAppearance?: { publisher: { name: string } } }[];
    expect(graph[0]!.firstAppearance?.publisher.name).toBe(expected);
    expect(graph[0]!.text).toBe(reordered.text);
  });
});

describe('folding, undated sources and filters', () => {
  const many = Array.from({ length: UNIQUE_SHOWN_PER_SOURCE + 2 }, (_, index) =>
    finding(`u${index}`, 'unique', [
      mention('beta', 'Beta Courier', `Filler sentence number ${index} about the weather.`, 20 + index, {
        checkworthiness: { checkworthy: true, score: index === 1 ? 0.9 : 0.1 + index / 100, reason: 'test' },
      }),
    ]),
  );
  const big: Report = { ...report, claims: many };

  it('should show the most check-worthy few per source, in article order, and every one with all', () => {
    const kept = shownUnique(many, false);
    expect(kept).toHaveLength(UNIQUE_SHOWN_PER_SOURCE);
    expect(kept.map((f) => f.id)).toContain('u1');
    expect(kept.map((f) => many.indexOf(f))).toEqual([...kept.map((f) => many.indexOf(f))].sort((a, b) => a - b));
    expect(shownUnique(many, true)).toHaveLength(many.length);
    expect(renderText(big, plain)).toContain('… 2 more');
    expect(renderText(big, { ...plain, all: true })).not.toContain('more');
  });

  it.each([
    ['text', renderText],
    ['markdown', renderMarkdown],
  ])('should name the sources without a published date (%s)', (_name, render) => {
    const text = render(report, plain);
    expect(text).toMatch(/stay unresolved: Beta Courier/);
  });

  it.each([
    ['text', renderText],
    ['markdown', renderMarkdown],
  ])('should keep the summary and say how many claims a filter shows (%s)', (_name, render) => {
    const filtered: Report = { ...report, claims: [dispute] };
    const text = render(filtered, { ...plain, unfiltered: summarize(report), filterNote: '--verdict disputed' });
    expect(text).toContain(`3 sources, 3 outlets, ${report.claims.length} claims: 1 disputed, 2 corroborated, 3 unique`);
    expect(text).toContain(`1 of ${report.claims.length} claims shown (--verdict disputed)`);
  });
});

describe('stories, reviews and updates', () => {
  it.each([
    [undefined, 0],
    [[{ id: 's1', title: 'Storm in the park', sources: ['alpha', 'beta', 'gamma'] }], 0],
    [
      [
        { id: 's1', title: 'Storm in the park', sources: ['alpha', 'gamma'] },
        { id: 's2', title: 'Bakery by the station', sources: ['beta'] },
      ],
      2,
    ],
  ])('should group by story only when there are several (%j)', (stories, headings) => {
    const text = renderText({ ...report, ...(stories ? { stories } : {}) }, plain);
    expect(text.match(/^STORY: /gm) ?? []).toHaveLength(headings);
  });

  it('should put a claim in the story its finding names', () => {
    const stories = [
      { id: 's1', title: 'Storm in the park', sources: ['alpha', 'gamma'] },
      { id: 's2', title: 'Bakery by the station', sources: ['beta'] },
    ];
    const tagged = { ...report, stories, claims: report.claims.map((f) => (f.id === 'm5' ? f : { ...f, story: 's1' })) };
    const groups = groupFindings(tagged);
    expect(groups.map((group) => group.story?.id)).toEqual(['s1', 's2']);
    expect(groups[1]!.unique.flatMap((entry) => entry.findings.map((f) => f.id))).toEqual(['m5']);
  });

  it.each([
    ['text', renderText],
    ['markdown', renderMarkdown],
  ])("should show a reviewer's decision and a reviewed update (%s)", (_name, render) => {
    const options: RenderOptions = {
      ...plain,
      reviews: new Map([['c1', { confirmed: 'corroborated', note: 'Checked with the council minutes.' }]]),
      updates: [['alpha#7', 'beta#8']],
    };
    const text = render(report, options);
    expect(text).toMatch(/Reviewed:?\**:? confirmed corroborated|reviewed: confirmed corroborated/);
    expect(text).toContain('Checked with the council minutes.');
    expect(text).toMatch(/update\**:? \(a reviewer's updates:\)/);
  });
});
