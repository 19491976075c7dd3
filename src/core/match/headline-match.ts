// Headline match: takes a compared pair of claims (its PairMatch and both profiles)
// and returns it matched (reason 'overlap') when both are short statements that share
// enough, at a lower bar than sentences need. Tunables: src/data/match-headline.json.

import headlineData from '../../data/match-headline.json' with { type: 'json' };
import type { MatchProfile, PairMatch } from './pair.js';

/** The tunables of the headline rule, as loaded from match-headline.json. */
export interface HeadlineMatchTunables {
  readonly maxTokens: number;
  readonly minProbability: number;
  readonly minCoverage: number;
  readonly minShared: number;
  readonly titleCaseShare: number;
  readonly keepReasons: readonly string[];
  readonly relatedCoverage: number;
  readonly relatedShared: number;
  /** Whether the lower bar needs one of the two lines in Title Case (a headline), not just two short sentences. */
  readonly headlineOnly: boolean;
  /** The bar when both claims are their sources' one line (`MatchProfile.headline`: a claim statement and a headline posted alone). */
  readonly lone: {
    readonly minProbability: number;
    readonly minCoverage: number;
    readonly minShared: number;
    /** Two such lines also match when one is nearly all inside the other: the larger coverage at least `minCoverage`, `minShared` shared, each at most `maxTokens` tokens. */
    readonly contained: { readonly maxTokens: number; readonly minCoverage: number; readonly minShared: number };
  };
}

/** The shipped tunables of the headline rule. */
export const HEADLINE_MATCH: HeadlineMatchTunables = {
  maxTokens: headlineData.maxTokens,
  minProbability: headlineData.minProbability,
  minCoverage: headlineData.minCoverage,
  minShared: headlineData.minShared,
  titleCaseShare: headlineData.titleCaseShare,
  keepReasons: headlineData.keepReasons,
  relatedCoverage: headlineData.relatedCoverage,
  relatedShared: headlineData.relatedShared,
  headlineOnly: headlineData.headlineOnly,
  lone: headlineData.lone,
};

/** Whether a claim's content words are nearly all capitalised (Title Case or ALL CAPS), so its capitals name no one. */
export function isTitleCase(profile: MatchProfile, tunables: HeadlineMatchTunables = HEADLINE_MATCH): boolean {
  const { terms, names } = profile.terms;
  return terms.length >= 2 && names.length / terms.length >= tunables.titleCaseShare;
}

/**
 * The pair, matched by the headline rule when the matcher did not match it: both
 * claims are short (≤ `maxTokens` tokens), the model gives at least `minProbability`,
 * each covers at least `minCoverage` of the other and they share `minShared` of
 * term weight (the `lone` bar when both are their sources' one line); short of that, possibly related at `relatedCoverage` and
 * `relatedShared`. Two events (an identity difference) stay apart, unless one line
 * is in Title Case (its names are guesses), the two share a name and no
 * `keepReasons` difference holds.
 *
 * @param pair The compared pair (`matchPair`).
 * @param a One claim's profile.
 * @param b The other's.
 * @param tunables Thresholds (default: match-headline.json).
 */
export function withHeadlineMatch(pair: PairMatch, a: MatchProfile, b: MatchProfile, tunables: HeadlineMatchTunables = HEADLINE_MATCH): PairMatch {
  if (pair.reason !== null) return pair;
  const lone = a.headline === true && b.headline === true;
  if (!shortPair(a, b, tunables) && !(lone && containedPair(pair, a, b, tunables))) return pair;
  if (pair.identity.different) {
    const titled = isTitleCase(a, tunables) || isTitleCase(b, tunables);
    const sharesName = a.terms.names.some((name) => b.terms.names.includes(name));
    if (!titled || !sharesName || tunables.keepReasons.some((reason) => pair.identity.reason.includes(reason))) return pair;
  }
  // Two lines posted alone, one nearly all inside the other ("X is dead" / "X forced to deny that he is dead after …").
  if (lone && containedPair(pair, a, b, tunables)) return { ...pair, reason: 'overlap', related: true };
  const { overlap } = pair;
  const coverage = Math.min(overlap.coverageA, overlap.coverageB);
  const bar = a.headline === true && b.headline === true ? tunables.lone : tunables;
  if (pair.probability >= bar.minProbability && overlap.shared >= bar.minShared && coverage >= bar.minCoverage) {
    return { ...pair, reason: 'overlap', related: true };
  }
  if (!pair.related && overlap.shared >= tunables.relatedShared && coverage >= tunables.relatedCoverage) return { ...pair, related: true };
  return pair;
}

/** Whether one of two lines is nearly all inside the other (`lone.contained`): the larger coverage and the shared weight high enough, both at most its `maxTokens` tokens. */
function containedPair(pair: PairMatch, a: MatchProfile, b: MatchProfile, tunables: HeadlineMatchTunables): boolean {
  const bar = tunables.lone.contained;
  if (a.terms.tokens.length > bar.maxTokens || b.terms.tokens.length > bar.maxTokens) return false;
  const { overlap } = pair;
  return Math.max(overlap.coverageA, overlap.coverageB) >= bar.minCoverage && overlap.shared >= bar.minShared;
}

/** Whether a claim reads as a headline: in Title Case, or its source's one line (`MatchProfile.headline`). */
export function isHeadline(profile: MatchProfile, tunables: HeadlineMatchTunables = HEADLINE_MATCH): boolean {
  return profile.headline === true || isTitleCase(profile, tunables);
}

/** Whether both claims are short enough for the headline rule, one of them a headline (`isHeadline`) when `headlineOnly`. */
export function shortPair(a: MatchProfile, b: MatchProfile, tunables: HeadlineMatchTunables = HEADLINE_MATCH): boolean {
  if (a.terms.tokens.length > tunables.maxTokens || b.terms.tokens.length > tunables.maxTokens) return false;
  return !tunables.headlineOnly || isHeadline(a, tunables) || isHeadline(b, tunables);
}
