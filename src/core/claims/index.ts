// The extract stage: Sentence → Claim. Runs the per-aspect extractors over a
// sentence's plain text and keeps the check-worthy claims of a source.

import type { Claim, Sentence } from '../../types.js';
import { findAttribution } from './attribution.js';
import { rateCheckWorthiness } from './checkworthiness.js';
import { check } from './data.js';
import { findDates } from './date.js';
import { findNegation } from './negation.js';
import { findQuantities } from './quantity.js';
import { resolveSpeakers } from './speaker-context.js';

export { findAttribution, findSpeakers, type Speaker } from './attribution.js';
export { isAsked, rateCheckWorthiness, type WorthinessFeatures } from './checkworthiness.js';
export { findDates } from './date.js';
export { findNegation, findNegationCues, type NegationCue } from './negation.js';
export { findQuantities } from './quantity.js';
export { isNamedSpeaker, resolveSpeakers } from './speaker-context.js';

/** Longest sentence (in characters) analysed as a claim; the longest in the seeds has about 700. */
export const MAX_CLAIM_LENGTH = 2000;

/** Where a sentence was published: the outlet and, when known, the date. */
export interface ClaimContext {
  /** Outlet that published the source. */
  readonly outlet: string;
  /** ISO `YYYY-MM-DD` publication date (optional); resolves relative dates. */
  readonly published?: string;
}

/** Whether a source's sentences are one short line (one block, at most `askedHeadline.maxWords` words, no sentence closed by a full stop): a headline posted alone, not prose. */
function isLoneLine(sentences: readonly Sentence[]): boolean {
  const first = sentences[0];
  if (!first || sentences.some((sentence) => sentence.block !== first.block || /\.["'”’»)\]]*$/u.test(sentence.plain.trim()))) return false;
  const words = sentences.reduce((sum, sentence) => sum + sentence.plain.split(/\s+/).filter(Boolean).length, 0);
  return words <= check.askedHeadline.maxWords;
}

/**
 * Analyses one sentence (its `plain` text) into a claim.
 *
 * @param sentence Sentence to analyse.
 * @param context Outlet and publication date of its source.
 * @param lone Whether the sentence's source is one short line, a headline posted alone (a yes/no question there is kept as asked).
 */
export function analyzeSentence(sentence: Sentence, context: ClaimContext, lone = false): Claim {
  const text = sentence.plain;
  if (text.length > MAX_CLAIM_LENGTH) {
    // A "sentence" this long is text without sentence punctuation (a pasted
    // table, a run-on page), not one claim: don't analyse or match it.
    return {
      sentence,
      outlet: context.outlet,
      published: context.published ?? null,
      checkworthiness: {
        checkworthy: false,
        score: 0,
        reason: `longer than ${MAX_CLAIM_LENGTH} characters (${text.length}): not one sentence`,
      },
      quantities: [],
      dates: [],
      negation: { negated: false, cue: null },
      attribution: null,
    };
  }
  const quantities = findQuantities(text);
  const dates = findDates(text, context.published);
  const attribution = findAttribution(text);
  return {
    sentence,
    outlet: context.outlet,
    published: context.published ?? null,
    checkworthiness: rateCheckWorthiness(text, { kind: sentence.kind, quantities, dates, attribution, lone }),
    quantities,
    dates,
    negation: findNegation(text),
    attribution,
  };
}

/**
 * The check-worthy claims among a source's sentences, in order, each speaker
 * that only points back ("he added", "the statement said") resolved to the
 * named one before it (see speaker-context.ts).
 *
 * @param sentences Sentences of one source.
 * @param context Outlet and publication date of that source.
 */
export function extractClaims(sentences: readonly Sentence[], context: ClaimContext): Claim[] {
  const lone = isLoneLine(sentences);
  const analysed = sentences.map((sentence) => analyzeSentence(sentence, context, lone));
  // "He added", "the statement said": the named speaker or document before it in the article.
  const speakers = resolveSpeakers(analysed.map((claim) => claim.attribution));
  const claims: Claim[] = [];
  analysed.forEach((claim, index) => {
    if (!claim.checkworthiness.checkworthy) return;
    const speaker = speakers[index] ?? null;
    claims.push(speaker === claim.attribution ? claim : { ...claim, attribution: speaker });
  });
  return claims;
}
