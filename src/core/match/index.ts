// match: claims of many sources → clusters of claims that state the same thing,
// and the answer to "why were these two matched?". The stages are in their own
// modules: pair.ts (profiles, comparing two), blocking.ts (candidate pairs),
// cluster.ts (the one clustering function), options.ts (settings and defaults).

import { analyzeSentence } from '../claims/index.js';
import { conflictsBetween, type PairConflict } from '../judge/index.js';
import type { Claim, Cluster, Sentence } from '../../types.js';
import { cluster } from './cluster.js';
import { resolveClusterOptions, type ClusterOptions } from './options.js';
import { matchPair, matchProfile, type MatchProfile } from './pair.js';
import type { MatchReason } from './rules.js';
import { explainFeatures, MATCH_MODEL, type MatchModel, type Overlap } from './similarity.js';
import { articleContext, type IdentityRelation } from './identity.js';

export { pairFeatures, sameClaimProbability, explainFeatures, termOverlap, GramTable, FEATURE_NAMES, MATCH_MODEL } from './similarity.js';
export type { MatchModel, FeatureName, Overlap, ClaimRules } from './similarity.js';
export { termsOf, canonicalTerm } from './terms.js';
export type { Terms } from './terms.js';
export { figureKeys, matchReason, isRelated } from './rules.js';
export type { MatchReason, Anchors } from './rules.js';
export { matchProfile, matchPair, claimTerms } from './pair.js';
export { articleContext, claimIdentity, identityRelation, findNames } from './identity.js';
export type { ArticleContext, Identity, IdentityProfile, IdentityRelation, NameMention } from './identity.js';
export type { MatchProfile, PairMatch } from './pair.js';
export { cluster, byStrength, PairGraph } from './cluster.js';
export type { ClusterInput, ClusterPrior, ClusterResult, ClusterState, MatchEdge, MadeCluster } from './cluster.js';
export { MATCH_DEFAULTS, resolveClusterOptions, matchSettings } from './options.js';
export type { ClusterOptions, ResolvedClusterOptions } from './options.js';
export { canExtend as canExtendBlocking } from './blocking.js';
export type { BlockingIndex, CopyPostings, Postings } from './blocking.js';

/**
 * Cluster claims of many sources (see `cluster`): the claims in hand, clusters in
 * order of their first claim.
 *
 * @param claims Check-worthy claims of all sources.
 * @param options Model, blocking and linkage settings (optional).
 * @param profiles Profile of each claim, when the caller has them (optional; derived when absent).
 */
export function clusterClaims(claims: readonly Claim[], options: ClusterOptions = {}, profiles?: readonly MatchProfile[]): Cluster[] {
  const known = profiles ?? claims.map((claim) => matchProfile(claim));
  const input = { sourceOf: claims.map((claim) => claim.sentence.source), claimAt: (index: number) => claims[index]!, profileAt: (index: number) => known[index]! };
  return cluster(input, resolveClusterOptions(options)).made.map((made) => made.cluster);
}

/** The answer to "why were these matched?". */
export interface Comparison {
  /** Whether the two are paraphrases: they say the same thing (the model's `same` threshold). */
  readonly same: boolean;
  /** Paraphrase probability (0..1). */
  readonly score: number;
  /**
   * Why the matcher puts them in one claim, or null: `paraphrase`, `contains`
   * (one sentence states the other and more), `same figure` (both state a figure
   * of the same unit, about the same thing), `overlap` or `same act` (the same
   * act of the same participants: its verb, and a name as its subject or object in both).
   */
  readonly match: MatchReason | null;
  /** Whether they are at least possibly related. */
  readonly related: boolean;
  /** What makes them disagree (quantity, date, negation). */
  readonly conflicts: readonly PairConflict[];
  /** Shared term weight and how much of each sentence the other covers. */
  readonly overlap: Overlap;
  /** Each feature's value and its share of the paraphrase score. */
  readonly features: ReturnType<typeof explainFeatures>;
  /** Whether what they say of who, where and when makes them two events (then `match` is null), and why. */
  readonly identity: IdentityRelation;
}

/** Options for comparing raw sentences. */
export interface CompareOptions {
  /** Publication date of the first sentence's article (resolves "on Friday"). */
  readonly publishedA?: string;
  /** Publication date of the second sentence's article. */
  readonly publishedB?: string;
  readonly model?: MatchModel;
}

/**
 * Whether two sentences state the same claim, with a score and their conflicts.
 *
 * @param a A sentence (text, Sentence or analysed Claim).
 * @param b Another one.
 * @param options Publication dates and model (optional).
 */
export function compareSentences(a: string | Sentence | Claim, b: string | Sentence | Claim, options: CompareOptions = {}): Comparison {
  const claimA = toClaim(a, 'A', options.publishedA);
  const claimB = toClaim(b, 'B', options.publishedB);
  const model = options.model ?? MATCH_MODEL;
  const contextOf = (published: string | undefined) => articleContext({ paragraphs: [], ...(published ? { published } : {}) });
  const pair = matchPair(matchProfile(claimA, contextOf(options.publishedA)), matchProfile(claimB, contextOf(options.publishedB)), model);
  return {
    same: pair.probability >= model.same,
    score: pair.probability,
    match: pair.reason,
    related: pair.related,
    conflicts: pair.identity.different ? [] : conflictsBetween(claimA, claimB),
    overlap: pair.overlap,
    features: explainFeatures(pair.features, model),
    identity: pair.identity,
  };
}

function toClaim(value: string | Sentence | Claim, outlet: string, published: string | undefined): Claim {
  if (typeof value !== 'string' && 'checkworthiness' in value) return value;
  const sentence: Sentence =
    typeof value === 'string'
      ? {
          source: outlet,
          index: 0,
          text: value,
          plain: value,
          block: 0,
          kind: 'paragraph',
          position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: value.length + 1, offset: value.length } },
        }
      : value;
  return analyzeSentence(sentence, { outlet, ...(published ? { published } : {}) });
}

