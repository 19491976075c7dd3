import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { sourcePathFor, writeSource } from '../../src/import/write.js';

let root: string;
let sources: string;
let outside: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'claimcheck-write-'));
  sources = path.join(root, 'project', 'sources');
  outside = path.join(root, 'outside');
  mkdirSync(sources, { recursive: true });
  mkdirSync(outside);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Every file under `root` except in the sources folder. */
function filesOutsideSources(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (full === sources) continue;
      if (entry.isDirectory()) walk(full);
      else found.push(full);
    }
  };
  walk(root);
  return found;
}

describe('sourcePathFor', () => {
  it.each(['../../x', '../x', '/etc/passwd', '..', '.', 'a/../../b', 'a/b', 'C:\\x', 'C:x', '..\\..\\x', '', '   ', '.hidden', 'x\0y', 'con', 'NUL.txt', 'com1', 'a b', 'ü', 'x'.repeat(121)])(
    'should refuse the slug %j',
    (slug) => {
      expect(() => sourcePathFor(sources, slug)).toThrow(UserError);
    },
  );

  it.each([
    ['2020-12-18-the-epoch-times-zoom', '2020-12-18-the-epoch-times-zoom.md'],
    ['Seed_003.v2', 'Seed_003.v2.md'],
    ['already.md', 'already.md'],
  ])('should put the slug %j at sources/%s', (slug, file) => {
    expect(sourcePathFor(sources, slug)).toBe(path.join(sources, file));
  });

  it('should refuse a symlink inside the sources folder that points outside', () => {
    symlinkSync(path.join(outside, 'target.md'), path.join(sources, 'evil.md'));
    expect(() => sourcePathFor(sources, 'evil')).toThrow(/symbolic link/);
  });
});

describe('writeSource', () => {
  it.each(['../../x', '/etc/passwd', '..', 'a/../../b', 'C:\\x', '../outside/x'])('should write nothing for the hostile slug %j', async (slug) => {
    await expect(writeSource(sources, slug, 'x\n', {})).rejects.toThrow(UserError);
    await expect(writeSource(sources, slug, 'x\n', { force: true })).rejects.toThrow(UserError);
    expect(filesOutsideSources()).toEqual([]);
    expect(readdirSync(sources)).toEqual([]);
  });

  it('should not write through a symlink that points outside, even with force', async () => {
    const target = path.join(outside, 'target.md');
    writeFileSync(target, 'original\n');
    symlinkSync(target, path.join(sources, 'evil.md'));
    await expect(writeSource(sources, 'evil', 'hijacked\n', { force: true })).rejects.toThrow(/symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('original\n');
  });

  it('should not follow a dangling symlink to create a file outside', async () => {
    const target = path.join(outside, 'created.md');
    symlinkSync(target, path.join(sources, 'dangling.md'));
    await expect(writeSource(sources, 'dangling', 'x\n', {})).rejects.toThrow(UserError);
    expect(existsSync(target)).toBe(false);
  });

  it('should write the file atomically and leave no temp file behind', async () => {
    const written = await writeSource(sources, 'article', '---\noutlet: X\n---\n\nText.\n', {});
    expect(written).toBe(path.join(sources, 'article.md'));
    expect(readFileSync(written, 'utf8')).toBe('---\noutlet: X\n---\n\nText.\n');
    expect(readdirSync(sources)).toEqual(['article.md']);
  });

  it('should refuse to overwrite without force, naming the file', async () => {
    await writeSource(sources, 'article', 'first\n', {});
    await expect(writeSource(sources, 'article', 'second\n', {})).rejects.toThrow(/article\.md: already exists \(use --force/);
    expect(readFileSync(path.join(sources, 'article.md'), 'utf8')).toBe('first\n');
    expect(readdirSync(sources)).toEqual(['article.md']);
  });

  it('should overwrite with force', async () => {
    await writeSource(sources, 'article', 'first\n', {});
    await writeSource(sources, 'article', 'second\n', { force: true });
    expect(readFileSync(path.join(sources, 'article.md'), 'utf8')).toBe('second\n');
    expect(readdirSync(sources)).toEqual(['article.md']);
  });

  it('should refuse to replace a folder', async () => {
    mkdirSync(path.join(sources, 'folder.md'));
    await expect(writeSource(sources, 'folder', 'x\n', { force: true })).rejects.toThrow(/not a regular file/);
  });

  it('should create a missing sources folder', async () => {
    const fresh = path.join(root, 'project', 'new-sources');
    await writeSource(fresh, 'a', 'x\n', {});
    expect(readdirSync(fresh)).toEqual(['a.md']);
  });

  it('should refuse to write through a sources folder that is itself a symlink (README: such links are refused)', async () => {
    const link = path.join(root, 'project', 'linked');
    symlinkSync(sources, link);
    await expect(writeSource(link, 'through-link', 'x\n', {})).rejects.toThrow(/is a symbolic link/);
    expect(readdirSync(sources)).toEqual([]);
  });
});
