// The per-source stage of a run: parse, segment and extract every source, and
// derive the match profile of each claim. Its result for a source depends on
// nothing else, so it is cached by content (see cache.ts) and spread over worker
// threads when there are enough sources to pay for starting them; either way the
// results are the same, in source order.

import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { entryKey, hasEntry, openCache, readEntry } from './cache.js';
import { extractClaims } from './extract/index.js';
import { decodeText, parseSource, type ParsedSource, type SourceFile } from './load.js';
import { articleContext, matchProfile, rememberProfile } from './match/index.js';
import { splitSentences } from './segment.js';
import { decodeAnalysis, decodeParsed, type AnalysisData } from './stored.js';
import type { Claim, Source } from './types.js';
import { closeWorkerPool, workerPool } from './workers/pool.js';
import { processFile, processSource, type Task } from './workers/tasks.js';

/** What one source contributes to a run. */
export interface SourceAnalysis {
  readonly source: string;
  readonly sentences: number;
  readonly claims: readonly Claim[];
}

/** Options of the per-source stage. */
export interface AnalyzeOptions {
  /** Called after each source with the number done and the total (optional). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Folder of the on-disk cache of per-source results, or `false` for none
   * (default: none for `analyzeAll`; `crossReference` uses `.claimcheck-cache`
   * under its working folder).
   */
  readonly cache?: string | false;
  /**
   * Threads for sources that need work, this one included: a number (0 or 1: this
   * thread only), or `'auto'`: one per core once at least 200 sources need work
   * (default: `'auto'`). Results are the same, in the same order, either way.
   */
  readonly threads?: number | 'auto';
}

/** Sources that need work before worker threads pay for their start-up (`threads: 'auto'`). */
export const MIN_WORKER_SOURCES = 200;

/**
 * Segment a source and extract its check-worthy claims.
 *
 * @param source Loaded source.
 */
export function analyzeSource(source: Source): SourceAnalysis {
  const sentences = splitSentences(source);
  const claims = extractClaims(sentences, {
    outlet: source.meta.outlet,
    ...(source.meta.published ? { published: source.meta.published } : {}),
  });
  return { source: source.id, sentences: sentences.length, claims };
}

export type { AnalysisData } from './stored.js';

/**
 * Analyse a source and derive its claims' match profiles.
 *
 * @param source Loaded source.
 */
export function analyzeWithProfiles(source: Source): AnalysisData {
  const { sentences, claims } = analyzeSource(source);
  const context = articleContext({
    ...(source.meta.title ? { title: source.meta.title } : {}),
    paragraphs: source.blocks.map((block) => (block.boilerplate || block.kind === 'tableCell' ? '' : block.text)),
    ...(source.meta.published ? { published: source.meta.published } : {}),
  });
  return { sentences, claims, profiles: claims.map((claim) => matchProfile(claim, context)) };
}

/** Analyses made while loading (by a worker, or read from the cache), by source object. */
const ready = new WeakMap<Source, AnalysisData>();

/**
 * Analyse every source, in order: from the cache, from the loader's workers, on
 * worker threads or on this thread.
 *
 * @param sources Loaded sources.
 * @param options Progress callback, cache folder and threads (optional).
 */
export async function analyzeAll(sources: readonly Source[], options: AnalyzeOptions = {}): Promise<SourceAnalysis[]> {
  const cache = options.cache ? openCache(options.cache) : undefined;
  const results: (AnalysisData | undefined)[] = sources.map((source) => {
    const known = ready.get(source);
    if (known) return known;
    return cache ? readEntry(cache, 'analysis', analysisKey(source), (data) => decodeAnalysis(data, source)) : undefined;
  });
  let done = results.filter(Boolean).length;
  if (done > 0) options.onProgress?.(done, sources.length);
  const missing = sources.map((_, index) => index).filter((index) => !results[index]);
  await spread(missing, options.threads, {
    task: (indexes) => ({ kind: 'sources', ...(cache ? { cache } : {}), sources: indexes.map((index) => sources[index]!) }),
    fromWorker: (index, text) => {
      const source = sources[index]!;
      results[index] = decodeAnalysis(JSON.parse(text), source) ?? processSource(source, cache).analysis;
    },
    here: (index) => {
      results[index] = processSource(sources[index]!, cache).analysis;
    },
    done: () => options.onProgress?.(++done, sources.length),
  });
  // The per-source stage is over: end the workers now rather than after an idle moment,
  // so their memory is back before matching and judging.
  closeWorkerPool();
  return sources.map((source, index) => {
    const data = results[index]!;
    data.claims.forEach((claim, k) => rememberProfile(claim, data.profiles[k]!));
    return { source: source.id, sentences: data.sentences, claims: data.claims };
  });
}

/** Files a worker thread is parsing and analysing ahead (`prefetchFiles`), by their entry's key. */
const prefetching = new Map<string, Promise<unknown>>();

/**
 * Start parsing and analysing, on a worker thread, the few files under `files`
 * the cache has no entry for, and return at once: the caller goes on with other
 * work (reading the ledger and the corpus snapshot) on this thread meanwhile,
 * and a later `sourceParser` of those files waits for the worker and reads what
 * it wrote to the cache. Only with a cache, at most `MIN_WORKER_SOURCES` files
 * (more go to the parallel path of `sourceParser`) and threads allowed.
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
 * A batch parser for `loadSources` that reads parsed sources from the cache and
 * parses (and analyses, for `analyzeAll` to pick up) the rest, on worker threads
 * when there are many.
 *
 * @param options Progress callback, cache folder and threads.
 */
export function sourceParser(options: AnalyzeOptions = {}): (files: readonly SourceFile[]) => Promise<ParsedSource[]> {
  return async (files) => {
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
    const results: (ParsedSource | undefined)[] = files.map(({ file, bytes }, index) => {
      if (!cache) return undefined;
      const entry = readEntry(cache, 'parsed', parsedKey(file, hashes[index]!), (data) => decodeParsed(data, file, textOf(file, bytes), hashes[index]!));
      const source = entry?.parsed.source;
      if (source) {
        // Stored with the parse when the file was analysed in the same pass; an analysis entry of its own otherwise.
        const analysis = entry.analysis ?? readEntry(cache, 'analysis', analysisKey(source), (data) => decodeAnalysis(data, source));
        if (analysis) ready.set(source, analysis);
      }
      return entry?.parsed;
    });
    let done = results.filter(Boolean).length;
    if (done > 0) options.onProgress?.(done, files.length);
    const missing = files.map((_, index) => index).filter((index) => !results[index]);
    const keep = (index: number, result: { parsed: ParsedSource; analysis?: AnalysisData }) => {
      results[index] = result.parsed;
      if (result.parsed.source && result.analysis) ready.set(result.parsed.source, result.analysis);
    };
    await spread(missing, options.threads, {
      task: (indexes) => ({
        kind: 'files',
        ...(cache ? { cache } : {}),
        files: indexes.map((index) => ({ ...files[index]!, hash: hashes[index]! })),
      }),
      fromWorker: (index, text) => {
        const { file, bytes } = files[index]!;
        const stored = JSON.parse(text) as unknown;
        keep(index, (stored !== null && decodeParsed(stored, file, textOf(file, bytes), hashes[index]!)) || { parsed: parseSource(file, bytes) });
      },
      here: (index) => keep(index, processFile(files[index]!.file, files[index]!.bytes, hashes[index]!, cache)),
      done: () => options.onProgress?.(++done, files.length),
    });
    return results as ParsedSource[];
  };
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

// ---------------------------------------------------------------------------
// Cache keys and entries

/**
 * Key of a source's analysis: its id (claims carry it), the hash of its file, its
 * metadata (outlet, publication date) and its blocks (what is segmented).
 *
 * @param source Loaded source.
 */
export function analysisKey(source: Source): string {
  const blocks = createHash('sha256').update(JSON.stringify(source.blocks)).digest('hex');
  return entryKey('analysis', source.id, source.hash, JSON.stringify(source.meta), blocks);
}

/**
 * Key of a file's parsed source: its path as found (diagnostics and the id carry
 * it) and the hash of its bytes.
 *
 * @param file Path as found.
 * @param hash sha256 of the bytes, hex.
 */
export function parsedKey(file: string, hash: string): string {
  return entryKey('parsed', file, hash);
}
