// Markdown reporter, for sharing in an issue or a newsroom document. Builds an
// mdast tree and serialises it with mdast-util-to-markdown, so article text is
// escaped by a real Markdown writer (a `*` or `#` in a sentence stays text).

import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Finding, Mention, Report } from '../types.js';
import { safeLine, safeReport } from './sanitize.js';
import { groupFindings, reviewedUpdates, shownUnique, sidesOf, undatedSources, UNIQUE_SHOWN_PER_SOURCE, type Side } from './digest.js';
import { placeOf, shownLine, summarize, summaryWords, type RenderOptions } from './shared.js';

// Every piece of text on one line: a line break in an outlet or a title would start a block (a table row, a heading) of its own.
const text = (value: string): PhrasingContent => ({ type: 'text', value: safeLine(value) });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value: safeLine(value) });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3 | 4, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });
const item = (...children: (Paragraph | List)[]): ListItem => ({ type: 'listItem', spread: false, children });

function mentionItem(mention: Mention): ListItem {
  return item(paragraph(strong(mention.outlet), text(' '), code(placeOf(mention)), text(`: ${mention.text}`)));
}

/**
 * The report as Markdown: per story when there are several, disputes with
 * their sides, corroborated claims by independent origins, unique claims by
 * source in article order (the most check-worthy few unless `all`).
 *
 * @param report The report.
 * @param options Whether to show possibly related links and every unique claim; reviews and updates.
 */
export function renderMarkdown(unsafe: Report, options: RenderOptions): string {
  const report = safeReport(unsafe);
  const summary = options.unfiltered ?? summarize(report);
  const words = summaryWords(summary);
  const tree: Root = { type: 'root', children: [] };
  const add = (...nodes: RootContent[]) => tree.children.push(...nodes);
  add(heading(1, 'claimcheck report'), paragraph(text(`${words.head}${words.verdicts.join(', ')}.`)));
  const shown = shownLine(report, options);
  if (shown) add(paragraph(strong(`${shown}.`)));
  const undated = undatedSources(report);
  if (undated.length > 0) {
    add(
      paragraph(
        text('No '),
        code('published'),
        text(` date, so relative dates ("on Friday") stay unresolved: ${undated.map((source) => source.outlet).join(', ')}.`),
      ),
    );
  }
  if (report.diagnostics.length > 0) {
    add(
      heading(2, `Problems (${report.diagnostics.length})`),
      list(report.diagnostics.map((d) => item(paragraph(code(`${d.file}:${d.place.line}:${d.place.column}`), text(` ${d.severity}: ${d.message}`))))),
    );
  }
  const related = (finding: Finding): RootContent[] =>
    options.showPossible && finding.related.length > 0
      ? [paragraph(text(`Possibly related: ${finding.related.map((link) => `${link.id} (${link.score.toFixed(2)})`).join(', ')}`))]
      : [];
  const reviewed = (finding: Finding): RootContent[] => {
    const review = options.reviews?.get(finding.id);
    if (!review) return [];
    const stale = review.confirmed !== finding.verdict ? ` (now ${finding.verdict}: review it again)` : '';
    return [paragraph(strong('Reviewed:'), text(` confirmed ${review.confirmed}${stale}${review.note ? `. ${review.note}` : ''}`))];
  };
  const outlets = (finding: Finding) =>
    paragraph(
      text(
        `${finding.outlets.length} ${finding.outlets.length === 1 ? 'outlet' : 'outlets'}, ${finding.origins.length} ${finding.origins.length === 1 ? 'origin' : 'origins'}: ${finding.origins.join(', ')}. Claim ${finding.id}.`,
      ),
    );
  const sideText = (side: Side) => `"${side.value}" (${side.outlets.join(', ')})`;
  const updates = (finding: Finding): RootContent[] => {
    const items: ListItem[] = [];
    for (const conflict of sidesOf(finding).filter((entry) => entry.update)) {
      items.push(item(paragraph(strong('update'), text(` (${conflict.kind}, a later figure): ${sideText(conflict.sides[0])} → ${sideText(conflict.sides[1])}`))));
    }
    for (const [i, j] of reviewedUpdates(finding, options.updates)) {
      items.push(
        item(
          paragraph(strong('update'), text(" (a reviewer's updates:)")),
          list([mentionItem(finding.mentions[i]!), mentionItem(finding.mentions[j]!)]),
        ),
      );
    }
    return items.length > 0 ? [list(items)] : [];
  };

  for (const group of groupFindings(report)) {
    const depth: 2 | 3 = group.story ? 3 : 2;
    const sub: 3 | 4 = group.story ? 4 : 3;
    if (group.story) add(heading(2, `Story: ${group.story.title}`));
    if (group.disputed.length > 0) {
      add(heading(depth, `Disputed (${group.disputed.length})`));
      for (const finding of group.disputed) {
        add(heading(sub, finding.text), outlets(finding), ...reviewed(finding));
        add(
          list(
            sidesOf(finding)
              .filter((entry) => !entry.update)
              .map((conflict) =>
                item(
                  paragraph(strong(conflict.kind), text(`: ${sideText(conflict.sides[0])} vs ${sideText(conflict.sides[1])}${conflict.reason ? `: ${conflict.reason}` : ''}`)),
                  list([...conflict.sides[0].mentions, ...conflict.sides[1].mentions].map((index) => mentionItem(finding.mentions[index]!))),
                ),
              ),
          ),
          ...updates(finding),
          ...related(finding),
        );
      }
    }
    if (group.corroborated.length > 0) {
      add(heading(depth, `Corroborated (${group.corroborated.length})`));
      for (const finding of group.corroborated) {
        add(heading(sub, finding.text), outlets(finding), ...reviewed(finding), ...updates(finding), list(finding.mentions.map(mentionItem)), ...related(finding));
      }
    }
    const uniqueCount = group.unique.reduce((sum, entry) => sum + entry.findings.length, 0);
    if (uniqueCount > 0) {
      add(heading(depth, `Unique (${uniqueCount})`));
      if (options.all !== true && group.unique.some((entry) => shownUnique(entry.findings, false).length < entry.findings.length)) {
        add(paragraph(text(`The ${UNIQUE_SHOWN_PER_SOURCE} most check-worthy claims of each source, in article order (`), code('--all'), text(' lists every one).')));
      }
      for (const entry of group.unique) {
        const kept = shownUnique(entry.findings, options.all === true);
        const outlet = entry.source?.outlet ?? entry.findings[0]?.outlets[0] ?? '';
        const count = kept.length < entry.findings.length ? `${kept.length} of ${entry.findings.length}` : `${entry.findings.length}`;
        add(
          heading(sub, `${outlet} (${count})`),
          list(
            kept.map((finding) => {
              const review = options.reviews?.get(finding.id);
              return item(
                paragraph(
                  text(`${finding.mentions[0]!.text} `),
                  code(placeOf(finding.mentions[0]!)),
                  ...(review ? [text(` (reviewed: confirmed ${review.confirmed}${review.note ? `. ${review.note}` : ''})`)] : []),
                ),
              );
            }),
          ),
        );
        if (kept.length < entry.findings.length) add(paragraph(text(`… and ${entry.findings.length - kept.length} more.`)));
      }
    }
  }
  if (report.claims.length === 0) add(paragraph(text('No claims to show.')));
  // `|` escaped too: a pasted report must not grow GFM table cells.
  return toMarkdown(tree, { bullet: '-', listItemIndent: 'one', unsafe: [{ character: '|', inConstruct: 'phrasing' }] });
}
