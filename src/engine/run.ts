// engine/run: files read → the per-source stage of the core (`parseSource`, then
// `analyzeSource`) for each, from the cache when it has the result, else on
// worker threads when there are enough files to pay for starting them, else on
// this thread; then the core's `buildReport`. Results are the same either way,
// in source order: the engine only decides where the work runs and what it reuses.

import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { decodeText, parseSource, type ParsedSource, type SourceFile } from '../core/parse.js';
import { buildReport, type ReportOptions, type SourceAnalysis } from '../core/report.js';
import type { ClusterOptions } from '../core/match/index.js';
import type { Report, Source } from '../types.js';
import { decodeAnalysis, decodeParsed, type AnalysisData } from './codec.js';
import { readSourceFiles, settleParsed, type LoadedSources, type ReadFiles } from './files.js';
import { analysisKey, hasEntry, openCache, parsedKey, readEntry, type Cache } from './store.js';
import { TermsMemo } from './terms-memo.js';
import { startPairShard } from './workers/pair-shard.js';
import { closeWorkerPool, workerPool } from './workers/pool.js';
import { processFile, processSource, type Task } from './workers/tasks.js';

/** Options of the per-source stage. */
export interface AnalyzeOptions {
  /** Called after each source with the number done and the total (optional). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Folder of the on-disk cache of per-source results, or `false` for none
   * (default: none for `analyzeAll`; `crossReference` uses none either;
   * the commands pass `CACHE_FOLDER`, the user's cache folder).
   */
  readonly cache?: string | false;
  /**
   * Threads for sources that need work, this one included: a number (0 or 1: this
   * thread only), or `'auto'`: one per core once at least 200 sources need work
   * (default: `'auto'`). Results are the same, in the same order, either way.
   * A number of at least 2 also has a worker compare candidate pairs with this
   * thread (`startPairShard`: faster matching, at the cost of a copy of the
   * profiles); `'auto'` does so for runs of a bounded number of claims
   * (src/data/threads.json: about 300 to 3,200 articles).
   */
  readonly threads?: number | 'auto';
}

/** Options of a cross-reference run. */
export interface CrossReferenceOptions extends Omit<ClusterOptions, 'cannotLink'>, AnalyzeOptions {
  /** Folder that relative paths resolve against (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Reviewer decisions to honour (optional). */
  readonly review?: ReportOptions['review'];
}

/** Sources that need work before worker threads pay for their start-up (`threads: 'auto'`). */
export const MIN_WORKER_SOURCES = 200;

/** Loaded sources with the analysis of each, in the same order. */
export interface AnalyzedSources extends LoadedSources {
  readonly analyses: readonly SourceAnalysis[];
}

/**
 * Cross-reference the claims of the sources under `paths`.
 *
 * @param paths Source files or folders (default: `sources`).
 * @param options Working folder, review and matching settings (optional).
 */
export async function crossReference(paths: readonly string[] = ['sources'], options: CrossReferenceOptions = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const perSource = perSourceOptions(options);
  const loaded = await analyzeRead(await readSourceFiles(paths, cwd), perSource);
  return reportOfOwnAnalyses(loaded, options, perSource.threads);
}

/**
 * The core's report of sources this run analysed itself (`analyzeRead`): with two
 * threads or more asked for, or `'auto'` and a number of claims in its range, a
 * worker compares candidate pairs too (pair-shard.ts; the same report), and the analyses' profiles go once clustering is done
 * (`releaseProfiles`: nothing else reads them).
 *
 * @param loaded The run's own sources and analyses.
 * @param options Matching settings and reviewer decisions.
 * @param threads Threads of the run (`AnalyzeOptions.threads`).
 */
export function reportOfOwnAnalyses(loaded: AnalyzedSources, options: ReportOptions, threads: AnalyzeOptions['threads']): Report {
  const shard = startPairShard(() => loaded.analyses.flatMap((analysis) => analysis.profiles), threads);
  try {
    const run = { ...options, afterMatching: releaseProfiles(loaded.analyses) };
    return buildReport(loaded.sources, loaded.analyses, loaded.diagnostics, shard ? { ...run, comparePairs: shard.compare } : run);
  } finally {
    shard?.close();
  }
}

/**
 * What a run that owns its analyses passes as `afterMatching`: their match profiles
 * go once clustering is done (nothing past it reads them), so that they are not
 * alive next to the findings while judging.
 *
 * @param analyses The run's own analyses (made by `analyzeRead`, read by nothing else).
 */
export function releaseProfiles(analyses: readonly SourceAnalysis[]): () => void {
  return () => {
    for (const analysis of analyses) (analysis as { profiles: SourceAnalysis['profiles'] }).profiles = [];
  };
}

/**
 * The per-source options of a run: a relative cache folder is taken relative to `cwd`.
 *
 * @param options Run options.
 */
export function perSourceOptions(options: CrossReferenceOptions): AnalyzeOptions {
  return typeof options.cache === 'string' ? { ...options, cache: path.resolve(options.cwd ?? process.cwd(), options.cache) } : options;
}

/**
 * Parse and analyse files read: each file from the cache, a worker or this
 * thread; then settle them into sources (duplicates dropped, ids unique) and
 * analyse any source whose analysis was not made with its final id.
 *
 * @param read Files read by `readSourceFiles`.
 * @param options Progress callback, cache folder and threads.
 */
export async function analyzeRead(read: ReadFiles, options: AnalyzeOptions = {}): Promise<AnalyzedSources> {
  const results = await parseFiles(read.files, options);
  const madeWith = new Map<Source, AnalysisData>();
  for (const result of results) if (result.parsed.source && result.analysis) madeWith.set(result.parsed.source, result.analysis);
  const loaded = settleParsed(
    read,
    results.map((result) => result.parsed),
  );
  // A source whose id changed (a clash of file names) is a new object: its claims carry the old id.
  const analyses = await analyzeSources(loaded.sources, options, (source) => madeWith.get(source));
  return { ...loaded, analyses };
}

/**
 * Analyse sources, in order: the analysis given by `known`, else from the cache,
 * on worker threads or on this thread.
 *
 * @param sources Loaded sources.
 * @param options Progress callback, cache folder and threads (optional).
 * @param known Analyses already made, by source (optional).
 */
export async function analyzeSources(
  sources: readonly Source[],
  options: AnalyzeOptions = {},
  known: (source: Source) => AnalysisData | undefined = () => undefined,
): Promise<SourceAnalysis[]> {
  const cache = options.cache ? openCache(options.cache) : undefined;
  // Word-for-word copies share their terms (and matching's n-grams of them).
  const memo = new TermsMemo();
  const results: (AnalysisData | undefined)[] = sources.map((source) => {
    return known(source) ?? (cache ? readEntry(cache, 'analysis', analysisKey(source), (data) => decodeAnalysis(data, source, memo)) : undefined);
  });
  let done = results.filter(Boolean).length;
  if (done > 0) options.onProgress?.(done, sources.length);
  const missing = sources.map((_, index) => index).filter((index) => !results[index]);
  await spread(missing, options.threads, {
    task: (indexes) => ({ kind: 'sources', ...(cache ? { cache } : {}), sources: indexes.map((index) => sources[index]!) }),
    fromWorker: (index, text) => {
      const source = sources[index]!;
      results[index] = decodeAnalysis(JSON.parse(text), source, memo) ?? shared(memo, processSource(source, cache).analysis);
    },
    here: (index) => {
      results[index] = shared(memo, processSource(sources[index]!, cache).analysis);
    },
    done: () => options.onProgress?.(++done, sources.length),
  });
  // The per-source stage is over: end the workers now rather than after an idle moment,
  // so their memory is back before matching and judging.
  closeWorkerPool();
  return sources.map((source, index) => ({ source: source.id, ...results[index]! }));
}

/**
 * Analyse sources already loaded (see `analyzeSources`).
 *
 * @param sources Loaded sources.
 * @param options Progress callback, cache folder and threads (optional).
 */
export async function analyzeAll(sources: readonly Source[], options: AnalyzeOptions = {}): Promise<SourceAnalysis[]> {
  return analyzeSources(sources, options);
}

/** A file parsed, with its source's analysis when it was made in the same pass. */
export interface ParsedFile {
  readonly parsed: ParsedSource;
  readonly analysis?: AnalysisData;
}

/** Files a worker thread is parsing and analysing ahead (`prefetchFiles`), by their entry's key. */
const prefetching = new Map<string, Promise<unknown>>();

/**
 * Start parsing and analysing, on a worker thread, the few files under `files`
 * the cache has no entry for, and return at once: the caller goes on with other
 * work (reading the ledger and the corpus snapshot) on this thread meanwhile,
 * and a later `parseFiles` of those files waits for the worker and reads what
 * it wrote to the cache. Only with a cache, at most `MIN_WORKER_SOURCES` files
 * (more go to the parallel path of `parseFiles`) and threads allowed. Pending
 * work only: what it gives is read back from the cache, so it cannot change a result.
 *
 * @param files Files read, with the sha256 of their bytes.
 * @param options Cache folder and threads.
 */
export function prefetchFiles(files: readonly (SourceFile & { readonly hash: string })[], options: AnalyzeOptions = {}): void {
  if (!options.cache || options.threads === 1 || availableParallelism() < 2) return;
  const cache = openCache(options.cache);
  const missing = files.flatMap((file) => {
    const key = parsedKey(file.file, file.hash);
    return hasEntry(cache, 'parsed', key) || prefetching.has(key) ? [] : [{ ...file, key }];
  });
  if (missing.length === 0 || missing.length > MIN_WORKER_SOURCES) return;
  const pool = workerPool(1);
  if (!pool) return;
  const done = pool.run({ kind: 'files', cache, files: missing.map(({ file, bytes, hash }) => ({ file, bytes, hash })) }).catch(() => undefined);
  for (const { key } of missing) prefetching.set(key, done);
}

/**
 * Parse files (and analyse their sources), in order: from the cache, on worker
 * threads when there are many, or on this thread.
 *
 * @param files Files read.
 * @param options Progress callback, cache folder and threads.
 */
export async function parseFiles(files: readonly SourceFile[], options: AnalyzeOptions = {}): Promise<ParsedFile[]> {
  const cache = options.cache ? openCache(options.cache) : undefined;
  const hashes = files.map(({ bytes, hash }) => hash ?? createHash('sha256').update(bytes).digest('hex'));
  // Files a worker is already parsing: wait for it, then read its entries.
  const ahead = files.flatMap(({ file }, index) => {
    const key = parsedKey(file, hashes[index]!);
    const pending = prefetching.get(key);
    prefetching.delete(key);
    return pending ? [pending] : [];
  });
  if (ahead.length > 0) await Promise.all(ahead);
  // Word-for-word copies share their terms (and matching's n-grams of them).
  const memo = new TermsMemo();
  const results: (ParsedFile | undefined)[] = files.map(({ file, bytes }, index) => (cache ? cachedFile(cache, file, bytes, hashes[index]!, memo) : undefined));
  let done = results.filter(Boolean).length;
  if (done > 0) options.onProgress?.(done, files.length);
  const missing = files.map((_, index) => index).filter((index) => !results[index]);
  await spread(missing, options.threads, {
    task: (indexes) => ({
      kind: 'files',
      ...(cache ? { cache } : {}),
      files: indexes.map((index) => ({ ...files[index]!, hash: hashes[index]! })),
    }),
    fromWorker: (index, text) => {
      const { file, bytes } = files[index]!;
      const stored = JSON.parse(text) as unknown;
      results[index] = (stored !== null && decodeParsed(stored, file, textOf(file, bytes), hashes[index]!, memo)) || { parsed: parseSource(file, bytes) };
    },
    here: (index) => {
      const { parsed, analysis } = processFile(files[index]!.file, files[index]!.bytes, hashes[index]!, cache);
      results[index] = analysis ? { parsed, analysis: shared(memo, analysis) } : { parsed };
    },
    done: () => options.onProgress?.(++done, files.length),
  });
  return results as ParsedFile[];
}

/**
 * `parseFiles` on this thread only, synchronously: for the few files an
 * incremental run reads back, almost always from the cache.
 *
 * @param files Files read.
 * @param options Cache folder.
 */
export function parseFilesHere(files: readonly SourceFile[], options: AnalyzeOptions = {}): ParsedFile[] {
  const cache = options.cache ? openCache(options.cache) : undefined;
  return files.map(({ file, bytes, hash }) => {
    const known = hash ?? createHash('sha256').update(bytes).digest('hex');
    const cached = cache ? cachedFile(cache, file, bytes, known) : undefined;
    if (cached) return cached;
    const { parsed, analysis } = processFile(file, bytes, known, cache);
    return analysis ? { parsed, analysis } : { parsed };
  });
}

/**
 * `analyzeSources` on this thread only, synchronously.
 *
 * @param sources Loaded sources.
 * @param options Cache folder.
 */
export function analyzeSourcesHere(sources: readonly Source[], options: AnalyzeOptions = {}): SourceAnalysis[] {
  const cache = options.cache ? openCache(options.cache) : undefined;
  return sources.map((source) => {
    const data = (cache ? readEntry(cache, 'analysis', analysisKey(source), (entry) => decodeAnalysis(entry, source)) : undefined) ?? processSource(source, cache).analysis;
    return { source: source.id, ...data };
  });
}

/** A file's parse and analysis from the cache, or undefined. */
function cachedFile(cache: Cache, file: string, bytes: Uint8Array, hash: string, memo?: TermsMemo): ParsedFile | undefined {
  const entry = readEntry(cache, 'parsed', parsedKey(file, hash), (data) => decodeParsed(data, file, textOf(file, bytes), hash, memo));
  const source = entry?.parsed.source;
  if (!entry || !source) return entry;
  // Stored with the parse when the file was analysed in the same pass; an analysis entry of its own otherwise.
  const analysis = entry.analysis ?? readEntry(cache, 'analysis', analysisKey(source), (data) => decodeAnalysis(data, source, memo));
  return analysis ? { parsed: entry.parsed, analysis } : { parsed: entry.parsed };
}

/** An analysis made on this thread, its profiles' terms shared with the equal ones of the stage (`TermsMemo`). */
function shared(memo: TermsMemo, analysis: AnalysisData): AnalysisData {
  return { ...analysis, profiles: memo.profiles(analysis.profiles) };
}

/** A file's text as the loader decodes it, or undefined when it cannot be decoded. */
function textOf(file: string, bytes: Uint8Array): string | undefined {
  const decoded = decodeText(file, bytes);
  return 'text' in decoded ? decoded.text : undefined;
}

/** How the items of a stage are worked on, by index. */
interface Work {
  /** The task a worker gets for some items. */
  readonly task: (indexes: readonly number[]) => Task;
  /** Take a worker's JSON answer for an item. */
  readonly fromWorker: (index: number, text: string) => void;
  /** Work on an item on this thread. */
  readonly here: (index: number) => void;
  /** Called after each item. */
  readonly done: () => void;
}

/**
 * Work through the items `indexes`: on worker threads when there are enough of
 * them (`threads`, see `AnalyzeOptions`), this thread taking small batches too
 * between handling the workers' answers; otherwise all on this thread. Items a
 * worker fails on are done here. The caller keeps results by index, so the
 * order never depends on which thread finished first.
 */
async function spread(indexes: readonly number[], threads: number | 'auto' = 'auto', work: Work): Promise<void> {
  const count = indexes.length;
  const total = threads === 'auto' ? (count >= MIN_WORKER_SOURCES ? availableParallelism() : 1) : Math.max(1, Math.min(threads, count));
  const pool = total > 1 ? workerPool(total - 1) : undefined;
  if (!pool) {
    for (const index of indexes) {
      work.here(index);
      work.done();
    }
    return;
  }
  // Workers get batches big enough to keep messages few; this thread takes small ones,
  // so that it comes back often to answer the workers.
  const workerBatch = Math.max(1, Math.min(16, Math.ceil(count / (total * 8))));
  const hereBatch = Math.max(1, Math.ceil(workerBatch / 4));
  let next = 0;
  const take = (size: number) => {
    const batch = indexes.slice(next, next + size);
    next += batch.length;
    return batch;
  };
  const workerLane = async () => {
    for (let batch = take(workerBatch); batch.length > 0; batch = take(workerBatch)) {
      const texts = await pool.run(work.task(batch)).catch(() => undefined);
      batch.forEach((index, k) => {
        const text = texts?.[k];
        if (text === undefined) work.here(index);
        else work.fromWorker(index, text);
        work.done();
      });
    }
  };
  const hereLane = async () => {
    for (let batch = take(hereBatch); batch.length > 0; batch = take(hereBatch)) {
      for (const index of batch) {
        work.here(index);
        work.done();
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // Two lanes per worker keep a task in flight while the other's answer waits for this thread.
  const lanes = Array.from({ length: pool.size * 2 }, workerLane);
  await Promise.all([...lanes, hereLane()]);
}

