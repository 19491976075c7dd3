// pair: one claim → its match profile (terms with figures and dates masked, and
// the figures it states); two profiles → how they compare (paraphrase
// probability, overlap, the rule that links them, if any, and whether who,
// where and when say they are two events). Pure; the n-gram memo
// of a run of comparisons is passed in (`GramTable`).

import type { Claim } from '../../types.js';
import { withoutDenialFrame } from '../claims/denial.js';
import { withoutNegationCues } from '../claims/negation.js';
import { claimIdentity, identityRelation, type ArticleContext, type IdentityProfile, type IdentityRelation } from './identity.js';
import { withHeadlineMatch } from './headline-match.js';
import { figureKeys, isRelated, matchReason, type MatchReason } from './rules.js';
import { GramTable, MATCH_MODEL, pairFeatures, sameClaimProbability, termOverlap, type MatchModel, type Overlap } from './similarity.js';
import { termsOf, type Terms } from './terms.js';
import { isStoryParaphrase } from './story-match.js';
import { opposedActs } from './acts.js';
import { isSameAct } from './same-act.js';

/** What the matcher knows of a claim: derived once per claim, plain data (cacheable). */
export interface MatchProfile {
  readonly terms: Terms;
  /** Figures the claim states, by unit (`count:meet`). */
  readonly figures: readonly string[];
  /** Who, where and when the claim is about, in its sentence and its article's main event. */
  readonly identity: IdentityProfile;
  /** Whether the claim is its source's one line of prose, whole (a headline or statement posted alone): the headline rule's lower bar applies. */
  readonly headline?: boolean;
  /** `copyKeyOf` its sentence's text: two claims with one key print the same sentence word for word (optional: none, no copy). */
  readonly copyKey?: number;
}

/**
 * The profile a claim is matched on: its terms with numbers and dates masked (so
 * that "two meetings" still meets "at least four meetings"), its figures, and its
 * identity (names and dates of the sentence and of its article's main event).
 *
 * @param claim Claim to describe.
 * @param context Its article's context (`articleContext`; optional: without it, the sentence alone).
 */
export function matchProfile(claim: Claim, context?: ArticleContext): MatchProfile {
  const headline = isLoneLine(claim, context);
  return {
    terms: claimTerms(claim, headline),
    figures: figureKeys(claim),
    identity: claimIdentity(claim, context),
    headline,
    copyKey: copyKeyOf(claim.sentence.text),
  };
}

/**
 * A number that names a sentence's text, its whitespace normalised (a 53-bit
 * hash: two FNV-1a hashes of its UTF-16 units): claims with one key print the
 * same sentence word for word, figures and dates included.
 *
 * @param text The sentence as written.
 */
export function copyKeyOf(text: string): number {
  const normal = text.replace(/\s+/g, ' ').trim();
  let high = 0x811c9dc5;
  let low = 0x01000193;
  for (let k = 0; k < normal.length; k++) {
    const unit = normal.charCodeAt(k);
    high = Math.imul(high ^ unit, 0x01000193);
    low = Math.imul(low ^ unit, 0x5bd1e995);
  }
  return (high >>> 0) * 0x200000 + ((low >>> 0) & 0x1fffff);
}

/**
 * Whether two profiles are of claims that print the same sentence word for word
 * (wire copy: one claim, whatever story or event their articles are about).
 *
 * @param a One profile.
 * @param b The other.
 */
export function isVerbatimCopy(a: Pick<MatchProfile, 'copyKey'>, b: Pick<MatchProfile, 'copyKey'>): boolean {
  return a.copyKey !== undefined && a.copyKey === b.copyKey;
}

/** Whether the claim's sentence is the whole of its article's only non-empty paragraph, with no closing full stop (a source that is one headline or statement; a lone prose sentence ends with a stop). */
function isLoneLine(claim: Claim, context: ArticleContext | undefined): boolean {
  if (!context) return false;
  const texts = context.texts.filter((text) => text.trim() !== '');
  const line = claim.sentence.plain.trim();
  return texts.length === 1 && texts[0]!.trim() === line && !/\.["'”’)]*$/u.test(line);
}

/**
 * The terms of a claim, with its quantities and dates masked. A denial's frame
 * ("… is a hoax", "X denies …") is left out; so is a negation's cue ("did not",
 * "won't") when the claim is its source's one line (a headline or statement posted
 * alone), whose negation is what it says of the claim it denies: "Banksy wasn't
 * arrested" is matched on "Banksy arrested" (whether the two conflict is the
 * judge's to say). In prose the cue stays a term, so "did not" keeps two
 * sentences of two events apart as before.
 *
 * @param claim Claim to describe.
 * @param lone Whether the claim is its source's one line (`MatchProfile.headline`; default: false).
 */
export function claimTerms(claim: Claim, lone = false): Terms {
  const masked = [...claim.quantities.map((q) => q.span), ...claim.dates.map((d) => d.span)];
  const text = withoutDenialFrame(claim.sentence.plain);
  return termsOf(lone ? withoutNegationCues(text) : text, masked);
}

/** How two profiles compare. */
export interface PairMatch {
  /** Paraphrase probability from the model. */
  readonly probability: number;
  readonly overlap: Overlap;
  /** Why they state the same claim, or null. */
  readonly reason: MatchReason | null;
  /** Whether they are at least possibly related. */
  readonly related: boolean;
  readonly features: readonly number[];
  /** How their identities compare: `different` means two events, never one claim. */
  readonly identity: IdentityRelation;
}

/**
 * Compare two claim profiles. Two claims whose identities differ (other people,
 * places or dates: two events), or one of which states an act the other's undoes
 * (`opposedActs`: hired / fired), never state the same claim and are not related,
 * except as the headline rule allows: two short lines, one a headline, match at
 * its lower bar (`withHeadlineMatch`; so `compareSentences` applies it too).
 * Two claims that print one sentence word for word (`isVerbatimCopy`) always
 * state the same claim, whatever their articles' main events.
 *
 * @param a One profile.
 * @param b The other.
 * @param model Model and thresholds (default: the shipped model).
 * @param table Interned words of this run of comparisons (default: a table of its own).
 * @param oneStory Whether the two claims' sources are of one story (default: true): only then may the same-act rule (same-act.ts) link them.
 */
export function matchPair(a: MatchProfile, b: MatchProfile, model: MatchModel = MATCH_MODEL, table: GramTable = new GramTable(), oneStory = true): PairMatch {
  const overlap = termOverlap(a.terms, b.terms, table);
  const features = pairFeatures(a.terms, b.terms, overlap, table);
  const probability = sameClaimProbability(features, model);
  const copy = isVerbatimCopy(a, b);
  // A sentence printed word for word is one claim (wire copy), whatever the main events (`core`) of the two articles.
  const related = identityRelation(a.identity, b.identity);
  const identity = copy && related.different ? { ...related, different: false } : related;
  // One states an act the other's undoes (hired / fired): two events, whatever else they share.
  if (!copy && opposedActs(a.terms, b.terms) !== undefined) return { probability, overlap, reason: null, related: false, features, identity };
  if (identity.different) return withHeadlineMatch({ probability, overlap, reason: null, related: false, features, identity }, a, b);
  const anchors = { figure: a.figures.some((figure) => b.figures.includes(figure)) };
  // Failing the lexical rules, one claim in other words (story-match.ts), or, in one story, the same act of the same participants (same-act.ts).
  const reason =
    matchReason(probability, overlap, anchors, model) ??
    (isStoryParaphrase(a, b, probability, features, identity) ? 'paraphrase' : null) ??
    (copy ? 'contains' : null) ??
    (oneStory && isSameAct(a, b, features, identity) ? 'same act' : null);
  // Two short lines, one a headline, match at the headline rule's lower bar (headline-match.ts).
  return withHeadlineMatch({ probability, overlap, reason, related: reason !== null || isRelated(probability, overlap, model), features, identity }, a, b);
}
