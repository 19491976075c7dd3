// `contentTerms` (what a story profile reads of a paragraph) against `termsOf`:
// the same terms, weights and numbers, on text with synonym phrases, figures,
// number words, hyphenated compounds and possessives.
import { describe, expect, it } from 'vitest';
import { contentTerms, termsFromTokens, termsOf } from '../../src/core/match/terms.js';

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

  it.each([
    ['Four of the five ferries sank on Friday, the Harbour Board said.', [{ start: 0, end: 4 }]],
    ['The U.S.-based operator’s shares fell 3% as the Justice Department sued.', []],
    ['Officials said the hit-and-run happened at 4 p.m. near Pier 39.', [{ start: 44, end: 48 }]],
  ])('termsOf %j completes its terms as termsFromTokens does from its tokens (the cache rebuild)', (text, masked) => {
    const terms = termsOf(text, masked);
    expect(terms).toEqual(termsFromTokens(terms.tokens, terms.names, terms.numbers));
    expect(terms.sequence.length).toBeGreaterThan(0);
  });
});
