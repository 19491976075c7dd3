// HTML reporter: `(report, options) → string`, one self-contained HTML5 page for
// fact-checkers (often on a phone). Inline CSS and a tiny filter script, both pinned
// by CSP hashes; no external resource of any kind; every string that comes from an
// article or its metadata is escaped, and only http(s) URLs ever become links.

import { createHash } from 'node:crypto';
import type { Conflict, Diagnostic, Finding, Mention, Report, SourceSummary, Verdict } from '../types.js';
import { safeReport } from './sanitize.js';
import { agreementFigure, matrixSection, OVERVIEW_CSS, timelineFigure } from './html-overview.js';
import { DEFAULT_RENDER_OPTIONS, placeOf, reasonOf, shownLine, summarize, VERDICTS, type RenderOptions, type ReportSummary } from './shared.js';
import { groupFindings, reviewedUpdates, sidesOf as conflictSides, type FindingGroup, type Side } from './digest.js';
import { readableDate, readableQuantity } from './readable.js';

const LABELS: Record<Verdict, string> = { disputed: 'Disputed', corroborated: 'Corroborated', unique: 'Unique' };

const HINTS: Record<Verdict, string> = {
  disputed: 'Outlets state these claims with facts that cannot all be true.',
  corroborated: 'Two or more outlets state these claims compatibly.',
  unique: 'Stated by one outlet only, grouped by outlet.',
};

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--link:#0a55c8;--mark:#fff1a8;
--disputed:#b42318;--disputed-bg:#fdecea;--corroborated:#1a7f37;--corroborated-bg:#e7f5ea;--unique:#59636e;--unique-bg:#eef1f4}
@media (prefers-color-scheme:dark){:root{--bg:#0f1419;--fg:#e6edf3;--muted:#9ea8b3;--line:#30363d;--card:#161b22;--link:#79b8ff;--mark:#5c4b00;
--disputed:#ff8078;--disputed-bg:#3d1714;--corroborated:#5fd573;--corroborated-bg:#10301b;--unique:#9ea8b3;--unique-bg:#21262d}}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%;scroll-padding-top:3.5rem}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
a:focus-visible,input:focus-visible,summary:focus-visible,.matrix-wrap:focus-visible{outline:2px solid var(--link);outline-offset:2px}
code{font:.85em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
h1,h2,h3,h4{line-height:1.25;margin:0}
h1{font-size:1.5rem}
h2{font-size:1.25rem;margin:2rem 0 .25rem;padding-top:.5rem;border-top:2px solid var(--line)}
h3{font-size:1.05rem;font-weight:600}
h4{font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
ul,ol{padding-left:1.25rem}
.page{max-width:64rem;margin:0 auto;padding:0 1rem 3rem}
.top{padding-top:1rem}
.summary{margin:.25rem 0;color:var(--muted)}
.verdicts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.5rem 0}
.badge{display:inline-block;border-radius:999px;padding:.1rem .6rem;font-size:.85rem;font-weight:600;text-decoration:none;white-space:nowrap}
.badge.disputed{color:var(--disputed);background:var(--disputed-bg)}
.badge.corroborated{color:var(--corroborated);background:var(--corroborated-bg)}
.badge.unique{color:var(--unique);background:var(--unique-bg)}
.problems{border-left:4px solid var(--disputed);padding:.25rem .75rem;margin:1rem 0;background:var(--card)}
.problems h2{border:0;margin:0;padding:0;font-size:1rem}
.problems ul{margin:.25rem 0}
.sev{font-size:.75rem;font-weight:700;text-transform:uppercase;margin-right:.35rem}
.sev.error{color:var(--disputed)}
.sev.warning{color:var(--muted)}
.ok{color:var(--muted);font-size:.9rem}
.filters{position:sticky;top:0;z-index:3;background:var(--bg);border:0;border-bottom:1px solid var(--line);margin:0 -1rem;padding:.25rem 1rem;min-width:0}
.filters legend{float:left;font-weight:600;margin:0 .75rem 0 0;padding:0;line-height:2.5rem}
.filters label{display:inline-flex;align-items:center;gap:.3rem;min-height:2.5rem;margin-right:.75rem;cursor:pointer;white-space:nowrap}
.filters input{width:1.15rem;height:1.15rem;margin:0;accent-color:var(--link)}
.filters .badge{padding:.1rem .4rem;font-size:.8rem}
.filters label:last-of-type{margin-right:0}
.toc{font-size:.9rem;margin:.5rem 0}
.toc a{margin-right:.75rem;white-space:nowrap}
.hint{color:var(--muted);margin:.25rem 0 1rem;font-size:.9rem}
.finding{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:6px;padding:.75rem;margin:0 0 1rem;background:var(--bg)}
.finding.disputed{border-left-color:var(--disputed)}
.finding.corroborated{border-left-color:var(--corroborated)}
.finding:target{box-shadow:0 0 0 3px var(--link)}
.claim{margin:.25rem 0;font-size:1rem;font-weight:600}
.meta{margin:.25rem 0 .5rem;color:var(--muted);font-size:.9rem}
.reasons{margin:.5rem 0;padding-left:1.1rem}
.reasons li{margin:.25rem 0}
.kind{font-size:.75rem;font-weight:700;text-transform:uppercase;color:var(--disputed);margin-right:.35rem}
.sides{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,17rem),1fr));margin:.5rem 0}
.side{min-width:0}
.side h4{margin:.25rem 0 .4rem;text-transform:none;letter-spacing:0;font-size:.9rem;color:var(--fg)}
.mention{margin:0 0 .5rem;padding:.5rem .65rem;background:var(--card);border-radius:6px;border:1px solid var(--line)}
.mention.conflicting{border-color:var(--disputed)}
.mention:target{box-shadow:0 0 0 3px var(--link)}
.mention figcaption{font-size:.85rem;color:var(--muted)}
.mention .outlet{color:var(--fg)}
.mention blockquote{margin:.25rem 0 0}
.mentions{list-style:none;padding:0;margin:.5rem 0 0}
.tag{font-size:.75rem;border:1px solid var(--line);border-radius:4px;padding:0 .3rem;margin-left:.25rem}
mark{background:var(--mark);color:inherit;padding:0 .1rem;border-radius:2px}
.related{font-size:.9rem;margin-top:.5rem}
.related summary{cursor:pointer;color:var(--muted)}
.related ul{margin:.25rem 0}
.outlet-group{margin:0 0 1rem}
.outlet-group summary{cursor:pointer;padding:.25rem 0}
.outlet-group summary h3{display:inline}
.count{color:var(--muted);font-weight:400}
.uniques{margin:.25rem 0;padding-left:1.5rem}
.uniques li{margin:0 0 .6rem}
.uniques li:target{outline:3px solid var(--link);outline-offset:2px}
.uniques .claim{margin:0;font-weight:400}
.uniques .place{margin:.1rem 0 0}
.place{font-size:.85rem;color:var(--muted)}
.matrix-wrap{position:relative;max-width:100%;overflow-x:auto;border:1px solid var(--line);border-radius:6px}
.matrix{border-collapse:separate;border-spacing:0;font-size:.85rem;overflow-wrap:normal}
.matrix th,.matrix td{border-bottom:1px solid var(--line);padding:.35rem .5rem;vertical-align:top}
.matrix thead th{background:var(--card);text-align:center;font-weight:600;min-width:5.5rem;max-width:8rem;overflow-wrap:break-word}
.matrix th[scope=row]{position:sticky;left:0;z-index:1;background:var(--bg);text-align:left;font-weight:400;min-width:9rem;max-width:17rem;border-right:1px solid var(--line)}
.matrix thead th:first-child{position:sticky;left:0;z-index:2;text-align:left}
.matrix th[scope=row] a{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden;color:var(--fg);text-decoration:none}
.matrix th[scope=row] a:hover{text-decoration:underline}
.matrix td{text-align:center;font-size:1rem}
.matrix td a{text-decoration:none;display:block}
.matrix td.states a{color:var(--corroborated)}
.matrix td.conflict{background:var(--disputed-bg)}
.matrix td.conflict a{color:var(--disputed);font-weight:700}
.matrix td.absent{color:var(--muted)}
.matrix tr.disputed th[scope=row]{box-shadow:inset 3px 0 0 var(--disputed)}
.matrix tfoot th,.matrix tfoot td{font-size:.85rem;color:var(--muted);border-bottom:0}
.vh{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.updates{margin:.5rem 0;padding-left:1.1rem}
.updates li{margin:.25rem 0}
.kind.update{color:var(--link)}
.story-h{margin:1.25rem 0 .5rem;font-size:1.1rem}
.stories{margin:.25rem 0;padding-left:1.1rem;color:var(--muted);font-size:.9rem}
.shown{margin:.25rem 0;font-weight:600}
.sources{padding-left:1.1rem}
.sources li{margin:0 0 .5rem}
@media (max-width:30rem){body{font-size:15px}.page{padding:0 .75rem 2rem}.filters{margin:0 -.75rem;padding:.25rem .75rem}.filters legend{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.filters label{margin-right:.5rem}.finding{padding:.6rem}}
@media print{.filters{display:none!important}.finding,.mention{break-inside:avoid}}
${VERDICTS.map((v) => `.hide-${v} [data-verdict="${v}"],.hide-${v} [data-section="${v}"]`).join(',')}{display:none!important}
${OVERVIEW_CSS}
`.trim();

// Unhides the verdict filters (so with JS off there are no dead controls and
// everything shows) and toggles `hide-<verdict>` classes on <html>.
const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  var root = document.documentElement;
  var boxes = form.querySelectorAll('input[data-filter]');
  var status = document.getElementById('filter-status');
  function sync() {
    var shown = 0, total = 0;
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i], n = Number(box.getAttribute('data-count')) || 0;
      total += n;
      if (box.checked) shown += n;
      root.classList.toggle('hide-' + box.getAttribute('data-filter'), !box.checked);
    }
    if (status) status.textContent = 'Showing ' + shown + ' of ' + total + ' claims';
    var cells = document.querySelectorAll('[data-counts]');
    for (var j = 0; j < cells.length; j++) {
      var sum = 0;
      for (var k = 0; k < boxes.length; k++) {
        if (boxes[k].checked) sum += Number(cells[j].getAttribute('data-' + boxes[k].getAttribute('data-filter'))) || 0;
      }
      cells[j].textContent = String(sum);
    }
  }
  form.addEventListener('change', sync);
  form.hidden = false;
  sync();
})();
`.trim();

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// The Content-Security-Policy of every page: nothing loads, only the inline style and script run.
const CSP = [
  "default-src 'none'",
  'img-src data:',
  `style-src ${hash(CSS)}`,
  `script-src ${hash(SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Render a report as one self-contained HTML5 page: summary and problems,
 * verdict filters, a claim × outlet matrix, an outlet agreement map and a
 * timeline (inline SVG), disputed claims with their conflicting mentions side
 * by side, corroborated claims, unique claims by outlet, sources.
 * Pure and deterministic; loads nothing from the network.
 *
 * @param report The report.
 * @param options Render options; only `showPossible` applies (default: `DEFAULT_RENDER_OPTIONS`).
 */
export function renderHtml(unsafe: Report, options: RenderOptions = DEFAULT_RENDER_OPTIONS): string {
  // Escaped as HTML below; control, bidi and invisible characters are shown as <U+XXXX> as well.
  const report = safeReport(unsafe);
  // The summary keeps the counts before any filter; the filter boxes count what is shown.
  const shown = summarize(report);
  const summary = options.unfiltered ?? shown;
  const rank = (finding: Finding) => VERDICTS.indexOf(finding.verdict);
  const findings = report.claims.map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index)
    .map(({ finding }) => finding);
  const groups = groupFindings(report);
  const context: Context = {
    options,
    groups: groups.length > 1 ? groups : undefined,
    sources: new Map(report.sources.map((source) => [source.id, source])),
    findings: new Map(findings.map((finding) => [finding.id, finding])),
  };
  const of = (verdict: Verdict) => findings.filter((finding) => finding.verdict === verdict);
  const outlets = outletsOf(report, findings);

  const title = `claimcheck report: ${VERDICTS.map((v) => `${summary.byVerdict[v]} ${v}`).join(', ')}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="claimcheck">',
    `<title>${esc(title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    headerHtml(report, summary, shownLine(report, options), context.groups),
    filtersHtml(shown),
    '<main id="claims">',
    matrixSection(findings, outlets),
    `<section id="overview" class="overview" aria-label="Overview">${agreementFigure(findings, outlets)}${timelineFigure(report, findings, outlets)}</section>`,
    disputedHtml(of('disputed'), context),
    corroboratedHtml(of('corroborated'), context),
    uniqueHtml(of('unique'), outlets, context),
    sourcesHtml(report.sources),
    '</main>',
    '</div>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

interface Context {
  readonly options: RenderOptions;
  readonly sources: ReadonlyMap<string, SourceSummary>;
  readonly findings: ReadonlyMap<string, Finding>;
  /** The findings by story, when the report has two or more stories (each verdict section lists them story by story). */
  readonly groups: readonly FindingGroup[] | undefined;
}

function headerHtml(report: Report, summary: ReportSummary, shown: string | null, groups: readonly FindingGroup[] | undefined): string {
  const counts = VERDICTS.map(
    (v) => `<li><a class="badge ${v}" href="#${v}">${summary.byVerdict[v]} ${v}</a></li>`,
  ).join('');
  const problems = report.diagnostics.length
    ? `<section class="problems" aria-labelledby="problems-h"><h2 id="problems-h">Problems (${report.diagnostics.length})</h2><ul>${report.diagnostics.map(diagnosticHtml).join('')}</ul></section>`
    : '<p class="ok">No problems found in the sources.</p>';
  return [
    '<header class="top">',
    '<h1>claimcheck report</h1>',
    `<p class="summary">${plural(summary.sources, 'source')} from ${plural(summary.outlets, 'outlet')} · ${plural(summary.claims, 'claim')}</p>`,
    `<ul class="verdicts" aria-label="Claims by verdict">${counts}</ul>`,
    shown ? `<p class="shown" id="shown">${esc(shown)}</p>` : '',
    groups ? storiesHtml(groups) : '',
    problems,
    `<nav class="toc" aria-label="Sections"><a href="#matrix">Who states what</a><a href="#overview">Agreement and timeline</a><a href="#disputed">Disputed</a><a href="#corroborated">Corroborated</a><a href="#unique">Unique</a><a href="#sources">Sources</a></nav>`,
    '</header>',
  ].join('\n');
}

function diagnosticHtml(diagnostic: Diagnostic): string {
  const severity = diagnostic.severity === 'error' ? 'error' : 'warning';
  return `<li><span class="sev ${severity}">${severity}</span><code>${esc(`${diagnostic.file}:${diagnostic.place.line}:${diagnostic.place.column}`)}</code>: ${esc(diagnostic.message)} <span class="count">(${esc(diagnostic.ruleId)})</span></li>`;
}

function filtersHtml(summary: ReportSummary): string {
  const boxes = VERDICTS.map(
    (v) =>
      `<label><input type="checkbox" checked autocomplete="off" data-filter="${v}" data-count="${summary.byVerdict[v]}"><span class="badge ${v}">${v}</span></label>`,
  ).join('');
  return `<fieldset id="filters" class="filters" hidden><legend>Show</legend>${boxes}<output id="filter-status" class="vh" aria-live="polite"></output></fieldset>`;
}

function sectionOpen(verdict: Verdict, count: number): string {
  return `<section id="${verdict}" data-section="${verdict}" aria-labelledby="${verdict}-h"><h2 id="${verdict}-h">${LABELS[verdict]} <span class="count">(${count})</span></h2><p class="hint">${HINTS[verdict]}</p>`;
}

function disputedHtml(findings: readonly Finding[], context: Context): string {
  const body = findings.length
    ? byStory(findings, context, 'disputed', (list) => list.map((finding) => disputedFindingHtml(finding, context)).join('\n'))
    : '<p>No disputed claims.</p>';
  return `${sectionOpen('disputed', findings.length)}\n${body}\n</section>`;
}

function disputedFindingHtml(finding: Finding, context: Context): string {
  const valid = (i: number) => Number.isInteger(i) && i >= 0 && i < finding.mentions.length;
  // A later figure of a running count ("rose from 12 to 19") is an update, shown as such, not a side.
  const conflicts = finding.conflicts.filter((conflict) => conflict.between.every(valid) && conflict.update !== true);
  const involved = [...new Set(conflicts.flatMap((conflict) => conflict.between))].sort((a, b) => a - b);
  const others = finding.mentions.map((_, i) => i).filter((i) => !involved.includes(i));
  const card = (i: number) => mentionHtml(finding, i, context, marksOf(finding, i), involved.includes(i));

  const reasons = finding.conflicts.filter((conflict) => conflict.update !== true).map((conflict) => reasonHtml(finding, conflict)).join('');
  const sides = sidesOf(conflicts, involved);
  const grid = sides
    ? `<div class="sides">${sides
        .map((side) => `<section class="side"><h4>${sideLabel(finding, side)} · ${plural(outletCount(finding, side), 'outlet')}</h4>${side.map(card).join('')}</section>`)
        .join('')}</div>`
    : `<div class="sides">${involved.map(card).join('')}</div>`;
  const rest = others.length
    ? `<h4>Also stated, not in conflict</h4><ul class="mentions">${others.map((i) => `<li>${card(i)}</li>`).join('')}</ul>`
    : '';
  return [
    findingOpen(finding),
    reviewHtml(finding, context),
    `<p class="meta"><span class="badge disputed">disputed</span> ${plural(finding.outlets.length, 'outlet')} · ${plural(conflicts.length, 'conflict')}</p>`,
    `<ul class="reasons" aria-label="Why it is disputed">${reasons}</ul>`,
    updatesHtml(finding, context),
    grid,
    rest,
    relatedHtml(finding, context),
    '</article>',
  ].join('\n');
}

function reasonHtml(finding: Finding, conflict: Conflict): string {
  const side = (i: number) => {
    const mention = finding.mentions[i];
    return mention ? `<a href="${hrefTo(mentionId(finding, i))}">${esc(mention.outlet)}</a>` : `mention ${esc(i)}`;
  };
  return `<li><span class="kind">${esc(conflict.kind)}</span>${side(conflict.between[0])} vs ${side(conflict.between[1])}: ${esc(conflict.detail)}</li>`;
}

// The two accounts of a dispute when its conflicts form one bipartite graph
// (the usual "these outlets say X, those say Y"); undefined otherwise.
function sidesOf(conflicts: readonly Conflict[], involved: readonly number[]): [number[], number[]] | undefined {
  if (involved.length < 2) return undefined;
  const next = new Map<number, number[]>(involved.map((i) => [i, []]));
  for (const [a, b] of conflicts.map((conflict) => conflict.between)) {
    if (a === b) return undefined;
    next.get(a)!.push(b);
    next.get(b)!.push(a);
  }
  const color = new Map<number, 0 | 1>([[involved[0]!, 0]]);
  const queue = [involved[0]!];
  while (queue.length) {
    const node = queue.shift()!;
    for (const other of next.get(node)!) {
      const want = color.get(node) === 0 ? 1 : 0;
      if (!color.has(other)) {
        color.set(other, want);
        queue.push(other);
      } else if (color.get(other) !== want) return undefined;
    }
  }
  if (color.size !== involved.length) return undefined;
  return [involved.filter((i) => color.get(i) === 0), involved.filter((i) => color.get(i) === 1)];
}

function sideLabel(finding: Finding, side: readonly number[]): string {
  const phrases: string[] = [];
  for (const i of side) {
    for (const phrase of marksOf(finding, i)) {
      if (!phrases.some((p) => p.toLowerCase() === phrase.toLowerCase())) phrases.push(phrase);
    }
  }
  if (phrases.length) return `Says ${phrases.slice(0, 3).map((p) => `“${esc(p)}”`).join(' / ')}${phrases.length > 3 ? ' …' : ''}`;
  const negated = side.map((i) => finding.mentions[i]?.negated === true);
  if (negated.every(Boolean)) return 'Says it is not so';
  if (!negated.some(Boolean)) return 'Says it is so';
  return 'One account';
}

function outletCount(finding: Finding, side: readonly number[]): number {
  return new Set(side.map((i) => finding.mentions[i]?.outlet)).size;
}

// Quantity or date phrases of mention `index` that its conflicts name (to highlight).
function marksOf(finding: Finding, index: number): string[] {
  const mention = finding.mentions[index];
  if (!mention) return [];
  const marks: string[] = [];
  for (const conflict of finding.conflicts) {
    if (!conflict.between.includes(index)) continue;
    const phrases =
      conflict.kind === 'quantity' ? mention.quantities.map((q) => q.text) : conflict.kind === 'date' ? mention.dates.map((d) => d.text) : [];
    for (const phrase of phrases) {
      if (phrase && conflict.detail.includes(phrase) && !marks.includes(phrase)) marks.push(phrase);
    }
  }
  return marks;
}

function corroboratedHtml(findings: readonly Finding[], context: Context): string {
  const body = findings.length
    ? byStory(findings, context, 'corroborated', (list) => list
        .map((finding) =>
          [
            findingOpen(finding),
            reviewHtml(finding, context),
            `<p class="meta"><span class="badge corroborated">corroborated</span> ${esc(reasonOf(finding))}</p>`,
            finding.origins.length ? `<p class="meta">Origins: ${finding.origins.map(esc).join(', ')}</p>` : '',
            updatesHtml(finding, context),
            `<ul class="mentions">${finding.mentions.map((_, i) => `<li>${mentionHtml(finding, i, context, [], false)}</li>`).join('')}</ul>`,
            relatedHtml(finding, context),
            '</article>',
          ].join('\n'),
        )
        .join('\n'))
    : '<p>No corroborated claims.</p>';
  return `${sectionOpen('corroborated', findings.length)}\n${body}\n</section>`;
}

function uniqueHtml(findings: readonly Finding[], outlets: readonly string[], context: Context): string {
  const body = findings.length ? byStory(findings, context, 'unique', (list) => uniqueGroupsHtml(list, outlets, context)) : '<p>No unique claims.</p>';
  return `${sectionOpen('unique', findings.length)}\n${body}\n</section>`;
}

function uniqueGroupsHtml(findings: readonly Finding[], outlets: readonly string[], context: Context): string {
  const groups = new Map<string, Finding[]>();
  for (const outlet of outlets) groups.set(outlet, []);
  for (const finding of [...findings].sort(byPlace)) {
    const outlet = finding.outlets[0] ?? finding.mentions[0]?.outlet ?? '';
    if (!groups.has(outlet)) groups.set(outlet, []);
    groups.get(outlet)!.push(finding);
  }
  return [...groups]
    .filter(([, group]) => group.length)
    .map(
      ([outlet, group]) =>
        `<section class="outlet-group"><details open><summary><h3>${esc(outlet || 'Unknown outlet')} <span class="count">(${group.length})</span></h3></summary><ol class="uniques">${group
          .map((finding) => uniqueFindingHtml(finding, context))
          .join('')}</ol></details></section>`,
    )
    .join('\n');
}

/**
 * A verdict section's findings, story by story when the report has several
 * (a heading per story, in the order and with the members `groupFindings` gives), else as one list.
 */
function byStory(findings: readonly Finding[], context: Context, verdict: Verdict, render: (list: readonly Finding[]) => string): string {
  if (!context.groups) return render(findings);
  const wanted = new Set(findings);
  return context.groups
    .map((group) => {
      const members =
        verdict === 'disputed' ? group.disputed : verdict === 'corroborated' ? group.corroborated : group.unique.flatMap((entry) => entry.findings);
      const list = members.filter((finding) => wanted.has(finding));
      if (list.length === 0) return '';
      const title = group.story?.title ?? 'Other claims';
      return `<h3 class="story-h" data-story="${esc(group.story?.id ?? '')}">Story: ${esc(title)} <span class="count">(${plural(list.length, 'claim')})</span></h3>\n${render(list)}`;
    })
    .filter(Boolean)
    .join('\n');
}

/** The stories of a report that has several: title, sources and claims of each. */
function storiesHtml(groups: readonly FindingGroup[]): string {
  const items = groups.map((group) => {
    const claims = group.disputed.length + group.corroborated.length + group.unique.reduce((sum, entry) => sum + entry.findings.length, 0);
    return `<li>${esc(group.story?.title ?? 'Other claims')} <span class="count">(${plural(group.story?.sources.length ?? 0, 'source')}, ${plural(claims, 'claim')})</span></li>`;
  });
  return `<p class="summary">${plural(groups.length, 'story').replace('storys', 'stories')}:</p><ul class="stories">${items.join('')}</ul>`;
}

/**
 * The updates of a finding: later figures of a running count ("rose from 12 to
 * 19", the judge's `update: true`), and the conflicts a reviewer marked with
 * `updates:` in the ledger (else they would just disappear), each with its outlets.
 */
function updatesHtml(finding: Finding, context: Context): string {
  const side = (entry: Side) =>
    `“${esc(entry.value)}” (${entry.mentions.map((i) => `<a href="${hrefTo(mentionId(finding, i))}">${esc(finding.mentions[i]!.outlet)}</a>`).join(', ')})`;
  const items = conflictSides(finding)
    .filter((entry) => entry.update)
    .map((entry) => `<li><span class="kind update">update</span>${esc(entry.kind)}, a later figure: ${side(entry.sides[0])} → ${side(entry.sides[1])}</li>`);
  const figures = (i: number) => {
    const mention = finding.mentions[i]!;
    const values = [...mention.quantities.map(readableQuantity), ...mention.dates.map(readableDate)];
    return `<a href="${hrefTo(mentionId(finding, i))}">${esc(mention.outlet)}</a>${values.length ? ` “${esc(values.join(', '))}”` : ''}`;
  };
  for (const [i, j] of reviewedUpdates(finding, context.options.updates)) {
    items.push(`<li><span class="kind update">update</span>a reviewer's updates: ${figures(i)} → ${figures(j)}</li>`);
  }
  return items.length ? `<ul class="updates" aria-label="Updates, not disputes">${items.join('')}</ul>` : '';
}

function uniqueFindingHtml(finding: Finding, context: Context): string {
  const places = finding.mentions.map((mention) => placeLink(mention)).join(' · ');
  return `<li class="finding-unique" id="claim-${esc(finding.id)}" data-verdict="${esc(finding.verdict)}"><p class="claim">${esc(finding.text)}</p><p class="place">${places}</p>${relatedHtml(finding, context)}</li>`;
}

/** The reviewer's decision on a claim (the ledger's `review: confirmed` and `note`), when there is one. */
function reviewHtml(finding: Finding, context: Context): string {
  const review = context.options.reviews?.get(finding.id);
  if (!review) return '';
  const stale = review.confirmed !== finding.verdict ? ` (now ${esc(finding.verdict)}: review it again)` : '';
  return `<p class="meta review"><strong>Reviewed:</strong> confirmed ${esc(review.confirmed)}${stale}${review.note ? ` — ${esc(review.note)}` : ''}</p>`;
}

function findingOpen(finding: Finding): string {
  return `<article class="finding ${esc(finding.verdict)}" id="claim-${esc(finding.id)}" data-verdict="${esc(finding.verdict)}" aria-labelledby="claim-${esc(finding.id)}-h">\n<h3 class="claim" id="claim-${esc(finding.id)}-h">${esc(finding.text)}</h3>`;
}

function mentionHtml(finding: Finding, index: number, context: Context, marks: readonly string[], conflicting: boolean): string {
  const mention = finding.mentions[index]!;
  const url = safeUrl(context.sources.get(mention.source)?.url);
  const extras = [
    mention.attribution ? `<span class="tag">according to ${esc(mention.attribution)}</span>` : '',
    mention.negated ? '<span class="tag">negated</span>' : '',
  ].join('');
  return `<figure class="mention${conflicting ? ' conflicting' : ''}" id="${esc(mentionId(finding, index))}"><figcaption><strong class="outlet">${esc(mention.outlet)}</strong> · ${placeLink(mention)}${
    url ? ` · <a class="source-url" rel="external noopener noreferrer" href="${esc(url)}">original ↗</a>` : ''
  }${extras}</figcaption><blockquote>${highlight(mention.text, marks)}</blockquote></figure>`;
}

function placeLink(mention: Mention): string {
  return `<a class="place" href="${esc(fileHref(mention.path, mention.place.start.line))}">${esc(placeOf(mention))}</a>`;
}

// Id of the element showing mention `index` of a finding (unescaped).
function mentionId(finding: Finding, index: number): string {
  return `mention-${finding.id}-${index}`;
}

// `href` (escaped) of an in-page link to the element with this id.
function hrefTo(id: string): string {
  return esc(`#${encodeURIComponent(wellFormed(id))}`);
}

function relatedHtml(finding: Finding, context: Context): string {
  if (!context.options.showPossible || finding.related.length === 0) return '';
  const items = finding.related.map(({ id, score }) => {
    const other = context.findings.get(id);
    const percent = `${Math.round(score * 100)}%`;
    return other
      ? `<li><a href="${hrefTo(`claim-${id}`)}">${esc(shorten(other.text, 90))}</a> <span class="count">(${other.verdict}, ${percent})</span></li>`
      : `<li>${esc(id)} <span class="count">(not in this report, ${percent})</span></li>`;
  });
  return `<details class="related"><summary>Possibly related (${finding.related.length})</summary><ul>${items.join('')}</ul></details>`;
}

function sourcesHtml(sources: readonly SourceSummary[]): string {
  const items = sources.map((source) => {
    const url = safeUrl(source.url);
    const parts = [
      source.title ? `<cite>${esc(source.title)}</cite>` : '',
      source.author?.length ? `by ${source.author.map(esc).join(', ')}` : '',
      source.published ? `<time datetime="${esc(source.published)}">${esc(source.published)}</time>` : '',
      `<a class="place" href="${esc(fileHref(source.path, 0))}">${esc(source.path)}</a>`,
      url ? `<a class="source-url" rel="external noopener noreferrer" href="${esc(url)}">original ↗</a>` : '',
      `${plural(source.sentences, 'sentence')}, ${plural(source.claims, 'claim')}`,
    ].filter(Boolean);
    return `<li><strong>${esc(source.outlet)}</strong> · ${parts.join(' · ')}</li>`;
  });
  const body = items.length ? `<ul class="sources">${items.join('')}</ul>` : '<p>No sources.</p>';
  return `<section id="sources" aria-labelledby="sources-h"><h2 id="sources-h">Sources <span class="count">(${sources.length})</span></h2>${body}</section>`;
}

// Article order: by the path, line and column of the first mention.
function byPlace(a: Finding, b: Finding): number {
  const x = a.mentions[0];
  const y = b.mentions[0];
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  return x.path < y.path ? -1 : x.path > y.path ? 1 : x.place.start.line - y.place.start.line || x.place.start.column - y.place.start.column;
}

// Outlets as matrix columns: in the order of `report.sources`, then any others the findings name.
function outletsOf(report: Report, findings: readonly Finding[]): string[] {
  const outlets = new Set(report.sources.map((source) => source.outlet));
  for (const finding of findings) for (const mention of finding.mentions) outlets.add(mention.outlet);
  return [...outlets];
}

// `text` escaped, with the first free occurrence of each phrase wrapped in `<mark>`.
function highlight(text: string, phrases: readonly string[]): string {
  const ranges: [number, number][] = [];
  for (const phrase of phrases) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(phrase, from);
      if (start < 0) break;
      const end = start + phrase.length;
      if (!ranges.some(([a, b]) => start < b && a < end)) {
        ranges.push([start, end]);
        break;
      }
      from = start + 1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${esc(text.slice(at, start))}<mark>${esc(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + esc(text.slice(at));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Escape for HTML text and double- or single-quoted attribute values.
function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

// Lone surrogates replaced by U+FFFD (so `encodeURIComponent` cannot throw).
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// Relative link to a source file as given, each segment URL-encoded (so `:` can
// never start a scheme), leading slashes collapsed (so `//host` is no network path).
function fileHref(path: string, line: number): string {
  const encoded = wellFormed(path).replace(/^\/+/, '/').split('/').map(encodeURIComponent).join('/');
  return `${encoded}${Number.isInteger(line) && line > 0 ? `#L${line}` : ''}`;
}

// The URL if it is an absolute http(s) URL, normalised; otherwise undefined.
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
