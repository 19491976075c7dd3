// The reporters with a conflict of the kind "denial": each renders it (the kind and
// its detail) without failing, as they do the older kinds.
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/csv.js';
import { renderHtml } from '../../src/render/html.js';
import { toJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import type { Report } from '../../src/types.js';
import { fixtureReport } from '../helpers/report.js';

const DETAIL = '"is a hoax" denies what the other mention states (the test sentence)';

/** The fixture with every conflict turned into a denial. */
function withDenials(): Report {
  const report = fixtureReport('seeds-two-meetings');
  const claims = report.claims.map((finding) => ({ ...finding, conflicts: finding.conflicts.map((conflict) => ({ ...conflict, kind: 'denial' as const, detail: DETAIL })) }));
  expect(claims.some((finding) => finding.conflicts.length > 0)).toBe(true);
  return { ...report, claims };
}

describe('a denial conflict in each reporter', () => {
  const plain = { color: false, width: 100, showPossible: false };
  it.each<[string, (report: Report) => string]>([
    ['text', (report) => renderText(report, plain)],
    ['markdown', (report) => renderMarkdown(report, plain)],
    ['html', (report) => renderHtml(report, plain)],
    ['json', (report) => JSON.stringify(toJson(report, 'test'))],
    ['csv', (report) => [...renderCsv(report)].join('')],
  ])('should render it in %s', (_name, render) => {
    const out = render(withDenials());
    expect(out).toContain('denial');
    expect(out).toContain('is a hoax');
  });
});
