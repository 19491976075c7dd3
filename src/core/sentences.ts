// segment: plain text → sentence spans, and a loaded Source → Sentences at their exact place in the file,
// by one linear scan over candidate boundaries (. ? ! … bullets, line breaks) with word lists from src/data.

import { loadAbbreviations, type AbbreviationKind } from './abbreviations.js';
import ruleData from '../data/segment-rules.json' with { type: 'json' };
import { fileOffsetOfEnd, fileOffsetOfStart, positionAt } from './offsets.js';
import type { Sentence, Source, Span } from '../types.js';

// Character classes: one bit each, looked up by UTF-16 code unit.
const SPACE = 1;
const TERMINAL = 2;
const HARD = 4;
const CLOSER = 8;
const OPENER = 16;
const QUOTE = 32;
const BULLET = 64;
const CONTINUATION = 128;
const CANDIDATE = 256;

// How a word followed by a period behaves.
const PLAIN = 0;
/** Prepositive title (Mr., Dr., St.): never ends a sentence. */
const TITLE = 1;
/** Stands before a number (No., p., Dec.): binds to a following digit, else a plain word. */
const NUMBER = 2;
/** a.m., p.m.: like GENERAL, except after a bare introductory phrase ("At 5 a.m."). */
const TIME = 3;
/** Initials, initialisms and other abbreviations: ends a sentence only before a sentence starter. */
const GENERAL = 4;

interface SegmentData {
  readonly classes: Uint16Array;
  /** Abbreviations written with capitals: match only as written. */
  readonly exact: ReadonlyMap<string, number>;
  /** Abbreviations written in lower case: match in any case. */
  readonly folded: ReadonlyMap<string, number>;
  readonly starters: ReadonlySet<string>;
  readonly introPrepositions: ReadonlySet<string>;
  readonly maxIntroWords: number;
  readonly exclamationWords: ReadonlySet<string>;
  /** Sticky: a footnote or elision marker ("[6]", "[…]") that stays with the sentence before it. */
  readonly noteMarker: RegExp;
  readonly noteNumberDigits: number;
}

/** Build the lookup tables from src/data once, at module load. */
function loadSegmentData(): SegmentData {
  const classes = new Uint16Array(65536);
  const mark = (characters: string, flag: number): void => {
    for (let index = 0; index < characters.length; index++) classes[characters.charCodeAt(index)]! |= flag;
  };
  // The characters String.prototype.trim removes, so spans agree with `trim()`.
  mark('\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff', SPACE);
  mark(ruleData.terminals, TERMINAL | CANDIDATE);
  mark(ruleData.hardTerminals, HARD | CANDIDATE);
  mark(ruleData.closers, CLOSER);
  mark(ruleData.openers, OPENER);
  mark(ruleData.openingQuotes, QUOTE | OPENER);
  mark(ruleData.bullets, BULLET | CANDIDATE);
  mark(ruleData.continuations, CONTINUATION);
  mark('\n', CANDIDATE);

  const codes: Readonly<Record<AbbreviationKind, number>> = { title: TITLE, number: NUMBER, time: TIME, general: GENERAL };
  const abbreviations = loadAbbreviations();
  const exact = new Map([...abbreviations.exact].map(([word, kind]) => [word, codes[kind]] as const));
  const folded = new Map([...abbreviations.folded].map(([word, kind]) => [word, codes[kind]] as const));
  return {
    classes,
    exact,
    folded,
    starters: new Set(ruleData.starters),
    introPrepositions: new Set(ruleData.introPrepositions),
    maxIntroWords: ruleData.maxIntroWords,
    exclamationWords: new Set(ruleData.exclamationWords),
    noteMarker: new RegExp(ruleData.noteMarker, 'y'),
    noteNumberDigits: ruleData.noteNumberDigits,
  };
}

const data = loadSegmentData();
/** Words longer than this are never abbreviations; bounding the look-around keeps the scan linear. */
const MAX_WORD = 64;
const classes = data.classes;

function classOf(code: number): number {
  return classes[code]!;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUpper(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  const character = String.fromCharCode(code);
  return character !== character.toLowerCase();
}

function isLower(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  const character = String.fromCharCode(code);
  return character !== character.toUpperCase();
}

function isLetter(code: number): boolean {
  return isLower(code) || isUpper(code);
}

/** An enumerator that opens a list item: `1.`, `2)`, `3.)`, `a.`, `B)`. */
interface Marker {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly style: string;
  /** 0 digits, 97 lower-case letter, 65 upper-case letter. */
  readonly alphabet: number;
}

/** The scanning state of one prose range. */
interface Scan {
  readonly text: string;
  readonly end: number;
  readonly cuts: number[];
  /** Characters before this index belong to a list marker and end nothing. */
  skip: number;
  /** From the last cut up to this index there is only whitespace and bullets. */
  checked: number;
  /** The next list item expected in the range, if a list is open. */
  marker: Marker | undefined;
  /** Marker texts known to be absent from an index to the end of the range (keeps the scan linear). */
  absent: Map<string, number> | undefined;
}

/**
 * Sentence spans of plain text: trimmed (no leading/trailing whitespace),
 * non-empty, ordered, non-overlapping; offsets index into `text`.
 *
 * Paragraphs (split on blank lines) are scanned as prose, where a line break is
 * plain whitespace, unless none of their lines ends with sentence-final
 * punctuation: then each line is a segment of its own (lists, bylines, menus).
 *
 * @param text Plain text, e.g. a block's `text`.
 */
export function splitText(text: string): Span[] {
  const cuts: number[] = [];
  const lines: number[] = [];
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (isBlank(text, lineStart, lineEnd)) {
      splitParagraph(text, lines, cuts);
      lines.length = 0;
    } else {
      lines.push(lineStart, lineEnd);
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  splitParagraph(text, lines, cuts);
  return spansOf(text, cuts);
}

/**
 * Sentences of a loaded source: every block without a `boilerplate` reason,
 * split with `splitText` and mapped back onto the file.
 *
 * @param source Loaded source.
 */
export function splitSentences(source: Source): Sentence[] {
  const sentences: Sentence[] = [];
  source.blocks.forEach((block, blockIndex) => {
    if (block.boilerplate) return;
    for (const span of splitText(block.text)) {
      const start = fileOffsetOfStart(block, span.start);
      const end = fileOffsetOfEnd(block, span.end);
      sentences.push({
        source: source.id,
        index: sentences.length,
        text: source.text.slice(start, end),
        plain: block.text.slice(span.start, span.end),
        position: positionAt(source, start, end),
        block: blockIndex,
        kind: block.kind,
      });
    }
  });
  return sentences;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if ((classOf(text.charCodeAt(index)) & SPACE) === 0) return false;
  }
  return true;
}

/** Scan one paragraph, given as `[start, end)` pairs of its lines. */
function splitParagraph(text: string, lines: readonly number[], cuts: number[]): void {
  if (lines.length === 0) return;
  let lineMode = lines.length > 2;
  for (let index = 0; lineMode && index < lines.length; index += 2) {
    if (endsWithTerminal(text, lines[index]!, lines[index + 1]!)) lineMode = false;
  }
  if (lineMode) {
    for (let index = 0; index < lines.length; index += 2) scanProse(text, lines[index]!, lines[index + 1]!, cuts);
  } else {
    scanProse(text, lines[0]!, lines[lines.length - 1]!, cuts);
  }
}

function endsWithTerminal(text: string, start: number, end: number): boolean {
  let index = end - 1;
  while (index >= start && (classOf(text.charCodeAt(index)) & (SPACE | CLOSER)) !== 0) index--;
  return index >= start && (classOf(text.charCodeAt(index)) & (TERMINAL | HARD)) !== 0;
}

function spansOf(text: string, cuts: readonly number[]): Span[] {
  const spans: Span[] = [];
  for (let index = 1; index < cuts.length; index++) {
    let start = cuts[index - 1]!;
    let end = cuts[index]!;
    while (start < end && (classOf(text.charCodeAt(start)) & SPACE) !== 0) start++;
    while (end > start && (classOf(text.charCodeAt(end - 1)) & SPACE) !== 0) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Scan `[start, end)` as prose, appending its boundaries (and both ends) to `cuts`. */
function scanProse(text: string, start: number, end: number, cuts: number[]): void {
  cuts.push(start);
  const scan: Scan = { text, end, cuts, skip: start, checked: start, marker: undefined, absent: undefined };
  openSegment(scan, start);
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    const kind = classes[code]!;
    if ((kind & CANDIDATE) === 0) continue;
    if (scan.marker && scan.marker.start <= index) flushMarkers(scan, index);
    if (index < scan.skip) continue;
    if (code === 10) {
      lineBreak(scan, index);
    } else if ((kind & BULLET) !== 0) {
      if (index === start || (classOf(text.charCodeAt(index - 1)) & SPACE) !== 0) {
        cut(scan, index);
        openSegment(scan, index);
      }
    } else {
      index = terminal(scan, index);
    }
  }
  if (scan.marker) flushMarkers(scan, end - 1);
  cuts.push(end);
}

/** Record a boundary at `position`, unless the segment before it holds only whitespace and bullets. */
function cut(scan: Scan, position: number): void {
  const { text, cuts } = scan;
  const last = cuts[cuts.length - 1]!;
  if (position <= last) return;
  for (let index = Math.max(last, scan.checked); index < position; index++) {
    if ((classOf(text.charCodeAt(index)) & (SPACE | BULLET)) === 0) {
      cuts.push(position);
      break;
    }
  }
  scan.checked = position;
}

/** At the start of a line, bullet or range: a list marker there opens (or continues) a list. */
function openSegment(scan: Scan, position: number): void {
  const { text, end } = scan;
  let index = skipSpace(text, position, end);
  if (index < end && (classOf(text.charCodeAt(index)) & BULLET) !== 0) index = skipSpace(text, index + 1, end);
  const marker = markerAt(text, index, end);
  if (!marker) return;
  if (marker.end > scan.skip) scan.skip = marker.end;
  scan.marker = nextMarker(scan, marker);
}

function skipSpace(text: string, start: number, end: number): number {
  let index = start;
  while (index < end && (classOf(text.charCodeAt(index)) & SPACE) !== 0) index++;
  return index;
}

function flushMarkers(scan: Scan, upto: number): void {
  while (scan.marker && scan.marker.start <= upto) {
    const marker = scan.marker;
    cut(scan, marker.start);
    if (marker.end > scan.skip) scan.skip = marker.end;
    scan.marker = nextMarker(scan, marker);
  }
}

/**
 * A line break inside prose is whitespace, unless the next line opens with a
 * bullet or starts a list (`1.`, `a)`; like CommonMark, only a first item can
 * interrupt prose, so a wrapped "Nov.\n19." stays one sentence).
 */
function lineBreak(scan: Scan, index: number): void {
  const { text, end } = scan;
  const next = skipSpace(text, index + 1, end);
  if (next >= end) return;
  const code = text.charCodeAt(next);
  const dash = (code === 45 || code === 42 || code === 43) && (classOf(text.charCodeAt(next + 1)) & SPACE) !== 0;
  if (dash || (classOf(code) & BULLET) !== 0 || markerAt(text, next, end)?.value === 1) {
    cut(scan, next);
    openSegment(scan, next);
  }
}

function markerAt(text: string, start: number, end: number): Marker | undefined {
  let index = start;
  let value = 0;
  let alphabet = 0;
  const code = text.charCodeAt(index);
  if (isDigit(code)) {
    while (index < end && index - start < 3 && isDigit(text.charCodeAt(index))) {
      value = value * 10 + text.charCodeAt(index) - 48;
      index++;
    }
    if (isDigit(text.charCodeAt(index))) return undefined;
  } else if (code >= 97 && code <= 122) {
    alphabet = 97;
    value = code - 96;
    index++;
  } else if (code >= 65 && code <= 90) {
    alphabet = 65;
    value = code - 64;
    index++;
  } else {
    return undefined;
  }
  let style: string;
  if (text.startsWith('.)', index)) style = '.)';
  else if (text.charCodeAt(index) === 41) style = ')';
  else if (text.charCodeAt(index) === 46) style = '.';
  else return undefined;
  index += style.length;
  if (index >= end || (classOf(text.charCodeAt(index)) & SPACE) === 0) return undefined;
  return { start, end: index, value, style, alphabet };
}

/** The marker that continues `marker`'s list inline (`2.` after `1.`), preceded and followed by whitespace. */
function nextMarker(scan: Scan, marker: Marker): Marker | undefined {
  const { text, end } = scan;
  const value = marker.value + 1;
  if (marker.alphabet !== 0 && value > 26) return undefined;
  const label = marker.alphabet === 0 ? String(value) : String.fromCharCode(marker.alphabet + value - 1);
  const needle = label + marker.style;
  const absentFrom = scan.absent?.get(needle);
  if (absentFrom !== undefined && absentFrom <= marker.end) return undefined;
  let index = text.indexOf(needle, marker.end);
  while (index >= 0 && index + needle.length < end) {
    const after = index + needle.length;
    if (
      (classOf(text.charCodeAt(index - 1)) & SPACE) !== 0 &&
      (classOf(text.charCodeAt(after)) & SPACE) !== 0
    ) {
      return { start: index, end: after, value, style: marker.style, alphabet: marker.alphabet };
    }
    index = text.indexOf(needle, index + 1);
  }
  (scan.absent ??= new Map()).set(needle, Math.min(absentFrom ?? marker.end, marker.end));
  return undefined;
}

/**
 * Decide the cluster of terminal punctuation that starts at `start`; returns the
 * index of its last character so the scan resumes after it.
 */
function terminal(scan: Scan, start: number): number {
  const { text, end } = scan;
  let index = start;
  let dots = 0;
  let marks = 0;
  let hard = false;
  let spaced = false;
  for (; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 46) dots++;
    else if (code === 0x2026) dots += 3;
    else if ((classOf(code) & HARD) !== 0) hard = true;
    else if ((classOf(code) & TERMINAL) !== 0) marks++;
    else if (code === 32 && dots > 0 && marks === 0 && text.charCodeAt(index + 1) === 46) spaced = true;
    else break;
  }
  const last = index - 1;
  const after = noteEnd(scan, start, closersEnd(text, index, end));
  if (hard) {
    cut(scan, after);
    return last;
  }
  if (after >= end) return last;
  if ((classOf(text.charCodeAt(after)) & SPACE) === 0) {
    if (joinedBoundary(scan, start, after, dots, marks)) cut(scan, after);
    return last;
  }
  let next = after + 1;
  while (next < end && (classOf(text.charCodeAt(next)) & SPACE) !== 0) next++;
  if (next >= end) return last;
  const code = text.charCodeAt(next);
  if (isLower(code)) {
    // "i missed the bus. my boss …": a plain lower-case word, a bare stop, a lower-case word.
    if (
      after === index &&
      ((dots === 1 && marks === 0) || (dots === 0 && marks > 0)) &&
      plainWordBefore(scan, start) &&
      !abbreviationAt(text, next, end)
    ) {
      cut(scan, after);
    }
    return last;
  }
  if ((classOf(code) & CONTINUATION) !== 0) return last;

  let boundary: boolean;
  if (marks > 0) {
    const exclamation = marks === 1 && dots === 0 && text.charCodeAt(start) === 33;
    boundary = !(exclamation && data.exclamationWords.has(wordBefore(scan, start))) || startsWithStarter(text, next, end);
  } else if (dots >= 4) {
    // "compounds. . . . The": a period, then an ellipsis that opens the next sentence.
    if (spaced && text.charCodeAt(start + 1) === 32 && start > 0 && (classOf(text.charCodeAt(start - 1)) & SPACE) === 0) {
      if (opensUpper(text, next, end)) cut(scan, start + 1);
      return last;
    }
    boundary = opensUpper(text, next, end);
  } else if (dots === 3) {
    // A bare ellipsis ends a sentence only before a capital that is not the pronoun "I".
    boundary = opensUpper(text, next, end) && !isPronounI(text, next, end);
  } else if (dots === 2 && !spaced) {
    // "CCGM, L.P.. Further": an abbreviation's period, then the stop.
    boundary = periodBoundary(scan, start, next) || opensUpper(text, next, end);
  } else {
    boundary = periodBoundary(scan, start, next);
  }
  if (boundary) cut(scan, after);
  return last;
}

/** Whether a period at `period`, followed by whitespace and then `next`, ends a sentence. */
function periodBoundary(scan: Scan, period: number, next: number): boolean {
  const { text, end, cuts } = scan;
  const segmentStart = cuts[cuts.length - 1]!;
  const tokenStart = wordStart(text, period, segmentStart);
  if (tokenStart < 0 || tokenStart === period) return true;
  const code = text.charCodeAt(next);
  switch (abbreviationKind(text.slice(tokenStart, period))) {
    case TITLE:
      return false;
    case NUMBER:
      return !isDigit(code);
    case TIME:
      return startsWithStarter(text, next, end) && !isIntroPhrase(text, segmentStart, tokenStart);
    case GENERAL:
      return (classOf(code) & QUOTE) !== 0 || startsWithStarter(text, next, end);
    default:
      return true;
  }
}

/**
 * End of the closing punctuation after terminal punctuation at `start`; an opening quote
 * typed the wrong way round (`fair.“ However`) closes too when whitespace follows it.
 */
function closersEnd(text: string, start: number, end: number): number {
  let after = start;
  for (; after < end; after++) {
    const kind = classOf(text.charCodeAt(after));
    if ((kind & CLOSER) !== 0) continue;
    if ((kind & QUOTE) !== 0 && (after + 1 >= end || (classOf(text.charCodeAt(after + 1)) & SPACE) !== 0)) continue;
    break;
  }
  return after;
}

/**
 * End of a footnote or elision marker at `start`, after spaces or tabs ("1805. [6] He"), or of a bare
 * footnote number before a sentence starter ("rights. 4 Even"), or `start` when there is none:
 * the marker belongs to the sentence it follows.
 */
function noteEnd(scan: Scan, stop: number, start: number): number {
  const { text, end } = scan;
  let index = start;
  while (index < end && (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9)) index++;
  if (index > start && isDigit(text.charCodeAt(index))) {
    let digits = index;
    while (digits < end && digits - index <= data.noteNumberDigits && isDigit(text.charCodeAt(digits))) digits++;
    const number = digits - index <= data.noteNumberDigits && text.charCodeAt(digits) === 32;
    if (!number || !startsWithStarter(text, digits + 1, end)) return start;
    // "No. 4 The …", "p. 12 In …": after an abbreviation the number is its own.
    return text.charCodeAt(stop) !== 46 || abbreviationKind(wordBefore(scan, stop)) === PLAIN ? digits : start;
  }
  if (text.charCodeAt(index) !== 91) return start;
  const marker = data.noteMarker;
  marker.lastIndex = index;
  const match = marker.exec(text);
  return match && index + match[0].length <= end ? index + match[0].length : start;
}

/**
 * The word before the stop at `period` is plain lower case, or digits with a letter or hyphen ("it", "don't", "5th", "555-0199"),
 * not an abbreviation or a shape like "e.g"; closing punctuation may come between (`on". so`, `(555-0199). you`),
 * and a question or exclamation mark may be typed after a space ("as i do ? i").
 */
function plainWordBefore(scan: Scan, period: number): boolean {
  const { text, cuts } = scan;
  const floor = cuts[cuts.length - 1]!;
  let wordEnd = period;
  if (text.charCodeAt(period) !== 46 && wordEnd - 1 > floor && text.charCodeAt(wordEnd - 1) === 32) wordEnd--;
  while (wordEnd > floor && (classOf(text.charCodeAt(wordEnd - 1)) & CLOSER) !== 0) wordEnd--;
  const tokenStart = wordStart(text, wordEnd, floor);
  if (tokenStart < 0 || wordEnd - tokenStart < 2) return false;
  // A bare number ("in 2019. analysts") is not enough: a letter or an inner hyphen must come with its digits.
  let digitsOnly = true;
  for (let index = tokenStart; index < wordEnd; index++) {
    const code = text.charCodeAt(index);
    if (isDigit(code)) continue;
    digitsOnly = false;
    if (isLower(code)) continue;
    const inner = index > tokenStart && index < wordEnd - 1 && (code === 39 || code === 0x2019 || code === 45);
    if (!inner) return false;
  }
  return !digitsOnly && abbreviationKind(text.slice(tokenStart, wordEnd)) === PLAIN;
}

/** The word at `start` is itself an abbreviation with its period ("voc. ed. classes"): a run of abbreviations. */
function abbreviationAt(text: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && index - start < MAX_WORD && isLetter(text.charCodeAt(index))) index++;
  return text.charCodeAt(index) === 46 && index > start + 1 && abbreviationKind(text.slice(start, index)) !== PLAIN;
}

/** A period or mark with no space after it ("world.Today"): a boundary only between a word and a capitalised word. */
function joinedBoundary(scan: Scan, start: number, after: number, dots: number, marks: number): boolean {
  const { text, end, cuts } = scan;
  if (!((dots === 1 && marks === 0) || (dots === 0 && marks > 0))) return false;
  const before = text.charCodeAt(start - 1);
  if (start <= cuts[cuts.length - 1]! || !(isLower(before) || isDigit(before))) return false;
  // "foreigners?thanks": a question or exclamation mark joined to a lower-case word, after a plain word.
  const lowerAfterMark = dots === 0 && isLower(text.charCodeAt(after)) && plainWordBefore(scan, start);
  if (!lowerAfterMark && !(isUpper(text.charCodeAt(after)) && isLower(text.charCodeAt(after + 1)))) return false;
  const tokenStart = wordStart(text, start, cuts[cuts.length - 1]!);
  if (tokenStart < 0) return false;
  const limit = Math.min(end, after + MAX_WORD);
  let tokenEnd = after;
  while (tokenEnd < limit && (classOf(text.charCodeAt(tokenEnd)) & SPACE) === 0) tokenEnd++;
  if (tokenEnd === limit && limit < end) return false;
  const word = text.slice(tokenStart, tokenEnd);
  if (word.includes('@') || word.includes('/') || word.includes('=') || word.toLowerCase().startsWith('www.')) return false;
  return dots === 0 || abbreviationKind(text.slice(tokenStart, start)) === PLAIN;
}

/**
 * Start of the word that ends at `end`: back to whitespace (not before `floor`),
 * then past opening punctuation; -1 for a word longer than MAX_WORD (a URL, a hash).
 */
function wordStart(text: string, end: number, floor: number): number {
  const limit = Math.max(floor, end - MAX_WORD);
  let index = end;
  while (index > limit && (classOf(text.charCodeAt(index - 1)) & SPACE) === 0) index--;
  if (index === limit && limit > floor) return -1;
  while (index < end && (classOf(text.charCodeAt(index)) & OPENER) !== 0) index++;
  return index;
}

function wordBefore(scan: Scan, end: number): string {
  const start = wordStart(scan.text, end, scan.cuts[scan.cuts.length - 1]!);
  return start < 0 ? '' : scan.text.slice(start, end);
}

function abbreviationKind(token: string): number {
  // A capital letter is an initial ("Anna R. Lopez"), even where its lower case is listed ("p. 12").
  if (token.length === 1 && isUpper(token.charCodeAt(0))) return GENERAL;
  const kind = data.exact.get(token) ?? data.folded.get(token.toLowerCase());
  if (kind !== undefined) return kind;
  if (token.length === 1) return isLetter(token.charCodeAt(0)) ? GENERAL : PLAIN;
  if (isInitialism(token)) return GENERAL;
  // "Rainier/Mt.", "then-No.": an abbreviation after a slash or hyphen.
  const joint = Math.max(token.lastIndexOf('/'), token.lastIndexOf('-'));
  if (joint >= 0 && joint < token.length - 1 && isLetter(token.charCodeAt(joint + 1))) {
    const part = token.slice(joint + 1);
    return data.exact.get(part) ?? data.folded.get(part.toLowerCase()) ?? PLAIN;
  }
  return PLAIN;
}

/** Letters in groups of one or two joined by periods: U.S, U.S.A, J.R.R, Ph.D, e.g. */
function isInitialism(token: string): boolean {
  let group = 0;
  let groups = 0;
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (code === 46) {
      if (group === 0) return false;
      group = 0;
      groups++;
    } else if (isLetter(code)) {
      if (++group > 2) return false;
    } else {
      return false;
    }
  }
  return group > 0 && groups > 0;
}

function startsWithStarter(text: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && isLetter(text.charCodeAt(index))) index++;
  return index > start && data.starters.has(text.slice(start, index));
}

function opensUpper(text: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && (classOf(text.charCodeAt(index)) & QUOTE) !== 0) index++;
  return index < end && isUpper(text.charCodeAt(index));
}

function isPronounI(text: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && (classOf(text.charCodeAt(index)) & QUOTE) !== 0) index++;
  return text.charCodeAt(index) === 73 && !(index + 1 < end && isLetter(text.charCodeAt(index + 1)));
}

/** "At 5 a.m. Mr. Smith …": a preposition and at most a few words, which cannot be a sentence alone. */
function isIntroPhrase(text: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && (classOf(text.charCodeAt(index)) & (SPACE | OPENER)) !== 0) index++;
  let wordEnd = index;
  while (wordEnd < end && isLetter(text.charCodeAt(wordEnd))) wordEnd++;
  if (!data.introPrepositions.has(text.slice(index, wordEnd).toLowerCase())) return false;
  let words = 0;
  for (let at = index; at < end; at++) {
    const space = (classOf(text.charCodeAt(at)) & SPACE) !== 0;
    if (!space && (at === index || (classOf(text.charCodeAt(at - 1)) & SPACE) !== 0) && ++words > data.maxIntroWords) {
      return false;
    }
  }
  return true;
}
