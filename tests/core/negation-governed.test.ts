// The judge's negation conflict: any cue of the negated mention may govern what the
// other states ("Relax, the mayor is not resigning"), reaching past adverbs, "get"
// and prepositions ("has not accidentally closed", "is not by the council"); a cue
// governing something else ("did not comment on the closure") conflicts with nothing.
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { conflictsBetween } from '../../src/core/judge/index.js';
import { governedWordIn } from '../../src/core/judge/negation-scope.js';
import { termsOf } from '../../src/core/match/terms.js';
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

function read(text: string, outlet: string): Claim {
  return analyzeSentence(claim(text, { outlet }).sentence, { outlet });
}

describe('negation conflicts through the governed word', () => {
  it.each<[string, string, string]>([
    ["Don't panic, the harbour master is not dead", 'The harbour master is dead', 'dead'],
    ['The council has not accidentally closed the old library', 'The council closed the old library', 'closed'],
    ['The mayor did not get arrested at the airport', 'The mayor was arrested at the airport', 'arrested'],
    ['The new mural is not by Ortega', 'Ortega painted a new mural', 'Ortega'],
    ['Sorry, the bakery is not going to be selling croissants', 'The bakery will start selling croissants', 'selling'],
    ['The missing hikers were not among the bodies found', 'The bodies found were the missing hikers', 'bodies'],
  ])('"%s" disputes "%s" (governs %s)', (negated, plain, word) => {
    const conflicts = conflictsBetween(read(negated, 'A'), read(plain, 'B'));
    expect(conflicts.map((conflict) => conflict.kind)).toContain('negation');
    expect(governedWordIn(negated, termsOf(plain).terms)?.word).toBe(word);
  });

  it.each<[string, string]>([
    ['The mayor did not comment on the closure of the library', 'The library closed on Monday'],
    ['The ferry did not run on Sunday', 'The ferry ran late on Monday after a storm in the bay'],
    ['Police do not suspect foul play in the death of the harbour master', 'The harbour master is dead'],
  ])('"%s" does not dispute "%s"', (negated, plain) => {
    expect(conflictsBetween(read(negated, 'A'), read(plain, 'B')).map((conflict) => conflict.kind)).not.toContain('negation');
  });
});
