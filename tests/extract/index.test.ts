import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSentence, extractClaims } from '../../src/core/claims/index.js';
import type { Sentence } from '../../src/types.js';

function sentence(plain: string, index = 0): Sentence {
  return {
    source: 'test', index, text: plain, plain, block: 0, kind: 'paragraph',
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: plain.length + 1, offset: plain.length } },
  };
}

describe('analyzeSentence', () => {
  it('should read every aspect of a seed sentence', () => {
    const claim = analyzeSentence(
      sentence('U.S. prosecutors have charged a China-based executive of Zoom over his role in disrupting video meetings held to commemorate the Tiananmen Square Massacre this year, the Justice Department announced on Dec. 18.'),
      { outlet: 'The Epoch Times', published: '2020-12-19' },
    );
    expect(claim.outlet).toBe('The Epoch Times');
    expect(claim.attribution).toBe('the Justice Department');
    expect(claim.dates.map((date) => [date.text, date.value])).toEqual([['this year', '2020'], ['Dec. 18', '2020-12-18']]);
    expect(claim.negation).toEqual({ negated: false, cue: null });
    expect(claim.checkworthiness.checkworthy).toBe(true);
  });

  it('should read a quantity and a negation', () => {
    const claim = analyzeSentence(
      sentence('“With the exception of user data for fewer than ten individual users,” the spokesperson said, “we do not believe this former employee provided user data.”'),
      { outlet: 'PJ Media' },
    );
    expect(claim.quantities).toMatchObject([{ text: 'fewer than ten individual users', min: 0, max: 10, maxExclusive: true, unit: 'user' }]);
    expect(claim.negation).toEqual({ negated: true, cue: 'do not' });
    expect(claim.attribution).toBe('the spokesperson');
  });

  it('should keep relative dates unresolved without a published date', () => {
    const claim = analyzeSentence(sentence('The charges were announced on Friday.'), { outlet: 'Unattributed (seed 001)' });
    expect(claim.dates).toMatchObject([{ text: 'on Friday', value: null, relative: true }]);
  });

  it('should read the plain text, not the markup', () => {
    const marked: Sentence = { ...sentence('Jin met **four** officials.'), plain: 'Jin met four officials.' };
    expect(analyzeSentence(marked, { outlet: 'X' }).quantities).toMatchObject([{ text: 'four officials', value: 4 }]);
  });

  it('should never throw and keep every span inside the text', () => {
    const words = fc.constantFrom(
      'at least', 'four', 'video', 'meetings', 'on Friday', 'Dec.', '18', 'June 4, 2020', 'said', 'the Justice Department', 'according to',
      'not', 'never', 'no', '$100.00', '4,000', 'some', 'thirty-first', 'anniversary', '39-year-old', 'Employee 1:', 'COVID-19', '6:20 p.m.',
      '“', '”', ',', '.', '?', '—', 'one', 'of', 'Zoom’s', 'between', 'and', 'dozens', 'hundreds of', 'years', 'last week', 'this year', '12/22/2020',
    );
    const text = fc.oneof(fc.string({ maxLength: 120 }), fc.array(words, { maxLength: 30 }).map((parts) => parts.join(' ')), fc.string({ unit: 'binary', maxLength: 60 }));
    const published = fc.option(fc.constantFrom('2020-12-19', '2021-01-03', '2000-02-29', 'not-a-date'), { nil: undefined });
    fc.assert(fc.property(text, published, (plain, date) => {
      const claim = analyzeSentence(sentence(plain), date === undefined ? { outlet: 'X' } : { outlet: 'X', published: date });
      const spans = [...claim.quantities, ...claim.dates];
      for (const mention of spans) {
        expect(mention.span.start).toBeGreaterThanOrEqual(0);
        expect(mention.span.end).toBeLessThanOrEqual(plain.length);
        expect(mention.span.start).toBeLessThan(mention.span.end);
        expect(plain.slice(mention.span.start, mention.span.end)).toBe(mention.text);
      }
      const { score } = claim.checkworthiness;
      expect(score >= 0 && score <= 1).toBe(true);
    }), { numRuns: Number(process.env.FC_RUNS ?? 400) });
  });
});

describe('extractClaims', () => {
  it('should keep only the check-worthy sentences, in order', () => {
    const texts = [
      'Jin was charged with conspiracy to commit interstate harassment.',
      'Sign up to receive our latest news!',
      'At least 280 protesters were shot dead.',
      'Obviously, this is not good enough.',
      'Holding Companies Accountable',
    ];
    const claims = extractClaims(texts.map(sentence), { outlet: 'PJ Media', published: '2020-12-19' });
    expect(claims.map((claim) => claim.sentence.plain)).toEqual([texts[0], texts[2]]);
    expect(claims.every((claim) => claim.outlet === 'PJ Media')).toBe(true);
  });

  it('should return nothing for no sentences', () => {
    expect(extractClaims([], { outlet: 'X' })).toEqual([]);
  });
});
