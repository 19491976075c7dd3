import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const root = path.join(import.meta.dirname, '..');
const cli = (argv: string[], options: Partial<Parameters<typeof runCli>[1]> = {}) => runCli(argv, { cwd: root, ...options });

describe('claimcheck --help', () => {
  it.each([[[]], [['report']], [['export']], [['add']], [['sentences']], [['check']]])('should match the golden help of %j', async (command) => {
    const result = await cli([...command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: claimcheck ${command[0] ?? '\\[options\\]'} `));
    const name = command.length === 0 ? 'claimcheck' : command[0];
    await expect(result.stdout).toMatchFileSnapshot(`fixtures/help/${name}.txt`);
  });

  it('should print the version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect((await cli(['--version'])).stdout.trim()).toBe(version);
  });
});

describe('claimcheck report', () => {
  it('should report the seed corpus and exit 0', async () => {
    const result = await cli(['report']);
    expect(result.code).toBe(0);
    // Only which ledger was applied (the sources' own claims/).
    expect(result.stderr).toMatch(/^claimcheck: ledger claims\/ applied \(\d+ claims, \d+ with a review\)\n$/);
    expect(result.stdout).toMatch(/^5 sources, 5 outlets, \d+ claims: 0 disputed, \d+ corroborated, \d+ unique/);
  });

  it('should colour on a TTY, and never with NO_COLOR', async () => {
    expect((await cli(['report', '--verdict', 'corroborated'], { tty: true, columns: 100 })).stdout).toMatch(/\u001b\[/);
    expect((await cli(['report', '--verdict', 'corroborated'], { tty: true, columns: 100, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await cli(['report', '--verdict', 'corroborated'])).stdout).not.toMatch(/\u001b\[/);
  });

  it('should filter by verdict, outlet and number of outlets', async () => {
    const result = await cli(['export', '--verdict', 'corroborated', '--outlet', 'bitter winter', '--min-outlets', '3']);
    const data = JSON.parse(result.stdout) as { claims: { verdict: string; outlets: string[] }[] };
    expect(data.claims.length).toBeGreaterThan(0);
    for (const claim of data.claims) {
      expect(claim.verdict).toBe('corroborated');
      expect(claim.outlets).toContain('Bitter Winter');
      expect(claim.outlets.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('should write --out atomically and leave no temporary file', async () => {
    const folder = tempFolder('claimcheck-out-');
    const out = path.join(folder, 'nested', 'report.md');
    const result = await cli(['report', '--format', 'markdown', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^claimcheck: ledger claims/ applied \\(.*\\)\nwrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n$`));
    expect(readFileSync(out, 'utf8')).toMatch(/^# claimcheck report/);
    expect(readdirSync(path.dirname(out))).toEqual(['report.md']);
  });

  it('should link an HTML report written elsewhere to the sources relative to itself', async () => {
    const folder = tempFolder('claimcheck-html-');
    const out = path.join(folder, 'site', 'report.html');
    expect((await cli(['report', '--format', 'html', '--out', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const expected = path.relative(path.dirname(out), path.join(root, 'sources', 'pj-media-zoom-executive-spied-on-dissidents.md'));
    expect(html).toContain(`href="${expected.split('/').map(encodeURIComponent).join('/')}#L`);
  });

  it('should report bad sources as file:line:column and still report the good ones', async () => {
    const folder = tempFolder('claimcheck-bad-');
    writeFileSync(path.join(folder, 'good.md'), '---\noutlet: Good\n---\n\nThe council approved the budget on Monday.\n');
    writeFileSync(path.join(folder, 'bad.md'), '---\ntitle: no outlet\n---\n\nText.\n');
    const result = await cli(['report', '.'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'bad.md:2:1: error: missing `outlet` in front matter: name the outlet that published the article (missing-outlet)\n',
    );
    expect(result.stdout).toMatch(/^1 source, 1 outlet/);
  });

  it.each([
    [['report', '--format', 'pdf'], /argument 'pdf' is invalid/],
    [['report', '--verdict', 'maybe'], /expected disputed, corroborated or unique/],
    [['report', '--min-outlets', '0'], /expected a whole number of at least 1/],
    [['export', '--frobnicate'], /unknown option '--frobnicate'/],
    [['reprot'], /unknown command 'reprot'[\s\S]*Did you mean report\?/],
  ])('should exit 2 on the usage error %j', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('should exit 1 with a clear message when there are no sources', async () => {
    const result = await cli(['report', 'no-such-folder']);
    expect(result.code).toBe(1);
    expect(result.stderr.replace(/^claimcheck: ledger .*\n/, '')).toBe('no-such-folder:1:1: error: no such file or folder (not-found)\nno sources to read in no-such-folder\n');
  });
});

describe('reviewer decisions', () => {
  it('should be honoured by export as well as check', async () => {
    const folder = tempFolder('claimcheck-review-');
    cpSync(path.join(root, 'sources'), path.join(folder, 'sources'), { recursive: true });
    copyFileSync(path.join(root, 'tests/fixtures/synthetic/two-meetings.md'), path.join(folder, 'sources', 'two-meetings.md'));
    expect((await cli(['check', '--update'], { cwd: folder })).code).toBe(0);
    const disputed = () =>
      cli(['export', '--verdict', 'disputed'], { cwd: folder }).then((result) => (JSON.parse(result.stdout) as { claims: { id: string; conflicts: unknown[] }[] }).claims);
    const [claim] = await disputed();
    expect(claim).toBeDefined();
    // The reviewer marks every conflict of the claim as an update, not a dispute.
    const file = path.join(folder, 'claims', `${claim!.id}.yml`);
    const entry = readFileSync(file, 'utf8');
    const pairs = [...entry.matchAll(/- between: (\[[^\]]+\])/g)].map((match) => `    - ${match[1]}`);
    writeFileSync(file, `${entry}review:\n  updates:\n${pairs.join('\n')}\n  note: later counts\n`);
    expect(await disputed()).toEqual([]);
    // The suppressed conflicts are shown as updates, not dropped silently, in the people's formats.
    for (const format of ['text', 'markdown']) {
      const report = await cli(['report', '--format', format, '--all'], { cwd: folder });
      expect(report.stdout).toMatch(/update\**:? \(a reviewer's updates:\)/);
    }
  });

  it("should show a reviewer's confirmed verdict and note in every report format and the export", async () => {
    const folder = tempFolder('claimcheck-confirmed-');
    cpSync(path.join(root, 'sources'), path.join(folder, 'sources'), { recursive: true });
    expect((await cli(['check', '--update'], { cwd: folder })).code).toBe(0);
    const [claim] = (JSON.parse((await cli(['export', '--verdict', 'corroborated'], { cwd: folder })).stdout) as { claims: { id: string }[] }).claims;
    const file = path.join(folder, 'claims', `${claim!.id}.yml`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}review:\n  confirmed: corroborated\n  note: "Checked against the court filing."\n`);
    for (const format of ['text', 'markdown', 'html']) {
      const report = await cli(['report', '--format', format], { cwd: folder });
      expect(report.stdout).toMatch(/[Rr]eviewed:?(<\/strong>|\*\*)?:? confirmed corroborated/);
      expect(report.stdout).toContain('Checked against the court filing.');
    }
    const exported = JSON.parse((await cli(['export'], { cwd: folder })).stdout) as { claims: { id: string; review?: unknown }[] };
    expect(exported.claims.find((c) => c.id === claim!.id)?.review).toEqual({ confirmed: 'corroborated', note: 'Checked against the court filing.' });
  });
});

describe('claimcheck sentences', () => {
  it('should split stdin as plain text', async () => {
    const result = await cli(['sentences'], { stdin: 'Mr. Smith left at 5 p.m. He was late.\n\nA new paragraph.' });
    expect(result.stdout).toBe('Mr. Smith left at 5 p.m.\nHe was late.\nA new paragraph.\n');
  });

  it('should give offsets that slice the file back to each sentence', async () => {
    const file = 'sources/pj-media-zoom-executive-spied-on-dissidents.md';
    const result = await cli(['sentences', file, '--format', 'json']);
    const text = readFileSync(path.join(root, file), 'utf8');
    const sentences = JSON.parse(result.stdout) as { text: string; line: number; column: number; start: number; end: number }[];
    expect(sentences.length).toBeGreaterThan(30);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});

describe('the real bin', () => {
  it('should run `claimcheck export` end to end as a child process', async () => {
    if (!existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'bin', 'claimcheck.js'), 'export', '--format', 'jsonl'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { verdict: string });
    expect(lines.some((claim) => claim.verdict === 'corroborated')).toBe(true);
  });
});
