// The command line: builds the commander program and runs it against an Io,
// returning the exit code (0 clean, 1 findings or bad input, 2 usage error or
// crash). Only bin/claimcheck.js touches `process.exitCode` (and processIo, when a write to stdout fails).

import path from 'node:path';
import { Command, CommanderError, type Option } from 'commander';
import { addCommand } from './commands/add.js';
import { checkCommand } from './commands/check.js';
import { EXIT, UserError } from './errors.js';
import { type CommandContext, type Io } from './commands/context.js';
import { sentencesCommand } from './commands/sentences.js';
import { stageCommand } from './commands/stage.js';
import { exportCommand } from './commands/export.js';
import { WRITE_ERROR_CODES, writeFailure } from './commands/out.js';
import { reportCommand } from './commands/report.js';
import { guardStdout, wasClosedAtStart } from './commands/stdout.js';
import { notACommand, safeName, safeText } from './render/sanitize.js';
import { VERSION } from './version.js';


/** System calls whose failure means a file could not be written. */
const WRITE_SYSCALLS: ReadonlySet<string> = new Set(['open', 'mkdir', 'mkdtemp', 'rename', 'write', 'link', 'symlink', 'unlink', 'rmdir', 'fsync', 'ftruncate', 'copyfile', 'utime', 'chmod']);

/** The Io of the running process. */
export function processIo(): Io {
  // A reader that stops early (`claimcheck report | head`) is not an error; a closed stdout (`>&-`) is.
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    stdout: guardStdout(process.stdout, wasClosedAtStart(1), (error) => {
      process.stderr.write(`claimcheck: stdout: cannot write: ${writeFailure(error)}\n`);
      // The error arrives after the write returned, maybe after run() did: fail the exit code at the end.
      process.once('exit', () => {
        process.exitCode = EXIT.usage;
      });
    }),
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  };
}

/**
 * Build the `claimcheck` program.
 *
 * @param context Streams, environment and exit-code setter for the commands.
 */
export function createProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('claimcheck')
    .description('Cross-reference claims across news outlets: which claims are corroborated, disputed, or stated by one outlet alone.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of unexpected errors')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander's errors quote the arguments: no control characters, no workflow commands.
      writeErr: (text) => io.stderr.write(safeLines(text)),
      outputError: (text, write) => write(text),
      getOutHelpWidth: () => io.columns ?? 80,
      getErrHelpWidth: () => io.columns ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .addHelpText(
      'after',
      `
Examples:
  $ claimcheck report                      # what the sources in sources/ corroborate and dispute
  $ claimcheck export --format json > claims.json
  $ claimcheck check                       # in CI: validate sources, compare with claims/
  $ claimcheck add article.html --outlet "The Epoch Times" --published 2020-12-18
  $ claimcheck sentences sources/x.md      # the sentence splitter alone
  $ claimcheck report ../story/sources     # applies ../story/claims/, named on stderr
  $ cat article.md | claimcheck report - sources/   # one more source from stdin
  $ claimcheck export 'sources/**/*.md' --config ci/claimcheck.config.json

Configuration: claimcheck.config.json or .claimcheckrc.json (this folder or
above) or --config FILE: sources, ledger, allowFields, ignore, match, organization.

Exit codes: 0 ok, 1 findings or bad input (check), 2 usage error.`,
    );
  for (const make of [reportCommand, exportCommand, checkCommand, addCommand, sentencesCommand]) {
    program.addCommand(refuseRepeats(make(context)).copyInheritedSettings(program));
  }
  // The stages for distributed engines (engines/dask): not for typing, so not in the help.
  program.addCommand(refuseRepeats(stageCommand(context)).copyInheritedSettings(program), { hidden: true });
  return program;
}

/**
 * Make a repeated single-valued option (`--format csv --format json`) a usage
 * error instead of silently taking the last. Single-valued: takes a value and has
 * no parser of its own (parsers collect or accumulate: --outlet, --verdict), or
 * has choices.
 */
function refuseRepeats(command: Command): Command {
  const single = (option: Option) => (option.required || option.optional) && !option.variadic && (option.parseArg === undefined || option.argChoices !== undefined);
  for (const option of command.options.filter(single)) {
    let seen = 0;
    command.on(`option:${option.name()}`, () => {
      if (++seen > 1) command.error(`error: option '${option.flags}' given more than once`, { exitCode: EXIT.usage, code: 'claimcheck.repeatedOption' });
    });
  }
  return command;
}

/** Text to print whose lines may quote user input: control characters shown, no line a workflow command. */
function safeLines(text: string): string {
  return safeText(text)
    .split('\n')
    .map(notACommand)
    .join('\n');
}

/**
 * Run claimcheck with `argv` (without the node and script names).
 *
 * @param argv Arguments, e.g. `['report', 'sources']`.
 * @param io Streams and environment (default: the process's own).
 */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const context: CommandContext = {
    io,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
    debug: () => debug,
  };
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      io.stderr.write(`${safeLines(error.message)}\n`);
      return Math.max(exitCode, error.exitCode);
    }
    // A folder that cannot be written (read-only, full, a file in the way) is not a bug.
    const code = (error as NodeJS.ErrnoException)?.code;
    const file = (error as NodeJS.ErrnoException)?.path;
    if (code !== undefined && WRITE_ERROR_CODES.has(code) && typeof file === 'string') {
      const shown = path.relative(io.cwd, file).startsWith('..') ? file : path.relative(io.cwd, file);
      const verb = WRITE_SYSCALLS.has((error as NodeJS.ErrnoException).syscall ?? '') || code === 'EROFS' || code === 'ENOSPC' || code === 'EDQUOT' ? 'write' : 'access';
      io.stderr.write(`${safeLines(`claimcheck: ${safeName(shown.split(path.sep).join('/'))}: cannot ${verb}: ${writeFailure(error)}`)}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`${safeLines(`claimcheck: unexpected error: ${(error as Error)?.message ?? String(error)}`)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write('Run again with --debug to see the stack trace, and please report it.\n');
    return EXIT.usage;
  }
  return exitCode;
}
