// Main-clause negation for the judge: takes a short mention's text (a headline, a
// claim statement) and returns where its negation sits: in the main clause ("Lisa
// Vell did not send the tweet", "No, the pier is not for sale", "Vell not among the
// dead"), only in a subordinate clause ("a panel that didn't include women", "so he
// won't turn"), or in a hedge ("isn't sure", "Reasons not to give up").
// Tunables: src/data/judge-negation.json (`mainClause`).

import { findNegationCues, type NegationCue } from '../claims/negation.js';
import scopeData from '../../data/judge-negation.json' with { type: 'json' };

const MAIN = {
  maxWords: scopeData.mainClause.maxWords,
  leadingLabel: new RegExp(scopeData.mainClause.leadingLabel, 'iu'),
  breaks: new RegExp(scopeData.mainClause.breaks, 'iu'),
  hedges: new RegExp(`^\\s*(?:${scopeData.mainClause.hedges.join('|')})(?![\\p{L}'’])`, 'iu'),
  verbal: new RegExp(scopeData.mainClause.verbal, 'iu'),
  imperative: new RegExp(scopeData.mainClause.imperative, 'iu'),
  notBreaks: new RegExp(scopeData.mainClause.notBreaks, 'gu'),
  raising: new RegExp(scopeData.mainClause.raising, 'iu'),
};

/** Words of a text (letters, digits, apostrophes, hyphens). */
const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

/** Whether a mention is short enough (at most `maxWords` words) for its main clause to be read. */
export function isShortMention(text: string): boolean {
  return wordsOf(text).length <= MAIN.maxWords;
}

/** Whether a mention reads as a headline or a statement posted alone: it ends without a full stop or "!" (prose ends with one). */
export function isHeadlineStyle(text: string): boolean {
  return !/[.!…]["”’')\]]*$/u.test(text.trim());
}

/** Where a short mention's negation sits: its main clause, only a subordinate clause, a hedge ("isn't sure", "not to"), or none read (no verbal cue, an imperative, a long mention). */
export type NegationPlace = 'main' | 'subordinate' | 'hedge' | undefined;

/**
 * Where a short mention's first verbal negation cue ("not", "n't", "never") sits:
 * after a leading label ("No,", "Sorry,", "Update:", "Mexico prosecutor:"), with
 * no clause break or subordinating word before it (`breaks`: punctuation, "that",
 * "so", "if", "to" …) it negates the main clause, unless a hedge follows it
 * (`hedges`: "sure", "idea", "to …", unless a `raising` verb comes right before
 * the cue: "turns out not to have"); a date's commas (`notBreaks`) break nothing; after a break, a subordinate clause. A leading
 * imperative ("Don't reset …") and cues without "not" or "never" ("no one") are
 * not read. Undefined for a mention of more than `maxWords` words.
 *
 * @param text The mention's sentence.
 */
export function negationPlace(text: string): { readonly place: NegationPlace; readonly cue?: NegationCue } {
  if (!isShortMention(text)) return { place: undefined };
  const label = MAIN.leadingLabel.exec(text);
  const from = label && label.index === 0 ? label[0].length : 0;
  for (const cue of findNegationCues(text)) {
    if (!MAIN.verbal.test(cue.cue)) continue;
    // A cue inside what looked like a label ("Batmobile wasn't stolen: Cops") is read from the start.
    // A date's commas ("Jan. 4, 2015,") break no clause.
    const before = text.slice(cue.span.start >= from ? from : 0, cue.span.start).replace(MAIN.notBreaks, ' ');
    if (MAIN.breaks.test(before)) return { place: 'subordinate', cue };
    if (wordsOf(before).length === 0 && MAIN.imperative.test(cue.cue.trim())) return { place: undefined };
    // "turns out not to have …": the "to" is the negated predicate, no hedge.
    if (MAIN.hedges.test(text.slice(cue.span.end)) && !MAIN.raising.test(before)) return { place: 'hedge', cue };
    return { place: 'main', cue };
  }
  return { place: undefined };
}

/**
 * The cue that negates a short mention's main clause (`negationPlace` 'main'), or undefined.
 *
 * @param text The mention's sentence.
 */
export function mainClauseNegation(text: string): NegationCue | undefined {
  const found = negationPlace(text);
  return found.place === 'main' ? found.cue : undefined;
}
