// Headline verbs the tagger misreads: a third-person verb read as a plural noun
// ("burrows") and a headline's progressive after a name ("… planning …").
import { describe, expect, it } from 'vitest';
import { rateCheckWorthiness } from '../../src/core/claims/index.js';

describe('listed headline verbs', () => {
  it.each<[string]>([
    ['Garden beetle burrows into a lawnmower engine'],
    ['Ferry operator Blue-Tern planning new island route'],
    ['Veteran drummer Ansel Korr recovering from hip surgery'],
  ])('should keep "%s" as a claim', (text) => {
    const rating = rateCheckWorthiness(text, { kind: 'paragraph' });
    expect(rating.checkworthy, rating.reason).toBe(true);
  });

  it.each<[string]>([['Planning applications'], ['Dying arts'], ['Top picks and box sets']])('should leave "%s" out', (text) => {
    expect(rateCheckWorthiness(text, { kind: 'paragraph' }).checkworthy).toBe(false);
  });
});
