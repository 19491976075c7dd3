// Opposite states without a negation or denial cue dispute each other ("… is alive
// and well" / "… was killed"); a mention holding both, or neither, or a negated one, does not.
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { conflictsBetween } from '../../src/core/judge/index.js';
import { oppositeStates } from '../../src/core/judge/opposites.js';
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

function read(text: string, outlet: string): Claim {
  return analyzeSentence(claim(text, { outlet }).sentence, { outlet });
}

describe('opposite states', () => {
  it.each<[string, string]>([
    ['The lighthouse keeper Ewan Hale is alive and well', 'The lighthouse keeper Ewan Hale was killed in the storm'],
    ['Aid worker Mara Lind says she is safe and secure', 'Aid worker Mara Lind was kidnapped by rebels'],
    ['Folk singer Tam Orr is still alive, his agent says', 'Folk singer Tam Orr died on Sunday'],
  ])('"%s" disputes "%s"', (a, b) => {
    const conflicts = conflictsBetween(read(a, 'A'), read(b, 'B'));
    expect(conflicts.map((conflict) => conflict.kind)).toContain('denial');
    expect(oppositeStates(b, a)?.stating).toBe(1);
  });

  it.each<[string, string]>([
    ['The lighthouse keeper was found alive two days after the storm killed his dog', 'The lighthouse keeper was killed in the storm'],
    ['The lighthouse keeper Ewan Hale was killed in the storm', 'The storm killed the lighthouse keeper Ewan Hale'],
    ['The new bridge is safe to cross', 'Two workers were killed building the new bridge'],
  ])('"%s" does not dispute "%s"', (a, b) => {
    expect(conflictsBetween(read(a, 'A'), read(b, 'B')).map((conflict) => conflict.kind)).not.toContain('denial');
  });
});
