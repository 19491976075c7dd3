// What `report` and `export` share: the filter options, running the pipeline
// with the ledger's review decisions and problems printed to stderr, and
// writing the output to stdout or atomically to --out.

import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CACHE_FOLDER } from '../engine/store.js';
import { CACHE_HELP } from '../engine/cache-home.js';
import { crossReference } from '../engine/run.js';
import { type Review } from '../core/report.js';
import { checkRun, slimReport } from '../engine/incremental.js';
import type { CheckReport } from '../ledger/compare.js';
import { checkWithLedger } from '../ledger/recheck.js';
import { createProgress } from '../progress.js';
import { reviewOf } from '../ledger/compare.js';
import { readLedger, type Ledger } from '../ledger/store.js';
import { batchChunks, type Chunks } from '../render/chunks.js';
import { printedDiagnostic } from '../render/sanitize.js';
import { filterReport, type ReportFilter } from '../render/shared.js';
import type { Report, Verdict } from '../types.js';
import { EXIT, UserError } from '../errors.js';
import { type CommandContext } from './context.js';
import { inputAt, writeFailure, writeOutFile } from './out.js';

/** Options common to `report` and `export`. */
export interface OutputOptions {
  readonly out?: string;
  /** The reviewed ledger whose decisions (separate, updates) the run honours. */
  readonly ledger: string;
  /** False with --no-cache. */
  readonly cache?: boolean;
  readonly verdict?: Verdict[];
  readonly outlet?: string[];
  readonly minOutlets?: number;
  readonly showPossible?: boolean;
}

const VERDICT_NAMES: readonly Verdict[] = ['disputed', 'corroborated', 'unique'];

function parseVerdicts(value: string, previous: Verdict[] | undefined): Verdict[] {
  const verdicts = value.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);
  for (const verdict of verdicts) {
    if (!VERDICT_NAMES.includes(verdict as Verdict)) {
      throw new InvalidArgumentError(`expected disputed, corroborated or unique (comma-separated), got "${verdict}"`);
    }
  }
  return [...new Set([...(previous ?? []), ...(verdicts as Verdict[])])];
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  return count;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Add the paths argument, filters, --show-possible and --out to a command.
 *
 * @param command The command.
 */
export function withOutputOptions(command: Command): Command {
  return command
    .argument('[paths...]', 'source files or folders', ['sources'])
    .option('-o, --out <file>', 'write to this file (atomically) instead of stdout')
    .addOption(new Option('--verdict <list>', 'only these verdicts: disputed,corroborated,unique').argParser(parseVerdicts))
    .addOption(new Option('--outlet <name>', 'only claims this outlet states (repeat for several)').argParser(collect))
    .addOption(new Option('--min-outlets <n>', 'only claims stated by at least n outlets').argParser(parseCount))
    .option('--show-possible', 'also show "possibly related" links between claims')
    .option('--ledger <folder>', "the reviewed ledger whose reviewers' decisions to honour", 'claims')
    .option('--no-cache', `analyse every source again instead of reusing the cache in ${CACHE_HELP} (safe to delete)`);
}

/**
 * The filter the options ask for.
 *
 * @param options Parsed options.
 */
export function filterOf(options: OutputOptions): ReportFilter {
  return {
    ...(options.verdict ? { verdicts: options.verdict } : {}),
    ...(options.outlet ? { outlets: options.outlet } : {}),
    ...(options.minOutlets !== undefined ? { minOutlets: options.minOutlets } : {}),
  };
}

/**
 * How a command reads the ledger: through its parse cache, unless --no-cache.
 *
 * @param cwd Working folder.
 * @param cache The --cache flag (false with --no-cache).
 */
export function ledgerReadOptions(cwd: string, cache: boolean | undefined): { cwd: string; cache?: false } {
  return cache === false ? { cwd, cache: false } : { cwd };
}

/**
 * Run the pipeline over `paths`, print problems with the sources to stderr and
 * return the filtered report.
 *
 * @param context Streams and environment.
 * @param paths Source files or folders.
 * @param options Filters.
 * @param seen Receives the ledger as read, when given (its reviews are exported).
 */
export async function buildFilteredReport(
  context: CommandContext,
  paths: readonly string[],
  options: OutputOptions,
  seen?: { ledger?: Pick<Ledger, 'entries'> },
): Promise<Report> {
  // Reviewers' decisions in the ledger ("not the same claim", "an update, not a dispute") hold everywhere.
  const ledger = await readLedger(options.ledger, ledgerReadOptions(context.io.cwd, options.cache));
  if (seen) seen.ledger = ledger;
  for (const diagnostic of ledger.diagnostics) context.io.stderr.write(`${printedDiagnostic({ ...diagnostic, severity: 'warning' })}\n`);
  const report = await runPipeline(context, paths, { review: reviewOf(ledger), cache: options.cache });
  await refuseOutOntoInput(context, options, report, path.resolve(context.io.cwd, options.ledger), ledger.files.keys());
  for (const diagnostic of report.diagnostics) context.io.stderr.write(`${printedDiagnostic(diagnostic)}\n`);
  if (report.sources.length === 0) {
    const where = paths.join(', ');
    throw new UserError(
      report.diagnostics.some((d) => d.ruleId === 'not-found')
        ? `no sources to read in ${where}`
        : `no usable sources in ${where} (expected Markdown files with front matter; see claimcheck add --help)`,
      EXIT.findings,
    );
  }
  return filterReport(report, filterOf(options));
}

/**
 * Refuse an --out path that is one of the run's inputs (a source file, a file
 * with problems, a ledger file or any YAML file in the ledger folder), compared
 * by real path: writing it would destroy what was read.
 */
async function refuseOutOntoInput(
  context: CommandContext,
  options: OutputOptions,
  report: Report,
  ledgerFolder: string,
  ledgerFiles: Iterable<string>,
): Promise<void> {
  if (options.out === undefined || options.out === '-') return;
  const { cwd } = context.io;
  const target = path.resolve(cwd, options.out);
  const inputs = [
    ...report.sources.map((source) => path.resolve(cwd, source.path)),
    ...report.diagnostics.filter((d) => d.ruleId !== 'not-found').map((d) => path.resolve(cwd, d.file)),
    ...[...ledgerFiles].map((name) => path.join(ledgerFolder, name)),
  ];
  const input = await inputAt(target, inputs);
  const inLedger = /\.ya?ml$/i.test(target) && (await inputAt(path.dirname(target), [ledgerFolder])) !== undefined;
  if (input !== undefined || inLedger) {
    throw new UserError(`claimcheck: --out ${options.out}: is one of the inputs (${input !== undefined ? 'a file it reads' : 'the ledger'}); write the output somewhere else`, EXIT.usage);
  }
}

/**
 * Run the pipeline the way every command does: per-source results cached in
 * the user's cache folder (`CACHE_FOLDER`, unless --no-cache), a progress
 * bar on stderr for long runs on a terminal, reviewers' decisions honoured.
 *
 * @param context Streams and working folder.
 * @param paths Source files or folders.
 * @param options Reviewer decisions and the --cache flag.
 */
export async function runPipeline(
  context: CommandContext,
  paths: readonly string[],
  options: { readonly review?: Review; readonly cache?: boolean },
): Promise<Report> {
  const progress = createProgress(context.io, 'analysing');
  try {
    return await crossReference(paths, {
      cwd: context.io.cwd,
      cache: options.cache === false ? false : CACHE_FOLDER,
      onProgress: progress.update,
      ...(options.review ? { review: options.review } : {}),
    });
  } finally {
    progress.stop();
  }
}

/**
 * Run the pipeline for `check`: incrementally from the last run's corpus
 * snapshot when only new sources were added (see src/engine/incremental.ts), else in
 * full; with --no-cache always in full. The report is the slim one `check`
 * compares with the ledger either way.
 *
 * @param context Streams and working folder.
 * @param paths Source files or folders.
 * @param options Reviewer decisions and the --cache flag.
 */
export async function runCheckPipeline(
  context: CommandContext,
  paths: readonly string[],
  options: { readonly review?: Review; readonly cache?: boolean },
): Promise<Report> {
  if (options.cache === false) return slimReport(await runPipeline(context, paths, options));
  const progress = createProgress(context.io, 'analysing');
  try {
    const { report } = await checkRun(paths, {
      cwd: context.io.cwd,
      cache: CACHE_FOLDER,
      onProgress: progress.update,
      ...(options.review ? { review: options.review } : {}),
    });
    return report;
  } finally {
    progress.stop();
  }
}

/**
 * Compare the sources with the ledger for `check` (without --update): resumed
 * from the comparison kept in the cache when only new sources were added and the
 * ledger is unchanged (see src/ledger/recheck.ts), else in full.
 *
 * @param context Streams and working folder.
 * @param paths Source files or folders.
 * @param ledger The ledger folder.
 */
export async function runCheckWithLedger(context: CommandContext, paths: readonly string[], ledger: string): Promise<CheckReport> {
  const progress = createProgress(context.io, 'analysing');
  try {
    return (await checkWithLedger(paths, { cwd: context.io.cwd, ledger, cache: CACHE_FOLDER, onProgress: progress.update })).check;
  } finally {
    progress.stop();
  }
}

/**
 * Write the output (whole or in pieces) to stdout, or to `out` (relative to the
 * working folder): atomically to a regular or new file, through a FIFO, device
 * or symlink (see ./out.ts).
 *
 * @param context Streams and working folder.
 * @param content What to write.
 * @param out File to write, if any.
 */
export async function writeOutput(context: CommandContext, content: string | Chunks, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    const { stdout } = context.io;
    for (const chunk of typeof content === 'string' ? [content] : batchChunks(content)) {
      // Wait for a slow reader instead of buffering a whole large export in memory.
      if (stdout.write(chunk) === false && stdout.once) await new Promise<void>((resolve) => stdout.once!('drain', resolve));
    }
    return;
  }
  const target = path.resolve(context.io.cwd, out);
  try {
    await writeOutFile(target, typeof content === 'string' ? content : batchChunks(content));
  } catch (error) {
    throw new UserError(`${out}: cannot write: ${writeFailure(error)}`, EXIT.usage);
  }
  context.io.stderr.write(`wrote ${out}\n`);
}

/**
 * Whether to colour terminal output, as chalk decides: --color/--no-color first,
 * never with NO_COLOR, as FORCE_COLOR says when set (0 or false: never), else
 * only on a TTY whose TERM is not `dumb`.
 *
 * @param context Streams and environment.
 * @param flag The --color/--no-color flag, if given.
 */
export function useColor(context: CommandContext, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const { NO_COLOR: noColor, FORCE_COLOR: force, TERM: term } = context.io.env;
  if (noColor !== undefined && noColor !== '') return false;
  if (force !== undefined) return force === '' || force === 'true' || Number.parseInt(force, 10) > 0;
  return context.io.stdoutIsTTY && term !== 'dumb';
}
