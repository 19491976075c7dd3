// Reviewers' verdicts by finding: the findings and the ledger's entries → the
// `review: {confirmed, note}` of the entry each finding corresponds to.

import type { Finding, Verdict } from '../types.js';
import { matchEntries } from './compare.js';
import type { LedgerEntry } from './entry.js';

/** What a reviewer decided about a claim, as the exports carry it. */
export interface ClaimReviewDecision {
  /** The verdict the reviewer checked. */
  readonly confirmed: Verdict;
  readonly note?: string;
}

/**
 * The reviewer's decision of each finding that has one (`review.confirmed` in
 * the ledger entry it corresponds to by shared mention keys), by finding id.
 *
 * @param findings Current findings.
 * @param entries Ledger entries.
 */
export function reviewsByFinding(findings: readonly Finding[], entries: readonly LedgerEntry[]): Map<string, ClaimReviewDecision> {
  const reviews = new Map<string, ClaimReviewDecision>();
  if (!entries.some((entry) => entry.review?.confirmed)) return reviews;
  for (const [findingIndex, entryIndex] of matchEntries(findings, entries)) {
    const review = entries[entryIndex]?.review;
    const finding = findings[findingIndex];
    if (!finding || !review?.confirmed) continue;
    reviews.set(finding.id, { confirmed: review.confirmed, ...(review.note ? { note: review.note } : {}) });
  }
  return reviews;
}
