// Input from an outsider's pull request (issue 16): a committed cache, symlinks out
// of the tree, look-alike outlet names, unchecked review blocks, YAML bombs, deep
// nesting and inputs that take quadratic time. Each is one file's diagnostic (or
// ignored), never a wrong verdict, a leak of a file outside the tree or a hang.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
