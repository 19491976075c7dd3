// CSV export: one row per mention, with its claim's id and verdict, written by
// csv-stringify (in pieces of a few thousand rows) so quotes, commas and
// newlines inside sentences survive a round trip.

import { stringify } from 'csv-stringify/sync';
import type { Report } from '../types.js';

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  'claim_id',
  'verdict',
  'claim_text',
  'outlets',
  'origins',
  'mention',
  'source',
  'path',
  'outlet',
  'line',
  'column',
  'start',
  'end',
  'text',
  'negated',
  'attribution',
  'quantities',
  'dates',
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
  for (const finding of report.claims) {
    for (const [index, mention] of finding.mentions.entries()) {
      const conflicts = finding.conflicts
        .filter((conflict) => conflict.between.includes(index))
        .map((conflict) => `${conflict.kind}: ${conflict.detail}`);
      rows.push([
        finding.id,
        finding.verdict,
        finding.text,
        finding.outlets.length,
        finding.origins.length,
        index,
        mention.source,
        mention.path,
        mention.outlet,
        mention.place.start.line,
        mention.place.start.column,
        mention.place.start.offset ?? 0,
        mention.place.end.offset ?? 0,
        mention.text,
        mention.negated ? 'true' : 'false',
        mention.attribution ?? '',
        mention.quantities
          .map((q) => `${q.text} = [${q.min ?? '-inf'}, ${q.max ?? 'inf'}]${q.unit ? ` ${q.unit}` : ''}`)
          .join('; '),
        mention.dates.map((d) => `${d.text} = ${d.value ?? 'unresolved'}`).join('; '),
        conflicts.join('; '),
      ]);
      if (rows.length >= ROWS_PER_CHUNK) yield flush();
    }
  }
  if (rows.length > 0 || header) yield flush();
}
