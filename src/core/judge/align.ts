// Aligned conflicts: takes two mentions' sentences and a figure or date of each,
// returns whether they fill the same slot (the same outcome, the same person, the
// same act), and whether a running count in a later article is an update.

import data from '../../data/judge-align.json' with { type: 'json' };
import type { DateMention, Quantity } from '../../types.js';
import { ObjectMemo } from '../match/memo.js';

/** What judging knows of one side of a pair: its sentence and its article's publication date. */
export interface ConflictSide {
  readonly text: string;
  readonly published: string | null;
}

const OUTCOME_OF = new Map<string, string>();
for (const [outcome, words] of Object.entries(data.outcomes)) for (const word of words) OUTCOME_OF.set(word, outcome);
const RUNNING = new Set(data.runningCounts);
const PRONOUNS = new Map(Object.entries(data.pronouns));
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function wordsOf(text: string): { word: string; lower: string; start: number }[] {
  return [...text.matchAll(WORD)].map((match) => ({ word: match[0], lower: match[0].toLowerCase(), start: match.index ?? 0 }));
}

/** Outcomes named in the words right after a figure ("five soldiers lost their lives" → dead). */
function outcomesAfter(text: string, end: number): Set<string> {
  const outcomes = new Set<string>();
  const after = wordsOf(text.slice(end)).slice(0, data.slotWindowWords);
  for (const { lower } of after) {
    const outcome = OUTCOME_OF.get(lower);
    if (outcome) outcomes.add(outcome);
  }
  return outcomes;
}

/** The outcomes of each figure read so far, with the sentence they were read in (judging asks again for every pair of a cluster). */
const outcomesMemo = new ObjectMemo<Quantity, { readonly text: string; readonly outcomes: ReadonlySet<string> }>();

/**
 * Forget the figures' readings (outcomes, slot marks) kept so far: a memo holds
 * what its function computes, so no result changes. Judging calls it for each
 * cluster, so that a cluster's readings die young with it instead of staying,
 * keyed by figures that live on in the findings, to the end of the run.
 */
export function forgetFigureReadings(): void {
  outcomesMemo.clear();
  marksMemo.clear();
}

/** Outcomes of a figure: after it, or, for "killing three people", the word just before it. */
function outcomesOf(text: string, quantity: Quantity): ReadonlySet<string> {
  const known = outcomesMemo.get(quantity);
  if (known !== undefined && known.text === text) return known.outcomes;
  const outcomes = readOutcomes(text, quantity);
  outcomesMemo.set(quantity, { text, outcomes });
  return outcomes;
}

function readOutcomes(text: string, quantity: Quantity): Set<string> {
  const outcomes = outcomesAfter(text, quantity.span.end);
  const before = wordsOf(text.slice(0, quantity.span.start)).slice(-2);
  for (const { lower } of before) {
    const outcome = OUTCOME_OF.get(lower);
    if (outcome) outcomes.add(outcome);
  }
  return outcomes;
}

/** The name an age or figure is attached to: "42-year-old Jane Roe", "Jane Roe, 42,". */
export function holderOf(text: string, span: { readonly start: number; readonly end: number }): string | null {
  const after = wordsOf(text.slice(span.end)).slice(0, data.holderWindowWords);
  const gapAfter = text.slice(span.end, span.end + 3);
  if (!/^\s*[,;)]/.test(gapAfter)) {
    const name = after.find(({ word }) => /^\p{Lu}/u.test(word));
    // Stop at a list separator: "54-year-old A, 42-year-old B".
    if (name && !/[,;]/.test(text.slice(span.end, span.end + name.start))) return nameFrom(text, span.end + name.start);
  }
  // "Jane Roe, 42," — the name just before the figure.
  const before = text.slice(0, span.start);
  const match = /(\p{Lu}[\p{L}'’-]+)\s*,\s*(?:aged?\s+)?$/u.exec(before);
  return match ? match[1]!.toLowerCase() : null;
}

function nameFrom(text: string, start: number): string {
  const run = /^(?:\p{Lu}[\p{L}'’-]*\.?\s+)*\p{Lu}[\p{L}'’-]*/u.exec(text.slice(start));
  return (run?.[0] ?? '').replace(/['’]s$/u, '').toLowerCase();
}

/** "lena brandt" and "brandt" may name one person; "ivo brandt" and "lena brandt" do not. */
function sameHolder(a: string, b: string): boolean {
  return a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
}

/**
 * Whether two figures of one unit fill the same slot: they count the same
 * outcome (not "five dead" vs "four wounded") and, for ages and figures in lists,
 * belong to the same person.
 *
 * @param a One side and its figure.
 * @param b The other side and its figure.
 */
export function sameQuantitySlot(a: ConflictSide, qa: Quantity, b: ConflictSide, qb: Quantity): boolean {
  const oa = outcomesOf(a.text, qa);
  const ob = outcomesOf(b.text, qb);
  if (oa.size > 0 && ob.size > 0 && ![...oa].some((outcome) => ob.has(outcome))) return false;
  // "Three of the four soldiers": a part, not the whole.
  if (isPartitive(a.text, qa) !== isPartitive(b.text, qb)) return false;
  const ma = marksOf(a.text, qa);
  const mb = marksOf(b.text, qb);
  // "rose $1.30" (a change) / "rose to $28" (a level).
  if (ma.role !== null && mb.role !== null && ma.role !== mb.role) return false;
  // "$11,000 per call" / "$120,000".
  if (ma.per !== mb.per) return false;
  // "each boy weighed 50 pounds" / "136 pounds combined".
  if (ma.spread !== null && mb.spread !== null && ma.spread !== mb.spread) return false;
  // "the other two unions" / "the three unions".
  if (ma.other !== mb.other) return false;
  // "one Yemeni passport" / "two U.S. passports".
  if (ma.proper.length > 0 && mb.proper.length > 0 && !ma.proper.some((word) => mb.proper.includes(word))) return false;
  if (qa.kind === 'age' && qb.kind === 'age') {
    const ha = holderOf(a.text, qa.span);
    const hb = holderOf(b.text, qb.span);
    if (ha !== null && hb !== null && !sameHolder(ha, hb)) return false;
  }
  return true;
}

/** How a figure is placed in its sentence, for telling its slot from another figure's of the same unit. */
interface SlotMarks {
  /** A change ("rose $1.30", "fell by 2 percent") or a level ("rose to $28", "closed at 9,256"), or neither said. */
  readonly role: 'change' | 'level' | null;
  /** What it is per: a noun ("$5 a share" → share, "per call", "annually" → year), or null. */
  readonly per: string | null;
  /** For each one ("each boy weighed 50 pounds", "50 pounds apiece") or for all together ("136 pounds combined"), or neither said. */
  readonly spread: 'each' | 'total' | null;
  /** Whether it counts another set ("the other two unions", "three more people"). */
  readonly other: boolean;
  /** Proper adjectives of the counted thing ("two U.S. passports" → us), folded by `demonyms`. */
  readonly proper: readonly string[];
}

const CHANGE = new Set(data.changeWords);
const LEVEL = new Set(data.levelWords);
const SKIP = new Set(data.skipWords);
const PER_WORDS = new Set(data.perWords);
const PER_NOUNS = new Set(data.perNouns);
const PERIOD = new Map(Object.entries(data.periodWords));
const DISTRIBUTIVE = new Set(data.distributiveWords);
const TOTAL = new Set(data.totalWords);
const OTHER_BEFORE = new Set(data.otherBefore);
const OTHER_AFTER = new Set(data.otherAfter);
const DEMONYMS = new Map(Object.entries(data.demonyms));
const NUMBERISH = /^(?:[$€£¥]|US\$|C\$|A\$)?\d|^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen)\b/i;

const marksMemo = new ObjectMemo<Quantity, SlotMarks>();
function marksOf(text: string, quantity: Quantity): SlotMarks {
  let marks = marksMemo.get(quantity);
  if (!marks) marksMemo.set(quantity, (marks = readMarks(text, quantity)));
  return marks;
}

function readMarks(text: string, quantity: Quantity): SlotMarks {
  const before = wordsOf(text.slice(0, quantity.span.start));
  const after = wordsOf(text.slice(quantity.span.end));
  let role: SlotMarks['role'] = null;
  const last = before.at(-1)?.lower;
  if (last !== undefined && LEVEL.has(last)) role = 'level';
  else {
    for (let k = before.length - 1, skipped = 0; k >= 0 && skipped <= 2; k--, skipped++) {
      const lower = before[k]!.lower;
      if (CHANGE.has(lower)) {
        role = 'change';
        break;
      }
      if (!SKIP.has(lower)) break;
    }
  }
  let per: string | null = null;
  const [first, second] = [after[0]?.lower, after[1]?.lower];
  const gap = first === undefined ? '' : text.slice(quantity.span.end, quantity.span.end + after[0]!.start);
  const joined = first !== undefined && !/[,;:.()]/.test(gap);
  if (joined) {
    if (first === 'per' && second !== undefined && second !== 'cent') per = second.replace(/s$/, '');
    else if (PER_WORDS.has(first) && second !== undefined && PER_NOUNS.has(second)) per = second;
    else if (PERIOD.has(first)) per = PERIOD.get(first)!;
  }
  // "each boy weighed 50 pounds", "50 pounds apiece" (for each one) / "136 pounds combined" (for all).
  const tail = before.slice(-data.distributiveWindowWords);
  const eachAt = tail.findIndex(({ lower }) => DISTRIBUTIVE.has(lower));
  const eachNext = eachAt >= 0 ? tail[eachAt + 1] : undefined;
  const eachBefore =
    eachNext !== undefined && !CHANGE.has(eachNext.lower) && !/ed$/.test(eachNext.lower) && !/[,;:.()]/.test(text.slice(tail[eachAt]!.start, quantity.span.start));
  const each = eachBefore || (joined && DISTRIBUTIVE.has(first!));
  const total = joined && (TOTAL.has(first!) || (first === 'in' && second !== undefined && TOTAL.has(second)));
  const spread: SlotMarks['spread'] = each ? 'each' : total ? 'total' : null;
  const other = (last !== undefined && OTHER_BEFORE.has(last)) || (joined && OTHER_AFTER.has(first!));
  // The words between the figure's last number word and the counted noun ("at least 23 U.S. troops" → U.S.).
  const own = quantity.text.split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}$€£¥]+|[^\p{L}\p{N}.]+$/gu, ''));
  let from = 0;
  own.forEach((word, k) => {
    if (NUMBERISH.test(word)) from = k + 1;
  });
  const proper = own
    .slice(from, -1)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word.toLowerCase())
    .map((lower) => DEMONYMS.get(lower) ?? DEMONYMS.get(lower.replace(/\.$/, '')) ?? lower.replace(/\.$/, ''));
  return { role, per, spread, other, proper };
}

function isPartitive(text: string, quantity: Quantity): boolean {
  return /^\s+of\s+(?:the|its|their|his|her|those|these)\b/i.test(text.slice(quantity.span.end));
}

/** Who a date is about: the nearest name or pronoun before it ("He is scheduled … on May 4" → m). */
function actorOf(text: string, date: DateMention): string | null {
  const before = wordsOf(text.slice(0, date.span.start));
  for (let k = before.length - 1; k >= 0; k--) {
    const { word, lower } = before[k]!;
    const pronoun = PRONOUNS.get(lower);
    if (pronoun) return `pronoun:${pronoun}`;
    if (k > 0 && /^\p{Lu}/u.test(word) && !/^(?:On|In|At|By|The|A|An|Since|Until|From)$/u.test(word)) return `name:${lower.replace(/['’]s$/u, '')}`;
  }
  return null;
}

/**
 * Whether two dates date the same act by the same actor: "he … on May 4" and
 * "she … on December 22" date two people's acts, not one.
 *
 * @param a One side and its date.
 * @param b The other side and its date.
 */
export function sameDateSlot(a: ConflictSide, da: DateMention, b: ConflictSide, db: DateMention): boolean {
  const xa = actorOf(a.text, da);
  const xb = actorOf(b.text, db);
  if (xa !== null && xb !== null && xa.startsWith('pronoun:') && xb.startsWith('pronoun:') && xa !== xb) return false;
  if (xa !== null && xb !== null && xa.startsWith('name:') && xb.startsWith('name:') && xa !== xb) return false;
  const oa = outcomesAfter(a.text.slice(0, da.span.start).split(/\s+/).slice(-data.slotWindowWords).join(' '), 0);
  const ob = outcomesAfter(b.text.slice(0, db.span.start).split(/\s+/).slice(-data.slotWindowWords).join(' '), 0);
  if (oa.size > 0 && ob.size > 0 && ![...oa].some((outcome) => ob.has(outcome))) return false;
  return true;
}

/**
 * When two figures are one running count (dead, injured, arrested, cases …)
 * reported by articles published on different days, the later one is an update:
 * "rose from 12 to 19" (or "fell"), else undefined.
 *
 * @param a One side and its figure.
 * @param b The other side and its figure.
 */
export function runningUpdate(a: ConflictSide, qa: Quantity, b: ConflictSide, qb: Quantity): string | undefined {
  if (!a.published || !b.published || a.published === b.published) return undefined;
  if (!isRunning(a.text, qa) || !isRunning(b.text, qb)) return undefined;
  const [earlier, later] = a.published < b.published ? [qa, qb] : [qb, qa];
  const direction = later.value > earlier.value ? 'rose' : later.value < earlier.value ? 'fell' : 'changed';
  return `${direction} from ${earlier.value} to ${later.value} (${earlier.text} → ${later.text}, a later report)`;
}

function isRunning(text: string, quantity: Quantity): boolean {
  if (quantity.kind !== 'count' && quantity.kind !== 'number') return false;
  const unit = quantity.unit?.toLowerCase() ?? '';
  if (RUNNING.has(unit) || RUNNING.has(`${unit}s`)) return outcomesOf(text, quantity).size > 0 || !['people', 'person'].includes(unit);
  return outcomesOf(text, quantity).size > 0;
}
