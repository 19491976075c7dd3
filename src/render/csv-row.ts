// One row of the CSV export: a mention with its claim and source → cells in the
// order of CSV_COLUMNS, quantities and dates as readable text, names not counts.

import type { ClaimReviewDecision } from '../ledger/reviews.js';
import type { Finding, Mention, SourceSummary } from '../types.js';
import { readableDate, readableQuantity } from './readable.js';

/** Separator of several values in one cell (outlets, quantities …). */
export const CSV_LIST_SEPARATOR = '; ';

/**
 * The cells of one mention's row, in the order of `CSV_COLUMNS`.
 *
 * @param finding The claim.
 * @param mention One of its mentions.
 * @param conflicts The conflicts this mention is in, as `kind: detail`.
 * @param source The mention's source, when known (title, url, published).
 * @param extra Its updates (as `kind: detail` or `reviewer: keyA → keyB`) and the reviewer's decision on the claim.
 */
export function csvRow(
  finding: Finding,
  mention: Mention,
  conflicts: readonly string[],
  source: SourceSummary | undefined,
  extra: { readonly updates?: readonly string[]; readonly review?: ClaimReviewDecision | undefined } = {},
): (string | number)[] {
  return [
    finding.id,
    finding.verdict,
    finding.text,
    finding.outlets.join(CSV_LIST_SEPARATOR),
    finding.origins.join(CSV_LIST_SEPARATOR),
    mention.outlet,
    source?.title ?? '',
    source?.url ?? '',
    source?.published ?? '',
    mention.path,
    mention.place.start.line,
    mention.place.start.column,
    mention.key,
    mention.text,
    mention.quantities.map(readableQuantity).join(CSV_LIST_SEPARATOR),
    mention.dates.map(readableDate).join(CSV_LIST_SEPARATOR),
    mention.negated ? 'true' : 'false',
    mention.attribution ?? '',
    conflicts.join(CSV_LIST_SEPARATOR),
    (extra.updates ?? []).join(CSV_LIST_SEPARATOR),
    extra.review?.confirmed ?? '',
    extra.review?.note ?? '',
  ];
}
