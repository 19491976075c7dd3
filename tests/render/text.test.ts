// The text and Markdown reporters, fed the fixture Report of the seeds plus a
// disputing article (tests/fixtures/report/), and one end-to-end golden test each
// that runs the pipeline first.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { crossReference } from '../../src/engine/run.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { filterReport } from '../../src/render/shared.js';
import { renderText } from '../../src/render/text.js';
import type { Report } from '../../src/types.js';
import { fixtureReport } from '../helpers/report.js';

const root = path.join(import.meta.dirname, '..', '..');
const report = fixtureReport('seeds-two-meetings');
let running: Promise<Report> | undefined;
/** The pipeline's Report of the same inputs, made once for the end-to-end tests. */
const live = () => (running ??= crossReference(['sources', 'tests/fixtures/synthetic/two-meetings.md'], { cwd: root }));
const plain = { color: false, width: 100, showPossible: false };

describe('text reporter', () => {
  it('should match the golden report of the seeds plus a disputing article (end to end)', async () => {
    await expect(renderText(await live(), plain)).toMatchFileSnapshot('../fixtures/render/seeds-two-meetings.txt');
  });

  it('should print the seed corpus without a disputed section', () => {
    const seeds = fixtureReport('seeds');
    const text = renderText(seeds, plain);
    expect(text.split('\n')[0]).toMatch(/^5 sources, 5 outlets, \d+ claims: 0 disputed, \d+ corroborated, \d+ unique$/);
    expect(text).not.toContain('\nDISPUTED (');
    expect(text).toContain('\nCORROBORATED (');
  });

  it('should put the summary first, then disputed, corroborated and unique claims', () => {
    const text = renderText(report, plain);
    expect(text.split('\n')[0]).toMatch(/^6 sources, 6 outlets, \d+ claims: 1 disputed, \d+ corroborated, \d+ unique$/);
    const order = ['DISPUTED', 'CORROBORATED', 'UNIQUE'].map((heading) => text.indexOf(`\n${heading} (`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it.each([40, 80, 100, 160])('should keep every line within %i columns except unbreakable paths', (width) => {
    const text = renderText(report, { ...plain, width });
    for (const line of text.split('\n')) {
      if (line.length > width) expect(line).toMatch(/\.md:\d+:\d+/);
    }
  });

  it('should colour only when asked', () => {
    expect(renderText(report, plain)).not.toMatch(/\u001b\[/);
    expect(renderText(report, { ...plain, color: true })).toMatch(/\u001b\[31m/);
  });

  it('should place the two conflicting mentions side by side on a wide terminal', () => {
    const text = renderText(filterReport(report, { verdicts: ['disputed'] }), { ...plain, width: 140 });
    expect(text).toMatch(/ {4}\S.*? {3,}Synthetic Daily|Synthetic Daily {3,}\S/);
  });

  it('should list possibly related claims only with showPossible', () => {
    expect(renderText(report, plain)).not.toContain('possibly related');
    expect(renderText(report, { ...plain, showPossible: true })).toContain('possibly related');
  });
});

describe('markdown reporter', () => {
  it('should match the golden Markdown report (end to end)', async () => {
    await expect(renderMarkdown(await live(), plain)).toMatchFileSnapshot('../fixtures/render/seeds-two-meetings.md');
  });

  it('should keep Markdown syntax in sentences as text', () => {
    const hostile = '*Not emphasis* and # not a heading, [not](a link) `nor code`.';
    const unique = report.claims.find((claim) => claim.verdict === 'unique')!;
    const one: Report = { ...report, claims: [{ ...unique, text: hostile, mentions: [{ ...unique.mentions[0]!, text: hostile }] }] };
    const markdown = renderMarkdown(one, plain);
    expect(toString(fromMarkdown(markdown))).toContain(hostile);
  });
});
