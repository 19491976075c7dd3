// Finds whether a sentence is negated or states a denial ("was never charged",
// "did not", "denied that", "no indication that") and which cue says so.
// Cues and the look-alikes that are not negation ("not only … but") are data.

import type { Negation } from '../../types.js';
import { negation as data } from './data.js';
import { termsOf } from '../match/terms.js';

/** A negation cue and where it sits in the text. */
export interface NegationCue {
  readonly cue: string;
  readonly span: { readonly start: number; readonly end: number };
}

/**
 * Every negation cue of a sentence, in text order.
 *
 * @param text A sentence's plain text.
 */
export function findNegationCues(text: string): NegationCue[] {
  const cues: NegationCue[] = [];
  const excluded: [number, number][] = [];
  let match: RegExpExecArray | null;
  data.notNegation.lastIndex = 0;
  while ((match = data.notNegation.exec(text)) !== null) {
    excluded.push([match.index, match.index + Math.max(match[0].length, 1)]);
    if (match[0].length === 0) data.notNegation.lastIndex++;
  }
  data.cues.lastIndex = 0;
  while ((match = data.cues.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    if (excluded.some(([from, to]) => from < end && start < to)) continue;
    cues.push({ cue: match[0], span: { start: match.index, end: match.index + match[0].length } });
  }
  return cues;
}

/**
 * A sentence with the negative word of each negation cue blanked out, offsets kept
 * ("did not go" → "did     go", "won't" → "will ", "cannot" → "can   "; a leading
 * answer "No, …" too): what the
 * matcher compares, so a negated claim ("X did not do Y") is matched on what it
 * negates, as a denial's frame words are left out (`withoutDenialFrame`). Idioms
 * that only look negative (`notNegation`) are kept. Text without a cue comes back as it is.
 *
 * @param text A sentence's plain text.
 */
export function withoutNegationCues(text: string): string {
  const cues = findNegationCues(text);
  if (cues.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { span } of cues) {
    const piece = text.slice(span.start, span.end);
    const reading = data.termContractions.get(piece.toLowerCase());
    const blanked = reading !== undefined ? reading.padEnd(piece.length, ' ') : piece.replace(data.termParticles, (word) => ' '.repeat(word.length));
    out += text.slice(at, span.start) + (blanked.length === piece.length ? blanked : piece);
    at = span.end;
  }
  return (out + text.slice(at)).replace(data.termLeading, (word) => ' '.repeat(word.length));
}

/**
 * Whether a sentence is negated, and by which cue (the first one).
 *
 * "No company … is immune" counts as negated (cue "No"): a negated universal
 * conflicts with "every company is immune" just as "is not immune" would.
 *
 * @param text A sentence's plain text.
 */
export function findNegation(text: string): Negation {
  const first = findNegationCues(text)[0];
  return first ? { negated: true, cue: first.cue } : { negated: false, cue: null };
}

/**
 * Whether a sentence states a negation at all: a negation cue (the ones
 * `findNegationCues` finds, idioms that assert left out) or a word that negates
 * without one ("without", "lack", "failure", "refusal", "denial", "declined"),
 * both lists in src/data/extract-negation.json. The judge asks this of the
 * mention that a negated mention would contradict.
 *
 * @param text A sentence's plain text.
 */
export function statesNegation(text: string): boolean {
  return data.implicit.test(text) || findNegationCues(text).length > 0;
}

/**
 * Whether an implicit negative of a sentence ("skipped", "stop him turning",
 * "without") governs a term: the term is inside the implicit cue's words or among
 * the few words after it (`implicitReach` of extract-negation.json). "The porter
 * skipped work" governs "work"; "adopted a boy to stop him turning" does not govern
 * "adopt".
 *
 * @param text A sentence's plain text.
 * @param term A canonical term (`termsOf`).
 */
export function implicitNegativeGoverns(text: string, term: string): boolean {
  const implicit = new RegExp(data.implicit.source, 'giu');
  for (const match of text.matchAll(implicit)) {
    const reach = text.slice(match.index).match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    const span = (match[0].match(/[\p{L}][\p{L}'’-]*/gu) ?? []).length;
    if (reach.slice(0, span + data.implicitReach).some((word) => termsOf(word).terms[0] === term)) return true;
  }
  return false;
}
