// Tests of src/core/sentences.ts on footnote markers, lower-case starts in web text and P.S.:
// plain text in, sentences out (tables of our own sentences).

import { describe, expect, it } from 'vitest';
import { splitText } from '../src/core/sentences.js';

/** The sentences `splitText` finds in `text`, as slices of it. */
function split(text: string): string[] {
  return splitText(text).map((span) => text.slice(span.start, span.end));
}

describe('splitText with footnote markers', () => {
  it.each([
    // A bracketed note or elision after a stop belongs to the sentence before it.
    ['The bridge opened in 1932. [4] Traffic doubled within a year.', ['The bridge opened in 1932. [4]', 'Traffic doubled within a year.']],
    ['The bridge opened in 1932.[4] Traffic doubled within a year.', ['The bridge opened in 1932.[4]', 'Traffic doubled within a year.']],
    ['Critics called it "a folly." [12][13] Few agreed.', ['Critics called it "a folly." [12][13]', 'Few agreed.']],
    ['The harbour froze twice. [2, 5] Ships waited offshore.', ['The harbour froze twice. [2, 5]', 'Ships waited offshore.']],
    ['The ferry was late again. [b] Nobody complained.', ['The ferry was late again. [b]', 'Nobody complained.']],
    ['The council met at noon. […] The vote was close.', ['The council met at noon. […]', 'The vote was close.']],
    ['Was it worth the cost? [7] Many thought so.', ['Was it worth the cost? [7]', 'Many thought so.']],
    ['Crops failed that summer. [...]\n\nRain came in May.', ['Crops failed that summer. [...]', 'Rain came in May.']],
    // A bare footnote number before a sentence starter, after a plain word.
    ['Turnout fell sharply. 3 The count took two days.', ['Turnout fell sharply. 3', 'The count took two days.']],
    ['Most voters agreed (Table 2.1). 12 In the north, fewer did.', ['Most voters agreed (Table 2.1). 12', 'In the north, fewer did.']],
  ])('should keep the note with the sentence before it: %j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it.each([
    // A number after an abbreviation is the abbreviation's; a long number or a non-starter opens the next sentence.
    ['She was ranked No. 4 The next year she won.', ['She was ranked No. 4 The next year she won.']],
    ['Turnout fell sharply. 300 people voted.', ['Turnout fell sharply.', '300 people voted.']],
    ['Turnout fell sharply. 3 voters complained.', ['Turnout fell sharply.', '3 voters complained.']],
    ['Turnout fell sharply. 3 Parties lost seats.', ['Turnout fell sharply.', '3 Parties lost seats.']],
    ['See the list below. [Photo: Ana Ruiz] The view from the hill.', ['See the list below.', '[Photo: Ana Ruiz] The view from the hill.']],
    ['The flood came.\n[2] Farms were lost.', ['The flood came.', '[2] Farms were lost.']],
  ])('should not take this for a note: %j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });
});

describe('splitText on lower-case starts in web text', () => {
  it.each([
    // A lower-case start after a word, a closing quote or bracket, a spaced or joined question mark.
    ['ring me at 555-0199. we can talk then.', ['ring me at 555-0199.', 'we can talk then.']],
    ['the party is on the 5th. bring snacks.', ['the party is on the 5th.', 'bring snacks.']],
    ['ask Dana (555-0147). she knows.', ['ask Dana (555-0147).', 'she knows.']],
    ['he said it was "fine". nobody believed him.', ['he said it was "fine".', 'nobody believed him.']],
    ['does anyone still use fax machines ? i need one.', ['does anyone still use fax machines ?', 'i need one.']],
    ['can i bring my dog?thanks for any help', ['can i bring my dog?', 'thanks for any help']],
    ['what a match!!we stayed up late', ['what a match!!', 'we stayed up late']],
  ])('should split before a lower-case word: %j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it.each([
    // Runs of abbreviations, query strings and bare numbers stay whole.
    ['They teach art and voc. ed. classes at night.'],
    ['Open http://example.org/find?id=42 in a browser.'],
    ['Try the page search.php?q=boats first.'],
    ['The rent went up in 2021. tenants were angry.'],
  ])('should not split %j', (text) => {
    expect(split(text)).toEqual([text]);
  });
});

describe('splitText after an abbreviation and a second period', () => {
  it.each([
    ['The buyer is Harbor Supply, L.P.. Further terms follow.', ['The buyer is Harbor Supply, L.P..', 'Further terms follow.']],
    ['We ordered from Acme Co.. Delivery took a week.', ['We ordered from Acme Co..', 'Delivery took a week.']],
  ])('should end the sentence at the second period: %j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });
});

describe('splitText after P.S.', () => {
  it.each([
    ['See you soon.\n\nP.S. I found your keys.', ['See you soon.', 'P.S. I found your keys.']],
    ['Thanks for the help. PS. The cake was great.', ['Thanks for the help.', 'PS. The cake was great.']],
    ['Love, Sam. P.P.S. The cat says hi.', ['Love, Sam.', 'P.P.S. The cat says hi.']],
  ])('should keep P.S. with the sentence it opens: %j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });
});
