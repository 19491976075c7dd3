// The top of the HTML report, built as hast trees (hastscript) and serialised by
// hast-util-to-html (which escapes every text and attribute): the claim × outlet
// matrix with each outlet's stated figure in disputed rows, an outlet × outlet
// agreement map and a timeline of publication and event dates, both inline SVG.

import { h, s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent } from 'hast';
import type { Finding, Report, Verdict } from '../types.js';
import { readableDate, readableQuantity } from './readable.js';
import { VERDICTS } from './shared.js';

/**
 * The claim × outlet matrix: one row per disputed or corroborated claim, one
 * column per outlet; a disputed row shows what each outlet in conflict states
 * ("2 meetings", "at least 4 meetings", "denies it"); the footer counts each
 * outlet's claims per verdict (kept current by the filters).
 *
 * @param findings Findings, in page order.
 * @param outlets Outlets, in column order.
 */
export function matrixSection(findings: readonly Finding[], outlets: readonly string[]): string {
  const rows = findings.filter((finding) => finding.verdict !== 'unique');
  const heading = h('h2', { id: 'matrix-h' }, 'Who states what');
  if (rows.length === 0 || outlets.length === 0) {
    return toHtml(h('section', { id: 'matrix', ariaLabelledBy: 'matrix-h' }, [heading, h('p', 'No claim is stated by two or more outlets.')]));
  }
  const head = h('tr', [h('th', { scope: 'col' }, 'Claim'), ...outlets.map((outlet) => h('th', { scope: 'col' }, outlet))]);
  const body = rows.map((finding) =>
    h('tr', { className: [finding.verdict], dataVerdict: finding.verdict }, [
      h('th', { scope: 'row' }, h('a', { href: hrefTo(`claim-${finding.id}`) }, finding.text)),
      ...outlets.map((outlet) => matrixCell(finding, outlet)),
    ]),
  );
  const counts = (outlet: string) => {
    const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, findings.filter((f) => f.verdict === v && f.outlets.includes(outlet)).length])) as Record<Verdict, number>;
    return h(
      'td',
      { dataCounts: '', dataDisputed: byVerdict.disputed, dataCorroborated: byVerdict.corroborated, dataUnique: byVerdict.unique },
      String(byVerdict.disputed + byVerdict.corroborated + byVerdict.unique),
    );
  };
  const uniques = outlets.map((outlet) => findings.filter((f) => f.verdict === 'unique' && f.outlets[0] === outlet).length);
  const foot = [
    h('tr', { dataSection: 'unique' }, [h('th', { scope: 'row' }, 'Unique claims'), ...uniques.map((n) => h('td', String(n)))]),
    h('tr', [h('th', { scope: 'row' }, 'Claims shown'), ...outlets.map(counts)]),
  ];
  return toHtml(
    h('section', { id: 'matrix', ariaLabelledBy: 'matrix-h' }, [
      heading,
      h(
        'p',
        { className: ['hint'] },
        '✓ states the claim; in a disputed row each outlet in conflict shows what it states. Click a cell for the sentence. On a narrow screen, scroll the table sideways.',
      ),
      h('div', { className: ['matrix-wrap'], role: 'region', ariaLabelledBy: 'matrix-h', tabIndex: 0 }, [
        h('table', { className: ['matrix'] }, [h('caption', { className: ['vh'] }, 'Claims by outlet'), h('thead', head), h('tbody', body), h('tfoot', foot)]),
      ]),
    ]),
  );
}

function matrixCell(finding: Finding, outlet: string): Element {
  const indexes = finding.mentions.map((mention, i) => (mention.outlet === outlet ? i : -1)).filter((i) => i >= 0);
  if (indexes.length === 0) return h('td', { className: ['absent'] }, [h('span', { ariaHidden: 'true' }, '·'), h('span', { className: ['vh'] }, 'not stated')]);
  // A later figure of a running count (`update`) is no conflict.
  const conflicted = new Set(finding.conflicts.filter((conflict) => conflict.update !== true).flatMap((conflict) => conflict.between));
  const conflict = indexes.find((i) => conflicted.has(i));
  const target = hrefTo(`mention-${finding.id}-${conflict ?? indexes[0]!}`);
  if (conflict === undefined) {
    return h('td', { className: ['states'] }, h('a', { href: target }, [h('span', { ariaHidden: 'true' }, '✓'), h('span', { className: ['vh'] }, 'states it')]));
  }
  const stated = statedBy(finding, indexes.filter((i) => conflicted.has(i)));
  return h(
    'td',
    { className: ['conflict'] },
    h('a', { href: target, title: `${outlet}: ${stated || 'states it, in conflict'}` }, [
      h('span', { ariaHidden: 'true' }, '≠'),
      stated ? h('span', { className: ['figure'] }, stated) : h('span', { className: ['vh'] }, 'states it, in conflict'),
      h('span', { className: ['vh'] }, ', in conflict'),
    ]),
  );
}

/**
 * What mentions `indexes` of a finding state where they conflict: their
 * quantities, dates or negation, as short readable text ("at least 4 meetings").
 *
 * @param finding The finding.
 * @param indexes Mentions of one outlet that are in a conflict.
 */
export function statedBy(finding: Finding, indexes: readonly number[]): string {
  const parts: string[] = [];
  const add = (text: string) => {
    if (text && !parts.includes(text)) parts.push(text);
  };
  for (const index of indexes) {
    const mention = finding.mentions[index];
    if (!mention) continue;
    for (const conflict of finding.conflicts.filter((c) => c.between.includes(index) && c.update !== true)) {
      if (conflict.kind === 'quantity') {
        const named = mention.quantities.filter((q) => q.text && conflict.detail.includes(q.text));
        for (const q of named.length ? named : mention.quantities) add(readableQuantity(q));
      } else if (conflict.kind === 'date') {
        const named = mention.dates.filter((d) => d.text && conflict.detail.includes(d.text));
        for (const d of named.length ? named : mention.dates) add(d.value ?? readableDate(d));
      } else if (conflict.kind === 'denial') {
        // The detail quotes the mention that states the claim; the other one denies it.
        add(conflict.detail.includes(mention.text.slice(0, 40)) ? 'says it is so' : 'calls it false');
      } else {
        add(mention.negated ? 'says it is not so' : 'says it is so');
      }
    }
  }
  return parts.slice(0, 3).join(' / ');
}

/** How two outlets relate over the claims both state. */
export interface OutletPair {
  /** Claims both state with no conflict between them. */
  readonly agree: number;
  /** Claims where a mention of one conflicts with a mention of the other. */
  readonly conflict: number;
}

/**
 * Agreement and conflict counts for each pair of outlets (symmetric, keyed `a\u0000b`).
 *
 * @param findings Findings.
 */
export function outletPairs(findings: readonly Finding[]): Map<string, OutletPair> {
  const pairs = new Map<string, { agree: number; conflict: number }>();
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const finding of findings) {
    if (finding.outlets.length < 2) continue;
    const conflicting = new Set<string>();
    for (const conflict of finding.conflicts) {
      if (conflict.update === true) continue;
      const [a, b] = conflict.between.map((i) => finding.mentions[i]?.outlet);
      if (a !== undefined && b !== undefined && a !== b) conflicting.add(key(a, b));
    }
    for (const [i, a] of finding.outlets.entries()) {
      for (const b of finding.outlets.slice(i + 1)) {
        const k = key(a, b);
        const entry = pairs.get(k) ?? { agree: 0, conflict: 0 };
        if (conflicting.has(k)) entry.conflict++;
        else entry.agree++;
        pairs.set(k, entry);
      }
    }
  }
  return pairs;
}

/**
 * The outlet × outlet map as an inline SVG figure: each cell counts the claims
 * two outlets both state, green when they agree on all, red when they conflict on any.
 *
 * @param findings Findings.
 * @param outlets Outlets, in order.
 */
export function agreementFigure(findings: readonly Finding[], outlets: readonly string[]): string {
  const pairs = outletPairs(findings);
  const caption = h('figcaption', [h('h3', { id: 'agreement-h' }, 'Outlets agreeing and in conflict'), h('p', { className: ['hint'] }, 'Each cell: claims both outlets state, ✓ compatibly, ≠ in conflict.')]);
  if (outlets.length < 2) return toHtml(h('figure', { className: ['chart-figure'], id: 'agreement' }, [caption, h('p', 'Only one outlet.')]));
  const cell = 56;
  const label = Math.min(200, 16 + Math.max(...outlets.map((o) => Math.min(o.length, 26))) * 7.2);
  const top = 26;
  const width = Math.ceil(label + outlets.length * cell + 4);
  const height = top + outlets.length * cell + 4;
  const nodes: ElementContent[] = [s('title', { id: 'agreement-title' }, 'Outlet × outlet: claims stated compatibly and in conflict')];
  outlets.forEach((_outlet, column) => {
    nodes.push(s('text', { x: label + column * cell + cell / 2, y: 16, textAnchor: 'middle', className: ['axis'] }, String(column + 1)));
  });
  outlets.forEach((a, row) => {
    const y = top + row * cell;
    nodes.push(s('text', { x: label - 8, y: y + cell / 2 + 4, textAnchor: 'end', className: ['label'] }, [`${row + 1}  ${shorten(a, 26)}`, s('title', a)]));
    outlets.forEach((b, column) => {
      const x = label + column * cell;
      if (a === b) {
        nodes.push(s('rect', { x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, rx: 4, className: ['self'] }));
        return;
      }
      const pair = pairs.get(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`) ?? { agree: 0, conflict: 0 };
      const kind = pair.conflict > 0 ? 'conflict' : pair.agree > 0 ? 'agree' : 'none';
      const title = `${a} and ${b}: ${pair.agree} compatible, ${pair.conflict} in conflict`;
      nodes.push(
        s('g', { className: ['pair', kind], dataPair: `${a} | ${b}` }, [
          s('title', title),
          s('rect', { x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, rx: 4 }),
          ...(pair.agree || pair.conflict
            ? [
                s('text', { x: x + cell / 2, y: y + 23, textAnchor: 'middle', className: ['n', 'n-agree'] }, `${pair.agree}✓`),
                s('text', { x: x + cell / 2, y: y + 41, textAnchor: 'middle', className: ['n', 'n-conflict'] }, `${pair.conflict}≠`),
              ]
            : []),
        ]),
      );
    });
  });
  const svg = s('svg', { className: ['chart'], width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', ariaLabelledBy: 'agreement-title' }, nodes);
  return toHtml(h('figure', { className: ['chart-figure'], id: 'agreement', ariaLabelledBy: 'agreement-h' }, [caption, h('div', { className: ['chart-wrap'], tabIndex: 0, role: 'region', ariaLabelledBy: 'agreement-h' }, svg)]));
}

interface Mark {
  readonly outlet: string;
  readonly date: string;
  readonly kind: 'published' | 'event';
  readonly title: string;
}

/**
 * Publication dates (one row per outlet) and the resolved event dates their
 * mentions state (day or month grain), as an inline SVG timeline.
 *
 * @param report The report (sources and their `published`).
 * @param findings Findings.
 * @param outlets Outlets, one row each.
 */
export function timelineFigure(report: Report, findings: readonly Finding[], outlets: readonly string[]): string {
  const marks = new Map<string, Mark & { count: number }>();
  const add = (mark: Mark) => {
    const k = `${mark.kind}\u0000${mark.outlet}\u0000${mark.date}`;
    const seen = marks.get(k);
    if (seen) seen.count++;
    else marks.set(k, { ...mark, count: 1 });
  };
  for (const source of report.sources) {
    if (source.published) add({ outlet: source.outlet, date: source.published, kind: 'published', title: `${source.outlet} published ${source.title ? `“${shorten(source.title, 60)}” ` : ''}on ${source.published}` });
  }
  for (const finding of findings) {
    for (const mention of finding.mentions) {
      for (const date of mention.dates) {
        if (date.value === null || date.grain === 'year') continue;
        add({ outlet: mention.outlet, date: date.value, kind: 'event', title: `${mention.outlet}: “${date.text}” = ${date.value} (${shorten(mention.text, 70)})` });
      }
    }
  }
  const caption = h('figcaption', [
    h('h3', { id: 'timeline-h' }, 'Timeline'),
    h('p', { className: ['hint'] }, '● publication date of each outlet’s article; ◆ a date its sentences state, resolved against that date.'),
  ]);
  const dated = [...marks.values()].filter((mark) => !Number.isNaN(dayOf(mark.date)));
  // The scale spans the story's weeks around the publication dates (or all dates' median);
  // a date far from them ("June 1989" in a 2020 story) is listed below instead of squashing the rest.
  const anchors = dated.filter((mark) => mark.kind === 'published').map((mark) => dayOf(mark.date));
  const center = median(anchors.length ? anchors : dated.map((mark) => dayOf(mark.date)));
  const all = dated.filter((mark) => Math.abs(dayOf(mark.date) - center) <= TIMELINE_SPAN_DAYS);
  const offScale = dated.filter((mark) => !all.includes(mark));
  if (all.length === 0) return toHtml(h('figure', { className: ['chart-figure'], id: 'timeline' }, [caption, h('p', 'No dates to show: no source has a published date and no sentence states a resolved date.')]));
  const rows = outlets.filter((outlet) => all.some((mark) => mark.outlet === outlet));
  const days = all.map((mark) => dayOf(mark.date));
  let min = Math.min(...days);
  let max = Math.max(...days);
  if (max - min < 4) {
    min -= 2;
    max += 2;
  }
  const label = Math.min(200, 16 + Math.max(...rows.map((o) => Math.min(o.length, 26))) * 7.2);
  const plot = 560;
  const rowHeight = 30;
  const width = Math.ceil(label + plot + 64);
  const height = 20 + rows.length * rowHeight + 34;
  const x = (day: number) => label + 12 + ((day - min) / (max - min)) * plot;
  const nodes: ElementContent[] = [s('title', { id: 'timeline-title' }, 'Publication dates and stated event dates by outlet')];
  rows.forEach((outlet, row) => {
    const y = 20 + row * rowHeight + rowHeight / 2;
    nodes.push(s('line', { x1: label + 4, x2: label + plot + 20, y1: y, y2: y, className: ['row-line'] }));
    nodes.push(s('text', { x: label - 8, y: y + 4, textAnchor: 'end', className: ['label'] }, [shorten(outlet, 26), s('title', outlet)]));
    for (const mark of all.filter((m) => m.outlet === outlet).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1))) {
      const cx = x(dayOf(mark.date));
      const title = s('title', mark.count > 1 ? `${mark.title} (and ${mark.count - 1} more)` : mark.title);
      nodes.push(
        mark.kind === 'published'
          ? s('circle', { cx, cy: y, r: 6, className: ['mark', 'published'], dataDate: mark.date }, title)
          : s('path', { d: `M${cx} ${y - 6}L${cx + 6} ${y}L${cx} ${y + 6}L${cx - 6} ${y}Z`, className: ['mark', 'event'], dataDate: mark.date }, title),
      );
    }
  });
  const axisY = 20 + rows.length * rowHeight + 8;
  nodes.push(s('line', { x1: label + 4, x2: label + plot + 20, y1: axisY, y2: axisY, className: ['axis-line'] }));
  const ticks = max - min <= 8 ? Math.round(max - min) : 4;
  for (let i = 0; i <= ticks; i++) {
    const day = min + ((max - min) * i) / ticks;
    nodes.push(s('line', { x1: x(day), x2: x(day), y1: axisY, y2: axisY + 5, className: ['axis-line'] }));
    nodes.push(s('text', { x: x(day), y: axisY + 19, textAnchor: 'middle', className: ['axis'] }, isoOf(day)));
  }
  const svg = s('svg', { className: ['chart'], width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', ariaLabelledBy: 'timeline-title' }, nodes);
  const note = offScale.length
    ? [h('p', { className: ['hint', 'off-scale'] }, `Far from the other dates, not drawn: ${offScale.slice(0, 6).map((mark) => `${mark.date} (${mark.outlet})`).join('; ')}${offScale.length > 6 ? ' …' : ''}.`)]
    : [];
  return toHtml(
    h('figure', { className: ['chart-figure'], id: 'timeline', ariaLabelledBy: 'timeline-h' }, [
      caption,
      h('div', { className: ['chart-wrap'], tabIndex: 0, role: 'region', ariaLabelledBy: 'timeline-h' }, svg),
      ...note,
    ]),
  );
}

/** CSS of the overview's figures (added to the page's hashed style). */
export const OVERVIEW_CSS = `
.overview{display:grid;gap:1.25rem;grid-template-columns:minmax(0,1fr);margin:1rem 0}
.chart-figure{margin:0;min-width:0}
.chart-figure h3{margin:.25rem 0}
.chart-wrap{max-width:100%;width:max-content;overflow-x:auto;border:1px solid var(--line);border-radius:6px;padding:.25rem}
.chart-wrap:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.chart{display:block;font:12px system-ui,sans-serif}
.chart text{fill:var(--fg)}
.chart .axis{fill:var(--muted);font-size:11px}
.chart .self{fill:var(--card)}
.chart .pair rect{stroke:var(--line)}
.chart .pair.none rect{fill:var(--bg)}
.chart .pair.agree rect{fill:var(--corroborated-bg)}
.chart .pair.conflict rect{fill:var(--disputed-bg);stroke:var(--disputed)}
.chart .n{font-weight:700;font-size:13px}
.chart .n-agree{fill:var(--corroborated)}
.chart .n-conflict{fill:var(--disputed)}
.chart .row-line{stroke:var(--line)}
.chart .axis-line{stroke:var(--muted)}
.chart .published{fill:var(--link);stroke:var(--bg);stroke-width:1.5}
.chart .event{fill:var(--disputed);fill-opacity:.75;stroke:var(--bg)}
.matrix td.conflict .figure{display:block;font-size:.8rem;font-weight:600;line-height:1.25}
.matrix tfoot tr:last-child th,.matrix tfoot tr:last-child td{font-weight:600;color:var(--fg)}
`.trim();

/** Days either side of the publication dates' median that the timeline shows. */
const TIMELINE_SPAN_DAYS = 120;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function dayOf(date: string): number {
  const full = /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date;
  return Date.parse(`${full}T00:00:00Z`) / 86_400_000;
}

function isoOf(day: number): string {
  return new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);
}

function hrefTo(id: string): string {
  return `#${encodeURIComponent(id.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`;
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
