// The character-level readings of title-case-names.ts (`isTitleCaseLine`, `bodyCasing`'s
// bare ASCII words) against the regular-expression readings they replace, kept here
// as the reference: the same answer on lines of every casing and script.
import { describe, expect, it } from 'vitest';
import data from '../../src/data/match-identity.json' with { type: 'json' };
import { bodyCasing, isTitleCaseLine, wordKey } from '../../src/core/match/title-case-names.js';

const { share, minWords, longWord } = data.titleCase;

function referenceTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length < minWords) return false;
  const capitalised = words.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length;
  const longLower = words.filter((word) => /^\P{L}*\p{Ll}/u.test(word) && word.replace(/\P{L}/gu, '').length >= longWord).length;
  return capitalised >= share * words.length && longLower === 0;
}

function endsSentence(token: string): boolean {
  if (/[!?:;]["”’)\]]*$/u.test(token)) return true;
  if (!/\.["”’)\]]*$/u.test(token)) return false;
  const bare = token.replace(/["”’)\].]+$/u, '');
  return !(/^\p{Lu}[\p{L}.]{0,3}$/u.test(bare) && bare.replace(/\./g, '').length <= 3);
}

function referenceBodyCasing(paragraphs: readonly string[]) {
  const capitalised = new Map<string, number>();
  const lower = new Map<string, number>();
  const pairs = new Set<string>();
  for (const paragraph of paragraphs) {
    if (paragraph.trim() === '' || referenceTitleCase(paragraph)) continue;
    let initial = true;
    let previousCapital = '';
    for (const token of paragraph.split(/\s+/u)) {
      const key = wordKey(token);
      const letter = /\p{L}/u.exec(token);
      if (key === '' || !letter) {
        previousCapital = '';
        initial = initial || endsSentence(token);
        continue;
      }
      const opens = /^[\p{Ps}\p{Pi}"'‘“(\[]/u.test(token);
      const capital = /^\p{Lu}/u.test(letter[0]);
      if (!capital) lower.set(key, (lower.get(key) ?? 0) + 1);
      else if (!initial && !opens) {
        capitalised.set(key, (capitalised.get(key) ?? 0) + 1);
        if (previousCapital !== '') pairs.add(`${previousCapital} ${key}`);
      }
      previousCapital = capital && !endsSentence(token) && !/[,)\]”"]$/u.test(token) ? key : '';
      initial = endsSentence(token);
    }
  }
  return { capitalised, lower, pairs };
}

const LINES = [
  'Harbour Board Sacks Chief After Ferry Fare Row',
  'HARBOUR BOARD SACKS CHIEF',
  'Harbour board sacks its chief after a fare row',
  'Board Sacks Chief',
  'Ferry Row: Chief Out, Deputy In As Board Meets',
  'Élise Durand Wins Ösel Regatta Over Ångström Crew',
  'élise durand wins the regatta',
  'The Ministry Of Ports And Harbours said nothing',
  '“Harbour Chief Quits” — Local Paper',
  'iPhone Sales Slow At Harbour Store',
  'ǅemal Visits Harbour', // a titlecase letter (Lt) first
  'ʼOkina Words Start Lines', // a modifier letter first
  '12 Ferries Sunk By Storm In 2024',
  'A B C',
  '',
];

describe('isTitleCaseLine, by characters', () => {
  it.each(LINES)('%j as the regular expressions read it', (line) => {
    expect(isTitleCaseLine(line)).toBe(referenceTitleCase(line));
  });

  it('should agree on lines of random words', () => {
    const words = ['Harbour', 'harbour', 'of', 'OF', 'Ösel', 'ösel', 'élan', '“Quoted', 'x', '12', '—', 'Mr.', 'wasn’t', 'U.S.-based', 'ǅemal', 'ʼokina', 'chief,', 'Chief.'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % words.length;
    for (let n = 0; n < 3000; n++) {
      const line = Array.from({ length: 1 + (n % 9) }, () => words[next()]!).join(n % 3 === 0 ? '  ' : ' ');
      expect(isTitleCaseLine(line), line).toBe(referenceTitleCase(line));
    }
  });
});

describe('bodyCasing, bare words by characters', () => {
  it('should count as the regular expressions do', () => {
    const paragraphs = [
      'The harbour board met on Monday. Board Chair Ida Marsh said the Harbour Board would meet again.',
      '"Ferry fares rise," Marsh said. (The Board) disagreed; the board chair did not.',
      'Harbour Board Sacks Chief After Ferry Fare Row',
      'Mr. Okafor of the White House said U.S. ferries were fine. Then the White House stopped.',
      'Élise Durand met Ösel officials in Ångström Hall, and Durand spoke first! Then Hall closed.',
      '',
    ];
    const fast = bodyCasing(paragraphs);
    const reference = referenceBodyCasing(paragraphs);
    expect([...fast.capitalised]).toEqual([...reference.capitalised]);
    expect([...fast.lower]).toEqual([...reference.lower]);
    expect([...fast.pairs]).toEqual([...reference.pairs]);
    expect(fast.pairs.size).toBeGreaterThan(0);
  });
});
