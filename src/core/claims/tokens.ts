// Splits a sentence's plain text into word tokens with offsets and the
// punctuation breaks between them; the cheap shared lexer of the extract stage.

import { abbreviationKindOf } from '../abbreviations.js';

/** A whitespace-delimited word of a sentence, with surrounding punctuation stripped. */
export interface Token {
  /** The word without leading quotes/brackets, trailing punctuation or possessive `'s`. */
  readonly core: string;
  readonly lower: string;
  /** Offset of `core` in the text. */
  readonly start: number;
  /** Exclusive end of `core` in the text. */
  readonly end: number;
  /** Punctuation (`,` `.` `;` `:` `(` `—` …) separates this token from the previous one. */
  readonly breakBefore: boolean;
  /** Punctuation separates this token from the next one. */
  readonly breakAfter: boolean;
  /** Punctuation stripped before `core` (quotes, brackets). */
  readonly before: string;
  /** Punctuation stripped after `core` (including a possessive `'s`). */
  readonly after: string;
  /** The word ended in a possessive `'s`/`’s`. */
  readonly possessive: boolean;
  /** The word starts with an upper-case letter. */
  readonly capital: boolean;
}

const leading = /^[“"'‘(\[{<«]+/;
const trailing = /[”"'’)\]}>»,.;:!?…]+$/;
const possessiveEnd = /['’]s$/i;
const breakChars = /[,.;:!?()[\]{}…]/;
// A lone period after these does not break a phrase: "U.S. Attorney", "John C. Demers", "Dec. 18".
const initials = /^(?:[A-Za-z]\.)*[A-Za-z]$/;
// The abbreviations are the splitter's list (src/data/abbreviations.json).

function softPeriod(core: string, tail: string): boolean {
  return tail === '.' && (initials.test(core) || abbreviationKindOf(core) !== undefined);
}

/**
 * Word tokens of `text` (split on white space and dashes, a double hyphen among them); the result is shared, never mutate it.
 *
 * @param text A sentence's plain text.
 */
export function tokenize(text: string): readonly Token[] {
  // The extractors of one sentence tokenise the same text in turn: keep the last.
  if (text === lastText) return lastTokens;
  const tokens = scan(text);
  lastText = text;
  lastTokens = tokens;
  return tokens;
}

let lastText: string | null = null;
let lastTokens: readonly Token[] = [];

function scan(text: string): Token[] {
  const tokens: Token[] = [];
  // A double hyphen is a dash ("$4.4 billion--double that"); a single one joins a word.
  const chunk = /(?:[^\s—–-]|(?<!-)-(?!-))+/g;
  let pendingBreak = false;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = chunk.exec(text)) !== null) {
    const raw = match[0];
    const between = text.slice(last, match.index);
    last = match.index + raw.length;
    if (/[—–]|--/.test(between)) pendingBreak = true;
    let core = raw;
    const lead = leading.exec(core)?.[0] ?? '';
    core = core.slice(lead.length);
    let tail = '';
    let possessive = false;
    for (;;) {
      const t = trailing.exec(core)?.[0];
      if (t) {
        tail = t + tail;
        core = core.slice(0, -t.length);
        continue;
      }
      if (possessiveEnd.test(core) && core.length > 2) {
        possessive = true;
        tail = core.slice(-2) + tail;
        core = core.slice(0, -2);
        continue;
      }
      break;
    }
    if (breakChars.test(lead)) pendingBreak = true;
    if (core.length === 0) {
      if (breakChars.test(raw)) pendingBreak = true;
      continue;
    }
    const start = match.index + lead.length;
    const breakAfter = breakChars.test(tail) && !softPeriod(core, tail);
    tokens.push({
      core,
      lower: core.toLowerCase(),
      start,
      end: start + core.length,
      breakBefore: pendingBreak,
      breakAfter,
      before: lead,
      after: tail,
      possessive,
      capital: core.charCodeAt(0) >= 65 && core.charCodeAt(0) <= 90,
    });
    pendingBreak = breakAfter;
  }
  return tokens;
}
