// JSON export (schemaVersion 1, DESIGN.md): `toJson` returns data whose shape
// is the exported `ExportJson` type (validated against
// schema/claimcheck-export.schema.json in the tests), and the renderers only
// stringify it: JSON for the whole report, JSONL one claim per line.

import type { Diagnostic, Finding, Mention, Report, SourceSummary } from '../types.js';

/** A source in the export: the report's source summary. */
export type ExportSource = SourceSummary;
/** A mention in the export: the report's mention. */
export type ExportMention = Mention;
/** A claim in the export: the report's finding. */
export type ExportClaim = Finding;

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
export function toJson(report: Report, version: string): ExportJson {
  return {
    schemaVersion: 1,
    generator: { name: 'claimcheck', version },
    sources: report.sources,
    claims: report.claims,
    diagnostics: report.diagnostics,
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
  return report.claims.map((finding) => `${JSON.stringify(finding)}\n`).join('');
}
