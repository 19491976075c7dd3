// The per-source work of a thread: parse a file's bytes and analyse the source,
// or analyse a loaded source, writing the results to the cache. A worker thread
// sends its results back as the JSON text of the cache's compact layout
// (codec.ts): made once for both, cheap to pass between threads, and exactly
// what a later cached run reads.

import { analyzeSource } from '../../core/report.js';
import { analysisKey, asciiJson, isJsonSafe, parsedKey, writeEntryJson, type Cache } from '../store.js';
import { parseSource, type ParsedSource, type SourceFile } from '../../core/parse.js';
import { encodeAnalysis, encodeParsed, type AnalysisData } from '../codec.js';
import type { Source } from '../../types.js';

/** Work for one thread: a batch of files or of sources. */
export type Task =
  | { readonly kind: 'files'; readonly cache?: Cache; readonly files: readonly (SourceFile & { readonly hash: string })[] }
  | { readonly kind: 'sources'; readonly cache?: Cache; readonly sources: readonly Source[] };

/**
 * The JSON of `value` when it survives a JSON round trip unchanged, else null:
 * `asciiJson` when it goes to the cache, plain JSON when it only goes to another
 * thread (the same data once parsed; escaping what is past ASCII costs a pass over it).
 */
function jsonOf(value: unknown, cache: Cache | undefined): string | null {
  if (value === undefined || !isJsonSafe(value)) return null;
  return cache ? asciiJson(value) : JSON.stringify(value);
}

/**
 * Parse a file and analyse its source, writing both to the cache as one entry
 * (one file written per source: on a cold run, creating files costs more than
 * filling them). `json` is the entry's data as JSON, what a worker thread sends
 * back for the file (null: it cannot be stored, or it is neither cached nor sent).
 *
 * @param file Path as found.
 * @param bytes The file's bytes.
 * @param hash sha256 of the bytes, hex.
 * @param cache Cache to write to (optional).
 * @param send Whether the JSON goes to another thread (default: false; without a cache, no JSON is made).
 */
export function processFile(
  file: string,
  bytes: Uint8Array,
  hash: string,
  cache?: Cache,
  send = false,
): { parsed: ParsedSource; analysis?: AnalysisData; json: string | null } {
  const parsed = parseSource(file, bytes, { hash });
  const analysis = parsed.source ? analysisData(parsed.source) : undefined;
  // What cannot be stored exactly is neither cached nor sent between threads.
  const json = cache || send ? jsonOf(encodeParsed(parsed, analysis), cache) : null;
  if (cache && json !== null) writeEntryJson(cache, 'parsed', parsedKey(file, hash), json);
  return analysis ? { parsed, analysis, json } : { parsed, json };
}

/**
 * Analyse a source (with its claims' match profiles), writing it to the cache.
 *
 * @param source Loaded source.
 * @param cache Cache to write to (optional).
 * @param send Whether the JSON goes to another thread (default: false; see `processFile`).
 */
export function processSource(source: Source, cache?: Cache, send = false): { analysis: AnalysisData; json: string | null } {
  const analysis = analysisData(source);
  const json = cache || send ? jsonOf(encodeAnalysis(analysis, source), cache) : null;
  if (cache && json !== null) writeEntryJson(cache, 'analysis', analysisKey(source), json);
  return { analysis, json };
}

/**
 * Run a task on a worker thread: per item, the JSON text of its entry's data
 * (`codec.ts`), or 'null' where it cannot be stored (the caller then does that
 * item itself).
 *
 * @param task Files or sources to process.
 */
export function runTask(task: Task): string[] {
  if (task.kind === 'files') {
    return task.files.map(({ file, bytes, hash }) => processFile(file, bytes, hash, task.cache, true).json ?? 'null');
  }
  return task.sources.map((source) => processSource(source, task.cache, true).json ?? 'null');
}

/** The core's analysis of a source, as the cache keeps it (without the source id its claims carry). */
function analysisData(source: Source): AnalysisData {
  const { sentences, claims, profiles, story } = analyzeSource(source);
  return story === undefined ? { sentences, claims, profiles } : { sentences, claims, profiles, story };
}
