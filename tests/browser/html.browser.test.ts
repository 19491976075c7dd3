// The HTML report in real headless Chromium (playwright-core, /usr/bin/chromium),
// served from a throwaway 127.0.0.1 server so every request can be seen: no
// errors, no network, working filters, no overflow at phone width, and hostile
// articles execute nothing. Skipped, with a notice, where Chromium is missing.

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossReference } from '../../src/engine/run.js';
import { renderHtml } from '../../src/render/html.js';
import { filterReport, summarize } from '../../src/render/shared.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const root = path.join(import.meta.dirname, '..', '..');
const screenshot = path.join(import.meta.dirname, '__screenshots__', 'report-phone.png');
const desktopShot = path.join(import.meta.dirname, '__screenshots__', 'report-desktop.png');
const options = { color: false, width: 100, showPossible: true };
const TIMEOUT = 30_000;

const available = existsSync(CHROMIUM);
if (!available) console.warn(`[html.browser.test] skipped: ${CHROMIUM} not found (CI installs Debian chromium).`);

// What a page did while it was open.
interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
}

(available ? describe : describe.skip)('html report in Chromium', () => {
  let context: BrowserContext;
  let server: Server;
  let userDataDir: string;
  let base: string;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    const report = await crossReference(['sources', 'tests/fixtures/synthetic/two-meetings.md'], { cwd: root });
    const hostile = await crossReference(['sources', 'tests/fixtures/render/html'], { cwd: root });
    pages.set('/report.html', renderHtml(report, options));
    pages.set('/hostile.html', renderHtml(hostile, options));
    // Two stories (the seeds, the synthetic article), a filter and a reviewer's update, as `report` renders them.
    const synthetic = report.sources.filter((source) => source.path.startsWith('tests/')).map((source) => source.id);
    const stories = [
      { id: 's0000000001', title: 'Zoom executive charged', sources: report.sources.map((source) => source.id).filter((id) => !synthetic.includes(id)) },
      { id: 's0000000002', title: 'Two meetings', sources: synthetic },
    ];
    const corroborated = report.claims.find((finding) => finding.verdict === 'corroborated' && finding.mentions.length >= 2)!;
    const storied = { ...report, stories, claims: report.claims.map((finding) => ({ ...finding, story: finding.mentions.some((m) => synthetic.includes(m.source)) ? 's0000000002' : 's0000000001' })) };
    pages.set(
      '/stories.html',
      renderHtml(filterReport(storied, { verdicts: ['disputed', 'corroborated'] }), {
        ...options,
        unfiltered: summarize(storied),
        filterNote: '--verdict disputed,corroborated',
        updates: [[corroborated.mentions[0]!.key, corroborated.mentions[1]!.key]],
        reviews: new Map([[corroborated.id, { confirmed: 'corroborated', note: 'Checked against the complaint.' }]]),
      }),
    );

    server = createServer((request, response) => {
      const body = pages.get(request.url ?? '');
      if (body === undefined) response.writeHead(404).end();
      else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    userDataDir = await mkdtemp(path.join(tmpdir(), 'claimcheck-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: ARGS, headless: true });
  }, TIMEOUT);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  }, TIMEOUT);

  async function open(name: string, viewport = { width: 1024, height: 800 }, javaScript = true): Promise<Watched> {
    const page = await context.newPage();
    const watched: Watched = { page, errors: [], requests: [], dialogs: [] };
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') watched.errors.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => watched.errors.push(`pageerror: ${error.message}`));
    page.on('request', (request) => watched.requests.push(request.url()));
    page.on('dialog', (dialog) => {
      watched.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    if (!javaScript) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    }
    await page.setViewportSize(viewport);
    await page.goto(`${base}${name}`, { waitUntil: 'load' });
    return watched;
  }

  // Elements of the findings of one verdict that are visible / hidden.
  const visibility = (page: Page, verdict: string) =>
    page.$$eval(`[data-verdict="${verdict}"][id^="claim-"]`, (elements) => {
      const shown = elements.filter((element) => element.getClientRects().length > 0).length;
      return { shown, hidden: elements.length - shown };
    });

  it('should load with no console errors, no page errors and no request but the page', async () => {
    const { page, errors, requests, dialogs } = await open('/report.html');
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([`${base}/report.html`]);
    expect(await page.title()).toMatch(/^claimcheck report: 1 disputed/);
    await page.close();
  }, TIMEOUT);

  it('should show the disputed claim with both conflicting outlets', async () => {
    const { page } = await open('/report.html');
    const disputed = page.locator('article[data-verdict="disputed"]');
    await expect.poll(() => disputed.count()).toBe(1);
    expect(await disputed.isVisible()).toBe(true);
    const sides = disputed.locator('.sides > .side');
    expect(await sides.count()).toBe(2);
    for (const side of await sides.all()) expect(await side.isVisible()).toBe(true);
    expect(await sides.nth(0).locator('.outlet').allTextContents()).toContain('PJ Media');
    expect(await sides.nth(1).locator('.outlet').allTextContents()).toEqual(['Synthetic Daily']);
    expect(await disputed.locator('.reasons').innerText()).toContain('two video meetings');
    const first = await page.$eval('[data-verdict][id^="claim-"]', (element) => element.getAttribute('data-verdict'));
    expect(first).toBe('disputed');
    await page.close();
  }, TIMEOUT);

  it('should hide unique findings when the unique filter is clicked, and show them again', async () => {
    const { page, errors } = await open('/report.html');
    const filter = page.locator('#filters input[data-filter="unique"]');
    expect(await page.locator('#filters').isVisible()).toBe(true);
    const before = await visibility(page, 'unique');
    expect(before.shown).toBeGreaterThan(0);
    expect(before.hidden).toBe(0);

    await filter.click();
    expect(await filter.isChecked()).toBe(false);
    expect(await visibility(page, 'unique')).toEqual({ shown: 0, hidden: before.shown });
    expect(await page.locator('#unique').isVisible()).toBe(false);
    expect((await visibility(page, 'disputed')).shown).toBe(1);
    expect((await visibility(page, 'corroborated')).hidden).toBe(0);
    expect(await page.locator('#filter-status').textContent()).toMatch(/^Showing \d+ of \d+ claims$/);

    await filter.click();
    expect(await visibility(page, 'unique')).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  }, TIMEOUT);

  it('should show every finding and no dead filter controls with JavaScript off', async () => {
    const { page } = await open('/report.html', { width: 1024, height: 800 }, false);
    for (const verdict of ['disputed', 'corroborated', 'unique']) expect((await visibility(page, verdict)).hidden).toBe(0);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await page.close();
  }, TIMEOUT);

  it('should fit a 375 px wide phone screen, the matrix scrolling in its own box', async () => {
    const { page, errors } = await open('/report.html', { width: 375, height: 800 });
    const widths = await page.$eval('html', (html) => ({ document: html.scrollWidth, body: html.ownerDocument.body.scrollWidth }));
    expect(widths.document).toBeLessThanOrEqual(375);
    expect(widths.body).toBeLessThanOrEqual(375);
    const matrix = await page.$eval('.matrix-wrap', (wrap) => {
      const style = (element: typeof wrap) => wrap.ownerDocument.defaultView!.getComputedStyle(element);
      return {
        scrolls: wrap.scrollWidth > wrap.clientWidth,
        overflow: style(wrap).overflowX,
        sticky: style(wrap.querySelector('tbody th[scope="row"]')!).position,
      };
    });
    expect(matrix).toEqual({ scrolls: true, overflow: 'auto', sticky: 'sticky' });

    await mkdir(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    const png = await readFile(screenshot);
    expect(png.length).toBeGreaterThan(1000);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(375);
    expect(errors).toEqual([]);
    await page.close();
  }, TIMEOUT);

  it('should put the matrix and the charts above the first claim card, the charts drawn', async () => {
    const { page, errors } = await open('/report.html', { width: 1280, height: 900 });
    const top = (selector: string) => page.$eval(selector, (element) => element.getBoundingClientRect().top + element.ownerDocument.defaultView!.scrollY);
    const firstCard = await top('article.finding');
    expect(await top('#matrix table')).toBeLessThan(firstCard);
    expect(await top('#overview')).toBeLessThan(firstCard);
    for (const id of ['agreement', 'timeline']) {
      const drawn = await page.$eval(`#${id} svg.chart`, (svg) => {
        const box = svg.getBoundingClientRect();
        return { width: box.width, height: box.height, shapes: svg.querySelectorAll('rect, circle, path').length };
      });
      expect(drawn.width).toBeGreaterThan(200);
      expect(drawn.height).toBeGreaterThan(100);
      expect(drawn.shapes).toBeGreaterThan(1);
    }
    // The disputed row shows each side's figure: PJ Media and Synthetic Daily state different numbers.
    const figures = await page.$$eval('#matrix tr.disputed td.conflict .figure', (cells) => cells.map((cell) => cell.textContent));
    expect(figures).toEqual(expect.arrayContaining(['at least 4 meetings', '2 meetings']));
    expect(await page.locator('#agreement .pair.conflict').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, TIMEOUT);

  it('should update the per-outlet counts when a filter changes', async () => {
    const { page } = await open('/report.html');
    const counts = () => page.$$eval('#matrix [data-counts]', (cells) => cells.map((cell) => Number(cell.textContent)));
    const before = await counts();
    const uniques = await page.$$eval('#matrix [data-counts]', (cells) => cells.map((cell) => Number(cell.getAttribute('data-unique'))));
    await page.locator('#filters input[data-filter="unique"]').click();
    expect(await counts()).toEqual(before.map((n, i) => n - uniques[i]!));
    await page.locator('#filters input[data-filter="unique"]').click();
    expect(await counts()).toEqual(before);
    await page.close();
  }, TIMEOUT);

  it('should show the filter count, story headings, updates and reviews on a desktop and a phone', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 800 }]) {
      const { page, errors } = await open('/stories.html', viewport);
      expect(await page.locator('#shown').innerText()).toMatch(/^\d+ of \d+ claims shown \(--verdict disputed,corroborated\)$/);
      const headings = await page.$$eval('.story-h', (elements) => elements.map((element) => [element.textContent ?? '', element.getClientRects().length > 0]));
      expect(headings.length).toBeGreaterThanOrEqual(2);
      expect(headings.every(([, shown]) => shown)).toBe(true);
      expect(await page.locator('.updates li', { hasText: "a reviewer's updates" }).count()).toBe(1);
      expect(await page.locator('.review', { hasText: 'Checked against the complaint.' }).count()).toBe(1);
      expect(await page.$eval('html', (html) => html.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, TIMEOUT);

  it('should take the desktop screenshot of the top of the page', async () => {
    const { page, errors } = await open('/report.html', { width: 1280, height: 900 });
    await mkdir(path.dirname(desktopShot), { recursive: true });
    await page.screenshot({ path: desktopShot });
    const png = await readFile(desktopShot);
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(errors).toEqual([]);
    await page.close();
  }, TIMEOUT);

  it('should execute nothing from hostile article text and front matter', async () => {
    const { page, errors, requests, dialogs } = await open('/hostile.html');
    await page.waitForTimeout(300);
    // Hover and click around the places payloads landed, in case a handler slipped through.
    await page.locator('#sources cite').first().hover();
    // The hostile outlet's claims are its own (its short brief is another story than the seeds'): hover its group.
    await page.locator('#unique .outlet-group summary', { hasText: 'Evil' }).first().hover();
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([`${base}/hostile.html`]);
    expect(await page.locator('img, svg:not(.chart), iframe, svg foreignObject, svg script').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const text = await page.locator('body').innerText();
    expect(text).toContain("Evil <script>window.__pwned = 'outlet'</script> Gazette");
    expect(text).toContain('"><img src=x onerror="window.__pwned=\'title\'">');
    expect(text).toContain("javascript:window.__pwned='js-url'");
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await page.close();
  }, TIMEOUT);
});
