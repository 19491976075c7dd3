// The HTML page shows what text and Markdown show (issue 17, items 1, 4, 12):
// "N of M claims shown" under a filter, later figures of a running count and
// reviewer-marked `updates:` as update lines (not sides or ≠ cells), reviewer
// decisions, and one heading per story when the report has several. Hand-made
// reports with invented sentences, rendered to a DOM with linkedom.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { DEFAULT_RENDER_OPTIONS, filterReport, summarize, type RenderOptions } from '../../src/render/shared.js';
import { renderText } from '../../src/render/text.js';
import type { Finding, Mention, Quantity, Report, SourceSummary } from '../../src/types.js';
import { testMention } from '../helpers/mention.js';

function quantity(text: string, value: number, unit: string): Quantity {
  return { text, span: { start: 0, end: text.length }, value, min: value, max: value, minExclusive: false, maxExclusive: false, approximate: false, unit, kind: 'count' } as Quantity;
}

function mention(source: string, outlet: string, text: string, line: number, extra: Partial<Mention> = {}): Mention {
  return testMention({ key: `${source}#${line}`, source, outlet, text, line, ...extra });
}

function finding(id: string, verdict: Finding['verdict'], mentions: Mention[], extra: Partial<Finding> = {}): Finding {
  const outlets = [...new Set(mentions.map((m) => m.outlet))].sort();
  return { id, verdict, text: mentions[0]!.text, outlets, origins: outlets, mentions, conflicts: [], related: [], ...extra };
}

function source(id: string, outlet: string): SourceSummary {
  return { id, path: `sources/${id}.md`, outlet, published: '2024-03-0' + (id.length % 9), sentences: 4, claims: 2 };
}

// A running count that rose (the judge's `update: true`) alongside a real dispute.
const rising = finding(
  'u1',
  'disputed',
  [
    mention('north', 'North Ledger', 'The flood has closed 12 roads, officials said.', 3, { quantities: [quantity('12 roads', 12, 'road')] }),
    mention('south', 'South Wire', 'The flood has now closed 19 roads.', 4, { quantities: [quantity('19 roads', 19, 'road')] }),
    mention('east', 'East Bulletin', 'The flood has closed 7 roads.', 5, { quantities: [quantity('7 roads', 7, 'road')] }),
  ],
  {
    conflicts: [
      { between: [0, 1], kind: 'quantity', detail: '12 roads vs 19 roads (a later count)', update: true },
      { between: [1, 2], kind: 'quantity', detail: '19 roads vs 7 roads (the figures cannot both be true)' },
    ],
  },
);
const agreed = finding('c1', 'corroborated', [
  mention('north', 'North Ledger', 'The dam holds 30 million litres.', 7),
  mention('south', 'South Wire', 'The dam holds 30 million litres, engineers said.', 8),
]);
const lone = finding('n1', 'unique', [mention('east', 'East Bulletin', 'A new footbridge opens in May.', 9)]);
const report: Report = {
  schemaVersion: 1,
  sources: [source('north', 'North Ledger'), source('south', 'South Wire'), source('east', 'East Bulletin')],
  claims: [agreed, lone, rising],
  diagnostics: [],
};
const plain: RenderOptions = { ...DEFAULT_RENDER_OPTIONS, width: 200 };
const doc = (html: string) => parseHTML(html).document;

describe('a filter on the HTML page', () => {
  it.each([
    [{ verdicts: ['disputed' as const] }, '--verdict disputed', '1 of 3 claims shown (--verdict disputed)'],
    [{ outlets: ['East Bulletin'] }, '--outlet "East Bulletin"', '2 of 3 claims shown (--outlet "East Bulletin")'],
  ])('should say how many claims %j shows and keep the full counts', (filter, note, line) => {
    const shown = filterReport(report, filter);
    const options = { ...plain, unfiltered: summarize(report), filterNote: note };
    const page = doc(renderHtml(shown, options));
    expect(page.querySelector('#shown')?.textContent).toBe(line);
    expect(page.querySelector('.summary')?.textContent).toContain('3 claims');
    expect(renderText(shown, options)).toContain(line);
  });

  it('should say nothing without a filter', () => {
    expect(doc(renderHtml(report, { ...plain, unfiltered: summarize(report) })).querySelector('#shown')).toBeNull();
  });
});

describe('updates on the HTML page', () => {
  it('should show a later figure as an update with its outlets, not as a side or reason', () => {
    const page = doc(renderHtml(report, plain));
    const card = page.querySelector('#claim-u1')!;
    const updates = [...card.querySelectorAll('.updates li')].map((li) => li.textContent);
    expect(updates).toEqual(['updatequantity, a later figure: “12 roads” (North Ledger) → “19 roads” (South Wire)']);
    const reasons = [...card.querySelectorAll('.reasons li')].map((li) => li.textContent ?? '');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('19 roads vs 7 roads');
    // North Ledger only updates the count: its matrix cell is ✓, not ≠.
    const row = [...page.querySelectorAll('#matrix tbody tr')].find((tr) => tr.querySelector('a')?.getAttribute('href') === '#claim-u1')!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.className);
    expect(cells).toEqual(['states', 'conflict', 'conflict']);
  });

  it.each([
    ['html', (r: Report, o: RenderOptions) => doc(renderHtml(r, o)).querySelector('#claim-c1 .updates')?.textContent ?? ''],
    ['text', renderText],
    ['markdown', renderMarkdown],
  ])("should show a reviewer's updates: pair and decision (%s)", (_name, render) => {
    const options: RenderOptions = {
      ...plain,
      updates: [['north#7', 'south#8']],
      reviews: new Map([['c1', { confirmed: 'corroborated', note: 'Checked the dam report.' }]]),
    };
    expect(render(report, options)).toMatch(/reviewer's updates/);
    const page = renderHtml(report, options);
    expect(doc(page).querySelector('#claim-c1 .review')?.textContent).toBe('Reviewed: confirmed corroborated — Checked the dam report.');
  });

  it.each([
    ['text', renderText],
    ['markdown', renderMarkdown],
  ])('should show a later figure as an update in %s', (_name, render) => {
    expect(render(report, plain)).toMatch(/update\**:? \(quantity, a later figure\): "12 roads" \(North Ledger\) → "19 roads" \(South Wire\)/);
  });
});

describe('stories on the HTML page', () => {
  const stories = [
    { id: 's1', title: 'Flood closes roads', sources: ['north', 'south'] },
    { id: 's2', title: 'Footbridge opens', sources: ['east'] },
  ];
  it.each([
    [undefined, []],
    [[stories[0]!], []],
    [stories, ['Story: Flood closes roads (1 claim)', 'Story: Flood closes roads (1 claim)', 'Story: Footbridge opens (1 claim)']],
  ])('should head each story in each verdict section (%j)', (given, headings) => {
    const page = doc(renderHtml({ ...report, ...(given ? { stories: given } : {}) }, plain));
    expect([...page.querySelectorAll('.story-h')].map((h) => h.textContent)).toEqual(headings);
    // Every claim is still on the page once, under its verdict.
    expect([...page.querySelectorAll('[data-verdict][id^="claim-"]')].map((el) => el.id).sort()).toEqual(['claim-c1', 'claim-n1', 'claim-u1']);
  });

  it('should list the stories under the summary', () => {
    const page = doc(renderHtml({ ...report, stories }, plain));
    expect([...page.querySelectorAll('.stories li')].map((li) => li.textContent)).toEqual(['Flood closes roads (2 sources, 2 claims)', 'Footbridge opens (1 source, 1 claim)']);
  });
});
