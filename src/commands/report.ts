// `claimcheck report [paths…]`: the human report for fact-checkers, as text
// (colour only on a TTY), Markdown or a self-contained HTML page.

import path from 'node:path';
import { Command, Option } from 'commander';
import { REPORT_FORMAT_NAMES, type ReportFormat } from '../render/formats.js';
import type { Report } from '../types.js';
import type { CommandContext } from './context.js';
import { reviewsByFinding } from '../ledger/reviews.js';
import { buildFilteredReport, filterNote, STDIN_NAME, useColor, withOutputOptions, writeOutput, type OutputOptions, type RunInfo } from './shared.js';

interface ReportOptions extends OutputOptions {
  readonly format: ReportFormat;
  readonly color?: boolean;
  /** Every unique claim, not the most check-worthy few per source. */
  readonly all?: boolean;
}

/**
 * The `report` command.
 *
 * @param context Streams and exit-code setter.
 */
export function reportCommand(context: CommandContext): Command {
  const command = new Command('report').description('report which claims are corroborated, disputed or unique across outlets');
  return withOutputOptions(command)
    .addOption(new Option('-f, --format <name>', 'output format').choices(REPORT_FORMAT_NAMES).default('text'))
    .option('--color', 'colour the text report even when not on a terminal')
    .option('--no-color', 'never colour the text report (also: NO_COLOR=1)')
    .option('-a, --all', 'text and markdown: list every unique claim (default: the 3 most check-worthy per source)')
    .addHelpText(
      'after',
      `
Examples:
  $ claimcheck report                                  # sources/ as text
  $ claimcheck report --verdict disputed               # only the disputes
  $ claimcheck report --min-outlets 3 --outlet "PJ Media"
  $ claimcheck report --format markdown > report.md    # for an issue or a newsroom doc
  $ claimcheck report --format html --out report.html  # one self-contained page
  $ claimcheck report sources/ extra/article.md --show-possible
  $ claimcheck report --all                            # every unique claim, not the 3 most check-worthy per source
  $ claimcheck report ../other-story/sources           # uses ../other-story/claims/ (said on stderr)
  $ claimcheck report 'sources/*-2020-*.md'            # a quoted glob, expanded by claimcheck
  $ pbpaste | claimcheck report - sources/             # one more source, read from stdin
  $ claimcheck report --config ci/claimcheck.config.json

Configuration (claimcheck.config.json or .claimcheckrc.json, found upward):
  {"sources": ["sources"], "ledger": "claims", "allowFields": ["section"],
   "ignore": ["**/drafts/**"], "match": {"linkage": 0.4},
   "organization": {"name": "Example Checks", "url": "https://checks.example"}}`,
    )
    .action(async (paths: string[], options: ReportOptions) => {
      const seen: RunInfo = {};
      let report = await buildFilteredReport(context, paths, options, seen);
      // The HTML page links to the source files: make the links work from where the page is written.
      if (options.format === 'html' && options.out !== undefined && options.out !== '-') {
        report = rebasePaths(report, context.io.cwd, path.dirname(path.resolve(context.io.cwd, options.out)));
      }
      const toTerminal = options.out === undefined && context.io.stdoutIsTTY;
      const { REPORT_FORMATS } = await import('../render/index.js');
      const content = REPORT_FORMATS[options.format](report, {
        color: options.out === undefined && useColor(context, options.color),
        width: toTerminal ? (context.io.columns ?? 100) : 100,
        showPossible: options.showPossible === true,
        all: options.all === true,
        reviews: reviewsByFinding(report.claims, seen.ledger?.entries ?? []),
        ...(seen.review?.updates?.length ? { updates: seen.review.updates } : {}),
        ...(seen.unfiltered ? { unfiltered: seen.unfiltered } : {}),
        filterNote: filterNote(options),
      });
      await writeOutput(context, content, options.out);
    });
}

/** The report with source paths relative to `folder` instead of the working folder. */
function rebasePaths(report: Report, cwd: string, folder: string): Report {
  const rebase = (file: string) => (file === STDIN_NAME ? file : path.relative(folder, path.resolve(cwd, file)).split(path.sep).join('/'));
  return {
    ...report,
    sources: report.sources.map((source) => ({ ...source, path: rebase(source.path) })),
    claims: report.claims.map((finding) => ({
      ...finding,
      mentions: finding.mentions.map((mention) => ({ ...mention, path: rebase(mention.path) })),
    })),
  };
}
