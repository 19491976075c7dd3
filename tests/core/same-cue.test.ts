// Issue 14 (MSRP conflicts): a negation or denial cue both mentions write over the
// same word is no conflict, however it is spelled ("don't" / "dont", "made-up" /
// "made up", "no-confidence" / "no confidence", a comma aside inside the cue), while a
// real negation still disputes; '-not-' compounds and 'Not surprisingly,' negate
// nothing; look-alikes of a denial ('made up of', a court dismissing charges, a plot
// to discredit someone) deny nothing; percentage points are not percent, and a
// percent figure is rounded at its last digit.
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { findDenial } from '../../src/core/claims/denial.js';
import { findNegation } from '../../src/core/claims/negation.js';
import { conflictsBetween } from '../../src/core/judge/index.js';
import { foldCueText } from '../../src/core/judge/negation-scope.js';
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

function read(text: string, outlet: string): Claim {
  return analyzeSentence(claim(text, { outlet }).sentence, { outlet });
}

const kindsOf = (a: string, b: string): string[] => conflictsBetween(read(a, 'A'), read(b, 'B')).map((conflict) => conflict.kind);

describe('the same cue on both sides', () => {
  it.each<[string, string]>([
    ['The ferry captain said, "I don\'t know who moved the buoys."', 'The ferry captain said, I dont know who moved the buoys.'],
    ["Repairs to the pier haven't been finished, the harbour office said.", 'Repairs to the pier havent been finished, the harbour office said.'],
    ['The orchard owner declined, through her lawyer, to comment on the sale.', 'The orchard owner declined to comment on the sale.'],
    ['The vet said: "Mild; not life-threatening; curable."', 'Mild, not life threatening, curable, the vet said.'],
    ['The guild held a vote of no confidence in its treasurer.', 'The guild held a no-confidence vote in its treasurer.'],
    ['"We should be mending the old bridge, not closing it," the mayor said.', 'The mayor said the town should be mending the old bridge, not closing it.'],
  ])('"%s" and "%s" do not conflict', (a, b) => {
    expect(kindsOf(a, b)).toEqual([]);
    expect(kindsOf(b, a)).toEqual([]);
  });

  it.each<[string, string]>([
    ['"Most of these are made-up rumours," the coach told reporters.', '"Well, most of these are made up rumours," the coach said.'],
    ['The judge denied their request for a delay in a short ruling.', 'In a short ruling, the judge denied their motion for a delay.'],
  ])('"%s" and "%s" both deny: no conflict', (a, b) => {
    expect(kindsOf(a, b)).toEqual([]);
  });

  it.each<[string, string]>([
    ["The ferry captain said he doesn't know who moved the buoys.", 'The ferry captain knows who moved the buoys.'],
    ['The old bridge on Mill Lane is not closed.', 'The old bridge on Mill Lane is not only closed but also fenced off.'],
    ['The mayor has not closed the old bridge', 'The mayor has closed the old bridge, not the ferry'],
  ])('"%s" still disputes "%s"', (negated, plain) => {
    expect(kindsOf(negated, plain)).toContain('negation');
  });

  it('folds apostrophes and hyphens between letters', () => {
    expect(foldCueText("Don't buy the made-up story")).toBe('dont buy the made up story');
  });
});

describe('look-alikes of negation and denial', () => {
  it.each<[string]>([
    ['Callers on the do-not-call list still got the robocalls.'],
    ['A not-for-profit group runs the shelter.'],
    ['Not surprisingly, the valley leads the region in cider exports.'],
  ])('"%s" is not negated', (text) => {
    expect(findNegation(text).negated).toBe(false);
  });

  it.each<[string]>([
    ["The town's board is made up of four farmers and three teachers."],
    ['The charges against the two fishermen were dismissed in county court.'],
    ['A request for a second hearing was denied and the case goes to trial.'],
    ["The agency ultimately denied Kell's application for a mill in May."],
    ['She said the rangers ran a campaign to discredit her.'],
  ])('"%s" denies nothing', (text) => {
    expect(findDenial(text)).toBeNull();
  });

  it.each<[string]>([['The mayor denied her affair with the treasurer.'], ['The minister dismissed the reports as rubbish.']])('"%s" still denies', (text) => {
    expect(findDenial(text)).not.toBeNull();
  });
});

describe('percent figures', () => {
  it.each<[string, string]>([
    ['The harbour index rose 1.4 percentage points to 52.9 percent in June.', 'The harbour index rose to 52.9 percent in June.'],
    ['Shares of the ferry line slipped 1.23 percent on Tuesday.', 'Shares of the ferry line slipped 1.2 percent on Tuesday.'],
    ['Shares of the ferry line climbed 4.4 percent on Tuesday.', 'Shares of the ferry line climbed 4 percent on Tuesday.'],
  ])('"%s" and "%s" agree', (a, b) => {
    expect(kindsOf(a, b)).toEqual([]);
  });

  it.each<[string, string]>([
    ['Shares of the ferry line slipped 0.2 percent on Tuesday.', 'Shares of the ferry line slipped 0.3 percent on Tuesday.'],
    ['Shares of the ferry line climbed 4.6 percent on Tuesday.', 'Shares of the ferry line climbed 4 percent on Tuesday.'],
  ])('"%s" and "%s" conflict', (a, b) => {
    expect(kindsOf(a, b)).toContain('quantity');
  });
});

describe('figures read as written', () => {
  it.each<[string, string]>([
    ['The gale threatened several hundred homes along the coast.', 'The gale threatened hundreds of homes along the coast.'],
    ['The council needs 60 of its 90 members present to vote.', 'The council needs 60 of the 90 members present to vote.'],
    ['The new pier will cost $2.5 million--twice the old estimate.', 'The new pier will cost twice the old estimate: $2.5 million.'],
    ['The bakery posted a loss of $185,000 on sales of $600,000 last year.', 'The bakery posted a loss of $185,000 last year.'],
    ['Shares of the ferry line rose $2.50 to $31.90 in late trading.', 'Shares of the ferry line rose 8.5 percent to $31.90 in late trading.'],
  ])('"%s" and "%s" agree', (a, b) => {
    expect(kindsOf(a, b)).toEqual([]);
  });

  it.each<[string, string]>([
    ['The guild now has more than 5,000 members.', 'The guild now has 4,000 members.'],
    ['The gale threatened several hundred homes along the coast.', 'The gale threatened 50 homes along the coast.'],
    ['The gale killed 3 people and injured 5 people on the coast.', 'The gale killed 5 people on the coast.'],
    ['The bakery posted a loss of $185,000 on sales of $600,000 last year.', 'The bakery posted a loss of $150,000 last year.'],
  ])('"%s" and "%s" conflict', (a, b) => {
    expect(kindsOf(a, b)).toContain('quantity');
  });
});

describe('bounds and units as written', () => {
  it.each<[string, number, boolean, string | null]>([
    ['Temperatures in the valley stayed above 30 degrees all week.', 30, true, 'degree'],
    ['A reading above 50 suggests the harbour trade is growing.', 50, true, null],
    ['A reading of 40 indicates the harbour trade is shrinking.', 40, false, null],
  ])('"%s" reads %d (exclusive lower bound %s, unit %s)', (text, min, exclusive, unit) => {
    const [quantity] = read(text, 'A').quantities;
    expect(quantity?.min).toBe(min);
    expect(quantity?.minExclusive).toBe(exclusive);
    expect(quantity?.unit ?? null).toBe(unit);
  });
});
