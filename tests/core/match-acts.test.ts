// Opposed acts: a sentence stating an act and one stating the act that undoes it are two claims.
import { describe, expect, it } from 'vitest';
import { opposedActs } from '../../src/core/match/acts.js';
import { termsOf } from '../../src/core/match/terms.js';
import { compareSentences } from '../../src/core/match/index.js';

const acts = (a: string, b: string) => opposedActs(termsOf(a), termsOf(b));

describe('opposedActs', () => {
  it.each([
    ['The Harbor Lions hired Rina Kell as head coach.', 'The Harbor Lions fired Rina Kell as head coach.'],
    ['Rina Kell was introduced as the new head coach of the Lions.', 'Rina Kell is out as head coach of the Lions.'],
    ['Marta Kovacs was convicted of arson in Quillby.', 'Marta Kovacs was acquitted of arson in Quillby.'],
    ['Mayor Dahl resigned on Monday.', 'Mayor Dahl was sworn in on Monday.'],
    ['The Quillby council issued new rules for harbour moorings.', 'The Quillby council overturned the rules for harbour moorings.'],
    ['Brennock adopted a curfew for the old town.', 'Brennock repealed the curfew for the old town.'],
    ['The ministry imposed a fishing ban in the bay.', 'A court struck down the fishing ban in the bay.'],
  ])('should find opposed acts in %s / %s', (a, b) => {
    expect(acts(a, b)).toBeDefined();
    expect(acts(b, a)).toBeDefined();
  });

  it.each([
    ['The Harbor Lions hired Rina Kell as head coach.', 'The Lions hired Rina Kell to coach the team.'],
    ['The Lions fired Tomas Brask and hired Rina Kell.', 'The Lions fired Tomas Brask on Monday.'],
    ['Marta Kovacs was convicted of arson.', 'A fire destroyed the Quillby mill.'],
    ['Rina Kell will coach the Lions.', 'The Lions fired Tomas Brask on Monday.'],
    // A sentence stating both sides matches either.
    ['The mooring rules the council issued in May were overturned on Friday.', 'The council overturned the mooring rules on Friday.'],
    ['The ministry imposed a fishing ban in the bay.', 'The ministry put a fishing ban on the bay.'],
  ])('should find no opposed acts in %s / %s', (a, b) => {
    expect(acts(a, b)).toBeUndefined();
  });
});

describe('compareSentences with opposed acts', () => {
  it.each([
    ['The Harbor Lions hired coach Rina Kell on Saturday.', 'The Harbor Lions fired coach Rina Kell on Saturday.'],
    ['Marta Kovacs was convicted of arson in Quillby on Monday.', 'Marta Kovacs was acquitted of arson in Quillby on Monday.'],
    ['The Quillby council issued new mooring rules for the harbour on Friday.', 'The Quillby council overturned new mooring rules for the harbour on Friday.'],
  ])('should neither match nor dispute %s / %s', (a, b) => {
    const why = compareSentences(a, b);
    expect(why.match).toBeNull();
    expect(why.conflicts).toEqual([]);
  });

  it('should still match the same act told twice', () => {
    expect(compareSentences('The Harbor Lions fired coach Rina Kell on Saturday.', 'The Harbor Lions fired coach Rina Kell on Saturday morning.').match).not.toBeNull();
  });
});
