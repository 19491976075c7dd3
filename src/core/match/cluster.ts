// cluster: claims (by index, with their profiles) → clusters of claims that state
// the same thing. The ONE clustering function: a full run calls it with no prior,
// the incremental re-check with the state of the run before and the indexes of
// the new claims; the result is the same either way. Candidate pairs come from
// blocking (blocking.ts); each is scored (pair.ts); confident pairs merge with
// average linkage, strongest first (no chaining of distinct claims); weaker ones
// become "possibly related" links. Greedy merging never crosses a connected group
// of confident edges, so an extension re-merges only the groups new claims join
// (or that lost an edge) and keeps every other cluster as it was.

import type { Claim, Cluster, RelatedLink } from '../../types.js';
import { isDenying } from '../claims/denial.js';
import { blockScopeOf, buildBlocking, canExtend, candidacyChecker, extendBlocking, pairsTouching, scopesKept, storyGateOf, type BlockingIndex, type StoryGate } from './blocking.js';
import type { ResolvedClusterOptions } from './options.js';
import { isVerbatimCopy, type MatchProfile, type PairMatch } from './pair.js';
import { comparePairBatch, gatedMatch, noteOf, PAIR_SLOTS, PairBits, PairGateCode, type PairComparer, type PairNote } from './pair-batch.js';
import { PairCode, PairTable } from './pair-table.js';
import { GramTable, type MatchModel } from './similarity.js';
import { forgetMatchMemos, forgetMemosOf } from './memo.js';

/** The claims to cluster, by index: called only for the claims a call compares or re-clusters. */
export interface ClusterInput {
  /** Source id of every claim, in claim order (claims of one source are never compared). */
  readonly sourceOf: readonly string[];
  /** The claim at an index. */
  readonly claimAt: (index: number) => Claim;
  /** Its match profile. */
  readonly profileAt: (index: number) => MatchProfile;
  /**
   * Whether two sources (by id) are about one story (optional; default: every pair):
   * `true` one story, `false` two, `'near'` not sure. Claims of sources in different
   * stories match only when they are near-copies (`isCopyPair`); of near stories, also
   * when their identities agree (a positive `identity.score`). A relation of the two
   * sources alone (see `storyGate`).
   */
  readonly sameStory?: ((sourceA: string, sourceB: string) => boolean | 'near') & {
    /** The story of a source (`storyGate` gives it): blocking terms are counted and shared per story (`BlockScope`). */
    readonly storyOf?: (source: string) => string | undefined;
  };
}

/** A compared pair worth keeping: it matched (confident) or is possibly related (weak). */
export interface MatchEdge {
  readonly i: number;
  readonly j: number;
  /** Order of merging: the larger of the paraphrase probability and the smaller coverage. */
  readonly strength: number;
  readonly confident: boolean;
}

/** What a clustering call leaves for the next one: plain data (the engine stores it). */
export interface ClusterState {
  readonly blocking: BlockingIndex;
  /** Confident and weak edges, in merge order. */
  readonly edges: readonly MatchEdge[];
}

/** The state of an earlier call, for extending it with new claims. */
export interface ClusterPrior {
  readonly state: ClusterState;
  /** Members of each earlier cluster, already renumbered to the current claim indexes. */
  readonly members: readonly (readonly number[])[];
  /** Indexes of the claims added since, ascending; every other claim was in the earlier call. */
  readonly fresh: readonly number[];
}

/** A cluster made by a call, with its members. */
export interface MadeCluster {
  /** Claim indexes, ascending. */
  readonly members: readonly number[];
  readonly cluster: Cluster;
}

/** The result of `cluster()`. */
export interface ClusterResult {
  readonly state: ClusterState;
  /** Clusters made (or made again) by this call, in order of their first member. */
  readonly made: readonly MadeCluster[];
  /** Positions in `prior.members` of the earlier clusters that stay as they were. */
  readonly kept: readonly number[];
}

/** Settings of one call that are not matching options. */
export interface ClusterCall {
  /** Whether made clusters get "possibly related" links (default: true; they may need claims outside them). */
  readonly related?: boolean;
  /** Compares the candidate pairs of the call (default: on this thread; see pair-batch.ts: the result is the same). */
  readonly comparePairs?: PairComparer;
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
 * at least `linkage` (0.34) of the cross pairs of the two clusters to be related
 * (average linkage), so distinct claims do not chain together. With a `prior` (an earlier call's
 * state and clusters, and the claims added since), only the groups of matches
 * the new claims join are clustered again; the result is what a call without a
 * prior gives.
 *
 * @param input The claims, by index.
 * @param options Resolved matching options.
 * @param prior An earlier call to extend (optional).
 * @param call Whether to make related links (optional).
 */
export function cluster(input: ClusterInput, options: ResolvedClusterOptions, prior?: ClusterPrior, call: ClusterCall = {}): ClusterResult {
  const total = input.sourceOf.length;
  // Blocking terms are counted and shared within a story: a story's candidates depend on its claims alone.
  const scopeOf = blockScopeOf(input.sourceOf, input.sameStory);
  const usable = prior !== undefined && canExtend(prior.state.blocking, total, options) && scopesKept(prior.state.blocking, scopeOf, options);
  const fresh = usable ? prior.fresh : Array.from({ length: total }, (_, index) => index);
  const graph = new PairGraph(input.profileAt, input.sourceOf, options.model, storyGateOf(input.sourceOf, input.sameStory, input.profileAt, options));

  // Blocking: the earlier index extended with the new claims, or built anew.
  const extension = usable
    ? extendBlocking(prior.state.blocking, fresh, input.profileAt, options, scopeOf)
    : { index: buildBlocking(Array.from({ length: total }, (_, index) => input.profileAt(index)), options, scopeOf), dirty: new Set<number>() };
  const { index: blocking, dirty } = extension;

  // New candidate pairs; earlier edges between claims that lost a shared term are kept only if still candidates.
  // A claim's memos (memo.ts) go once its candidate pairs are all scored, that is after the batch that holds
  // its last pair; the few pairs merging compares later make them again.
  // Its n-gram sets (the call's GramTable) go too once the last probed claim with the same terms has been scored
  // (word-for-word copies share one Terms object).
  const lastOfTerms = lastClaimsOfTerms(fresh, input.profileAt, total);
  const scoredClaims: number[] = [];
  const forgetScored = () => {
    for (const claim of scoredClaims) {
      const profile = input.profileAt(claim);
      forgetMemosOf(profile, profile.identity, profile.terms);
      if (lastOfTerms[claim]) graph.forget(profile.terms);
    }
    scoredClaims.length = 0;
  };
  const candidates = pairsTouching(blocking, input.sourceOf, options, new Set(fresh), input.profileAt, scopeOf, (claim) => scoredClaims.push(claim));
  const newEdges = graph.score(candidates, call.comparePairs, forgetScored);
  const oldEdges = usable ? prior.state.edges : [];
  const stillCandidate = dirty.size > 0 ? candidacyChecker(blocking, dirty, options, input.profileAt) : () => true;
  const dropped = new Set(oldEdges.filter((edge) => dirty.has(edge.i) && dirty.has(edge.j) && !stillCandidate(edge.i, edge.j)));
  const edges = [...oldEdges.filter((edge) => !dropped.has(edge)), ...newEdges].sort(byStrength);

  // The groups of confident matches to cluster again: those the new claims join, and those that lost a confident edge.
  const before = new UnionFind(total);
  for (const edge of oldEdges) if (edge.confident) before.union(edge.i, edge.j);
  const broken = new Set([...dropped].filter((edge) => edge.confident).map((edge) => before.find(edge.i)));
  const groups = new UnionFind(total);
  for (const edge of edges) if (edge.confident) groups.union(edge.i, edge.j);
  const touched = new Set(fresh.map((index) => groups.find(index)));
  const affected = new Uint8Array(total);
  const members: number[] = [];
  for (let index = 0; index < total; index++) {
    if (touched.has(groups.find(index)) || broken.has(before.find(index))) {
      affected[index] = 1;
      members.push(index);
    }
  }

  const made = clusterGroups(members, edges, graph, input, affected, options, call.related ?? true);
  // The per-claim memos of this call's comparisons (memo.ts) go with it: judging and the report never read them.
  forgetMatchMemos();
  const kept = usable ? prior.members.flatMap((cluster, position) => (affected[cluster[0]!] ? [] : [position])) : [];
  return { state: { blocking, edges }, made, kept };
}

/**
 * 1 for each of `claims` (ascending) that is the last of them with its `Terms` object, by claim index.
 *
 * @param claims Claim indexes, ascending.
 * @param profileAt Profile of a claim.
 * @param total Number of claims.
 */
function lastClaimsOfTerms(claims: readonly number[], profileAt: (index: number) => MatchProfile, total: number): Uint8Array {
  const last = new Uint8Array(total);
  const seen = new Set<object>();
  for (let k = claims.length - 1; k >= 0; k--) {
    const terms = profileAt(claims[k]!).terms;
    if (seen.has(terms)) continue;
    seen.add(terms);
    last[claims[k]!] = 1;
  }
  return last;
}

/**
 * Cluster the claims `members` (whole groups of confident edges: one connected
 * component, several, or all of them): average-linkage merging over their
 * confident edges (`mergeClusters`), then the clusters with their central claim
 * and "possibly related" links (`assembleClusters`). What `cluster()` does after
 * scoring, and what a distributed run does for each component (src/engine/stage.ts).
 *
 * @param members Claim indexes, ascending, closed under confident edges.
 * @param edges Edges touching them (others are ignored), in merge order (`byStrength`).
 * @param graph The pairs compared, for the notes of pairs without an edge.
 * @param input The claims, by index (links need only the ids of claims outside `members`).
 * @param affected 1 for each of `members`, by claim index.
 * @param options Linkage and reviewer decisions.
 * @param withRelated Whether to make "possibly related" links.
 */
export function clusterGroups(
  members: readonly number[],
  edges: readonly MatchEdge[],
  graph: PairGraph,
  input: ClusterInput,
  affected: Uint8Array,
  options: Pick<ResolvedClusterOptions, 'linkage' | 'denialLinkage' | 'cannotLink'>,
  withRelated: boolean,
): MadeCluster[] {
  const merged = mergeClusters(members, edges, graph, input, options);
  return assembleClusters(merged, edges, graph, input, affected, withRelated);
}

/**
 * Candidate pairs compared per batch (`PairGraph.score`): small enough that the
 * memos and n-gram sets of the claims a batch finishes, forgotten after it, are
 * mostly still in the young generation (65,536 pairs had them promoted first: at
 * 1,000 rewrites the old generation grew 108 MB while clustering, 48 MB now).
 */
const SCORE_BATCH = 1 << 12;

/**
 * The pairs compared in one call, by claim index: what clustering needs of each
 * (a small note rather than the whole PairMatch keeps memory low on large
 * corpora), and the n-gram memo of the call's comparisons.
 */
export class PairGraph {
  private readonly notes = new PairTable();
  private readonly table = new GramTable();

  /**
   * @param profileAt Profile of a claim.
   * @param sourceOf Source id of every claim.
   * @param model Matching model.
   * @param scoredFirst Pairs `score()` was given in another call (a distributed run's
   *   pairs stage): compared as `score()` compares them, first claim first (optional).
   */
  constructor(
    private readonly profileAt: (index: number) => MatchProfile,
    private readonly sourceOf: readonly string[],
    private readonly model: MatchModel,
    /** What the story gate lets a pair do (`storyGateOf`); pairs it keeps apart are neither matched nor related. */
    private readonly gate?: (i: number, j: number) => StoryGate,
    private readonly scoredFirst?: (i: number, j: number) => boolean,
  ) {}

  /** Let go of the n-gram sets of some terms (made again if a later comparison needs them): call between batches. */
  forget(terms: MatchProfile['terms']): void {
    this.table.forget(terms);
  }

  /** The pair compared, or null when the story gate keeps it apart. */
  private gated(i: number, j: number): PairMatch | null {
    const gate = this.gate?.(i, j) ?? 'open';
    if (gate === 'closed') return null;
    return gatedMatch(this.profileAt(i), this.profileAt(j), gate === 'open' ? PairGateCode.Open : PairGateCode.Identity, this.model, this.table);
  }

  /** Keep a compared pair's note (a pair of one source is held as such); its slot. */
  private keep(i: number, j: number, pair: PairMatch | null): number {
    if (pair === null) return this.notes.set(i, j, PairCode.SameSource, 0);
    const note = noteOf(pair);
    return this.notes.set(i, j, note.related ? PairCode.Related : PairCode.Unrelated, note.centrality);
  }

  /** The slot of a pair's note, compared on first use. */
  private slotOf(i: number, j: number): number {
    const at = this.notes.find(i, j);
    if (at !== -1) return at;
    if (this.sourceOf[i] === this.sourceOf[j]) return this.keep(i, j, null);
    const ordered = i > j && this.scoredFirst?.(j, i) === true;
    const pair = ordered ? this.gated(j, i) : this.gated(i, j);
    return pair ? this.keep(i, j, pair) : this.notes.set(i, j, PairCode.Unrelated, 0);
  }

  /** The note of a pair (null: same source), compared on first use. */
  note(i: number, j: number): PairNote | null {
    const at = this.slotOf(i, j);
    const code = this.notes.codeAt(at);
    return code === PairCode.SameSource ? null : { related: code === PairCode.Related, centrality: this.notes.valueAt(at) };
  }

  /** Whether a pair is related: 1, 0, or -1 for a pair of one source (compared on first use). */
  relation(i: number, j: number): -1 | 0 | 1 {
    const code = this.notes.codeAt(this.slotOf(i, j));
    return code === PairCode.SameSource ? -1 : code === PairCode.Related ? 1 : 0;
  }

  /** A pair's share of a member's centrality (0 for a pair of one source; compared on first use). */
  centrality(i: number, j: number): number {
    return this.notes.valueAt(this.slotOf(i, j));
  }

  /**
   * Compare candidate pairs (distinct pairs of different sources) and keep the confident and weak edges, in merge order:
   * the pairs the story gate lets through are compared as one batch (pair-batch.ts), by `compare` when given;
   * `afterBatch` runs after each batch is compared.
   */
  score(pairs: Iterable<readonly [number, number]>, compare?: PairComparer, afterBatch?: () => void): MatchEdge[] {
    const edges: MatchEdge[] = [];
    // Batches of a bounded size: the pairs of a large corpus are never all held at once.
    const batch = new Int32Array(3 * SCORE_BATCH);
    const out = new Float64Array(PAIR_SLOTS * SCORE_BATCH);
    let count = 0;
    const flush = (last: boolean) => {
      const gated = batch.subarray(0, 3 * count);
      const numbers = out.subarray(0, PAIR_SLOTS * count);
      const here = (from: number, to: number, target: Float64Array) => comparePairBatch(this.profileAt, this.model, this.table, gated, from, to, target);
      if (compare) compare(gated, numbers, this.model, here, last);
      else here(0, count, numbers);
      for (let k = 0; k < count; k++) {
        const [i, j] = [gated[3 * k]!, gated[3 * k + 1]!];
        const bits = numbers[PAIR_SLOTS * k]!;
        if (!(bits & PairBits.Kept)) {
          this.notes.set(i, j, PairCode.Unrelated, 0);
          continue;
        }
        this.notes.set(i, j, bits & PairBits.Related ? PairCode.Related : PairCode.Unrelated, numbers[PAIR_SLOTS * k + 1]!);
        const strength = numbers[PAIR_SLOTS * k + 2]!;
        if (bits & PairBits.Confident) edges.push({ i, j, strength, confident: true });
        else if (bits & PairBits.Weak) edges.push({ i, j, strength, confident: false });
      }
      count = 0;
      afterBatch?.();
    };
    for (const [i, j] of pairs) {
      const gate = this.gate?.(i, j) ?? 'open';
      if (gate === 'closed') {
        this.notes.set(i, j, PairCode.Unrelated, 0);
        continue;
      }
      batch[3 * count] = i;
      batch[3 * count + 1] = j;
      batch[3 * count + 2] = gate === 'open' ? PairGateCode.Open : PairGateCode.Identity;
      if (++count === SCORE_BATCH) flush(false);
    }
    flush(true);
    return edges.sort(byStrength);
  }
}

/**
 * Greedy average-linkage merging over the confident edges among `indexes`,
 * strongest first, the edges of word-for-word copies (`isVerbatimCopy`) before
 * all others: two clusters merge when at least `linkage` of their
 * cross-outlet pairs are related and no reviewer marked a pair of them "not the
 * same claim". A cluster whose members all deny (`isDenying`: "X did not do Y",
 * "Y is a hoax") merges with one that states what they deny at the lower bar
 * `denialLinkage`, when the confident pair that merges them is a denial and a
 * statement: denials of one claim match each other better than the claim, and
 * would otherwise stay a cluster of their own beside it. Returns the members of
 * each cluster, in order of their first member.
 */
export function mergeClusters(
  indexes: readonly number[],
  edges: readonly MatchEdge[],
  graph: PairGraph,
  input: ClusterInput,
  options: Pick<ResolvedClusterOptions, 'linkage' | 'denialLinkage' | 'cannotLink'>,
): number[][] {
  // Cluster of each claim among `indexes` (-1: not clustered by this call).
  const clusterOf = new Int32Array(input.sourceOf.length).fill(-1);
  for (const index of indexes) clusterOf[index] = index;
  const members = new Map<number, number[]>(indexes.map((index) => [index, [index]]));
  const denying = new Map<number, boolean>();
  // `isDenying` reads only a claim's text and negation: copies of one sentence (outlet rewrites) are scanned once.
  const denyingText = new Map<string, boolean>();
  const denies = (index: number): boolean => {
    let value = denying.get(index);
    if (value === undefined) {
      const claim = input.claimAt(index);
      const key = `${claim.negation.negated ? 1 : 0}${claim.sentence.plain}`;
      value = denyingText.get(key);
      if (value === undefined) denyingText.set(key, (value = isDenying(claim)));
      denying.set(index, value);
    }
    return value;
  };
  // A cluster of denials meets the claim they deny: the edge pairs a denial with a statement, one side all denials, the other not.
  const joinsDenied = (edge: MatchEdge, a: readonly number[], b: readonly number[]): boolean =>
    denies(edge.i) !== denies(edge.j) && a.every(denies) !== b.every(denies);
  const merge = (edge: MatchEdge): void => {
    const a = clusterOf[edge.i]!;
    const b = clusterOf[edge.j]!;
    if (a === -1 || b === -1 || a === b) return;
    let related = 0;
    let count = 0;
    let forbidden = false;
    for (const x of members.get(a)!) {
      for (const y of members.get(b)!) {
        if (options.cannotLink?.(input.claimAt(x), input.claimAt(y))) forbidden = true;
        const relation = graph.relation(x, y);
        if (relation === -1) continue;
        count++;
        related += relation;
      }
    }
    if (forbidden || count === 0) return;
    if (related / count < options.linkage && !(related / count >= options.denialLinkage && joinsDenied(edge, members.get(a)!, members.get(b)!))) return;
    const [keep, drop] = members.get(a)!.length >= members.get(b)!.length ? [a, b] : [b, a];
    const merged = [...members.get(keep)!, ...members.get(drop)!];
    members.set(keep, merged);
    members.delete(drop);
    for (const index of merged) clusterOf[index] = keep;
  };
  // Word-for-word copies first (one claim, wire copy), so that a copy never waits for a look-alike that took its place; then every confident edge.
  const isCopyEdge = (edge: MatchEdge) => clusterOf[edge.i] !== -1 && clusterOf[edge.j] !== -1 && isVerbatimCopy(input.profileAt(edge.i), input.profileAt(edge.j));
  for (const edge of edges) if (edge.confident && isCopyEdge(edge)) merge(edge);
  for (const edge of edges) if (edge.confident) merge(edge);
  return [...members.values()].map((list) => list.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/**
 * Clusters from merged members: claims in order, the central claim of clusters
 * of three or more, and "possibly related" links to claims of other clusters
 * (confident pairs that could not merge count too).
 */
export function assembleClusters(
  merged: readonly number[][],
  edges: readonly MatchEdge[],
  graph: PairGraph,
  input: ClusterInput,
  affected: Uint8Array,
  withRelated: boolean,
): MadeCluster[] {
  const clusterOf = new Map<number, number>();
  merged.forEach((indexes, position) => {
    for (const index of indexes) clusterOf.set(index, position);
  });
  const related = new Map<number, Map<number, number>>();
  if (withRelated) {
    for (const edge of edges) {
      if (!affected[edge.i] && !affected[edge.j]) continue;
      const a = clusterOf.get(edge.i);
      const b = clusterOf.get(edge.j);
      if (a === b) continue;
      for (const [from, to] of [
        [a, edge.j],
        [b, edge.i],
      ] as const) {
        if (from === undefined) continue;
        const links = related.get(from) ?? new Map<number, number>();
        links.set(to, Math.max(links.get(to) ?? 0, edge.strength));
        related.set(from, links);
      }
    }
  }
  return merged.map((indexes, position): MadeCluster => {
    const links: RelatedLink[] = [...(related.get(position) ?? new Map<number, number>()).entries()]
      .map(([index, value]) => {
        const sentence = input.claimAt(index).sentence;
        return { claim: `${sentence.source}#${sentence.index}`, score: round(value) };
      })
      .sort((x, y) => y.score - x.score || (x.claim < y.claim ? -1 : 1));
    const result: Cluster = { claims: indexes.map((index) => input.claimAt(index)), related: links };
    return { members: indexes, cluster: indexes.length >= 3 ? { ...result, central: centralOf(indexes, graph) } : result };
  });
}


/** Position (in `indexes`) of the member whose pairs with the others score highest. */
function centralOf(indexes: readonly number[], graph: PairGraph): number {
  let best = 0;
  let bestScore = -1;
  indexes.forEach((i, position) => {
    let score = 0;
    for (const j of indexes) {
      if (i !== j) score += graph.centrality(i, j);
    }
    if (score > bestScore) {
      best = position;
      bestScore = score;
    }
  });
  return best;
}

/** Disjoint sets over claim indexes. */
class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size).map((_, index) => index);
  }

  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[index] !== root) {
      const next = this.parent[index]!;
      this.parent[index] = root;
      index = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const [x, y] = [this.find(a), this.find(b)];
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
