// Synthetic articles that conflict with or agree with the seeds: a dispute must
// appear when the article joins the corpus and vanish when it leaves.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossReference } from '../src/engine/run.js';
import type { Finding, Report } from '../src/types.js';

const root = path.join(import.meta.dirname, '..');
const synthetic = (name: string) => `tests/fixtures/synthetic/${name}`;
const run = (...extra: string[]) => crossReference(['sources', ...extra], { cwd: root });
const findingWithOutlet = (report: Report, outlet: string): Finding => {
  const finding = report.claims.find((candidate) => candidate.outlets.includes(outlet) && candidate.mentions.length > 1);
  if (!finding) throw new Error(`no shared finding for ${outlet}`);
  return finding;
};

describe('disputes against the seed corpus', () => {
  it.each([
    ['two-meetings.md', 'Synthetic Daily', 'quantity', 'at least four video meetings vs two video meetings'],
    ['age-41.md', 'Synthetic Times', 'quantity', '39-year-old vs 41-year-old'],
    ['five-years.md', 'Synthetic Courier', 'quantity', 'a maximum of 10 years vs a maximum of 5 years'],
    ['roughly-fifteen.md', 'Synthetic Post', 'quantity', 'fewer than ten individual users vs roughly 15 individual users'],
    ['never-charged.md', 'Synthetic Observer', 'negation', '"never" negates'],
  ])('should dispute the claim %s contradicts', async (file, outlet, kind, detail) => {
    const report = await run(synthetic(file));
    const finding = findingWithOutlet(report, outlet);
    expect(finding.verdict).toBe('disputed');
    const conflict = finding.conflicts.find((candidate) => candidate.kind === kind);
    expect(conflict?.detail).toContain(detail.split(' vs ')[0]!.replace(/^"|"$/g, ''));
    if (detail.includes(' vs ')) expect(conflict?.detail).toContain(detail.split(' vs ')[1]!);
    // Each conflict names two mentions of different outlets, one of them the new article.
    const [a, b] = conflict!.between;
    expect(finding.mentions[a]!.outlet).not.toBe(finding.mentions[b]!.outlet);
    expect([finding.mentions[a]!.outlet, finding.mentions[b]!.outlet]).toContain(outlet);
  });

  it.each([
    ['five-meetings.md', 'Synthetic Herald', 5],
    ['as-many-as-eight.md', 'Synthetic Ledger', 3],
  ])('should corroborate the compatible figure in %s', async (file, outlet, outlets) => {
    const report = await run(synthetic(file));
    const finding = findingWithOutlet(report, outlet);
    expect(finding.verdict).toBe('corroborated');
    expect(finding.conflicts).toEqual([]);
    expect(finding.outlets).toHaveLength(outlets);
  });

  it('should let the dispute vanish when the article leaves the corpus', async () => {
    const report = await run();
    expect(report.claims.some((finding) => finding.verdict === 'disputed')).toBe(false);
  });
});

describe('dates resolved against the published date', () => {
  const dated = (...files: string[]) => crossReference(files.map((file) => synthetic(`dates/${file}`)), { cwd: root });

  it('should corroborate "on Friday" (published the next day) with "Dec. 18"', async () => {
    const report = await dated('friday.md', 'dec-18.md');
    expect(report.claims).toHaveLength(1);
    expect(report.claims[0]!.verdict).toBe('corroborated');
    expect(report.claims[0]!.mentions.map((mention) => mention.dates[0]?.value)).toEqual(['2020-12-18', '2020-12-18']);
  });

  it('should dispute "Dec. 16" against "on Friday" (2020-12-18)', async () => {
    const report = await dated('friday.md', 'dec-16.md');
    expect(report.claims[0]!.verdict).toBe('disputed');
    expect(report.claims[0]!.conflicts[0]).toMatchObject({ kind: 'date' });
    expect(report.claims[0]!.conflicts[0]!.detail).toContain('2020-12-16');
  });

  it('should leave "on Friday" unresolved without a published date, and so not dispute it', async () => {
    const report = await dated('undated.md', 'dec-16.md');
    const undated = report.claims[0]!.mentions.find((mention) => mention.outlet === 'Undated Digest')!;
    expect(undated.dates[0]).toMatchObject({ text: 'on Friday', value: null });
    expect(report.claims[0]!.verdict).toBe('corroborated');
  });
});
