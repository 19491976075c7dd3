// Text reporter for the terminal: a summary line, then (per story when there are
// several) disputed claims with their sides (which outlets state which figure),
// corroborated claims by independent origins, and unique claims by source in
// article order, folded to the most check-worthy few unless `all`. Pure: colour is an option
// (chalk with an explicit level), wrapping uses wrap-ansi at `options.width`.

import { Chalk } from 'chalk';
import wrapAnsi from 'wrap-ansi';
import { wrapText } from './wrap.js';
import type { Finding, Mention, Report } from '../types.js';
import { safeReport } from './sanitize.js';
import { groupFindings, reviewedUpdates, shownUnique, sidesOf, undatedSources, UNIQUE_SHOWN_PER_SOURCE, type Side } from './digest.js';
import { readableDate, readableQuantity } from './readable.js';
import { placeOf, shownLine, summarize, summaryWords, type RenderOptions } from './shared.js';

/** Narrowest terminal at which the two mentions of a conflict sit side by side. */
const SIDE_BY_SIDE_MIN_WIDTH = 110;
/** Possibly related links listed per claim (all of them are in the JSON export). */
const MAX_RELATED_SHOWN = 3;

/**
 * The report as terminal text.
 *
 * @param report The report.
 * @param options Colour, width and whether to show possibly related links.
 */
export function renderText(unsafe: Report, options: RenderOptions): string {
  // Outlets, titles and sentences come from outsiders: no terminal escapes, bidi overrides or invisible characters.
  const report = safeReport(unsafe);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, options.width);
  const wrap = (text: string, indent: number) =>
    wrapText(text, width - indent)
      .split('\n')
      .map((line) => ' '.repeat(indent) + line)
      .join('\n');
  const lines: string[] = [];
  const summary = options.unfiltered ?? summarize(report);
  const idOf = new Map(report.claims.map((finding, index) => [finding.id, index]));
  const words = summaryWords(summary);

  lines.push(
    wrapSummary(
      paint.bold(words.head) + [paint.red(words.verdicts[0]!), paint.green(words.verdicts[1]!), paint.yellow(words.verdicts[2]!)].join(', '),
      width,
    ),
  );
  const shown = shownLine(report, options);
  if (shown) lines.push(paint.bold(shown));
  const problems = summarize(report).diagnostics;
  if (problems.errors + problems.warnings > 0) {
    lines.push(
      paint.red(
        `${problems.errors} ${plural(problems.errors, 'problem')} and ${problems.warnings} ${plural(problems.warnings, 'warning')} in the sources (listed on stderr)`,
      ),
    );
  }
  const undated = undatedSources(report);
  if (undated.length > 0) {
    lines.push(
      wrap(
        paint.dim(
          `No published date, so relative dates such as "on Friday" stay unresolved: ${undated.map((source) => source.outlet).join(', ')}`,
        ),
        0,
      ),
    );
  }

  const related = (finding: Finding) => {
    if (!options.showPossible || finding.related.length === 0) return;
    lines.push(wrap(paint.dim(`possibly related (${finding.related.length}):`), 2));
    for (const link of finding.related.slice(0, MAX_RELATED_SHOWN)) {
      const other = report.claims[idOf.get(link.id) ?? -1];
      lines.push(wrap(paint.dim(`${link.id} ${link.score.toFixed(2)}${other ? `  ${clip(other.text, width - 30)}` : ''}`), 4));
    }
    if (finding.related.length > MAX_RELATED_SHOWN) lines.push(wrap(paint.dim(`… and ${finding.related.length - MAX_RELATED_SHOWN} more (see --format json)`), 4));
  };
  const reviewed = (finding: Finding) => {
    const review = options.reviews?.get(finding.id);
    if (!review) return;
    const stale = review.confirmed !== finding.verdict ? ` (now ${finding.verdict}: review it again)` : '';
    lines.push(wrap(paint.magenta(`reviewed: confirmed ${review.confirmed}${stale}${review.note ? ` — ${review.note}` : ''}`), 2));
  };
  const updatesOf = (finding: Finding, shownMentions: Set<Mention>) => {
    for (const sides of sidesOf(finding).filter((entry) => entry.update)) {
      lines.push(wrap(`${paint.blue('update')} (${sides.kind}, a later figure): ${sideWords(sides.sides[0])} → ${sideWords(sides.sides[1])}`, 2));
    }
    for (const [i, j] of reviewedUpdates(finding, options.updates)) {
      const [a, b] = [finding.mentions[i]!, finding.mentions[j]!];
      lines.push(wrap(`${paint.blue('update')} (a reviewer's updates:): ${mentionFigures(a)} → ${mentionFigures(b)}`, 2));
      lines.push(stacked([a, b], wrap, paint, shownMentions));
      shownMentions.add(a).add(b);
    }
  };

  const groups = groupFindings(report);
  for (const group of groups) {
    if (group.story) {
      const count = group.disputed.length + group.corroborated.length + group.unique.reduce((sum, entry) => sum + entry.findings.length, 0);
      lines.push('', wrap(paint.bold.underline(`STORY: ${group.story.title} (${group.story.sources.length} ${plural(group.story.sources.length, 'source')}, ${count} ${plural(count, 'claim')})`), 0));
    }
    if (group.disputed.length > 0) {
      lines.push('', paint.red.bold(`DISPUTED (${group.disputed.length})`));
      for (const finding of group.disputed) {
        lines.push('', wrap(`${paint.red('✗')} ${paint.bold(finding.text)}`, 0));
        lines.push(wrap(paint.dim(outletLine(finding)), 2));
        reviewed(finding);
        // Each conflict once, with its sides: which outlets state which figure. Each sentence is printed once.
        const shownMentions = new Set<Mention>();
        for (const conflict of sidesOf(finding).filter((entry) => !entry.update)) {
          const [a, b] = conflict.sides;
          lines.push(wrap(`${paint.red(conflict.kind)}: ${sideWords(a)} vs ${sideWords(b)}${conflict.reason ? `: ${conflict.reason}` : ''}`, 2));
          const left = a.mentions.map((index) => finding.mentions[index]!);
          const right = b.mentions.map((index) => finding.mentions[index]!);
          lines.push(
            width >= SIDE_BY_SIDE_MIN_WIDTH ? sideBySide(left, right, width, paint, shownMentions) : stacked([...left, ...right], wrap, paint, shownMentions),
          );
          for (const mention of [...left, ...right]) shownMentions.add(mention);
        }
        updatesOf(finding, shownMentions);
        related(finding);
      }
    }

    if (group.corroborated.length > 0) {
      lines.push('', paint.green.bold(`CORROBORATED (${group.corroborated.length})`));
      for (const finding of group.corroborated) {
        lines.push('', wrap(`${paint.green('✓')} ${paint.bold(finding.text)}`, 0));
        lines.push(wrap(paint.dim(outletLine(finding)), 2));
        reviewed(finding);
        const shownMentions = new Set<Mention>();
        updatesOf(finding, shownMentions);
        lines.push(stacked(finding.mentions, wrap, paint, shownMentions));
        related(finding);
      }
    }

    const uniqueCount = group.unique.reduce((sum, entry) => sum + entry.findings.length, 0);
    if (uniqueCount > 0) {
      const folded = options.all !== true && group.unique.some((entry) => shownUnique(entry.findings, false).length < entry.findings.length);
      lines.push('', paint.yellow.bold(`UNIQUE (${uniqueCount})`));
      if (folded) lines.push(wrap(paint.dim(`The ${UNIQUE_SHOWN_PER_SOURCE} most check-worthy of each source, in article order; --all shows every one.`), 0));
      for (const entry of group.unique) {
        const kept = shownUnique(entry.findings, options.all === true);
        const outlet = entry.source?.outlet ?? entry.findings[0]?.outlets[0] ?? '';
        const count = kept.length < entry.findings.length ? `${kept.length} of ${entry.findings.length}` : `${entry.findings.length}`;
        lines.push('', wrap(`${paint.bold(outlet)} ${paint.dim(`(${count})`)}`, 0));
        for (const finding of kept) {
          const mention = finding.mentions[0]!;
          lines.push(wrap(`• ${mention.text} ${paint.cyan(placeOf(mention))}`, 2).replace(/^ {2}/, '  '));
          reviewed(finding);
          related(finding);
        }
        if (kept.length < entry.findings.length) lines.push(paint.dim(`  … ${entry.findings.length - kept.length} more`));
      }
    }
  }
  if (report.claims.length === 0) lines.push('', 'No claims to show.');
  return `${lines.join('\n')}\n`;
}

/** "nine schools (River Post, The Daily)": a side's value and the outlets that state it. */
function sideWords(side: Side): string {
  return `"${side.value}" (${side.outlets.join(', ')})`;
}

/** A mention's figures and dates as short text ("at least 4 meetings, 2020-12-18 (on Friday)"), with its outlet. */
function mentionFigures(mention: Mention): string {
  const figures = [...mention.quantities.map(readableQuantity), ...mention.dates.map(readableDate)];
  return `${mention.outlet}${figures.length > 0 ? ` "${figures.join(', ')}"` : ''}`;
}

function wrapSummary(text: string, width: number): string {
  return wrapText(text, width);
}

/** "4 outlets, 1 origin: the Justice Department": the independent origins, not the outlets (each mention names its outlet). */
function outletLine(finding: Finding): string {
  const origins = finding.origins.length;
  return `${finding.outlets.length} ${plural(finding.outlets.length, 'outlet')}, ${origins} ${plural(origins, 'origin')}: ${finding.origins.join(', ')}`;
}

function stacked(
  mentions: readonly Mention[],
  wrap: (text: string, indent: number) => string,
  paint: InstanceType<typeof Chalk>,
  shown: ReadonlySet<Mention> = new Set(),
): string {
  return mentions
    .map((mention) => {
      const header = `    ${paint.bold(mention.outlet)}  ${paint.cyan(placeOf(mention))}`;
      return shown.has(mention) ? `${header} ${paint.dim('(above)')}` : `${header}\n${wrap(mention.text, 6)}`;
    })
    .join('\n');
}

/** Two sides in two columns: wrap plain text first, pad, then colour, so ANSI codes never skew the columns. */
function sideBySide(
  a: readonly Mention[],
  b: readonly Mention[],
  width: number,
  paint: InstanceType<typeof Chalk>,
  shown: ReadonlySet<Mention>,
): string {
  const gap = 3;
  const column = Math.floor((width - 4 - gap) / 2);
  // Paths are never broken mid-name: a long one is cut at the front instead.
  const place = (mention: Mention) => {
    const value = placeOf(mention);
    return value.length <= column ? value : `…${value.slice(value.length - column + 1)}`;
  };
  type Line = { text: string; style: 'outlet' | 'place' | 'text' };
  const block = (mention: Mention): Line[] => [
    ...wrapAnsi(mention.outlet, column, { hard: true }).split('\n').map((line) => ({ text: line, style: 'outlet' as const })),
    { text: place(mention), style: 'place' as const },
    ...(shown.has(mention)
      ? [{ text: '(above)', style: 'place' as const }]
      : wrapText(mention.text, column).split('\n').map((line) => ({ text: line, style: 'text' as const }))),
  ];
  const blocks = (mentions: readonly Mention[]): (Line | undefined)[] =>
    mentions.flatMap((mention, index) => [...(index > 0 ? [undefined] : []), ...block(mention)]);
  const left = blocks(a);
  const right = blocks(b);
  const style = (line: Line | undefined, pad: boolean) => {
    const text = line?.text ?? '';
    const padded = pad ? text.padEnd(column) : text;
    if (!line) return padded;
    return line.style === 'outlet' ? paint.bold(padded) : line.style === 'place' ? paint.cyan(padded) : padded;
  };
  const rows: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    rows.push(`    ${style(left[i], true)}${' '.repeat(gap)}${style(right[i], false)}`.trimEnd());
  }
  return rows.join('\n');
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
