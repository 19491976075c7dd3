// The per-source stage: the core's analyzeSource, and the engine's analyzeAll
// (order, progress, cache) and parseFiles/analyzeRead (cache, threads), which must
// give exactly what parseSource and analyzeSource give.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeAll, analyzeRead, parseFiles } from '../src/engine/run.js';
import { analyzeSource, articleContextOf, storyProfileOf, storyProfilesOf } from '../src/core/report.js';
import { loadSources, readSourceFiles } from '../src/engine/files.js';
import { parseSource } from '../src/core/parse.js';
import { matchProfile } from '../src/core/match/index.js';

const root = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'claimcheck-analyze-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const seeds = async () => (await loadSources(['sources'], { cwd: root })).sources;

describe('analyzeSource', () => {
  it('should count the sentences and keep only check-worthy claims, in order', async () => {
    const [source] = await seeds();
    const analysis = analyzeSource(source!);
    expect(analysis.source).toBe(source!.id);
    expect(analysis.sentences).toBeGreaterThan(analysis.claims.length);
    expect(analysis.claims.length).toBeGreaterThan(5);
    expect(analysis.claims.every((claim) => claim.checkworthiness.checkworthy)).toBe(true);
    const indexes = analysis.claims.map((claim) => claim.sentence.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it('should give each claim the profile matchProfile derives', async () => {
    const [source] = await seeds();
    const data = analyzeSource(source!);
    const context = articleContextOf(source!);
    expect(data.profiles).toEqual(data.claims.map((claim) => matchProfile(claim, context)));
  });

  it('should give the story profile storyProfileOf makes, and the report should take it only for its own source id', async () => {
    const bytes = Buffer.from(
      ['---', 'outlet: Harbour Post', 'title: Ferry strike halts crossings to Lindholm', 'published: 2031-03-04', '---', '', 'Ferry crews on the Lindholm route walked out on Monday, the union said.', '', 'The Lindholm operator cancelled 40 crossings, stranding about 2,000 passengers in Marsby.', ''].join('\n'),
    );
    const source = parseSource('harbour.md', bytes).source!;
    const data = analyzeSource(source);
    expect(data.story).toEqual(storyProfileOf(source));
    expect(storyProfilesOf([source], [data])[0]).toBe(data.story);
    // An analysis made under another id (a clash of file names renamed the source): made again for this one.
    const renamed = { ...source, id: 'harbour-2' };
    const again = storyProfilesOf([renamed], [{ ...data, source: 'harbour-2' }])[0]!;
    expect(again).not.toBe(data.story);
    expect(again).toEqual(storyProfileOf(renamed));
  });
});

describe('analyzeAll', () => {
  it('should analyse every source in order, as analyzeSource does', async () => {
    const sources = await seeds();
    const all = await analyzeAll(sources);
    expect(all.map((analysis) => analysis.source)).toEqual(sources.map((source) => source.id));
    expect(all).toEqual(sources.map((source) => analyzeSource(source)));
  });

  it('should report progress up to the total', async () => {
    const sources = await seeds();
    const calls: [number, number][] = [];
    await analyzeAll(sources, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([sources.length, sources.length]);
    expect(calls.every(([, total]) => total === sources.length)).toBe(true);
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((a, b) => a - b));
  });

  it('should give the same analyses from a cache as without one, and report cached sources as done', async () => {
    const sources = await seeds();
    const cache = path.join(scratch, 'analyze-cache');
    const plain = await analyzeAll(sources);
    const cold = await analyzeAll(sources, { cache });
    const calls: number[] = [];
    const warm = await analyzeAll(sources, { cache, onProgress: (done) => calls.push(done) });
    expect(JSON.stringify(cold)).toBe(JSON.stringify(plain));
    expect(JSON.stringify(warm)).toBe(JSON.stringify(plain));
    expect(calls).toEqual([sources.length]);
  });

  it('should handle no sources', async () => {
    expect(await analyzeAll([])).toEqual([]);
  });
});

describe('parseFiles and analyzeRead (the loader with cache and threads)', () => {
  it('should give what parseSource gives, file by file, cold and warm', async () => {
    const cwd = path.join(scratch, 'parser');
    cpSync(path.join(root, 'sources'), path.join(cwd, 'sources'), { recursive: true });
    cpSync(path.join(root, 'tests', 'fixtures', 'load'), path.join(cwd, 'load'), { recursive: true });
    const files = ['sources', 'load'].flatMap((folder) =>
      readdirSync(path.join(cwd, folder))
        .sort()
        .map((name) => ({ file: `${folder}/${name}`, bytes: readFileSync(path.join(cwd, folder, name)) })),
    );
    const expected = files.map(({ file, bytes }) => parseSource(file, bytes));
    const cache = path.join(cwd, '.claimcheck-cache');
    const parsed = async (options = {}) => (await parseFiles(files, options)).map((file) => file.parsed);
    expect(await parsed()).toEqual(expected);
    expect(await parsed({ cache })).toEqual(expected);
    expect(await parsed({ cache })).toEqual(expected);
  });

  it('should load the same sources with and without it', async () => {
    const plain = await loadSources(['sources', 'tests/fixtures/load'], { cwd: root });
    const { analyses, ...loaded } = await analyzeRead(await readSourceFiles(['sources', 'tests/fixtures/load'], root));
    expect(loaded).toEqual(plain);
    expect(analyses).toHaveLength(plain.sources.length);
  });

  it('should give the analyses it made while parsing (same result as analysing afresh)', async () => {
    const loaded = await analyzeRead(await readSourceFiles(['sources'], root));
    expect(loaded.analyses).toEqual(loaded.sources.map((source) => analyzeSource(source)));
  });
});
