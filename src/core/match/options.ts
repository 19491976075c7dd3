// options: the settings of matching and clustering, with their defaults in one
// object (MATCH_DEFAULTS). Every stage takes the resolved options; the engine's
// snapshot key is built from them, so a new setting is keyed without more code.

import type { Claim } from '../../types.js';
import { MATCH_MODEL, type MatchModel } from './similarity.js';
import storySettings from '../../data/stories.json' with { type: 'json' };
import denialSettings from '../../data/judge-denial.json' with { type: 'json' };
import clusterSettings from '../../data/match-cluster.json' with { type: 'json' };

/** Options for clustering (each has a default in `MATCH_DEFAULTS`). */
export interface ClusterOptions {
  readonly model?: MatchModel;
  /** Terms in more than this share of claims are too common to block on (default: 0.05, at least `minTermClaims` claims, at most `maxTermClaims`). */
  readonly maxTermShare?: number;
  /**
   * Terms in more claims than this are too common to block on, whatever the corpus size
   * (default: 75). With a bound that does not grow with the corpus, blocking stays near-linear.
   * Terms are counted per story: a story's own people and places are in many of its claims,
   * and below this cap two of its claims that share two of them are still compared.
   */
  readonly maxTermClaims?: number;
  /** The cap never falls below this many claims, however small the corpus or story (default: 75; `maxTermClaims` bounds it). */
  readonly minTermClaims?: number;
  /** Terms weighing less than this are too common in English to block on (default: 4). */
  readonly minBlockingWeight?: number;
  /**
   * Weight of blocking terms two claims must share to be compared at all (default: 20,
   * about two rare words). Pairs sharing less never reach a match or a "possibly related"
   * link on the seed corpus; on large corpora they are most candidates.
   */
  readonly minSharedWeight?: number;
  /**
   * Near-copies are always compared: two claims whose weighted overlap (blocking terms
   * both have, each at its smaller weight) is at least this share of the larger claim's
   * blocking weight, and at least `minSharedWeight` (default: 0.85: verbatim copies and copies
   * with a word or two changed). Found by a
   * prefix-filtered join, whatever the corpus size (no cap).
   */
  readonly copyShare?: number;
  /**
   * Weight of each number a claim prints, in the near-copy join (default: 16, a rare word and a half): "Council 12
   * approved…" and "Council 40 approved…" are not copies of each other.
   */
  readonly copyNumberWeight?: number;
  /** Share of cross-outlet pairs of two clusters that must be related for them to merge (default: `linkage` of src/data/match-cluster.json, 0.34). */
  readonly linkage?: number;
  /**
   * The linkage bar when a cluster of denials meets the claim they deny (default:
   * `denialLinkage` of src/data/judge-denial.json, 0.1): the merging pair is a denial and
   * a mention that states the claim, every member of one cluster denies and some of
   * the other's do not (see `mergeClusters`).
   */
  readonly denialLinkage?: number;
  /**
   * `copyShare` two claims of sources in different stories need to match at all
   * (default: 0.95: verbatim copies; see `ClusterInput.sameStory`).
   */
  readonly storyCopyShare?: number;
  /**
   * Blocking weight two claims of sources in different stories must share to match
   * as copies (default: `crossStoryCopyWeight` of src/data/stories.json, 40): a stock
   * phrase two stories both print is no claim of either.
   */
  readonly storyCopyWeight?: number;
  /** Pairs a reviewer marked "not the same claim": never in one cluster (optional). */
  readonly cannotLink?: (a: Claim, b: Claim) => boolean;
}

/** The numeric settings of matching, with their defaults. */
export const MATCH_DEFAULTS = {
  maxTermShare: 0.05,
  maxTermClaims: 75,
  minTermClaims: 75,
  minBlockingWeight: 4,
  minSharedWeight: 20,
  copyShare: 0.85,
  copyNumberWeight: 16,
  linkage: clusterSettings.linkage,
  denialLinkage: denialSettings.denialLinkage,
  storyCopyShare: 0.95,
  storyCopyWeight: storySettings.crossStoryCopyWeight,
} as const;

/** Cluster options with every default filled in. */
export interface ResolvedClusterOptions {
  readonly model: MatchModel;
  readonly maxTermShare: number;
  readonly maxTermClaims: number;
  readonly minTermClaims: number;
  readonly minBlockingWeight: number;
  readonly minSharedWeight: number;
  readonly copyShare: number;
  readonly copyNumberWeight: number;
  readonly linkage: number;
  readonly denialLinkage: number;
  readonly storyCopyShare: number;
  readonly storyCopyWeight: number;
  readonly cannotLink?: (a: Claim, b: Claim) => boolean;
}

/**
 * The options with their defaults (an `undefined` value takes the default).
 *
 * @param options Options as given (optional).
 */
export function resolveClusterOptions(options: ClusterOptions = {}): ResolvedClusterOptions {
  const numbers = Object.fromEntries(
    Object.entries(MATCH_DEFAULTS).map(([name, fallback]) => [name, options[name as keyof typeof MATCH_DEFAULTS] ?? fallback]),
  ) as Record<keyof typeof MATCH_DEFAULTS, number>;
  return { ...numbers, model: options.model ?? MATCH_MODEL, ...(options.cannotLink ? { cannotLink: options.cannotLink } : {}) };
}

/**
 * The settings that decide a clustering result, as plain data (no functions, no
 * model given in code): what a cache of clustering results is keyed on.
 *
 * @param options Resolved options.
 */
export function matchSettings(options: ResolvedClusterOptions): Record<keyof typeof MATCH_DEFAULTS, number> {
  return Object.fromEntries(Object.keys(MATCH_DEFAULTS).map((name) => [name, options[name as keyof typeof MATCH_DEFAULTS]])) as Record<
    keyof typeof MATCH_DEFAULTS,
    number
  >;
}
