// `claimcheck sentences [FILE|-]`: the sentence splitter alone. `.md` files are
// read as Markdown bodies, anything else (and stdin) as plain text unless --markdown.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { decodeText, parseSource, sourceFromPlainText } from '../core/parse.js';
import { escapedJson, notACommand, printedDiagnostic, safeLine } from '../render/sanitize.js';
import { splitSentences } from '../core/sentences.js';
import type { Source } from '../types.js';
import { EXIT, UserError } from '../errors.js';
import { type CommandContext } from './context.js';

interface SentencesOptions {
  readonly format: 'text' | 'json';
  readonly markdown?: boolean;
}

/**
 * The `sentences` command.
 *
 * @param context Streams and exit-code setter.
 */
export function sentencesCommand(context: CommandContext): Command {
  return new Command('sentences')
    .description('split a file or stdin into sentences (the segmenter alone)')
    .argument('[file]', 'a .md source (read as Markdown) or a text file; - or nothing for stdin')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('--markdown', 'read stdin or a non-.md file as Markdown')
    .addHelpText(
      'after',
      `
Examples:
  $ claimcheck sentences sources/the-epoch-times-zoom-executive-charged.md
  $ echo "Mr. Smith left at 5 p.m. He was late." | claimcheck sentences
  $ claimcheck sentences article.txt --format json`,
    )
    .action(async (file: string | undefined, options: SentencesOptions) => {
      const source = await readInput(context, file, options);
      const sentences = splitSentences(source);
      if (options.format === 'json') {
        const rows = sentences.map((sentence) => ({
          text: sentence.text,
          line: sentence.position.start.line,
          column: sentence.position.start.column,
          start: sentence.position.start.offset,
          end: sentence.position.end.offset,
        }));
        context.io.stdout.write([...escapedJson([`${JSON.stringify(rows, null, 2)}\n`])].join(''));
      } else {
        // Text from outsiders: no terminal escapes, bidi overrides or line breaks reach the terminal.
        for (const sentence of sentences) context.io.stdout.write(`${notACommand(safeLine(sentence.text.replace(/\s*\n\s*/g, ' ')))}\n`);
      }
      context.setExitCode(EXIT.ok);
    });
}

async function readInput(context: CommandContext, file: string | undefined, options: SentencesOptions): Promise<Source> {
  const fromStdin = file === undefined || file === '-';
  const name = fromStdin ? '-' : file;
  let bytes: Uint8Array;
  try {
    bytes = fromStdin ? await context.io.readStdin() : await readFile(path.resolve(context.io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${name}:1:1: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, EXIT.findings);
  }
  const asMarkdown = options.markdown === true || (!fromStdin && /\.(md|markdown)$/i.test(name));
  if (asMarkdown) {
    const parsed = parseSource(name, bytes, { frontMatter: 'optional' });
    for (const diagnostic of parsed.diagnostics) context.io.stderr.write(`${printedDiagnostic(diagnostic)}\n`);
    if (!parsed.source) throw new UserError(`${name}: cannot split this file`, EXIT.findings);
    return parsed.source;
  }
  if (bytes.length === 0) return sourceFromPlainText('', name);
  const decoded = decodeText(name, bytes);
  if ('diagnostic' in decoded) throw new UserError(printedDiagnostic(decoded.diagnostic), EXIT.findings);
  return sourceFromPlainText(decoded.text, name);
}
