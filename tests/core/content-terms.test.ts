// `contentTerms` (what a story profile reads of a paragraph) against `termsOf`:
// the same terms, weights and numbers, on text with synonym phrases, figures,
// number words, hyphenated compounds and possessives.
import { describe, expect, it } from 'vitest';
import { contentTerms, termsOf } from '../../src/core/match/terms.js';

describe('contentTerms', () => {
  it.each([
    'The Justice Department charged the harbour master on Friday.',
    'Ferry fares rose 12% to $4.50, the third rise in 2024; four of five riders complained.',
    "The U.S.-based operator's chief, Ida Marsh, said fares would not rise again until March 31st.",
    'Workers were terminated from their employment after the vote, and the board shut down the line.',
    'Harbour Board Sacks Chief After Ferry Fare Row',
    'Hit-and-run driver’s car found — police say 1,000 people saw it.',
    '',
  ])('%j', (text) => {
    const full = termsOf(text);
    const light = contentTerms(text);
    expect(light).toEqual({ terms: full.terms, weights: full.weights, numbers: full.numbers });
    if (text !== '') expect(light.terms.length).toBeGreaterThan(0);
  });
});
