// `claimcheck check` in-process through run(argv, io) on a temp copy of
// sources/ with a ledger written by `check --update`: clean runs, a new
// disputing article, reviewer decisions (updates, separate), invalid sources,
// a malformed ledger and usage errors.
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/io.js';
import type { CheckReport } from '../src/ledger/compare.js';
import { parseEntry } from '../src/ledger/entry.js';

const root = path.join(import.meta.dirname, '..');
const twoMeetings = path.join(root, 'tests/fixtures/synthetic/two-meetings.md');
const temporaries: string[] = [];
let base: string;

function claimcheck(cwd: string, ...argv: string[]) {
  return runCli(argv, { cwd, env: { NO_COLOR: '1' } });
}

/** A fresh copy of the seed corpus and its recorded ledger. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimcheck-check-'));
  temporaries.push(dir);
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Entries of the ledger in `dir`, by file name. */
function ledger(dir: string) {
  const folder = path.join(dir, 'claims');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      return { name, text, entry: parseEntry(`claims/${name}`, text).entry! };
    });
}

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'claimcheck-check-base-'));
  temporaries.push(base);
  cpSync(path.join(root, 'sources'), path.join(base, 'sources'), { recursive: true });
  const { code, stderr } = await claimcheck(base, 'check', '--update');
  expect(stderr).not.toMatch(/unexpected error/);
  expect(code).toBe(0);
}, 60_000);

afterAll(() => {
  for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
});

describe('claimcheck check on the seed corpus', () => {
  it('should exit 0 when the sources match the ledger', async () => {
    const { code, stdout } = await claimcheck(workspace(), 'check');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^claimcheck: \d+ claims in 5 sources match claims\/\n$/);
  });

  it('should write the same ledger again, byte for byte (deterministic, nothing to write)', async () => {
    const dir = workspace();
    const before = ledger(dir);
    const { code, stdout } = await claimcheck(dir, 'check', '--update');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\(0 files written, 0 removed\)/);
    expect(ledger(dir)).toEqual(before);
  });

  it('should exit 2 on a usage error', async () => {
    const { code, stderr } = await claimcheck(workspace(), 'check', '--format', 'nope');
    expect(code).toBe(2);
    expect(stderr).toMatch(/'nope' is invalid/);
  });

  it('should explain the ledger and GitHub Actions usage in --help', async () => {
    const { code, stdout } = await claimcheck(workspace(), 'check', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('In GitHub Actions');
    expect(stdout).toContain('npx claimcheck check --format github');
    expect(stdout).toContain('separate: [[keyA, keyB]]');
  });
});

describe('a new article that disputes a corroborated claim', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace();
    copyFileSync(twoMeetings, path.join(dir, 'sources', 'two-meetings.md'));
  });
  const line = readFileSync(twoMeetings, 'utf8').split('\n').findIndex((text) => text.includes('two video meetings')) + 1;

  it('should sit on line 6 of the fixture', () => {
    expect(line).toBe(6);
  });

  it('should exit 1 with a GitHub annotation at the new sentence and a text line naming the verdict change', async () => {
    const { code, stdout, stderr } = await claimcheck(dir, 'check', '--format', 'github');
    expect(code).toBe(1);
    // Annotations on stdout, the text lines and summary on stderr.
    const annotations = stdout.trimEnd().split('\n');
    expect(annotations[0]).toMatch(
      new RegExp(`^::error file=sources/two-meetings.md,line=${line},col=1,title=claimcheck \\[disputed\\]::corroborated → disputed \\(claims/\\w+\\.yml\\): quantity: `),
    );
    expect(annotations).toHaveLength(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^sources/two-meetings.md:${line}:1: disputed: corroborated → disputed \\(claims/\\w+\\.yml\\): quantity: .*two video meetings`));
    expect(lines.at(-1)).toMatch(/^claimcheck: 1 claim differs from claims\/ \(1 verdict changed\); review them, then run `claimcheck check --update`/);
    expect(lines).toHaveLength(2);
  });

  it('should record the dispute with --update, then exit 0', async () => {
    expect((await claimcheck(dir, 'check', '--update')).code).toBe(0);
    const disputed = ledger(dir).filter(({ entry }) => entry.verdict === 'disputed');
    expect(disputed).toHaveLength(1);
    expect(disputed[0]!.entry.mentions.map((mention) => mention.path)).toContain('sources/two-meetings.md');
    const { code, stdout } = await claimcheck(dir, 'check');
    expect(code).toBe(0);
    expect(stdout).toMatch(/in 6 sources match claims\//);
  });

  const review = (pairs: readonly (readonly [string, string])[]) =>
    [
      '',
      '# Reviewed: the new article reports an earlier count.',
      'review:',
      '  confirmed: corroborated  # against the DOJ complaint',
      '  updates:',
      ...pairs.map(([a, b]) => `    - [${a}, ${b}]`),
      '  note: "an update, not a dispute"',
      '',
    ].join('\n');
  let block = '';

  it('should corroborate the claim again once a reviewer marks the conflicts as updates', async () => {
    const { name, entry } = ledger(dir).find(({ entry }) => entry.verdict === 'disputed')!;
    block = review(entry.conflicts.map((conflict) => conflict.between));
    appendFileSync(path.join(dir, 'claims', name), block);
    const { code, stdout } = await claimcheck(dir, 'check', '--format', 'json');
    expect(code).toBe(1);
    const check = JSON.parse(stdout) as CheckReport;
    expect(check.ok).toBe(false);
    expect(check.changes).toHaveLength(1);
    expect(check.changes[0]).toMatchObject({
      kind: 'verdict',
      previous: 'disputed',
      verdict: 'corroborated',
      place: { file: 'sources/two-meetings.md', line, column: 1 },
    });
    expect(check.changes[0]!.reason).toMatch(/no conflict left \(4 conflicts marked an update by the reviewer\)/);
  });

  it('should keep the review block verbatim through --update, and then match', async () => {
    expect((await claimcheck(dir, 'check', '--update')).code).toBe(0);
    const reviewed = ledger(dir).filter(({ text }) => /^review:/m.test(text));
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]!.entry.verdict).toBe('corroborated');
    // Comment lines right above `review:` travel with it; the blank line does not.
    expect(reviewed[0]!.text.endsWith(block.replace(/^\n/, ''))).toBe(true);
    expect((await claimcheck(dir, 'check')).code).toBe(0);
  });
});

describe('reviewer decisions and bad input', () => {
  it('should split a cluster whose mentions a reviewer marks as separate, and keep the decision', async () => {
    const dir = workspace();
    const target = ledger(dir)
      .filter(({ entry }) => entry.mentions.length >= 3)
      .sort((a, b) => b.entry.mentions.length - a.entry.mentions.length || (a.name < b.name ? -1 : 1))[0]!;
    const [first, second] = target.entry.mentions.map((mention) => mention.key);
    const block = `review:\n  separate:\n    - [${first}, ${second}]\n`;
    appendFileSync(path.join(dir, 'claims', target.name), block);

    const checked = await claimcheck(dir, 'check', '--format', 'json');
    expect(checked.code).toBe(1);
    expect((JSON.parse(checked.stdout) as CheckReport).changes.length).toBeGreaterThan(0);

    expect((await claimcheck(dir, 'check', '--update')).code).toBe(0);
    const after = ledger(dir);
    const together = after.filter(({ entry }) => entry.mentions.some((m) => m.key === first) && entry.mentions.some((m) => m.key === second));
    expect(together).toEqual([]);
    expect(after.filter(({ text }) => text.endsWith(block))).toHaveLength(1);
    expect((await claimcheck(dir, 'check')).code).toBe(0);
  });

  it('should name an invalid source, still check the others, and not record it', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'sources', 'zz-no-outlet.md'), '---\ntitle: No outlet here\n---\n\nThe committee said 14 members voted on Friday.\n');
    const { code, stdout } = await claimcheck(dir, 'check');
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe('sources/zz-no-outlet.md:2:1: error: missing `outlet` in front matter: name the outlet that published the article (missing-outlet)');
    expect(stdout).toMatch(/^claimcheck: \d+ claims in 5 sources match claims\/; 1 file with errors$/m);

    const before = ledger(dir);
    const updated = await claimcheck(dir, 'check', '--update');
    expect(updated.code).toBe(1);
    expect(ledger(dir)).toEqual(before);

    const github = await claimcheck(dir, 'check', '--format', 'github');
    expect(github.stdout.split('\n')[0]).toBe(
      '::error file=sources/zz-no-outlet.md,line=2,col=1,title=claimcheck [missing-outlet]::missing `outlet` in front matter: name the outlet that published the article',
    );
  });

  it('should report a malformed ledger file at file:line:column, exit 1 and refuse to update', async () => {
    const dir = workspace();
    const broken = path.join(dir, 'claims', 'broken.yml');
    writeFileSync(broken, 'id: broken\nverdict: unique\nmentions:\n  - key: [oops\n');
    const { code, stdout, stderr } = await claimcheck(dir, 'check');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^claims\/broken\.yml:5:1: error: not valid YAML: .+ \(ledger-yaml\)$/m);
    expect(stdout).toMatch(/^claimcheck: fix the ledger files above first; nothing was compared; 1 file with errors$/m);
    expect(stdout + stderr).not.toMatch(/\n\s+at /);

    const before = ledger(dir).filter(({ name }) => name !== 'broken.yml');
    const updated = await claimcheck(dir, 'check', '--update');
    expect(updated.code).toBe(1);
    expect(readFileSync(broken, 'utf8')).toBe('id: broken\nverdict: unique\nmentions:\n  - key: [oops\n');
    expect(ledger(dir).filter(({ name }) => name !== 'broken.yml')).toEqual(before);
  });

  it('should not record an empty corpus when a path is mistyped', async () => {
    const dir = workspace();
    const before = ledger(dir);
    const { code, stdout, stderr } = await claimcheck(dir, 'check', '--update', 'sourcse');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^sourcse:1:1: error: no such file or folder \(not-found\)$/m);
    expect(stderr).toContain('claims/ was not changed');
    expect(ledger(dir)).toEqual(before);
  });

  it('should report the claims of a removed source as changed or gone', async () => {
    const dir = workspace();
    unlinkSync(path.join(dir, 'sources', 'pj-media-zoom-executive-spied-on-dissidents.md'));
    const { code, stdout } = await claimcheck(dir, 'check', '--format', 'json');
    expect(code).toBe(1);
    const check = JSON.parse(stdout) as CheckReport;
    expect(check.summary.gone).toBeGreaterThan(0);
    const gone = check.changes.find((change) => change.kind === 'gone')!;
    expect(gone).toMatchObject({ status: 'gone', verdict: null, place: { line: 1, column: 1 } });
    expect(gone.place.file).toMatch(/^claims\/\w+\.yml$/);
    expect(check.changes.some((change) => change.kind === 'verdict' || change.kind === 'mentions')).toBe(true);
  });
});
