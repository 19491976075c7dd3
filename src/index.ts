// The library: the same functions the CLI uses. `crossReference` reads like
// alex's core() or Vale's main.go: load → segment → extract → match → judge.

import path from 'node:path';
import { analyzeAll, sourceParser, type AnalyzeOptions, type SourceAnalysis } from './analyze.js';
import { claimKey, judgeCluster } from './judge.js';
import { loadSources } from './load.js';
import {
  assembleClusters,
  candidatePairs,
  MATCH_MODEL,
  matchProfile,
  mergeClusters,
  PairGraph,
  postingsOf,
  resetGramTables,
  type ClusterOptions,
  type MatchEdge,
  type Postings,
} from './match/index.js';
import type { Claim, Diagnostic, Finding, Report, Source, SourceSummary, Verdict } from './types.js';

export type * from './types.js';
export { loadSources, parseSource, formatDiagnostic } from './load.js';
export { splitSentences, splitText } from './segment.js';
export { analyzeSentence, extractClaims } from './extract/index.js';
export { clusterClaims, compareSentences, matchProfile } from './match/index.js';
export type { Comparison, CompareOptions, ClusterOptions, MatchProfile, MatchReason } from './match/index.js';
export { judgeCluster, conflictsBetween, claimKey } from './judge.js';
export { analyzeSource, analyzeAll } from './analyze.js';
export type { SourceAnalysis, AnalyzeOptions } from './analyze.js';

/** A reviewer's decisions about pairs of mentions, by claim key (`claimKey`). */
export interface Review {
  /** Pairs marked "not the same claim": never clustered together. */
  readonly separate?: readonly (readonly [string, string])[];
  /** Pairs marked "an update, not a dispute": their conflicts do not dispute the claim. */
  readonly updates?: readonly (readonly [string, string])[];
}

/** Options of a cross-reference run. */
export interface CrossReferenceOptions extends Omit<ClusterOptions, 'cannotLink'>, AnalyzeOptions {
  /** Folder that relative paths resolve against (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Reviewer decisions to honour (optional). */
  readonly review?: Review;
}

/**
 * Cross-reference the claims of the sources under `paths`.
 *
 * @param paths Source files or folders (default: `sources`).
 * @param options Working folder, review and matching settings (optional).
 */
export async function crossReference(paths: readonly string[] = ['sources'], options: CrossReferenceOptions = {}): Promise<Report> {
  // The per-source stage (parse, segment, extract) uses the cache and worker threads; a
  // relative cache folder is taken relative to `cwd`. No `cache` option: no cache.
  const perSource = typeof options.cache === 'string' ? { ...options, cache: path.resolve(options.cwd ?? process.cwd(), options.cache) } : options;
  const loaded = await loadSources(paths, { ...(options.cwd === undefined ? {} : { cwd: options.cwd }), parse: sourceParser(perSource) });
  const analyses = await analyzeAll(loaded.sources, perSource);
  return buildReport(loaded.sources, analyses, loaded.diagnostics, options);
}

const VERDICT_ORDER: Record<Verdict, number> = { disputed: 0, corroborated: 1, unique: 2 };

/**
 * The order findings are reported in: disputed, corroborated, unique; then by
 * number of outlets (most first), id, and the place of the first mention.
 *
 * @param a One finding.
 * @param b Another.
 */
export function compareFindings(a: Finding, b: Finding): number {
  const [x, y] = [a.mentions[0], b.mentions[0]];
  return (
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    b.outlets.length - a.outlets.length ||
    compareText(a.id, b.id) ||
    compareText(x?.path ?? '', y?.path ?? '') ||
    (x?.start ?? 0) - (y?.start ?? 0)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reviewer decisions as predicates over pairs of claims. */
export interface ReviewPredicates {
  /** A pair marked "not the same claim". */
  readonly cannotLink: (a: Claim, b: Claim) => boolean;
  /** A pair marked "an update, not a dispute". */
  readonly isUpdate: (a: Claim, b: Claim) => boolean;
}

/**
 * The predicates matching and judging use to honour a review.
 *
 * @param review Reviewer decisions by claim key (optional).
 */
export function reviewPredicates(review: Review | undefined): ReviewPredicates {
  const pairSet = (pairs: readonly (readonly [string, string])[] = []) => new Set(pairs.flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]));
  const inSet = (set: Set<string>) => (a: Claim, b: Claim) => set.size > 0 && set.has(`${claimKey(a)} ${claimKey(b)}`);
  return { cannotLink: inSet(pairSet(review?.separate)), isUpdate: inSet(pairSet(review?.updates)) };
}

/** How the claims of a report were clustered: what an incremental run builds on. */
export interface ClusterState {
  /** All claims, in source order: the indexes below point into this. */
  readonly claims: readonly Claim[];
  readonly postings: Postings;
  /** Confident and weak edges, in merge order. */
  readonly edges: readonly MatchEdge[];
  /** Members of each cluster, in order of their first member. */
  readonly members: readonly (readonly number[])[];
  /** The finding of each cluster (same order as `members`), before related links and sorting. */
  readonly findings: readonly Finding[];
}

/**
 * Match and judge the analysed sources into a report (pure).
 *
 * @param sources Loaded sources.
 * @param analyses `analyzeSource` of each source, in the same order.
 * @param diagnostics Problems found while loading.
 * @param options Matching settings and reviewer decisions (optional).
 */
export function buildReport(
  sources: readonly Source[],
  analyses: readonly SourceAnalysis[],
  diagnostics: readonly Diagnostic[] = [],
  options: Omit<ClusterOptions, 'cannotLink'> & { readonly review?: Review } = {},
): Report {
  return buildReportAndState(sources, analyses, diagnostics, options).report;
}

/**
 * `buildReport`, also returning how the claims were clustered.
 *
 * @param sources Loaded sources.
 * @param analyses `analyzeSource` of each source, in the same order.
 * @param diagnostics Problems found while loading.
 * @param options Matching settings and reviewer decisions (optional).
 */
export function buildReportAndState(
  sources: readonly Source[],
  analyses: readonly SourceAnalysis[],
  diagnostics: readonly Diagnostic[] = [],
  options: Omit<ClusterOptions, 'cannotLink'> & { readonly review?: Review } = {},
): { report: Report; state: ClusterState } {
  const claims = analyses.flatMap((analysis) => analysis.claims);
  const { cannotLink, isUpdate } = reviewPredicates(options.review);
  const profiles = claims.map((claim) => matchProfile(claim));
  const sourceOf = claims.map((claim) => claim.sentence.source);
  const graph = new PairGraph(profiles, sourceOf, options.model ?? MATCH_MODEL);
  const postings = postingsOf(profiles, options);
  const edges = graph.score(candidatePairs(postings, sourceOf, options));
  const members = mergeClusters(claims, edges, graph, { ...options, cannotLink });
  const clusters = assembleClusters(claims, members, edges, graph);
  resetGramTables();
  const pathOf = new Map(sources.map((source) => [source.id, source.path]));

  // Findings first without related links, then resolve the links to finding ids.
  const findings = clusters.map((cluster) => judgeCluster(cluster, pathOf, [], isUpdate));
  const findingOfClaim = new Map<string, string>();
  clusters.forEach((cluster, index) => {
    for (const claim of cluster.claims) findingOfClaim.set(`${claim.sentence.source}#${claim.sentence.index}`, findings[index]!.id);
  });
  const linked: Finding[] = findings.map((finding, index) => {
    const related = new Map<string, number>();
    for (const link of clusters[index]!.related) {
      const id = findingOfClaim.get(link.claim);
      if (id && id !== finding.id) related.set(id, Math.max(related.get(id) ?? 0, link.score));
    }
    return {
      ...finding,
      related: [...related.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)),
    };
  });
  linked.sort(compareFindings);

  const report: Report = { schemaVersion: 1, sources: summariesOf(sources, analyses), claims: linked, diagnostics };
  return { report, state: { claims, postings, edges, members, findings } };
}

/**
 * The source summaries of a report.
 *
 * @param sources Loaded sources.
 * @param analyses Their analyses, by source id.
 */
export function summariesOf(sources: readonly Source[], analyses: readonly SourceAnalysis[]): SourceSummary[] {
  const countOf = new Map(analyses.map((analysis) => [analysis.source, analysis]));
  return sources.map((source) => ({
    id: source.id,
    path: source.path,
    outlet: source.meta.outlet,
    ...(source.meta.title ? { title: source.meta.title } : {}),
    ...(source.meta.url ? { url: source.meta.url } : {}),
    ...(source.meta.published ? { published: source.meta.published } : {}),
    ...(source.meta.author ? { author: source.meta.author } : {}),
    sentences: countOf.get(source.id)?.sentences ?? 0,
    claims: countOf.get(source.id)?.claims.length ?? 0,
  }));
}
