// Input from an outsider's pull request (issue 16): a committed cache, symlinks out
// of the tree, look-alike outlet names, unchecked review blocks, YAML bombs, deep
// nesting and inputs that take quadratic time. Each is one file's diagnostic (or
// ignored), never a wrong verdict, a leak of a file outside the tree or a hang.
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { userCacheFolder } from '../src/engine/cache-home.js';
import { CACHE_FOLDER } from '../src/engine/store.js';
import { crossReference } from '../src/engine/run.js';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const article = (outlet: string, body: string) => `---\noutlet: ${outlet}\n---\n\n${body}\n`;
const CLAIM = 'The harbour authority said on Monday that 14 cargo ships were held at the northern pier.';

/** Every file under `folder`, recursively. */
function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

describe('a cache committed to the working tree (item 7)', () => {
  it.each([
    [{ XDG_CACHE_HOME: '/var/cache/me' }, '/home/me', '/var/cache/me/claimcheck'],
    [{ XDG_CACHE_HOME: 'relative/cache' }, '/home/me', '/home/me/.cache/claimcheck'],
    [{}, '/home/me', '/home/me/.cache/claimcheck'],
  ])('should put the default cache in the user cache folder (%j)', (env, home, expected) => {
    expect(userCacheFolder(env, home)).toBe(expected);
  });

  it('should never read a .claimcheck-cache/ from the repository, nor write one there', async () => {
    const folder = tempFolder('claimcheck-poison-');
    mkdirSync(path.join(folder, 'sources'));
    writeFileSync(path.join(folder, 'sources', 'a.md'), article('Alpha Daily', CLAIM));
    writeFileSync(path.join(folder, 'sources', 'b.md'), article('Beta Herald', 'Officials said 14 cargo ships were held at the northern pier on Monday.'));
    // What a pull request could commit: a cache whose entries name another outlet.
    await crossReference(['sources'], { cwd: folder, cache: '.claimcheck-cache' });
    const committed = path.join(folder, '.claimcheck-cache');
    for (const file of walk(committed).filter((name) => name.endsWith('.json'))) {
      writeFileSync(file, readFileSync(file, 'latin1').replaceAll('Alpha Daily', 'Forged Times'), 'latin1');
    }
    const before = walk(committed).map((file) => [file, statSync(file).mtimeMs]);
    const result = await runCli(['export', '--format', 'json'], { cwd: folder });
    expect(result.stdout).toContain('Alpha Daily');
    expect(result.stdout).not.toContain('Forged Times');
    expect(walk(committed).map((file) => [file, statSync(file).mtimeMs])).toEqual(before);
    expect(path.relative(folder, CACHE_FOLDER).startsWith('..')).toBe(true);
  });
});

describe('symlinks that lead out of the tree (item 8)', () => {
  const setup = () => {
    const outside = tempFolder('claimcheck-private-');
    writeFileSync(path.join(outside, 'private.md'), article('Private Notes', 'The private ledger said that 93 secret accounts were opened in the western office.'));
    writeFileSync(path.join(outside, 'secret.yml'), 'id: abcdef123456\nverdict: unique\ntext: the secret key is hunter2\n');
    mkdirSync(path.join(outside, 'folder'));
    writeFileSync(path.join(outside, 'folder', 'deep.md'), article('Deep Secret', 'The hidden memo said that 71 private files were copied on Tuesday night.'));
    const folder = tempFolder('claimcheck-links-');
    mkdirSync(path.join(folder, 'sources'));
    mkdirSync(path.join(folder, 'claims'));
    writeFileSync(path.join(folder, 'sources', 'good.md'), article('Alpha Daily', CLAIM));
    symlinkSync(path.join(outside, 'private.md'), path.join(folder, 'sources', 'innocent.md'));
    symlinkSync(path.join(outside, 'folder'), path.join(folder, 'sources', 'more'));
    symlinkSync(path.join(outside, 'secret.yml'), path.join(folder, 'claims', 'abcdef123456.yml'));
    writeFileSync(path.join(folder, 'sources', 'inside-target.md'), article('Gamma Post', 'The port office said 14 cargo ships were held at the northern pier on Monday.'));
    symlinkSync('inside-target.md', path.join(folder, 'sources', 'alias-inside.md'));
    return { folder, outside };
  };

  it.each([
    ['report', ['report'], 'sources/innocent.md:1:1: error: symbolic link'],
    ['report (a linked folder)', ['report'], 'sources/more:1:1: error: symbolic link'],
    ['check (a linked ledger file)', ['check'], 'claims/abcdef123456.yml:1:1: error: symbolic link'],
  ])('should refuse a link out of the tree with a diagnostic at the link (%s)', async (_name, argv, expected) => {
    const { folder } = setup();
    const result = await runCli(argv, { cwd: folder });
    expect(result.stdout + result.stderr).toContain(expected);
    expect(result.stdout + result.stderr).not.toMatch(/secret|private|hunter2|Deep Secret/i);
    if (argv[0] === 'check') expect(result.code).toBe(1);
  });

  it('should still read a link that stays inside the tree, and the good sources', async () => {
    const { folder } = setup();
    const result = await runCli(['export', '--format', 'json'], { cwd: folder });
    expect(result.stdout).toContain('Alpha Daily');
    expect(result.stdout).toContain('sources/alias-inside.md');
  });

  it('should not write through a sources folder that is itself a link out of the tree', async () => {
    const { folder, outside } = setup();
    symlinkSync(outside, path.join(folder, 'linked-sources'));
    const result = await runCli(['add', '-', '--outlet', 'Delta News', '--sources', 'linked-sources'], {
      cwd: folder,
      stdin: 'The mayor said on Friday that 12 bridges would be closed for repairs.\n',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/symbolic link/);
    expect(readdirSync(outside).sort()).toEqual(['folder', 'private.md', 'secret.yml']);
  });
});

describe('the same folder given twice (item 11)', () => {
  it.each([[['sources', './sources/']], [['sources', 'sources/../sources']], [['.', 'sources']]])(
    'should search it once, silently (%j)',
    async (paths) => {
      const folder = tempFolder('claimcheck-twice-');
      mkdirSync(path.join(folder, 'sources'));
      writeFileSync(path.join(folder, 'sources', 'a.md'), article('Alpha Daily', CLAIM));
      const result = await runCli(['export', '--format', 'json', ...paths], { cwd: folder });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    },
  );
});
