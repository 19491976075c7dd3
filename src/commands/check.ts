// `claimcheck check [paths…]`: the CI gate. Validates the sources, compares
// their claims with the reviewed ledger in claims/ (honouring its review
// decisions) and prints what changed as text, JSON or GitHub annotations;
// `--update` records the current state in the ledger, atomically and under a lock.
// Exit: 0 everything matches (or recorded), 1 invalid sources, malformed ledger
// or claims that differ, 2 usage error.

import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CACHE_HELP } from '../engine/cache-home.js';
import { compareWithLedger, ledgerFiles, reviewOf, type CheckReport } from '../ledger/compare.js';
import { LockTimeoutError } from '../ledger/lock.js';
import { keepAfterUpdate } from '../ledger/recheck.js';
import { CACHE_FOLDER } from '../engine/store.js';
import { readLedger, withLedgerLock, writeLedgerFiles } from '../ledger/store.js';
import { CHECK_FORMATS, type CheckFormat } from '../render/check.js';
import { safeName } from '../render/sanitize.js';
import { checkOutput, quietCheck, warningCount } from '../render/check-output.js';
import { EXIT, UserError } from '../errors.js';
import { loadConfig, type Config } from './config.js';
import { type CommandContext } from './context.js';
import { ledgerReadOptions, pathsWithoutIgnored, runCheckInputs, runCheckPipeline, runCheckWithLedger } from './shared.js';

interface CheckOptions {
  readonly format: CheckFormat;
  readonly update?: boolean;
  readonly ledger: string;
  /** The configuration file (default: found upward from the working folder). */
  readonly config?: string;
  /** False with --no-cache. */
  readonly cache?: boolean;
  /** Report errors only. */
  readonly quiet?: boolean;
  /** Exit 1 when there are more warnings than this. */
  readonly maxWarnings?: number;
  /** The configuration, when there is one (its matching thresholds apply). */
  readonly loaded?: Config | undefined;
}

function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number of 0 or more, got "${value}"`);
  return n;
}

/**
 * The `check` command.
 *
 * @param context Streams and exit-code setter.
 */
export function checkCommand(context: CommandContext): Command {
  return new Command('check')
    .description('validate sources and compare their claims with the reviewed ledger (claims/)')
    .argument('[paths...]', "source files, folders, quoted globs or - for one more source on stdin (not with --update): the whole corpus the ledger records (default: the config's sources, else sources/)")
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(CHECK_FORMATS)).default('text'))
    .option('--update', 'record the current claims in the ledger, keeping every review: block')
    .option('--ledger <folder>', "the ledger folder (default: the config's, else claims/)")
    .option('--config <file>', 'the configuration file (default: claimcheck.config.json or .claimcheckrc.json in this folder or above)')
    .option('--no-cache', `analyse every source again instead of reusing the cache in ${CACHE_HELP} (safe to delete)`)
    .option('-q, --quiet', 'report errors only (no warnings or notices)')
    .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more than n warnings').argParser(parseMaxWarnings))
    .addHelpText(
      'after',
      `
Prints one line per difference, \`path:line:col: status: reason\`, at the new or
changed sentence in its source file, then a summary. A claim differs when it is
new, its verdict changed (corroborated → disputed …), mentions joined or left
it, or it is gone. Reviewers edit only the \`review:\` block of claims/<id>.yml:
  review:
    confirmed: corroborated          # the verdict a reviewer checked
    separate: [[keyA, keyB]]         # these two mentions are not the same claim
    updates: [[keyA, keyB]]          # this conflict is an update, not a dispute
    note: "…"

Examples:
  $ claimcheck check                       # compare sources/ with claims/
  $ claimcheck check --update              # record the current state in claims/
  $ claimcheck check --format json > check.json
  $ claimcheck check --format github       # annotations on the pull request (text lines on stderr)
  $ claimcheck check --format sarif > claims.sarif   # for GitHub code scanning
  $ claimcheck check --quiet --max-warnings 0        # errors only; fail on any warning
  $ claimcheck check 'sources/**/*.md'               # a quoted glob
  $ pbpaste | claimcheck check - sources/            # preview a new article against the ledger
                                                     # (- is <stdin>; --update refuses it: save it first)
  $ claimcheck check --config ci/claimcheck.config.json   # its sources, ledger, allowFields, ignore and match

In GitHub Actions (.github/workflows/claims.yml):
  - uses: actions/checkout@v4
  - uses: actions/setup-node@v4
    with: { node-version: 20 }
  - run: npx claimcheck check --format github

Exit codes: 0 the sources match the ledger (after --update: sources valid),
1 invalid sources, a malformed ledger file or claims that differ, 2 usage error.`,
    )
    .action(async (given: string[], givenOptions: Omit<CheckOptions, 'ledger'> & { ledger?: string }) => {
      const config = await loadConfig(context.io.cwd, givenOptions.config);
      const wanted = given.length > 0 ? given : (config?.sources ?? ['sources']);
      const stdin = wanted.includes('-');
      // The ledger records sources by their file: one read from stdin has none to record.
      if (stdin && givenOptions.update) throw new UserError('claimcheck: check --update cannot record a source read from stdin (-); save it under sources/ first (claimcheck add)', EXIT.usage);
      const onDisk = await pathsWithoutIgnored(wanted.filter((given) => given !== '-'), context.io.cwd, config);
      const paths = stdin ? ['-', ...onDisk] : onDisk;
      const options: CheckOptions = { ...givenOptions, ledger: givenOptions.ledger ?? config?.ledger ?? 'claims', loaded: config };
      const check = allowedFields(options.update ? await update(context, paths, options) : await compare(context, paths, options), config?.allowFields);
      const warnings = warningCount(check);
      const output = checkOutput(options.format, options.quiet ? quietCheck(check) : check);
      context.io.stdout.write(output.stdout);
      if (output.stderr) context.io.stderr.write(output.stderr);
      const tooMany = options.maxWarnings !== undefined && warnings > options.maxWarnings;
      if (tooMany) context.io.stderr.write(`claimcheck: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} found (maximum: ${options.maxWarnings})\n`);
      context.setExitCode(check.ok && !tooMany ? EXIT.ok : EXIT.findings);
    });
}

/** The check without `unknown-field` warnings for the front-matter fields the configuration allows. */
function allowedFields(check: CheckReport, fields: readonly string[] | undefined): CheckReport {
  if (!fields || fields.length === 0) return check;
  const allowed = new Set(fields.map((field) => field.toLowerCase()));
  const diagnostics = check.diagnostics.filter((d) => d.ruleId !== 'unknown-field' || !allowed.has((/`([^`]*)`/.exec(d.message)?.[1] ?? '').toLowerCase()));
  return diagnostics.length === check.diagnostics.length ? check : { ...check, diagnostics };
}

async function compare(context: CommandContext, paths: readonly string[], options: CheckOptions): Promise<CheckReport> {
  const match = matchOf(options.loaded);
  const stdin = paths.includes('-');
  // The resumed comparison (src/ledger/recheck.ts) runs with the default thresholds and files on disk only.
  if (options.cache !== false && !match && !stdin) return runCheckWithLedger(context, paths, options.ledger);
  const cwd = context.io.cwd;
  const ledger = await readLedger(options.ledger, ledgerReadOptions(cwd, options.cache));
  const review = reviewOf(ledger);
  const report = stdin
    ? await runCheckInputs(context, paths, { review, cache: options.cache, config: options.loaded })
    : await runCheckPipeline(context, paths, { review, cache: options.cache, match });
  return compareWithLedger(report, ledger).check;
}

/** The configuration's matching thresholds, when it sets any. */
function matchOf(config: Config | undefined): Config['match'] {
  return config?.match && Object.keys(config.match).length > 0 ? config.match : undefined;
}

async function update(context: CommandContext, paths: readonly string[], options: CheckOptions): Promise<CheckReport> {
  const cwd = context.io.cwd;
  try {
    return await withLedgerLock(
      options.ledger,
      async (lock) => {
        const ledger = await readLedger(options.ledger, ledgerReadOptions(cwd, options.cache));
        const report = await runCheckPipeline(context, paths, { review: reviewOf(ledger), cache: options.cache, match: matchOf(options.loaded) });
        const { check, next } = compareWithLedger(report, ledger);
        // Never overwrite a ledger that did not parse (its review blocks would be lost), nor
        // record an empty corpus because a path was mistyped (every claim would be dropped).
        if (!check.compared) return check;
        if (report.sources.length === 0 || report.diagnostics.some((d) => d.ruleId === 'not-found')) {
          context.io.stderr.write(`claimcheck: ${safeName(check.ledger)}/ was not changed: a path given has no sources\n`);
          return check;
        }
        const result = await writeLedgerFiles(path.resolve(cwd, options.ledger), ledger.files, ledgerFiles(next), { lock });
        // What the next `check` resumes from: the ledger's index and this comparison (see src/ledger/recheck.ts).
        if (options.cache !== false && !matchOf(options.loaded)) await keepAfterUpdate(paths, { cwd, ledger: options.ledger, cache: CACHE_FOLDER }).catch(() => undefined);
        const recorded = check.changes.length;
        if (recorded > 0) context.io.stderr.write(`claimcheck: recording ${recorded === 1 ? '1 change' : `${recorded} changes`} in ${safeName(check.ledger)}/\n`);
        const unconfirmed = next.filter((entry) => entry.review?.confirmed && entry.review.confirmed !== entry.verdict && entry.status !== 'gone');
        for (const entry of unconfirmed) {
          context.io.stderr.write(`${safeName(check.ledger)}/${entry.id}.yml:1:1: note: confirmed ${entry.review!.confirmed} but now ${entry.verdict}; review it again\n`);
        }
        const errors = check.diagnostics.some((d) => d.severity === 'error');
        return {
          ...check,
          ok: !errors,
          changes: [],
          summary: { ...check.summary, entries: next.length, unchanged: check.summary.claims, new: 0, verdict: 0, mentions: 0, gone: 0 },
          update: { written: result.written.length, removed: result.removed.length, recorded },
        };
      },
      { cwd },
    );
  } catch (error) {
    if (error instanceof LockTimeoutError) throw new UserError(error.message, EXIT.findings);
    throw error;
  }
}
