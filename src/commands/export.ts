// `claimcheck export [paths…]`: machine output for researchers — JSON
// (schemaVersion 1), JSON Lines, CSV (one mention per row) or schema.org
// ClaimReview-ready JSON-LD — to stdout or atomically to --out.

import { Command, InvalidArgumentError, Option } from 'commander';
import { reviewsByFinding } from '../ledger/reviews.js';
import { EXPORT_FORMAT_NAMES, type ExportFormat } from '../render/formats.js';
import type { CommandContext } from './context.js';
import { buildFilteredReport, withOutputOptions, writeOutput, type OutputOptions, type RunInfo } from './shared.js';

interface ExportOptions extends OutputOptions {
  readonly format: ExportFormat;
  readonly bom?: boolean;
  readonly organization?: string;
  readonly organizationUrl?: string;
  readonly reviewUrl?: string;
  readonly reviewDate?: string;
}

function parseHttpUrl(value: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) throw new InvalidArgumentError(`expected an http(s) URL, got "${value}"`);
  return value;
}

function parseDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
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
    .option('--bom', 'csv: start with a byte-order mark, so Excel reads UTF-8')
    .option('--organization <name>', 'claimreview: the fact-checking organization that publishes the reviews (their author)')
    .addOption(new Option('--organization-url <url>', "claimreview: the organization's website").argParser(parseHttpUrl))
    .addOption(new Option('--review-url <template>', 'claimreview: URL of each published review, {id} replaced by the claim id').argParser(parseHttpUrl))
    .addOption(new Option('--review-date <YYYY-MM-DD>', 'claimreview: datePublished of the reviews (default: today, UTC)').argParser(parseDate))
    .addHelpText(
      'after',
      `
Examples:
  $ claimcheck export > claims.json                    # JSON, schemaVersion 1
  $ claimcheck export --format csv --out claims.csv    # one row per mention
  $ claimcheck export --format jsonl | jq .verdict     # one claim per line
  $ claimcheck export --format csv --bom --out claims.csv   # for Excel
  $ claimcheck export --format claimreview --organization "Example Checks" \
      --review-url "https://checks.example/claims/{id}"
      # a schema.org ClaimReview for each claim whose review: confirmed: matches
      # its verdict in claims/<id>.yml, a Claim for every other one

  $ cat article.md | claimcheck export - --format jsonl   # one source from stdin
  $ claimcheck export 'sources/**/*.md' --config .claimcheckrc.json

The JSON Schema of the json format ships as claimcheck/schema.json. A
configuration's "organization" is the ClaimReview author when no flag names one.`,
    )
    .action(async (paths: string[], options: ExportOptions) => {
      const seen: RunInfo = {};
      const report = await buildFilteredReport(context, paths, options, seen);
      const reviews = reviewsByFinding(report.claims, seen.ledger?.entries ?? []);
      // Flags first, then the configuration's organization.
      const organization = options.organization
        ? { name: options.organization, ...(options.organizationUrl ? { url: options.organizationUrl } : {}) }
        : seen.config?.organization;
      if (options.format === 'claimreview' && reviews.size > 0 && !organization) {
        context.io.stderr.write('claimcheck: warning: ClaimReviews have no author; name the publishing organization with --organization\n');
      }
      const { DEFAULT_RENDER_OPTIONS, EXPORT_FORMATS } = await import('../render/index.js');
      const renderOptions = {
        ...DEFAULT_RENDER_OPTIONS,
        showPossible: options.showPossible === true,
        reviews,
        ...(seen.review?.updates?.length ? { updates: seen.review.updates } : {}),
        bom: options.bom === true,
        ...(organization ? { organization } : {}),
        ...(options.reviewUrl ? { reviewUrl: options.reviewUrl } : {}),
        reviewDate: options.reviewDate ?? new Date().toISOString().slice(0, 10),
      };
      await writeOutput(context, EXPORT_FORMATS[options.format](report, renderOptions), options.out);
    });
}
