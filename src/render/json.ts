// JSON export (schemaVersion 1, DESIGN.md): `toJson` returns data whose shape
// is the exported `ExportJson` type (validated against
// schema/claimcheck-export.schema.json in the tests), and the renderers only
// stringify it, in pieces: JSON for the whole report, JSONL one claim per line.

import type { ClaimReviewDecision } from '../ledger/reviews.js';
import type { Diagnostic, Finding, Mention, Report, SourceSummary } from '../types.js';
import { jsonChunks, type Chunks } from './chunks.js';

/** A source in the export: the report's source summary. */
export type ExportSource = SourceSummary;
/** A mention in the export: the report's mention. */
export type ExportMention = Mention;
/** A claim in the export: the report's finding, with the reviewer's decision when the ledger has one. */
export type ExportClaim = Finding & { readonly review?: ClaimReviewDecision };

/** The JSON export, schemaVersion 1. */
export interface ExportJson {
  readonly schemaVersion: 1;
  readonly generator: { readonly name: 'claimcheck'; readonly version: string };
  readonly sources: readonly ExportSource[];
  readonly claims: readonly ExportClaim[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The report as export data. The report is plain data built in a fixed order,
 * so the output is deterministic; the shipped JSON Schema (additionalProperties:
 * false) guards the shape in the tests.
 *
 * @param report The report.
 * @param version Version of claimcheck that made it.
 */
export function toJson(report: Report, version: string, reviews?: ReadonlyMap<string, ClaimReviewDecision>): ExportJson {
  return {
    schemaVersion: 1,
    generator: { name: 'claimcheck', version },
    sources: report.sources,
    claims: withReviews(report.claims, reviews),
    diagnostics: report.diagnostics,
  };
}

/**
 * The JSON export as text, in pieces (one claim at a time).
 *
 * @param report The report.
 * @param version Version of claimcheck.
 */
export function renderJson(report: Report, version: string, reviews?: ReadonlyMap<string, ClaimReviewDecision>): Chunks {
  return jsonChunks({ ...toJson(report, version, reviews) }, 'claims');
}

/**
 * The claims with each one's `review` from `reviews` (by id), when there is one.
 *
 * @param claims The findings.
 * @param reviews Reviewers' decisions by finding id.
 */
export function withReviews(claims: readonly Finding[], reviews: ReadonlyMap<string, ClaimReviewDecision> | undefined): readonly ExportClaim[] {
  if (!reviews || reviews.size === 0) return claims;
  return claims.map((claim) => {
    const review = reviews.get(claim.id);
    return review ? { ...claim, review } : claim;
  });
}

/**
 * JSON Lines: one claim object per line (the schema's `claim` definition).
 *
 * @param report The report.
 */
export function* renderJsonl(report: Report, reviews?: ReadonlyMap<string, ClaimReviewDecision>): Generator<string> {
  for (const finding of withReviews(report.claims, reviews)) yield `${JSON.stringify(finding)}\n`;
}
