// The CI reporter of `claimcheck check`: a CheckReport → text. Two parts, as
// textlint's github formatter and Vale's line output: GitHub workflow commands
// (`::error file=…,line=…,col=…,title=claimcheck [disputed]::…`) and the stable
// `path:line:col: status: text` lines that double as the golden-test format.
// Pure functions; no console, no colour.

import type { CheckChange, CheckReport } from '../ledger/compare.js';
import type { Diagnostic } from '../types.js';
import { notACommand, printedDiagnostic, safeLine, safeName, safeText } from './sanitize.js';

/**
 * Escape the message of a workflow command (`%`, CR, LF), as GitHub's toolkit does.
 *
 * @param text Message text.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Escape a property value of a workflow command (`%`, CR, LF, `:`, `,`).
 *
 * @param text Property value.
 */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `path:line:col: status: text` line per problem and change: source and
 * ledger diagnostics first, then changes (errors, warnings, notices).
 *
 * @param check The check.
 */
export function checkLines(check: CheckReport): string[] {
  return [...check.diagnostics.map(printedDiagnostic), ...check.changes.map(changeLine)];
}

/**
 * The line of one change.
 *
 * @param change A change.
 */
export function changeLine(change: CheckChange): string {
  return notACommand(`${safeName(change.place.file)}:${change.place.line}:${change.place.column}: ${change.status}: ${safeLine(change.reason)}`);
}

/**
 * The closing line: what matched, or what changed and what to do.
 *
 * @param check The check.
 */
export function summaryLine(check: CheckReport): string {
  return notACommand(summaryOf({ ...check, ledger: safeName(check.ledger) }));
}

function summaryOf(check: CheckReport): string {
  const { summary } = check;
  const invalid = summary.invalid > 0 ? `; ${count(summary.invalid, 'file')} with errors` : '';
  if (check.update) {
    return `claimcheck: recorded ${count(summary.claims, 'claim')} from ${count(summary.sources, 'source')} in ${check.ledger}/ (${count(check.update.written, 'file')} written, ${check.update.removed} removed)${invalid}`;
  }
  if (!check.compared) return `claimcheck: fix the ledger files above first; nothing was compared${invalid}`;
  if (check.changes.length === 0) {
    return `claimcheck: ${count(summary.claims, 'claim')} in ${count(summary.sources, 'source')} match ${check.ledger}/${invalid}`;
  }
  const parts = [
    [summary.verdict, 'verdict changed'],
    [summary.new, 'new'],
    [summary.mentions, 'with changed mentions'],
    [summary.gone, 'gone'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n} ${what}`);
  return `claimcheck: ${count(check.changes.length, 'claim')} ${check.changes.length === 1 ? 'differs' : 'differ'} from ${check.ledger}/ (${parts.join(', ')})${invalid}; review them, then run \`claimcheck check --update\` and commit ${check.ledger}/`;
}

/**
 * The text format: the lines, then the summary line.
 *
 * @param check The check.
 */
export function checkToText(check: CheckReport): string {
  return [...checkLines(check), summaryLine(check)].map((line) => `${line}\n`).join('');
}

/**
 * The GitHub format: one workflow command per problem and change, at the
 * place of the new or changed mention, then the text format.
 *
 * @param check The check.
 */
export function checkToGithub(check: CheckReport): string {
  return checkToGithubAnnotations(check) + checkToText(check);
}

/**
 * The workflow commands of the GitHub format alone (one per problem and
 * change); `check` writes these to stdout and the text lines to stderr.
 *
 * @param check The check.
 */
export function checkToGithubAnnotations(check: CheckReport): string {
  const commands = [...check.diagnostics.map(diagnosticCommand), ...check.changes.map(changeCommand)];
  return commands.map((line) => `${line}\n`).join('');
}

function changeCommand(change: CheckChange): string {
  return command(change.severity, change.place.file, change.place.line, change.place.column, `claimcheck [${change.status}]`, change.reason);
}

function diagnosticCommand(diagnostic: Diagnostic): string {
  return command(diagnostic.severity, diagnostic.file, diagnostic.place.line, diagnostic.place.column, `claimcheck [${diagnostic.ruleId}]`, diagnostic.message);
}

function command(kind: string, file: string, line: number, column: number, title: string, message: string): string {
  // The toolkit's escapes first (line breaks stay in the annotation), then other controls shown as <U+XXXX>.
  const property = (value: string) => safeName(escapeProperty(value));
  const properties = [`file=${property(file)}`, `line=${line}`, `col=${column}`, `title=${property(title)}`].join(',');
  return `::${kind} ${properties}::${safeText(escapeData(message)).replace(/##\[/g, '##%5B')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
