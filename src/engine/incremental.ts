// engine/incremental: `check`'s run over a growing corpus. A full run leaves a
// snapshot in the cache (engine/snapshot.ts). The next run reads and hashes the
// files; when the only change is new sources, it analyses just those and calls
// the core's `cluster()` with the snapshot as its prior: only the groups of
// matches the new claims join (or that lost an edge) are clustered again, and
// their clusters judged; every other finding is reused, undecoded. The snapshot
// is rewritten once the additions reach `rewriteShare` of the corpus; until then
// each run adds them again (from the per-source cache), which costs less than
// rewriting it. Anything else (a source edited or removed, reviews, tool code,
// settings, another blocking cap) is a full run. The report is the same either
// way; it is the slim report `check` compares with the ledger: mentions carry no
// quantities or dates, findings no related links.

import { createHash } from 'node:crypto';
import { claimKey } from '../core/judge/index.js';
import { canExtendBlocking, cluster, resolveClusterOptions, type ClusterInput } from '../core/match/index.js';
import { proseKeyOf, sourceIdFor } from '../core/parse.js';
import { judgeClusters, reportAndState, reviewPredicates, storyOfFinding, storyProfileOfAnalysed, summariesOf, withStory, type SourceAnalysis } from '../core/report.js';
import { storyGate, storySummaries, type StoryProfile } from '../core/stories.js';
import { extendStories } from './snapshot-stories.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { Claim, Diagnostic, Finding, Report, Source, SourceSummary, StorySummary } from '../types.js';
import { readSourceFiles, type ReadFiles } from './files.js';
import { analyzeRead, analyzeSources, analyzeSourcesHere, parseFiles, parseFilesHere, perSourceOptions, prefetchFiles, type AnalyzeOptions, type CrossReferenceOptions } from './run.js';
import {
  allFindings,
  clusteringOf,
  clusteringRows,
  encodeSnapshot,
  profilesField,
  filesDigest,
  findingListOf,
  inReportOrder,
  slimFinding,
  slimReport,
  snapshotKey,
  snapshotOf,
  toSnapshot,
  type FindingList,
  type Snapshot,
  type SnapshotSource,
} from './snapshot.js';
import { lazyProfiles, type AnalysisData } from './codec.js';
import { openCache, readEntry, writeEntry } from './store.js';
import type { MatchProfile } from '../core/match/index.js';

export { filesDigest, slimFinding, slimReport, type FindingList } from './snapshot.js';

/** How a run was made. */
export type RunMode = 'full' | 'incremental' | 'unchanged';

/** What an incremental (or unchanged) run kept of the snapshot it started from. */
export interface RunBase {
  /** `filesDigest` of the snapshot's files: the corpus its findings were made from. */
  readonly digest: string;
  /** Positions in `findings` of the findings made anew; every other finding is the snapshot's, unchanged. */
  readonly fresh: ReadonlySet<number>;
  /** How many of the snapshot's findings they replace. */
  readonly replaced: number;
}

/** The result of `checkRun`. */
export interface CheckRunResult {
  /** The report (slim findings); after an incremental run, its `claims` are decoded when first read. */
  readonly report: Report;
  /** The report's findings, one at a time. */
  readonly findings: FindingList;
  readonly mode: RunMode;
  /** Why the run was a full one. */
  readonly reason?: string;
  /** The snapshot key of the settings (undefined with a model given in code). */
  readonly key?: string;
  /** `filesDigest` of the files read: with `key`, what the report was made from. */
  readonly digest: string;
  /** Set when the run was incremental or nothing changed. */
  readonly base?: RunBase;
  /** Whether the cache now holds the snapshot of exactly these files (written by this run, or unchanged). */
  readonly snapshot: boolean;
}

/** Options of a check run: those of `crossReference`, with a cache folder. */
export interface CheckRunOptions extends CrossReferenceOptions {
  /** Cache folder (relative to `cwd`) for per-source results and the corpus snapshot. */
  readonly cache: string;
  /**
   * Share of the snapshot's sources that the sources added since must reach before
   * an incremental run writes a new snapshot (default: 0.01). Below it the old
   * snapshot stays, and the next run adds the same sources again, from the
   * per-source cache: rewriting a large snapshot costs more than that.
   */
  readonly rewriteShare?: number;
}

/** The files of a check run, read and hashed (see `prepareRun`). */
export interface PreparedRun {
  readonly read: ReadFiles;
  /** sha256 of each file's bytes, hex, by path. */
  readonly hashes: ReadonlyMap<string, string>;
}

/**
 * Read and hash the files under `paths`, and start parsing and analysing the
 * few the cache does not know yet on a worker thread (`prefetchFiles`), so that
 * the caller's other work overlaps with it; pass the result to `checkRun`.
 *
 * @param paths Source files or folders.
 * @param options Working folder, cache folder, threads.
 */
export async function prepareRun(paths: readonly string[], options: CheckRunOptions): Promise<PreparedRun> {
  const cwd = options.cwd ?? process.cwd();
  const read = await readSourceFiles(paths, cwd);
  // Each file keeps its hash, so the parser never hashes it again.
  const files = read.files.map((file) => ({ ...file, hash: createHash('sha256').update(file.bytes).digest('hex') }));
  prefetchFiles(files, perSourceOptions(options));
  return { read: { ...read, files }, hashes: new Map(files.map(({ file, hash }) => [file, hash])) };
}

/**
 * The slim report of the sources under `paths`, made incrementally from the
 * last run's snapshot when only new sources were added, else in full; the
 * snapshot is updated after a full run, and after an incremental one once the
 * files added since reach `rewriteShare` of the snapshot's.
 *
 * @param paths Source files or folders.
 * @param options Working folder, cache folder, review and matching settings.
 * @param prepared The files, read and hashed by `prepareRun` (optional).
 */
export async function checkRun(paths: readonly string[], options: CheckRunOptions, prepared?: PreparedRun): Promise<CheckRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const perSource = perSourceOptions(options);
  const cache = openCache(perSource.cache as string);
  const key = snapshotKey(paths, cwd, options);
  const { read, hashes } = prepared ?? (await prepareRun(paths, options));
  const digest = filesDigest(hashes);
  const known = key === undefined ? {} : { key };
  const snapshot = key === undefined ? undefined : readEntry(cache, 'corpus', key, toSnapshot);
  let reason = key === undefined ? 'a model given in code' : 'no snapshot of an earlier run';
  if (snapshot) {
    const result = await incrementalRun(snapshot, read, hashes, options, perSource);
    if (typeof result !== 'string') {
      const before = Object.keys(snapshot.files).length;
      const added = Object.keys(result.snapshot.files).length - before;
      const rewrite = added > 0 && added >= before * (options.rewriteShare ?? 0.01);
      const written = rewrite && writeEntry(cache, 'corpus', key!, encodeSnapshot(result.snapshot));
      const base = { digest: filesDigest(snapshot.files), fresh: result.fresh, replaced: result.replaced };
      const mode = result.snapshot === snapshot ? 'unchanged' : 'incremental';
      return { report: lazyReport(result), findings: result.findings, mode, ...known, digest, base, snapshot: mode === 'unchanged' || written };
    }
    reason = result;
  }
  const loaded = await analyzeRead(read, perSource);
  const { report, state } = reportAndState(loaded.sources, loaded.analyses, loaded.diagnostics, options);
  let written = false;
  if (key !== undefined) {
    const fileDiagnostics = loaded.diagnostics.filter((d) => hashes.has(d.file) && !read.diagnostics.includes(d));
    written = writeEntry(cache, 'corpus', key, encodeSnapshot(snapshotOf(loaded.sources, report.sources, state, hashes, fileDiagnostics, loaded.analyses, report.stories)));
  }
  const slim = slimReport(report);
  return { report: slim, findings: findingListOf(slim.claims), mode: 'full', reason, ...known, digest, snapshot: written };
}

/** The report of an incremental run: its claims decoded when first read. */
function lazyReport(result: IncrementalResult): Report {
  let claims: Finding[] | undefined;
  return {
    schemaVersion: 1,
    sources: result.sources,
    get claims() {
      claims ??= allFindings(result.findings);
      return claims;
    },
    diagnostics: result.diagnostics,
    stories: result.stories,
  };
}

/**
 * A corpus's findings with their story set (as a full run sets them: stories
 * depend on every source, so kept findings get theirs anew), each when first read.
 */
function storiedFindings(stories: readonly StorySummary[], findings: FindingList): FindingList {
  const storyOf = storyOfFinding(stories);
  const decoded = new Map<number, Finding>();
  const at = (index: number): Finding => {
    let finding = decoded.get(index);
    if (!finding) {
      const plain = findings.at(index);
      finding = withStory(plain, storyOf(plain));
      decoded.set(index, finding);
    }
    return finding;
  };
  return { length: findings.length, at, id: (index) => findings.id(index), keys: (index) => findings.keys(index) };
}

// ---------------------------------------------------------------------------
// The incremental run

/** What an incremental (or unchanged) run gives: the report's parts, and the snapshot to keep. */
interface IncrementalResult {
  readonly sources: readonly SourceSummary[];
  readonly diagnostics: readonly Diagnostic[];
  /** The findings, with their stories. */
  readonly findings: FindingList;
  readonly stories: readonly StorySummary[];
  readonly snapshot: Snapshot;
  /** Positions in `findings` of the findings made anew. */
  readonly fresh: ReadonlySet<number>;
  /** How many of the snapshot's findings they replace. */
  readonly replaced: number;
}

/** Thrown by the claim loader when a known source no longer gives the claims it gave. */
class StaleSnapshot extends Error {}

async function incrementalRun(
  snapshot: Snapshot,
  read: ReadFiles,
  hashes: ReadonlyMap<string, string>,
  options: CheckRunOptions,
  perSource: AnalyzeOptions,
): Promise<IncrementalResult | string> {
  // Every file of the last run must be there, unchanged; anything else is new.
  for (const [file, hash] of Object.entries(snapshot.files)) {
    if (hashes.get(file) !== hash) return `${file} was ${hashes.has(file) ? 'changed' : 'removed'}`;
  }
  const added = read.files.filter(({ file }) => snapshot.files[file] === undefined);
  const diagnosticsWith = (fileDiagnostics: readonly Diagnostic[]) => sortDiagnostics([...read.diagnostics, ...fileDiagnostics]);
  if (snapshot.sources.some((source) => source.story === undefined)) return 'the snapshot has no story profiles';
  if (added.length === 0) {
    const sources = snapshot.sources.map((s) => s.summary);
    const stories = snapshot.stories ?? storySummaries(snapshot.sources.map((source) => source.story!));
    const findings = storiedFindings(stories, snapshot.findings);
    return { sources, diagnostics: diagnosticsWith(snapshot.fileDiagnostics), findings, stories, snapshot, fresh: new Set(), replaced: 0 };
  }
  const settled = await settleAdded(snapshot, added, perSource);
  if (typeof settled === 'string') return settled;
  const { newSources, newDiagnostics, madeWith } = settled;
  // The analyses made with the parse (on the prefetching worker, or read back with it from the cache) are used as they are.
  const newAnalyses = await analyzeSources(newSources, perSource, (source) => madeWith.get(source));
  const corpus = renumber(snapshot, newSources, newAnalyses);
  const resolved = resolveClusterOptions({ ...options, cannotLink: reviewPredicates(options.review).cannotLink });
  if (!canExtendBlocking({ maxPostings: snapshot.maxPostings }, corpus.claimKeys.length, resolved)) return 'the blocking cap changed with the corpus size';

  // Cluster with the snapshot as the prior: only the groups of matches the new claims join are clustered again.
  // A new source's story profile is the one its analysis made (on the worker, or read back from the cache), as a full run takes it.
  const storyProfiles = corpus.slots.map((slot) => slot.old?.story ?? storyProfileOfAnalysed(newSources[slot.fresh!]!, newAnalyses[slot.fresh!]!));
  // The snapshot's stories joined by the new sources' links (src/engine/snapshot-stories.ts), else grouped in full.
  const freshSlots = new Set(corpus.slots.flatMap((slot, index) => (slot.fresh !== undefined ? [index] : [])));
  const extended = snapshot.stories ? extendStories(storyProfiles, freshSlots, snapshot.stories) : undefined;
  const sameStory = extended?.gate ?? storyGate(storyProfiles);
  const input = { ...claimInput(corpus, read, perSource), sameStory };
  const prior = {
    state: clusteringOf(snapshot, corpus.oldToNew),
    members: snapshot.members.map((members) => members.map((member) => corpus.oldToNew[member]!)),
    fresh: [...corpus.fresh.keys()],
  };
  let result;
  try {
    result = cluster(input, resolved, prior, { related: false });
  } catch (error) {
    if (error instanceof StaleSnapshot) return 'a known source no longer gives the claims it gave';
    throw error;
  }
  const summaries = corpus.slots.map((slot) => slot.old?.summary ?? summariesOf([newSources[slot.fresh!]!], [newAnalyses[slot.fresh!]!])[0]!);
  const pathOf = new Map(summaries.map((summary) => [summary.id, summary.path]));
  const { isUpdate } = reviewPredicates(options.review);
  const judged = judgeClusters(result.made, pathOf, isUpdate).map(slimFinding);

  // Kept clusters keep their findings, still undecoded; new ones go in report order among them.
  type Clustered = { readonly members: readonly number[]; readonly finding: () => Finding; readonly id: () => string };
  const kept: Clustered[] = result.kept.map((index) => ({ members: prior.members[index]!, finding: () => snapshot.findings.at(index), id: () => snapshot.findings.id(index) }));
  const made = result.made.map((item, index): Clustered => ({ members: item.members, finding: () => judged[index]!, id: () => judged[index]!.id })).sort(inReportOrder);
  const { merged: clustered, inserted } = insertSorted(kept, made, inReportOrder);
  const findings: FindingList = {
    length: clustered.length,
    at: (index) => clustered[index]!.finding(),
    id: (index) => clustered[index]!.id(),
    keys: (index) => clustered[index]!.members.map((member) => corpus.claimKeys[member]!),
  };

  const stories = extended?.summaries ?? storySummaries(storyProfiles, {}, sameStory.stories());
  const fileDiagnostics = [...snapshot.fileDiagnostics, ...newDiagnostics];
  const files = { ...snapshot.files };
  for (const { file } of added) files[file] = hashes.get(file)!;
  const next: Snapshot = {
    files,
    fileDiagnostics,
    sources: corpus.slots.map((slot, index) => slot.old ?? snapshotSource(newSources[slot.fresh!]!, newAnalyses[slot.fresh!]!, summaries[index]!, storyProfiles[index]!)),
    claimKeys: corpus.claimKeys,
    ...clusteringRows(result.state.blocking, result.state.edges),
    members: clustered.map((item) => item.members),
    findings,
    stories,
  };
  return {
    sources: summaries,
    diagnostics: diagnosticsWith(fileDiagnostics),
    findings: storiedFindings(stories, findings),
    stories,
    snapshot: next,
    fresh: inserted,
    replaced: snapshot.members.length - kept.length,
  };
}

function snapshotSource(source: Source, analysis: SourceAnalysis, summary: SourceSummary, story: StoryProfile): SnapshotSource {
  return { path: source.path, id: source.id, proseKey: proseKeyOf(source), claims: analysis.claims.length, summary, story, ...profilesField(analysis.profiles) };
}

/**
 * Parse the new files and settle them among the snapshot's sources as a full
 * run would, or say why that cannot be done incrementally.
 */
async function settleAdded(
  snapshot: Snapshot,
  added: ReadFiles['files'],
  perSource: AnalyzeOptions,
): Promise<{ newSources: Source[]; newDiagnostics: Diagnostic[]; madeWith: ReadonlyMap<Source, AnalysisData> } | string> {
  const files = await parseFiles(added, perSource);
  const parsed = files.map((file) => file.parsed);
  const madeWith = new Map<Source, AnalysisData>();
  for (const file of files) if (file.parsed.source && file.analysis) madeWith.set(file.parsed.source, file.analysis);
  const newDiagnostics: Diagnostic[] = parsed.flatMap((result) => result.diagnostics);
  // A text is a duplicate only under the outlet that printed it already (another outlet's copy is syndication, kept).
  const outletOf = new Map(snapshot.sources.map((source) => [source.path, source.summary.outlet]));
  const byProse = new Map(snapshot.sources.map((source) => [`${source.proseKey}\u0000${outletOf.get(source.path)}`, source.path]));
  const baseIds = new Set(snapshot.sources.map((source) => sourceIdFor(source.path)));
  const newSources: Source[] = [];
  for (const source of parsed.flatMap((result) => (result.source ? [result.source] : []))) {
    const prose = `${proseKeyOf(source)}\u0000${source.meta.outlet}`;
    const original = byProse.get(prose);
    if (original !== undefined) {
      // The first by path is kept: a new file sorting first would displace a known source.
      if (source.path < original) return `${source.path} duplicates ${original} and sorts before it`;
      newDiagnostics.push({
        file: source.path,
        place: { line: 1, column: 1 },
        message: `duplicate of ${original}: the same article text; counted once`,
        ruleId: 'duplicate',
        severity: 'error',
      });
      continue;
    }
    // A clash of file names renames ids, known ones included.
    if (baseIds.has(source.id)) return `${source.path} has the file name of another source`;
    baseIds.add(source.id);
    byProse.set(prose, source.path);
    newSources.push(source);
  }
  return { newSources, newDiagnostics, madeWith };
}

/** A source of the merged corpus: one of the snapshot's (with its first claim's old index) or a new one. */
interface Slot {
  readonly old?: SnapshotSource;
  readonly oldStart?: number;
  readonly fresh?: number;
}

/** The merged corpus: sources by path, claims renumbered (old indexes move up). */
interface Corpus {
  readonly slots: readonly Slot[];
  /** The current index of each of the snapshot's claims. */
  readonly oldToNew: Int32Array;
  readonly sourceOf: readonly string[];
  readonly claimKeys: readonly string[];
  /** The first claim index of each old source, by id. */
  readonly startOf: ReadonlyMap<string, { readonly slot: Slot; readonly first: number }>;
  /** The new claims, by current index. */
  readonly fresh: ReadonlyMap<number, { readonly claim: Claim; readonly profile: SourceAnalysis['profiles'][number] }>;
}

function renumber(snapshot: Snapshot, newSources: readonly Source[], newAnalyses: readonly SourceAnalysis[]): Corpus {
  const slots: Slot[] = [];
  let oldStart = 0;
  for (const source of snapshot.sources) {
    slots.push({ old: source, oldStart });
    oldStart += source.claims;
  }
  newSources.forEach((_, fresh) => slots.push({ fresh }));
  const pathOfSlot = (slot: Slot) => slot.old?.path ?? newSources[slot.fresh!]!.path;
  slots.sort((a, b) => (pathOfSlot(a) < pathOfSlot(b) ? -1 : pathOfSlot(a) > pathOfSlot(b) ? 1 : 0));
  const oldToNew = new Int32Array(snapshot.claimKeys.length);
  const sourceOf: string[] = [];
  const claimKeys: string[] = [];
  const startOf = new Map<string, { slot: Slot; first: number }>();
  const fresh = new Map<number, { claim: Claim; profile: SourceAnalysis['profiles'][number] }>();
  for (const slot of slots) {
    if (slot.old) {
      startOf.set(slot.old.id, { slot, first: sourceOf.length });
      for (let k = 0; k < slot.old.claims; k++) {
        oldToNew[slot.oldStart! + k] = sourceOf.length;
        sourceOf.push(slot.old.id);
        claimKeys.push(snapshot.claimKeys[slot.oldStart! + k]!);
      }
    } else {
      const analysis = newAnalyses[slot.fresh!]!;
      analysis.claims.forEach((claim, k) => {
        fresh.set(sourceOf.length, { claim, profile: analysis.profiles[k]! });
        sourceOf.push(claim.sentence.source);
        claimKeys.push(claimKey(claim));
      });
    }
  }
  return { slots, oldToNew, sourceOf, claimKeys, startOf, fresh };
}

/**
 * The claims of the merged corpus for `cluster()`: new ones in hand; of old ones,
 * the match profiles from the snapshot (decoded per source when first asked
 * for), and the claims read from the per-source cache (or analysed again) the
 * first time one of their source's claims is asked for; a profile too when the
 * snapshot has none. Comparing needs only profiles, so the sources read are those
 * of the claims clustered again, not of every candidate. Throws `StaleSnapshot`
 * when a known source no longer gives the claims the snapshot has.
 */
function claimInput(corpus: Corpus, read: ReadFiles, perSource: AnalyzeOptions): ClusterInput {
  const loaded = new Map<number, { readonly claim: Claim; readonly profile: SourceAnalysis['profiles'][number] }>(corpus.fresh);
  const fileOf = new Map(read.files.map((file) => [file.file, file]));
  const load = (index: number) => {
    let known = loaded.get(index);
    if (known) return known;
    const id = corpus.sourceOf[index]!;
    const { slot, first } = corpus.startOf.get(id)!;
    const file = fileOf.get(slot.old!.path);
    const analysis = file ? analyzeOld(file, id, perSource) : undefined;
    if (!analysis || analysis.claims.length !== slot.old!.claims) throw new StaleSnapshot();
    analysis.claims.forEach((claim, k) => {
      if (claimKey(claim) !== corpus.claimKeys[first + k]) throw new StaleSnapshot();
      loaded.set(first + k, { claim, profile: analysis.profiles[k]! });
    });
    known = loaded.get(index)!;
    return known;
  };
  // Profiles of old sources from the snapshot, by source id (null: it has none, or not these).
  // Each profile is read back when first compared (`lazyProfiles`): a source's other claims stay undecoded.
  const stored = new Map<string, ((index: number) => MatchProfile | undefined) | null>();
  const storedProfile = (index: number): MatchProfile | undefined => {
    const id = corpus.sourceOf[index]!;
    const start = corpus.startOf.get(id);
    if (!start) return undefined;
    let profiles = stored.get(id);
    if (profiles === undefined) {
      const text = start.slot.old!.profiles;
      profiles = (typeof text === 'string' ? lazyProfiles(text, start.slot.old!.claims) : undefined) ?? null;
      stored.set(id, profiles);
    }
    return profiles?.(index - start.first);
  };
  return {
    sourceOf: corpus.sourceOf,
    claimAt: (index) => load(index).claim,
    profileAt: (index) => corpus.fresh.get(index)?.profile ?? storedProfile(index) ?? load(index).profile,
  };
}

/** A known source's analysis, with the id the full run gave it (a clash of file names renames ids), on this thread. */
function analyzeOld(file: ReadFiles['files'][number], id: string, perSource: AnalyzeOptions): SourceAnalysis | undefined {
  const [parsedFile] = parseFilesHere([file], perSource);
  const source = parsedFile?.parsed.source;
  if (!source) return undefined;
  if (source.id === id && parsedFile.analysis) return { source: id, ...parsedFile.analysis };
  return analyzeSourcesHere([source.id === id ? source : { ...source, id }], perSource)[0];
}

/**
 * Two sorted lists as one (ties: the first list's item first), placing each item
 * of the short second list by binary search: only a few items of the first are
 * compared (decoded). Also gives the positions the second list's items took.
 */
function insertSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): { merged: T[]; inserted: Set<number> } {
  const merged: T[] = [];
  const inserted = new Set<number>();
  let from = 0;
  for (const item of b) {
    // The first item of `a` after `item` (from where the last one went).
    let low = from;
    let high = a.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(a[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    for (let k = from; k < low; k++) merged.push(a[k]!);
    from = low;
    inserted.add(merged.length);
    merged.push(item);
  }
  for (let k = from; k < a.length; k++) merged.push(a[k]!);
  return { merged, inserted };
}
