// The per-source stage of a run: segment and extract every source. This is the
// unit that is cached by content and can run on several cores; its result does
// not depend on any other source.

import { extractClaims } from './extract/index.js';
import { splitSentences } from './segment.js';
import type { Claim, Source } from './types.js';

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
}

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

/**
 * Analyse every source, in order.
 *
 * @param sources Loaded sources.
 * @param options Progress callback (optional).
 */
export async function analyzeAll(sources: readonly Source[], options: AnalyzeOptions = {}): Promise<SourceAnalysis[]> {
  const analyses: SourceAnalysis[] = [];
  for (const source of sources) {
    analyses.push(analyzeSource(source));
    options.onProgress?.(analyses.length, sources.length);
  }
  return analyses;
}
