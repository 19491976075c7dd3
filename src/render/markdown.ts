// Markdown reporter, for sharing in an issue or a newsroom document. Builds an
// mdast tree and serialises it with mdast-util-to-markdown, so article text is
// escaped by a real Markdown writer (a `*` or `#` in a sentence stays text).

import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Finding, Mention, Report } from '../types.js';
import { safeLine, safeReport } from './sanitize.js';
import { findingsWith, placeOf, summarize, type RenderOptions } from './shared.js';

// Every piece of text on one line: a line break in an outlet or a title would start a block (a table row, a heading) of its own.
const text = (value: string): PhrasingContent => ({ type: 'text', value: safeLine(value) });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value: safeLine(value) });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });
const item = (...children: (Paragraph | List)[]): ListItem => ({ type: 'listItem', spread: false, children });

function mentionItem(mention: Mention): ListItem {
  return item(paragraph(strong(mention.outlet), text(' '), code(placeOf(mention)), text(`: ${mention.text}`)));
}

/**
 * The report as Markdown.
 *
 * @param report The report.
 * @param options Whether to show possibly related links.
 */
export function renderMarkdown(unsafe: Report, options: RenderOptions): string {
  const report = safeReport(unsafe);
  const summary = summarize(report);
  const tree: Root = { type: 'root', children: [] };
  const add = (...nodes: RootContent[]) => tree.children.push(...nodes);
  add(
    heading(1, 'claimcheck report'),
    paragraph(
      text(
        `${summary.sources} sources, ${summary.outlets} outlets, ${summary.claims} claims: ` +
          `${summary.byVerdict.disputed} disputed, ${summary.byVerdict.corroborated} corroborated, ${summary.byVerdict.unique} unique.`,
      ),
    ),
  );
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
  const outlets = (finding: Finding) =>
    paragraph(
      text(
        `${finding.outlets.length} outlets (${finding.outlets.join(', ')}), ${finding.origins.length} ${finding.origins.length === 1 ? 'origin' : 'origins'} (${finding.origins.join(', ')}). Claim ${finding.id}.`,
      ),
    );

  const disputed = findingsWith(report, 'disputed');
  if (disputed.length > 0) {
    add(heading(2, `Disputed (${disputed.length})`));
    for (const finding of disputed) {
      add(heading(3, finding.text), outlets(finding));
      add(
        list(
          finding.conflicts.map((conflict) =>
            item(
              paragraph(strong(conflict.kind), text(`: ${conflict.detail}`)),
              list([mentionItem(finding.mentions[conflict.between[0]]!), mentionItem(finding.mentions[conflict.between[1]]!)]),
            ),
          ),
        ),
        ...related(finding),
      );
    }
  }
  const corroborated = findingsWith(report, 'corroborated');
  if (corroborated.length > 0) {
    add(heading(2, `Corroborated (${corroborated.length})`));
    for (const finding of corroborated) add(heading(3, finding.text), outlets(finding), list(finding.mentions.map(mentionItem)), ...related(finding));
  }
  const unique = findingsWith(report, 'unique');
  if (unique.length > 0) {
    add(heading(2, `Unique (${unique.length})`));
    const byOutlet = new Map<string, Finding[]>();
    // Appended in place: copying the list per finding was quadratic (30 000 unique claims: 14.6 s).
    for (const finding of unique) {
      const list = byOutlet.get(finding.outlets[0] ?? '');
      if (list) list.push(finding);
      else byOutlet.set(finding.outlets[0] ?? '', [finding]);
    }
    for (const outlet of [...byOutlet.keys()].sort()) {
      add(
        heading(3, `${outlet} (${byOutlet.get(outlet)!.length})`),
        list(byOutlet.get(outlet)!.map((finding) => item(paragraph(text(`${finding.mentions[0]!.text} `), code(placeOf(finding.mentions[0]!)))))),
      );
    }
  }
  // `|` escaped too: a pasted report must not grow GFM table cells.
  return toMarkdown(tree, { bullet: '-', listItemIndent: 'one', unsafe: [{ character: '|', inConstruct: 'phrasing' }] });
}
