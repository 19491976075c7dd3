// boilerplate: the paragraphs of an article as collected from the web → for each,
// why it is web boilerplate (menus, related-article lists, bylines, bios, sign-up
// forms, copyright lines …) or null when it is prose. Cues are data in
// src/data/boilerplate.json; every pass is linear in the number of paragraphs.
// Attribution labels that introduce a quoted passage ("Daily Caller:", "New York
// Post:") are kept as prose: they say whom the following paragraphs quote.

import data from '../data/boilerplate.json' with { type: 'json' };

/** What the caller knows about the article; each field sharpens the decisions. */
export interface BoilerplateContext {
  /** The article's title: paragraphs repeating it are a "repeated headline" (optional). */
  readonly title?: string;
  /** The outlet: its bare name above the headline is the "site name" (optional). */
  readonly outlet?: string;
  /** Author names: lines that only name them are bylines, bios of them are bios (optional). */
  readonly author?: readonly string[];
}

interface CueGroup {
  readonly reason: string;
  readonly maxWords: number;
  readonly patterns: readonly RegExp[];
}

interface Paragraph {
  /** Whitespace collapsed and trimmed. */
  readonly text: string;
  /** `text` without a leading bullet (`•`, `-`, `1.` …). */
  readonly body: string;
  /** Lowercase letters and digits only, single-spaced: for comparing lines. */
  readonly key: string;
  readonly words: number;
  readonly bullet: boolean;
}

interface Data {
  readonly lines: readonly { reason: string; maxWords: number; patterns: readonly string[]; flags?: string }[];
  readonly listHeadings: readonly { reason: string; patterns: readonly string[] }[];
  readonly runStarts: readonly { reason: string; patterns: readonly string[] }[];
  readonly sectionWords: readonly string[];
  readonly bioRoles: readonly string[];
  readonly bioCues: readonly string[];
  readonly bioCuesFlags?: string;
  readonly functionWords: readonly string[];
  readonly nameParticles: readonly string[];
  readonly timestamp: {
    readonly maxWords: number;
    readonly keywords: readonly string[];
    readonly calendar: readonly string[];
    readonly clock: readonly string[];
    readonly fillers: readonly string[];
  };
}

const cues = data as Data;

const lineCues: readonly CueGroup[] = cues.lines.map((group) => ({
  reason: group.reason,
  maxWords: group.maxWords,
  patterns: group.patterns.map((pattern) => new RegExp(pattern, group.flags ?? 'iu')),
}));
const listHeadings = cues.listHeadings.map((group) => ({
  reason: group.reason,
  patterns: group.patterns.map((pattern) => new RegExp(pattern, 'iu')),
}));
const runStarts = cues.runStarts.map((group) => ({
  reason: group.reason,
  patterns: group.patterns.map((pattern) => new RegExp(pattern, 'iu')),
}));
const sectionWords = new Set(cues.sectionWords);
const functionWords = new Set(cues.functionWords);
const nameParticles = new Set(cues.nameParticles);
const bioRole = new RegExp(`\\b(?:${cues.bioRoles.join('|')})s?\\b`, 'iu');
const bioCues = cues.bioCues.map((pattern) => new RegExp(pattern, cues.bioCuesFlags ?? 'iu'));

const timestampKeywords = new Set(cues.timestamp.keywords);
const timestampCalendar = new Set(cues.timestamp.calendar);
const timestampClock = new Set(cues.timestamp.clock);
const timestampFillers = new Set(cues.timestamp.fillers);
/** A clock time or day number: "9:46", "11:41am", "8:52p.m", "26", "2013", "19th"; a British clock time "03.31", "02.16pm". */
const TIME_TOKEN = /^(?:\d{1,4}(?::\d{2}){0,2}(?:st|nd|rd|th|am|pm|a\.m|p\.m|h)?|\d{1,2}\.\d{2}(?:am|pm)?)$/;
/** A numeric date: "9/26/2013", "26.09.2013", "2013-09-26", "2013-09-26t21:46:00z". */
const NUMERIC_DATE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2})?z?)?|\d{2}t\d{2}:\d{2}(?::\d{2})?z?)$/;

const BULLET = /^(?:[•·▪‣◦●○■□►▸➤–—*+-]|\d{1,2}[.)])\s+/u;
/** A sentence end somewhere in the text: `.`, `!`, `?` or `…`, maybe closed by quotes. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?:\s|$)/u;
/** A name token: capitalised word or initial ("C."), letters, apostrophes, hyphens. */
const NAME_TOKEN = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const BIO_START =
  /^(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|da|di|del|van|von|bin|al|la|le)){1,3})\s+(?:is|was|has been|serves as|works as)\s+(.{0,200})/u;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_START = new RegExp(
  `^(?:\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4})`,
  'iu',
);
const PUBLISHED = /^(?:published|updated|posted|last updated|first published|last modified)\b[^.!?]*\d/iu;

/**
 * For each paragraph (in document order), why it is web boilerplate, or null if
 * it is prose. Context-aware: a "Related articles"/"Keep Reading"/"Most Read"
 * heading makes the short title-like items after it boilerplate; a byline-like
 * short name line near the top; an author bio ("X is an editor/journalist…",
 * "Contact X at …"); a footer run (everything after "Footer", "Copyright ©",
 * "Primary Sidebar"…, once the article has started).
 *
 * @param paragraphs Plain text of each paragraph or block (soft breaks allowed).
 * @param context What is known about the article (default: nothing).
 */
export function findBoilerplate(paragraphs: readonly string[], context: BoilerplateContext = {}): (string | null)[] {
  const paras = paragraphs.map(analyse);
  const n = paras.length;
  const names = new Set<string>();
  for (const author of context.author ?? []) names.add(keyOf(author));

  // Pass 1: each line on its own.
  const reasons: (string | null)[] = paras.map((paragraph) => {
    const byline = bylineNames(paragraph);
    if (byline) {
      for (const name of byline) names.add(keyOf(name));
      return 'byline';
    }
    return lineReason(paragraph);
  });

  // Pass 2: the top of the page, above the first paragraph of prose.
  const top = markTopOfPage(paras, reasons, names, context);

  // Pass 3: the article and what follows it (lists, sidebars, footers, bios).
  let run: string | null = null;
  let streak: number[] = [];
  let list: { reason: string; afterItem: boolean } | null = null;
  const bioCandidates: { index: number; name: string }[] = [];
  const seen = new Set<string>();
  for (let index = top.firstProse; index < n; index++) {
    const paragraph = paras[index]!;
    const start: string | null = runStartReason(paragraph) ?? (reasons[index] === 'copyright line' && !run ? 'footer' : null);
    if (start) {
      run = start;
      streak = [];
      list = null;
      reasons[index] ??= start;
      continue;
    }
    const heading = listHeadingReason(paragraph);
    if (heading) {
      list = { reason: heading, afterItem: false };
      reasons[index] ??= heading;
      streak = [];
      continue;
    }
    if (list) {
      if (reasons[index]) continue;
      if (isListItem(paragraph)) {
        reasons[index] = list.reason;
        list.afterItem = true;
        continue;
      }
      if (list.afterItem && paragraph.words <= 60) {
        reasons[index] = list.reason;
        list.afterItem = false;
        continue;
      }
      list = null;
    }
    if (run) {
      // Three paragraphs of prose in a row: the "footer" was not one after all.
      if (!reasons[index] && isProse(paragraph) && paragraph.words >= 15) {
        streak.push(index);
        if (streak.length < 3) {
          reasons[index] = run;
          continue;
        }
        for (const kept of streak) reasons[kept] = null;
        run = null;
        streak = [];
      } else {
        streak = [];
        reasons[index] ??= run;
        continue;
      }
    }
    if (reasons[index]) continue;
    const bio = bioName(paragraph);
    if (bio) {
      const key = keyOf(bio);
      if (names.has(key) || bioCues.some((cue) => cue.test(paragraph.text))) {
        reasons[index] = 'author bio';
        names.add(key);
        markNameLinesBefore(index, key);
      } else {
        bioCandidates.push({ index, name: key });
      }
      continue;
    }
    const found = nameList(paragraph.text);
    if (found && found.every((name) => names.has(keyOf(name)))) {
      reasons[index] = 'byline';
    } else if (isDateline(paragraph, false)) {
      reasons[index] = 'dateline';
    } else if (paragraph.words >= 15) {
      if (seen.has(paragraph.key)) reasons[index] = 'duplicate paragraph';
      else seen.add(paragraph.key);
    }
  }

  markTrailingBios(paras, reasons, bioCandidates, markNameLinesBefore);
  markCaptionsAbove(paras, reasons);
  return reasons;

  function markNameLinesBefore(index: number, key: string): void {
    for (let before = index - 1; before >= 0 && index - before <= 3; before--) {
      const found = nameList(paras[before]!.text);
      if (!found || !found.some((name) => keyOf(name) === key || names.has(keyOf(name)))) break;
      reasons[before] = 'author bio';
    }
  }
}


/** Pass 2 of `findBoilerplate`: headline, header, menus, datelines and bylines above the first paragraph of prose. */
function markTopOfPage(paras: readonly Paragraph[], reasons: (string | null)[], names: Set<string>, context: BoilerplateContext): ReturnType<typeof locateHeadline> {
  const titleKey = context.title ? keyOf(context.title) : '';
  const outletKey = context.outlet ? keyOf(context.outlet) : '';
  const top = locateHeadline(paras, reasons, titleKey, outletKey);
  const headline = top.headline;
  const headlineKey = headline >= 0 ? paras[headline]!.key : titleKey;
  for (let index = 0; index < top.firstProse; index++) {
    if (reasons[index]) continue;
    const paragraph = paras[index]!;
    if (index === headline) {
      if (titleKey && paragraph.key === titleKey) reasons[index] = 'repeated headline';
      continue;
    }
    const previous = index > 0 ? reasons[index - 1] : null;
    if (paragraph.key !== '' && (paragraph.key === headlineKey || paragraph.key === titleKey)) {
      reasons[index] = 'repeated headline';
    } else if (outletKey && paragraph.key === outletKey) {
      reasons[index] = 'site name';
    } else if (paragraph.bullet && !isProse(paragraph)) {
      reasons[index] = 'navigation menu';
    } else if (isSectionLabel(paragraph)) {
      reasons[index] = 'section label';
    } else if (index < headline && !isProse(paragraph)) {
      reasons[index] = 'page header';
    } else if (isDateline(paragraph, true)) {
      reasons[index] = endsWithWord(paragraph.text.replace(DATE_START, '')) ? 'byline' : 'dateline';
    } else {
      const found = nameList(paragraph.text);
      if (found && ((headline >= 0 && index > headline) || previous === 'byline' || previous === 'photo caption or credit')) {
        for (const name of found) names.add(keyOf(name));
        reasons[index] = 'byline';
      }
    }
  }
  return top;
}

/** A bio-like paragraph after which only boilerplate follows is a bio. */
function markTrailingBios(
  paras: readonly Paragraph[],
  reasons: (string | null)[],
  bioCandidates: readonly { index: number; name: string }[],
  markNameLinesBefore: (index: number, key: string) => void,
): void {
  const n = paras.length;
  const candidateIndexes = new Set(bioCandidates.map((candidate) => candidate.index));
  let lastProse = -1;
  for (let index = n - 1; index >= 0 && lastProse < 0; index--) {
    if (!reasons[index] && !candidateIndexes.has(index) && isProse(paras[index]!)) lastProse = index;
  }
  for (const candidate of bioCandidates) {
    if (candidate.index > lastProse) {
      reasons[candidate.index] = 'author bio';
      markNameLinesBefore(candidate.index, candidate.name);
    }
  }
}

/** A caption line directly above its own credited copy ("X." then "X (credits).") is a caption too. */
function markCaptionsAbove(paras: readonly Paragraph[], reasons: (string | null)[]): void {
  const n = paras.length;
  for (let index = 0; index + 1 < n; index++) {
    const paragraph = paras[index]!;
    if (
      !reasons[index] &&
      reasons[index + 1] === 'photo caption or credit' &&
      paragraph.words <= 30 &&
      paragraph.key.length >= 10 &&
      paras[index + 1]!.key.startsWith(paragraph.key)
    ) {
      reasons[index] = 'photo caption or credit';
    }
  }
}

/**
 * Index of the paragraph that is the article's headline, or -1: the paragraph
 * repeating `context.title`, else the first headline-like line above the prose.
 *
 * @param paragraphs Plain text of each paragraph.
 * @param context What is known about the article (default: nothing).
 */
export function findHeadline(paragraphs: readonly string[], context: BoilerplateContext = {}): number {
  const paras = paragraphs.map(analyse);
  const reasons = paras.map((paragraph) => (bylineNames(paragraph) ? 'byline' : lineReason(paragraph)));
  return locateHeadline(paras, reasons, context.title ? keyOf(context.title) : '', context.outlet ? keyOf(context.outlet) : '')
    .headline;
}

/**
 * What a short byline or dateline line states: the names it credits and the
 * date it gives as ISO `YYYY-MM-DD` (only when unambiguous), or undefined when
 * the line is not a byline.
 *
 * @param line One paragraph of text.
 */
export function readByline(line: string): { names: string[]; date?: string } | undefined {
  const paragraph = analyse(line);
  const byline = bylineNames(paragraph) ?? nameList(paragraph.text);
  if (byline) return { names: byline };
  const date = DATE_START.exec(paragraph.text);
  if (!date || paragraph.words > 12 || /[.!?]$/.test(paragraph.text)) return undefined;
  const rest = paragraph.text.slice(date[0].length).replace(/[|·•,–—-]+/g, ' ').trim();
  const names = rest === '' ? [] : (nameList(rest) ?? []);
  const iso = isoDate(date[0]);
  return iso ? { names, date: iso } : { names };
}

function analyse(raw: string): Paragraph {
  const text = raw.replace(/\s+/gu, ' ').trim();
  const bullet = BULLET.exec(text);
  const body = bullet ? text.slice(bullet[0].length) : text;
  return { text, body, key: keyOf(body), words: countWords(body), bullet: bullet !== null };
}

const ASCII = /^[\x00-\x7f]*$/;

function keyOf(text: string): string {
  // ASCII text (most of it) is its own NFKC form, and its letters and digits are [a-z0-9] once lowercased: the same key, faster.
  if (ASCII.test(text)) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const space = text.charCodeAt(index) === 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

function lineReason(paragraph: Paragraph): string | null {
  if (paragraph.text === '') return null;
  for (const group of lineCues) {
    if (paragraph.words > group.maxWords || paragraph.body.length > group.maxWords * 25) continue;
    if (group.patterns.some((pattern) => pattern.test(paragraph.body))) return group.reason;
  }
  return isTimestamp(paragraph.body) ? 'dateline' : null;
}

/**
 * Whether a line or sentence is only a dateline or timestamp ("Published 9:46 PM
 * CDT Sep 26, 2013", "Friday, Sep 10, 2010 | Updated 8:52 PM EDT"): every word
 * a date or time word of src/data/boilerplate.json `timestamp`, a number, a
 * clock time or a numeric date, with a digit and a month, weekday, clock time or
 * keyword among them. Word by word, so linear in the length of the text.
 *
 * @param text One paragraph or sentence.
 */
export function isTimestamp(text: string): boolean {
  if (text.length > cues.timestamp.maxWords * 25 || !/\d/.test(text)) return false;
  const words = text.toLowerCase().split(/[\s,;|·•–—()[\]-]+/u);
  let count = 0;
  let digit = false;
  let anchor = false;
  for (const raw of words) {
    const word = raw.replace(/^[-:'"“”‘’]+|[-.:'"“”‘’]+$/gu, '');
    if (word === '') continue;
    if (++count > cues.timestamp.maxWords) return false;
    if (timestampKeywords.has(word) || timestampCalendar.has(word) || timestampClock.has(word)) {
      anchor = true;
    } else if (TIME_TOKEN.test(word) || NUMERIC_DATE.test(word)) {
      digit = true;
      if (word.includes(':') || /[ap]\.?m$/.test(word) || NUMERIC_DATE.test(word)) anchor = true;
    } else if (!timestampFillers.has(word)) {
      return false;
    }
  }
  return digit && anchor;
}

function runStartReason(paragraph: Paragraph): string | null {
  if (paragraph.words > 4) return null;
  const text = paragraph.body.replace(/:$/, '');
  return runStarts.find((group) => group.patterns.some((pattern) => pattern.test(text)))?.reason ?? null;
}

function listHeadingReason(paragraph: Paragraph): string | null {
  if (paragraph.words > 8 || paragraph.bullet) return null;
  const text = paragraph.body.replace(/[:.…»›>]+$/u, '').trim();
  return listHeadings.find((group) => group.patterns.some((pattern) => pattern.test(text)))?.reason ?? null;
}

function isProse(paragraph: Paragraph): boolean {
  return paragraph.words >= 8 && SENTENCE_END.test(paragraph.body);
}

function isListItem(paragraph: Paragraph): boolean {
  return paragraph.bullet || isTitleLike(paragraph) || (paragraph.words <= 15 && !/[.!?…]["'”’)]*$/u.test(paragraph.body));
}

/** Headline-shaped: 3–25 words, no closing period, content words capitalised. */
function isTitleLike(paragraph: Paragraph): boolean {
  if (paragraph.bullet || paragraph.words < 3 || paragraph.words > 25) return false;
  if (/[.,;:]["'”’)]*$/u.test(paragraph.body)) return false;
  let counted = 0;
  let capitalised = 0;
  let first = true;
  for (const word of paragraph.body.split(' ')) {
    const letters = word.replace(/^[^\p{L}\p{N}]+/u, '');
    if (letters === '') continue;
    const initial = letters[0]!;
    const cased = initial.toLowerCase() !== initial.toUpperCase();
    if (first) {
      first = false;
      if (cased && initial !== initial.toUpperCase()) return false;
    }
    if (functionWords.has(letters.toLowerCase().replace(/[^\p{L}.]+$/u, ''))) continue;
    if (!cased && !/\p{N}/u.test(initial)) continue;
    counted++;
    if (!cased || initial === initial.toUpperCase()) capitalised++;
  }
  return counted > 0 && capitalised / counted >= 0.75;
}

function isSectionLabel(paragraph: Paragraph): boolean {
  if (paragraph.words > 6 || paragraph.key === '') return false;
  const lower = paragraph.body.toLowerCase();
  if (sectionWords.has(lower)) return true;
  const parts = lower.split(/\s*(?:&|\/|\||,|·|•|›|»|>|\band\b)\s*/u).filter((part) => part !== '');
  return parts.length > 0 && parts.every((part) => sectionWords.has(part));
}

function isDateline(paragraph: Paragraph, top: boolean): boolean {
  if (paragraph.words > 12 || paragraph.bullet) return false;
  if (PUBLISHED.test(paragraph.body) && !/[.!?]$/.test(paragraph.body.replace(/\b(?:a|p)\.m\.$/i, ''))) return true;
  return top && DATE_START.test(paragraph.body) && !/[.!?]$/.test(paragraph.body);
}

/** Names credited by a "By X and Y" line, or undefined. */
function bylineNames(paragraph: Paragraph): string[] | undefined {
  if (paragraph.words > 12 || paragraph.bullet) return undefined;
  const credited = bylineCredit(paragraph.body);
  if (credited === undefined) return undefined;
  return nameList(credited, true);
}

/**
 * What `/\p{L}{2,}\s*\|?$/u` tests, in linear time (the pattern takes quadratic
 * time on a long run of letters not at the end): whether the text ends with two
 * letters, then optional whitespace and an optional `|`.
 *
 * @param text A paragraph's text.
 */
export function endsWithWord(text: string): boolean {
  const chars = Array.from((text.endsWith('|') ? text.slice(0, -1) : text).trimEnd().slice(-4));
  return chars.length >= 2 && LETTER.test(chars.at(-1)!) && LETTER.test(chars.at(-2)!);
}

const LETTER = /^\p{L}$/u;
const BYLINE_START = /^by\s+/iu;
const BYLINE_TRAIL = /^[\s|·•,–—-]$/u;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/u;

/**
 * The credit of a "By X" line, what `/^by\s+(.+?)[\s|·•,–—-]*$/iu` captures, in
 * linear time (the pattern takes quadratic time on a long run of its trailing
 * marks), or undefined when there is none.
 *
 * @param body A paragraph's text.
 */
export function bylineCredit(body: string): string | undefined {
  const head = BYLINE_START.exec(body);
  if (!head) return undefined;
  let end = body.length;
  while (end > head[0].length && BYLINE_TRAIL.test(body[end - 1]!)) end--;
  const credit = body.slice(head[0].length, end);
  return credit === '' || LINE_TERMINATOR.test(credit) ? undefined : credit;
}

/** The text as a list of person names ("Cathy He", "Eva Fu and Li Wei"), or undefined. */
function nameList(text: string, afterBy = false): string[] | undefined {
  if (text.length > 80 || /\d/.test(text)) return undefined;
  const names = text
    .trim()
    .split(/\s*(?:,|&|\band\b)\s*/u)
    .filter((name) => name !== '');
  if (names.length === 0) return undefined;
  for (const name of names) {
    const tokens = name.split(/\s+/u);
    const minimum = afterBy ? 1 : 2;
    if (tokens.length < minimum || tokens.length > 4) return undefined;
    let capitalised = 0;
    for (const token of tokens) {
      if (nameParticles.has(token)) continue;
      if (!NAME_TOKEN.test(token) || functionWords.has(token.toLowerCase())) return undefined;
      if (/[.]$/.test(token) && !/^\p{Lu}\.$/u.test(token) && !/^(?:Jr|Sr|St)\.$/u.test(token)) return undefined;
      capitalised++;
    }
    if (capitalised < minimum) return undefined;
  }
  return names;
}

/** The person a bio-like paragraph ("X is an editor focusing on …") is about, or undefined. */
function bioName(paragraph: Paragraph): string | undefined {
  const match = BIO_START.exec(paragraph.body);
  if (!match) return undefined;
  const firstSentence = match[2]!.split(/[.!?](?:\s|$)/u)[0]!;
  return bioRole.test(firstSentence) ? match[1] : undefined;
}

function isoDate(text: string): string | undefined {
  const numeric = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    year = Number(numeric[3]);
    if (a > 12 && b <= 12) [day, month] = [a, b];
    else if (b > 12 && a <= 12) [month, day] = [a, b];
    else return undefined;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    [year, month, day] = text.split('-').map(Number) as [number, number, number];
  } else {
    const parsed = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$|^(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})$/u.exec(text.trim());
    if (!parsed) return undefined;
    const monthName = (parsed[1] ?? parsed[5])!.slice(0, 3).toLowerCase();
    month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(monthName) + 1;
    day = Number(parsed[2] ?? parsed[4]);
    year = Number(parsed[3] ?? parsed[6]);
    if (month === 0) return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function locateHeadline(
  paras: readonly Paragraph[],
  reasons: readonly (string | null)[],
  titleKey: string,
  outletKey: string,
): { headline: number; firstProse: number } {
  const nextProse = (from: number): number => {
    for (let index = from; index < paras.length; index++) {
      if (!reasons[index] && isProse(paras[index]!)) return index;
    }
    return paras.length;
  };
  let firstProse = nextProse(0);
  let headline = -1;
  if (titleKey) {
    for (let index = 0; index <= firstProse && index < paras.length; index++) {
      if (paras[index]!.key === titleKey) {
        headline = index;
        break;
      }
    }
  }
  if (headline < 0) {
    for (let index = 0; index <= firstProse && index < paras.length; index++) {
      const paragraph = paras[index]!;
      if (reasons[index] || paragraph.key === outletKey || isSectionLabel(paragraph) || !isTitleLike(paragraph)) continue;
      if (nameList(paragraph.text)) continue;
      headline = index;
      break;
    }
  }
  if (headline >= 0 && headline === firstProse) firstProse = nextProse(headline + 1);
  return { headline, firstProse };
}
