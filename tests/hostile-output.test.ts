// Hostile input reaching the output (issue 16): sources and ledger files from an
// outsider's pull request must not forge CI commands, terminal escapes,
// spreadsheet formulas or Markdown rows, and --out must never clobber an input
// or turn a FIFO or symlink into a regular file.

import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeLine, safeName, safeText } from '../src/render/sanitize.js';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'claimcheck.js');

/** Front matter lines, then one sentence. */
const source = (frontMatter: string, sentence: string) => `---\n${frontMatter}\n---\n\n${sentence}\n`;

/** A corpus where every outlet, title and key is an attack, and the two sentences dispute a figure. */
function hostileCorpus(): string {
  const folder = tempFolder('claimcheck-hostile-');
  mkdirSync(path.join(folder, 'sources'));
  writeFileSync(
    path.join(folder, 'sources', 'evil.md'),
    source(
      [
        'outlet: "Evil\\e[31mRED\\e[0m\\e]0;pwned\\a"',
        'title: "Budget|vote\\n|---|---|\\n| forged | row |"',
        '"x\\n::error file=evil.md::INJECTED\\n::stop-commands::abc": 1',
      ].join('\n'),
      'The harbour board approved a dredging budget of 4 million euros on Tuesday.',
    ),
  );
  writeFileSync(
    path.join(folder, 'sources', 'spoof.md'),
    source('outlet: "Daily\\u202eSwen\\u200b"', 'The harbour board approved a dredging budget of 9 million euros on Tuesday.'),
  );
  writeFileSync(
    path.join(folder, 'sources', 'formula.md'),
    source('outlet: "=HYPERLINK(\\"http://x.test\\",\\"click\\")"', '@SUM(1+1) the mayor opened the new ferry terminal on Friday.'),
  );
  writeFileSync(
    path.join(folder, 'sources', 'pipes.md'),
    source('outlet: "Pipe | Post\\n\\n| a | b |\\n|---|---|\\n| forged | row |"', 'The pier | the old one | was closed for repairs on Monday.'),
  );
  return folder;
}

/** Every line of the output, stdout and stderr. */
const linesOf = (result: { stdout: string; stderr: string }) => `${result.stdout}\n${result.stderr}`.split(/\r\n|\r|\n/);

/** A workflow command claimcheck made: properties escaped (no raw `:`), then its message. */
const OWN_COMMAND = /^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,title=claimcheck \[[a-z-]+\]::/;

describe('the sanitizer', () => {
  it.each([
    ['an escape sequence in prose', safeText('a\u001b[2Jb'), 'a<U+001B>[2Jb'],
    ['a bell and a C1 CSI', safeText('x\u0007y\u009bz'), 'x<U+0007>y<U+009B>z'],
    ['tabs and line feeds kept in prose', safeText('one\ttwo\nthree'), 'one\ttwo\nthree'],
    ['a bidi override in prose', safeText('abc\u202edef'), 'abc<U+202E>def'],
    ['line breaks joined in one line', safeLine('first\r\n  ::error x\rlast'), 'first ::error x last'],
    ['a newline in a name', safeName('a\n::warning b'), 'a<U+000A>::warning b'],
    ['a zero-width space in a name', safeName('Daily\u200bNews'), 'Daily<U+200B>News'],
    ['a plain name unchanged', safeName('The Epoch Times'), 'The Epoch Times'],
  ])('should show %s visibly', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('hostile sources in the output', () => {
  let folder: string;
  beforeAll(() => {
    folder = hostileCorpus();
  });

  it.each([
    [['check', '--format', 'github']],
    [['check']],
    [['report']],
    [['report', '--format', 'markdown']],
  ])('should forge no workflow command and print no control character with %j', async (argv) => {
    const result = await runCli([...argv, '--no-cache'], { cwd: folder });
    for (const line of linesOf(result)) {
      if (line.trimStart().startsWith('::')) expect(line).toMatch(OWN_COMMAND);
      expect(line).not.toMatch(/##\[/);
      expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    expect(result.stdout + result.stderr).toMatch(/Evil\\?<U\+001B>/);
  });

  it('should show a bidi override and a zero-width space in an outlet name', async () => {
    const result = await runCli(['report', '--no-cache'], { cwd: folder });
    expect(result.stdout).toContain('Daily<U+202E>Swen<U+200B>');
  });

  it('should keep the annotation message whole, with the toolkit escapes', async () => {
    const result = await runCli(['check', '--format', 'github', '--no-cache'], { cwd: folder });
    const annotation = result.stdout.split('\n').find((line) => line.includes('unknown-field'))!;
    expect(annotation).toContain('x%0A::error file=evil.md::INJECTED%0A::stop-commands::abc');
  });

  it('should forge no workflow command from an unknown key in a ledger file', async () => {
    const copy = tempFolder('claimcheck-hostile-ledger-');
    cpSync(folder, copy, { recursive: true });
    expect((await runCli(['check', '--update', '--no-cache'], { cwd: copy })).code).toBe(0);
    const [entry] = readdirSync(path.join(copy, 'claims')).filter((name) => name.endsWith('.yml'));
    const file = path.join(copy, 'claims', entry!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}"k\\n::warning file=x::LEDGER\\e[2J": 1\n`);
    const result = await runCli(['check', '--format', 'github', '--no-cache'], { cwd: copy });
    expect(result.stdout + result.stderr).toMatch(/LEDGER/);
    for (const line of linesOf(result)) {
      if (line.trimStart().startsWith('::')) expect(line).toMatch(OWN_COMMAND);
      expect(line).not.toMatch(/\u001b/);
    }
  });

  it('should forge no workflow command from a file name with a newline', async () => {
    const named = tempFolder('claimcheck-hostile-name-');
    mkdirSync(path.join(named, 'sources'));
    writeFileSync(path.join(named, 'sources', 'a\n::warning file=x::NAMED.md'), source('outlet: One', 'The ferry carried 300 passengers on Sunday.'));
    writeFileSync(path.join(named, 'sources', 'b\n  ::warning::INDENTED.md'), source('outlet: Two', 'The ferry carried 500 passengers on Sunday.'));
    for (const format of ['github', 'text']) {
      const result = await runCli(['check', '--format', format, '--no-cache'], { cwd: named });
      expect(result.stdout).toMatch(/NAMED/);
      for (const line of linesOf(result)) if (line.trimStart().startsWith('::')) expect(line).toMatch(OWN_COMMAND);
    }
  });

  it('should reject a source with an escape sequence after the first 64 KB as binary', async () => {
    const big = tempFolder('claimcheck-hostile-big-');
    mkdirSync(path.join(big, 'sources'));
    const filler = 'The committee met again to discuss the harbour plans in detail. '.repeat(1200);
    writeFileSync(path.join(big, 'sources', 'big.md'), source('outlet: Big', `${filler}\n\nThen \u001b[2J it ended.`));
    const result = await runCli(['check', '--no-cache'], { cwd: big });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/big\.md:\d+:\d+: error: binary file/);
    expect(result.stdout + result.stderr).not.toMatch(/\u001b/);
  });

  it.each([['json'], ['jsonl'], ['claimreview']])('should escape bidi and C1 characters in %s and keep the data', async (format) => {
    const result = await runCli(['export', '--format', format, '--no-cache'], { cwd: folder });
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(result.stdout).toContain('Daily\\u202eSwen');
    const texts = format === 'jsonl' ? result.stdout.trim().split('\n') : [result.stdout];
    const parsed = texts.map((text) => JSON.stringify(JSON.parse(text))).join('\n');
    expect(parsed).toContain('Daily\u202eSwen\u200b');
  });

  it('should write CSV cells that start like a formula as text', async () => {
    const result = await runCli(['export', '--format', 'csv', '--no-cache'], { cwd: folder });
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.outlet!.includes('HYPERLINK'))!;
    expect(row.outlet!.startsWith("'=")).toBe(true);
    expect(row.text!.startsWith("'@")).toBe(true);
    for (const cell of rows.flatMap((r) => Object.values(r))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('should not let an outlet or title forge Markdown table rows', async () => {
    const result = await runCli(['report', '--format', 'markdown', '--no-cache'], { cwd: folder });
    for (const line of result.stdout.split('\n')) expect(line).not.toMatch(/^\s*\|/);
    expect(result.stdout).not.toMatch(/(^|[^\\])\|/);
  });

  it('should show control characters echoed by add --verbose', async () => {
    const result = await runCli(['add', '--outlet', 'Verbose', '--dry-run', '--verbose'], {
      cwd: folder,
      stdin: 'Skip to content\u001b]0;pwned\u0007\n\nThe harbour board met on Tuesday and approved the plan for the new quay.\n',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('removed (navigation menu): Skip to content<U+001B>]0;pwned<U+0007>');
    expect(result.stderr).not.toMatch(/[\u0007\u001b]/);
  });
});

describe('--out onto an input', () => {
  it.each([
    ['a source file', 'sources/evil.md'],
    ['a source file by another spelling', './sources/../sources/evil.md'],
    ['a ledger file', 'claims/LEDGER'],
    ['a new YAML file in the ledger', 'claims/0123456789ab.yml'],
  ])('should refuse %s and leave it alone', async (_, out) => {
    const folder = hostileCorpus();
    expect((await runCli(['check', '--update', '--no-cache'], { cwd: folder })).code).toBe(0);
    const target = out.replace('LEDGER', readdirSync(path.join(folder, 'claims')).find((name) => name.endsWith('.yml'))!);
    const read = () => (existsSync(path.join(folder, target)) ? readFileSync(path.join(folder, target), 'utf8') : undefined);
    const before = read();
    for (const argv of [['report', '--format', 'markdown'], ['export']]) {
      const result = await runCli([...argv, '--no-cache', '--out', target], { cwd: folder });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is one of the inputs/);
      expect(read()).toBe(before);
    }
  });

  it('should refuse a symlink to a source file', async () => {
    const folder = hostileCorpus();
    symlinkSync(path.join(folder, 'sources', 'spoof.md'), path.join(folder, 'link.md'));
    const result = await runCli(['export', '--no-cache', '--out', 'link.md'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(readFileSync(path.join(folder, 'sources', 'spoof.md'), 'utf8')).toMatch(/^---\noutlet/);
  });
});

describe('--out onto what is not a regular file', () => {
  it('should write through a symlink and keep it a symlink', async () => {
    const folder = hostileCorpus();
    mkdirSync(path.join(folder, 'site'));
    writeFileSync(path.join(folder, 'site', 'real.json'), 'old');
    symlinkSync('site/real.json', path.join(folder, 'out.json'));
    const result = await runCli(['export', '--no-cache', '--out', 'out.json'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(lstatSync(path.join(folder, 'out.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(folder, 'out.json'))).toBe('site/real.json');
    expect(JSON.parse(readFileSync(path.join(folder, 'site', 'real.json'), 'utf8'))).toHaveProperty('schemaVersion', 1);
  });

  it('should write through a FIFO and keep it a FIFO', async () => {
    const folder = hostileCorpus();
    const fifo = path.join(folder, 'out.fifo');
    await promisify(execFile)('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const result = await runCli(['export', '--format', 'jsonl', '--no-cache', '--out', fifo], { cwd: folder });
    await closed;
    expect(result.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(read.trim().split('\n').length).toBeGreaterThan(0);
    expect(JSON.parse(read.split('\n')[0]!)).toHaveProperty('verdict');
  });
});

describe('a folder that cannot be written', () => {
  it.each([
    ['--out', ['export', '--no-cache', '--out', 'blocker/out.json']],
    ['the ledger', ['check', '--update', '--no-cache', '--ledger', 'blocker/claims']],
  ])('should name the path it could not write for %s and exit 2', async (_, argv) => {
    const folder = hostileCorpus();
    writeFileSync(path.join(folder, 'blocker'), 'a file, not a folder');
    const result = await runCli(argv, { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/blocker\/\S*: cannot write: a folder in the path is a file/);
    expect(result.stderr).not.toMatch(/unexpected error|please report/);
  });
});

describe('a full disk or a read-only folder', () => {
  it.skipIf(!existsSync('/dev/full'))('should say --out could not be written on a full device, and keep the device', async () => {
    const result = await runCli(['export', '--no-cache', '--out', '/dev/full'], { cwd: hostileCorpus() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^\/dev\/full: cannot write: no space left on the device$/m);
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  // chmod does not stop root.
  it.skipIf(process.getuid?.() === 0).each([
    ['--out', ['export', '--no-cache', '--out', 'locked/out.json'], 'locked'],
    ['the ledger', ['check', '--update', '--no-cache', '--ledger', 'locked/claims'], 'locked'],
  ])('should name the read-only folder for %s and exit 2', async (_, argv) => {
    const folder = hostileCorpus();
    mkdirSync(path.join(folder, 'locked'), { mode: 0o555 });
    const result = await runCli(argv, { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/locked\/\S*: cannot write: permission denied/);
  });
});

describe('a cache that cannot be written', () => {
  it.each([[['check']], [['check', '--update']], [['report']], [['export']]])('should still run %j without it', async (argv) => {
    const folder = hostileCorpus();
    writeFileSync(path.join(folder, '.claimcheck-cache'), 'a file, not a folder');
    const result = await runCli(argv, { cwd: folder });
    expect(result.code).toBeLessThan(2);
    expect(result.stderr).not.toMatch(/unexpected error|please report/);
  });
});

describe('usage', () => {
  it.each([
    [['export', '--format', 'csv', '--format', 'json']],
    [['report', '-f', 'text', '--format', 'markdown']],
    [['check', '--format', 'github', '-f', 'text']],
  ])('should refuse a repeated --format in %j', async (argv) => {
    const result = await runCli([...argv, '--no-cache'], { cwd: hostileCorpus() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format.*more than once/);
    expect(result.stdout).toBe('');
  });

  it.each([
    [{ TERM: 'dumb' }, false],
    [{ TERM: 'xterm-256color' }, true],
    [{ TERM: 'xterm-256color', NO_COLOR: '1' }, false],
    [{ TERM: 'dumb', FORCE_COLOR: '1' }, true],
    [{ TERM: 'xterm-256color', FORCE_COLOR: '0' }, false],
  ])('should colour a terminal with %j: %s', async (env, coloured) => {
    const result = await runCli(['report', '--no-cache'], { cwd: hostileCorpus(), env, tty: true, columns: 100 });
    expect(/\u001b\[/.test(result.stdout)).toBe(coloured);
  });

  it('should remove temporary files a killed run left beside the --out target', async () => {
    const folder = hostileCorpus();
    const old = Date.now() / 1000 - 2 * 3600;
    const dead = path.join(folder, '.out.json.999999999.0a1b2c3d4e5f.tmp');
    const stale = path.join(folder, `.out.json.${process.pid}.aaaaaaaaaaaa.tmp`);
    const fresh = path.join(folder, `.out.json.${process.pid}.bbbbbbbbbbbb.tmp`);
    const other = path.join(folder, '.other.json.999999999.cccccccccccc.tmp');
    for (const file of [dead, stale, fresh, other]) writeFileSync(file, 'partial');
    utimesSync(stale, old, old);
    const result = await runCli(['export', '--no-cache', '--out', 'out.json'], { cwd: folder });
    expect(result.code).toBe(0);
    expect([dead, stale, fresh, other].map((file) => existsSync(file))).toEqual([false, false, true, true]);
  });
});

describe('the real bin and its stdout', () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });
  const shell = (script: string, cwd: string) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = spawn('bash', ['-o', 'pipefail', '-c', script], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
    });
  let folder: string;
  beforeAll(() => {
    // Enough sources that every format is longer than what the reader takes.
    folder = tempFolder('claimcheck-pipe-');
    cpSync(path.join(root, 'sources'), path.join(folder, 'sources'), { recursive: true });
  });

  it.each([
    ['export', 'json'],
    ['export', 'jsonl'],
    ['export', 'csv'],
    ['export', 'claimreview'],
    ['report', 'html'],
    ['report', 'text'],
    ['report', 'markdown'],
  ])('should end quietly with exit 0 when the reader of %s --format %s stops early', async (command, format) => {
    const result = await shell(`"${process.execPath}" "${bin}" ${command} --format ${format} | head -c 100 >/dev/null`, folder);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.skipIf(!existsSync('/dev/full'))('should exit 2 with a message when stdout is a full device', async () => {
    const result = await shell(`"${process.execPath}" "${bin}" export --format json > /dev/full`, folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('claimcheck: stdout: cannot write: no space left on the device\n');
  });

  it('should exit 2 with a message when stdout is closed', async () => {
    const result = await shell(`"${process.execPath}" "${bin}" export --format jsonl >&-`, folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/stdout.*closed/);
  });
});

describe('claimcheck sentences on hostile text', () => {
  it.each([
    ['text', []],
    ['json', ['--format', 'json']],
  ])('should print no terminal escape and no workflow command as %s', async (_, flags) => {
    // C0 escapes make the input binary (refused); C1 controls, bidi overrides and a command line get through the reader.
    const hostile = 'Plain start.\n::error file=evil.md::INJECTED\nThen \u009b2Jmore\u202e text.\n';
    const result = await runCli(['sentences', ...flags], { cwd: tempFolder('sentences-hostile'), stdin: hostile });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect(result.stdout.split('\n').some((line) => line.startsWith('::'))).toBe(false);
  });
});
