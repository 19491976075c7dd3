// Makes user-controlled strings (outlets, titles, sentences, paths, YAML keys)
// safe to print to a terminal, a CI log or a Markdown file: takes a string,
// returns it with control, bidi and invisible characters shown as `<U+XXXX>`.

import { formatDiagnostic } from '../diagnostics.js';
import type { Diagnostic, Finding, Mention, Report, SourceSummary } from '../types.js';

/** C0 controls but tab and line feed, DEL, C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Every control character, line breaks and tabs included (U+2028 and U+2029 break no line in a terminal, a CI log or Markdown). */
const CONTROLS_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides and isolates (they reorder the text around them: "Trojan Source"). */
const OVERRIDES = /[\u202a-\u202e\u2066-\u2069]/g;
/** Bidi embeddings, overrides, isolates and marks, and zero-width or invisible characters. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]/g;

/**
 * How a character is shown: `<U+001B>`.
 *
 * @param char One character.
 */
export function visibleCode(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * Prose (a sentence, a title, a reason): control characters shown as `<U+XXXX>`,
 * tabs and line feeds kept (callers that need one line join lines first).
 *
 * @param text Text from a source, the ledger or the command line.
 */
export function safeText(text: string): string {
  return text.replace(CONTROLS, visibleCode).replace(OVERRIDES, visibleCode);
}

/**
 * One line of prose: runs of whitespace with a line break become one space, then
 * control characters are shown as `<U+XXXX>`.
 *
 * @param text Text from a source, the ledger or the command line.
 */
export function safeLine(text: string): string {
  return text.replace(/[^\S\r\n]*[\r\n]+[^\S\u2028\u2029]*/g, ' ').replace(CONTROLS_AND_BREAKS, visibleCode).replace(OVERRIDES, visibleCode);
}

/**
 * A name (an outlet, a path, a key, an id): every control character (tab and
 * line feed included), bidi control and invisible character shown as
 * `<U+XXXX>`, so two names that look alike print differently.
 *
 * @param name Name from a source, the ledger or the file system.
 */
export function safeName(name: string): string {
  return name.replace(CONTROLS_AND_BREAKS, visibleCode).replace(INVISIBLE, visibleCode);
}

/**
 * A printed line that does not start a GitHub workflow command: a line whose
 * text (after leading whitespace, which the runner skips) starts with `::` gets
 * its first `:` escaped as `%3A`, and a legacy `##[` command prefix anywhere becomes `##%5B`. For lines claimcheck did not make as commands.
 *
 * @param line One line, without its line break.
 */
export function notACommand(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1%3A').replace(/##\[/g, '##%5B');
}

/**
 * A diagnostic with its file and message safe to print on one line.
 *
 * @param diagnostic A diagnostic.
 */
export function safeDiagnostic(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, file: safeName(diagnostic.file), message: safeLine(diagnostic.message), ruleId: safeName(diagnostic.ruleId) };
}

function safeMention(mention: Mention): Mention {
  return {
    ...mention,
    path: safeName(mention.path),
    outlet: safeName(mention.outlet),
    text: safeText(mention.text),
    attribution: mention.attribution === null ? null : safeLine(mention.attribution),
  };
}

function safeFinding(finding: Finding): Finding {
  return {
    ...finding,
    text: safeText(finding.text),
    outlets: finding.outlets.map(safeName),
    origins: finding.origins.map(safeName),
    mentions: finding.mentions.map(safeMention),
    conflicts: finding.conflicts.map((conflict) => ({ ...conflict, detail: safeText(conflict.detail) })),
  };
}

function safeSource(source: SourceSummary): SourceSummary {
  return {
    ...source,
    path: safeName(source.path),
    outlet: safeName(source.outlet),
    ...(source.title !== undefined ? { title: safeLine(source.title) } : {}),
    ...(source.url !== undefined ? { url: safeName(source.url) } : {}),
    ...(source.author !== undefined ? { author: source.author.map(safeName) } : {}),
  };
}

/**
 * The report with every user-controlled string safe to print: names through
 * `safeName`, prose through `safeText`. For the reporters people read (text,
 * Markdown, HTML); the machine exports keep the data as it is.
 *
 * @param report The report.
 */
export function safeReport(report: Report): Report {
  return {
    ...report,
    sources: report.sources.map(safeSource),
    claims: report.claims.map(safeFinding),
    diagnostics: report.diagnostics.map(safeDiagnostic),
  };
}

/**
 * A diagnostic as a `path:line:col: severity: message (rule)` line, safe to print
 * (one line, no control characters, never a workflow command).
 *
 * @param diagnostic A diagnostic.
 */
export function printedDiagnostic(diagnostic: Diagnostic): string {
  return notACommand(formatDiagnostic(safeDiagnostic(diagnostic)));
}

/** Characters JSON.stringify leaves raw that a terminal may act on or that reorder text: DEL, C1, bidi controls, line/paragraph separators. */
const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with DEL, C1 controls, bidi controls and U+2028/U+2029 written as
 * `\uXXXX` escapes (JSON.stringify already escapes C0): the same data when
 * parsed, nothing raw when printed. These characters only occur inside strings.
 *
 * @param chunks JSON or JSON Lines text, in pieces.
 */
export function* escapedJson(chunks: Iterable<string>): Generator<string> {
  for (const chunk of chunks) yield chunk.replace(JSON_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
