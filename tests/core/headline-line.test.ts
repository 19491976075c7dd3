// A lone headline that asks and answers (headline-line.ts) is one sentence, so the
// answer keeps what it answers; a question before a denial is the denial's clause
// (denial.ts); "X? No" and "X? Hoax" deny X.
import { describe, expect, it } from 'vitest';
import { findDenial } from '../../src/core/claims/denial.js';
import { analyzeSource } from '../../src/core/report.js';
import { parseSource } from '../../src/core/parse.js';
import { conflictsBetween } from '../../src/core/judge/index.js';

const sourceOf = (body: string) => {
  const parsed = parseSource('line.md', new TextEncoder().encode(`---\noutlet: "Harbour News"\n---\n\n${body}\n`));
  return parsed.source!;
};
const claimTexts = (body: string): string[] => analyzeSource(sourceOf(body)).claims.map((claim) => claim.sentence.plain);

describe('joinLoneHeadline', () => {
  it.each<[string, string[]]>([
    ['Mayor Dalgety Dead? Death Hoax Goes Viral', ['Mayor Dalgety Dead? Death Hoax Goes Viral']],
    ['Brennock ferry sold? Nope, the story is fake', ['Brennock ferry sold? Nope, the story is fake']],
    // A question at the end, prose with full stops, or several paragraphs are split as before.
    // (Questions alone are not joined; a lone yes/no question headline is kept as asked, see asked-headline.test.ts.)
    ['Was the Brennock ferry sold? Did the council vote?', ['Was the Brennock ferry sold?']],
    ['Was the Brennock ferry sold? The council voted on Monday to sell it.', ['The council voted on Monday to sell it.']],
  ])('%s → %o', (body, claims) => {
    expect(claimTexts(body)).toEqual(claims);
  });

  it('should leave a source of two paragraphs alone', () => {
    expect(claimTexts('Was the Brennock ferry sold?\n\nThe council voted on Monday to sell the Brennock ferry to a hotel chain')).toEqual([
      'The council voted on Monday to sell the Brennock ferry to a hotel chain',
    ]);
  });
});

describe('a denial that answers a question', () => {
  it.each<[string, string | null]>([
    ['Brennock ferry sold? No, says Mayor Dalgety', 'No'],
    ['Mayor Dalgety dead? Hoax goes viral', 'Hoax'],
    ['Brennock ferry sold? Probably Not', 'Probably Not'],
    ['Brennock ferry sold? Council votes on Monday', null],
  ])('%s → %s', (text, cue) => {
    expect(findDenial(text)?.cue ?? null).toBe(cue);
  });

  it('should dispute what the question names although the answer is a clause of its own', () => {
    const [headline] = analyzeSource(sourceOf('Tomas Dalgety Dead? Yes, Says One Site, But The Quillby Mayor Is Alive And Rumours Proven False')).claims;
    const [statement] = analyzeSource(sourceOf('Quillby mayor Tomas Dalgety is dead')).claims;
    expect(conflictsBetween(headline!, statement!).map((conflict) => conflict.kind)).toContain('denial');
  });
});
