// `claimcheck report [paths…]`: the human report for fact-checkers.
// (Foundation stage: lists sources and sentence counts; the matcher fills it in.)

import { Command } from 'commander';
import { formatDiagnostic, loadSources } from '../load.js';
import { splitSentences } from '../segment.js';
import type { CommandContext } from './context.js';

/**
 * The `report` command.
 *
 * @param context Streams and exit-code setter.
 */
export function reportCommand(context: CommandContext): Command {
  return new Command('report')
    .description('report which claims are corroborated, disputed or unique across outlets')
    .argument('[paths...]', 'source files or folders', ['sources'])
    .addHelpText(
      'after',
      `
Examples:
  $ claimcheck report
  $ claimcheck report sources/extra.md sources/`,
    )
    .action(async (paths: string[]) => {
      const { sources, diagnostics } = await loadSources(paths, { cwd: context.io.cwd });
      for (const diagnostic of diagnostics) context.io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
      for (const source of sources) {
        context.io.stdout.write(`${source.path}  ${source.meta.outlet}  ${splitSentences(source).length} sentences\n`);
      }
    });
}
