// `claimcheck report [paths…]`: the human report for fact-checkers, as text
// (colour only on a TTY), Markdown or a self-contained HTML page.

import path from 'node:path';
import { Command, Option } from 'commander';
import { REPORT_FORMAT_NAMES, type ReportFormat } from '../render/formats.js';
import type { Report } from '../types.js';
import type { CommandContext } from './context.js';
import { buildFilteredReport, useColor, withOutputOptions, writeOutput, type OutputOptions } from './shared.js';

interface ReportOptions extends OutputOptions {
  readonly format: ReportFormat;
  readonly color?: boolean;
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
    .addHelpText(
      'after',
      `
Examples:
  $ claimcheck report                                  # sources/ as text
  $ claimcheck report --verdict disputed               # only the disputes
  $ claimcheck report --min-outlets 3 --outlet "PJ Media"
  $ claimcheck report --format markdown > report.md    # for an issue or a newsroom doc
  $ claimcheck report --format html --out report.html  # one self-contained page
  $ claimcheck report sources/ extra/article.md --show-possible`,
    )
    .action(async (paths: string[], options: ReportOptions) => {
      let report = await buildFilteredReport(context, paths, options);
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
      });
      await writeOutput(context, content, options.out);
    });
}

/** The report with source paths relative to `folder` instead of the working folder. */
function rebasePaths(report: Report, cwd: string, folder: string): Report {
  const rebase = (file: string) => path.relative(folder, path.resolve(cwd, file)).split(path.sep).join('/');
  return {
    ...report,
    sources: report.sources.map((source) => ({ ...source, path: rebase(source.path) })),
    claims: report.claims.map((finding) => ({
      ...finding,
      mentions: finding.mentions.map((mention) => ({ ...mention, path: rebase(mention.path) })),
    })),
  };
}
