// JSON export (schemaVersion 1, DESIGN.md): `toJson` returns data whose shape
// is the exported `ExportJson` type (validated against
// schema/claimcheck-export.schema.json in the tests), and the renderers only
// stringify it, in pieces: JSON for the whole report, JSONL one claim per line.

import { diagnosticJson, type DiagnosticJson } from '../diagnostics.js';
import type { ClaimReviewDecision } from '../ledger/reviews.js';
import type { Finding, Mention, Report, SourceSummary, StorySummary } from '../types.js';
import { jsonChunks, type Chunks } from './chunks.js';
import { reviewedUpdates } from './digest.js';

/** The ledger's `updates:` pairs of mention keys (conflicts a reviewer marked as updates). */
type UpdatePairs = readonly (readonly [string, string])[];

/** A source in the export: the report's source summary. */
export type ExportSource = SourceSummary;
/** A mention in the export: the report's mention with its place as `line`, `column` (of its start) and `start`, `end` (offsets). */
export type ExportMention = Omit<Mention, 'place'> & { readonly line: number; readonly column: number; readonly start: number; readonly end: number };
/** A claim in the export: the report's finding, its mentions as `ExportMention`, with the reviewer's decision when the ledger has one. */
export type ExportClaim = Omit<Finding, 'mentions'> & {
  readonly mentions: readonly ExportMention[];
  readonly review?: ClaimReviewDecision;
  /** Pairs of mention indexes a reviewer marked with `updates:` (a later figure, not a dispute; so not in `conflicts`). */
  readonly reviewedUpdates?: readonly (readonly [number, number])[];
};

/**
 * A mention as the export writes it: its place flattened into the fields the
 * JSON contract has always had, in the same key order.
 *
 * @param mention A mention.
 */
export function mentionJson(mention: Mention): ExportMention {
  const { key, source, path, outlet, text, place, ...rest } = mention;
  return { key, source, path, outlet, text, line: place.start.line, column: place.start.column, start: place.start.offset ?? 0, end: place.end.offset ?? 0, ...rest };
}

/**
 * A finding as the export writes it.
 *
 * @param finding A finding.
 * @param review The reviewer's decision on it (optional).
 * @param updates The ledger's `updates:` pairs of mention keys (optional): those joining two of its mentions become `reviewedUpdates`.
 */
export function claimJson(finding: Finding, review?: ClaimReviewDecision, updates?: UpdatePairs): ExportClaim {
  const pairs = reviewedUpdates(finding, updates);
  // One object (`mentions` keeps its place among the finding's keys).
  return { ...finding, mentions: finding.mentions.map(mentionJson), ...(review ? { review } : {}), ...(pairs.length > 0 ? { reviewedUpdates: pairs } : {}) };
}

/** The JSON export, schemaVersion 1. */
export interface ExportJson {
  readonly schemaVersion: 1;
  readonly generator: { readonly name: 'claimcheck'; readonly version: string };
  readonly sources: readonly ExportSource[];
  /** The sources grouped into stories (when the report has them); each claim names its `story`. */
  readonly stories?: readonly StorySummary[];
  readonly claims: readonly ExportClaim[];
  readonly diagnostics: readonly DiagnosticJson[];
}

/**
 * The report as export data. The report is plain data built in a fixed order,
 * so the output is deterministic; the shipped JSON Schema (additionalProperties:
 * false) guards the shape in the tests.
 *
 * @param report The report.
 * @param version Version of claimcheck that made it.
 */
export function toJson(report: Report, version: string, reviews?: ReadonlyMap<string, ClaimReviewDecision>, updates?: UpdatePairs): ExportJson {
  return {
    schemaVersion: 1,
    generator: { name: 'claimcheck', version },
    sources: report.sources,
    ...(report.stories ? { stories: report.stories } : {}),
    claims: withReviews(report.claims, reviews, updates),
    diagnostics: report.diagnostics.map(diagnosticJson),
  };
}

/**
 * The JSON export as text, in pieces (one claim at a time).
 *
 * @param report The report.
 * @param version Version of claimcheck.
 */
export function renderJson(report: Report, version: string, reviews?: ReadonlyMap<string, ClaimReviewDecision>, updates?: UpdatePairs): Chunks {
  // The claims are made into their export form one at a time as they are written,
  // not all at once next to the report's findings (a key replaced keeps its place).
  const value = { ...toJson({ ...report, claims: [] }, version, reviews, updates), claims: report.claims };
  return jsonChunks(value, 'claims', (finding) => {
    const claim = finding as Finding;
    return claimJson(claim, reviews?.get(claim.id), updates);
  });
}

/**
 * The claims with each one's `review` from `reviews` (by id), when there is one.
 *
 * @param claims The findings.
 * @param reviews Reviewers' decisions by finding id.
 * @param updates The ledger's `updates:` pairs of mention keys.
 */
export function withReviews(claims: readonly Finding[], reviews: ReadonlyMap<string, ClaimReviewDecision> | undefined, updates?: UpdatePairs): readonly ExportClaim[] {
  return claims.map((claim) => claimJson(claim, reviews?.get(claim.id), updates));
}

/**
 * JSON Lines: one claim object per line (the schema's `claim` definition).
 *
 * @param report The report.
 */
export function* renderJsonl(report: Report, reviews?: ReadonlyMap<string, ClaimReviewDecision>, updates?: UpdatePairs): Generator<string> {
  for (const finding of report.claims) yield `${JSON.stringify(claimJson(finding, reviews?.get(finding.id), updates))}\n`;
}
