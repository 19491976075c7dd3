// `claimcheck add [FILE|-]`: import a raw article (plain text, Markdown or a
// saved HTML page) into the sources folder as Markdown with front matter, with
// web boilerplate removed; never writes outside the sources folder.

import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { isIsoDate } from '../import/date.js';
import type { ImportFormat } from '../import/index.js';
import { safeLine, safeName } from '../render/sanitize.js';
import { EXIT, UserError } from '../errors.js';
import { type CommandContext } from './context.js';

interface AddOptions {
  readonly outlet: string;
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
  readonly author?: string[];
  readonly slug?: string;
  readonly format: ImportFormat;
  readonly sources: string;
  readonly force?: boolean;
  readonly dryRun?: boolean;
  readonly verbose?: boolean;
}

/**
 * The `add` command.
 *
 * @param context Streams, working folder and exit-code setter.
 */
export function addCommand(context: CommandContext): Command {
  const { io } = context;
  return new Command('add')
    .description('import an article (plain text, Markdown or saved HTML) into the sources folder, without web boilerplate')
    .argument('[file]', 'the article; - or nothing for stdin')
    .requiredOption('--outlet <name>', 'the outlet that published the article (required)')
    .option('--title <title>', "the article's title (default: the document's title or headline)")
    .option('--url <url>', "the article's address")
    .option('--published <YYYY-MM-DD>', 'publication date; resolves relative dates such as "on Friday"', parsePublished)
    .option('--author <name>', 'author name (repeat for several authors)', collectAuthors)
    .option('--slug <slug>', 'file name in the sources folder, without .md (default: date-outlet-title)')
    .addOption(new Option('--format <name>', 'how to read the input').choices(['auto', 'text', 'markdown', 'html']).default('auto'))
    .option('--sources <dir>', 'the sources folder', 'sources')
    .option('--force', 'overwrite an existing source file')
    .option('--dry-run', 'print the Markdown to stdout and write nothing')
    .option('--verbose', 'list each removed block with the reason')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ claimcheck add article.html --outlet "The Epoch Times" --published 2020-12-18
  $ claimcheck add seed.txt --outlet "Bitter Winter" --author "Marco Respinti" --published 2020-12-22
  $ pbpaste | claimcheck add --outlet "PJ Media" --title "Zoom Executive Based in China Spied on Dissidents"
  $ claimcheck add article.txt --outlet "Unattributed (seed 000)" --dry-run --verbose

The file is written to <sources>/<slug>.md; an existing file is kept unless --force.
Exit codes: 0 added, 1 bad input (unreadable, not UTF-8, no article text, file exists).`,
    )
    .action(async (file: string | undefined, options: AddOptions) => {
      try {
        await add(context, file, options);
        context.setExitCode(EXIT.ok);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        io.stderr.write(`claimcheck add: ${safeLine(error.message)}\n`);
        context.setExitCode(error.exitCode);
      }
    });
}

async function add(context: CommandContext, file: string | undefined, options: AddOptions): Promise<void> {
  const { io } = context;
  const raw = await readArticle(context, file);
  // Loaded here: the HTML importer (linkedom, Readability) is only needed by `add`.
  const { importArticle, sourcePathFor, writeSource } = await import('../import/index.js');
  const imported = importArticle(raw, {
    format: options.format,
    outlet: options.outlet,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(options.published !== undefined ? { published: options.published } : {}),
    ...(options.author !== undefined ? { author: options.author } : {}),
    ...(options.slug !== undefined ? { slug: options.slug } : {}),
  });
  const sourcesDir = path.resolve(io.cwd, options.sources);
  let written: string;
  if (options.dryRun) {
    written = sourcePathFor(sourcesDir, imported.slug);
    io.stdout.write(imported.markdown);
  } else {
    written = await writeSource(sourcesDir, imported.slug, imported.markdown, { force: options.force === true });
  }
  // The article is an outsider's text: what is echoed from it shows control characters as <U+XXXX>.
  for (const warning of imported.warnings) io.stderr.write(`warning: ${safeLine(warning)}\n`);
  if (options.verbose) {
    for (const block of imported.removed) io.stderr.write(`  removed (${block.reason}): ${safeLine(clip(block.text))}\n`);
  }
  const shown = safeName(path.relative(io.cwd, written).split(path.sep).join('/'));
  const paragraphs = `${imported.paragraphs} paragraph${imported.paragraphs === 1 ? '' : 's'}`;
  const blocks = `${imported.removed.length} boilerplate block${imported.removed.length === 1 ? '' : 's'} removed`;
  io.stderr.write(`${options.dryRun ? 'would add' : 'added'} ${shown} (${paragraphs}, ${blocks})\n`);
}

/** The article's text: a file (resolved against the working folder) or stdin, as UTF-8. */
async function readArticle(context: CommandContext, file: string | undefined): Promise<string> {
  const fromStdin = file === undefined || file === '-';
  const name = fromStdin ? 'stdin' : file;
  let bytes: Uint8Array;
  try {
    bytes = fromStdin ? await context.io.readStdin() : await readFile(path.resolve(context.io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    throw new UserError(`${name}: cannot read: ${why}`);
  }
  if (bytes.length === 0) throw new UserError(`${name}: is empty`);
  if (bytes.includes(0)) throw new UserError(`${name}: looks binary (contains NUL bytes); expected a text, Markdown or HTML article`);
  if (!isUtf8(bytes)) throw new UserError(`${name}: is not UTF-8 text (save it as UTF-8 and try again)`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.trim() === '') throw new UserError(`${name}: has no text`);
  return text;
}

function parsePublished(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a calendar date YYYY-MM-DD, e.g. 2020-12-18');
  return value;
}

function collectAuthors(value: string, previous: string[] | undefined): string[] {
  const name = value.trim();
  if (name === '') throw new InvalidArgumentError('expected a name');
  return [...(previous ?? []), name];
}

function clip(text: string, width = 100): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
