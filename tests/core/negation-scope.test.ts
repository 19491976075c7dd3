// Negation scope: the cue that governs the claim's predicate is the one read ("No,
// it's not X": the "not"); a leading "No," alone and a negated subordinate gerund
// ("fined for not paying") do not negate the claim; same-meaning pairs with and
// without a negative ("hadn't been to work" / "skipped work") do not conflict.
import { describe, expect, it } from 'vitest';
import { analyzeSentence, findNegation } from '../../src/core/claims/index.js';
import { statesNegation } from '../../src/core/claims/negation.js';
import { conflictsBetween } from '../../src/core/judge/index.js';
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

/** A claim as the extractors read the sentence. */
function read(text: string, outlet: string): Claim {
  return analyzeSentence(claim(text, { outlet }).sentence, { outlet });
}

describe('which cue negates the claim', () => {
  it.each<[string, string | null]>([
    ['No, it’s not the mayor selling the harbour', 'not'],
    ['No, the ferry has not been cancelled', 'has not'],
    ['No - the council isn’t closing the library', 'isn’t'],
    ['No, the mayor signed it himself', null],
    ['Nope, the bridge reopened on time', null],
    ['No company on the list paid the levy', 'No'],
    ['The driver was fined for not paying the toll', null],
    ['The driver is not paying the toll', 'is not'],
  ])('should read "%s" as negated by %s', (text, cue) => {
    expect(findNegation(text).cue).toBe(cue);
  });

  it('should name the word the real cue governs', () => {
    const [conflict] = conflictsBetween(read('No, it’s not the mayor selling the harbour', 'A'), read('The mayor is selling the harbour', 'B'));
    expect(conflict?.kind).toBe('negation');
    expect(conflict?.detail).toContain('negates "mayor"');
  });
});

describe('same meaning with and without a negative', () => {
  it.each<[string]>([
    ['The porter skipped work on Monday'],
    ['The porter missed work on Monday'],
    ['The porter stayed home on Monday'],
    ['She adopted the boy to stop him turning into a wolf'],
    ['She adopted the boy to keep him from turning into a wolf'],
    ['The dam was opened to prevent flooding in the valley'],
  ])('should read "%s" as stating a negation', (text) => {
    expect(statesNegation(text)).toBe(true);
  });

  it.each<[string, string, string[]]>([
    ['The porter hadn’t been to work since Monday', 'The porter skipped work since Monday', []],
    ['She adopted the boy so he won’t turn into a wolf', 'She adopted the boy to stop him turning into a wolf', []],
    ['She adopted the boy so he won’t turn into a wolf', 'She adopted the boy to keep him from turning into a wolf', []],
    ['The porter hadn’t been to work since Monday', 'The porter went to work on Monday', ['negation']],
    ['The council did not close the library', 'The council closed the library', ['negation']],
  ])('should judge "%s" against "%s"', (left, right, expected) => {
    expect(conflictsBetween(read(left, 'A'), read(right, 'B')).map((conflict) => conflict.kind)).toEqual(expected);
  });
});

describe('a mention that only tries or wants to do what the other negates', () => {
  it.each<[string, string, string[]]>([
    ['The ferry failed to reach the harbour before dark', 'The ferry tried to reach the harbour before dark', []],
    ['The mayor couldn’t march with the veterans', 'The mayor wanted to march with the veterans', []],
    ['The crew could not finish the repairs by noon', 'The crew hoped to finish the repairs by noon', []],
    ['The club couldn’t sign the striker', 'The club was seeking to sign the striker', []],
    // A plain negation of the act against an attempt at it still disputes.
    ['The smugglers are not entering the port', 'The smugglers were caught trying to enter the port', ['negation']],
    ['The club never signed the striker', 'The club was seeking to sign the striker', ['negation']],
    // The act itself stated, or a plan, still disputes.
    ['The ferry failed to reach the harbour before dark', 'The ferry reached the harbour before dark', ['negation']],
    ['The mayor will not attend the parade', 'The mayor plans to attend the parade', ['negation']],
    // The frame governs another act: the negated one is stated.
    ['The crew could not finish the repairs by noon', 'The crew tried to hurry and finished the repairs by noon', ['negation']],
  ])('should judge "%s" against "%s"', (left, right, expected) => {
    expect(conflictsBetween(read(left, 'A'), read(right, 'B')).map((conflict) => conflict.kind)).toEqual(expected);
  });
});
