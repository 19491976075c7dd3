// The export reporters (JSON, JSONL, CSV, ClaimReview), fed the fixture Report
// of the seeds plus disputing and dated articles (tests/fixtures/report/); the
// JSON export's determinism, stable ids and offsets are checked end to end.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { crossReference } from '../../src/engine/run.js';
import { renderClaimReview } from '../../src/render/claimreview.js';
import { CSV_COLUMNS, renderCsv } from '../../src/render/csv.js';
import { joinChunks, jsonChunks } from '../../src/render/chunks.js';
import { renderJson, renderJsonl, toJson } from '../../src/render/json.js';
import type { Report } from '../../src/types.js';
import { fixtureReport } from '../helpers/report.js';

const root = path.join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(path.join(root, 'schema', 'claimcheck-export.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const validateClaim = ajv.getSchema(`${schema.$id}#/$defs/claim`)!;

const report = fixtureReport('seeds-two-meetings-dates');
const inputs = ['sources', 'tests/fixtures/synthetic/two-meetings.md', 'tests/fixtures/synthetic/dates'];
let running: Promise<Report> | undefined;
/** The pipeline's Report of the same inputs, made once for the end-to-end tests. */
const live = () => (running ??= crossReference(inputs, { cwd: root }));

describe('JSON export', () => {
  it.each([
    ['the seeds with disputing and dated articles', report],
    ['the seed corpus', fixtureReport('seeds')],
  ])('should validate against the shipped JSON Schema: %s', (_name, given) => {
    const valid = validate(JSON.parse(joinChunks(renderJson(given, '0.0.0'))));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('should carry the fields of DESIGN.md for every claim and mention', () => {
    const data = toJson(report, '0.0.0');
    expect(data.schemaVersion).toBe(1);
    const disputed = data.claims.find((claim) => claim.verdict === 'disputed')!;
    expect(Object.keys(disputed)).toEqual(expect.arrayContaining(['id', 'verdict', 'text', 'outlets', 'mentions', 'conflicts']));
    const mention = disputed.mentions[0]!;
    expect(Object.keys(mention)).toEqual(
      expect.arrayContaining(['source', 'outlet', 'text', 'line', 'column', 'start', 'end', 'quantities', 'dates', 'negated', 'attribution']),
    );
    expect(disputed.conflicts[0]).toMatchObject({ kind: 'quantity' });
  });

  it('should be deterministic, with ids stable across runs (end to end)', async () => {
    const first = await live();
    const again = await crossReference(inputs, { cwd: root });
    expect(joinChunks(renderJson(again, '0.0.0'))).toBe(joinChunks(renderJson(first, '0.0.0')));
  });

  it('should keep claim ids when an unrelated source joins the corpus', async () => {
    const base = await crossReference(['sources'], { cwd: root });
    const withMore = await crossReference(['sources', 'tests/fixtures/synthetic/unrelated'], { cwd: root });
    const ids = (r: Report) => new Set(r.claims.map((claim) => claim.id));
    const kept = [...ids(base)].filter((id) => ids(withMore).has(id));
    expect(kept.length).toBe(base.claims.length);
  });

  it('should slice every mention back out of its file by its offsets (end to end)', async () => {
    for (const claim of (await live()).claims) {
      for (const mention of claim.mentions) {
        const file = readFileSync(path.join(root, mention.path), 'utf8').replace(/^\uFEFF/, '');
        expect(file.slice(mention.place.start.offset, mention.place.end.offset).replace(/[*_`\\[\]]/g, '')).toContain(mention.text.slice(0, 20).replace(/[*_`\\[\]]/g, ''));
      }
    }
  });
});

describe('writing in pieces', () => {
  it('should yield exactly the text of JSON.stringify, piece by piece', () => {
    const data = toJson(report, '0.0.0');
    const pieces = [...jsonChunks({ ...data }, 'claims')];
    expect(pieces.length).toBe(report.claims.length + 2);
    expect(pieces.join('')).toBe(`${JSON.stringify(data, null, 2)}\n`);
  });

  it.each([
    [{ a: 1, list: [] }],
    [{ list: [{ b: 'x\ny' }, [1, 2]], after: { c: null } }],
    [{ before: 'q', list: ['only'] }],
  ])('should match JSON.stringify on %j', (value) => {
    expect(joinChunks(jsonChunks(value, 'list'))).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('should write a CSV of many rows in several pieces that parse as one', () => {
    const many: Report = { ...report, claims: Array.from({ length: 30 }, () => report.claims).flat() };
    const pieces = [...renderCsv(many)];
    expect(pieces.length).toBeGreaterThan(1);
    const rows = parse(pieces.join(''), { columns: true }) as unknown[];
    expect(rows).toHaveLength(many.claims.reduce((sum, claim) => sum + claim.mentions.length, 0));
  });
});

describe('JSONL export', () => {
  it('should write one valid claim per line', () => {
    const lines = joinChunks(renderJsonl(report)).trimEnd().split('\n');
    expect(lines).toHaveLength(report.claims.length);
    for (const line of lines) expect(validateClaim(JSON.parse(line))).toBe(true);
  });
});

describe('CSV export', () => {
  it('should write one row per mention that survives a round trip through a CSV parser', () => {
    const rows = parse(joinChunks(renderCsv(report)), { columns: true }) as Record<string, string>[];
    const mentions = report.claims.flatMap((claim) => claim.mentions.map((mention) => ({ claim, mention })));
    expect(rows).toHaveLength(mentions.length);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    rows.forEach((row, index) => {
      expect(row.claim_id).toBe(mentions[index]!.claim.id);
      expect(row.text).toBe(mentions[index]!.mention.text);
    });
  });

  it('should keep quotes, commas and newlines inside a sentence', () => {
    const tricky = 'He said, "no, never"\nand left; “quoted”, too.';
    const one: Report = {
      ...report,
      claims: [{ ...report.claims[0]!, text: tricky, mentions: [{ ...report.claims[0]!.mentions[0]!, text: tricky }] }],
    };
    const [row] = parse(joinChunks(renderCsv(one)), { columns: true }) as Record<string, string>[];
    expect(row!.text).toBe(tricky);
    expect(row!.claim_text).toBe(tricky);
  });
});

describe('ClaimReview export', () => {
  it('should give each claim one appearance per outlet and the earliest published as first appearance', () => {
    const data = JSON.parse(joinChunks(renderClaimReview(report))) as { '@graph': Record<string, unknown>[] };
    expect(data['@graph']).toHaveLength(report.claims.length);
    const dated = data['@graph'].find((claim) => (claim.appearance as unknown[]).length >= 2 && claim.firstAppearance);
    expect(dated?.['@type']).toBe('Claim');
    const appearances = dated!.appearance as { publisher: { name: string }; datePublished?: string }[];
    expect(new Set(appearances.map((a) => a.publisher.name)).size).toBe(appearances.length);
    const earliest = appearances.map((a) => a.datePublished).filter(Boolean).sort()[0];
    expect((dated!.firstAppearance as { datePublished: string }).datePublished).toBe(earliest);
  });
});
