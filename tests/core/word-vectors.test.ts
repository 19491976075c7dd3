// Word vectors (src/core/match/word-vectors.ts), the soft alignment of content
// words built on them (soft-alignment.ts) and the concept keys of blocking
// (semantic-blocking.ts): the table loads fast, words close in meaning are close,
// the alignment rises for paraphrases and not for unrelated sentences, and claims
// sharing no rare word but close in meaning become candidates.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBlocking, copyOverlap, copyTermsOf, extendBlocking, pairsTouching } from '../../src/core/match/blocking.js';
import { resolveClusterOptions } from '../../src/core/match/options.js';
import type { MatchProfile } from '../../src/core/match/pair.js';
import { conceptKeysOf } from '../../src/core/match/semantic-blocking.js';
import { softAlignment } from '../../src/core/match/soft-alignment.js';
import { canonicalTerm, termsOf } from '../../src/core/match/terms.js';
import { conceptOf, termSimilarity, termVector, VECTOR_DIMENSIONS } from '../../src/core/match/word-vectors.js';

const root = path.join(import.meta.dirname, '..', '..');
const similarity = (a: string, b: string) => termSimilarity(canonicalTerm(a), canonicalTerm(b));
const profile = (text: string): MatchProfile => ({
  terms: termsOf(text),
  figures: [],
  identity: { sentence: { people: [], places: [], orgs: [], names: [] }, dates: [], core: { people: [], places: [], orgs: [], names: [] }, published: null },
});

describe('word vectors', () => {
  it('should have unit vectors of the table’s width for common words and none for made-up ones', () => {
    const vector = termVector(canonicalTerm('harbour'));
    expect(vector?.length).toBe(VECTOR_DIMENSIONS);
    expect(Math.hypot(...vector!)).toBeCloseTo(1, 5);
    expect(termVector('zqxvbnarf')).toBeUndefined();
    expect(conceptOf('zqxvbnarf')).toBeUndefined();
  });

  it.each([
    ['earthquake', 'quake', 'banana'],
    ['police', 'officers', 'violin'],
    ['killed', 'died', 'carpet'],
    ['flood', 'storm', 'poetry'],
    ['ministry', 'government', 'sandwich'],
  ])('should find %s nearer to %s than to %s', (word, near, far) => {
    expect(similarity(word, near)).toBeGreaterThan(0.5);
    expect(similarity(word, near)).toBeGreaterThan(similarity(word, far) + 0.3);
  });

  it('should fold "fired" and "sacked" onto one term, whose similarity is 1', () => {
    expect(similarity('fired', 'sacked')).toBe(1);
  });

  it('should decode the table in a fresh process and align a pair as this process does', () => {
    // The load cost itself is a figure of `npm run bench` ("Data tables"), not a timed test.
    const script = [
      "const { softAlignment } = await import('./src/core/match/soft-alignment.ts');",
      "const { termsOf } = await import('./src/core/match/terms.ts');",
      "console.log(JSON.stringify(softAlignment(termsOf('A strong earthquake struck the coast.'), termsOf('A powerful quake hit the shore.'))));",
    ].join('\n');
    const fresh = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim());
    const here = softAlignment(termsOf('A strong earthquake struck the coast.'), termsOf('A powerful quake hit the shore.'));
    expect(fresh).toEqual(JSON.parse(JSON.stringify(here)));
    expect(here.forward).toBeGreaterThan(0.3);
  });
});

describe('soft alignment', () => {
  it.each([
    ['A strong earthquake struck the coastal province on Monday.', 'A powerful quake hit the seaside region early on Monday.', 'Heavy rain flooded the stadium before the final match.'],
    ['The mayor dismissed the city’s police chief after the scandal.', 'The town’s top police officer was sacked by the mayor following the controversy.', 'Volunteers planted oak saplings along the river path.'],
    ['The company’s profits rose sharply last quarter.', 'The firm’s earnings climbed steeply in the last three months.', 'The orchestra rehearsed the symphony twice before the concert.'],
  ])('should align "%s" with its paraphrase more than with an unrelated sentence', (text, paraphrase, unrelated) => {
    const near = softAlignment(termsOf(text), termsOf(paraphrase));
    const far = softAlignment(termsOf(text), termsOf(unrelated));
    expect(Math.min(near.forward, near.backward)).toBeGreaterThan(Math.max(far.forward, far.backward) + 0.15);
    expect(near.meanCosine).toBeGreaterThan(far.meanCosine);
  });

  // Each term's best match on the other side, from the table's vectors as `termSimilarity` reads them (rescaled from
  // [0.3, 1] to [0, 1]), averaged by weight: what softAlignment gives from the rows it keeps per claim, to the bit.
  const reference = (a: ReturnType<typeof termsOf>, b: ReturnType<typeof termsOf>) => {
    const rescaled = (x: string, y: string) => {
      if (x === y) return 1;
      const cosine = termSimilarity(x, y);
      return cosine <= 0.3 ? 0 : (cosine - 0.3) / (1 - 0.3);
    };
    const side = (from: typeof a, to: typeof b) => {
      let sum = 0;
      let total = 0;
      from.terms.forEach((term, i) => {
        sum += from.weights[i]! * Math.max(0, ...to.terms.map((other) => rescaled(term, other)));
        total += from.weights[i]!;
      });
      return total > 0 ? sum / total : 0;
    };
    return [side(a, b), side(b, a)];
  };
  it.each([
    ['The harbour commission approved a new ferry terminal near Quillby.', 'Port officials in Quillby backed plans for another ferry dock.'],
    ['Flooding forced hundreds of families from their homes on Tuesday.', 'Hundreds of households fled rising water this week.'],
    ['The striker scored twice as the visitors won the cup final.', 'The museum reopened its gallery of medieval maps.'],
    ['Zorblat shares fell after the Zorblat board resigned.', 'The board of Zorblat quit and its stock dropped.'],
  ])('should align "%s" and "%s" as the table’s own similarities do', (x, y) => {
    const a = termsOf(x);
    const b = termsOf(y);
    const { forward, backward } = softAlignment(a, b);
    expect([forward, backward]).toEqual(reference(a, b));
  });

  it('should be symmetric and 1 for a sentence with itself', () => {
    const a = termsOf('The harbour commission approved a new ferry terminal.');
    const b = termsOf('Port officials backed plans for another ferry dock.');
    const ab = softAlignment(a, b);
    const ba = softAlignment(b, a);
    expect([ab.forward, ab.backward, ab.meanCosine]).toEqual([ba.backward, ba.forward, ba.meanCosine]);
    expect(softAlignment(a, a).forward).toBe(1);
  });
});

describe('semantic candidates', () => {
  const options = resolveClusterOptions();
  const texts = [
    'A powerful earthquake devastated the coastal province, killing dozens.',
    'A strong quake hit the seaside province and hundreds died.',
    'The orchestra rehearsed the new symphony twice before the concert.',
  ];
  const profiles = texts.map(profile);
  const sourceOf = ['outlet-a', 'outlet-b', 'outlet-c'];
  const all = new Set([0, 1, 2]);
  const pairs = (index = buildBlocking(profiles, options)) =>
    [...pairsTouching(index, sourceOf, options, all, (i) => profiles[i]!)].map(([i, j]) => `${i}-${j}`).sort();

  it('should give claims concept keys', () => {
    expect(conceptKeysOf(profiles[1]!, options.minBlockingWeight).map(({ key }) => key)).toContain('~earthquak');
  });

  it('should make a candidate of two paraphrases with little shared wording, and not of an unrelated claim', () => {
    // Their shared wording alone ("province") weighs less than a candidate must share.
    expect(copyOverlap(copyTermsOf(profiles[0]!, options), copyTermsOf(profiles[1]!, options))).toBeLessThan(options.minSharedWeight);
    expect(pairs()).toEqual(['0-1']);
  });

  it('should give the same pairs from an index extended with a claim as from a full build', () => {
    const prior = buildBlocking(profiles.slice(0, 1), options);
    const { index } = extendBlocking(prior, [1, 2], (i) => profiles[i]!, options);
    expect(pairs(index)).toEqual(pairs());
  });
});
