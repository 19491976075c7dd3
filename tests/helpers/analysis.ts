// The core's analysis of a source as the cache keeps it: sentences, claims and
// profiles, without the source id (the cache entry carries it).
import { analyzeSource } from '../../src/core/report.js';
import type { AnalysisData } from '../../src/engine/codec.js';
import type { Source } from '../../src/types.js';

export function analysisData(source: Source): AnalysisData {
  const { sentences, claims, profiles } = analyzeSource(source);
  return { sentences, claims, profiles };
}
