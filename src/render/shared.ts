// Helpers every reporter shares: counting (kept apart from printing), filters
// applied before rendering, places as `path:line:column`, verdict labels.

import type { ClaimReviewDecision } from '../ledger/reviews.js';
import type { Finding, Mention, Report, Verdict } from '../types.js';

/** Options every reporter accepts. */
export interface RenderOptions {
  /** ANSI colour (text reporter only; never with NO_COLOR or off a TTY). */
  readonly color: boolean;
  /** Wrap width in columns (text reporter). */
  readonly width: number;
  /** Include "possibly related" links between findings. */
  readonly showPossible: boolean;
  /** Reviewers' decisions by finding id (from the ledger), for the exports. */
  readonly reviews?: ReadonlyMap<string, ClaimReviewDecision>;
  /** The fact-checking organization that publishes ClaimReviews (`export --format claimreview`). */
  readonly organization?: { readonly name: string; readonly url?: string };
  /** URL of each published review, `{id}` replaced by the claim id (ClaimReview `url`). */
  readonly reviewUrl?: string;
  /** `datePublished` of the ClaimReviews, `YYYY-MM-DD`. */
  readonly reviewDate?: string;
  /** Start CSV with a byte-order mark, so Excel reads it as UTF-8. */
  readonly bom?: boolean;
  /** Text and Markdown: every unique claim instead of the most check-worthy few per source (`--all`). */
  readonly all?: boolean;
  /** The counts before filtering, when a filter left claims out: the summary keeps them and says how many are shown. */
  readonly unfiltered?: ReportSummary;
  /** The filter in words ("--verdict disputed"), for the "3 of 126 claims shown" line. */
  readonly filterNote?: string;
  /** The ledger's `updates:` pairs of mention keys: conflicts a reviewer marked as updates, shown as such. */
  readonly updates?: readonly (readonly [string, string])[];
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { color: false, width: 100, showPossible: false };

export const VERDICTS: readonly Verdict[] = ['disputed', 'corroborated', 'unique'];

/** Counts of a report, for summary lines. */
export interface ReportSummary {
  readonly sources: number;
  readonly outlets: number;
  readonly claims: number;
  readonly byVerdict: Readonly<Record<Verdict, number>>;
  readonly diagnostics: { readonly errors: number; readonly warnings: number };
}

/**
 * Count sources, outlets, claims per verdict and problems.
 *
 * @param report The report.
 */
export function summarize(report: Report): ReportSummary {
  const byVerdict: Record<Verdict, number> = { disputed: 0, corroborated: 0, unique: 0 };
  for (const finding of report.claims) byVerdict[finding.verdict]++;
  return {
    sources: report.sources.length,
    outlets: new Set(report.sources.map((source) => source.outlet)).size,
    claims: report.claims.length,
    byVerdict,
    diagnostics: {
      errors: report.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: report.diagnostics.filter((d) => d.severity === 'warning').length,
    },
  };
}

/** Which findings to keep. */
export interface ReportFilter {
  /** Keep only these verdicts. */
  readonly verdicts?: readonly Verdict[];
  /** Keep only findings stated by at least one of these outlets (case-insensitive). */
  readonly outlets?: readonly string[];
  /** Keep only findings stated by at least this many outlets. */
  readonly minOutlets?: number;
}

/**
 * The report with only the findings the filter keeps (sources and diagnostics unchanged).
 *
 * @param report The report.
 * @param filter What to keep.
 */
export function filterReport(report: Report, filter: ReportFilter): Report {
  const outlets = filter.outlets?.map((outlet) => outlet.toLowerCase());
  const keep = (finding: Finding) =>
    (!filter.verdicts || filter.verdicts.includes(finding.verdict)) &&
    (!outlets || finding.outlets.some((outlet) => outlets.includes(outlet.toLowerCase()))) &&
    (filter.minOutlets === undefined || finding.outlets.length >= filter.minOutlets);
  return { ...report, claims: report.claims.filter(keep) };
}

/**
 * The summary line's words: "5 sources, 5 outlets, 126 claims: 1 disputed, 14 corroborated, 111 unique".
 *
 * @param summary Counts.
 */
export function summaryWords(summary: ReportSummary): { head: string; verdicts: readonly string[] } {
  const { sources, outlets, claims, byVerdict } = summary;
  return {
    head: `${sources} ${sources === 1 ? 'source' : 'sources'}, ${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}, ${claims} ${claims === 1 ? 'claim' : 'claims'}: `,
    verdicts: [`${byVerdict.disputed} disputed`, `${byVerdict.corroborated} corroborated`, `${byVerdict.unique} unique`],
  };
}

/**
 * "3 of 126 claims shown (--verdict disputed)" when a filter left claims out, else null.
 *
 * @param report The filtered report.
 * @param options Its render options (the unfiltered counts and the filter in words).
 */
export function shownLine(report: Report, options: Pick<RenderOptions, 'unfiltered' | 'filterNote'>): string | null {
  const total = options.unfiltered?.claims;
  if (total === undefined || (total === report.claims.length && !options.filterNote)) return null;
  return `${report.claims.length} of ${total} ${total === 1 ? 'claim' : 'claims'} shown${options.filterNote ? ` (${options.filterNote})` : ''}`;
}

/**
 * `path:line:column` of a mention, the place format of every reporter.
 *
 * @param mention The mention.
 */
export function placeOf(mention: Mention): string {
  return `${mention.path}:${mention.place.start.line}:${mention.place.start.column}`;
}

/**
 * A one-line reason for a finding, in vfile-message style ("Unexpected …, expected …").
 *
 * @param finding The finding.
 */
export function reasonOf(finding: Finding): string {
  switch (finding.verdict) {
    case 'disputed':
      return finding.conflicts.map((conflict) => `${conflict.kind}: ${conflict.detail}`).join('; ');
    case 'corroborated':
      return `stated by ${finding.outlets.length} outlets (${finding.origins.length} ${finding.origins.length === 1 ? 'origin' : 'origins'})`;
    default:
      return `stated by ${finding.outlets[0] ?? 'one outlet'} only`;
  }
}

/**
 * Findings of one verdict.
 *
 * @param report The report.
 * @param verdict The verdict.
 */
export function findingsWith(report: Report, verdict: Verdict): Finding[] {
  return report.claims.filter((finding) => finding.verdict === verdict);
}
