// `claimcheck report [paths…]`: the human report for fact-checkers, as text
// (colour only on a TTY), Markdown or a self-contained HTML page.

import { Command, Option } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../render/index.js';
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
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(REPORT_FORMATS)).default('text'))
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
      const report = await buildFilteredReport(context, paths, options);
      const toTerminal = options.out === undefined && context.io.stdoutIsTTY;
      const content = REPORT_FORMATS[options.format](report, {
        color: options.out === undefined && useColor(context, options.color),
        width: toTerminal ? (context.io.columns ?? 100) : 100,
        showPossible: options.showPossible === true,
      });
      await writeOutput(context, content, options.out);
    });
}
