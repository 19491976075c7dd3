// Incremental cross-referencing for repeated runs over a growing corpus (`check`
// in CI). A full run leaves a corpus snapshot in the cache: every file's hash,
// the blocking index, the match edges, the clusters and their findings. The next
// run reads and hashes the files; when the only change is new sources, it
// analyses just those, compares their claims with the claims sharing blocking
// terms, re-clusters only the connected groups of matches they join (same edge
// order, same linkage as a full run) and re-judges those clusters; every other
// finding is reused. A blocking term that becomes too common drops the old edges
// it alone carried, and their groups are re-clustered too. The snapshot is
// rewritten once the additions reach 1% of the corpus; until then each run adds
// them again (from the per-source cache), which costs less than rewriting it.
// Anything else (a source edited or removed, reviews, tool code, settings) falls
// back to the full run. The report is the same either way; it is the slim report
// `check` compares with the ledger: mentions carry no quantities or dates,
// findings no related links.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeAll, prefetchFiles, sourceParser, type AnalyzeOptions } from './analyze.js';
import { CACHE_FOLDER, isArrayOf, isRecord, isString, openCache, readEntry, stringTable, writeEntry } from './cache.js';
import {
  buildReportAndState,
  compareFindings,
  reviewPredicates,
  summariesOf,
  type ClusterState,
  type CrossReferenceOptions,
  type Review,
} from './index.js';
import { claimKey, judgeCluster } from './judge.js';
import { loadFiles, proseKeyOf, readSourceFiles, sortDiagnostics, sourceIdFor, type ReadFiles } from './load.js';
import {
  assembleClusters,
  blockingTermsOf,
  byStrength,
  candidatePairsTouching,
  MATCH_MODEL,
  matchProfile,
  maxPostingsFor,
  mergeClusters,
  PairGraph,
  postingsOf,
  resetGramTables,
  type MatchEdge,
  type Postings,
} from './match/index.js';
import type { Claim, Diagnostic, Finding, Mention, Report, Source, SourceSummary, Verdict } from './types.js';

/** How a run was made. */
export type RunMode = 'full' | 'incremental' | 'unchanged';

/** A source as the snapshot remembers it. */
interface SnapshotSource {
  readonly path: string;
  readonly id: string;
  readonly proseKey: string;
  /** Its claims, in order: a slice of the snapshot's claim keys. */
  readonly claims: number;
  readonly summary: SourceSummary;
}

/** What a run leaves for the next one (JSON in the cache, kind `corpus`). */
interface Snapshot {
  /** Every file read, by path: sha256 of its bytes. */
  readonly files: Readonly<Record<string, string>>;
  /** Problems parsing, reading or de-duplicating those files (not finding them). */
  readonly fileDiagnostics: readonly Diagnostic[];
  readonly sources: readonly SnapshotSource[];
  /** `claimKey` of every claim, in source order. */
  readonly claimKeys: readonly string[];
  /** The blocking cap the postings were built with. */
  readonly maxPostings: number;
  /** Blocking terms in at most `maxPostings` claims: term, claims, the term's weight in each. */
  readonly postings: readonly (readonly [string, readonly number[], readonly number[]])[];
  /**
   * Terms in more claims than that, with how many: too common to block on, now
   * and in every incremental run from here (lists only grow, and another cap
   * means a full run), so their lists are not kept (seven in eight entries).
   */
  readonly common: readonly (readonly [string, number])[];
  /** Confident and weak edges: i, j, strength, confident (1) or weak (0). */
  readonly edges: readonly (readonly [number, number, number, number])[];
  /** Members of each cluster (claim indexes), in report order of their findings (see `inReportOrder`). */
  readonly members: readonly (readonly number[])[];
  /** Slim finding of each cluster, same order. */
  readonly findings: FindingList;
}

/**
 * Findings in report order, each one decoded from the snapshot only when it is
 * asked for: a re-check after one new article needs a few of the 57,000 of 3000
 * articles, and the ids and mention keys of the others.
 */
export interface FindingList {
  readonly length: number;
  /** The finding at `index`. */
  at(index: number): Finding;
  /** Its id. */
  id(index: number): string;
  /** Its mention keys (the keys of its claims), in no particular order. */
  keys(index: number): readonly string[];
}

/**
 * A `FindingList` over findings in hand.
 *
 * @param findings Findings in report order.
 */
function findingListOf(findings: readonly Finding[]): FindingList {
  return {
    length: findings.length,
    at: (index) => findings[index]!,
    id: (index) => findings[index]!.id,
    keys: (index) => findings[index]!.mentions.map((mention) => mention.key),
  };
}

/** Every finding of a list, decoded. */
function allFindings(list: FindingList): Finding[] {
  return Array.from({ length: list.length }, (_, index) => list.at(index));
}

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

/**
 * The digest of a corpus: sha256 of every file's path and content hash, by path.
 *
 * @param files Content hash by path.
 */
export function filesDigest(files: ReadonlyMap<string, string> | Readonly<Record<string, string>>): string {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const lines = entries.map(([file, hash]) => `${file}\u0000${hash}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32);
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
  prefetchFiles(files, { ...options, cache: path.resolve(cwd, options.cache) });
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
 */
export async function checkRun(paths: readonly string[], options: CheckRunOptions, prepared?: PreparedRun): Promise<CheckRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const perSource: AnalyzeOptions = { ...options, cache: path.resolve(cwd, options.cache) };
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
      const { sources, diagnostics, findings } = result;
      let claims: Finding[] | undefined;
      const report: Report = {
        schemaVersion: 1,
        sources,
        get claims() {
          claims ??= allFindings(findings);
          return claims;
        },
        diagnostics,
      };
      return {
        report,
        findings,
        mode,
        ...known,
        digest,
        base,
        snapshot: mode === 'unchanged' || written,
      };
    }
    reason = result;
  }
  const loaded = await loadFiles(read, { parse: sourceParser(perSource) });
  const analyses = await analyzeAll(loaded.sources, perSource);
  const { report, state } = buildReportAndState(loaded.sources, analyses, loaded.diagnostics, options);
  let written = false;
  if (key !== undefined) {
    const fileDiagnostics = loaded.diagnostics.filter((d) => hashes.has(d.file) && !read.diagnostics.includes(d));
    written = writeEntry(cache, 'corpus', key, encodeSnapshot(snapshotOf(loaded.sources, report.sources, state, hashes, fileDiagnostics, options)));
  }
  const slim = slimReport(report);
  return { report: slim, findings: findingListOf(slim.claims), mode: 'full', reason, ...known, digest, snapshot: written };
}

// ---------------------------------------------------------------------------
// The incremental run

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
  if (added.length === 0) {
    const sources = snapshot.sources.map((s) => s.summary);
    return { sources, diagnostics: diagnosticsWith(snapshot.fileDiagnostics), findings: snapshot.findings, snapshot, fresh: new Set(), replaced: 0 };
  }

  // Parse and settle the new files as a full run would, or give up.
  const parsed = await sourceParser(perSource)(added);
  const newDiagnostics: Diagnostic[] = parsed.flatMap((result) => result.diagnostics);
  const byProse = new Map(snapshot.sources.map((source) => [source.proseKey, source.path]));
  const baseIds = new Set(snapshot.sources.map((source) => sourceIdFor(source.path)));
  const newSources: Source[] = [];
  for (const source of parsed.flatMap((result) => (result.source ? [result.source] : []))) {
    const prose = proseKeyOf(source);
    const original = byProse.get(prose);
    if (original !== undefined) {
      // The first by path is kept: a new file sorting first would displace a known source.
      if (source.path < original) return `${source.path} duplicates ${original} and sorts before it`;
      newDiagnostics.push({
        file: source.path,
        line: 1,
        column: 1,
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
  const newAnalyses = await analyzeAll(newSources, perSource);

  // The merged order of sources (by path) and of claims; old claim indexes move up.
  type Slot = { readonly old?: SnapshotSource; readonly oldStart?: number; readonly fresh?: number };
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
  const freshClaims = new Map<number, Claim>();
  for (const slot of slots) {
    if (slot.old) {
      for (let k = 0; k < slot.old.claims; k++) {
        oldToNew[slot.oldStart! + k] = sourceOf.length;
        sourceOf.push(slot.old.id);
        claimKeys.push(snapshot.claimKeys[slot.oldStart! + k]!);
      }
    } else {
      for (const claim of newAnalyses[slot.fresh!]!.claims) {
        freshClaims.set(sourceOf.length, claim);
        sourceOf.push(claim.sentence.source);
        claimKeys.push(claimKey(claim));
      }
    }
  }

  // Blocking: the old index plus the new claims; a term crossing the cap changes old pairs.
  const maxPostings = maxPostingsFor(claimKeys.length, options);
  if (maxPostings !== snapshot.maxPostings) return 'the blocking cap changed with the corpus size';
  const postings: Postings = new Map();
  for (const [term, claims, weights] of snapshot.postings) {
    postings.set(term, { claims: claims.map((claim) => oldToNew[claim]!), weights: [...weights] });
  }
  const common = new Map(snapshot.common);
  const freshIndexes = [...freshClaims.keys()];
  const freshPostings = postingsOf(freshIndexes.map((index) => matchProfile(freshClaims.get(index)!)), options);
  // Terms that become too common to block on: pairs of claims that share them lose weight.
  const dirty = new Set<number>();
  for (const [term, list] of freshPostings) {
    const count = common.get(term);
    if (count !== undefined) {
      common.set(term, count + list.claims.length);
      continue;
    }
    const known = postings.get(term);
    const before = known?.claims.length ?? 0;
    if (before + list.claims.length > maxPostings) {
      for (const claim of known?.claims ?? []) dirty.add(claim);
      postings.delete(term);
      common.set(term, before + list.claims.length);
      continue;
    }
    const merged = known ?? { claims: [], weights: [] };
    list.claims.forEach((local, k) => {
      merged.claims.push(freshIndexes[local]!);
      merged.weights.push(list.weights[k]!);
    });
    postings.set(term, sortPosting(merged));
  }

  // Claims of old sources, loaded from the per-source cache as they are needed.
  const slotOfSource = new Map(slots.filter((slot) => slot.old).map((slot) => [slot.old!.id, slot]));
  const loadedClaims = new Map<number, Claim>(freshClaims);
  const load = async (indexes: Iterable<number>): Promise<boolean> => {
    const wanted = new Set<string>();
    for (const index of indexes) if (!loadedClaims.has(index)) wanted.add(sourceOf[index]!);
    if (wanted.size === 0) return true;
    const paths = new Set([...wanted].map((id) => slotOfSource.get(id)!.old!.path));
    const files = read.files.filter(({ file }) => paths.has(file));
    const parsedOld = await sourceParser(perSource)(files);
    // A source keeps the id the full run gave it (a clash of file names renames ids).
    const idOfPath = new Map([...wanted].map((id) => [slotOfSource.get(id)!.old!.path, id]));
    const sources = parsedOld.flatMap((result) => {
      if (!result.source) return [];
      const id = idOfPath.get(result.source.path)!;
      // The same object when the id is the same, so the analysis read with it is used.
      return [result.source.id === id ? result.source : { ...result.source, id }];
    });
    const analyses = await analyzeAll(sources, perSource);
    for (const analysis of analyses) {
      const slot = slotOfSource.get(analysis.source);
      if (!slot || analysis.claims.length !== slot.old!.claims) return false;
      const first = oldToNew[slot.oldStart!]!;
      for (const [k, claim] of analysis.claims.entries()) {
        if (claimKey(claim) !== claimKeys[first + k]) return false;
        loadedClaims.set(first + k, claim);
      }
    }
    return true;
  };

  // New candidate pairs, compared with the claims they share terms with.
  const freshSet = new Set(freshIndexes);
  const pairs = [...candidatePairsTouching(postings, sourceOf, options, freshSet)];
  if (!(await load(pairs.flat()))) return 'a known source no longer gives the claims it gave';
  const model = options.model ?? MATCH_MODEL;
  const newEdges = scoreGlobal(pairs, loadedClaims, sourceOf, model);

  // Old edges in the new numbering; the connected groups of confident edges the new claims join.
  const oldEdges: MatchEdge[] = snapshot.edges.map(([i, j, strength, confident]) => ({
    i: oldToNew[i]!,
    j: oldToNew[j]!,
    strength,
    confident: confident === 1,
  }));
  // Old edges between claims that shared a term now too common: kept only if they still share enough.
  const stillCandidate = candidacyChecker(postings, dirty, maxPostings, options.minSharedWeight ?? 20);
  const dropped = oldEdges.filter((edge) => dirty.has(edge.i) && dirty.has(edge.j) && !stillCandidate(edge.i, edge.j));
  const droppedSet = new Set(dropped);
  const edges = [...oldEdges.filter((edge) => !droppedSet.has(edge)), ...newEdges].sort(byStrength);
  // Re-cluster the groups of confident matches the new claims join, and those that lost a confident edge.
  const before = new UnionFind(claimKeys.length);
  for (const edge of oldEdges) if (edge.confident) before.union(edge.i, edge.j);
  const broken = new Set(dropped.filter((edge) => edge.confident).map((edge) => before.find(edge.i)));
  const group = new UnionFind(claimKeys.length);
  for (const edge of edges) if (edge.confident) group.union(edge.i, edge.j);
  const touched = new Set(freshIndexes.map((index) => group.find(index)));
  const affected = claimKeys.map((_, index) => index).filter((index) => touched.has(group.find(index)) || broken.has(before.find(index)));
  if (!(await load(affected))) return 'a known source no longer gives the claims it gave';

  // Cluster and judge the affected claims exactly as a full run would.
  const { cannotLink, isUpdate } = reviewPredicates(options.review);
  const local = new Map(affected.map((index, position) => [index, position]));
  const claims = affected.map((index) => loadedClaims.get(index)!);
  const graph = new PairGraph(
    claims.map((claim) => matchProfile(claim)),
    affected.map((index) => sourceOf[index]!),
    model,
  );
  const localEdges = edges
    .filter((edge) => edge.confident && local.has(edge.i) && local.has(edge.j))
    .map((edge) => ({ ...edge, i: local.get(edge.i)!, j: local.get(edge.j)! }));
  const localMembers = mergeClusters(claims, localEdges, graph, { ...options, cannotLink });
  const clusters = assembleClusters(claims, localMembers, localEdges, graph);
  resetGramTables();
  const summaries = slots.map((slot) => slot.old?.summary ?? summariesOf([newSources[slot.fresh!]!], [newAnalyses[slot.fresh!]!])[0]!);
  const pathOf = new Map(summaries.map((summary) => [summary.id, summary.path]));
  const judged = clusters.map((cluster) => slimFinding(judgeCluster(cluster, pathOf, [], isUpdate)));

  // Unaffected clusters keep their findings, still undecoded.
  const affectedSet = new Set(affected);
  const kept: Clustered[] = [];
  snapshot.members.forEach((members, index) => {
    const moved = members.map((member) => oldToNew[member]!);
    if (!affectedSet.has(moved[0]!)) kept.push({ members: moved, finding: () => snapshot.findings.at(index), id: () => snapshot.findings.id(index) });
  });
  // In report order (ties: by first member, as a full run's stable sort leaves them); the kept ones are already.
  const fresh = localMembers
    .map((members, index): Clustered => ({ members: members.map((m) => affected[m]!), finding: () => judged[index]!, id: () => judged[index]!.id }))
    .sort(inReportOrder);
  const { merged: clustered, inserted } = insertSorted(kept, fresh, inReportOrder);
  const findings: FindingList = {
    length: clustered.length,
    at: (index) => clustered[index]!.finding(),
    id: (index) => clustered[index]!.id(),
    keys: (index) => clustered[index]!.members.map((member) => claimKeys[member]!),
  };

  const fileDiagnostics = [...snapshot.fileDiagnostics, ...newDiagnostics];
  const files = { ...snapshot.files };
  for (const { file } of added) files[file] = hashes.get(file)!;
  const next: Snapshot = {
    files,
    fileDiagnostics,
    sources: slots.map((slot, index) =>
      slot.old ?? {
        path: newSources[slot.fresh!]!.path,
        id: newSources[slot.fresh!]!.id,
        proseKey: proseKeyOf(newSources[slot.fresh!]!),
        claims: newAnalyses[slot.fresh!]!.claims.length,
        summary: summaries[index]!,
      },
    ),
    claimKeys,
    maxPostings,
    postings: [...postings].map(([term, list]) => [term, list.claims, list.weights] as const),
    common: [...common],
    edges: edges.map((edge) => [edge.i, edge.j, edge.strength, edge.confident ? 1 : 0] as const),
    members: clustered.map((cluster) => cluster.members),
    findings,
  };
  return {
    sources: next.sources.map((s) => s.summary),
    diagnostics: diagnosticsWith(fileDiagnostics),
    findings,
    snapshot: next,
    fresh: inserted,
    replaced: snapshot.members.length - kept.length,
  };
}

/** What an incremental (or unchanged) run gives: the report's parts, and the snapshot to keep. */
interface IncrementalResult {
  readonly sources: readonly SourceSummary[];
  readonly diagnostics: readonly Diagnostic[];
  readonly findings: FindingList;
  readonly snapshot: Snapshot;
  /** Positions in `findings` of the findings made anew. */
  readonly fresh: ReadonlySet<number>;
  /** How many of the snapshot's findings they replace. */
  readonly replaced: number;
}

/** A cluster of the report: its members, and its finding and the finding's id (decoded on demand for a kept one). */
interface Clustered {
  readonly members: readonly number[];
  readonly finding: () => Finding;
  readonly id: () => string;
}

/**
 * Whether two of the `dirty` claims are still a candidate pair under the current
 * caps, with the shared weight a full run computes (the first claim's weights,
 * in alphabetical term order).
 */
function candidacyChecker(
  postings: Postings,
  dirty: ReadonlySet<number>,
  maxPostings: number,
  minShared: number,
): (i: number, j: number) => boolean {
  const termsOf = blockingTermsOf(postings, maxPostings, dirty);
  return (i, j) => {
    const [first, second] = i < j ? [i, j] : [j, i];
    const theirs = new Set((termsOf.get(second) ?? []).map(({ term }) => term));
    let shared = 0;
    for (const { term, weight } of termsOf.get(first) ?? []) if (theirs.has(term)) shared += weight;
    return shared >= minShared;
  };
}

/** Compare pairs given in global claim indexes; the edges kept, in global indexes. */
function scoreGlobal(
  pairs: readonly (readonly [number, number])[],
  claims: ReadonlyMap<number, Claim>,
  sourceOf: readonly string[],
  model: typeof MATCH_MODEL,
): MatchEdge[] {
  const indexes = [...new Set(pairs.flat())].sort((a, b) => a - b);
  const local = new Map(indexes.map((index, position) => [index, position]));
  const graph = new PairGraph(
    indexes.map((index) => matchProfile(claims.get(index)!)),
    indexes.map((index) => sourceOf[index]!),
    model,
  );
  const edges = graph.score(pairs.map(([i, j]) => [local.get(i)!, local.get(j)!] as const));
  resetGramTables();
  return edges.map((edge) => ({ ...edge, i: indexes[edge.i]!, j: indexes[edge.j]! }));
}

// ---------------------------------------------------------------------------
// Snapshots

/** The snapshot of a full run. */
function snapshotOf(
  sources: readonly Source[],
  summaries: readonly SourceSummary[],
  state: ClusterState,
  hashes: ReadonlyMap<string, string>,
  fileDiagnostics: readonly Diagnostic[],
  options: CheckRunOptions,
): Snapshot {
  const claimsOf = new Map<string, number>();
  for (const claim of state.claims) claimsOf.set(claim.sentence.source, (claimsOf.get(claim.sentence.source) ?? 0) + 1);
  const order = state.members
    .map((members, index) => ({ members, finding: () => state.findings[index]!, index }))
    .sort(inReportOrder)
    .map((cluster) => cluster.index);
  const maxPostings = maxPostingsFor(state.claims.length, options);
  return {
    files: Object.fromEntries(hashes),
    fileDiagnostics,
    sources: sources.map((source, index) => ({
      path: source.path,
      id: source.id,
      proseKey: proseKeyOf(source),
      claims: claimsOf.get(source.id) ?? 0,
      summary: summaries[index]!,
    })),
    claimKeys: state.claims.map((claim) => claimKey(claim)),
    maxPostings,
    postings: [...state.postings].filter(([, list]) => list.claims.length <= maxPostings).map(([term, list]) => [term, list.claims, list.weights] as const),
    common: [...state.postings].filter(([, list]) => list.claims.length > maxPostings).map(([term, list]) => [term, list.claims.length] as const),
    edges: state.edges.map((edge) => [edge.i, edge.j, edge.strength, edge.confident ? 1 : 0] as const),
    members: order.map((index) => state.members[index]!),
    findings: findingListOf(order.map((index) => slimFinding(state.findings[index]!))),
  };
}

// On disk, findings are compact rows (a slim finding repeats its source's path
// and outlet in every mention, and its text in one of them): a third of the size,
// and much less to parse and to collect on every run. Each row is kept as its
// JSON text, parsed only when its finding is needed (`FindingList`): a re-check
// after one new article decodes a few of them.
//
//   findings = { strings: string[], rows: JSON text of row[] }
//   row      = [id, verdict#, text | mention index, outlet#[], origin#[], mention[], conflicts, related]
//   mention  = [key, source index, text, line, column, start, end, negated (0|1),
//               attribution# | -1, checkworthy (0|1), score, reason#]
//            | a mention object as is (one the row cannot say exactly)

type FindingRow = [string, number, string | number, number[], number[], unknown[], Finding['conflicts'], Finding['related']];

/** The snapshot as written: findings as compact rows. */
function encodeSnapshot(snapshot: Snapshot): unknown {
  const { strings, ref } = stringTable();
  const sourceIndex = new Map(snapshot.sources.map((source, index) => [source.id, index]));
  const mentionRow = (mention: Mention): unknown => {
    const index = sourceIndex.get(mention.source);
    const source = index === undefined ? undefined : snapshot.sources[index]!;
    const exact =
      source !== undefined &&
      source.path === mention.path &&
      source.summary.outlet === mention.outlet &&
      mention.quantities.length === 0 &&
      mention.dates.length === 0 &&
      Object.keys(mention).length === 14 &&
      Object.keys(mention.checkworthiness).length === 3;
    if (!exact) return mention;
    const { checkworthy, score, reason } = mention.checkworthiness;
    return [
      mention.key,
      index,
      mention.text,
      mention.line,
      mention.column,
      mention.start,
      mention.end,
      mention.negated ? 1 : 0,
      mention.attribution === null ? -1 : ref(mention.attribution),
      checkworthy ? 1 : 0,
      score,
      ref(reason),
    ];
  };
  const rows = allFindings(snapshot.findings).map((finding): string => {
    const textIndex = finding.mentions.findIndex((mention) => mention.text === finding.text);
    const row: FindingRow = [
      finding.id,
      ref(finding.verdict),
      textIndex >= 0 ? textIndex : finding.text,
      finding.outlets.map(ref),
      finding.origins.map(ref),
      finding.mentions.map(mentionRow),
      finding.conflicts,
      finding.related,
    ];
    return JSON.stringify(row);
  });
  return { ...snapshot, findings: { strings, rows } };
}

/** Thrown while decoding a snapshot that does not have the layout above. */
class BadSnapshot extends Error {
  constructor() {
    super(`the corpus snapshot in the cache is damaged: delete the cache folder (${CACHE_FOLDER} by default) and run again`);
  }
}

function expect(condition: boolean): asserts condition {
  if (!condition) throw new BadSnapshot();
}

/**
 * The findings of a written snapshot, each decoded when first asked for (a
 * `BadSnapshot` error then if its row does not have the layout above), or a
 * `BadSnapshot` error now when the rows are not there.
 *
 * @param data The snapshot's `findings` as written.
 * @param sources The snapshot's sources.
 * @param keysOf The mention keys of the finding at an index (its claims' keys).
 */
function findingRows(data: unknown, sources: readonly SnapshotSource[], keysOf: (index: number) => readonly string[]): FindingList {
  expect(isRecord(data) && isArrayOf(data.strings, isString) && isArrayOf(data.rows, isString));
  const strings = data.strings;
  const rows = data.rows;
  const ref = (index: unknown): string => {
    expect(typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < strings.length);
    return strings[index]!;
  };
  const mentionOf = (row: unknown): Mention => {
    if (isRecord(row)) return row as unknown as Mention;
    expect(Array.isArray(row) && row.length === 12);
    const [key, index, text, line, column, start, end, negated, attribution, checkworthy, score, reason] = row as unknown[];
    const source = typeof index === 'number' ? sources[index] : undefined;
    expect(isString(key) && source !== undefined && isString(text) && typeof score === 'number');
    return {
      key,
      source: source.id,
      path: source.path,
      outlet: source.summary.outlet,
      text,
      line: line as number,
      column: column as number,
      start: start as number,
      end: end as number,
      quantities: [],
      dates: [],
      negated: negated === 1,
      attribution: attribution === -1 ? null : ref(attribution),
      checkworthiness: { checkworthy: checkworthy === 1, score, reason: ref(reason) },
    };
  };
  const findingOf = (text: string): Finding => {
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      throw new BadSnapshot();
    }
    expect(Array.isArray(row) && row.length === 8 && isString(row[0]) && Array.isArray(row[3]) && Array.isArray(row[4]) && Array.isArray(row[5]));
    const [id, verdict, representative, outlets, origins, mentionRows, conflicts, related] = row as FindingRow;
    const mentions = mentionRows.map(mentionOf);
    const findingText = typeof representative === 'number' ? mentions[representative]?.text : representative;
    expect(isString(findingText) && Array.isArray(conflicts) && Array.isArray(related));
    return { id, verdict: ref(verdict) as Verdict, text: findingText, outlets: outlets.map(ref), origins: origins.map(ref), mentions, conflicts, related };
  };
  const decoded: (Finding | undefined)[] = new Array(rows.length);
  const at = (index: number): Finding => (decoded[index] ??= findingOf(rows[index]!));
  return {
    length: rows.length,
    at,
    // A row starts with its id: a 12-digit hex string, read without parsing the row.
    id: (index) => {
      const row = rows[index]!;
      const end = row.indexOf('"', 2);
      const id = row.startsWith('["') && end > 2 ? row.slice(2, end) : undefined;
      return id !== undefined && !id.includes('\\') ? id : at(index).id;
    },
    keys: keysOf,
  };
}

/** A snapshot read back, when it has the expected shape. */
function toSnapshot(data: unknown): Snapshot | undefined {
  if (!isRecord(data) || !isRecord(data.files) || !Array.isArray(data.sources) || !isArrayOf(data.claimKeys, isString)) return undefined;
  if (!Array.isArray(data.postings) || !Array.isArray(data.common) || !Array.isArray(data.edges) || !Array.isArray(data.members) || !isRecord(data.findings)) return undefined;
  if (!Array.isArray(data.fileDiagnostics) || typeof data.maxPostings !== 'number') return undefined;
  let findings: FindingList;
  const members = data.members as readonly (readonly number[])[];
  const claimKeys = data.claimKeys;
  try {
    findings = findingRows(data.findings, data.sources as SnapshotSource[], (index) => members[index]!.map((member) => claimKeys[member]!));
  } catch (error) {
    if (error instanceof BadSnapshot || error instanceof TypeError) return undefined;
    throw error;
  }
  const snapshot = { ...(data as unknown as Snapshot), findings };
  const claims = snapshot.sources.reduce((sum, source) => sum + (isRecord(source) && Number.isInteger(source.claims) ? source.claims : NaN), 0);
  if (claims !== snapshot.claimKeys.length || snapshot.members.length !== snapshot.findings.length) return undefined;
  const covered = snapshot.members.reduce((sum, members) => sum + (Array.isArray(members) ? members.length : NaN), 0);
  return covered === claims ? snapshot : undefined;
}

/**
 * The cache key of the snapshot for these paths and settings, or undefined when
 * the settings cannot be keyed (a model given in code).
 */
function snapshotKey(paths: readonly string[], cwd: string, options: CheckRunOptions): string | undefined {
  if (options.model) return undefined;
  const review = (pairs: Review['separate']) => (pairs ?? []).map(([a, b]) => (a < b ? `${a} ${b}` : `${b} ${a}`)).sort();
  const settings = {
    cwd,
    paths: paths.map((given) => path.resolve(cwd, given)),
    blocking: [options.minBlockingWeight, options.maxTermShare, options.maxTermClaims, options.minSharedWeight, options.linkage],
    separate: review(options.review?.separate),
    updates: review(options.review?.updates),
    code: crossSourceFingerprint(),
  };
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 32);
}

let codeFingerprint: string | undefined;
/** Hash of the cross-source code (matching is in the tool fingerprint already). */
function crossSourceFingerprint(): string {
  if (codeFingerprint === undefined) {
    const hash = createHash('sha256');
    for (const name of ['index', 'judge', 'incremental', 'load']) {
      for (const extension of ['.js', '.ts']) {
        try {
          hash.update(readFileSync(fileURLToPath(new URL(`./${name}${extension}`, import.meta.url))));
        } catch {
          // Either the built or the source file exists.
        }
      }
    }
    codeFingerprint = hash.digest('hex').slice(0, 16);
  }
  return codeFingerprint;
}

// ---------------------------------------------------------------------------
// Slim findings

/**
 * A finding as `check` needs it: mentions without quantities and dates, no related links.
 *
 * @param finding A finding.
 */
export function slimFinding(finding: Finding): Finding {
  return { ...finding, mentions: finding.mentions.map((mention) => ({ ...mention, quantities: [], dates: [] })), related: [] };
}

/**
 * The report with slim findings (see `slimFinding`).
 *
 * @param report A report.
 */
export function slimReport(report: Report): Report {
  return { ...report, claims: report.claims.map(slimFinding) };
}

// ---------------------------------------------------------------------------
// Helpers

/** Clusters in the order a full run reports their findings: `compareFindings`, ties by first member (clusters come in that order). */
function inReportOrder(a: { members: readonly number[]; finding: () => Finding }, b: { members: readonly number[]; finding: () => Finding }): number {
  return compareFindings(a.finding(), b.finding()) || a.members[0]! - b.members[0]!;
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

function sortPosting(list: { claims: number[]; weights: number[] }): { claims: number[]; weights: number[] } {
  const order = list.claims.map((_, k) => k).sort((a, b) => list.claims[a]! - list.claims[b]!);
  return { claims: order.map((k) => list.claims[k]!), weights: order.map((k) => list.weights[k]!) };
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
