// Headline-style claims: short lines without a listed verb that still assert
// something (a verb the tagger finds, a copula-less predicate) are claims; labels,
// links and phone lines are not.
import { describe, expect, it } from 'vitest';
import { findBoilerplate } from '../../src/core/boilerplate.js';
import { rateCheckWorthiness } from '../../src/core/claims/index.js';
import { headlinePredicate } from '../../src/core/claims/headline.js';

describe('headline-style claims', () => {
  it.each<[string]>([
    ['The harbour pilot broke both of his wrists'],
    ['Glassworks firm plans second furnace in Leith'],
    ['Night ferry speeds up crossing to the islands'],
    ['Orchard Phone 9 will sport a folding screen'],
    ['City council drew new ward boundaries'],
    ['Lighthouse keeper working on a tide almanac'],
    ['Two-headed calf a hoax'],
    ['Quarry blast not a meteor strike, geologists suggest'],
    ['Ridgeway bakery owner dead at 91'],
    ['Talking parrot story likely a hoax'],
    ['Mountain rescuers not in the search area'],
    ['Harbour board detains trawler and crew'],
    ['Firmware update in version 7 deletes saved maps'],
  ])('should keep "%s" as a claim', (text) => {
    const rating = rateCheckWorthiness(text, { kind: 'paragraph' });
    expect(rating.checkworthy, rating.reason).toBe(true);
  });

  it.each<[string]>([
    ['Related links'],
    ['Most popular stories'],
    ['More from this author'],
    ['About the author'],
    ['Share this story'],
    ['Photo gallery'],
    ['Comments'],
    ['Latest updates from the newsroom'],
  ])('should leave the label "%s" out', (text) => {
    expect(rateCheckWorthiness(text, { kind: 'paragraph' }).checkworthy).toBe(false);
  });

  it.each<[string, string | undefined]>([
    ['Glassworks firm plans second furnace', 'plans'],
    ['City council drew new ward boundaries', 'drew'],
    ['Two-headed calf a hoax', 'a hoax'],
    ['Museum guard not a suspect', 'not a'],
    ['Top picks for the weekend', undefined],
    ['Related links and stories', undefined],
  ])('should name the predicate of "%s"', (text, predicate) => {
    expect(headlinePredicate(text)).toBe(predicate);
  });

  // A verb in -s the tagger reads as a plural noun (or, not knowing it, as an adjective): a verb between a singular nominal and
  // a nominal, a determiner or an adjective before a nominal, when WordNet knows its stem as a verb; never as a line's last word.
  it.each<[string, string | undefined]>([
    ['Blaze destroys old Kelso grain store', 'destroys'],
    ['Brill striker sets new scoring record', 'sets'],
    ['Panel convicts Leith trawler skipper', 'convicts'],
    // No verb: a plural noun at the line's end, a plural noun before a preposition.
    ['Harbour ferry timetables', undefined],
    ['Holiday travel tips', undefined],
    ['Old tram routes of Leith', undefined],
  ])('should read the headline verb in -s of "%s"', (text, predicate) => {
    expect(headlinePredicate(text)).toBe(predicate);
    expect(rateCheckWorthiness(text, { kind: 'paragraph' }).checkworthy).toBe(predicate !== undefined);
  });

  it.each<[string, string | null]>([
    ['Orchard Phone 9 will sport a folding screen', null],
    ['Phone: (0131) 496 0000', 'address or phone line'],
    ['Tel. +44 131 496 0000', 'address or phone line'],
  ])('should tell a product line from a phone line: "%s"', (text, reason) => {
    const reasons = findBoilerplate(['A long enough paragraph of prose about the new phone and what the company said about it on Monday.', text]);
    expect(reasons[1]).toBe(reason);
  });
});
