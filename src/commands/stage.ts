// `claimcheck stage <name>`: one stage of the pipeline over JSON Lines on
// stdin/stdout (src/engine/stage.ts), for distributed engines that run them as
// maps and shuffles (engines/dask/run.py). Not meant to be typed by hand.

import { Command } from 'commander';
import { reviewOf } from '../ledger/compare.js';
import { reviewsByFinding } from '../ledger/reviews.js';
import { readLedger } from '../ledger/store.js';
import { printedDiagnostic } from '../render/sanitize.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeStage, finishStage, judgeStage, listStage, pairsStage, planStage, stageOptions, storyRelationOf, type ComponentRecord, type LinkedRecord, type PlanSource } from '../engine/stage.js';
import type { StoryProfile } from '../core/stories.js';
import type { Diagnostic } from '../types.js';
import type { CommandContext } from './context.js';
import { ledgerReadOptions, writeOutput } from './shared.js';

/** Non-empty lines of stdin, parsed as JSON. */
async function stdinRecords<T>(context: CommandContext): Promise<T[]> {
  const text = new TextDecoder().decode(await context.io.readStdin());
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function* jsonLines(values: Iterable<unknown>): Generator<string> {
  for (const value of values) yield `${JSON.stringify(value)}\n`;
}

function printDiagnostics(context: CommandContext, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) context.io.stderr.write(`${printedDiagnostic(diagnostic)}\n`);
}

async function ledgerOf(context: CommandContext, folder: string) {
  const ledger = await readLedger(folder, ledgerReadOptions(context.io.cwd, undefined));
  for (const diagnostic of ledger.diagnostics) context.io.stderr.write(`${printedDiagnostic({ ...diagnostic, severity: 'warning' })}\n`);
  return ledger;
}

/** The plan's story profiles (`--stories FILE`, a JSON array written by the runner from `stage plan`). */
function storiesOf(context: CommandContext, file: string | undefined): StoryProfile[] | undefined {
  if (file === undefined) return undefined;
  const value: unknown = JSON.parse(readFileSync(path.resolve(context.io.cwd, file), 'utf8'));
  if (!Array.isArray(value)) throw new Error(`${file}: not a list of story profiles`);
  return value as StoryProfile[];
}

const STORIES_HELP = "the plan's story profiles (a JSON array of Plan.stories): the story gate and each finding's story";

/**
 * The `stage` command and its subcommands.
 *
 * @param context Streams and exit-code setter.
 */
export function stageCommand(context: CommandContext): Command {
  const command = new Command('stage').description('run one stage of the pipeline over JSON Lines (for distributed engines, see engines/dask)');
  command
    .command('list')
    .description('the source files under paths, one {"path"} per line, in the order export reads them')
    .argument('[paths...]', 'source files or folders', ['sources'])
    .action(async (paths: string[]) => {
      const { files, diagnostics } = await listStage(paths, context.io.cwd);
      printDiagnostics(context, diagnostics);
      await writeOutput(context, jsonLines(files.map((file) => ({ path: file }))), undefined);
    });
  command
    .command('analyze')
    .description('files (arguments, or {"path", "id"?} lines on stdin) → one analysis record per file, with its claims\' blocking keys')
    .argument('[files...]', 'source files as listed')
    .action(async (files: string[]) => {
      const wanted: { path: string; id?: string }[] = files.length > 0 ? files.map((file) => ({ path: file })) : await stdinRecords(context);
      await writeOutput(context, jsonLines(wanted.map((item) => analyzeStage(item.path, context.io.cwd, item.id))), undefined);
    });
  command
    .command('plan')
    .description('usable sources ({"path","id","outlet","prose","claims"} lines, in listing order) → the sources kept and the blocking cap')
    .action(async () => {
      const plan = planStage(await stdinRecords<PlanSource>(context));
      printDiagnostics(context, plan.diagnostics);
      await writeOutput(context, jsonLines([plan]), undefined);
    });
  command
    .command('pairs')
    .description('blocks ({"kind","term","claims"} lines) → scored edges [i, j, strength, confident], one per line')
    .option('--stories <file>', STORIES_HELP)
    .action(async (options: { stories?: string }) => {
      const sameStory = storyRelationOf(storiesOf(context, options.stories));
      const settings = stageOptions();
      const blocks = await stdinRecords<Parameters<typeof pairsStage>[0]>(context);
      await writeOutput(context, jsonLines(blocks.flatMap((block) => pairsStage(block, settings, sameStory))), undefined);
    });
  command
    .command('judge')
    .description('connected components ({"claims","edges","outside"} lines) → findings with their links to claims')
    .option('--ledger <folder>', "the reviewed ledger whose reviewers' decisions to honour", 'claims')
    .option('--stories <file>', STORIES_HELP)
    .action(async (options: { ledger: string; stories?: string }) => {
      const sameStory = storyRelationOf(storiesOf(context, options.stories));
      const settings = stageOptions();
      const review = reviewOf(await ledgerOf(context, options.ledger));
      const components = await stdinRecords<ComponentRecord>(context);
      await writeOutput(context, jsonLines(components.flatMap((component) => judgeStage(component, review, settings, sameStory))), undefined);
    });
  command
    .command('finish')
    .description('findings with links resolved ({"finding","related"} lines) → export --format jsonl')
    .option('--ledger <folder>', "the reviewed ledger whose confirmations to export", 'claims')
    .option('--stories <file>', STORIES_HELP)
    .action(async (options: { ledger: string; stories?: string }) => {
      const stories = storiesOf(context, options.stories);
      const ledger = await ledgerOf(context, options.ledger);
      const records = await stdinRecords<LinkedRecord>(context);
      await writeOutput(context, finishStage(records, (findings) => reviewsByFinding(findings, ledger.entries), stories), undefined);
    });
  return command;
}
