// The library: the same functions the CLI uses, re-exported, nothing defined
// here (tests/api.test.ts pins the list). The analysis is the pure core
// (src/core/); `crossReference` runs it through the engine (src/engine/: files,
// cache, worker threads), which never changes a result.

export type * from './types.js';
export { parseSource } from './core/parse.js';
export { loadSources } from './engine/files.js';
export { formatDiagnostic } from './diagnostics.js';
export { splitSentences, splitText } from './core/sentences.js';
export { analyzeSentence, extractClaims } from './core/claims/index.js';
export { clusterClaims, compareSentences, matchProfile, MATCH_DEFAULTS } from './core/match/index.js';
export type { Comparison, CompareOptions, ClusterOptions, MatchProfile, MatchReason } from './core/match/index.js';
export { judgeCluster, conflictsBetween, claimKey } from './core/judge/index.js';
export { analyzeSource, buildReport, compareFindings, summariesOf } from './core/report.js';
export type { SourceAnalysis, Review, ReportOptions } from './core/report.js';
export { analyzeAll, crossReference } from './engine/run.js';
export type { AnalyzeOptions, CrossReferenceOptions } from './engine/run.js';
