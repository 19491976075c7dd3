// Negation scope for the judge: takes a negated sentence's text and the terms of
// the mention it is compared with, and returns the cue and the word it governs that
// the other mention states, or undefined; and whether the other mention writes the
// same cue over the same word (then both say one thing: no conflict).
// Tunables: src/data/judge-negation.json.

import { escapeRegExp } from '../claims/data.js';
import { findNegationCues } from '../claims/negation.js';
import { termsOf } from '../match/terms.js';
import scopeData from '../../data/judge-negation.json' with { type: 'json' };

/** The tunables of negation scope, compiled once. */
const SCOPE = {
  fillers: new Set(scopeData.fillers),
  passWords: new Set(scopeData.passWords),
  passSuffixes: scopeData.passSuffixes,
  maxPass: scopeData.maxPass,
  maxAside: scopeData.sameCue.maxAside,
};

/** A negation cue and the word it governs (as written, and its canonical term). */
export interface GovernedWord {
  readonly cue: string;
  readonly word: string;
  readonly term: string;
}

const passes = (word: string): boolean => SCOPE.passWords.has(word) || SCOPE.passSuffixes.some((suffix) => word.length > suffix.length + 3 && word.endsWith(suffix));

/**
 * The words one cue may govern: its first content word after the fillers, and,
 * when that word is one a negation reaches past (an adverb, "get", a preposition),
 * the next ones, at most `maxPass` passed.
 */
function governedBy(text: string, end: number): string[] {
  const after = text.slice(end).match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const words: string[] = [];
  let passed = 0;
  for (const word of after) {
    const lower = word.toLowerCase();
    if (word.length <= 1 || SCOPE.fillers.has(lower)) continue;
    words.push(word);
    if (!passes(lower) || passed >= SCOPE.maxPass) break;
    passed++;
  }
  return words;
}

/**
 * The first cue of a negated sentence whose governed word the other mention
 * states ("Judd Nelson is not dead" vs "Judd Nelson is dead": "not" governs
 * "dead"), trying every cue ("Don't worry, X is not dead": the "not") and reaching
 * past adverbs and prepositions ("have not accidentally cut down", "is not by X").
 *
 * @param text The negated mention's sentence.
 * @param otherTerms The other mention's terms (`termsOf(…).terms`).
 */
export function governedWordIn(text: string, otherTerms: readonly string[]): GovernedWord | undefined {
  const theirs = new Set(otherTerms);
  for (const found of findNegationCues(text)) {
    for (const word of governedBy(text, found.span.end)) {
      const term = termsOf(word).terms[0];
      if (term !== undefined && theirs.has(term)) return { cue: found.cue, word, term };
    }
  }
  return undefined;
}

/**
 * A text folded for comparing cues as written: lower case, apostrophes dropped
 * ("don't" / "dont", "haven't" / "havent") and a hyphen between letters read as a
 * space ("made-up" / "made up", "no-confidence" / "no confidence").
 *
 * @param text Any text.
 */
export function foldCueText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[’'‘`]/g, '').replace(/(?<=\p{L})[-‐‑–](?=\p{L})/gu, ' ');
}

/**
 * Where a cue is written in a text, both folded (`foldCueText`): its words in order,
 * each next one right after or after an aside set off by commas of at most
 * `sameCue.maxAside` characters ("declined, through a spokesman, to comment").
 *
 * @param folded The folded text.
 * @param cue The folded cue.
 */
export function cueSpans(folded: string, cue: string): { start: number; end: number }[] {
  const pattern = cuePattern(cue);
  if (pattern === null) return [];
  return [...folded.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Each folded cue's pattern (`cueSpans`), compiled once: the judge asks it of every pair of a cluster. `matchAll` copies it, so sharing is safe. */
const cuePatterns = new Map<string, RegExp | null>();

function cuePattern(cue: string): RegExp | null {
  let pattern = cuePatterns.get(cue);
  if (pattern === undefined) {
    const words = cue.split(/\s+/).filter((word) => word !== '');
    const join = `(?:\\s*,[^,]{1,${SCOPE.maxAside}},\\s*|\\s+)`;
    pattern = words.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join(join)}(?![\\p{L}\\p{N}])`, 'gu');
    if (cuePatterns.size > 10_000) cuePatterns.clear();
    cuePatterns.set(cue, pattern);
  }
  return pattern;
}

/**
 * Whether the other mention writes the same cue over the same word as the negated
 * one, however it is spelled ("I don't know" / "I dont know", "not life-threatening"
 * / "not life threatening", "no-confidence vote" / "vote of no confidence", a
 * contrastive ", not questioning it." on both sides): the same polarity over the
 * same predicate is no conflict, even where the other's cue was not read as one.
 * The word the other's cue governs is found as for the negated one (fillers,
 * adverbs and prepositions passed), so "not only visited" does not write "not
 * visit".
 *
 * @param other The other (not negated) mention's sentence.
 * @param governed The negated mention's cue and the word it governs (`governedWordIn`).
 */
export function writesSameCue(other: string, governed: GovernedWord): boolean {
  const folded = foldCueText(other);
  const target = termsOf(foldCueText(governed.word)).terms[0];
  if (target === undefined) return false;
  return cueSpans(folded, foldCueText(governed.cue)).some((span) =>
    governedBy(folded, span.end).some((word) => termsOf(word).terms[0] === target),
  );
}

/** The attempt frames ("tries to", "wanted to", …) of `attempted` in judge-negation.json, compiled once. */
const ATTEMPT_FRAME = new RegExp(`(?<![\\p{L}'’])(?:${scopeData.attempted.frames.join('|')})\\s+to(?![\\p{L}'’])`, 'giu');

/** The cues of failure or inability (`attempted.cues`), folded. */
const ATTEMPT_CUES = new Set(scopeData.attempted.cues.map((cue) => foldCueText(cue)));

/**
 * Whether the other mention only tries, wants or hopes to do what the negated one
 * says failed or could not be done ("tries to stay above the mark" / "failed to
 * stay above the mark", "wanted to march" / "couldn't march"): the cue is one of
 * `attempted.cues` and the governed word is among the first `attempted.reach`
 * content words after such a frame (fillers passed). Then the two agree: an
 * attempt that failed. A plain "not" still disputes ("caught trying to enter" /
 * "not entering").
 *
 * @param other The other (not negated) mention's sentence.
 * @param governed The negated mention's cue and the word it governs (`governedWordIn`).
 */
export function onlyAttempts(other: string, governed: GovernedWord): boolean {
  if (!ATTEMPT_CUES.has(foldCueText(governed.cue).replace(/\s+/g, ' '))) return false;
  for (const match of other.matchAll(ATTEMPT_FRAME)) {
    const after = (other.slice(match.index + match[0].length).match(/[\p{L}][\p{L}'’-]*/gu) ?? []).filter((word) => !SCOPE.fillers.has(word.toLowerCase()));
    if (after.slice(0, scopeData.attempted.reach).some((word) => termsOf(word).terms[0] === governed.term)) return true;
  }
  return false;
}
