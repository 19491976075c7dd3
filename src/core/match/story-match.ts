// story-match: two claims' match profiles, their paraphrase features and identity
// relation → whether they state one claim in other words: the sentences name the
// same participants (`minSharedNames` names of the sentences themselves), who,
// where and when agree, and the content words align in meaning (soft alignment,
// mean vector) with some paraphrase evidence. Thresholds: src/data/match-story.json.

import settings from '../../data/match-story.json' with { type: 'json' };
import type { Identity, IdentityRelation } from './identity.js';
import type { MatchProfile } from './pair.js';
import { FEATURE_NAMES } from './similarity.js';

/** The thresholds of the rule (data: src/data/match-story.json). */
export interface StoryMatchSettings {
  /** Names both sentences give (people, places, organisations, other names). */
  readonly minSharedNames: number;
  /** `IdentityRelation.score` at least this. */
  readonly minIdentityScore: number;
  /** Paraphrase probability at least this. */
  readonly minProbability: number;
  /** The weaker direction of the soft alignment (`softMin`) at least this. */
  readonly minSoftMin: number;
  /** Cosine of the two claims' mean vectors (`meanCosine`) at least this. */
  readonly minMeanCosine: number;
}

/** The shipped thresholds. */
export const STORY_MATCH: StoryMatchSettings = settings;

const SOFT_MIN = FEATURE_NAMES.indexOf('softMin');
const MEAN_COSINE = FEATURE_NAMES.indexOf('meanCosine');

/**
 * How many names the two sentences both give (each slot's keys, a name counted once).
 *
 * @param a Names of one sentence.
 * @param b Names of the other.
 */
export function sharedSentenceNames(a: Identity, b: Identity): number {
  const theirs = new Set(namesOf(b));
  return new Set(namesOf(a).filter((key) => theirs.has(key))).size;
}

/** A sentence's names, broad places (a country or state, keyed `^…`) left out: many events share them. */
function namesOf(identity: Identity): string[] {
  return [...identity.people, ...identity.places.filter((key) => !key.startsWith('^')), ...identity.orgs, ...identity.names];
}

/**
 * Whether two claims state one claim in other words: same participants named,
 * identities agreeing, meaning aligned (see the module header).
 *
 * @param a Profile of one claim.
 * @param b Profile of the other.
 * @param probability Their paraphrase probability.
 * @param features Their `pairFeatures`.
 * @param identity Their `identityRelation`.
 * @param rule Thresholds (default: the shipped ones).
 */
export function isStoryParaphrase(
  a: MatchProfile,
  b: MatchProfile,
  probability: number,
  features: readonly number[],
  identity: IdentityRelation,
  rule: StoryMatchSettings = STORY_MATCH,
): boolean {
  if (identity.different || identity.score < rule.minIdentityScore || probability < rule.minProbability) return false;
  if ((features[SOFT_MIN] ?? 0) < rule.minSoftMin || (features[MEAN_COSINE] ?? 0) < rule.minMeanCosine) return false;
  return sharedSentenceNames(a.identity.sentence, b.identity.sentence) >= rule.minSharedNames;
}
