// Negation scope for the judge: takes a negated sentence's text and the terms of
// the mention it is compared with, and returns the cue and the word it governs that
// the other mention states, or undefined. Tunables: src/data/judge-negation.json.

import { findNegationCues } from '../claims/negation.js';
import { termsOf } from '../match/terms.js';
import scopeData from '../../data/judge-negation.json' with { type: 'json' };

/** The tunables of negation scope, compiled once. */
const SCOPE = {
  fillers: new Set(scopeData.fillers),
  passWords: new Set(scopeData.passWords),
  passSuffixes: scopeData.passSuffixes,
  maxPass: scopeData.maxPass,
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
