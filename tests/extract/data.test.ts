import { describe, expect, it } from 'vitest';
import negationData from '../../src/data/extract-negation.json' with { type: 'json' };
import quantityData from '../../src/data/extract-quantity.json' with { type: 'json' };
import attributionData from '../../src/data/extract-attribution.json' with { type: 'json' };
import checkData from '../../src/data/extract-checkworthiness.json' with { type: 'json' };
import { attribution, check, dates, negation, phraseMatcher, quantity } from '../../src/core/claims/data.js';
import { findAttribution } from '../../src/core/claims/attribution.js';
import { findQuantities } from '../../src/core/claims/quantity.js';

describe('extract data', () => {
  it('should compile every tunable', () => {
    expect(quantity.modifiers.length).toBe(Object.keys(quantityData.modifiers).length);
    expect(negation.cueList).toEqual(negationData.cues);
    expect(attribution.verbs.size).toBeGreaterThan(10);
    expect(check.boilerplate.length).toBe(checkData.boilerplate.length);
    expect(dates.drop.length).toBeGreaterThan(0);
    expect(check.threshold).toBeGreaterThan(0);
  });

  it.each(Object.entries(quantityData.modifiers))('should read the modifier %j', (modifier, kind) => {
    const [found] = findQuantities(`They held ${modifier} 40 meetings.`);
    expect(found?.text).toBe(`${modifier} 40 meetings`);
    if (kind === 'about') expect(found?.approximate).toBe(true);
    if (kind === 'atLeast') expect([found?.min, found?.max]).toEqual([40, null]);
    if (kind === 'lessThan') expect([found?.min, found?.max, found?.maxExclusive]).toEqual([0, 40, true]);
  });

  it.each(attributionData.verbs)('should attribute with the verb %j', (verb) => {
    expect(findAttribution(`“It happened,” the ministry ${verb}.`)).toBe('the ministry');
  });

  it.each<[string[], string, string[]]>([
    [['not good enough', 'good enough'], 'this is not good enough', ['not good enough']],
    [['truly', 'nauseating'], 'Truly, nauseating.', ['truly', 'nauseating']],
    [['shut down'], 'they shut the door down', []],
  ])('should match phrases %j in %j', (phrases, text, expected) => {
    const tokens = text.split(/\W+/).filter(Boolean).map((word) => ({ lower: word.toLowerCase() }));
    expect(phraseMatcher(phrases)(tokens)).toEqual(expected);
  });
});
