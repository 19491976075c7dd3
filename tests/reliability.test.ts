// Bad input gets a clear `file:line:column: message`, never a stack trace, and
// the good sources are still processed (issue: reliability).
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { captureIo, runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const root = path.join(import.meta.dirname, '..');
const fixtures = path.join(root, 'tests', 'fixtures', 'load');
let corpus: string;

const EXPECTED_PROBLEMS = [
  'binary.md:5:1: error: binary file: not a Markdown source (found a NUL or control byte) (binary)',
  'reprint.md:1:1: error: duplicate of good.md: the same article text; counted once (duplicate)',
  'empty.md:1:1: error: empty file: expected front matter with `outlet:` and article text (empty)',
  'latin1.md:2:12: error: not UTF-8: invalid byte sequence (save the file as UTF-8) (encoding)',
  'loop:1:1: error: symlink loop: the link points back to itself (symlink-loop)',
  'missing-outlet.md:2:1: error: missing `outlet` in front matter: name the outlet that published the article (missing-outlet)',
  'no-front-matter.md:1:1: error: missing front matter: start the file with a `---` block that has at least `outlet:` (no-front-matter)',
  'only-front-matter.md:3:4: error: no article text after the front matter (no-body)',
  'bad-date.md:3:12: error: `published` is not a date: "2020-13-45" (expected YYYY-MM-DD, e.g. 2020-12-18) (invalid-date)',
  'yaml-error.md:3:17: error: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (yaml)',
].sort();

beforeAll(() => {
  corpus = tempFolder('claimcheck-bad-input-');
  for (const name of ['binary.md', 'empty.md', 'latin1.md', 'missing-outlet.md', 'no-front-matter.md', 'only-front-matter.md', 'bad-date.md', 'yaml-error.md', 'bom.md', 'crlf.md']) {
    copyFileSync(path.join(fixtures, name), path.join(corpus, name));
  }
  const good = '---\noutlet: Good Gazette\npublished: 2020-12-19\n---\n\nProsecutors said on Friday that at least four video meetings were terminated by the company.\n';
  writeFileSync(path.join(corpus, 'good.md'), good);
  // The same outlet's copy is a duplicate (another outlet's is syndication, kept).
  writeFileSync(path.join(corpus, 'reprint.md'), good.replace('published: 2020-12-19', 'published: 2020-12-20'));
  writeFileSync(path.join(corpus, 'other.md'), '---\noutlet: Other Observer\n---\n\nThe company terminated at least four video meetings, prosecutors said.\n');
  writeFileSync(path.join(corpus, 'notes.txt'), 'not a source, ignored in a folder');
  writeFileSync(path.join(corpus, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  mkdirSync(path.join(corpus, 'nested'));
  symlinkSync('..', path.join(corpus, 'nested', 'up'));
  symlinkSync('loop', path.join(corpus, 'loop'));
  // 5 MB on one line, without sentence punctuation.
  writeFileSync(path.join(corpus, 'one-line.md'), `---\noutlet: One Line\n---\n\n${'word and number 42 '.repeat(280_000)}\n`);
});

const problems = (stderr: string) =>
  stderr
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith('nested/up'))
    .sort();

describe('a folder full of bad input', () => {
  it('should name every bad file as file:line:column in report, and still report the good ones', async () => {
    const result = await runCli(['report', '.'], { cwd: corpus });
    expect(result.code).toBe(0);
    expect(problems(result.stderr)).toEqual(EXPECTED_PROBLEMS);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // good, other, bom, crlf and one-line load; the copy is counted once.
    expect(result.stdout).toMatch(/^5 sources, 5 outlets/);
    expect(result.stdout).toMatch(/1 corroborated/);
  });

  it('should export only the good sources, as JSON that validates', async () => {
    const result = await runCli(['export', '.'], { cwd: corpus });
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as { sources: { path: string }[]; diagnostics: unknown[] };
    expect(data.sources.map((source) => source.path).sort()).toEqual(['bom.md', 'crlf.md', 'good.md', 'one-line.md', 'other.md']);
    const schema = JSON.parse(readFileSync(path.join(root, 'schema', 'claimcheck-export.schema.json'), 'utf8'));
    const ajv = new Ajv2020.default({ strict: true });
    addFormats.default(ajv);
    expect(ajv.validate(schema, data)).toBe(true);
  });

  it('should report the symlink folder loop without hanging', async () => {
    const result = await runCli(['report', 'nested'], { cwd: corpus });
    expect(result.stderr).toContain('nested/up');
  });

  it('should not take the 5 MB one-line article for a claim', async () => {
    const result = await runCli(['export', 'one-line.md'], { cwd: corpus });
    const data = JSON.parse(result.stdout) as { claims: unknown[]; sources: { sentences: number }[] };
    expect(data.sources[0]!.sentences).toBe(1);
    expect(data.claims).toEqual([]);
  });

  it('should process thousands of tiny articles', async () => {
    const many = tempFolder('claimcheck-many-');
    for (let i = 0; i < 2000; i++) {
      writeFileSync(path.join(many, `a${i}.md`), `---\noutlet: Outlet ${i % 50}\n---\n\nCouncil ${i % 400} approved ${i % 7 + 2} new parks on Monday.\n`);
    }
    const result = await runCli(['export', '--format', 'jsonl', '.'], { cwd: many });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n').length).toBeGreaterThan(100);
  }, 120_000);
});

describe('nothing lost', () => {
  it('should never modify or delete a source file, whatever command runs', async () => {
    const folder = tempFolder('claimcheck-untouched-');
    cpSync(path.join(root, 'sources'), path.join(folder, 'sources'), { recursive: true });
    copyFileSync(path.join(root, 'tests/fixtures/synthetic/two-meetings.md'), path.join(folder, 'sources', 'two-meetings.md'));
    const snapshot = () =>
      Object.fromEntries(
        readdirSync(path.join(folder, 'sources'))
          .sort()
          .map((name) => [name, createHash('sha256').update(readFileSync(path.join(folder, 'sources', name))).digest('hex')]),
      );
    const before = snapshot();
    const commands = [
      ['report'],
      ['report', '--format', 'html', '--out', 'sources/../report.html'],
      ['export', '--format', 'csv', '--out', 'out.csv'],
      ['check'],
      ['check', '--update'],
      ['sentences', 'sources/two-meetings.md'],
      ['add', 'sources/two-meetings.md', '--outlet', 'Again', '--slug', 'two-meetings'],
      ['add', 'sources/two-meetings.md', '--outlet', 'Again', '--slug', '../escape'],
    ];
    for (const argv of commands) await runCli(argv, { cwd: folder });
    expect(snapshot()).toEqual(before);
    expect(readdirSync(folder).sort()).toEqual(['claims', 'out.csv', 'report.html', 'sources']);
  });
});

describe('unexpected errors', () => {
  const failingIo = (argv: string[]) => {
    const captured = captureIo({ cwd: root });
    const io = { ...captured.io, stdout: { write: () => { throw new Error('disk on fire'); } } };
    return run(argv, io).then((code) => ({ code, stderr: captured.stderr() }));
  };

  it('should say what failed in one line, without a stack trace', async () => {
    const result = await failingIo(['export', '--format', 'jsonl']);
    expect(result.code).toBe(2);
    // The run names the ledger it applied before it fails; the failure itself is one line and a hint.
    const failure = result.stderr.split('\n').filter((line) => !line.startsWith('claimcheck: ledger ')).join('\n');
    expect(failure).toBe('claimcheck: unexpected error: disk on fire\nRun again with --debug to see the stack trace, and please report it.\n');
  });

  it('should show the stack trace with --debug', async () => {
    const result = await failingIo(['--debug', 'export', '--format', 'jsonl']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unexpected error: disk on fire\nError: disk on fire\n\s+at /);
  });
});
