// The library: the same functions the CLI uses. `crossReference` reads like
// alex's core() or Vale's main.go: load → segment → extract → match → judge.

import path from 'node:path';
import { analyzeAll, sourceParser, type AnalyzeOptions, type SourceAnalysis } from './analyze.js';
import { claimKey, judgeCluster } from './judge.js';
import { loadSources } from './load.js';
import { clusterClaims, type ClusterOptions } from './match/index.js';
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
  const claims = analyses.flatMap((analysis) => analysis.claims);
  const keyOf = new Map<Claim, string>(claims.map((claim) => [claim, claimKey(claim)]));
  const pairSet = (pairs: readonly (readonly [string, string])[] = []) => new Set(pairs.flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]));
  const separate = pairSet(options.review?.separate);
  const updates = pairSet(options.review?.updates);
  const inSet = (set: Set<string>) => (a: Claim, b: Claim) => set.size > 0 && set.has(`${keyOf.get(a)} ${keyOf.get(b)}`);
  const clusters = clusterClaims(claims, { ...options, cannotLink: inSet(separate) });
  const pathOf = new Map(sources.map((source) => [source.id, source.path]));

  // Findings first without related links, then resolve the links to finding ids.
  const findings = clusters.map((cluster) => judgeCluster(cluster, pathOf, [], inSet(updates)));
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
  linked.sort(
    (a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || b.outlets.length - a.outlets.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  const countOf = new Map(analyses.map((analysis) => [analysis.source, analysis]));
  const summaries: SourceSummary[] = sources.map((source) => ({
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
  return { schemaVersion: 1, sources: summaries, claims: linked, diagnostics };
}
