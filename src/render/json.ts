// JSON export (schemaVersion 1, DESIGN.md): `toJson` returns data whose shape
// is the exported `ExportJson` type (validated against
// schema/claimcheck-export.schema.json in the tests), and the renderers only
// stringify it: JSON for the whole report, JSONL one claim per line.

import type { CheckWorthiness, Conflict, DateMention, Diagnostic, Quantity, Report, Verdict } from '../types.js';

export interface ExportSource {
  readonly id: string;
  readonly path: string;
  readonly outlet: string;
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
  readonly author?: readonly string[];
  readonly sentences: number;
  readonly claims: number;
}

export interface ExportMention {
  readonly key: string;
  readonly source: string;
  readonly path: string;
  readonly outlet: string;
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
  readonly quantities: readonly Quantity[];
  readonly dates: readonly DateMention[];
  readonly negated: boolean;
  readonly attribution: string | null;
  readonly checkworthiness: CheckWorthiness;
}

export interface ExportClaim {
  readonly id: string;
  readonly verdict: Verdict;
  readonly text: string;
  readonly outlets: readonly string[];
  readonly origins: readonly string[];
  readonly mentions: readonly ExportMention[];
  readonly conflicts: readonly Conflict[];
  readonly related: readonly { readonly id: string; readonly score: number }[];
}

/** The JSON export, schemaVersion 1. */
export interface ExportJson {
  readonly schemaVersion: 1;
  readonly generator: { readonly name: 'claimcheck'; readonly version: string };
  readonly sources: readonly ExportSource[];
  readonly claims: readonly ExportClaim[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The report as export data: plain objects in a fixed key order, so the output
 * is deterministic.
 *
 * @param report The report.
 * @param version Version of claimcheck that made it.
 */
export function toJson(report: Report, version: string): ExportJson {
  return {
    schemaVersion: 1,
    generator: { name: 'claimcheck', version },
    sources: report.sources.map((source) => ({
      id: source.id,
      path: source.path,
      outlet: source.outlet,
      ...(source.title !== undefined ? { title: source.title } : {}),
      ...(source.url !== undefined ? { url: source.url } : {}),
      ...(source.published !== undefined ? { published: source.published } : {}),
      ...(source.author !== undefined ? { author: source.author } : {}),
      sentences: source.sentences,
      claims: source.claims,
    })),
    claims: report.claims.map(toJsonClaim),
    diagnostics: report.diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      message: d.message,
      ruleId: d.ruleId,
      severity: d.severity,
    })),
  };
}

function toJsonClaim(finding: Report['claims'][number]): ExportClaim {
  return {
    id: finding.id,
    verdict: finding.verdict,
    text: finding.text,
    outlets: finding.outlets,
    origins: finding.origins,
    mentions: finding.mentions.map((mention) => ({
      key: mention.key,
      source: mention.source,
      path: mention.path,
      outlet: mention.outlet,
      text: mention.text,
      line: mention.line,
      column: mention.column,
      start: mention.start,
      end: mention.end,
      quantities: mention.quantities.map((q) => ({
        text: q.text,
        span: { start: q.span.start, end: q.span.end },
        value: q.value,
        min: q.min,
        max: q.max,
        minExclusive: q.minExclusive,
        maxExclusive: q.maxExclusive,
        approximate: q.approximate,
        unit: q.unit,
        kind: q.kind,
      })),
      dates: mention.dates.map((d) => ({
        text: d.text,
        span: { start: d.span.start, end: d.span.end },
        value: d.value,
        grain: d.grain,
        relative: d.relative,
      })),
      negated: mention.negated,
      attribution: mention.attribution,
      checkworthiness: {
        checkworthy: mention.checkworthiness.checkworthy,
        score: mention.checkworthiness.score,
        reason: mention.checkworthiness.reason,
      },
    })),
    conflicts: finding.conflicts.map((c) => ({ between: [c.between[0], c.between[1]] as const, kind: c.kind, detail: c.detail })),
    related: finding.related.map((link) => ({ id: link.id, score: link.score })),
  };
}

/**
 * The JSON export as text.
 *
 * @param report The report.
 * @param version Version of claimcheck.
 */
export function renderJson(report: Report, version: string): string {
  return `${JSON.stringify(toJson(report, version), null, 2)}\n`;
}

/**
 * JSON Lines: one claim object per line (the schema's `claim` definition).
 *
 * @param report The report.
 */
export function renderJsonl(report: Report): string {
  return report.claims.map((finding) => `${JSON.stringify(toJsonClaim(finding))}\n`).join('');
}
