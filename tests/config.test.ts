// The configuration file (issue 17, item 10) and the ledger that belongs to the
// sources (item 5): found upward or given with --config, validated like any
// stranger's input (`file:line:column: message`, exit 2), and what it changes.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/commands/config.js';
import { UserError } from '../src/errors.js';
import { findLedgerFor } from '../src/ledger/find.js';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const article = (outlet: string, body: string, extra = '') => `---\noutlet: ${outlet}\npublished: 2024-03-04\n${extra}---\n\n${body}\n`;

/** A folder with two articles about one invented story in `folder/<sub>`. */
function corpus(sub = 'sources', extra = '', draft = true): string {
  const root = tempFolder('claimcheck-config-');
  mkdirSync(path.join(root, sub, 'drafts'), { recursive: true });
  writeFileSync(path.join(root, sub, 'lakeside.md'), article('Lakeside News', 'The county library lent 4,200 books in February, the librarian said.', extra));
  writeFileSync(path.join(root, sub, 'hilltop.md'), article('Hilltop Weekly', 'The county library lent 4,200 books in February, the librarian said.'));
  if (draft) writeFileSync(path.join(root, sub, 'drafts', 'unfinished.md'), 'no front matter here\n');
  writeFileSync(path.join(root, sub, 'README.md'), '# About these sources\n\nNotes for the team.\n');
  return root;
}

describe('the configuration file', () => {
  it.each([
    ['{"sorces": ["x"]}', '1:2', 'unknown setting "sorces"'],
    ['{\n  "ledger": 3\n}', '2:13', 'ledger: expected the ledger folder as a string'],
    ['{\n  "match": {"linkage": 2}\n}', '2:24', 'match.linkage: expected a number from 0 to 1'],
    ['{\n  "match": {"closeness": 0.5}\n}', '2:13', 'match: unknown threshold "closeness"'],
    ['{"organization": {"url": "https://x.example"}}', '1:18', 'organization: "name" is required'],
    ['{"organization": {"name": "Checks", "url": "ftp://x"}}', '1:44', 'organization.url: expected an http(s) URL'],
    ['{"ignore": [1]}', '1:13', 'ignore: expected a string'],
    ['{"sources": "a",}', '1:1', 'not valid JSON'],
    ['[1, 2]', '1:1', 'expected a JSON object of settings'],
    ['{"allowFields": "section"}', '1:17', 'allowFields: expected an array of strings'],
  ])('should refuse %j at its place', (text, place, message) => {
    let error: unknown;
    try {
      parseConfig(text, 'claimcheck.config.json', '/project');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toMatch(new RegExp(`^claimcheck\\.config\\.json:${place}: `));
    expect((error as UserError).message).toContain(message);
  });

  it('should resolve paths against its own folder', () => {
    const config = parseConfig('{"sources": "news", "ledger": "reviewed", "organization": "Example Checks"}', 'c.json', '/project/sub');
    expect(config.sources).toEqual([path.resolve('/project/sub/news')]);
    expect(config.ledger).toBe(path.resolve('/project/sub/reviewed'));
    expect(config.organization).toEqual({ name: 'Example Checks' });
  });

  it('should be found upward from the working folder and apply its sources, ignore globs and allowed fields', async () => {
    const root = corpus('news', 'section: Local\n');
    writeFileSync(path.join(root, '.claimcheckrc.json'), JSON.stringify({ sources: ['news'], ignore: ['news/drafts/**'], allowFields: ['section'] }));
    mkdirSync(path.join(root, 'deeper'));
    const result = await runCli(['export', '--format', 'jsonl', '--no-cache'], { cwd: path.join(root, 'deeper') });
    expect(result.code).toBe(0);
    // No error for the draft (ignored) or the README, no warning for `section`.
    expect(result.stderr).toBe('');
    const claims = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { verdict: string; outlets: string[] });
    expect(claims.some((claim) => claim.verdict === 'corroborated' && claim.outlets.length === 2)).toBe(true);
  });

  it.each([
    [undefined, 1],
    [['sources/drafts/**'], 0],
  ])('should leave the ignore globs %j out of check too (exit %i)', async (ignore, code) => {
    const root = corpus();
    if (ignore) writeFileSync(path.join(root, 'claimcheck.config.json'), JSON.stringify({ ignore }));
    const result = await runCli(['check', '--update', '--no-cache'], { cwd: root });
    expect(result.code).toBe(code);
    expect(result.stdout.includes('unfinished.md')).toBe(code === 1);
  });

  it('should exit 2 with file:line:column for a bad --config', async () => {
    const root = corpus();
    writeFileSync(path.join(root, 'bad.json'), '{\n  "sources": ["sources"],\n  "thresholds": {}\n}\n');
    for (const command of ['report', 'export', 'check']) {
      const result = await runCli([command, '--config', 'bad.json'], { cwd: root });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('bad.json:3:3: unknown setting "thresholds"');
    }
    expect((await runCli(['report', '--config', 'missing.json'], { cwd: root })).stderr).toContain('missing.json:1:1: no such file');
  });

  it('should give the ClaimReview author from its organization', async () => {
    const root = corpus('sources', '', false);
    writeFileSync(path.join(root, 'claimcheck.config.json'), JSON.stringify({ organization: { name: 'Example Checks', url: 'https://checks.example' } }));
    expect((await runCli(['check', '--update', '--no-cache', 'sources'], { cwd: root })).code).toBe(0);
    const before = await runCli(['export', '--format', 'claimreview', '--no-cache'], { cwd: root });
    expect(before.stdout).not.toContain('Example Checks'); // no review confirmed yet: plain Claims
    const ledger = path.join(root, 'claims');
    const file = readdirSync(ledger).find((name) => readFileSync(path.join(ledger, name), 'utf8').includes('verdict: corroborated'))!;
    appendFileSync(path.join(ledger, file), 'review:\n  confirmed: corroborated\n  note: "Both papers quote the librarian."\n');
    const result = await runCli(['export', '--format', 'claimreview', '--no-cache'], { cwd: root });
    expect(result.code).toBe(0);
    const graph = (JSON.parse(result.stdout) as { '@graph': { '@type': string; author?: { name: string } }[] })['@graph'];
    expect(graph.find((node) => node['@type'] === 'ClaimReview')?.author?.name).toBe('Example Checks');
  });
});

describe('the ledger that belongs to the sources', () => {
  it.each([
    ['beside the sources', 'story/sources', 'story/claims', 'story/claims'],
    ['above the sources', 'story/articles/may', 'story/claims', 'story/claims'],
    ['none', 'story/sources', undefined, undefined],
  ])('should find it %s', (_name, sources, ledger, expected) => {
    const root = tempFolder('claimcheck-find-');
    mkdirSync(path.join(root, '.git'));
    mkdirSync(path.join(root, sources), { recursive: true });
    if (ledger) mkdirSync(path.join(root, ledger), { recursive: true });
    expect(findLedgerFor([path.join(root, sources)])).toBe(expected === undefined ? undefined : path.join(root, expected));
  });

  it("should apply another folder's own ledger to its sources and say so on stderr", async () => {
    const root = tempFolder('claimcheck-other-');
    const other = path.join(root, 'other');
    mkdirSync(other);
    const story = corpus('sources', '', false);
    // The story's ledger records its claims; a claims/ of the working folder must not be used for it.
    expect((await runCli(['check', '--update', '--no-cache'], { cwd: story })).code).toBe(0);
    mkdirSync(path.join(other, 'claims'));
    const result = await runCli(['report', '--no-cache', path.join(story, 'sources')], { cwd: other });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`claimcheck: ledger ${path.join(story, 'claims').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/ applied \\(\\d+ claims?, 0 with a review\\)`));
  });
});
