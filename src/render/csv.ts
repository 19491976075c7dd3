// CSV export: one row per mention, with its claim's id, verdict, outlets and
// origins by name, the source's title, url and date (see csv-row.ts), written by
// csv-stringify (in pieces of a few thousand rows) so quotes, commas and
// newlines inside sentences survive a round trip.

import { stringify } from 'csv-stringify/sync';
import type { Report } from '../types.js';
import { csvRow } from './csv-row.js';

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  'claim_id',
  'verdict',
  'claim_text',
  'outlets',
  'origins',
  'outlet',
  'title',
  'url',
  'published',
  'file',
  'line',
  'column',
  'key',
  'text',
  'quantities',
  'dates',
  'negated',
  'attribution',
  'conflicts',
] as const;

/** Rows written per piece of output. */
const ROWS_PER_CHUNK = 2000;

/**
 * One row per mention, in pieces of a few thousand rows.
 *
 * @param report The report.
 */
export function* renderCsv(report: Report): Generator<string> {
  let rows: (string | number)[][] = [];
  let header = true;
  const flush = () => {
    // escape_formulas: a cell starting with =, +, -, @, tab or CR gets a leading ' so a spreadsheet shows it as text.
    const text = stringify(rows, { header, columns: [...CSV_COLUMNS], record_delimiter: 'unix', escape_formulas: true });
    rows = [];
    header = false;
    return text;
  };
  const sources = new Map(report.sources.map((source) => [source.id, source]));
  for (const finding of report.claims) {
    for (const [index, mention] of finding.mentions.entries()) {
      const conflicts = finding.conflicts
        .filter((conflict) => conflict.between.includes(index))
        .map((conflict) => `${conflict.kind}: ${conflict.detail}`);
      rows.push(csvRow(finding, mention, conflicts, sources.get(mention.source)));
      if (rows.length >= ROWS_PER_CHUNK) yield flush();
    }
  }
  if (rows.length > 0 || header) yield flush();
}
