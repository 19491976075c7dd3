// Denials: takes a sentence's plain text and returns whether it denies, debunks
// or calls false what it reports ("… is a hoax", "X denies …", "no evidence that …",
// "probably didn't"), with the cue and who denies, and the text with the denial's
// frame blanked for matching. Cue lists: src/data/judge-denial.json.

import denialData from '../../data/judge-denial.json' with { type: 'json' };
import type { Claim } from '../../types.js';
import { escapeRegExp } from './data.js';

/** A denial a sentence states: the cue as written, where, and who denies when the sentence says ("Israel denies …"). */
export interface Denial {
  readonly cue: string;
  readonly span: { readonly start: number; readonly end: number };
  /** The words before a denying verb ("the USDA" in "the USDA debunks …"), or null. */
  readonly holder: string | null;
}

interface DenialTunables {
  readonly denials: readonly RegExp[];
  /**
   * All `denials` in one pattern (the boundary look-behind shared), or null when
   * they cannot be joined (a back-reference): no match of it means no cue in the text.
   */
  readonly anyDenial: RegExp | null;
  /** `denials` in runs of a few, each run joined like `anyDenial`: only the runs whose test matches are scanned cue by cue. */
  readonly denialGroups: readonly { readonly test: RegExp; readonly members: readonly number[] }[] | null;
  readonly notDenials: RegExp;
  readonly frameWords: RegExp;
  readonly holderVerbs: RegExp;
  readonly clauseBreaks: RegExp;
  /** Share of the shared content words (by weight) that must lie in the denial's clause. */
  readonly scopeShare: number;
  /** Mentions of fewer words make one assertion: their clause is not checked. */
  readonly scopeMinWords: number;
}

const boundary = (source: string): string => `(?<![\\p{L}\\p{N}’'])(?:${source})(?![\\p{L}\\p{N}’'])`;
// One test for several cues: their alternation inside one `boundary` (the same
// look-behind and look-ahead at each position, run once instead of once per cue;
// backtracking tries every cue against the look-ahead). Matches exactly where
// some cue's own pattern matches; null when the cues cannot be joined (a back-reference).
const anyOf = (sources: readonly string[]): RegExp | null =>
  sources.some((source) => /\\(?:[1-9]|k<)/.test(source)) ? null : new RegExp(boundary(sources.map((source) => `(?:${source})`).join('|')), 'iu');
const GROUP_SIZE = 6;
const groupsOf = (sources: readonly string[]): DenialTunables['denialGroups'] => {
  const groups: { test: RegExp; members: number[] }[] = [];
  for (let from = 0; from < sources.length; from += GROUP_SIZE) {
    const test = anyOf(sources.slice(from, from + GROUP_SIZE));
    if (test === null) return null;
    groups.push({ test, members: sources.slice(from, from + GROUP_SIZE).map((_, index) => from + index) });
  }
  return groups;
};

let tunables: DenialTunables | undefined;

/** The cue lists of src/data/judge-denial.json, compiled once. */
export function denialTunables(): DenialTunables {
  tunables ??= {
    denials: denialData.denials.map((source) => new RegExp(boundary(source), 'giu')),
    anyDenial: anyOf(denialData.denials),
    denialGroups: groupsOf(denialData.denials),
    notDenials: new RegExp(denialData.notDenials.map(boundary).join('|'), 'giu'),
    frameWords: new RegExp(boundary(denialData.frameWords.map(escapeRegExp).join('|')), 'giu'),
    holderVerbs: new RegExp(`${boundary([...denialData.holderVerbs].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'))}`, 'iu'),
    clauseBreaks: new RegExp(denialData.clauseBreaks, 'giu'),
    scopeShare: denialData.scopeShare,
    scopeMinWords: denialData.scopeMinWords,
  };
  return tunables;
}

const cache = new Map<string, Denial | null>();

/**
 * The denial a sentence states, or null: the first cue of judge-denial.json's
 * `denials` that no `notDenials` look-alike covers ("not a hoax" and "denies the
 * hoax claims" affirm; "a hoax call" reports one).
 *
 * @param text A sentence's plain text.
 */
export function findDenial(text: string): Denial | null {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const found = scan(text);
  if (cache.size > 10_000) cache.clear();
  cache.set(text, found);
  return found;
}

function scan(text: string): Denial | null {
  const { denials, anyDenial, denialGroups, notDenials, holderVerbs } = denialTunables();
  // Most sentences hold no cue at all: one joined test rules them out; of the
  // others, only the cues of the runs that match can (same order as `denials`).
  if (anyDenial !== null && !anyDenial.test(text)) return null;
  const candidates = denialGroups === null ? denials : denialGroups.flatMap((group) => (group.test.test(text) ? group.members.map((index) => denials[index]!) : []));
  const excluded: [number, number][] = [];
  for (const match of text.matchAll(notDenials)) excluded.push([match.index, match.index + Math.max(1, match[0].length)]);
  let best: Denial | null = null;
  for (const pattern of candidates) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (match[0].trim().length === 0 || excluded.some(([from, to]) => from < end && start < to)) continue;
      if (!best || start < best.span.start) best = { cue: match[0].trim(), span: { start, end }, holder: null };
      break;
    }
  }
  if (!best) return null;
  const verb = holderVerbs.exec(best.cue);
  if (verb && verb.index === 0) {
    // "Israel denies …": the words before the verb, back to the start of the clause.
    const before = text.slice(0, best.span.start).split(/[:;,.!?—–]\s/).at(-1)!.trim();
    if (before.length > 0 && before.split(/\s+/).length <= 8) best = { ...best, holder: before };
  }
  return best;
}

/**
 * The text with the words of a denial's frame blanked (same length, so offsets
 * hold): "Three-breasted woman a hoax" → "Three-breasted woman a     ". Text
 * without a denial comes back as it is.
 *
 * @param text A sentence's plain text.
 */
export function withoutDenialFrame(text: string): string {
  if (findDenial(text) === null) return text;
  return text.replace(denialTunables().frameWords, (word) => ' '.repeat(word.length));
}

/**
 * Whether a claim denies what it is about: it is negated or states a denial
 * (`findDenial`), and does not affirm against a denial ("it is not a hoax",
 * `deniesDenial`). What clustering asks of a mention before it joins a cluster of
 * denials to the claim they deny (`denialLinkage`).
 *
 * @param claim The claim.
 */
export function isDenying(claim: Pick<Claim, 'sentence' | 'negation'>): boolean {
  const text = claim.sentence.plain;
  return (claim.negation.negated || findDenial(text) !== null) && !deniesDenial(text);
}

/**
 * Whether a sentence affirms against a denial ("it is not a hoax", "she denies the
 * hoax claims"): its negation is aimed at the denial, not at the claim.
 *
 * @param text A sentence's plain text.
 */
export function deniesDenial(text: string): boolean {
  const { notDenials } = denialTunables();
  notDenials.lastIndex = 0;
  for (const match of text.matchAll(notDenials)) {
    if (/^(?:not|n[’']t|never|no|den)/iu.test(match[0]) || /n[’']t\s/iu.test(match[0])) return true;
  }
  return false;
}

/**
 * The clause a denial's cue sits in: from the clause break before the cue to the
 * one after it (`clauseBreaks`: punctuation, "but", "while", "saying" …), the
 * cue included, after the question it answers when one comes before it ("Ferry
 * sold? Nope, the story is fake"). A cue that opens the line as its label
 * ("Pants on Fire: X says …", "False: …") rates the rest of the line, its clause.
 * What the denial denies is said there.
 *
 * @param text The sentence's plain text.
 * @param denial Its denial (`findDenial`).
 */
export function denialClause(text: string, denial: Denial): string {
  const { clauseBreaks } = denialTunables();
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(clauseBreaks)) {
    const from = match.index;
    const to = from + match[0].length;
    if (to <= denial.span.start) start = to;
    else if (from >= denial.span.end) {
      // A cue that opens the line as its label ("Pants on Fire: X says …") rates the rest of the line.
      if (match[0] === ':' && text.slice(0, denial.span.start).trim() === '' && text.slice(denial.span.end, from).trim() === '') return text.slice(to);
      end = from;
      break;
    }
  }
  // The question a denial answers ("X dead? Hoax goes viral"): the last question before the clause.
  const asked = text.slice(0, start).lastIndexOf('?');
  if (asked !== -1) {
    const question = text.slice(text.lastIndexOf('?', asked - 1) + 1, asked);
    return `${question.trim()} ${text.slice(start, end)}`;
  }
  return text.slice(start, end);
}
