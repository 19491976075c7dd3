// Main-clause negation (src/core/judge/main-clause.ts) and what the judge makes of it:
// a short mention that negates its main assertion disputes a short mention that states
// it, even in other words; a negation only in a subordinate clause, a hedge or an
// imperative does not; an implicit negative agrees only where it governs the negated word.
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { implicitNegativeGoverns } from '../../src/core/claims/negation.js';
import { conflictsBetween } from '../../src/core/judge/index.js';
import { mainClauseNegation, negationPlace } from '../../src/core/judge/main-clause.js';
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

function read(text: string, outlet: string): Claim {
  return analyzeSentence(claim(text, { outlet }).sentence, { outlet });
}

describe('negationPlace', () => {
  it.each<[string, string | undefined]>([
    ['Mayor Dalgety did not personally sign the harbour deal', 'main'],
    ['No, the Brennock ferry is not being sold', 'main'],
    ['Quillby council prosecutor: Dalgety not among the suspects', 'main'],
    ['Brennock lighthouse wasn’t sold: Council', 'main'],
    ['The council approved a budget that didn’t include the ferry', 'subordinate'],
    ['Dalgety adopts a dog so it won’t be put down', 'subordinate'],
    ['Dalgety isn’t sure how the ferry ended up in Quillby', 'hedge'],
    ['Five reasons not to give up on the Brennock ferry', 'hedge'],
    ['Don’t renew your ferry pass before Friday', undefined],
    ['No one in Quillby is allowed to fish the harbour', undefined],
    ['Mayor Dalgety signed the harbour deal', undefined],
  ])('%s → %s', (text, place) => {
    expect(negationPlace(text).place).toBe(place);
  });

  it('should read no main clause of a long sentence', () => {
    expect(mainClauseNegation('The mayor did not sign the harbour deal on Friday, officials in Quillby said after a long meeting of the council that ran late')).toBeUndefined();
  });
});

describe('conflicts of a main-clause negation', () => {
  it.each<[string, string, string | null]>([
    // The negated predicate put in other words: a dispute all the same.
    ['Mayor Dalgety did not personally fly to the Quillby summit', 'Mayor Dalgety will take part in the Quillby summit', 'negation'],
    // A claim negated only in a subordinate clause is disputed by a main-clause negation and by a denial.
    ['No, Vennmouth council is not holding an all-male panel tonight', 'Vennmouth council planned a panel that didn’t include any women', 'negation'],
    ['That Vennmouth council panel you keep hearing about isn’t real', 'Vennmouth council planned a panel that didn’t include any women', 'denial'],
    // Hedges, imperatives and subordinate negations dispute nothing.
    ['Dalgety isn’t sure how the ferry ended up in Quillby', 'The Brennock ferry ended up in Quillby', null],
    ['Dalgety adopts a dog so it won’t be put down', 'Dalgety adopted a dog', null],
    // Prose (a closing full stop) keeps the governed-word rule: these two say one thing.
    ['Results of the ferry survey have not been released.', 'The results of the ferry survey are pending.', null],
  ])('%s / %s → %s', (a, b, kind) => {
    const kinds = conflictsBetween(read(a, 'A'), read(b, 'B')).map((conflict) => conflict.kind);
    expect(kinds[0] ?? null).toBe(kind);
  });

  it('should dispute a negated predicate the other states beside an implicit negative elsewhere', () => {
    const [conflict] = conflictsBetween(read('Sorry, Mayor Dalgety didn’t actually adopt a stray dog', 'A'), read('Mayor Dalgety adopted a stray dog to stop it from roaming the harbour', 'B'));
    expect(conflict?.kind).toBe('negation');
  });
});

describe('implicitNegativeGoverns', () => {
  it.each<[string, string, boolean]>([
    ['The porter skipped work on Monday', 'work', true],
    ['She adopted a dog to stop it from roaming', 'adopt', false],
    ['She adopted a dog to stop it from roaming', 'roam', true],
  ])('%s governs %s: %s', (text, term, expected) => {
    expect(implicitNegativeGoverns(text, term)).toBe(expected);
  });
});
