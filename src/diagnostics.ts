// diagnostics: problems with inputs as plain data → sorted, and printed as
// `file:line:column: severity: message (ruleId)`, the one format every command uses.

import type { Diagnostic, Severity } from './types.js';

/**
 * Diagnostics in a stable order: by file, then line, then column.
 *
 * @param diagnostics Diagnostics to sort.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.place.line - b.place.line || a.place.column - b.place.column,
  );
}

/**
 * `file:line:column: severity: message (ruleId)`, the format every command prints problems in.
 *
 * @param diagnostic Diagnostic to print.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.place.line}:${diagnostic.place.column}: ${diagnostic.severity}: ${diagnostic.message} (${diagnostic.ruleId})`;
}

/** A diagnostic as the JSON outputs write it: `file`, `line`, `column`, `message`, `ruleId`, `severity`. */
export interface DiagnosticJson {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly ruleId: string;
  readonly severity: Severity;
}

/**
 * The JSON form of a diagnostic (flat line and column, as the export has always had).
 *
 * @param diagnostic A diagnostic.
 */
export function diagnosticJson(diagnostic: Diagnostic): DiagnosticJson {
  const { file, place, message, ruleId, severity } = diagnostic;
  return { file, line: place.line, column: place.column, message, ruleId, severity };
}
