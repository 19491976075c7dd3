// diagnostics: problems with inputs as plain data → sorted, and printed as
// `file:line:column: severity: message (ruleId)`, the one format every command uses.

import type { Diagnostic } from './types.js';

/**
 * Diagnostics in a stable order: by file, then line, then column.
 *
 * @param diagnostics Diagnostics to sort.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/**
 * `file:line:column: severity: message (ruleId)`, the format every command prints problems in.
 *
 * @param diagnostic Diagnostic to print.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message} (${diagnostic.ruleId})`;
}
