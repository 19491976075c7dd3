// `report` and `export` read one source from stdin with `-`, and quoted globs
// are expanded by claimcheck itself (issue 17, item 11).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const article = (outlet: string, body: string) => `---\noutlet: ${outlet}\npublished: 2024-06-10\n---\n\n${body}\n`;
const SENTENCE = 'The river ferry carried 310 cyclists on its first weekend, the operator said.';

function corpus(): string {
  const root = tempFolder('claimcheck-stdin-');
  mkdirSync(path.join(root, 'sources', '2024'), { recursive: true });
  writeFileSync(path.join(root, 'sources', '2024', 'east-bank.md'), article('East Bank Times', SENTENCE));
  writeFileSync(path.join(root, 'sources', '2024', 'west-bank.md'), article('West Bank Echo', 'The market hall will close for repairs in August.'));
  writeFileSync(path.join(root, 'sources', 'notes.txt'), 'not a source\n');
  return root;
}

describe('one source from stdin', () => {
  it.each([
    [['export', '--format', 'jsonl', '--no-cache', '-', 'sources']],
    [['report', '--format', 'markdown', '--no-cache', 'sources', '-']],
  ])('should read - as a source and match it with the others: %j', async (argv) => {
    const root = corpus();
    const result = await runCli(argv, { cwd: root, stdin: article('Riverside Post', SENTENCE) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Riverside Post');
    expect(result.stdout).toContain('<stdin>');
    if (argv[0] === 'export') {
      const claims = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { verdict: string; outlets: string[] });
      expect(claims.find((claim) => claim.outlets.includes('Riverside Post'))?.verdict).toBe('corroborated');
    }
  });

  it('should refuse - twice and report a bad stdin source like a file', async () => {
    const root = corpus();
    expect((await runCli(['export', '-', '-'], { cwd: root, stdin: 'x' })).code).toBe(2);
    const bad = await runCli(['export', '--no-cache', '-', 'sources'], { cwd: root, stdin: 'no front matter\n' });
    expect(bad.stderr).toMatch(/^<stdin>:1:1: error: /m);
  });
});

describe('quoted globs', () => {
  it.each([
    ['sources/**/*.md', ['East Bank Times', 'West Bank Echo']],
    ['sources/2024/east-*.md', ['East Bank Times']],
    ['sources/{2024/west-bank,missing}.md', ['West Bank Echo']],
  ])('should expand %s', async (pattern, outlets) => {
    const root = corpus();
    const result = await runCli(['export', '--no-cache', pattern], { cwd: root });
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as { sources: { outlet: string }[] };
    expect(data.sources.map((source) => source.outlet).sort()).toEqual(outlets);
  });

  it('should say when a pattern matches nothing', async () => {
    const root = corpus();
    const result = await runCli(['export', '--no-cache', 'sources/*.markdown'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sources/*.markdown:1:1: error: no files match this pattern (not-found)');
  });
});
