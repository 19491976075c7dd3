// stage: the pipeline cut into stages that take and give JSON records, so that a
// distributed engine (engines/dask/run.py) can run them as maps and shuffles:
// list (paths → files), analyze (file → its analysis and blocking keys), plan
// (small per-source records → kept sources, final ids, the blocking cap), pairs
// (one block → scored edges), judge (one connected component → findings) and
// finish (findings with resolved links → the lines of `export --format jsonl`).
// Every stage calls the functions `export` runs (analyzeSource, settleSources,
// PairGraph.score, clusterGroups, judgeClusters, linkedFinding, renderJsonl).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSource, proseKeyOf, settleSources } from '../core/parse.js';
import { analyzeSource, compareFindings, judgeClusters, linkedFinding, reviewPredicates, storyProfileOf, withStories, type Review } from '../core/report.js';
import { storyGate, type StoryProfile } from '../core/stories.js';
import { byStrength, clusterGroups, PairGraph, type ClusterInput, type MatchEdge } from '../core/match/cluster.js';
import { storyGateOf } from '../core/match/blocking.js';
import { blockCap, blockKeysOf, blockPairs, candidateChecker, type BlockClaim, type BlockKeys } from '../core/match/blocks.js';
import { resolveClusterOptions, type ResolvedClusterOptions } from '../core/match/options.js';
import type { MatchProfile } from '../core/match/pair.js';
import { escapedJson } from '../render/sanitize.js';
import { renderJsonl } from '../render/json.js';
import type { ClaimReviewDecision } from '../ledger/reviews.js';
import type { Claim, Diagnostic, Finding, Report, Source } from '../types.js';
import { decodeAnalysis, encodeAnalysis } from './codec.js';
import { findSourceFiles, MAX_FILE_BYTES } from './files.js';

/** A profile as the row codec stores it, or as plain JSON when the codec cannot store it exactly. */
export type ProfileRecord = { readonly row: unknown } | { readonly json: MatchProfile };

/** What `stage analyze` gives for one file. */
export interface AnalyzeRecord {
  readonly path: string;
  /** Source id (null: the file is not a usable source; see `diagnostics`). */
  readonly id: string | null;
  readonly outlet?: string;
  /** What makes two sources the same article (`proseKeyOf`). */
  readonly prose?: string;
  readonly sentences?: number;
  readonly claims?: readonly Claim[];
  readonly profiles?: readonly ProfileRecord[];
  /** Blocking keys of each claim. */
  readonly keys?: readonly BlockKeys[];
  /** The source's story profile (`storyProfileOf`): what `plan` gives the story gate and the stories. */
  readonly story?: StoryProfile;
  readonly diagnostics: readonly Diagnostic[];
}

/** The default settings of a run: what `export` matches with. */
export function stageOptions(): ResolvedClusterOptions {
  return resolveClusterOptions();
}

/**
 * The source files under `paths`, in the order `export` reads them.
 *
 * @param paths Files or folders.
 * @param cwd Working folder.
 */
export async function listStage(paths: readonly string[], cwd: string): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  return findSourceFiles(paths, cwd);
}

const DUMMY_SOURCE = { id: '', path: '', meta: { outlet: '' }, text: '', hash: '', blocks: [] } as unknown as Source;
const DUMMY_CLAIM_ROW = [0, 0, 'paragraph', [1, 1, 0, 1, 1, 0], null, false, 0, '', [], [], false, null, null];

/** A profile record (`ProfileRecord`) read back. */
export function profileFrom(record: ProfileRecord): MatchProfile {
  if ('json' in record) return record.json;
  const data = decodeAnalysis({ sentences: 1, claims: [DUMMY_CLAIM_ROW], profiles: [record.row] }, DUMMY_SOURCE);
  if (!data) throw new Error('stage: a profile record of another shape');
  return data.profiles[0]!;
}

/**
 * Analyse one file (as `export` does: parse, then `analyzeSource`), with the
 * blocking keys of its claims.
 *
 * @param file Path as listed (relative to `cwd`).
 * @param cwd Working folder.
 * @param id The source's id when the run settled on another one (a clash of file names).
 * @param options Blocking settings.
 */
export function analyzeStage(file: string, cwd: string, id: string | undefined, options: ResolvedClusterOptions = stageOptions()): AnalyzeRecord {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.resolve(cwd, file));
  } catch (error) {
    return { path: file, id: null, diagnostics: [{ file, place: { line: 1, column: 1 }, message: `cannot read: ${(error as Error).message}`, ruleId: 'unreadable', severity: 'error' }] };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return { path: file, id: null, diagnostics: [{ file, place: { line: 1, column: 1 }, message: 'file is too large: not read', ruleId: 'too-large', severity: 'error' }] };
  }
  const parsed = parseSource(file, bytes);
  if (!parsed.source) return { path: file, id: null, diagnostics: parsed.diagnostics };
  const source = id !== undefined && id !== parsed.source.id ? { ...parsed.source, id } : parsed.source;
  const analysis = analyzeSource(source);
  const stored = encodeAnalysis(analysis, source);
  return {
    path: source.path,
    id: source.id,
    outlet: source.meta.outlet,
    prose: proseKeyOf(source),
    sentences: analysis.sentences,
    claims: analysis.claims,
    profiles: analysis.profiles.map((profile, k) => (stored ? { row: stored.profiles[k] } : { json: profile })),
    keys: analysis.profiles.map((profile) => blockKeysOf(profile, options)),
    story: analysis.story ?? storyProfileOf(source),
    diagnostics: parsed.diagnostics,
  };
}

/** What `stage plan` takes of each usable source, in listing order. */
export interface PlanSource {
  readonly path: string;
  readonly id: string;
  readonly outlet: string;
  readonly prose: string;
  readonly claims: number;
  /** Its story profile (`AnalyzeRecord.story`). */
  readonly story: StoryProfile;
}

/** What `stage plan` gives: the sources kept, with their final ids, and the blocking cap. */
export interface Plan {
  readonly sources: readonly { readonly path: string; readonly id: string }[];
  /** Claims of the kept sources. */
  readonly claims: number;
  /** Terms in more claims than this are not blocked on (`maxPostingsFor`). */
  readonly maxPostings: number;
  /** Story profile of each kept source, in order, under its final id: give it to `pairs`, `judge` and `finish` (`--stories`). */
  readonly stories: readonly StoryProfile[];
  /** The story of each kept source, by id: blocking terms are counted (for `maxPostings`) per story. */
  readonly storyOf: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The corpus-wide step over small per-source records: duplicates dropped and ids
 * made unique (`settleSources`), the claim count, the blocking cap and the story
 * profiles of the kept sources (the story gate of `pairs` and `judge`, the stories of `finish`).
 *
 * @param sources Usable sources in listing order.
 * @param options Blocking settings.
 */
export function planStage(sources: readonly PlanSource[], options: ResolvedClusterOptions = stageOptions()): Plan {
  // settleSources looks at a source's prose only through proseKeyOf: a block holding the key stands for it.
  const stand = sources.map((source) => ({ id: source.id, path: source.path, meta: { outlet: source.outlet }, text: '', hash: '', blocks: [{ kind: 'paragraph', text: source.prose, runs: [] }] }) as unknown as Source);
  const claimsOf = new Map(sources.map((source) => [source.path, source.claims]));
  const settled = settleSources(stand);
  const kept = settled.sources.map((source) => ({ path: source.path, id: source.id }));
  const claims = kept.reduce((sum, source) => sum + (claimsOf.get(source.path) ?? 0), 0);
  const storyOf = new Map(sources.map((source) => [source.path, source.story]));
  const stories = kept.map((source) => ({ ...storyOf.get(source.path)!, id: source.id }));
  const gate = storyGate(stories);
  const storyNames = Object.fromEntries(kept.map((source) => [source.id, gate.storyOf(source.id) ?? source.id]));
  return { sources: kept, claims, maxPostings: blockCap(claims, options), stories, storyOf: storyNames, diagnostics: settled.diagnostics };
}

/** A claim in a block record: its corpus index, source, profile and capped blocking terms. */
export interface BlockClaimRecord {
  readonly index: number;
  readonly source: string;
  readonly profile: ProfileRecord;
  readonly capped: readonly string[];
}

/** An edge as the stages pass it: `[i, j, strength, confident]`, corpus indexes, i < j. */
export type EdgeRecord = readonly [number, number, number, boolean];

/**
 * Score the candidate pairs one block owns (`blockPairs`) with `PairGraph.score`, as `cluster()` does.
 *
 * @param block Kind and term of the block, and its claims.
 * @param options Matching settings.
 * @param sameStory The story relation of the run's sources (optional).
 */
export function pairsStage(
  block: { readonly kind: 'terms' | 'copies'; readonly term: string; readonly claims: readonly BlockClaimRecord[] },
  options: ResolvedClusterOptions = stageOptions(),
  sameStory?: ClusterInput['sameStory'],
): EdgeRecord[] {
  const claims = [...block.claims].sort((a, b) => a.index - b.index).map((claim): BlockClaim => ({ ...claim, profile: profileFrom(claim.profile) }));
  const pairs = blockPairs({ kind: block.kind, term: block.term, claims }, options);
  if (pairs.length === 0) return [];
  // Local indexes in corpus order, so that pairs are compared first claim first, as in cluster().
  const local = new Map(claims.map((claim, k) => [claim.index, k]));
  const sourceOf = claims.map((claim) => claim.source);
  const profileAt = (k: number) => claims[k]!.profile;
  const graph = new PairGraph(profileAt, sourceOf, options.model, storyGateOf(sourceOf, sameStory, profileAt, options));
  return graph.score(pairs.map(([i, j]) => [local.get(i)!, local.get(j)!] as const)).map((edge) => [claims[edge.i]!.index, claims[edge.j]!.index, edge.strength, edge.confident]);
}

/** A claim of a component, as `stage judge` takes it. */
export interface JudgeClaimRecord extends BlockClaimRecord {
  readonly path: string;
  readonly claim: Claim;
}

/** One connected component of confident edges: its claims, its edges and the weak edges leaving it. */
export interface ComponentRecord {
  readonly claims: readonly JudgeClaimRecord[];
  /** Edges between its claims, and weak edges to claims outside it. */
  readonly edges: readonly EdgeRecord[];
  /** Claim id (`source#index`) of each claim outside it that an edge reaches, by corpus index. */
  readonly outside: Readonly<Record<string, string>>;
}

/** A finding of `stage judge`, before its links are resolved to finding ids. */
export interface JudgedRecord {
  readonly finding: Finding;
  /** Claim ids (`source#index`) of its mentions. */
  readonly claims: readonly string[];
  /** Its "possibly related" links to claims, with scores. */
  readonly links: readonly (readonly [string, number])[];
}

/**
 * Cluster and judge one component as `export` does (`clusterGroups`, `judgeClusters`).
 *
 * @param component Its claims and edges.
 * @param review Reviewer decisions of the ledger.
 * @param options Matching settings.
 * @param sameStory The story relation of the run's sources (`storyGate` of the plan's story profiles).
 */
export function judgeStage(
  component: ComponentRecord,
  review: Review | undefined,
  options: ResolvedClusterOptions = stageOptions(),
  sameStory?: ClusterInput['sameStory'],
): JudgedRecord[] {
  const { cannotLink, isUpdate } = reviewPredicates(review);
  const members = [...component.claims].sort((a, b) => a.index - b.index);
  const outsideIndexes = Object.keys(component.outside).map(Number);
  const all = [...members.map((claim) => claim.index), ...outsideIndexes].sort((a, b) => a - b);
  const local = new Map(all.map((index, k) => [index, k]));
  const memberAt = new Map(members.map((claim) => [local.get(claim.index)!, claim]));
  const profiles = new Map<number, MatchProfile>();
  const profileAt = (k: number) => {
    let profile = profiles.get(k);
    if (!profile) profiles.set(k, (profile = profileFrom(memberAt.get(k)!.profile)));
    return profile;
  };
  const outsideClaim = (index: number): Claim => {
    const id = component.outside[String(index)]!;
    const at = id.lastIndexOf('#');
    return { sentence: { source: id.slice(0, at), index: Number(id.slice(at + 1)) } } as unknown as Claim;
  };
  const claimAt = (k: number) => memberAt.get(k)?.claim ?? outsideClaim(all[k]!);
  const input: ClusterInput = { sourceOf: all.map((_, k) => claimAt(k).sentence.source), claimAt, profileAt, ...(sameStory ? { sameStory } : {}) };
  const candidate = candidateChecker(options);
  const blockClaims = new Map<number, BlockClaim>();
  const blockClaim = (k: number): BlockClaim => {
    let claim = blockClaims.get(k);
    if (!claim) blockClaims.set(k, (claim = { index: all[k]!, source: input.sourceOf[k]!, profile: profileAt(k), capped: memberAt.get(k)!.capped }));
    return claim;
  };
  const graph = new PairGraph(profileAt, input.sourceOf, options.model, storyGateOf(input.sourceOf, input.sameStory, profileAt, options), (i, j) => memberAt.has(i) && memberAt.has(j) && candidate(blockClaim(i), blockClaim(j)));
  const edges: MatchEdge[] = component.edges.map(([i, j, strength, confident]) => ({ i: local.get(i)!, j: local.get(j)!, strength, confident })).sort(byStrength);
  const indexes = members.map((claim) => local.get(claim.index)!);
  const affected = new Uint8Array(all.length);
  for (const k of indexes) affected[k] = 1;
  const made = clusterGroups(indexes, edges, graph, input, affected, { linkage: options.linkage, denialLinkage: options.denialLinkage, cannotLink }, true);
  const pathOf = new Map(members.map((claim) => [claim.source, claim.path]));
  const findings = judgeClusters(made, pathOf, isUpdate);
  return made.map((item, k) => ({
    finding: findings[k]!,
    claims: item.cluster.claims.map((claim) => `${claim.sentence.source}#${claim.sentence.index}`),
    links: item.cluster.related.map((link) => [link.claim, link.score] as const),
  }));
}

/** A finding with its links resolved to finding ids, as `stage finish` takes it. */
export interface LinkedRecord {
  readonly finding: Finding;
  /** Best score of each other finding linked to. */
  readonly related: readonly (readonly [string, number])[];
}

/**
 * The lines `export --format jsonl` prints: findings with their links
 * (`linkedFinding`), in report order (`compareFindings`), with reviewers' confirmations.
 *
 * @param records Findings in any order.
 * @param reviews Reviewers' decisions by finding, given the findings in order.
 * @param stories The plan's story profiles (`Plan.stories`): each finding names its story.
 */
export function* finishStage(
  records: readonly LinkedRecord[],
  reviews: (findings: readonly Finding[]) => ReadonlyMap<string, ClaimReviewDecision>,
  stories?: readonly StoryProfile[],
): Generator<string> {
  const sorted = records.map((record) => linkedFinding(record.finding, new Map(record.related))).sort(compareFindings);
  const findings = stories ? withStories(stories, sorted).findings : sorted;
  const report = { schemaVersion: 1, sources: [], claims: findings, diagnostics: [] } as Report;
  yield* escapedJson(renderJsonl(report, reviews(findings)));
}

/**
 * The story relation of a run (`ClusterInput.sameStory`) from the plan's story profiles.
 *
 * @param stories `Plan.stories`.
 */
export function storyRelationOf(stories: readonly StoryProfile[] | undefined): ClusterInput['sameStory'] {
  return stories ? storyGate(stories) : undefined;
}
