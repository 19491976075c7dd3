// Reporters by name: each a pure function of the report and options returning
// a string. `report` offers the human formats, `export` the machine ones.

import type { Report } from '../types.js';
import { VERSION } from '../version.js';
import { renderClaimReview } from './claimreview.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson, renderJsonl } from './json.js';
import { renderMarkdown } from './markdown.js';
import { escapedJson } from './sanitize.js';
import type { RenderOptions } from './shared.js';
import type { Chunks } from './chunks.js';
import { renderText } from './text.js';

export type Renderer = (report: Report, options: RenderOptions) => string;
/** A reporter whose output may be large: it yields the text in pieces. */
export type ChunkedRenderer = (report: Report, options: RenderOptions) => Chunks;

import type { ExportFormat, ReportFormat } from './formats.js';
export { EXPORT_FORMAT_NAMES, REPORT_FORMAT_NAMES, type ExportFormat, type ReportFormat } from './formats.js';

/** Formats of `claimcheck report`, for people. */
export const REPORT_FORMATS: Readonly<Record<ReportFormat, Renderer>> = {
  text: renderText,
  markdown: renderMarkdown,
  html: renderHtml,
};

/** Formats of `claimcheck export`, for programs (written in pieces: exports can be large). */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ChunkedRenderer>> = {
  json: (report, options) => escapedJson(renderJson(report, VERSION, options.reviews, options.updates)),
  jsonl: (report, options) => escapedJson(renderJsonl(report, options.reviews, options.updates)),
  csv: (report, options) => withBom(renderCsv(report, options.reviews, options.updates), options.bom === true),
  claimreview: (report, options) => escapedJson(renderClaimReview(report, options)),
};

// The pieces, the first preceded by U+FEFF when `bom` is set.
function* withBom(chunks: Chunks, bom: boolean): Generator<string> {
  if (bom) yield '\uFEFF';
  yield* chunks;
}

export { DEFAULT_RENDER_OPTIONS, filterReport, placeOf, summarize } from './shared.js';
export type { RenderOptions, ReportFilter, ReportSummary } from './shared.js';
export { toJson } from './json.js';
export type { ExportJson, ExportClaim, ExportMention, ExportSource } from './json.js';
export { toClaimReview } from './claimreview.js';
export { joinChunks, jsonChunks } from './chunks.js';
export type { Chunks } from './chunks.js';
