import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCommand } from '../../src/commands/add.js';
import type { CommandContext } from '../../src/commands/context.js';

let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'claimcheck-add-'));
});

afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

const seed = (name: string) => new URL(`../fixtures/import/seeds/${name}`, import.meta.url);

async function runAdd(args: string[], stdin: Uint8Array | string = '') {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const context: CommandContext = {
    io: {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      readStdin: async () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin),
      cwd,
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
    },
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
    debug: () => false,
  };
  let error: unknown;
  try {
    await addCommand(context).parseAsync(args, { from: 'user' });
  } catch (caught) {
    error = caught;
  }
  return { stdout, stderr, exitCode, error };
}

const article = 'Zoom Executive Charged Over Meetings\n\nProsecutors said the executive terminated at least four meetings in May and June of this year.\n\nSign up to receive our latest news!\n';

describe('claimcheck add', () => {
  it('should import a seed file into sources/ and say what it did', async () => {
    copyFileSync(seed('003_73036bc6aa4322ab.txt'), path.join(cwd, 'epoch.txt'));
    const result = await runAdd(['epoch.txt', '--outlet', 'The Epoch Times', '--published', '2020-12-18', '--author', 'Cathy He', '--author', 'Eva Fu']);
    expect(result.error).toBeUndefined();
    expect(result.exitCode).toBe(0);
    const slug = '2020-12-18-the-epoch-times-china-based-zoom-executive-charged-with-disrupting';
    expect(result.stderr).toBe(`added sources/${slug}.md (26 paragraphs, 6 boilerplate blocks removed)\n`);
    expect(readdirSync(path.join(cwd, 'sources'))).toEqual([`${slug}.md`]);
    const written = readFileSync(path.join(cwd, 'sources', `${slug}.md`), 'utf8');
    expect(written).toMatch(/^---\noutlet: The Epoch Times\ntitle: China-Based Zoom Executive Charged With Disrupting Meetings About Tiananmen Square Massacre\npublished: 2020-12-18\nauthor: \[Cathy He, Eva Fu\]\n---\n\nU\.S\. prosecutors have charged/);
    expect(written).not.toContain('Cathy He is an editor');
  });

  it('should read stdin when there is no file or the file is -', async () => {
    for (const args of [[], ['-']]) {
      rmSync(path.join(cwd, 'sources'), { recursive: true, force: true });
      const result = await runAdd([...args, '--outlet', 'Example'], article);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('added sources/example-zoom-executive-charged-over-meetings.md (1 paragraph, 2 boilerplate blocks removed)\n');
    }
  });

  it('should print the Markdown and write nothing with --dry-run', async () => {
    const result = await runAdd(['--outlet', 'Example', '--dry-run'], article);
    expect(result.stdout).toBe(
      '---\noutlet: Example\ntitle: Zoom Executive Charged Over Meetings\n---\n\nProsecutors said the executive terminated at least four meetings in May and June of this year.\n',
    );
    expect(result.stderr).toContain('would add sources/example-zoom-executive-charged-over-meetings.md');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('should list each removed block with its reason with --verbose', async () => {
    const result = await runAdd(['--outlet', 'Example', '--dry-run', '--verbose'], article);
    expect(result.stderr).toContain('  removed (headline (moved to title)): Zoom Executive Charged Over Meetings\n');
    expect(result.stderr).toContain('  removed (sign-up form): Sign up to receive our latest news!\n');
  });

  it('should use --sources, --slug and --title', async () => {
    const result = await runAdd(['--outlet', 'Example', '--sources', 'corpus', '--slug', 'my-article', '--title', 'Own Title'], article);
    expect(result.stderr).toContain('added corpus/my-article.md');
    expect(readFileSync(path.join(cwd, 'corpus', 'my-article.md'), 'utf8')).toContain('title: Own Title\n');
  });

  it('should refuse to overwrite without --force and overwrite with it', async () => {
    await runAdd(['--outlet', 'Example', '--slug', 'a'], article);
    const again = await runAdd(['--outlet', 'Example', '--slug', 'a'], article.replace('four', 'five'));
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/a\.md: already exists \(use --force to overwrite it\)/);
    expect(readFileSync(path.join(cwd, 'sources', 'a.md'), 'utf8')).toContain('four');
    const forced = await runAdd(['--outlet', 'Example', '--slug', 'a', '--force'], article.replace('four', 'five'));
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(path.join(cwd, 'sources', 'a.md'), 'utf8')).toContain('five');
  });

  it.each([
    ['a non-UTF-8 file', Uint8Array.from([0x48, 0x69, 0x20, 0xe9, 0x74, 0xe9, 0x0a]), /bad\.txt: is not UTF-8 text/],
    ['a binary file', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]), /bad\.txt: looks binary/],
    ['an empty file', new Uint8Array(), /bad\.txt: is empty/],
  ])('should refuse %s with exit code 1, naming it', async (_, bytes, message) => {
    writeFileSync(path.join(cwd, 'bad.txt'), bytes);
    const result = await runAdd(['bad.txt', '--outlet', 'Example']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(cwd)).toEqual(['bad.txt']);
  });

  it('should refuse a missing file with exit code 1', async () => {
    const result = await runAdd(['missing.txt', '--outlet', 'Example']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('claimcheck add: missing.txt: cannot read: no such file\n');
  });

  it.each([['../../escape'], ['/etc/passwd'], ['a/../../b']])('should refuse the hostile slug %j with exit code 1', async (slug) => {
    const result = await runAdd(['--outlet', 'Example', '--slug', slug], article);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('invalid slug');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each([
    ['an invalid --published', ['--outlet', 'X', '--published', '2020-02-30'], 'commander.invalidArgument'],
    ['a missing --outlet', [], 'commander.missingMandatoryOptionValue'],
    ['an unknown --format', ['--outlet', 'X', '--format', 'pdf'], 'commander.invalidArgument'],
  ])('should reject %s as a usage error', async (_, args, code) => {
    const result = await runAdd(args, article);
    expect(result.error).toBeInstanceOf(CommanderError);
    expect((result.error as CommanderError).code).toBe(code);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('should show examples in its help', async () => {
    const result = await runAdd(['--help']);
    expect((result.error as CommanderError).code).toBe('commander.helpDisplayed');
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('--format <name>');
    expect(result.stdout).toContain('--dry-run');
  });
});
