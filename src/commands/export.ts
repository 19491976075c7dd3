// `claimcheck export [paths…]`: machine output for researchers — JSON
// (schemaVersion 1), JSON Lines, CSV (one mention per row) or schema.org
// ClaimReview-ready JSON-LD — to stdout or atomically to --out.

import { Command, Option } from 'commander';
import { EXPORT_FORMAT_NAMES, type ExportFormat } from '../render/formats.js';
import type { CommandContext } from './context.js';
import { buildFilteredReport, withOutputOptions, writeOutput, type OutputOptions } from './shared.js';

interface ExportOptions extends OutputOptions {
  readonly format: ExportFormat;
}

/**
 * The `export` command.
 *
 * @param context Streams and exit-code setter.
 */
export function exportCommand(context: CommandContext): Command {
  const command = new Command('export').description('export claims and verdicts for programs: json, jsonl, csv or claimreview');
  return withOutputOptions(command)
    .addOption(new Option('-f, --format <name>', 'output format').choices(EXPORT_FORMAT_NAMES).default('json'))
    .addHelpText(
      'after',
      `
Examples:
  $ claimcheck export > claims.json                    # JSON, schemaVersion 1
  $ claimcheck export --format csv --out claims.csv    # one row per mention
  $ claimcheck export --format jsonl | jq .verdict     # one claim per line
  $ claimcheck export --format claimreview --verdict corroborated,disputed

The JSON Schema of the json format ships as claimcheck/schema.json.`,
    )
    .action(async (paths: string[], options: ExportOptions) => {
      const report = await buildFilteredReport(context, paths, options);
      const { DEFAULT_RENDER_OPTIONS, EXPORT_FORMATS } = await import('../render/index.js');
      await writeOutput(context, EXPORT_FORMATS[options.format](report, { ...DEFAULT_RENDER_OPTIONS, showPossible: options.showPossible === true }), options.out);
    });
}
