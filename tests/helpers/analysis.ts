// The core's analysis of a source as the cache keeps it: sentences, claims,
// profiles and the story profile, without the source id (the cache entry carries it).
import { analyzeSource } from '../../src/core/report.js';
import type { AnalysisData } from '../../src/engine/codec.js';
import type { Source } from '../../src/types.js';

export function analysisData(source: Source): AnalysisData {
  const { sentences, claims, profiles, story } = analyzeSource(source);
  return story === undefined ? { sentences, claims, profiles } : { sentences, claims, profiles, story };
}
