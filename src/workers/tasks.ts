// The per-source work of a thread: parse a file's bytes and analyse the source,
// or analyse a loaded source, writing the results to the cache. A worker thread
// sends its results back as JSON text (cheap to pass between threads, and exactly
// what a later cached run will read); the main thread uses them as they are.

import { analysisKey, analyzeWithProfiles, parsedKey, storedParsed, type AnalysisData, type StoredParsed } from '../analyze.js';
import { isJsonSafe, writeEntry, type Cache } from '../cache.js';
import { parseSource, type ParsedSource, type SourceFile } from '../load.js';
import type { Source } from '../types.js';

/** Work for one thread: a batch of files or of sources. */
export type Task =
  | { readonly kind: 'files'; readonly cache?: Cache; readonly files: readonly (SourceFile & { readonly hash: string })[] }
  | { readonly kind: 'sources'; readonly cache?: Cache; readonly sources: readonly Source[] };

/** What a worker sends back for a file: the parsed source without its text (null: parse it yourself). */
export interface FileResult {
  readonly parsed: StoredParsed | null;
  /** Analysis of the source under the id the loader gave it, when the file is usable. */
  readonly analysis?: AnalysisData;
}

/**
 * Parse a file and analyse its source, writing both to the cache as one entry
 * (one file written per source: on a cold run, creating files costs more than
 * filling them). `result` is what a worker thread sends back for the file.
 *
 * @param file Path as found.
 * @param bytes The file's bytes.
 * @param hash sha256 of the bytes, hex.
 * @param cache Cache to write to (optional).
 */
export function processFile(
  file: string,
  bytes: Uint8Array,
  hash: string,
  cache?: Cache,
): { parsed: ParsedSource; analysis?: AnalysisData; result: FileResult } {
  const parsed = parseSource(file, bytes);
  const analysis = parsed.source ? analyzeWithProfiles(parsed.source) : undefined;
  const stored = storedParsed(parsed);
  // Checked once: what would not survive JSON is neither cached nor sent between threads.
  const storedSafe = isJsonSafe(stored);
  const analysisSafe = analysis === undefined || isJsonSafe(analysis);
  if (cache && storedSafe) writeEntry(cache, 'parsed', parsedKey(file, hash), analysis && analysisSafe ? { ...stored, analysis } : stored);
  const result: FileResult = !storedSafe || !analysisSafe ? { parsed: null } : analysis ? { parsed: stored, analysis } : { parsed: stored };
  return analysis ? { parsed, analysis, result } : { parsed, result };
}

/**
 * Analyse a source (with its claims' match profiles), writing it to the cache.
 *
 * @param source Loaded source.
 * @param cache Cache to write to (optional).
 */
export function processSource(source: Source, cache?: Cache): AnalysisData {
  const data = analyzeWithProfiles(source);
  if (cache && isJsonSafe(data)) writeEntry(cache, 'analysis', analysisKey(source), data);
  return data;
}

/**
 * Run a task on a worker thread: JSON text per item, `FileResult` for files and
 * the analysis for sources; null where the data would not survive JSON (the
 * caller then does that item itself).
 *
 * @param task Files or sources to process.
 */
export function runTask(task: Task): string[] {
  if (task.kind === 'files') {
    return task.files.map(({ file, bytes, hash }) => JSON.stringify(processFile(file, bytes, hash, task.cache).result));
  }
  return task.sources.map((source) => {
    const analysis = processSource(source, task.cache);
    return isJsonSafe(analysis) ? JSON.stringify(analysis) : 'null';
  });
}
