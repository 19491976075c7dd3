// The exports for reviewers and spreadsheets: readable quantities, the CSV's
// columns (names not counts, --bom), the JSON `review` extension, and schema.org
// ClaimReview JSON-LD (Google's fact-check shape) for claims a reviewer confirmed.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';
import { crossReference } from '../../src/engine/run.js';
import type { ClaimReviewDecision } from '../../src/ledger/reviews.js';
import { RATING_NAMES, toClaimReview } from '../../src/render/claimreview.js';
import { joinChunks } from '../../src/render/chunks.js';
import { DEFAULT_RENDER_OPTIONS, EXPORT_FORMATS } from '../../src/render/index.js';
import { renderJson } from '../../src/render/json.js';
import { readableDate, readableQuantity } from '../../src/render/readable.js';
import type { DateMention, Quantity, Report } from '../../src/types.js';

const root = path.join(import.meta.dirname, '..', '..');
let report: Report;
beforeAll(async () => {
  report = await crossReference(['sources', 'tests/fixtures/synthetic/two-meetings.md'], { cwd: root });
});

function quantity(text: string, q: Partial<Quantity>): Quantity {
  return { text, span: { start: 0, end: text.length }, value: 0, min: null, max: null, minExclusive: false, maxExclusive: false, approximate: false, unit: null, kind: 'count', ...q };
}

describe('readable quantities and dates', () => {
  it.each([
    [quantity('at least four video meetings', { value: 4, min: 4, unit: 'meeting' }), 'at least 4 meetings'],
    [quantity('more than three ferries', { value: 3, min: 3, minExclusive: true, unit: 'ferry' }), 'more than 3 ferries'],
    [quantity('fewer than ten volunteers', { value: 10, min: 0, max: 10, maxExclusive: true, unit: 'volunteer' }), 'fewer than 10 volunteers'],
    [quantity('up to five years', { value: 5, min: 0, max: 5, unit: 'year', kind: 'duration' }), 'up to 5 years'],
    [quantity('one lighthouse', { value: 1, min: 1, max: 1, unit: 'lighthouse' }), '1 lighthouse'],
    [quantity('roughly 15,000 tickets', { value: 15000, min: 15000, max: 15000, approximate: true, unit: 'ticket' }), 'about 15,000 tickets'],
    [quantity('between three and five bridges', { value: 3, min: 3, max: 5, unit: 'bridge' }), 'between 3 and 5 bridges'],
    [quantity('12 percent', { value: 12, min: 12, max: 12, kind: 'percent', unit: 'percent' }), '12%'],
    [quantity('in 2019', { value: 2019, min: 2019, max: 2019, kind: 'year' }), '2019'],
  ])('%j reads as %s', (q, expected) => {
    expect(readableQuantity(q)).toBe(expected);
  });

  it.each([
    [{ text: 'on Friday', value: '2021-03-05', grain: 'day', relative: true }, '2021-03-05 (on Friday)'],
    [{ text: 'last week', value: null, grain: 'day', relative: true }, 'last week (unresolved)'],
    [{ text: '2021-03-05', value: '2021-03-05', grain: 'day', relative: false }, '2021-03-05'],
  ] as const)('%j reads as %s', (d, expected) => {
    expect(readableDate({ ...d, span: { start: 0, end: d.text.length } } as DateMention)).toBe(expected);
  });
});

describe('CSV export', () => {
  it('should name outlets and origins, give the source title, url and date, and read quantities', () => {
    const rows = parse(joinChunks(EXPORT_FORMATS.csv(report, DEFAULT_RENDER_OPTIONS)), { columns: true }) as Record<string, string>[];
    const mentions = report.claims.flatMap((claim) => claim.mentions.map((mention) => ({ claim, mention })));
    expect(rows).toHaveLength(mentions.length);
    rows.forEach((row, index) => {
      const { claim, mention } = mentions[index]!;
      const source = report.sources.find((s) => s.id === mention.source)!;
      expect(row.outlets).toBe(claim.outlets.join('; '));
      expect(row.origins).toBe(claim.origins.join('; '));
      expect([row.file, row.line, row.column, row.key]).toEqual([mention.path, String(mention.place.start.line), String(mention.place.start.column), mention.key]);
      expect([row.title, row.url, row.published]).toEqual([source.title ?? '', source.url ?? '', source.published ?? '']);
      expect(row.quantities).not.toMatch(/\[|inf/);
    });
    const withFigure = rows.find((row) => row.file === 'tests/fixtures/synthetic/two-meetings.md' && row.quantities !== '');
    expect(withFigure?.quantities).toMatch(/\b2 (video )?meetings\b/);
  });

  it.each([
    [true, '\uFEFFclaim_id,'],
    [false, 'claim_id,'],
  ])('with bom=%s should start with %j', (bom, start) => {
    const text = joinChunks(EXPORT_FORMATS.csv(report, { ...DEFAULT_RENDER_OPTIONS, bom }));
    expect(text.startsWith(start)).toBe(true);
  });
});

type Node = Record<string, any>;

/** What Google's fact-check markup asks of a ClaimReview, checked by hand. */
function claimReviewProblems(node: Node): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  need(node['@type'] === 'ClaimReview', '@type');
  need(typeof node.claimReviewed === 'string' && node.claimReviewed.length > 0, 'claimReviewed');
  need(/^https?:\/\//.test(node.url ?? ''), 'url');
  need(node.author?.['@type'] === 'Organization' && typeof node.author.name === 'string', 'author Organization');
  need(/^\d{4}-\d{2}-\d{2}$/.test(node.datePublished ?? ''), 'datePublished');
  need(node.reviewRating?.['@type'] === 'Rating' && typeof node.reviewRating.alternateName === 'string', 'reviewRating.alternateName');
  const claim = node.itemReviewed ?? {};
  need(claim['@type'] === 'Claim', 'itemReviewed Claim');
  need(Array.isArray(claim.appearance) && claim.appearance.length > 0, 'itemReviewed.appearance');
  return problems;
}

describe('ClaimReview export', () => {
  const options = (reviews: Map<string, ClaimReviewDecision>) => ({
    ...DEFAULT_RENDER_OPTIONS,
    reviews,
    organization: { name: 'Harbour Fact Desk', url: 'https://facts.example/' },
    reviewUrl: 'https://facts.example/claims/{id}',
    reviewDate: '2026-01-15',
  });

  it.each(['corroborated', 'disputed', 'unique'] as const)('should review a confirmed %s claim as Google expects', (verdict) => {
    const finding = report.claims.find((claim) => claim.verdict === verdict)!;
    const data = toClaimReview(report, options(new Map([[finding.id, { confirmed: verdict, note: 'Checked against the court filing.' }]])));
    const graph = data['@graph'] as Node[];
    expect(graph).toHaveLength(report.claims.length);
    const reviews = graph.filter((node) => node['@type'] === 'ClaimReview');
    expect(reviews).toHaveLength(1);
    const review = reviews[0]!;
    expect(claimReviewProblems(review)).toEqual([]);
    expect(review.url).toBe(`https://facts.example/claims/${finding.id}`);
    expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: RATING_NAMES[verdict], ratingExplanation: 'Checked against the court filing.' });
    expect(review.itemReviewed.appearance.map((a: Node) => a.publisher.name)).toEqual([...new Set(finding.mentions.map((m) => m.outlet))]);
    expect(graph.filter((node) => node['@type'] === 'Claim')).toHaveLength(report.claims.length - 1);
    expect(data['@context']).toBe('https://schema.org');
    expect(JSON.stringify(data)).not.toMatch(/claimcheck/);
  });

  it('should give a Claim with a firstAppearance to every unreviewed claim, and no ClaimReview for a stale review', () => {
    const finding = report.claims.find((claim) => claim.verdict === 'disputed')!;
    const graph = toClaimReview(report, options(new Map([[finding.id, { confirmed: 'corroborated' }]])))['@graph'] as Node[];
    expect(graph.every((node) => node['@type'] === 'Claim')).toBe(true);
    const dated = graph.find((node) => node.firstAppearance);
    expect(dated?.firstAppearance.datePublished).toBe(dated?.appearance.map((a: Node) => a.datePublished).filter(Boolean).sort()[0]);
  });

  it('should put the review into the JSON export, valid against the shipped schema', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'schema', 'claimcheck-export.schema.json'), 'utf8'));
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const finding = report.claims[0]!;
    const data = JSON.parse(joinChunks(renderJson(report, '0.0.0', new Map([[finding.id, { confirmed: finding.verdict, note: 'fine' }]]))));
    expect(validate(data)).toBe(true);
    expect(data.claims[0].review).toEqual({ confirmed: finding.verdict, note: 'fine' });
    expect(data.claims.slice(1).some((claim: Node) => 'review' in claim)).toBe(false);
  });
});

describe('export --format claimreview from a reviewed ledger', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'claimcheck-claimreview-'));
    cpSync(path.join(root, 'sources'), path.join(dir, 'sources'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function claimcheck(...argv: string[]) {
    return runCli(argv, { cwd: dir, env: { NO_COLOR: '1' } });
  }

  it('should publish a ClaimReview for the claim whose review: confirmed its verdict', async () => {
    expect((await claimcheck('check', '--update')).code).toBe(0);
    const file = readdirSync(path.join(dir, 'claims')).filter((name) => name.endsWith('.yml')).sort()[0]!;
    const verdict = /^verdict: (\w+)$/m.exec(readFileSync(path.join(dir, 'claims', file), 'utf8'))![1]!;
    appendFileSync(path.join(dir, 'claims', file), `review:\n  confirmed: ${verdict}\n  note: "Read both articles."\n`);
    const { code, stdout } = await claimcheck('export', '--format', 'claimreview', '--organization', 'Harbour Fact Desk', '--review-url', 'https://facts.example/c/{id}', '--review-date', '2026-02-01');
    expect(code).toBe(0);
    const reviews = (JSON.parse(stdout)['@graph'] as Node[]).filter((node) => node['@type'] === 'ClaimReview');
    expect(reviews).toHaveLength(1);
    expect(claimReviewProblems(reviews[0]!)).toEqual([]);
    expect(reviews[0]!.url).toBe(`https://facts.example/c/${file.replace(/\.yml$/, '')}`);
    const json = JSON.parse((await claimcheck('export')).stdout);
    expect(json.claims.filter((claim: Node) => claim.review)).toEqual([expect.objectContaining({ review: { confirmed: verdict, note: 'Read both articles.' } })]);
  });
});
