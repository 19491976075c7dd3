// CSV export: one row per mention, with its claim's id, verdict, outlets and
// origins by name, the source's title, url and date (see csv-row.ts), written by
// csv-stringify (in pieces of a few thousand rows) so quotes, commas and
// newlines inside sentences survive a round trip.

import { stringify } from 'csv-stringify/sync';
import type { ClaimReviewDecision } from '../ledger/reviews.js';
import type { Report } from '../types.js';
import { csvRow } from './csv-row.js';
import { reviewedUpdates } from './digest.js';

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
  'updates',
  'review',
  'review_note',
] as const;

/** Rows written per piece of output. */
const ROWS_PER_CHUNK = 2000;

/**
 * One row per mention, in pieces of a few thousand rows, with the reviewer's
 * decision on its claim (`review`, `review_note`) and its updates: later figures
 * of a running count and the pairs a reviewer marked with `updates:`.
 *
 * @param report The report.
 * @param reviews Reviewers' decisions by finding id (from the ledger).
 * @param updates The ledger's `updates:` pairs of mention keys.
 */
export function* renderCsv(
  report: Report,
  reviews?: ReadonlyMap<string, ClaimReviewDecision>,
  updates?: readonly (readonly [string, string])[],
): Generator<string> {
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
    const reviewed = reviewedUpdates(finding, updates);
    for (const [index, mention] of finding.mentions.entries()) {
      const conflicts = finding.conflicts
        .filter((conflict) => conflict.between.includes(index))
        .map((conflict) => `${conflict.kind}: ${conflict.detail}`);
      const later = [
        ...finding.conflicts.filter((conflict) => conflict.update === true && conflict.between.includes(index)).map((conflict) => `${conflict.kind}: ${conflict.detail}`),
        ...reviewed.filter((pair) => pair.includes(index)).map(([i, j]) => `reviewer: ${finding.mentions[i]!.key} → ${finding.mentions[j]!.key}`),
      ];
      rows.push(csvRow(finding, mention, conflicts, sources.get(mention.source), { updates: later, review: reviews?.get(finding.id) }));
      if (rows.length >= ROWS_PER_CHUNK) yield flush();
    }
  }
  if (rows.length > 0 || header) yield flush();
}
