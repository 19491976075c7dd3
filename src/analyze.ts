// The per-source stage of a run: parse, segment and extract every source, and
// derive the match profile of each claim. Its result for a source depends on
// nothing else, so it is cached by content (see cache.ts) and spread over worker
// threads when there are enough sources to pay for starting them; either way the
// results are the same, in source order.

import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  entryKey,
  hasEntry,
  isArrayOf,
  isDiagnostic,
  isBoolean,
  isInteger,
  isNumber,
  isRecord,
  isString,
  openCache,
  readEntry,
} from './cache.js';
import { extractClaims } from './extract/index.js';
import { decodeText, parseSource, type ParsedSource, type SourceFile } from './load.js';
import { matchProfile, rememberProfile, type MatchProfile } from './match/index.js';
import { splitSentences } from './segment.js';
import type { Block, Claim, Diagnostic, Position, Source } from './types.js';
import { closeWorkerPool, workerPool } from './workers/pool.js';
import { processFile, processSource, type FileResult, type Task } from './workers/tasks.js';

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

/** A source's analysis with the match profile of each claim: what the cache keeps. */
export interface AnalysisData {
  readonly sentences: number;
  readonly claims: readonly Claim[];
  /** `matchProfile` of each claim, in order. */
  readonly profiles: readonly MatchProfile[];
}

/**
 * Analyse a source and derive its claims' match profiles.
 *
 * @param source Loaded source.
 */
export function analyzeWithProfiles(source: Source): AnalysisData {
  const { sentences, claims } = analyzeSource(source);
  return { sentences, claims, profiles: claims.map((claim) => matchProfile(claim)) };
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
    return cache ? readEntry(cache, 'analysis', analysisKey(source), (data) => checkAnalysis(data, source)) : undefined;
  });
  let done = results.filter(Boolean).length;
  if (done > 0) options.onProgress?.(done, sources.length);
  const missing = sources.map((_, index) => index).filter((index) => !results[index]);
  await spread(missing, options.threads, {
    task: (indexes) => ({ kind: 'sources', ...(cache ? { cache } : {}), sources: indexes.map((index) => sources[index]!) }),
    fromWorker: (index, text) => {
      const data = JSON.parse(text) as AnalysisData | null;
      results[index] = data ?? processSource(sources[index]!, cache);
    },
    here: (index) => {
      results[index] = processSource(sources[index]!, cache);
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
      const entry = readEntry(cache, 'parsed', parsedKey(file, hashes[index]!), (data) => checkParsedEntry(data, file, bytes, hashes[index]!));
      const source = entry?.parsed.source;
      if (source) {
        // Stored with the parse since this version; an analysis entry of its own otherwise.
        const analysis = entry.analysis ?? readEntry(cache, 'analysis', analysisKey(source), (data) => checkAnalysis(data, source));
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
      fromWorker: (index, text) => keep(index, restoreFile(JSON.parse(text) as FileResult, files[index]!.file, files[index]!.bytes)),
      here: (index) => keep(index, processFile(files[index]!.file, files[index]!.bytes, hashes[index]!, cache)),
      done: () => options.onProgress?.(++done, files.length),
    });
    return results as ParsedSource[];
  };
}

/** A file task's result as sent back by a worker: the source text decoded again from the bytes. */
function restoreFile(result: FileResult, file: string, bytes: Uint8Array): { parsed: ParsedSource; analysis?: AnalysisData } {
  if (!result.parsed) return { parsed: parseSource(file, bytes) };
  const parsed = withText(result.parsed, bytes);
  return parsed.source && result.analysis ? { parsed, analysis: result.analysis } : { parsed };
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

/**
 * A parsed source as stored: the text is left out (decoded from the file's bytes
 * on reading); the source's analysis is kept with it when the file was analysed
 * in the same pass.
 */
export interface StoredParsed {
  readonly source?: Omit<Source, 'text'>;
  readonly diagnostics: readonly Diagnostic[];
  readonly analysis?: AnalysisData;
}

/**
 * What the cache keeps of `parseSource`'s result.
 *
 * @param parsed Result of `parseSource`.
 */
export function storedParsed(parsed: ParsedSource): StoredParsed {
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const { text: _text, ...rest } = parsed.source;
  return { source: rest, diagnostics: parsed.diagnostics };
}

function withText(stored: StoredParsed, bytes: Uint8Array): ParsedSource {
  if (!stored.source) return { diagnostics: stored.diagnostics };
  const decoded = decodeText(stored.source.path, bytes);
  if (!('text' in decoded)) return { diagnostics: stored.diagnostics };
  const source: Source = { ...stored.source, text: decoded.text };
  return { source, diagnostics: stored.diagnostics };
}

const isPoint = (value: unknown): boolean => isRecord(value) && isInteger(value.line) && isInteger(value.column) && isInteger(value.offset);
const isPosition = (value: unknown): value is Position => isRecord(value) && isPoint(value.start) && isPoint(value.end);
const isBlock = (value: unknown): value is Block =>
  isRecord(value) &&
  isString(value.kind) &&
  isString(value.text) &&
  isPosition(value.position) &&
  (value.boilerplate === undefined || isString(value.boilerplate)) &&
  isArrayOf(value.runs, (run): run is Block['runs'][number] => isRecord(run) && isInteger(run.plain) && isInteger(run.file) && isInteger(run.length));

/**
 * A stored parsed source read back, with its text, when it has the expected shape
 * and belongs to these bytes.
 */
function checkParsed(data: unknown, file: string, bytes: Uint8Array, hash: string): ParsedSource | undefined {
  if (!isRecord(data) || !isArrayOf(data.diagnostics, isDiagnostic)) return undefined;
  if (data.source !== undefined) {
    const source = data.source;
    if (!isRecord(source) || !isString(source.id) || source.hash !== hash || !isString(source.path)) return undefined;
    if (!isRecord(source.meta) || !isString(source.meta.outlet) || !isArrayOf(source.blocks, isBlock)) return undefined;
    if (source.path !== file.split('\\').join('/')) return undefined;
  }
  const parsed = withText(data as unknown as StoredParsed, bytes);
  return data.source !== undefined && !parsed.source ? undefined : parsed;
}

/** A stored parse read back with the analysis stored beside it, if that still belongs to the source. */
function checkParsedEntry(data: unknown, file: string, bytes: Uint8Array, hash: string): { parsed: ParsedSource; analysis?: AnalysisData } | undefined {
  const parsed = checkParsed(data, file, bytes, hash);
  if (!parsed) return undefined;
  const stored = (data as { analysis?: unknown }).analysis;
  const analysis = stored !== undefined && parsed.source ? checkAnalysis(stored, parsed.source) : undefined;
  return analysis ? { parsed, analysis } : { parsed };
}

const isSpan = (value: unknown): boolean => isRecord(value) && isInteger(value.start) && isInteger(value.end);
const isStringArray = (value: unknown): value is string[] => isArrayOf(value, isString);

function isClaimOf(value: unknown, source: Source): value is Claim {
  if (!isRecord(value) || !isRecord(value.sentence) || !isRecord(value.checkworthiness) || !isRecord(value.negation)) return false;
  const sentence = value.sentence;
  if (sentence.source !== source.id || !isInteger(sentence.index) || !isString(sentence.text) || !isString(sentence.plain)) return false;
  if (!isPosition(sentence.position) || !isInteger(sentence.block) || !isString(sentence.kind)) return false;
  // The sentence must be where it says it is in this source's text.
  if (source.text.slice(sentence.position.start.offset, sentence.position.end.offset) !== sentence.text) return false;
  const worth = value.checkworthiness;
  if (!isBoolean(worth.checkworthy) || !isNumber(worth.score) || !isString(worth.reason)) return false;
  if (value.outlet !== source.meta.outlet || !(value.attribution === null || isString(value.attribution))) return false;
  if (!isBoolean(value.negation.negated) || !(value.negation.cue === null || isString(value.negation.cue))) return false;
  const quantities = isArrayOf(value.quantities, (q): q is unknown => isRecord(q) && isString(q.text) && isSpan(q.span) && isNumber(q.value) && isString(q.kind));
  const dates = isArrayOf(value.dates, (d): d is unknown => isRecord(d) && isString(d.text) && isSpan(d.span) && isString(d.grain) && isBoolean(d.relative));
  return quantities && dates;
}

function isProfile(value: unknown): value is MatchProfile {
  if (!isRecord(value) || !isRecord(value.terms) || !isStringArray(value.figures)) return false;
  const terms = value.terms;
  return (
    isStringArray(terms.tokens) &&
    isStringArray(terms.sequence) &&
    isStringArray(terms.terms) &&
    isArrayOf(terms.weights, isNumber) &&
    terms.weights.length === terms.terms.length &&
    isStringArray(terms.names) &&
    isStringArray(terms.numbers)
  );
}

/** A stored analysis read back, when it has the expected shape and belongs to this source. */
function checkAnalysis(data: unknown, source: Source): AnalysisData | undefined {
  if (!isRecord(data) || !isInteger(data.sentences) || data.sentences < 0) return undefined;
  if (!Array.isArray(data.claims) || !Array.isArray(data.profiles) || data.claims.length !== data.profiles.length) return undefined;
  if (data.claims.length > data.sentences) return undefined;
  for (const claim of data.claims) if (!isClaimOf(claim, source)) return undefined;
  for (const profile of data.profiles) if (!isProfile(profile)) return undefined;
  return data as unknown as AnalysisData;
}
