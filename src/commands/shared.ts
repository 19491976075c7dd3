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
import { filterReport, summarize, type ReportFilter, type ReportSummary } from '../render/shared.js';
import { safeName } from '../render/sanitize.js';
import picomatch from 'picomatch';
import { analyzeRead, perSourceOptions, reportOfOwnAnalyses } from '../engine/run.js';
import { findSourceFiles, readSourceFiles, type ReadFiles } from '../engine/files.js';
import type { SourceFile } from '../core/parse.js';
import { findLedgerFor } from '../ledger/find.js';
import { loadConfig, type Config, type MatchSettings } from './config.js';
import type { Report, Verdict } from '../types.js';
import { EXIT, UserError } from '../errors.js';
import { type CommandContext } from './context.js';
import { inputAt, writeFailure, writeOutFile } from './out.js';

/** Options common to `report` and `export`. */
export interface OutputOptions {
  readonly out?: string;
  /** The reviewed ledger whose decisions (separate, updates) the run honours (default: the config's, else the one beside or above the sources). */
  readonly ledger?: string;
  /** The configuration file (default: claimcheck.config.json or .claimcheckrc.json, found upward). */
  readonly config?: string;
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
    .argument('[paths...]', 'source files, folders, quoted globs or - for one source on stdin (default: the config\'s sources, else sources/)')
    .option('-o, --out <file>', 'write to this file (atomically) instead of stdout')
    .addOption(new Option('--verdict <list>', 'only these verdicts: disputed,corroborated,unique').argParser(parseVerdicts))
    .addOption(new Option('--outlet <name>', 'only claims this outlet states (repeat for several)').argParser(collect))
    .addOption(new Option('--min-outlets <n>', 'only claims stated by at least n outlets').argParser(parseCount))
    .option('--show-possible', 'also show "possibly related" links between claims')
    .option('--ledger <folder>', "the reviewed ledger whose reviewers' decisions to honour (default: the config's, else claims/ beside or above the sources)")
    .option('--config <file>', 'the configuration file (default: claimcheck.config.json or .claimcheckrc.json in this folder or above)')
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

/** What a run of `report` or `export` used, besides the report. */
export interface RunInfo {
  /** The ledger as read. */
  ledger?: Pick<Ledger, 'entries'>;
  /** The ledger's review decisions (the `updates:` pairs are shown as updates). */
  review?: Review;
  /** The counts before the filters. */
  unfiltered?: ReportSummary;
  /** The configuration, when there is one. */
  config?: Config;
}

/** Name under which a source read from stdin (`-`) is shown. */
export const STDIN_NAME = '<stdin>';

/**
 * The filter in words, as given on the command line ("--verdict disputed --min-outlets 2").
 *
 * @param options Parsed options.
 */
export function filterNote(options: OutputOptions): string {
  return [
    ...(options.verdict ? [`--verdict ${options.verdict.join(',')}`] : []),
    ...(options.outlet ? options.outlet.map((outlet) => `--outlet ${JSON.stringify(outlet)}`) : []),
    ...(options.minOutlets !== undefined ? [`--min-outlets ${options.minOutlets}`] : []),
  ].join(' ');
}

/**
 * The ledger folder of a run: --ledger, else the configuration's, else the
 * nearest claims/ beside or above the sources (see ledger/find.ts).
 *
 * @param cwd Working folder.
 * @param paths The paths given (`-` is stdin).
 * @param options --ledger.
 * @param config The configuration, if any.
 */
export function ledgerFolderOf(cwd: string, paths: readonly string[], options: Pick<OutputOptions, 'ledger'>, config: Config | undefined): string | undefined {
  if (options.ledger !== undefined) return path.resolve(cwd, options.ledger);
  if (config?.ledger !== undefined) return config.ledger;
  const onDisk = paths.filter((given) => given !== '-').map((given) => path.resolve(cwd, given.replace(/[*?[\]{}].*$/, '') || '.'));
  return findLedgerFor(onDisk.length > 0 ? onDisk : [path.resolve(cwd)]);
}

/**
 * Run the pipeline over `paths`, print problems with the sources to stderr and
 * return the filtered report.
 *
 * @param context Streams and environment.
 * @param paths Source files or folders.
 * @param options Filters.
 * @param seen Receives the ledger as read, the counts before filtering and the configuration, when given.
 */
export async function buildFilteredReport(
  context: CommandContext,
  given: readonly string[],
  options: OutputOptions,
  seen: RunInfo = {},
): Promise<Report> {
  const { cwd } = context.io;
  const config = await loadConfig(cwd, options.config);
  if (config) seen.config = config;
  const paths = given.length > 0 ? given : (config?.sources ?? ['sources']);
  // Reviewers' decisions in the ledger ("not the same claim", "an update, not a dispute") hold everywhere.
  const ledgerFolder = ledgerFolderOf(cwd, paths, options, config);
  const ledger = ledgerFolder === undefined ? EMPTY_LEDGER : await readLedger(ledgerFolder, ledgerReadOptions(cwd, options.cache));
  seen.ledger = ledger;
  if (ledgerFolder !== undefined && (ledger.entries.length > 0 || ledger.diagnostics.length > 0)) {
    const reviewed = ledger.entries.filter((entry) => entry.review !== undefined).length;
    context.io.stderr.write(
      `claimcheck: ledger ${safeName(displayFolder(cwd, ledgerFolder))}/ applied (${ledger.entries.length} ${ledger.entries.length === 1 ? 'claim' : 'claims'}, ${reviewed} with a review)\n`,
    );
  }
  for (const diagnostic of ledger.diagnostics) context.io.stderr.write(`${printedDiagnostic({ ...diagnostic, severity: 'warning' })}\n`);
  const review = reviewOf(ledger);
  seen.review = review;
  const report = allowFields(await runInputs(context, paths, { review, cache: options.cache, config }), config?.allowFields);
  await refuseOutOntoInput(context, options, report, ledgerFolder ?? path.resolve(cwd, 'claims'), ledger.files.keys());
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
  seen.unfiltered = summarize(report);
  return filterReport(report, filterOf(options));
}

const EMPTY_LEDGER: Pick<Ledger, 'entries' | 'files' | 'diagnostics'> = { entries: [], files: new Map(), diagnostics: [] };

function displayFolder(cwd: string, folder: string): string {
  const relative = path.relative(cwd, folder);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : relative === '' ? '.' : folder).split(path.sep).join('/');
}

/** The report without `unknown-field` warnings for the front-matter fields the configuration allows. */
function allowFields(report: Report, fields: readonly string[] | undefined): Report {
  if (!fields || fields.length === 0) return report;
  const allowed = new Set(fields.map((field) => field.toLowerCase()));
  const keep = (diagnostic: Report['diagnostics'][number]) => {
    if (diagnostic.ruleId !== 'unknown-field') return true;
    const field = /`([^`]*)`/.exec(diagnostic.message)?.[1];
    return field === undefined || !allowed.has(field.toLowerCase());
  };
  return { ...report, diagnostics: report.diagnostics.filter(keep) };
}

/** The files under `paths` that the config does not ignore, read (lists of their own: nothing else holds the bytes). */
async function readKept(paths: readonly string[], cwd: string, ignored: (file: string) => boolean): Promise<{ files: SourceFile[]; found: string[]; diagnostics: ReadFiles['diagnostics'] }> {
  const read = paths.length > 0 ? await readSourceFiles(paths, cwd) : { files: [], found: [], diagnostics: [] };
  return {
    files: read.files.filter((file) => !ignored(file.file)),
    found: read.found.filter((file) => !ignored(file)),
    diagnostics: read.diagnostics.filter((d) => !ignored(d.file)),
  };
}

/**
 * Run the pipeline over files, folders, globs and `-` (one source read from
 * stdin, shown as `<stdin>`): the same per-source stage and report as
 * `crossReference`, with the configuration's ignore globs and matching thresholds.
 *
 * @param context Streams and working folder.
 * @param paths Paths as given.
 * @param options Reviewer decisions, the --cache flag and the configuration.
 */
export async function runInputs(
  context: CommandContext,
  paths: readonly string[],
  options: { readonly review?: Review; readonly cache?: boolean; readonly config?: Config | undefined; readonly stdinLast?: boolean },
): Promise<Report> {
  const { cwd } = context.io;
  const stdinCount = paths.filter((given) => given === '-').length;
  if (stdinCount > 1) throw new UserError('claimcheck: - (stdin) given more than once', EXIT.usage);
  const onDisk = paths.filter((given) => given !== '-');
  const ignored = ignoredBy(options.config, cwd);
  const { files, found, diagnostics } = await readKept(onDisk, cwd, ignored);
  if (stdinCount === 1) {
    const bytes = await context.io.readStdin();
    // Of two copies of one article the first in input order is kept: with `stdinLast` a file on disk wins over stdin.
    if (options.stdinLast) {
      files.push({ file: STDIN_NAME, bytes });
      found.push(STDIN_NAME);
    } else {
      files.unshift({ file: STDIN_NAME, bytes });
      found.unshift(STDIN_NAME);
    }
  }
  return withRunOptions(context, options, async (common) => {
    const run = { ...common, ...(options.config?.match ?? {}) };
    const perSource = perSourceOptions(run);
    const loaded = await analyzeRead({ files, found, diagnostics }, perSource);
    // The sources hold their decoded text: the files' bytes (the size of the corpus) are not needed past here.
    files.length = 0;
    return reportOfOwnAnalyses(loaded, run, perSource.threads);
  });
}

/** The options every command's run shares: the working folder, the cache, progress and reviewers' decisions. */
interface RunOptions {
  readonly cwd: string;
  readonly cache: string | false;
  readonly onProgress: ReturnType<typeof createProgress>['update'];
  readonly review?: Review;
}

/**
 * Run `body` with the options every command's run shares: per-source results
 * cached in the user's cache folder (`CACHE_FOLDER`, unless --no-cache), a
 * progress bar on stderr for long runs on a terminal (stopped however the run
 * ends), reviewers' decisions honoured.
 *
 * @param context Streams and working folder.
 * @param options Reviewer decisions and the --cache flag.
 * @param body The run.
 */
async function withRunOptions<T>(
  context: CommandContext,
  options: { readonly review?: Review; readonly cache?: boolean },
  body: (run: RunOptions) => Promise<T>,
): Promise<T> {
  const progress = createProgress(context.io, 'analysing');
  try {
    return await body({
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
 * Whether a file (relative to the working folder) matches one of the
 * configuration's ignore globs (relative to the configuration's folder).
 *
 * @param config The configuration, if any.
 * @param cwd Working folder.
 */
export function ignoredBy(config: Config | undefined, cwd: string): (file: string) => boolean {
  if (!config?.ignore || config.ignore.length === 0) return () => false;
  const matches = picomatch([...config.ignore], { dot: true });
  return (file) => {
    const relative = path.relative(config.folder, path.resolve(cwd, file)).split(path.sep).join('/');
    return !relative.startsWith('..') && matches(relative);
  };
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
 * @param options Reviewer decisions, the --cache flag and the configuration's matching thresholds.
 */
export async function runPipeline(
  context: CommandContext,
  paths: readonly string[],
  options: { readonly review?: Review; readonly cache?: boolean; readonly match?: MatchSettings | undefined },
): Promise<Report> {
  return withRunOptions(context, options, (run) => crossReference(paths, { ...run, ...(options.match ?? {}) }));
}

/**
 * The paths for `check` without the files the configuration ignores: the
 * Markdown files found under them that no ignore glob matches, plus every path
 * the search had a problem with (searched again, so the problem is reported).
 * Without ignore globs, the paths as given.
 *
 * @param paths Paths as given.
 * @param cwd Working folder.
 * @param config The configuration, if any.
 */
export async function pathsWithoutIgnored(paths: readonly string[], cwd: string, config: Config | undefined): Promise<readonly string[]> {
  if (!config?.ignore || config.ignore.length === 0) return paths;
  const ignored = ignoredBy(config, cwd);
  const found = await findSourceFiles(paths, cwd);
  const kept = [...found.files.filter((file) => !ignored(file)), ...found.diagnostics.map((d) => d.file).filter((file) => !ignored(file))];
  return [...new Set(kept)];
}

/**
 * Run the pipeline for `check`: incrementally from the last run's corpus
 * snapshot when only new sources were added (see src/engine/incremental.ts), else in
 * full; with --no-cache always in full. The report is the slim one `check`
 * compares with the ledger either way.
 *
 * @param context Streams and working folder.
 * @param paths Source files or folders.
 * @param options Reviewer decisions, the --cache flag and the configuration's matching thresholds (part of the snapshot's key).
 */
export async function runCheckPipeline(
  context: CommandContext,
  paths: readonly string[],
  options: { readonly review?: Review; readonly cache?: boolean; readonly match?: MatchSettings | undefined },
): Promise<Report> {
  if (options.cache === false) return slimReport(await runPipeline(context, paths, options));
  return withRunOptions(context, options, async (run) => (await checkRun(paths, { ...run, ...(options.match ?? {}), cache: CACHE_FOLDER })).report);
}

/**
 * The slim report `check` compares with the ledger, for paths that include `-`
 * (one source read from stdin, shown as `<stdin>`): always a full run, as
 * `report` and `export` make it (the incremental snapshot is of files on disk).
 *
 * @param context Streams and working folder.
 * @param paths Paths as given, `-` among them.
 * @param options Reviewer decisions, the --cache flag and the configuration.
 */
export async function runCheckInputs(
  context: CommandContext,
  paths: readonly string[],
  options: { readonly review?: Review; readonly cache?: boolean; readonly config?: Config | undefined },
): Promise<Report> {
  // The ledger records sources by their file: when stdin holds an article already on disk, the file is kept and <stdin> is its duplicate.
  return slimReport(await runInputs(context, paths, { ...options, stdinLast: true }));
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
