// Tests of the HTML reporter on its parsed DOM (linkedom, no browser): order of
// verdicts, conflicts side by side, links to `path#Lline`, the claim × outlet
// matrix, escaping of hostile text, CSP and self-containment, determinism. Fed
// the fixture Report of the seeds plus a disputing article (tests/fixtures/report/);
// the hostile fixture articles are rendered end to end.

import { createHash } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { crossReference } from '../../src/engine/run.js';
import { renderHtml } from '../../src/render/html.js';
import { VERDICTS } from '../../src/render/shared.js';
import type { Conflict, Finding, Mention, Report, SourceSummary, Verdict } from '../../src/types.js';
import { testMention } from '../helpers/mention.js';
import { fixtureReport } from '../helpers/report.js';

const root = path.join(import.meta.dirname, '..', '..');
const plain = { color: false, width: 100, showPossible: false };
const possible = { ...plain, showPossible: true };

const report = fixtureReport('seeds-two-meetings');

type Doc = ReturnType<typeof parseHTML>['document'];

const documentOf = (html: string): Doc => parseHTML(html).document;
// Elements of the findings, in document order.
const findingsIn = (doc: Doc) => [...doc.querySelectorAll('[data-verdict][id^="claim-"]')];
const hrefOf = (file: string, line: number) => `${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// A small hand-made report, for cases the corpus does not cover.
function mention(outlet: string, text: string, overrides: Partial<Mention> & { readonly line?: number } = {}): Mention {
  const source = outlet.toLowerCase().replace(/[^a-z]+/g, '-');
  return testMention({ key: `${source}#${text.length}`, source, outlet, text, line: 7, ...overrides });
}

function finding(id: string, verdict: Verdict, mentions: Mention[], conflicts: Conflict[] = [], related: Finding['related'] = []): Finding {
  const outlets = [...new Set(mentions.map((m) => m.outlet))].sort();
  return { id, verdict, text: mentions[0]?.text ?? '', outlets, origins: outlets, mentions, conflicts, related };
}

function source(outlet: string, overrides: Partial<SourceSummary> = {}): SourceSummary {
  const id = outlet.toLowerCase().replace(/[^a-z]+/g, '-');
  return { id, path: `sources/${id}.md`, outlet, sentences: 3, claims: 3, ...overrides };
}

// Every text and metadata field set to `payload` (and `url` to `url`).
function hostileReport(payload: string, url = 'https://example.com/a'): Report {
  const evil = (line: number) =>
    mention(payload, payload, { source: 'evil', path: `sources/${payload}.md`, line, attribution: payload });
  const good = mention('Good Times', 'Four meetings were shut down.', { source: 'good-times' });
  return {
    schemaVersion: 1,
    sources: [
      source('Good Times'),
      { id: 'evil', path: `sources/${payload}.md`, outlet: payload, title: payload, url, author: [payload], published: payload, sentences: 1, claims: 1 },
    ],
    claims: [
      { ...finding('d1', 'disputed', [good, evil(3)], [{ between: [0, 1], kind: 'quantity', detail: payload }], [{ id: 'u1', score: 0.5 }]), origins: [payload] },
      { ...finding('c1', 'corroborated', [good, evil(4)]), origins: [payload], text: payload },
      { ...finding('u1', 'unique', [evil(5)]), text: payload },
    ],
    diagnostics: [{ file: payload, place: { line: 1, column: 2 }, message: payload, ruleId: payload, severity: 'error' }],
  };
}

// Structural signs that markup got through: anything a payload could run or load.
function injected(doc: Doc): string[] {
  const problems: string[] = [];
  if (doc.querySelectorAll('script').length !== 1) problems.push(`${doc.querySelectorAll('script').length} scripts`);
  if (doc.querySelectorAll('style').length !== 1) problems.push('extra style');
  // The page's own charts are <svg class="chart"> (built by hastscript); no other SVG may appear.
  for (const tag of ['img', 'svg:not(.chart)', 'svg.chart foreignObject', 'svg.chart script', 'iframe', 'object', 'embed', 'form', 'base', 'b', 'input:not([data-filter])']) {
    if (doc.querySelector(tag)) problems.push(`<${tag}>`);
  }
  for (const element of doc.querySelectorAll('*')) {
    for (const { name, value } of [...element.attributes]) {
      if (/^on/i.test(name)) problems.push(`${name} on <${element.localName}>`);
      if ((name === 'href' || name === 'src') && /^\s*(javascript|data|vbscript):/i.test(value) && value !== 'data:,') problems.push(`${name}=${value}`);
    }
  }
  return problems;
}

describe('html reporter', () => {
  it('should return one HTML5 document with a viewport meta, an empty favicon and a CSP', () => {
    const html = renderHtml(report, plain);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const doc = documentOf(html);
    expect(doc.querySelector('meta[name="viewport"]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    expect(doc.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('data:,');
    expect(doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('should allow exactly its own inline script and style by hash', () => {
    const doc = documentOf(renderHtml(report, plain));
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const directive = (name: string) => csp.split(';').map((d: string) => d.trim()).find((d: string) => d.startsWith(`${name} `));
    const scripts = [...doc.querySelectorAll('script')];
    const styles = [...doc.querySelectorAll('style')];
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(directive('script-src')).toBe(`script-src ${sha256(scripts[0]!.textContent!)}`);
    expect(directive('style-src')).toBe(`style-src ${sha256(styles[0]!.textContent!)}`);
    expect(doc.querySelector('[src], [style]')).toBeNull();
  });

  it('should render one element per finding with id claim-<id> and its verdict', () => {
    const elements = findingsIn(documentOf(renderHtml(report, plain)));
    expect(elements.map((e) => e.id)).toEqual(expect.arrayContaining(report.claims.map((f) => `claim-${f.id}`)));
    expect(elements).toHaveLength(report.claims.length);
    const verdictOf = new Map(report.claims.map((f) => [`claim-${f.id}`, f.verdict]));
    for (const element of elements) expect(element.getAttribute('data-verdict')).toBe(verdictOf.get(element.id));
  });

  it('should put disputed findings first, then corroborated, then unique', () => {
    const shuffled: Report = { ...report, claims: [...report.claims].reverse() };
    for (const input of [report, shuffled]) {
      const order = findingsIn(documentOf(renderHtml(input, plain))).map((e) => VERDICTS.indexOf(e.getAttribute('data-verdict') as Verdict));
      expect(order[0]).toBe(0);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  it('should show the summary counts and problems as file:line:column: message', () => {
    const withProblem: Report = {
      ...report,
      diagnostics: [{ file: 'sources/x.md', place: { line: 3, column: 5 }, message: 'front matter has no outlet', ruleId: 'missing-outlet', severity: 'error' }],
    };
    const doc = documentOf(renderHtml(withProblem, plain));
    const header = doc.querySelector('header')!.textContent!;
    expect(header).toMatch(/6 sources from 6 outlets · \d+ claims/);
    expect(header).toContain('1 disputed');
    expect(doc.querySelector('.problems li')!.textContent).toContain('sources/x.md:3:5: front matter has no outlet');
    expect(documentOf(renderHtml(report, plain)).querySelector('.problems')).toBeNull();
  });

  it('should show the conflicting mentions of a disputed claim side by side with their reasons', () => {
    const disputed = report.claims.find((f) => f.verdict === 'disputed')!;
    const doc = documentOf(renderHtml(report, plain));
    const article = doc.getElementById(`claim-${disputed.id}`)!;
    const reasons = [...article.querySelectorAll('.reasons li')].map((li) => li.textContent!);
    expect(reasons).toHaveLength(disputed.conflicts.length);
    disputed.conflicts.forEach((conflict, i) => {
      expect(reasons[i]).toContain(conflict.kind);
      expect(reasons[i]).toContain(conflict.detail);
      for (const index of conflict.between) expect(reasons[i]).toContain(disputed.mentions[index]!.outlet);
    });
    const sides = [...article.querySelectorAll('.sides > .side')];
    expect(sides).toHaveLength(2);
    const outletsBySide = sides.map((side) => [...side.querySelectorAll('.outlet')].map((e) => e.textContent));
    for (const conflict of disputed.conflicts) {
      const [a, b] = conflict.between.map((index) => disputed.mentions[index]!.outlet);
      expect(outletsBySide.some((side) => side.includes(a!) && !side.includes(b!))).toBe(true);
    }
    expect(article.querySelector('mark')!.textContent).toMatch(/video (meetings|conferences)/);
  });

  it('should list the two sides of a conflict that is not one bipartite dispute as cards', () => {
    const a = mention('A', 'Two meetings.');
    const b = mention('B', 'Three meetings.');
    const c = mention('C', 'Four meetings.');
    const conflicts: Conflict[] = [
      { between: [0, 1], kind: 'quantity', detail: 'two vs three' },
      { between: [1, 2], kind: 'quantity', detail: 'three vs four' },
      { between: [0, 2], kind: 'quantity', detail: 'two vs four' },
    ];
    const triangle: Report = { schemaVersion: 1, sources: [source('A'), source('B'), source('C')], claims: [finding('t', 'disputed', [a, b, c], conflicts)], diagnostics: [] };
    const article = documentOf(renderHtml(triangle, plain)).getElementById('claim-t')!;
    expect(article.querySelectorAll('.sides .side')).toHaveLength(0);
    expect([...article.querySelectorAll('.sides .mention .outlet')].map((e) => e.textContent)).toEqual(['A', 'B', 'C']);
    expect(article.querySelectorAll('.reasons li')).toHaveLength(3);
  });

  it('should link every mention to its source file as path#L<line>', () => {
    const doc = documentOf(renderHtml(report, plain));
    let checked = 0;
    for (const f of report.claims) {
      const element = doc.getElementById(`claim-${f.id}`)!;
      const hrefs = [...element.querySelectorAll('a.place')].map((a) => a.getAttribute('href'));
      for (const m of f.mentions) {
        expect(hrefs).toContain(hrefOf(m.path, m.place.start.line));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(report.claims.length);
  });

  it.each([
    ['a path with spaces, # and ?', 'my sources/a #1?.md', 12, 'my%20sources/a%20%231%3F.md#L12'],
    ['a scheme-like first segment', 'javascript:alert(1).md', 1, 'javascript%3Aalert(1).md#L1'],
    ['a protocol-relative path', '//evil.example/x.md', 2, '/evil.example/x.md#L2'],
    ['an absolute path', '/home/me/sources/x.md', 3, '/home/me/sources/x.md#L3'],
    ['a parent folder', '../other/x.md', 4, '../other/x.md#L4'],
    ['a lone surrogate', 'bad\uD800.md', 5, 'bad%EF%BF%BD.md#L5'],
  ])('should link %s as a relative URL', (_name, file, line, expected) => {
    const m = mention('A', 'Four meetings.', { path: file, line });
    const doc = documentOf(renderHtml({ schemaVersion: 1, sources: [source('A', { path: file })], claims: [finding('x', 'unique', [m])], diagnostics: [] }, plain));
    expect(doc.querySelector('#claim-x a.place')!.getAttribute('href')).toBe(expected);
  });

  it('should give the matrix one column per outlet and one row per disputed or corroborated claim', () => {
    const doc = documentOf(renderHtml(report, plain));
    const table = doc.querySelector('#matrix table')!;
    const outlets = [...new Set(report.sources.map((s) => s.outlet))];
    const columns = [...table.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent);
    expect(columns).toEqual(['Claim', ...outlets]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(report.claims.filter((f) => f.verdict !== 'unique').length);
    for (const row of rows) {
      expect(row.querySelectorAll('th[scope="row"]')).toHaveLength(1);
      expect(row.querySelectorAll('td')).toHaveLength(outlets.length);
    }
    expect(table.closest('.matrix-wrap')).not.toBeNull();
  });

  it('should mark the matrix cells of mentions involved in a conflict', () => {
    const disputed = report.claims.find((f) => f.verdict === 'disputed')!;
    const doc = documentOf(renderHtml(report, plain));
    const row = doc.querySelector(`#matrix a[href="#claim-${disputed.id}"]`)!.closest('tr')!;
    const outlets = [...doc.querySelectorAll('#matrix thead th[scope="col"]')].slice(1).map((th) => th.textContent);
    const involved = new Set(disputed.conflicts.flatMap((c) => c.between.map((i) => disputed.mentions[i]!.outlet)));
    const cells = [...row.querySelectorAll('td')];
    outlets.forEach((outlet, i) => {
      const expected = involved.has(outlet!) ? 'conflict' : disputed.outlets.includes(outlet!) ? 'states' : 'absent';
      expect(cells[i]!.className).toBe(expected);
    });
  });

  it('should group unique claims by outlet in article order', () => {
    const doc = documentOf(renderHtml(report, plain));
    const groups = [...doc.querySelectorAll('#unique .outlet-group')];
    expect(groups.length).toBeGreaterThan(1);
    const outletOf = new Map(report.claims.map((f) => [`claim-${f.id}`, f]));
    for (const group of groups) {
      const heading = group.querySelector('h3')!.textContent!;
      const items = [...group.querySelectorAll('[data-verdict="unique"]')].map((li) => outletOf.get(li.id)!);
      expect(heading).toContain(`${items[0]!.outlets[0]} (${items.length})`);
      for (const item of items) expect(item.outlets).toEqual([items[0]!.outlets[0]]);
      const lines = items.map((item) => item.mentions[0]!.place.start.line);
      expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    }
  });

  it('should have no attribute with an http or // URL except the source url links', () => {
    const withUrl: Report = { ...report, sources: report.sources.map((s, i) => (i === 0 ? { ...s, url: 'https://example.com/story' } : s)) };
    const doc = documentOf(renderHtml(withUrl, plain));
    const allowed = new Set(['https://example.com/story']);
    let links = 0;
    for (const element of doc.querySelectorAll('*')) {
      for (const { name, value } of [...element.attributes]) {
        const stripped = value.replace(/'sha256-[A-Za-z0-9+/=]+'/g, '');
        if (!/https?:|\/\//i.test(stripped)) continue;
        expect(element.matches('a.source-url[rel~="external"]') && name === 'href' && allowed.has(value), `${element.localName} ${name}=${value}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(1);
  });

  it('should list possibly related claims as in-page links only with showPossible', () => {
    expect(documentOf(renderHtml(report, plain)).querySelector('.related')).toBeNull();
    const doc = documentOf(renderHtml(report, possible));
    const links = [...doc.querySelectorAll('.related a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const href = link.getAttribute('href')!;
      expect(href).toMatch(/^#claim-/);
      expect(doc.getElementById(decodeURIComponent(href.slice(1)))).not.toBeNull();
    }
  });

  it('should say when a related claim is not in the report instead of linking to it', () => {
    const m = mention('A', 'Four meetings.');
    const lonely: Report = { schemaVersion: 1, sources: [source('A')], claims: [finding('x', 'unique', [m], [], [{ id: 'gone', score: 0.42 }])], diagnostics: [] };
    const related = documentOf(renderHtml(lonely, possible)).querySelector('.related')!;
    expect(related.querySelector('a')).toBeNull();
    expect(related.textContent).toContain('gone (not in this report, 42%)');
  });

  it('should show everything without JavaScript: only the filter controls start hidden', () => {
    const doc = documentOf(renderHtml(report, possible));
    expect([...doc.querySelectorAll('[hidden]')].map((e) => e.id)).toEqual(['filters']);
    expect([...doc.querySelectorAll('#filters input[data-filter]')].map((e) => e.getAttribute('data-filter'))).toEqual([...VERDICTS]);
    for (const details of doc.querySelectorAll('.outlet-group > details')) expect(details.hasAttribute('open')).toBe(true);
  });

  it('should render an empty report', () => {
    const doc = documentOf(renderHtml({ schemaVersion: 1, sources: [], claims: [], diagnostics: [] }, plain));
    const text = doc.body.textContent!;
    for (const phrase of ['No disputed claims.', 'No corroborated claims.', 'No unique claims.', 'No sources.']) expect(text).toContain(phrase);
    expect(findingsIn(doc)).toHaveLength(0);
  });

  it('should be deterministic', () => {
    const first = renderHtml(report, possible);
    expect(renderHtml(report, possible)).toBe(first);
    expect(renderHtml(structuredClone(report) as Report, possible)).toBe(first);
  });

  it('should say there are no disputed claims in the seed corpus', () => {
    const doc = documentOf(renderHtml(fixtureReport('seeds'), plain));
    expect(doc.body.textContent).toContain('No disputed claims.');
    expect(findingsIn(doc).filter((e) => e.getAttribute('data-verdict') === 'disputed')).toHaveLength(0);
    expect(findingsIn(doc).length).toBeGreaterThan(0);
  });

  it('should render the hostile fixture articles as text (end to end)', async () => {
    const hostile = await crossReference(['tests/fixtures/render/html'], { cwd: root });
    const doc = documentOf(renderHtml(hostile, possible));
    expect(injected(doc)).toEqual([]);
    expect(doc.querySelector('.problems')!.textContent).toContain("javascript:window.__pwned='js-url'//<script>");
    expect(doc.querySelector('#sources cite')!.textContent).toContain('"><img src=x onerror=');
  });
});

describe('html reporter escaping', () => {
  it.each([
    ['should render a script element as text', '<script>window.__pwned=1</script>'],
    ['should render a closing script tag as text', '</script><script>window.__pwned=1</script>'],
    ['should render an attribute breakout as text', '"><img src=x onerror=alert(1)>'],
    ['should render a single-quote breakout as text', "'><svg onload=alert(1)>"],
    ['should render a javascript: link as text', '<a href="javascript:alert(1)">click</a>'],
    ['should render a style breakout as text', '</style><style>*{display:none}</style>'],
    ['should render a comment and CDATA as text', '<!-- x --><![CDATA[ y ]]>'],
    ['should render already-escaped entities literally', '&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;'],
    ['should render line and paragraph separators', 'a\u2028b\u2029c'],
    ['should render a base element as text', '<base href="//evil.example/">'],
  ])('%s', (_name, payload) => {
    const doc = documentOf(renderHtml(hostileReport(payload), possible));
    expect(injected(doc)).toEqual([]);
    expect(doc.querySelector('#mention-d1-1 blockquote')!.textContent).toBe(payload);
    expect(doc.querySelector('#claim-d1 .reasons')!.textContent).toContain(payload);
    expect(doc.querySelector('#claim-c1 .claim')!.textContent).toBe(payload);
    expect(doc.querySelector('#claim-u1 .claim')!.textContent).toBe(payload);
    expect(doc.querySelector('.problems li')!.textContent).toContain(`${payload}:1:2: ${payload}`);
    expect(doc.querySelector('#sources cite')!.textContent).toBe(payload);
    expect([...doc.querySelectorAll('#matrix thead th')].map((th) => th.textContent)).toContain(payload);
    expect(doc.title).toMatch(/^claimcheck report/);
  });

  it.each([
    ['should drop a javascript: url', 'javascript:alert(1)'],
    ['should drop a javascript: url with leading space and mixed case', ' JavaScript:alert(1)'],
    ['should drop a data: url', 'data:text/html,<script>alert(1)</script>'],
    ['should drop a vbscript: url', 'vbscript:msgbox(1)'],
    ['should drop a protocol-relative url', '//evil.example/x'],
    ['should drop an ftp url', 'ftp://example.com/x'],
    ['should drop a url that does not parse', 'https://exa mple.com/'],
  ])('%s', (_name, url) => {
    const doc = documentOf(renderHtml(hostileReport('Evil', url), plain));
    expect(doc.querySelector('a.source-url')).toBeNull();
    expect(injected(doc)).toEqual([]);
  });

  it('should keep an http(s) url with markup in it as an encoded link', () => {
    const doc = documentOf(renderHtml(hostileReport('Evil', 'https://example.com/a?q="><script>x</script>'), plain));
    const hrefs = [...doc.querySelectorAll('a.source-url')].map((a) => a.getAttribute('href'));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toBe('https://example.com/a?q=%22%3E%3Cscript%3Ex%3C/script%3E');
    expect(injected(doc)).toEqual([]);
  });

  it('should never let arbitrary text become markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (text, other) => {
        const payload = `${text}<${other}`;
        const doc = documentOf(renderHtml(hostileReport(payload, `https://example.com/${other}`), possible));
        expect(injected(doc)).toEqual([]);
        expect(findingsIn(doc)).toHaveLength(3);
      }),
      { numRuns: 100 },
    );
  });

  it('should keep printable text exactly as written', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !/[\0\r]/.test(s)), (payload) => {
        const doc = documentOf(renderHtml(hostileReport(payload), plain));
        expect(doc.querySelector('#claim-u1 .claim')!.textContent).toBe(payload);
      }),
      { numRuns: 100 },
    );
  });
});
