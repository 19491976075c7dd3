// The on-disk cache of per-source results: keys, tool versions, validation of
// what is read back (corrupt, truncated, foreign, other shape), atomic writes, and
// that a cached run gives byte-identical output to a cold one while invalidating
// exactly the entries of what changed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisKey, parsedKey } from '../src/engine/store.js';
import { asciiJson, CACHE_FORMAT, entryKey, FINGERPRINTS, fingerprintOf, isJsonSafe, openCache, readEntry, toolFingerprint, writeEntry, type Cache } from '../src/engine/store.js';
import { crossReference } from '../src/engine/run.js';
import { loadSources } from '../src/engine/files.js';

const root = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'claimcheck-cache-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding a copy of the seed sources (and room for a cache). */
function workspace(): string {
  const folder = path.join(scratch, `w${folders++}`);
  cpSync(path.join(root, 'sources'), path.join(folder, 'sources'), { recursive: true });
  return folder;
}

/** Every entry file of a cache folder, by kind, relative names sorted. */
function entries(cacheFolder: string, kind: 'parsed' | 'analysis'): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(path.join(cacheFolder, toolFingerprint(), kind));
  return out.sort();
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const isNumberData = (data: unknown) => (typeof data === 'number' ? data : undefined);

describe('cache entries', () => {
  it('should read back what was written under the same key, kind and tool', () => {
    const cache = openCache(path.join(scratch, 'entries'));
    const key = entryKey('a', 'b');
    expect(writeEntry(cache, 'analysis', key, 42)).toBe(true);
    expect(readEntry(cache, 'analysis', key, isNumberData)).toBe(42);
  });

  it.each([
    ['another key', (cache: Cache) => ({ cache, kind: 'analysis' as const, key: entryKey('other') })],
    ['another kind', (cache: Cache) => ({ cache, kind: 'parsed' as const, key: entryKey('a', 'b') })],
    ['another tool version', (cache: Cache) => ({ cache: { ...cache, tool: '0123456789abcdef' }, kind: 'analysis' as const, key: entryKey('a', 'b') })],
  ])('should not read an entry under %s', (_, lookup) => {
    const cache = openCache(path.join(scratch, 'entries-miss'));
    writeEntry(cache, 'analysis', entryKey('a', 'b'), 42);
    const { cache: other, kind, key } = lookup(cache);
    expect(readEntry(other, kind, key, isNumberData)).toBeUndefined();
  });

  it('should give keys that depend on every part and their boundaries', () => {
    expect(entryKey('ab', 'c')).not.toBe(entryKey('a', 'bc'));
    expect(entryKey('a')).toBe(entryKey('a'));
    expect(entryKey('a')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['empty', () => ''],
    ['not JSON', () => 'garbage\u0000\u0001'],
    ['another format', (text: string) => text.replace(/"format":\d+/, '"format":999')],
    ['foreign (another key inside)', (text: string) => text.replace(/"key":"[0-9a-f]+"/, `"key":"${'0'.repeat(64)}"`)],
    ['not an entry', () => JSON.stringify({ data: 42 })],
  ])('should ignore a %s entry', (_, damage) => {
    const cache = openCache(path.join(scratch, 'entries-damaged'));
    const key = entryKey('damaged', _);
    writeEntry(cache, 'analysis', key, 42);
    const [file] = readdirSync(path.join(cache.folder, cache.tool, 'analysis', key.slice(0, 2))).filter((name) => name.startsWith(key));
    const full = path.join(cache.folder, cache.tool, 'analysis', key.slice(0, 2), file!);
    writeFileSync(full, damage(readFileSync(full, 'utf8')));
    expect(readEntry(cache, 'analysis', key, isNumberData)).toBeUndefined();
  });

  it('should leave no temp files behind and tag the folder as a cache', () => {
    const folder = path.join(scratch, 'entries-tidy');
    const cache = openCache(folder);
    for (let i = 0; i < 20; i++) writeEntry(cache, 'parsed', entryKey(String(i)), { i });
    const names: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
        else names.push(entry.name);
      }
    };
    walk(folder);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(path.join(folder, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55/);
  });

  it('should not fail when the folder cannot be written', () => {
    const file = path.join(scratch, 'not-a-folder');
    writeFileSync(file, 'x');
    const cache = openCache(path.join(file, 'cache'));
    expect(writeEntry(cache, 'analysis', entryKey('x'), 1)).toBe(false);
    expect(readEntry(cache, 'analysis', entryKey('x'), isNumberData)).toBeUndefined();
  });

  it('should never show a torn entry while other threads rewrite it', async () => {
    const folder = path.join(scratch, 'entries-concurrent');
    const cache = openCache(folder);
    const key = entryKey('contended');
    // Large payloads make a torn read likely if writes were not atomic.
    const payload = (n: number) => ({ n, filler: 'x'.repeat(200_000 + n) });
    writeEntry(cache, 'analysis', key, payload(0));
    const writer = `
      const { workerData } = require('node:worker_threads');
      const { mkdirSync, writeFileSync, renameSync } = require('node:fs');
      const path = require('node:path');
      const { target, tool, key, id, format } = workerData;
      mkdirSync(path.dirname(target), { recursive: true });
      for (let n = 1; n <= 60; n++) {
        const temp = target + '.' + id + '-' + n + '.tmp';
        writeFileSync(temp, JSON.stringify({ claimcheck: 'cache', format, tool, kind: 'analysis', key, data: { n, filler: 'x'.repeat(200000 + n) } }));
        renameSync(temp, target);
      }`;
    const target = path.join(folder, cache.tool, 'analysis', key.slice(0, 2), `${key}.json`);
    const workers = [1, 2].map((id) => new Worker(writer, { eval: true, workerData: { target, tool: cache.tool, key, id, format: CACHE_FORMAT } }));
    const done = Promise.all(workers.map((worker) => new Promise((resolve) => worker.on('exit', resolve))));
    let reads = 0;
    let finished = false;
    void done.then(() => (finished = true));
    const check = (data: unknown) =>
      typeof data === 'object' && data !== null && (data as { filler: string }).filler.length === 200_000 + (data as { n: number }).n ? data : undefined;
    while (!finished) {
      expect(readEntry(cache, 'analysis', key, check)).toBeDefined();
      reads++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(reads).toBeGreaterThan(0);
    // The helper above writes what writeEntry writes.
    expect(JSON.parse(readFileSync(target, 'utf8')).data.n).toBe(60);
    expect(payload(1).filler.length).toBe(200_001);
  });
});

describe('asciiJson', () => {
  it('should write pure ASCII that reads back as the same value, any character escaped', () => {
    const value = { text: 'Café “quoted” – 天安门 😀 \u2028 lone \ud800 end', list: ['é', 1] };
    const text = asciiJson(value);
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('should store entries as ASCII, so a cache file read as Latin-1 gives the text back', () => {
    const cache = openCache(path.join(scratch, 'entries-ascii'));
    const key = entryKey('ascii');
    writeEntry(cache, 'analysis', key, { text: 'Zoom’s “meetings” in 北京' });
    const file = path.join(cache.folder, cache.tool, 'analysis', key.slice(0, 2), `${key}.json`);
    expect(readFileSync(file).every((byte) => byte < 128)).toBe(true);
    expect(readEntry(cache, 'analysis', key, (data) => data)).toEqual({ text: 'Zoom’s “meetings” in 北京' });
  });
});

describe('isJsonSafe', () => {
  it.each([
    [{ a: [1, 'x', true, null, { b: -2.5 }] }, true],
    [{ a: undefined }, false],
    [[1, , 3], false],
    [{ a: Number.POSITIVE_INFINITY }, false],
    [{ a: Number.NaN }, false],
    [new Date(0), false],
    [{ a: new Map() }, false],
  ])('should tell whether %j survives JSON', (value, expected) => {
    expect(isJsonSafe(value)).toBe(expected);
  });
});

describe('tool fingerprint', () => {
  /** A fake package: package.json beside a code folder with a data file, a stage and a reporter. */
  function fakePackage(): string {
    const folder = path.join(scratch, `package-${folders++}`);
    mkdirSync(path.join(folder, 'src', 'data'), { recursive: true });
    mkdirSync(path.join(folder, 'src', 'core', 'match'), { recursive: true });
    mkdirSync(path.join(folder, 'src', 'engine'), { recursive: true });
    mkdirSync(path.join(folder, 'src', 'render'), { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'claimcheck', version: '1.0.0' }));
    writeFileSync(path.join(folder, 'src', 'data', 'extract-negation.json'), '{"cues":["not"]}');
    writeFileSync(path.join(folder, 'src', 'core', 'sentences.ts'), 'export const x = 1;');
    writeFileSync(path.join(folder, 'src', 'engine', 'codec.ts'), 'export const c = 1;');
    writeFileSync(path.join(folder, 'src', 'engine', 'snapshot.ts'), 'export const s = 1;');
    writeFileSync(path.join(folder, 'src', 'engine', 'incremental.ts'), 'export const i = 1;');
    writeFileSync(path.join(folder, 'src', 'render', 'text.ts'), 'export const y = 1;');
    return folder;
  }

  it('should be 16 hex digits and stable', () => {
    expect(toolFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(toolFingerprint()).toBe(toolFingerprint());
    const folder = fakePackage();
    expect(fingerprintOf(path.join(folder, 'src'))).toBe(fingerprintOf(path.join(folder, 'src')));
  });

  it.each([
    ['the package version', 'package.json', JSON.stringify({ name: 'claimcheck', version: '1.0.1' })],
    ['a data file (cue list, model)', 'src/data/extract-negation.json', '{"cues":["not","never"]}'],
    ['the code of a stage', 'src/core/sentences.ts', 'export const x = 2;'],
    ['a module of the core moved into a folder', 'src/core/match/sentences.ts', 'export const x = 1;'],
    ['the codec', 'src/engine/codec.ts', 'export const c = 2;'],
    ['a new data file', 'src/data/extract-hedges.json', '[]'],
  ])('should change with %s', (_, file, content) => {
    const folder = fakePackage();
    const before = fingerprintOf(path.join(folder, 'src'));
    writeFileSync(path.join(folder, file), content);
    expect(fingerprintOf(path.join(folder, 'src'))).not.toBe(before);
  });

  it.each([
    ['a reporter', 'src/render/text.ts', 'export const y = 2;'],
    ['the snapshot code', 'src/engine/snapshot.ts', 'export const s = 2;'],
  ])('should not change with code that never affects a per-source entry (%s)', (_, file, content) => {
    const folder = fakePackage();
    const before = fingerprintOf(path.join(folder, 'src'));
    writeFileSync(path.join(folder, file), content);
    expect(fingerprintOf(path.join(folder, 'src'))).toBe(before);
  });

  it('should cover the snapshot code in the snapshot fingerprint', () => {
    const folder = fakePackage();
    const before = fingerprintOf(path.join(folder, 'src'), FINGERPRINTS.snapshot);
    writeFileSync(path.join(folder, 'src', 'engine', 'incremental.ts'), 'export const i = 2;');
    expect(fingerprintOf(path.join(folder, 'src'), FINGERPRINTS.snapshot)).not.toBe(before);
  });

  it.each(Object.entries(FINGERPRINTS))('should find every part of the %s fingerprint in src/', (_, parts) => {
    const root = path.join(import.meta.dirname, '..', 'src');
    expect(fingerprintOf(root, parts)).toMatch(/^[0-9a-f]{16}$/);
    expect(() => fingerprintOf(root, [...parts, 'engine/no-such-module'])).toThrow(/no-such-module/);
  });
});

describe('crossReference with a cache', () => {
  it('should give byte-identical JSON cold, warm and without a cache', async () => {
    const cwd = workspace();
    const none = json(await crossReference(['sources'], { cwd, cache: false }));
    const cold = json(await crossReference(['sources'], { cwd, cache: '.claimcheck-cache' }));
    const files = entries(path.join(cwd, '.claimcheck-cache'), 'parsed');
    const warm = json(await crossReference(['sources'], { cwd, cache: '.claimcheck-cache' }));
    expect(cold).toBe(none);
    expect(warm).toBe(none);
    // One entry per source file: the parse, with the analysis beside it.
    expect(files).toHaveLength(readdirSync(path.join(cwd, 'sources')).length);
    for (const file of files) expect(JSON.parse(readFileSync(file, 'utf8')).data.analysis.claims.length).toBeGreaterThan(0);
    expect(entries(path.join(cwd, '.claimcheck-cache'), 'analysis')).toHaveLength(0);
  });

  it('should read a warm run from the cache (a valid entry is used as it is)', async () => {
    const cwd = workspace();
    const cache = path.join(cwd, '.claimcheck-cache');
    await crossReference(['sources'], { cwd, cache });
    // Mark every cached claim: a warm run that reads the cache shows the marks.
    for (const file of entries(cache, 'parsed')) {
      const entry = JSON.parse(readFileSync(file, 'utf8'));
      // A stored claim is a row (src/engine/codec.ts): its check-worthiness reason is item 7.
      for (const row of entry.data.analysis.claims) row[7] = 'from the cache';
      writeFileSync(file, asciiJson(entry));
    }
    const warm = await crossReference(['sources'], { cwd, cache });
    const reasons = new Set(warm.claims.flatMap((finding) => finding.mentions.map((mention) => mention.checkworthiness.reason)));
    expect([...reasons]).toEqual(['from the cache']);
  });

  it('should recompute exactly the entries of a changed source', async () => {
    const cwd = workspace();
    const cache = path.join(cwd, '.claimcheck-cache');
    await crossReference(['sources'], { cwd, cache });
    const before = new Map(entries(cache, 'parsed').map((file) => [file, statSync(file).mtimeMs]));
    const target = path.join(cwd, 'sources', 'pj-media-zoom-executive-spied-on-dissidents.md');
    writeFileSync(target, readFileSync(target, 'utf8').replace('spying on Chinese dissidents', 'spying on Chinese activists'));
    const warm = json(await crossReference(['sources'], { cwd, cache }));
    const after = entries(cache, 'parsed');
    // One new entry (parse and analysis), for the changed file; the others untouched.
    expect(after.filter((file) => !before.has(file))).toHaveLength(1);
    for (const [file, mtime] of before) expect(statSync(file).mtimeMs).toBe(mtime);
    expect(warm).toBe(json(await crossReference(['sources'], { cwd, cache: false })));
    expect(warm).toContain('spying on Chinese activists');
  });

  it('should recompute a source whose front matter changed (outlet, date)', async () => {
    const cwd = workspace();
    const cache = path.join(cwd, '.claimcheck-cache');
    await crossReference(['sources'], { cwd, cache });
    const target = path.join(cwd, 'sources', 'the-epoch-times-zoom-executive-charged.md');
    writeFileSync(target, readFileSync(target, 'utf8').replace(/^outlet: .*$/m, 'outlet: Renamed Outlet'));
    const warm = await crossReference(['sources'], { cwd, cache });
    const outlets = new Set(warm.claims.flatMap((finding) => finding.mentions.filter((m) => m.source === 'the-epoch-times-zoom-executive-charged').map((m) => m.outlet)));
    expect([...outlets]).toEqual(['Renamed Outlet']);
    expect(json(warm)).toBe(json(await crossReference(['sources'], { cwd, cache: false })));
  });

  it('should key analyses by source id, content, metadata and blocks', async () => {
    const cwd = workspace();
    const { sources } = await loadSources(['sources'], { cwd });
    const source = sources[0]!;
    const keys = [
      analysisKey(source),
      analysisKey({ ...source, id: 'other' }),
      analysisKey({ ...source, hash: '0'.repeat(64) }),
      analysisKey({ ...source, meta: { ...source.meta, outlet: 'Other' } }),
      analysisKey({ ...source, meta: { ...source.meta, published: '1999-01-01' } }),
      analysisKey({ ...source, blocks: source.blocks.slice(1) }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(parsedKey('a.md', 'x')).not.toBe(parsedKey('b.md', 'x'));
    expect(parsedKey('a.md', 'x')).not.toBe(parsedKey('a.md', 'y'));
  });

  // The analysis is stored beside the parse: damage only it (the part after `"analysis":`).
  const damageAnalysis = (damage: (text: string) => string) => (text: string) => {
    const at = text.indexOf('"analysis":');
    expect(at).toBeGreaterThan(0);
    return text.slice(0, at) + damage(text.slice(at));
  };
  it.each([
    ['truncated', (text: string) => text.slice(0, 100)],
    ['with claims of another shape', (text: string) => text.replace(/"claims":\[/, '"claims":[42,')],
    ['with a sentence that is not in the source', (text: string) => text.replace(/"text":"[^"]{20}/, '"text":"Nothing like this is in the file')],
    ['with a claim of another source', (text: string) => text.replace(/"source":"[^"]+"/, '"source":"someone-else"')],
    ['with profiles missing', (text: string) => text.replace(/"profiles":\[/, '"profiles":[null,')],
  ])('should ignore and rebuild an analysis %s', async (_, damage) => {
    const cwd = workspace();
    const cache = path.join(cwd, '.claimcheck-cache');
    const cold = json(await crossReference(['sources'], { cwd, cache }));
    const files = entries(cache, 'parsed');
    for (const file of files) writeFileSync(file, damageAnalysis(damage)(readFileSync(file, 'utf8')));
    expect(json(await crossReference(['sources'], { cwd, cache }))).toBe(cold);
    // Rebuilt: every source has a valid analysis again (stored on its own beside an intact parse).
    const rebuilt = [...entries(cache, 'parsed'), ...entries(cache, 'analysis')].filter((file) => {
      try {
        JSON.parse(readFileSync(file, 'utf8'));
        return true;
      } catch {
        return false;
      }
    });
    expect(rebuilt.length).toBeGreaterThanOrEqual(files.length);
    expect(json(await crossReference(['sources'], { cwd, cache }))).toBe(cold);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, 50)],
    ['of another file (foreign)', (text: string) => text.replace(/"hash":"[0-9a-f]+"/, `"hash":"${'1'.repeat(64)}"`)],
    ['with blocks of another shape', (text: string) => text.replace(/"blocks":\[/, '"blocks":[7,')],
  ])('should ignore and rebuild a parsed-source entry %s', async (_, damage) => {
    const cwd = workspace();
    const cache = path.join(cwd, '.claimcheck-cache');
    const cold = json(await crossReference(['sources'], { cwd, cache }));
    for (const file of entries(cache, 'parsed')) writeFileSync(file, damage(readFileSync(file, 'utf8')));
    expect(json(await crossReference(['sources'], { cwd, cache }))).toBe(cold);
  });

  it('should swap entries between files without trusting them (a foreign entry)', async () => {
    const cwd = workspace();
    const cache = path.join(cwd, '.claimcheck-cache');
    const cold = json(await crossReference(['sources'], { cwd, cache }));
    const files = entries(cache, 'analysis');
    const contents = files.map((file) => readFileSync(file, 'utf8'));
    files.forEach((file, index) => writeFileSync(file, contents[(index + 1) % contents.length]!));
    expect(json(await crossReference(['sources'], { cwd, cache }))).toBe(cold);
  });

  it('should keep diagnostics of unusable files the same from the cache', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'sources', 'broken.md'), '---\ntitle: no outlet\n---\n\nSome text.\n');
    const cache = path.join(cwd, '.claimcheck-cache');
    const none = json(await crossReference(['sources'], { cwd, cache: false }));
    expect(json(await crossReference(['sources'], { cwd, cache }))).toBe(none);
    expect(json(await crossReference(['sources'], { cwd, cache }))).toBe(none);
    expect(none).toContain('broken.md');
  });
});
