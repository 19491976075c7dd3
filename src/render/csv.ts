// CSV export: one row per mention, with its claim's id and verdict, written by
// csv-stringify so quotes, commas and newlines inside sentences survive a round trip.

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

/**
 * One row per mention.
 *
 * @param report The report.
 */
export function renderCsv(report: Report): string {
  const rows: (string | number)[][] = [];
  for (const finding of report.claims) {
    finding.mentions.forEach((mention, index) => {
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
        mention.line,
        mention.column,
        mention.start,
        mention.end,
        mention.text,
        mention.negated ? 'true' : 'false',
        mention.attribution ?? '',
        mention.quantities
          .map((q) => `${q.text} = [${q.min ?? '-inf'}, ${q.max ?? 'inf'}]${q.unit ? ` ${q.unit}` : ''}`)
          .join('; '),
        mention.dates.map((d) => `${d.text} = ${d.value ?? 'unresolved'}`).join('; '),
        conflicts.join('; '),
      ]);
    });
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'unix' });
}
