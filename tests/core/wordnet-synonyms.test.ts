// WordNet noun, adjective and adverb synonyms (src/core/match/wordnet-synonyms.ts) and
// the two paraphrase features built on them (synonymMin, synonymMax of similarity.ts):
// words of one synset among their first senses are synonyms, words of other meanings
// are not, and the coverage of a sentence by the other rises when its words are met by
// synonyms.
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, pairFeatures } from '../../src/core/match/similarity.js';
import { canonicalTerm, termsOf } from '../../src/core/match/terms.js';
import { areSynonyms, synonymCoverage } from '../../src/core/match/wordnet-synonyms.js';
import table from '../../src/data/wordnet-synonyms.json' with { type: 'json' };

const synonyms = (a: string, b: string) => areSynonyms(canonicalTerm(a), canonicalTerm(b));

describe('WordNet synonyms', () => {
  it.each([
    ['automobile', 'car'],
    ['error', 'mistake'],
    ['rapidly', 'quickly'],
    ['physician', 'doctor'],
    ['attorney', 'lawyer'],
  ])('should take %s and %s for synonyms', (a, b) => {
    expect(synonyms(a, b)).toBe(true);
    expect(synonyms(b, a)).toBe(true);
  });

  it.each([
    ['dog', 'cat'],
    ['doctor', 'lawyer'],
    ['car', 'car'],
    ['zqxvbnarf', 'car'],
  ])('should not take %s and %s for synonyms', (a, b) => {
    expect(synonyms(a, b)).toBe(false);
  });

  it('should ship WordNet’s licence with the table', () => {
    expect(table.licence).toMatch(/WordNet/);
    expect(table.licence).toMatch(/Princeton University/);
  });

  it('should cover a sentence whose words the other meets by synonyms', () => {
    const a = termsOf('The physician made a serious error with the automobile.');
    const b = termsOf('The doctor made a grave mistake with the car.');
    const c = termsOf('The baker made a small cake in the kitchen.');
    const near = synonymCoverage(a, b);
    const far = synonymCoverage(a, c);
    expect(Math.min(near.forward, near.backward)).toBeGreaterThan(0.7);
    expect(Math.max(far.forward, far.backward)).toBeLessThan(0.4);
    const features = pairFeatures(a, b);
    expect(features[FEATURE_NAMES.indexOf('synonymMin')]).toBeCloseTo(Math.min(near.forward, near.backward), 10);
    expect(features[FEATURE_NAMES.indexOf('synonymMax')]).toBeCloseTo(Math.max(near.forward, near.backward), 10);
  });
});
