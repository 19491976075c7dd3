// Finds date mentions in a sentence's plain text with chrono-node and resolves
// them against the article's published date; news reports the past, so bare
// weekdays and yearless dates fall on or before it. Unresolvable ones stay null.

import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { DateMention } from '../../types.js';
import { dates as data } from './data.js';

type Grain = DateMention['grain'];

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function format(day: Day, grain: Grain): string {
  if (grain === 'year') return pad(day.year, 4);
  if (grain === 'month') return `${pad(day.year, 4)}-${pad(day.month)}`;
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

function utc(day: Day): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

function fromUtc(ms: number): Day {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

// Parses `YYYY-MM-DD` (or a longer ISO timestamp), or null.
function parsePublished(published: string | undefined): Day | null {
  const match = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return fromUtc(utc(day)).month === day.month ? day : null;
}

// The year for a month (and day) given without one: on or before `reference`, unless it is just ahead.
function pickYear(month: number, day: number, reference: Day, grain: Grain): number {
  const ref = utc(reference);
  // Only a day can be "just ahead"; a bare month is the latest one that has begun.
  const window = grain === 'day' ? data.futureWindowDays * DAY_MS : 0;
  // Around the new year: "Jan. 5" written on Dec. 20 is just ahead, next year.
  if (utc({ year: reference.year + 1, month, day }) - ref <= window) return reference.year + 1;
  if (utc({ year: reference.year, month, day }) - ref <= window) return reference.year;
  return reference.year - 1;
}

type Components = Chrono.ParsedComponents;

// chrono-node is loaded on first use through its CommonJS build (the package's
// `require` export): a run that analyses no new source (a cached re-check) never
// needs it, and its ES build is 266 modules.
let chrono: typeof Chrono | undefined;

function chronoNode(): typeof Chrono {
  chrono ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono;
  return chrono;
}

function resolve(text: string, start: Components, reference: Day | null, chronoValue: Day): { value: string | null; grain: Grain; relative: boolean } {
  const certainYear = start.isCertain('year');
  const certainMonth = start.isCertain('month');
  const certainDay = start.isCertain('day');
  const weekday = start.isCertain('weekday') && !certainDay;
  const relativeWords = data.relativeWords.test(text);
  const relative = !certainYear || relativeWords || weekday;
  let grain: Grain = certainDay || weekday ? 'day' : certainMonth ? 'month' : 'year';
  const week = data.weekWords.test(text) && relativeWords;
  if (week) grain = 'month';
  if (relativeWords && /\byear\b/i.test(text) && !/\b(?:day|week|month)s?\b/i.test(text)) grain = 'year';
  if (relativeWords && /\bmonth\b/i.test(text) && !/\b(?:day|week)s?\b/i.test(text)) grain = 'month';
  if (!relative) return { value: format(chronoValue, grain), grain, relative: false };
  if (!reference) return { value: null, grain, relative: true };
  if (weekday && !data.weekdayModifiers.test(text)) {
    // A bare weekday: the most recent such day on or before the reference.
    const target = start.get('weekday') ?? 0;
    const refMs = utc(reference);
    const refWeekday = new Date(refMs).getUTCDay();
    const back = (refWeekday - target + 7) % 7;
    return { value: format(fromUtc(refMs - back * DAY_MS), 'day'), grain: 'day', relative: true };
  }
  if (!certainYear && certainMonth) {
    const month = start.get('month') ?? chronoValue.month;
    const day = certainDay ? (start.get('day') ?? 1) : 1;
    const year = pickYear(month, day, reference, grain);
    return { value: format({ year, month, day }, grain), grain, relative: true };
  }
  if (week) {
    // "last week": the month of the week's middle day.
    const middle = fromUtc(utc(chronoValue) + 3 * DAY_MS);
    return { value: format(middle, 'month'), grain: 'month', relative: true };
  }
  return { value: format(chronoValue, grain), grain, relative: true };
}

function componentsDay(components: Components): Day {
  return {
    year: components.get('year') ?? 2000,
    month: components.get('month') ?? 1,
    day: components.get('day') ?? 1,
  };
}

function hasDate(components: Components, text: string): boolean {
  return components.isCertain('day') || components.isCertain('month') || components.isCertain('year')
    || components.isCertain('weekday') || data.relativeWords.test(text);
}

// With no published date, chrono still needs some reference; no value read
// from it is ever reported (relative mentions stay null).
const FIXED_REFERENCE = new Date(2000, 0, 1, 12);

function parse(text: string, reference: Day | null) {
  const ref = reference ? new Date(reference.year, reference.month - 1, reference.day, 12) : FIXED_REFERENCE;
  return chronoNode().en.casual.parse(text, ref, { forwardDate: false });
}

const ordinalBeforeMonth = /^(?:first|second|third|fourth|fifth|last|next)\s+(?=[A-Z])/i;

/**
 * Date mentions of a sentence, resolved against the article's date.
 *
 * @param text A sentence's plain text.
 * @param published ISO `YYYY-MM-DD` date of the article (optional); without it, mentions that need it get `value: null`.
 * @returns Mentions in text order; spans are offsets into `text`.
 */
export function findDates(text: string, published?: string): DateMention[] {
  const reference = parsePublished(published);
  const found: DateMention[] = [];
  if (data.prefilter.test(text)) {
    for (const result of parse(text, reference)) collect(text, result.index, result.text, result, reference, found);
  }
  data.year.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = data.year.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    if (found.some((mention) => mention.span.start < end && start < mention.span.end)) continue;
    found.push({ text: match[0], span: { start, end }, value: match[0], grain: 'year', relative: false });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function collect(text: string, index: number, matched: string, result: Chrono.ParsedResult, reference: Day | null, found: DateMention[]): void {
  let start = index;
  let written = matched;
  // chrono reads "the second June 4 meeting" as June 2: drop the ordinal and parse again.
  const ordinal = ordinalBeforeMonth.exec(written);
  if (ordinal) {
    const rest = text.slice(index + ordinal[0].length);
    const again = parse(rest, reference)[0];
    if (again && again.index === 0) {
      collect(text, index + ordinal[0].length, again.text, again, reference, found);
      return;
    }
  }
  const trimmed = written.replace(data.trailingTrim, '');
  written = trimmed;
  if (written.length === 0) return;
  if (result.end) {
    // A range ("February 2018 to December 2022"): report each end on its own.
    const split = data.rangeSplit.exec(written);
    if (split && split.index > 0) {
      const left = written.slice(0, split.index);
      const rightStart = split.index + split[0].length;
      for (const [offset, part] of [[0, left], [rightStart, written.slice(rightStart)]] as const) {
        const sub = parse(part, reference)[0];
        if (sub) collect(text, start + offset + sub.index, sub.text, sub, reference, found);
      }
      return;
    }
  }
  if (data.drop.some((pattern) => pattern.test(written))) return;
  if (!hasDate(result.start, written)) return;
  const resolved = resolve(written, result.start, reference, componentsDay(result.start));
  found.push({ text: written, span: { start, end: start + written.length }, ...resolved });
}
