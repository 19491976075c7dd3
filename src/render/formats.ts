// The names of the output formats, without their reporters: the commands list
// them in their options and load the reporters only when they run, so that
// `check` and `--help` never load the Markdown, HTML and CSV writers.

/** Formats of `claimcheck report`, for people. */
export const REPORT_FORMAT_NAMES = ['text', 'markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMAT_NAMES)[number];

/** Formats of `claimcheck export`, for programs. */
export const EXPORT_FORMAT_NAMES = ['json', 'jsonl', 'csv', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];
