// The incremental check must give exactly what a full run gives: build a corpus,
// run in full (leaving a snapshot), add articles one at a time and compare the
// incremental report with a full run's, and the check command's output with
// `check --no-cache`.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crossReference } from '../src/engine/run.js';
import { checkRun, slimReport } from '../src/engine/incremental.js';
import { generateArticle } from '../scripts/generate-corpus.js';
import { runCli } from './helpers/io.js';

const root = path.join(import.meta.dirname, '..');
let folder: string;

const add = (name: string, text: string) => writeFileSync(path.join(folder, 'sources', name), text);
const addGenerated = (index: number) => {
  const article = generateArticle(index);
  add(article.name, article.text);
};
const incremental = () => checkRun(['sources'], { cwd: folder, cache: '.claimcheck-cache' });
const full = async () => slimReport(await crossReference(['sources'], { cwd: folder }));

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'claimcheck-incremental-'));
  cpSync(path.join(root, 'sources'), path.join(folder, 'sources'), { recursive: true });
  for (let index = 0; index < 40; index++) addGenerated(index);
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** The corpus snapshot files in the cache. */
const snapshotFiles = () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return walk(path.join(folder, '.claimcheck-cache')).filter((file) => file.includes(`${path.sep}corpus${path.sep}`));
};
/** The contents of the snapshot files. */
const snapshots = () => snapshotFiles().map((file) => readFileSync(file, 'utf8'));

describe('incremental check', () => {
  it('should run in full first, then find nothing changed', async () => {
    expect((await incremental()).mode).toBe('full');
    const again = await incremental();
    expect(again.mode).toBe('unchanged');
    expect(again.report).toEqual(await full());
  });

  it('should give the full run’s report after each added article', async () => {
    await incremental();
    for (const index of [40, 41, 42, 43, 44, 45]) {
      addGenerated(index);
      const result = await incremental();
      expect(result.mode).toBe('incremental');
      expect(result.report).toEqual(await full());
    }
  });

  it('should keep the snapshot until the additions reach rewriteShare, with the full run’s report each time', async () => {
    const run = () => checkRun(['sources'], { cwd: folder, cache: '.claimcheck-cache', rewriteShare: 0.1 });
    await run();
    const first = snapshots();
    expect(first).toHaveLength(1);
    // 45 files known: a new snapshot once 5 (10%) were added since.
    for (const index of [40, 41, 42, 43]) {
      addGenerated(index);
      const result = await run();
      expect(result.mode).toBe('incremental');
      expect(result.report).toEqual(await full());
      expect(snapshots()).toEqual(first);
    }
    addGenerated(44);
    const fifth = await run();
    expect(fifth.mode).toBe('incremental');
    expect(fifth.report).toEqual(await full());
    expect(snapshots()).not.toEqual(first);
    expect((await run()).mode).toBe('unchanged');
  });

  it('should block exactly as a full run does when terms become too common to block on', async () => {
    // A small cap, so that added articles push terms over it (their pairs lose that term's weight).
    const options = { cwd: folder, cache: '.claimcheck-cache', maxTermClaims: 4, rewriteShare: 0 };
    const snapshot = () => JSON.parse(snapshots()[0]!).data as { postings: [string, number[], number[]][]; common: [string, number][] };
    const byTerm = <T extends [string, ...unknown[]]>(rows: T[]) => [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    await checkRun(['sources'], options);
    const before = new Set(snapshot().common.map(([term]) => term));
    for (const index of [40, 41, 42]) {
      addGenerated(index);
      const result = await checkRun(['sources'], options);
      expect(result.mode).toBe('incremental');
      expect(result.report).toEqual(slimReport(await crossReference(['sources'], { cwd: folder, maxTermClaims: 4 })));
    }
    const kept = snapshot();
    expect(kept.common.some(([term]) => !before.has(term))).toBe(true);
    // The snapshot the incremental runs wrote is the one a full run writes: lists under the cap, counts over it.
    rmSync(path.join(folder, '.claimcheck-cache'), { recursive: true });
    expect((await checkRun(['sources'], options)).mode).toBe('full');
    const made = snapshot();
    expect(byTerm(kept.common)).toEqual(byTerm(made.common));
    expect(byTerm(kept.postings)).toEqual(byTerm(made.postings));
    expect(made.postings.every(([, claims]) => claims.length <= 4)).toBe(true);
  });

  it.each([
    ['an article disputing a seed claim', 'two-meetings.md', 'tests/fixtures/synthetic/two-meetings.md'],
    ['an article agreeing with a seed claim', 'five-meetings.md', 'tests/fixtures/synthetic/five-meetings.md'],
    ['an unrelated article', 'weather.md', 'tests/fixtures/synthetic/unrelated/weather.md'],
    ['a bad file', 'broken.md', 'tests/fixtures/load/missing-outlet.md'],
  ])('should add %s incrementally with the full run’s result', async (_, name, fixture) => {
    await incremental();
    copyFileSync(path.join(root, fixture), path.join(folder, 'sources', name));
    const result = await incremental();
    expect(result.mode).toBe('incremental');
    expect(result.report).toEqual(await full());
  });

  it('should report a new duplicate of a known article as a full run does', async () => {
    await incremental();
    const article = generateArticle(3);
    // The same outlet's copy under other front matter: a duplicate (another outlet's would be syndication).
    add(`z-${article.name}`, article.text.replace(/^url: .*$/m, 'url: https://example.org/reprint'));
    const result = await incremental();
    expect(result.mode).toBe('incremental');
    expect(result.report.diagnostics.map((d) => d.ruleId)).toContain('duplicate');
    expect(result.report).toEqual(await full());
  });

  it.each([
    ['a source edited', () => add('seed-000-unattributed-zoom-executive-accused.md', '---\noutlet: Edited\n---\n\nA different text now.\n')],
    ['a file name that clashes with a known one', () => {
      mkdirSync(path.join(folder, 'sources', 'more'));
      copyFileSync(path.join(root, 'tests/fixtures/synthetic/five-meetings.md'), path.join(folder, 'sources', 'more', 'seed-000-unattributed-zoom-executive-accused.md'));
    }],
  ])('should fall back to a full run after %s, with the same result', async (_, change) => {
    await incremental();
    change();
    const result = await incremental();
    expect(result.mode).toBe('full');
    expect(result.report).toEqual(await full());
  });

  it('should fall back when the snapshot is damaged, and rebuild it', async () => {
    await incremental();
    for (const file of snapshotFiles()) {
      writeFileSync(file, '{"claimcheck":"cache","format":1,"tool":"x"');
    }
    addGenerated(46);
    expect((await incremental()).mode).toBe('full');
    expect((await incremental()).mode).toBe('unchanged');
  });

  it('should print exactly what `check --no-cache` prints', async () => {
    expect((await runCli(['check', '--update'], { cwd: folder })).code).toBe(0);
    copyFileSync(path.join(root, 'tests/fixtures/synthetic/two-meetings.md'), path.join(folder, 'sources', 'two-meetings.md'));
    addGenerated(47);
    for (const format of ['text', 'json', 'github']) {
      const warm = await runCli(['check', '--format', format], { cwd: folder });
      const cold = await runCli(['check', '--format', format, '--no-cache'], { cwd: folder });
      expect(warm.code).toBe(1);
      expect(warm.stdout).toBe(cold.stdout);
      expect(warm.stderr).toBe(cold.stderr);
    }
  });
});
