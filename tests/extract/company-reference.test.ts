// "The company said", "It added" and "in a statement from X, the company said"
// resolve to the company named before (issue 17, item 2). Invented sentences.
import { describe, expect, it } from 'vitest';
import { findAttribution } from '../../src/core/claims/attribution.js';
import { resolveSpeakers } from '../../src/core/claims/speaker-context.js';

describe('company references across an article', () => {
  it.each([
    // "the company" skips the prosecutor and the warrant for the company named before them.
    [['Lumen', 'the county prosecutor Ida Moss', 'the company'], ['Lumen', 'the county prosecutor Ida Moss', 'Lumen']],
    [['Lumen', 'a court warrant', 'the company'], ['Lumen', 'a court warrant', 'Lumen']],
    // A resolved reference is an antecedent: "It added" after "the company said".
    [['Lumen', 'the Harbour Department', 'Ida Moss', 'the company', 'It'], ['Lumen', 'the Harbour Department', 'Ida Moss', 'Lumen', 'Lumen']],
    // "the statement" after them is the company's statement.
    [['Lumen', 'the Harbour Department', 'the firm', 'the statement'], ['Lumen', 'the Harbour Department', 'Lumen', 'Lumen']],
    // The surname of a person named before is no company.
    [['Mayor Ana Ruiz', 'Ruiz', 'the company'], ['Mayor Ana Ruiz', 'Ruiz', 'the company']],
    // No company named before: the reference stays.
    [['the Harbour Department', 'the company'], ['the Harbour Department', 'the company']],
  ])('should resolve %j to %j', (speakers, expected) => {
    expect(resolveSpeakers(speakers)).toEqual(expected);
  });
});

describe('a reference in a sentence that names its source', () => {
  it.each([
    ['In a later statement from Lumen, the company said it had closed the plant.', 'Lumen'],
    ['In a reply by Harbour Freight, the firm said 12 trucks were sold.', 'Harbour Freight'],
    ['In a statement, the company said it had closed the plant.', 'the company'],
    ['The plant closed in May, the company said.', 'the company'],
  ])('should attribute %j to %j', (text, speaker) => {
    expect(findAttribution(text)).toBe(speaker);
  });
});
