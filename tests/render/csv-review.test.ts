// The CSV export carries reviewers' decisions (issue 17, items 4 and 7): the
// claim's `review: confirmed` and `note`, and each mention's updates (a later
// figure of a running count, a pair a reviewer marked with `updates:`).
// The JSON export names the reviewer's updates: pairs too (`reviewedUpdates`).
// A hand-made report with invented sentences.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { joinChunks } from '../../src/render/chunks.js';
import { CSV_COLUMNS } from '../../src/render/csv.js';
import { DEFAULT_RENDER_OPTIONS, EXPORT_FORMATS, type RenderOptions } from '../../src/render/index.js';
import type { Finding, Mention, Report } from '../../src/types.js';
import { testMention } from '../helpers/mention.js';

const mention = (source: string, outlet: string, text: string, line: number): Mention => testMention({ key: `${source}#${line}`, source, outlet, text, line });

const count: Finding = {
  id: 'aaaaaaaaaaa1',
  verdict: 'corroborated',
  text: 'The fire destroyed 8 sheds.',
  outlets: ['Hill Times', 'Vale News'],
  origins: ['Hill Times', 'Vale News'],
  mentions: [mention('hill', 'Hill Times', 'The fire destroyed 8 sheds.', 2), mention('vale', 'Vale News', 'The fire has destroyed 11 sheds.', 3)],
  conflicts: [{ between: [0, 1], kind: 'quantity', detail: '8 sheds vs 11 sheds (a later count)', update: true }],
  related: [],
};
const lone: Finding = { id: 'aaaaaaaaaaa2', verdict: 'unique', text: 'The mill reopens in June.', outlets: ['Hill Times'], origins: ['Hill Times'], mentions: [mention('hill', 'Hill Times', 'The mill reopens in June.', 5)], conflicts: [], related: [] };
const report: Report = { schemaVersion: 1, sources: [], claims: [count, lone], diagnostics: [] };

const rows = (options: Partial<RenderOptions>) =>
  parse(joinChunks(EXPORT_FORMATS.csv(report, { ...DEFAULT_RENDER_OPTIONS, ...options })), { columns: true }) as Record<string, string>[];

describe('review columns of the CSV export', () => {
  it('should end with the updates and review columns', () => {
    expect(CSV_COLUMNS.slice(-3)).toEqual(['updates', 'review', 'review_note']);
  });

  it.each([
    [{}, ['', ''], ['', '']],
    [{ reviews: new Map([['aaaaaaaaaaa1', { confirmed: 'corroborated' as const, note: 'Fire brigade confirmed, 11 in the end.' }]]) }, ['corroborated', 'Fire brigade confirmed, 11 in the end.'], ['', '']],
    [{ reviews: new Map([['aaaaaaaaaaa2', { confirmed: 'unique' as const }]]) }, ['', ''], ['unique', '']],
  ])('with %j should give each row its claim review', (options, first, last) => {
    const got = rows(options);
    expect(got.map((row) => [row.review, row.review_note])).toEqual([first, first, last]);
  });

  it.each([
    [undefined, 'quantity: 8 sheds vs 11 sheds (a later count)'],
    [[['hill#2', 'vale#3']] as const, 'quantity: 8 sheds vs 11 sheds (a later count); reviewer: hill#2 → vale#3'],
  ])("with the reviewer's updates %j should list each mention's updates", (updates, cell) => {
    const got = rows(updates ? { updates } : {});
    expect(got.map((row) => row.updates)).toEqual([cell, cell, '']);
  });
});

describe('reviewer updates in the JSON export', () => {
  const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'schema', 'claimcheck-export.schema.json'), 'utf8'));
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  const validateClaim = ajv.getSchema(`${schema.$id}#/$defs/claim`)!;

  it.each([
    [undefined, [undefined, undefined]],
    [[['vale#3', 'hill#2']] as const, [[[1, 0]], undefined]],
    [[['hill#2', 'nowhere#1']] as const, [undefined, undefined]],
  ])('with updates %j should give reviewedUpdates %j, valid against the schema', (updates, expected) => {
    const options = { ...DEFAULT_RENDER_OPTIONS, ...(updates ? { updates } : {}) };
    const lines = joinChunks(EXPORT_FORMATS.jsonl(report, options)).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((claim) => claim.reviewedUpdates)).toEqual(expected);
    for (const claim of lines) expect(validateClaim(claim), JSON.stringify(validateClaim.errors)).toBe(true);
    expect(validate(JSON.parse(joinChunks(EXPORT_FORMATS.json(report, options)))), JSON.stringify(validate.errors)).toBe(true);
  });
});
