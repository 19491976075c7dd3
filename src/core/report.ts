// report: the one composition of the stages, pure. Per source:
// Source → sentences → claims → match profiles and the story profile (`analyzeSource`); across sources:
// claims → clusters (`cluster`) → findings (`judgeCluster`) → the Report, with the
// state an incremental run builds on. The engine (src/engine/) only decides where
// and whether these run (cache, worker threads, snapshot); it never changes them.

import { extractClaims } from './claims/index.js';
import { claimKey, findingId, judgeCluster } from './judge/index.js';
import { articleContext, cluster, matchProfile, resolveClusterOptions, type ArticleContext, type ClusterOptions, type ClusterResult, type ClusterState, type MadeCluster, type MatchProfile } from './match/index.js';
import type { PairComparer } from './match/pair-batch.js';
import { joinLoneHeadline } from './headline-line.js';
import { splitSentences } from './sentences.js';
import { findingStory, storyGate, storyIndex, storyProfile, storyProfileWith, storySummaries, type StoryProfile, type StorySource } from './stories.js';
import type { Claim, Diagnostic, Finding, Report, Source, SourceSummary, StorySummary, Verdict } from '../types.js';

/** What one source contributes to a run. */
export interface SourceAnalysis {
  readonly source: string;
  readonly sentences: number;
  readonly claims: readonly Claim[];
  /** `matchProfile` of each claim, in order. */
  readonly profiles: readonly MatchProfile[];
  /** The source's story profile (`storyProfileOf`), made with its analysis (optional: made when the report needs it). */
  readonly story?: StoryProfile;
}

/**
 * Segment a source, extract its check-worthy claims and derive their match
 * profiles and the source's story profile (one article context for both).
 *
 * @param source Loaded source.
 */
export function analyzeSource(source: Source): SourceAnalysis {
  // A lone headline that asks and answers ("X dead? Hoax goes viral") is one sentence.
  const sentences = joinLoneHeadline(splitSentences(source), source.text, (block) => source.blocks[block]!.text);
  const claims = extractClaims(sentences, {
    outlet: source.meta.outlet,
    ...(source.meta.published ? { published: source.meta.published } : {}),
  });
  const story = storySourceOf(source);
  const context = articleContext(story);
  const profiles = claims.map((claim) => matchProfile(claim, context));
  return { source: source.id, sentences: sentences.length, claims, profiles, story: storyProfileWith(story, context) };
}

/**
 * What a source's claims are matched in the context of: its title, its prose
 * (boilerplate left out) and its publication date (see `articleContext`).
 *
 * @param source Loaded source.
 */
export function articleContextOf(source: Source): ArticleContext {
  return articleContext(storySourceOf(source));
}

/**
 * The story profile of a source: its title, prose (boilerplate left out) and
 * publication date (see `storyProfile`).
 *
 * @param source Loaded source.
 */
export function storyProfileOf(source: Source): StoryProfile {
  return storyProfile(storySourceOf(source));
}

/** What a source's article context and story profile are made from: its id, title, prose (boilerplate left out) and date. */
function storySourceOf(source: Source): StorySource {
  return {
    id: source.id,
    ...(source.meta.title ? { title: source.meta.title } : {}),
    paragraphs: source.blocks.filter((block) => !block.boilerplate && block.kind !== 'tableCell').map((block) => block.text),
    ...(source.meta.published ? { published: source.meta.published } : {}),
  };
}

/**
 * A source's story profile: the one its analysis made when the analysis is this
 * source's (what `storyProfilesOf` takes), else made now.
 *
 * @param source A source.
 * @param analysis Its analysis.
 */
export function storyProfileOfAnalysed(source: Source, analysis: Pick<SourceAnalysis, 'source' | 'story'>): StoryProfile {
  return analysis.source === source.id && analysis.story?.id === source.id ? analysis.story : storyProfileOf(source);
}

/**
 * The story profile of each source, in order: the one its analysis carries
 * (made in the per-source stage) when it is of that source's id, else made here.
 *
 * @param sources Loaded sources.
 * @param analyses Their analyses.
 */
export function storyProfilesOf(sources: readonly Source[], analyses: readonly Pick<SourceAnalysis, 'source' | 'story'>[]): StoryProfile[] {
  const made = new Map<string, StoryProfile>();
  for (const analysis of analyses) if (analysis.story && analysis.story.id === analysis.source) made.set(analysis.source, analysis.story);
  return sources.map((source) => made.get(source.id) ?? storyProfileOf(source));
}

/**
 * The stories of a report and its findings with their story (`Finding.story`).
 *
 * @param profiles Story profile of each source, in report order.
 * @param findings Findings.
 * @param groups The stories of these profiles when already known (`storyGate(profiles).stories()`).
 */
export function withStories<T extends Finding>(
  profiles: readonly StoryProfile[],
  findings: readonly T[],
  groups?: readonly (readonly string[])[],
): { stories: StorySummary[]; findings: T[] } {
  const stories = storySummaries(profiles, {}, groups);
  const storyOf = storyOfFinding(stories);
  return { stories, findings: findings.map((finding) => withStory(finding, storyOf(finding))) };
}

/**
 * The story of a finding, given the stories of its report (see `findingStory`).
 *
 * @param stories The report's stories.
 */
export function storyOfFinding(stories: readonly StorySummary[]): (finding: Finding) => string | undefined {
  const index = storyIndex(stories);
  return (finding) => findingStory(finding, index);
}

/**
 * A finding with its story set (or left out when it has none).
 *
 * @param finding A finding.
 * @param story Its story id.
 */
export function withStory<T extends Finding>(finding: T, story: string | undefined): T {
  const { story: _old, ...rest } = finding;
  return (story === undefined ? rest : { ...rest, story }) as T;
}

/** A reviewer's decisions about pairs of mentions, by claim key (`claimKey`). */
export interface Review {
  /** Pairs marked "not the same claim": never clustered together. */
  readonly separate?: readonly (readonly [string, string])[];
  /** Pairs marked "an update, not a dispute": their conflicts do not dispute the claim. */
  readonly updates?: readonly (readonly [string, string])[];
}

/** Options of matching and judging a run: matching settings and reviewer decisions. */
export type ReportOptions = Omit<ClusterOptions, 'cannotLink'> & {
  readonly review?: Review;
  /** Compares the candidate pairs (default: on this thread; the engine may share them with a worker: the same result). */
  readonly comparePairs?: PairComparer;
  /**
   * Called once clustering is done, before judging (optional): the report reads no
   * match profile after it, so a caller that owns the analyses may let their
   * `profiles` go here (the engine does, so that they are not alive while judging).
   */
  readonly afterMatching?: () => void;
};

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
    (x?.place.start.offset ?? 0) - (y?.place.start.offset ?? 0)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How the claims of a report were clustered: what an incremental run builds on. */
export interface ReportState {
  /** All claims, in source order: the indexes below point into this. */
  readonly claims: readonly Claim[];
  readonly clustering: ClusterState;
  /** Members of each cluster, in order of their first member. */
  readonly members: readonly (readonly number[])[];
  /** The finding of each cluster (same order as `members`), before related links and sorting. */
  readonly findings: readonly Finding[];
  /** The story profile of each source, in source order: what the story gate and the stories were made from. */
  readonly stories: readonly StoryProfile[];
}

/**
 * Judge clusters into findings (before related links), honouring a review.
 *
 * @param made Clusters from `cluster()`.
 * @param pathOf Path of each source, by source id.
 * @param isUpdate Pairs a reviewer marked "an update, not a dispute".
 */
export function judgeClusters(made: readonly MadeCluster[], pathOf: ReadonlyMap<string, string>, isUpdate: ReviewPredicates['isUpdate']): Finding[] {
  return made.map((item) => judgeCluster(item.cluster, pathOf, [], isUpdate));
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
  options: ReportOptions = {},
): Report {
  return composeReport(sources, analyses, diagnostics, options, false).report;
}

/**
 * `buildReport`, also returning how the claims were clustered.
 *
 * @param sources Loaded sources.
 * @param analyses `analyzeSource` of each source, in the same order.
 * @param diagnostics Problems found while loading.
 * @param options Matching settings and reviewer decisions (optional).
 */
export function reportAndState(
  sources: readonly Source[],
  analyses: readonly SourceAnalysis[],
  diagnostics: readonly Diagnostic[] = [],
  options: ReportOptions = {},
): { report: Report; state: ReportState } {
  return composeReport(sources, analyses, diagnostics, options, true) as { report: Report; state: ReportState };
}

/**
 * `reportAndState`; without `keepState`, what only the state needs (the blocking
 * index, the edges, the clusters made) is let go as soon as the report no longer
 * needs it, so that it is not alive next to the findings and stories.
 */
function composeReport(
  sources: readonly Source[],
  analyses: readonly SourceAnalysis[],
  diagnostics: readonly Diagnostic[],
  options: ReportOptions,
  keepState: boolean,
): { report: Report; state?: ReportState } {
  const claims = analyses.flatMap((analysis) => analysis.claims);
  const profiles = profileList(analyses);
  const { cannotLink, isUpdate } = reviewPredicates(options.review);
  const storyProfiles = storyProfilesOf(sources, analyses);
  const sameStory = storyGate(storyProfiles);
  const input = {
    sourceOf: claims.map((claim) => claim.sentence.source),
    claimAt: (index: number) => claims[index]!,
    profileAt: profiles.at,
    sameStory,
  };
  const { comparePairs, afterMatching, ...matching } = options;
  let clustered: ClusterResult | undefined = cluster(input, resolveClusterOptions({ ...matching, cannotLink }), undefined, comparePairs ? { comparePairs } : {});
  // Judging and the report read no profile: they go now (with the analyses' own lists, when the caller lets them go).
  profiles.release();
  afterMatching?.();
  const clustering = keepState ? clustered.state : undefined;
  // The blocking index and edges are only in the state: without it they go before judging.
  let made: readonly MadeCluster[] | undefined = clustered.made;
  clustered = undefined;
  const pathOf = new Map(sources.map((source) => [source.id, source.path]));
  if (!keepState) {
    // Each finding is made once, with its links and its story: no copy of it is alive next to it.
    const stories = storySummaries(storyProfiles, {}, sameStory.stories());
    const storied = finishedFindings(made, pathOf, isUpdate, stories);
    // The clusters' claims and links are in the findings now.
    made = undefined;
    storied.sort(compareFindings);
    return { report: { schemaVersion: 1, sources: summariesOf(sources, analyses), claims: storied, diagnostics, stories } };
  }
  const judged = linkedFindings(made, pathOf, isUpdate, keepState);
  const { linked, members } = judged;
  const findings = judged.findings;
  made = undefined;
  linked.sort(compareFindings);
  const { stories, findings: storied } = withStories(storyProfiles, linked, sameStory.stories());

  const report: Report = { schemaVersion: 1, sources: summariesOf(sources, analyses), claims: storied, diagnostics, stories };
  return { report, state: { claims, clustering: clustering!, members, findings, stories: storyProfiles } };
}

/**
 * The findings of clusters, each made once with its "possibly related" links and
 * its story: what `linkedFindings` and `withStories` give (the same objects, key
 * for key), without the copies between them. Before report order.
 *
 * @param made Clusters from `cluster()`.
 * @param pathOf Path of each source, by source id.
 * @param isUpdate Pairs a reviewer marked "an update, not a dispute".
 * @param stories The report's stories (`storySummaries`).
 */
export function finishedFindings(
  made: readonly MadeCluster[],
  pathOf: ReadonlyMap<string, string>,
  isUpdate: ReviewPredicates['isUpdate'],
  stories: readonly StorySummary[],
): Finding[] {
  // The id of each cluster's finding is known before it is judged: the key of its claims that sorts first.
  const ids = made.map((item) => findingId(item.cluster.claims));
  const idOf = claimFindingIds(made, ids);
  const storyOf = storyIndex(stories);
  return made.map((item, index) => {
    const finding = judgeCluster(item.cluster, pathOf, relatedList(resolvedLinks(item, ids[index]!, idOf)), isUpdate);
    const story = findingStory(finding, storyOf);
    // A fresh object nothing else holds yet: its story is set on it (last, as `withStory` puts it).
    if (story !== undefined) (finding as { story?: string }).story = story;
    return finding;
  });
}

/**
 * The finding id of each clustered claim, by its key (`sourceId#sentenceIndex`, as
 * `RelatedLink.claim`): kept per source as lists by sentence index, not one key
 * string per claim. A key given twice keeps the last cluster's id, as a map would.
 */
function claimFindingIds(made: readonly MadeCluster[], ids: readonly string[]): (key: string) => string | undefined {
  const bySource = new Map<string, string[]>();
  made.forEach((item, index) => {
    for (const claim of item.cluster.claims) {
      let list = bySource.get(claim.sentence.source);
      if (!list) bySource.set(claim.sentence.source, (list = []));
      list[claim.sentence.index] = ids[index]!;
    }
  });
  return (key) => {
    const at = key.lastIndexOf('#');
    const index = Number(key.slice(at + 1));
    return at < 0 || !Number.isInteger(index) ? undefined : bySource.get(key.slice(0, at))?.[index];
  };
}

/**
 * A cluster's "possibly related" links resolved to finding ids: the best score of
 * each other finding (its own id left out).
 *
 * @param item A cluster from `cluster()`.
 * @param ownId The id of its own finding.
 * @param idOf The finding id of a claim key (`claimFindingIds`).
 */
function resolvedLinks(item: MadeCluster, ownId: string, idOf: (key: string) => string | undefined): Map<string, number> {
  const related = new Map<string, number>();
  for (const link of item.cluster.related) {
    const other = idOf(link.claim);
    if (other && other !== ownId) related.set(other, Math.max(related.get(other) ?? 0, link.score));
  }
  return related;
}

/**
 * The profiles of the analyses' claims by claim index, until `release()`: the list
 * lives only in this closure (no caller's frame holds it), so that it can go
 * before judging.
 */
function profileList(analyses: readonly Pick<SourceAnalysis, 'profiles'>[]): { readonly at: (index: number) => MatchProfile; readonly release: () => void } {
  let profiles: readonly MatchProfile[] | undefined = analyses.flatMap((analysis) => analysis.profiles);
  return {
    at: (index) => profiles![index]!,
    release: () => {
      profiles = undefined;
    },
  };
}

/** Findings first without related links (`findings`), then with the links resolved to finding ids (`linked`), and each cluster's members when asked. */
function linkedFindings(
  made: readonly MadeCluster[],
  pathOf: ReadonlyMap<string, string>,
  isUpdate: ReviewPredicates['isUpdate'],
  withMembers: boolean,
): { findings: Finding[]; linked: Finding[]; members: (readonly number[])[] } {
  const findings = judgeClusters(made, pathOf, isUpdate);
  const idOf = claimFindingIds(made, findings.map((finding) => finding.id));
  const linked: Finding[] = findings.map((finding, index) => linkedFinding(finding, resolvedLinks(made[index]!, finding.id, idOf)));
  return { findings, linked, members: withMembers ? made.map((item) => item.members) : [] };
}

/**
 * A finding with its "possibly related" links resolved to finding ids: the best
 * score of each other finding, best first (ties by id).
 *
 * @param finding A finding from `judgeClusters`.
 * @param related Best link score by finding id (the finding's own id left out).
 */
export function linkedFinding(finding: Finding, related: ReadonlyMap<string, number>): Finding {
  return { ...finding, related: relatedList(related) };
}

/** Best link score by finding id as `Finding.related`: best first, ties by id. */
function relatedList(related: ReadonlyMap<string, number>): Finding['related'] {
  return [...related.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/**
 * The source summaries of a report.
 *
 * @param sources Loaded sources.
 * @param analyses Their analyses, by source id.
 */
export function summariesOf(sources: readonly Source[], analyses: readonly Pick<SourceAnalysis, 'source' | 'sentences' | 'claims'>[]): SourceSummary[] {
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
