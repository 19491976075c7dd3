// The HTML report's overview on hand-made findings: what each side of a dispute
// states in the matrix, outlet × outlet agreement counts, and the timeline's
// marks and off-scale dates (with escaping of hostile outlet names in the SVG).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { agreementFigure, outletPairs, statedBy, timelineFigure } from '../../src/render/html-overview.js';
import type { Conflict, DateMention, Finding, Mention, Quantity, Report, Verdict } from '../../src/types.js';
import { testMention } from '../helpers/mention.js';

const q = (text: string, fields: Partial<Quantity>): Quantity => ({
  text, span: { start: 0, end: text.length }, value: 0, min: null, max: null, minExclusive: false, maxExclusive: false, approximate: false, unit: 'ferry', kind: 'count', ...fields,
});
const d = (text: string, value: string | null): DateMention => ({ text, span: { start: 0, end: text.length }, value, grain: 'day', relative: false });

function finding(id: string, verdict: Verdict, mentions: Mention[], conflicts: Conflict[] = []): Finding {
  return { id, verdict, text: mentions[0]!.text, outlets: [...new Set(mentions.map((m) => m.outlet))].sort(), origins: [], mentions, conflicts, related: [] };
}

const three = testMention({ key: 'a#1', source: 'a', outlet: 'Alpha Post', text: 'Three ferries sank.', quantities: [q('Three ferries', { value: 3, min: 3, max: 3 })] });
const five = testMention({ key: 'b#1', source: 'b', outlet: 'Beta News', text: 'At least five ferries sank.', quantities: [q('At least five ferries', { value: 5, min: 5 })] });
const denies = testMention({ key: 'c#1', source: 'c', outlet: 'Gamma Daily', text: 'No ferry sank.', negated: true });
const disputed = finding('d1', 'disputed', [three, five, denies], [
  { between: [0, 1], kind: 'quantity', detail: 'Three ferries vs At least five ferries' },
  { between: [0, 2], kind: 'negation', detail: 'sank vs no ferry sank' },
]);
const agreed = finding('c1', 'corroborated', [
  testMention({ key: 'a#2', source: 'a', outlet: 'Alpha Post', text: 'The port closed on Monday.', dates: [d('on Monday', '2024-05-06')] }),
  testMention({ key: 'b#2', source: 'b', outlet: 'Beta News', text: 'The port shut Monday.', dates: [d('Monday', '2024-05-06')] }),
]);

describe('what each side of a dispute states', () => {
  it.each([
    [[0], '3 ferries / says it is so'],
    [[1], 'at least 5 ferries'],
    [[2], 'says it is not so'],
  ])('mentions %j state %s', (indexes, expected) => {
    expect(statedBy(disputed, indexes)).toBe(expected);
  });
});

describe('outlet pairs', () => {
  it.each([
    ['Alpha Post', 'Beta News', { agree: 1, conflict: 1 }],
    ['Alpha Post', 'Gamma Daily', { agree: 0, conflict: 1 }],
    ['Beta News', 'Gamma Daily', { agree: 1, conflict: 0 }],
  ])('%s and %s', (a, b, expected) => {
    expect(outletPairs([disputed, agreed]).get(`${a}\u0000${b}`)).toEqual(expected);
  });

  it('should draw a red cell for a conflicting pair and escape outlet names', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = agreementFigure([disputed, agreed], ['Alpha Post', 'Beta News', evil]);
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelectorAll('svg.chart .pair.conflict').length).toBe(2);
    expect(document.querySelectorAll('img').length).toBe(0);
    expect(document.querySelector('svg.chart')!.textContent).toContain(evil);
  });
});

describe('timeline', () => {
  const report = (published: (string | undefined)[]): Report => ({
    schemaVersion: 1,
    sources: published.map((date, i) => ({ id: 'abc'[i]!, path: `sources/${'abc'[i]}.md`, outlet: ['Alpha Post', 'Beta News', 'Gamma Daily'][i]!, sentences: 1, claims: 1, ...(date ? { published: date } : {}) })),
    claims: [disputed, agreed],
    diagnostics: [],
  });
  const marksOf = (html: string) => {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    return {
      published: [...document.querySelectorAll('.mark.published')].map((m) => m.getAttribute('data-date')),
      events: [...document.querySelectorAll('.mark.event')].map((m) => m.getAttribute('data-date')),
      note: document.querySelector('.off-scale')?.textContent ?? '',
    };
  };
  const outlets = ['Alpha Post', 'Beta News', 'Gamma Daily'];

  it('should mark publication dates and stated event dates', () => {
    const marks = marksOf(timelineFigure(report(['2024-05-07', '2024-05-08', undefined]), [disputed, agreed], outlets));
    expect(marks.published).toEqual(['2024-05-07', '2024-05-08']);
    expect(marks.events).toEqual(['2024-05-06', '2024-05-06']);
    expect(marks.note).toBe('');
  });

  it('should list a date years from the story below the chart instead of drawing it', () => {
    const old = finding('u1', 'unique', [testMention({ key: 'c#2', source: 'c', outlet: 'Gamma Daily', text: 'It began on 3 March 1999.', dates: [d('3 March 1999', '1999-03-03')] })]);
    const marks = marksOf(timelineFigure(report(['2024-05-07', '2024-05-08', undefined]), [disputed, agreed, old], outlets));
    expect(marks.events).not.toContain('1999-03-03');
    expect(marks.note).toContain('1999-03-03 (Gamma Daily)');
  });

  it('should say so when there are no dates', () => {
    expect(timelineFigure(report([undefined, undefined, undefined]), [disputed], outlets)).toContain('No dates to show');
  });
});
