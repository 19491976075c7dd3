// What makes claimcheck fast on thousands of articles, checked for correctness on
// small inputs (speed itself is measured by `npm run bench`): the deterministic
// benchmark corpus, worker threads giving exactly the single-thread results in
// order, the rewritten pair features agreeing with the plain string-set
// definitions, and the progress bar appearing only on long runs on a terminal.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import levenshtein from 'fast-levenshtein';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticle, writeCorpus } from '../scripts/generate-corpus.js';
import { analyzeAll } from '../src/engine/run.js';
import { analysisData } from './helpers/analysis.js';
import { openCache } from '../src/engine/store.js';
import type { Io } from '../src/commands/context.js';
import { crossReference } from '../src/engine/run.js';
import { loadSources } from '../src/engine/files.js';
import { matchProfile, pairFeatures, termOverlap, termsOf, type Terms } from '../src/core/match/index.js';
import { meanVectorOf } from '../src/core/match/soft-alignment.js';
import { termSimilarity } from '../src/core/match/word-vectors.js';
import { areSynonyms } from '../src/core/match/wordnet-synonyms.js';
import { createProgress } from '../src/progress.js';
import { decodeParsed } from '../src/engine/codec.js';
import { poolStats, workerEntry, workerPool } from '../src/engine/workers/pool.js';
import { processFile } from '../src/engine/workers/tasks.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'claimcheck-scale-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const corpus = (count: number) => writeCorpus(count, path.join(scratch, `corpus-${count}`));
const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('generated corpus', () => {
  it('should be byte-identical for the same N, and article i should not depend on N', () => {
    const a = corpus(12);
    const b = writeCorpus(12, path.join(scratch, 'corpus-12-again'));
    const c = corpus(7);
    const names = readdirSync(a.folder).sort();
    expect(names).toHaveLength(12);
    expect(readdirSync(b.folder).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(path.join(b.folder, name))).toEqual(readFileSync(path.join(a.folder, name)));
    for (const name of readdirSync(c.folder)) expect(readFileSync(path.join(c.folder, name))).toEqual(readFileSync(path.join(a.folder, name)));
    expect(generateArticle(12)).toEqual(generateArticle(12));
  });

  it('should write Markdown articles of about 500 words with the front matter sources need', async () => {
    const { folder, words } = corpus(12);
    expect(words / 12).toBeGreaterThan(420);
    expect(words / 12).toBeLessThan(700);
    const loaded = await loadSources([folder]);
    expect(loaded.sources).toHaveLength(12);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const source of loaded.sources) {
      expect(source.meta.outlet).toBeTruthy();
      expect(source.meta.published).toMatch(/^2020-12-\d\d$/);
    }
    // Web boilerplate is there, and the loader sets it aside.
    expect(loaded.sources.some((source) => source.blocks.some((block) => block.boilerplate))).toBe(true);
  });

  it('should hold corroborated, disputed and unique claims across outlets', async () => {
    const { folder } = corpus(36);
    const report = await crossReference([folder]);
    const verdicts = new Set(report.claims.map((finding) => finding.verdict));
    expect([...verdicts].sort()).toEqual(['corroborated', 'disputed', 'unique']);
    expect(new Set(report.sources.map((source) => source.outlet)).size).toBeGreaterThan(15);
  });
});

describe('worker threads', () => {
  it('should find a worker entry (worker.ts under tsx here, worker.js when built)', () => {
    const entry = workerEntry();
    expect(entry).toBeDefined();
    expect(entry!.url.pathname).toMatch(/worker\.(?:js|ts)$/);
  });

  it('should give what the main thread gives for a batch of files', async () => {
    const { folder } = corpus(6);
    const files = readdirSync(folder)
      .sort()
      .map((name) => ({ file: name, bytes: readFileSync(path.join(folder, name)), hash: 'h' }));
    const pool = workerPool(2);
    expect(pool).toBeDefined();
    const texts = await pool!.run({ kind: 'files', files });
    const local = files.map(({ file, bytes, hash }) => processFile(file, bytes, hash, undefined, true));
    texts.forEach((text, index) => {
      // The same stored layout, which reads back as the main thread's objects.
      expect(text).toBe(local[index]!.json);
      const source = local[index]!.parsed.source!;
      const decoded = decodeParsed(JSON.parse(text), files[index]!.file, source.text, source.hash);
      expect(decoded?.parsed.source).toEqual(source);
      expect(decoded?.analysis).toEqual(local[index]!.analysis);
    });
  });

  it('should give byte-identical reports on threads as on the main thread, cold and cached', async () => {
    const { folder } = corpus(30);
    const cache = path.join(scratch, 'threads-cache');
    const single = json(await crossReference([folder], { threads: 0 }));
    const before = poolStats();
    expect(json(await crossReference([folder], { threads: 2 }))).toBe(single);
    // The work was done on worker threads, not by the main thread after a failure.
    expect(poolStats().tasks).toBeGreaterThan(before.tasks);
    expect(poolStats().failures).toBe(before.failures);
    expect(json(await crossReference([folder], { threads: 2, cache }))).toBe(single);
    expect(json(await crossReference([folder], { threads: 2, cache }))).toBe(single);
    expect(readdirSync(path.join(cache, openCache(cache).tool, 'parsed')).length).toBeGreaterThan(0);
  });

  it('should analyse loaded sources on threads in source order', async () => {
    const { folder } = corpus(20);
    const loaded = await loadSources([folder]);
    const threaded = await analyzeAll(loaded.sources, { threads: 2 });
    expect(threaded.map((analysis) => analysis.source)).toEqual(loaded.sources.map((source) => source.id));
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(await analyzeAll(loaded.sources, { threads: 0 })));
    // The profiles came with the claims from the threads: the ones this thread derives.
    const first = threaded.find((analysis) => analysis.claims.length > 0)!;
    const data = analysisData(loaded.sources.find((source) => source.id === first.source)!);
    expect(JSON.stringify(first.profiles[0])).toBe(JSON.stringify(data.profiles[0]));
  });
});

// ---------------------------------------------------------------------------
// Pair features: the merge-based sets, interned n-grams, banded edit distance
// and term merge must give exactly what the plain definitions give.

function referenceOverlap(a: Terms, b: Terms) {
  const indexB = new Map(b.terms.map((term, i) => [term, i]));
  const matchedB = new Uint8Array(b.terms.length);
  const matchedA = new Uint8Array(a.terms.length);
  let shared = 0;
  a.terms.forEach((term, i) => {
    const j = indexB.get(term);
    if (j === undefined) return;
    matchedA[i] = 1;
    matchedB[j] = 1;
    shared += (a.weights[i]! + b.weights[j]!) / 2;
  });
  a.terms.forEach((term, i) => {
    if (matchedA[i] || term.length < 6) return;
    for (let j = 0; j < b.terms.length; j++) {
      const other = b.terms[j]!;
      if (matchedB[j] || other.length < 6 || Math.abs(other.length - term.length) > 2) continue;
      if (levenshtein.get(term, other) <= Math.floor(Math.max(term.length, other.length) / 6)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        shared += (a.weights[i]! + b.weights[j]!) / 2;
        break;
      }
    }
  });
  let maxUnmatched = 0;
  let unmatchedNames = 0;
  a.terms.forEach((term, i) => {
    if (matchedA[i]) return;
    maxUnmatched = Math.max(maxUnmatched, a.weights[i]!);
    if (a.names.includes(term)) unmatchedNames++;
  });
  b.terms.forEach((term, j) => {
    if (matchedB[j]) return;
    maxUnmatched = Math.max(maxUnmatched, b.weights[j]!);
    if (b.names.includes(term)) unmatchedNames++;
  });
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const totalA = sum(a.weights);
  const totalB = sum(b.weights);
  return { shared, totalA, totalB, coverageA: totalA > 0 ? shared / totalA : 0, coverageB: totalB > 0 ? shared / totalB : 0, maxUnmatched, unmatchedNames };
}

const ngrams = (tokens: readonly string[], n: number) => {
  const grams = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i++) grams.add(tokens.slice(i, i + n).join(' '));
  return grams;
};
const charNgrams = (tokens: readonly string[], n: number) => {
  const text = ` ${tokens.join(' ')} `;
  const grams = new Set<string>();
  for (let i = 0; i + n <= text.length; i++) grams.add(text.slice(i, i + n));
  return grams;
};
const dice = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
};
const tokenDistance = (a: readonly string[], b: readonly string[]) => {
  const codes = new Map<string, string>();
  const encode = (tokens: readonly string[]) => tokens.map((token) => codes.get(token) ?? (codes.set(token, String.fromCharCode(0x4e00 + codes.size)), codes.get(token)!)).join('');
  return levenshtein.get(encode(a), encode(b));
};
const precisions = (a: readonly string[], b: readonly string[]) => {
  const gramsA = ngrams(a, 2);
  const gramsB = ngrams(b, 2);
  let shared = 0;
  for (const gram of gramsA) if (gramsB.has(gram)) shared++;
  return [gramsA.size ? shared / gramsA.size : 0, gramsB.size ? shared / gramsB.size : 0];
};

function referenceFeatures(a: Terms, b: Terms): number[] {
  const overlap = referenceOverlap(a, b);
  const numbersA = new Set(a.numbers);
  const numbersB = new Set(b.numbers);
  const sharedNumbers = [...numbersA].filter((n) => numbersB.has(n)).length;
  const both = numbersA.size > 0 && numbersB.size > 0;
  const [pa, pb] = precisions(a.tokens, b.tokens);
  return [
    overlap.totalA + overlap.totalB > 0 ? (2 * overlap.shared) / (overlap.totalA + overlap.totalB) : 0,
    Math.min(overlap.coverageA, overlap.coverageB),
    Math.max(overlap.coverageA, overlap.coverageB),
    dice(new Set(a.tokens), new Set(b.tokens)),
    dice(ngrams(a.tokens, 2), ngrams(b.tokens, 2)),
    dice(ngrams(a.tokens, 3), ngrams(b.tokens, 3)),
    1 - tokenDistance(a.tokens, b.tokens) / Math.max(a.tokens.length, b.tokens.length, 1),
    Math.min(a.tokens.length, b.tokens.length) / Math.max(a.tokens.length, b.tokens.length, 1),
    both ? (2 * sharedNumbers) / (numbersA.size + numbersB.size) : 0,
    numbersA.size + numbersB.size - 2 * sharedNumbers > 0 ? 1 : 0,
    overlap.maxUnmatched / Math.log(51_000_000),
    Math.min(overlap.unmatchedNames, 4) / 4,
    Math.min(Math.abs(a.tokens.length - b.tokens.length), 30) / 30,
    dice(ngrams(a.sequence, 2), ngrams(b.sequence, 2)),
    1 - tokenDistance(a.sequence, b.sequence) / Math.max(a.sequence.length, b.sequence.length, 1),
    dice(charNgrams(a.tokens, 3), charNgrams(b.tokens, 3)),
    Math.min(pa!, pb!),
    Math.max(pa!, pb!),
    ...referenceSoftAlignment(a, b),
    ...referenceSynonymCoverage(a, b),
  ];
}

/** Synonym coverage by the plain definition: the weighted share of each side's terms the other has or has a WordNet synonym of (wordnet-synonyms.ts). */
function referenceSynonymCoverage(a: Terms, b: Terms): number[] {
  const oneWay = (from: Terms, to: Terms) => {
    let met = 0;
    let total = 0;
    from.terms.forEach((term, i) => {
      total += from.weights[i]!;
      if (to.terms.some((other) => other === term || areSynonyms(term, other))) met += from.weights[i]!;
    });
    return total > 0 ? met / total : 0;
  };
  const [forward, backward] = [oneWay(a, b), oneWay(b, a)];
  return [Math.min(forward, backward), Math.max(forward, backward)];
}

/** Soft alignment by the plain definition: each term's best rescaled cosine on the other side, weighted (soft-alignment.ts). */
function referenceSoftAlignment(a: Terms, b: Terms): number[] {
  const rescaled = (x: string, y: string) => {
    const cosine = termSimilarity(x, y);
    return x === y ? 1 : cosine <= 0.3 ? 0 : (cosine - 0.3) / 0.7;
  };
  const oneWay = (from: Terms, to: Terms) => {
    let aligned = 0;
    let total = 0;
    from.terms.forEach((term, i) => {
      aligned += from.weights[i]! * Math.max(0, ...to.terms.map((other) => rescaled(term, other)));
      total += from.weights[i]!;
    });
    return total > 0 ? aligned / total : 0;
  };
  const [forward, backward] = [oneWay(a, b), oneWay(b, a)];
  const [x, y] = [meanVectorOf(a), meanVectorOf(b)];
  const cosine = x && y ? x.reduce((sum, value, k) => sum + value * y[k]!, 0) : 0;
  return [Math.min(forward, backward), Math.max(forward, backward), cosine];
}

describe('pair features', () => {
  it('should equal the plain string-set definitions on many pairs of corpus sentences', async () => {
    const { folder } = corpus(24);
    const loaded = await loadSources([folder, path.join(import.meta.dirname, '..', 'sources')]);
    const claims = (await analyzeAll(loaded.sources)).flatMap((analysis) => analysis.claims);
    const terms = claims.map((claim) => matchProfile(claim).terms);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % terms.length;
    for (let k = 0; k < 3000; k++) {
      const a = terms[k < 300 ? k % terms.length : next()]!;
      const b = terms[k < 300 ? (k + 1) % terms.length : next()]!;
      expect(termOverlap(a, b)).toEqual(referenceOverlap(a, b));
      expect(pairFeatures(a, b)).toEqual(referenceFeatures(a, b));
    }
  });

  it.each([
    ['spelling variants', 'The Xinjiang bureau terminated meetings', 'The Xinjang bureau terminated meeting'],
    ['identical', 'Four video meetings were shut down.', 'Four video meetings were shut down.'],
    ['empty', '', 'Something happened on Friday.'],
    ['long words', 'internationalisation counterrevolutionaries', 'internationalization counterrevolutionary'],
    ['unicode', 'Zoom’s executive “Julien” Jin said', 'Zoom\'s executive "Julien" Jin said'],
  ])('should equal the definitions on %s', (_, a, b) => {
    const termsA = termsOf(a);
    const termsB = termsOf(b);
    expect(termOverlap(termsA, termsB)).toEqual(referenceOverlap(termsA, termsB));
    expect(pairFeatures(termsA, termsB)).toEqual(referenceFeatures(termsA, termsB));
  });
});

// ---------------------------------------------------------------------------

function fakeIo(isTTY: boolean, env: Record<string, string> = {}): Io & { written: () => string } {
  let out = '';
  return {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => ((out += chunk), true) },
    readStdin: async () => new Uint8Array(),
    cwd: scratch,
    env,
    stdoutIsTTY: isTTY,
    stderrIsTTY: isTTY,
    columns: 80,
    written: () => out,
  };
}

describe('createProgress', () => {
  it('should draw nothing when stderr is not a terminal', () => {
    const io = fakeIo(false);
    const progress = createProgress(io, 'analysing');
    for (let done = 1; done <= 1000; done++) progress.update(done, 1000);
    progress.stop();
    expect(io.written()).toBe('');
  });

  it('should draw nothing on CI or with NO_PROGRESS', () => {
    for (const env of [{ CI: 'true' }, { NO_PROGRESS: '1' }] as Record<string, string>[]) {
      const io = fakeIo(true, env);
      const progress = createProgress(io, 'analysing');
      progress.update(1, 1000);
      progress.stop();
      expect(io.written()).toBe('');
    }
  });

  it('should draw nothing for a short run of few sources', () => {
    let now = 0;
    const io = fakeIo(true);
    const progress = createProgress(io, 'analysing', { now: () => now });
    for (let done = 1; done <= 50; done++) {
      now += 10;
      progress.update(done, 50);
    }
    progress.stop();
    expect(io.written()).toBe('');
  });

  it('should draw on a terminal for many sources, and clear the bar when stopped', () => {
    const io = fakeIo(true);
    const progress = createProgress(io, 'analysing');
    for (let done = 1; done <= 300; done++) progress.update(done, 300);
    progress.stop();
    progress.stop();
    expect(io.written()).toContain('analysing [');
    expect(io.written()).toContain('sources');
    expect(io.written()).toMatch(/\u001b\[2K$/);
  });

  it('should start drawing a run of few sources once it takes long', () => {
    let now = 0;
    const io = fakeIo(true);
    const progress = createProgress(io, 'analysing', { now: () => now });
    progress.update(1, 50);
    expect(io.written()).toBe('');
    now = 2500;
    progress.update(2, 50);
    progress.stop();
    expect(io.written()).toContain('2/50 sources');
  });
});
