// options: the settings of matching and clustering, with their defaults in one
// object (MATCH_DEFAULTS). Every stage takes the resolved options; the engine's
// snapshot key is built from them, so a new setting is keyed without more code.

import type { Claim } from '../../types.js';
import { MATCH_MODEL, type MatchModel } from './similarity.js';

/** Options for clustering (each has a default in `MATCH_DEFAULTS`). */
export interface ClusterOptions {
  readonly model?: MatchModel;
  /** Terms weighing less than this are too common in English to block on (default: 4). */
  readonly minBlockingWeight?: number;
  /**
   * Weighted overlap (blocking terms both claims have, each at the smaller of its two
   * weights) two claims must reach to be compared at all (default: 20, about two rare
   * words). Every pair of claims of different sources reaching it (and `minSharedShare`)
   * is compared, whatever the corpus size.
   */
  readonly minSharedWeight?: number;
  /**
   * …and this share of the smaller claim's blocking weight (default: 0.3). Every match
   * rule needs at least a third of the shorter claim covered; a share keeps the join's
   * cost following the pairs found instead of every pair that shares two words.
   */
  readonly minSharedShare?: number;
  /** Share of cross-outlet pairs of two clusters that must be related for them to merge (default: 0.5). */
  readonly linkage?: number;
  /** Pairs a reviewer marked "not the same claim": never in one cluster (optional). */
  readonly cannotLink?: (a: Claim, b: Claim) => boolean;
}

/** The numeric settings of matching, with their defaults. */
export const MATCH_DEFAULTS = {
  minBlockingWeight: 4,
  minSharedWeight: 20,
  minSharedShare: 0.3,
  linkage: 0.5,
} as const;

/** Cluster options with every default filled in. */
export interface ResolvedClusterOptions {
  readonly model: MatchModel;
  readonly minBlockingWeight: number;
  readonly minSharedWeight: number;
  readonly minSharedShare: number;
  readonly linkage: number;
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
