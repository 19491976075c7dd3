// Text reporter for the terminal: a summary line, then disputed claims with the
// conflicting mentions side by side, corroborated claims with their outlets
// and origins, and unique claims grouped by outlet. Pure: colour is an option
// (chalk with an explicit level), wrapping uses wrap-ansi at `options.width`.

import { Chalk } from 'chalk';
import wrapAnsi from 'wrap-ansi';
import { wrapText } from './wrap.js';
import type { Finding, Mention, Report } from '../types.js';
import { safeReport } from './sanitize.js';
import { findingsWith, placeOf, summarize, type RenderOptions } from './shared.js';

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
  const summary = summarize(report);
  const idOf = new Map(report.claims.map((finding, index) => [finding.id, index]));

  lines.push(
    wrapSummary(paint.bold(
      `${summary.sources} ${plural(summary.sources, 'source')}, ${summary.outlets} ${plural(summary.outlets, 'outlet')}, ` +
        `${summary.claims} ${plural(summary.claims, 'claim')}: `,
    ) +
      [
        paint.red(`${summary.byVerdict.disputed} disputed`),
        paint.green(`${summary.byVerdict.corroborated} corroborated`),
        paint.yellow(`${summary.byVerdict.unique} unique`),
      ].join(', '), width),
  );
  if (summary.diagnostics.errors + summary.diagnostics.warnings > 0) {
    lines.push(
      paint.red(
        `${summary.diagnostics.errors} ${plural(summary.diagnostics.errors, 'problem')} and ${summary.diagnostics.warnings} ${plural(summary.diagnostics.warnings, 'warning')} in the sources (listed on stderr)`,
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

  const disputed = findingsWith(report, 'disputed');
  if (disputed.length > 0) {
    lines.push('', paint.red.bold(`DISPUTED (${disputed.length})`));
    for (const finding of disputed) {
      lines.push('', wrap(`${paint.red('✗')} ${paint.bold(finding.text)}`, 0));
      lines.push(wrap(paint.dim(outletLine(finding)), 2));
      // Each mention's sentence is printed once; later conflicts name it by outlet and place.
      const shown = new Set<Mention>();
      for (const conflict of finding.conflicts) {
        const [a, b] = [finding.mentions[conflict.between[0]]!, finding.mentions[conflict.between[1]]!];
        lines.push(wrap(`${paint.red(conflict.kind)}: ${conflict.detail}`, 2));
        lines.push(width >= SIDE_BY_SIDE_MIN_WIDTH ? sideBySide(a, b, width, paint, shown) : stacked([a, b], wrap, paint, shown));
        shown.add(a).add(b);
      }
      related(finding);
    }
  }

  const corroborated = findingsWith(report, 'corroborated');
  if (corroborated.length > 0) {
    lines.push('', paint.green.bold(`CORROBORATED (${corroborated.length})`));
    for (const finding of corroborated) {
      lines.push('', wrap(`${paint.green('✓')} ${paint.bold(finding.text)}`, 0));
      lines.push(wrap(paint.dim(outletLine(finding)), 2));
      lines.push(stacked(finding.mentions, wrap, paint));
      related(finding);
    }
  }

  const unique = findingsWith(report, 'unique');
  if (unique.length > 0) {
    lines.push('', paint.yellow.bold(`UNIQUE (${unique.length})`));
    const byOutlet = new Map<string, Finding[]>();
    for (const finding of unique) {
      const outlet = finding.outlets[0] ?? '';
      // Appended in place: copying the list per finding was quadratic (30 000 unique claims: 14.6 s).
      const list = byOutlet.get(outlet);
      if (list) list.push(finding);
      else byOutlet.set(outlet, [finding]);
    }
    for (const outlet of [...byOutlet.keys()].sort()) {
      const findings = byOutlet.get(outlet)!;
      lines.push('', paint.bold(`${outlet} (${findings.length})`));
      for (const finding of findings) {
        const mention = finding.mentions[0]!;
        lines.push(wrap(`• ${mention.text} ${paint.cyan(placeOf(mention))}`, 2).replace(/^ {2}/, '  '));
        related(finding);
      }
    }
  }
  if (report.claims.length === 0) lines.push('', 'No claims to show.');
  return `${lines.join('\n')}\n`;
}

function wrapSummary(text: string, width: number): string {
  return wrapText(text, width);
}

function outletLine(finding: Finding): string {
  const origins = finding.origins.length;
  return `${finding.outlets.length} ${plural(finding.outlets.length, 'outlet')}, ${origins} ${plural(origins, 'origin')}: ${finding.outlets.join(', ')}${
    origins < finding.outlets.length ? ` (origins: ${finding.origins.join(', ')})` : ''
  }`;
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

/** Two mentions in two columns: wrap plain text first, pad, then colour, so ANSI codes never skew the columns. */
function sideBySide(a: Mention, b: Mention, width: number, paint: InstanceType<typeof Chalk>, shown: ReadonlySet<Mention>): string {
  const gap = 3;
  const column = Math.floor((width - 4 - gap) / 2);
  // Paths are never broken mid-name: a long one is cut at the front instead.
  const place = (mention: Mention) => {
    const value = placeOf(mention);
    return value.length <= column ? value : `…${value.slice(value.length - column + 1)}`;
  };
  const block = (mention: Mention) => [
    ...wrapAnsi(mention.outlet, column, { hard: true }).split('\n').map((line) => ({ text: line, style: 'outlet' as const })),
    { text: place(mention), style: 'place' as const },
    ...(shown.has(mention)
      ? [{ text: '(above)', style: 'place' as const }]
      : wrapText(mention.text, column).split('\n').map((line) => ({ text: line, style: 'text' as const }))),
  ];
  const left = block(a);
  const right = block(b);
  const style = (line: { text: string; style: 'outlet' | 'place' | 'text' } | undefined, pad: boolean) => {
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
