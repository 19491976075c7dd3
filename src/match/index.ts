// match: claims of many sources → clusters of claims that state the same thing.
// Candidate pairs come from blocking on informative terms (an inverted index
// with a document-frequency cap, never all pairs); each candidate is scored by
// the similarity model; confident pairs are merged with average linkage (no
// chaining of distinct claims), weaker ones kept as "possibly related" links.

import { analyzeSentence } from '../extract/index.js';
import { conflictsBetween, type PairConflict } from '../judge.js';
import type { Claim, Cluster, RelatedLink, Sentence } from '../types.js';
import { articleContext, claimIdentity, identityRelation, rememberIdentity, type ArticleContext, type IdentityProfile, type IdentityRelation } from './identity.js';
import { figureKeys, isRelated, matchReason, type MatchReason } from './rules.js';
import { explainFeatures, MATCH_MODEL, pairFeatures, resetGramTables, sameClaimProbability, termOverlap, type MatchModel, type Overlap } from './similarity.js';
import { termsOf, type Terms } from './terms.js';

export { pairFeatures, sameClaimProbability, explainFeatures, termOverlap, resetGramTables, FEATURE_NAMES, MATCH_MODEL } from './similarity.js';
export type { MatchModel, FeatureName, Overlap, ClaimRules } from './similarity.js';
export { termsOf, canonicalTerm } from './terms.js';
export type { Terms } from './terms.js';
export { figureKeys, matchReason, isRelated } from './rules.js';
export type { MatchReason, Anchors } from './rules.js';
export { articleContext, claimIdentity, identityRelation, findNames, knownIdentity } from './identity.js';
export type { ArticleContext, Identity, IdentityProfile, IdentityRelation, NameMention } from './identity.js';

/** What the matcher knows of a claim: derived once per claim, plain data (cacheable). */
export interface MatchProfile {
  readonly terms: Terms;
  /** Figures the claim states, by unit (`count:meet`). */
  readonly figures: readonly string[];
  /** Who, where and when the claim is about, in its sentence and its article's main event. */
  readonly identity: IdentityProfile;
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
  const known = knownProfiles.get(claim);
  if (known) return known;
  const identity = claimIdentity(claim, context);
  rememberIdentity(claim, identity);
  return { terms: claimTerms(claim), figures: figureKeys(claim), identity };
}

/** Profiles derived elsewhere (a worker thread, the cache), by claim object. */
const knownProfiles = new WeakMap<Claim, MatchProfile>();

/**
 * Remember the profile of a claim derived elsewhere by this same code (a worker
 * thread, the cache), so that `matchProfile` returns it instead of deriving it again.
 *
 * @param claim The claim.
 * @param profile `matchProfile(claim)` as derived elsewhere.
 */
export function rememberProfile(claim: Claim, profile: MatchProfile): void {
  knownProfiles.set(claim, profile);
  rememberIdentity(claim, profile.identity);
}

/**
 * The terms of a claim, with its quantities and dates masked.
 *
 * @param claim Claim to describe.
 */
export function claimTerms(claim: Claim): Terms {
  const masked = [...claim.quantities.map((q) => q.span), ...claim.dates.map((d) => d.span)];
  return termsOf(claim.sentence.plain, masked);
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
 * places or dates: two events) never state the same claim and are not related.
 *
 * @param a One profile.
 * @param b The other.
 * @param model Model and thresholds (default: the shipped model).
 */
export function matchPair(a: MatchProfile, b: MatchProfile, model: MatchModel = MATCH_MODEL): PairMatch {
  const overlap = termOverlap(a.terms, b.terms);
  const features = pairFeatures(a.terms, b.terms, overlap);
  const probability = sameClaimProbability(features, model);
  const identity = identityRelation(a.identity, b.identity);
  if (identity.different) return { probability, overlap, reason: null, related: false, features, identity };
  const anchors = { figure: a.figures.some((figure) => b.figures.includes(figure)) };
  const reason = matchReason(probability, overlap, anchors, model);
  return { probability, overlap, reason, related: reason !== null || isRelated(probability, overlap, model), features, identity };
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
   * of the same unit, about the same thing) or `overlap`.
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

// ---------------------------------------------------------------------------
// Clustering

/** Options for clustering. */
export interface ClusterOptions {
  readonly model?: MatchModel;
  /** Terms in more than this share of claims are too common to block on (default: 0.05, at least 50 claims, at most `maxTermClaims`). */
  readonly maxTermShare?: number;
  /**
   * Terms in more claims than this are too common to block on, whatever the corpus size
   * (default: 50). With a bound that does not grow with the corpus, blocking stays near-linear.
   */
  readonly maxTermClaims?: number;
  /** Terms weighing less than this are too common in English to block on (default: 4). */
  readonly minBlockingWeight?: number;
  /**
   * Weight of blocking terms two claims must share to be compared at all (default: 20,
   * about two rare words). Pairs sharing less never reach a match or a "possibly related"
   * link on the seed corpus; on large corpora they are most candidates.
   */
  readonly minSharedWeight?: number;
  /** Share of cross-outlet pairs of two clusters that must be related for them to merge (default: 0.5). */
  readonly linkage?: number;
  /** Pairs a reviewer marked "not the same claim": never in one cluster (optional). */
  readonly cannotLink?: (a: Claim, b: Claim) => boolean;
}

/** A compared pair worth keeping: it matched (confident) or is possibly related (weak). */
export interface MatchEdge {
  readonly i: number;
  readonly j: number;
  /** Order of merging: the larger of the paraphrase probability and the smaller coverage. */
  readonly strength: number;
  readonly confident: boolean;
}

/** Merge order: strongest first, ties by claim order. */
export function byStrength(x: MatchEdge, y: MatchEdge): number {
  return y.strength - x.strength || x.i - y.i || x.j - y.j;
}

/**
 * Cluster claims of many sources: claims that state the same claim (a
 * `matchReason`) form clusters, weaker links become "possibly related". Claims
 * of one source never match each other (one outlet counts once), but a cluster
 * may hold an outlet's repeats through their matches elsewhere. Merging needs
 * most cross pairs of the two clusters to be related (average linkage), so
 * distinct claims do not chain together.
 *
 * @param claims Check-worthy claims of all sources.
 * @param options Model, blocking and linkage settings (optional).
 * @param profileOf Profile of each claim (optional; computed when absent, e.g. taken from a cache).
 */
export function clusterClaims(
  claims: readonly Claim[],
  options: ClusterOptions = {},
  profileOf: (claim: Claim, index: number) => MatchProfile = (claim) => matchProfile(claim),
): Cluster[] {
  const profiles = claims.map((claim, index) => profileOf(claim, index));
  const sourceOf = claims.map((claim) => claim.sentence.source);
  const graph = new PairGraph(profiles, sourceOf, options.model ?? MATCH_MODEL);
  const edges = graph.score(candidatePairs(postingsOf(profiles, options), sourceOf, options));
  const clusters = assembleClusters(claims, mergeClusters(claims, edges, graph, options), edges, graph);
  // The interned words of this run's n-gram sets are no longer needed.
  resetGramTables();
  return clusters;
}

/**
 * The pairs compared in one run, by claim index: what clustering needs of each
 * (a small note rather than the whole PairMatch keeps memory low on large corpora).
 */
export class PairGraph {
  private readonly notes = new Map<number, PairNote | null>();

  constructor(
    private readonly profiles: readonly MatchProfile[],
    private readonly sourceOf: readonly string[],
    private readonly model: MatchModel,
  ) {}

  private key(i: number, j: number): number {
    return i < j ? i * this.profiles.length + j : j * this.profiles.length + i;
  }

  /** The note of a pair (null: same source), compared on first use. */
  note(i: number, j: number): PairNote | null {
    const key = this.key(i, j);
    let note = this.notes.get(key);
    if (note === undefined) {
      note = this.sourceOf[i] === this.sourceOf[j] ? null : noteOf(matchPair(this.profiles[i]!, this.profiles[j]!, this.model));
      this.notes.set(key, note);
    }
    return note;
  }

  /** Compare candidate pairs (distinct pairs of different sources) and keep the confident and weak edges, in merge order. */
  score(pairs: Iterable<readonly [number, number]>): MatchEdge[] {
    const edges: MatchEdge[] = [];
    for (const [i, j] of pairs) {
      const pair = matchPair(this.profiles[i]!, this.profiles[j]!, this.model);
      this.notes.set(this.key(i, j), noteOf(pair));
      const strength = Math.max(pair.probability, Math.min(pair.overlap.coverageA, pair.overlap.coverageB));
      if (pair.reason) edges.push({ i, j, strength, confident: true });
      else if (pair.related) edges.push({ i, j, strength, confident: false });
    }
    return edges.sort(byStrength);
  }
}

/**
 * Greedy average-linkage merging over the confident edges, strongest first:
 * two clusters merge when at least `linkage` of their cross-outlet pairs are
 * related and no reviewer marked a pair of them "not the same claim".
 * Returns the members of each cluster (indexes into `claims`).
 *
 * @param claims The claims (for reviewer constraints).
 * @param edges Edges in merge order (weak ones are skipped).
 * @param graph Pair notes, compared on demand.
 * @param options Linkage and reviewer constraints.
 */
export function mergeClusters(
  claims: readonly Claim[],
  edges: readonly MatchEdge[],
  graph: PairGraph,
  options: Pick<ClusterOptions, 'linkage' | 'cannotLink'> = {},
): number[][] {
  const linkage = options.linkage ?? 0.5;
  const clusterOf = claims.map((_, index) => index);
  const members = new Map<number, number[]>(claims.map((_, index) => [index, [index]]));
  for (const edge of edges) {
    if (!edge.confident) continue;
    const a = clusterOf[edge.i]!;
    const b = clusterOf[edge.j]!;
    if (a === b) continue;
    let related = 0;
    let count = 0;
    let forbidden = false;
    for (const x of members.get(a)!) {
      for (const y of members.get(b)!) {
        if (options.cannotLink?.(claims[x]!, claims[y]!)) forbidden = true;
        const pair = graph.note(x, y);
        if (pair === null) continue;
        count++;
        if (pair.related) related++;
      }
    }
    if (forbidden || count === 0 || related / count < linkage) continue;
    const [keep, drop] = members.get(a)!.length >= members.get(b)!.length ? [a, b] : [b, a];
    const merged = [...members.get(keep)!, ...members.get(drop)!];
    members.set(keep, merged);
    members.delete(drop);
    for (const index of merged) clusterOf[index] = keep;
  }
  return [...members.values()].map((indexes) => indexes.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/**
 * Clusters from merged members: claims in order, the central claim of clusters
 * of three or more, and "possibly related" links to other clusters (confident
 * pairs that could not merge count too).
 *
 * @param claims The claims.
 * @param members Members of each cluster (from `mergeClusters`), in order of their first member.
 * @param edges All edges, confident and weak.
 * @param graph Pair notes.
 */
export function assembleClusters(claims: readonly Claim[], members: readonly number[][], edges: readonly MatchEdge[], graph: PairGraph): Cluster[] {
  const clusterOf = new Int32Array(claims.length);
  members.forEach((indexes, cluster) => {
    for (const index of indexes) clusterOf[index] = cluster;
  });
  const related = new Map<number, Map<number, number>>();
  for (const edge of edges) {
    const a = clusterOf[edge.i]!;
    const b = clusterOf[edge.j]!;
    if (a === b) continue;
    for (const [from, to] of [
      [a, edge.j],
      [b, edge.i],
    ] as const) {
      const links = related.get(from) ?? new Map<number, number>();
      links.set(to, Math.max(links.get(to) ?? 0, edge.strength));
      related.set(from, links);
    }
  }
  return members.map((indexes, cluster): Cluster => {
    const links: RelatedLink[] = [...(related.get(cluster) ?? new Map<number, number>()).entries()]
      .map(([index, value]) => ({ claim: `${claims[index]!.sentence.source}#${claims[index]!.sentence.index}`, score: round(value) }))
      .sort((x, y) => y.score - x.score || (x.claim < y.claim ? -1 : 1));
    const result: Cluster = { claims: indexes.map((index) => claims[index]!), related: links };
    return indexes.length >= 3 ? { ...result, central: centralOf(indexes, graph) } : result;
  });
}

/** What clustering keeps of a compared pair. */
export interface PairNote {
  readonly related: boolean;
  /** The pair's share of a member's centrality: its match (1 or 0) + probability + smaller coverage. */
  readonly centrality: number;
}

function noteOf(pair: PairMatch): PairNote {
  return {
    related: pair.related,
    centrality: (pair.reason ? 1 : 0) + pair.probability + Math.min(pair.overlap.coverageA, pair.overlap.coverageB),
  };
}

/** Position (in `indexes`) of the member whose pairs with the others score highest. */
function centralOf(indexes: readonly number[], graph: PairGraph): number {
  let best = 0;
  let bestScore = -1;
  indexes.forEach((i, position) => {
    let score = 0;
    for (const j of indexes) {
      const pair = i === j ? null : graph.note(i, j);
      if (pair) score += pair.centrality;
    }
    if (score > bestScore) {
      best = position;
      bestScore = score;
    }
  });
  return best;
}

/** Blocking terms and the claims that have them, with each claim's weight for the term. */
export type Postings = Map<string, { readonly claims: number[]; readonly weights: number[] }>;

/**
 * The inverted index of blocking terms: terms at least `minBlockingWeight` rare in English.
 *
 * @param profiles Profiles of the claims.
 * @param options Blocking settings.
 */
export function postingsOf(profiles: readonly MatchProfile[], options: Pick<ClusterOptions, 'minBlockingWeight'> = {}): Postings {
  const minWeight = options.minBlockingWeight ?? 4;
  const postings: Postings = new Map();
  profiles.forEach((profile, index) => {
    profile.terms.terms.forEach((term, k) => {
      const weight = profile.terms.weights[k]!;
      if (weight < minWeight) return;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { claims: [], weights: [] }));
      list.claims.push(index);
      list.weights.push(weight);
    });
  });
  return postings;
}

/**
 * The most claims a blocking term may be in before it is too common to block on.
 *
 * @param claims Number of claims in the corpus.
 * @param options Blocking settings.
 */
export function maxPostingsFor(claims: number, options: Pick<ClusterOptions, 'maxTermShare' | 'maxTermClaims'> = {}): number {
  return Math.min(Math.max(50, Math.ceil(claims * (options.maxTermShare ?? 0.05))), options.maxTermClaims ?? 50);
}

/**
 * Candidate pairs by blocking: claims of different sources that share enough
 * informative terms (an inverted index over terms rare in English, skipping
 * terms too common in this corpus), which keeps the cost near-linear. The
 * shared weight of a pair counts its first claim's weights.
 *
 * @param postings Blocking terms of the claims.
 * @param sourceOf Source id of each claim.
 * @param options Blocking settings.
 * @param from Only pairs whose first claim is one of these (default: all claims).
 */
export function* candidatePairs(
  postings: Postings,
  sourceOf: readonly string[],
  options: ClusterOptions,
  from: Iterable<number> = sourceOf.keys(),
): Generator<[number, number]> {
  const minShared = options.minSharedWeight ?? 20;
  const maxPostings = maxPostingsFor(sourceOf.length, options);
  const termsOf = new Map<number, { term: string; weight: number }[]>();
  for (const [term, list] of postings) {
    if (list.claims.length > maxPostings) continue;
    list.claims.forEach((claim, k) => {
      let terms = termsOf.get(claim);
      if (!terms) termsOf.set(claim, (terms = []));
      terms.push({ term, weight: list.weights[k]! });
    });
  }
  // Sum each claim's weights in its own (alphabetical) term order, as floating-point sums depend on order.
  for (const terms of termsOf.values()) terms.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const shared = new Map<number, number>();
  for (const i of from) {
    shared.clear();
    for (const { term, weight } of termsOf.get(i) ?? []) {
      for (const j of postings.get(term)!.claims) {
        if (j <= i || sourceOf[j] === sourceOf[i]) continue;
        shared.set(j, (shared.get(j) ?? 0) + weight);
      }
    }
    for (const [j, weight] of shared) if (weight >= minShared) yield [i, j];
  }
}

/** A blocking term of a claim: the term, its weight in that claim, and the term's postings. */
export interface BlockingTerm {
  readonly term: string;
  readonly weight: number;
  readonly list: { readonly claims: readonly number[]; readonly weights: readonly number[] };
}

/**
 * The blocking terms of some claims: the terms in at most `maxPostings` claims
 * (those blocking uses), in alphabetical order, by claim.
 *
 * @param postings Blocking terms of all claims.
 * @param maxPostings Terms in more claims than this are too common to block on.
 * @param claims Indexes of the claims whose terms are wanted.
 */
export function blockingTermsOf(postings: Postings, maxPostings: number, claims: ReadonlySet<number>): Map<number, BlockingTerm[]> {
  const termsOf = new Map<number, BlockingTerm[]>();
  if (claims.size === 0) return termsOf;
  for (const [term, list] of postings) {
    if (list.claims.length > maxPostings) continue;
    list.claims.forEach((claim, k) => {
      if (!claims.has(claim)) return;
      let terms = termsOf.get(claim);
      if (!terms) termsOf.set(claim, (terms = []));
      terms.push({ term, weight: list.weights[k]!, list });
    });
  }
  for (const terms of termsOf.values()) terms.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return termsOf;
}

/**
 * The candidate pairs (`candidatePairs`) that involve at least one of `claims`,
 * with exactly the shared weights a full run computes: a pair's shared weight
 * counts its first claim's weights, summed in alphabetical term order. For
 * adding claims to a corpus without comparing the rest again.
 *
 * @param postings Blocking terms of all claims (the new ones included).
 * @param sourceOf Source id of each claim.
 * @param options Blocking settings.
 * @param claims Indexes of the claims whose pairs are wanted.
 */
export function* candidatePairsTouching(
  postings: Postings,
  sourceOf: readonly string[],
  options: ClusterOptions,
  claims: ReadonlySet<number>,
): Generator<[number, number]> {
  const minShared = options.minSharedWeight ?? 20;
  const termsOf = blockingTermsOf(postings, maxPostingsFor(sourceOf.length, options), claims);
  const shared = new Map<number, number>();
  for (const i of [...claims].sort((a, b) => a - b)) {
    shared.clear();
    for (const { weight, list } of termsOf.get(i) ?? []) {
      list.claims.forEach((j, k) => {
        // A pair of two of `claims` is counted once, from its first claim.
        if (j === i || sourceOf[j] === sourceOf[i] || (j < i && claims.has(j))) return;
        shared.set(j, (shared.get(j) ?? 0) + (j < i ? list.weights[k]! : weight));
      });
    }
    for (const [j, weight] of shared) if (weight >= minShared) yield j < i ? [j, i] : [i, j];
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
