// Stance round 5 (issue 14): a date's commas break no clause ("No, the sale on Jan. 4,
// 2026, won't go ahead"), "turns out not to have" negates the main clause, "false alarm
// of X" denies X, a mention that names the opposite state before it states the state
// ("feared kidnapped, says she is fine") rules the opposite out, and two lines posted
// alone match when one is nearly all inside the other. Hedges and look-alikes do not dispute.
import { describe, expect, it } from 'vitest';
import { findDenial } from '../../src/core/claims/denial.js';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { conflictsBetween } from '../../src/core/judge/index.js';
import { negationPlace } from '../../src/core/judge/main-clause.js';
import { oppositeStates } from '../../src/core/judge/opposites.js';
import { withHeadlineMatch } from '../../src/core/match/headline-match.js';
import { articleContext } from '../../src/core/match/identity.js';
import { matchPair, matchProfile } from '../../src/core/match/pair.js';
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

const read = (text: string, outlet: string): Claim => analyzeSentence(claim(text, { outlet }).sentence, { outlet });

describe('main-clause negation, round 5', () => {
  it.each<[string, string | undefined]>([
    ['No, the Brennock ferry sale on Jan. 4, 2026, won’t go ahead', 'main'],
    ['Mayor Dalgety turns out not to have signed the harbour deal', 'main'],
    ['The Quillby lighthouse appears not to have been sold', 'main'],
    // Up to 20 words (maxWords): a longer headline's main clause is read too.
    ['There was never a harbour market closure planned for the Quillby council meeting on the second Monday of March', 'main'],
    ['Mayor Dalgety did not say the Brennock ferry was sold', 'main'],
    // Still hedges or subordinate clauses.
    ['Mayor Dalgety won’t say whether the Brennock ferry was sold', 'hedge'],
    ['Asked about the ferry, Mayor Dalgety would not say', 'subordinate'],
    ['Mayor Dalgety would not say', 'hedge'],
    ['Five reasons not to give up on the Brennock ferry', 'hedge'],
    ['Mayor Dalgety set out to sell the ferry, but the council wouldn’t agree', 'subordinate'],
  ])('%s → %s', (text, place) => {
    expect(negationPlace(text).place).toBe(place);
  });

  it('should dispute a claim with a negation after a dated subject', () => {
    const kinds = conflictsBetween(read('No, a Brennock Ferry Sale On Jan. 4, 2026, Won’t Close The Harbour', 'A'), read('The Brennock ferry sale on Jan. 4, 2026 will close Quillby harbour', 'B')).map((conflict) => conflict.kind);
    expect(kinds).toContain('negation');
  });
});

describe('denial cues, round 5', () => {
  it.each<[string, string | null]>([
    ['Rumour fatigue sets in after false alarms over Mayor Dalgety’s death', 'false alarms over'],
    ['Quillby council sounds the alarm over ferry costs', null],
    // A question whether it is a hoax is a hedged denial; a plain question is none.
    ['Was the Brennock ferry sale all an elaborate hoax?', 'Was the Brennock ferry sale all an elaborate hoax?'],
    ['Harbour Watch: Is the Brennock ferry photo a fake?', 'Harbour Watch: Is the Brennock ferry photo a fake?'],
    ['Was the Brennock ferry sold to a hotel chain?', null],
    // "denies the hoax claims" affirms; a denial followed by "after a fake story …" denies.
    ['Mayor Dalgety denies the hoax claims about the ferry', null],
  ])('%s → %s', (text, cue) => {
    expect(findDenial(text)?.cue ?? null).toBe(cue);
  });

  it('should read a denial whose clause ends before a later "fake"', () => {
    expect(findDenial('Folk singer Tam Orr forced to deny that he is dead after fake obituary spreads online')?.cue).toMatch(/^deny/i);
  });

  it('should let an asked headline with a denial cue dispute the claim, and a plain question not', () => {
    const statement = read('The Brennock ferry was sold to a hotel chain by Mayor Dalgety', 'B');
    const kinds = (text: string) => conflictsBetween(read(text, 'A'), statement).map((conflict) => conflict.kind);
    expect(kinds('Was the Brennock ferry sale to a hotel chain all an elaborate hoax?')).toContain('denial');
    expect(kinds('Was the Brennock ferry sold to a hotel chain by Mayor Dalgety?')).toEqual([]);
  });
});

describe('opposite states named in order', () => {
  it.each<[string, string, 0 | 1 | undefined]>([
    ['Aid worker Mara Lind, feared kidnapped by rebels, says she is actually fine', 'Aid worker Mara Lind was kidnapped by rebels', 0],
    ['Aid Worker Mara Lind Captured By Rebels Says She Is Safe And Secure', 'Aid worker Mara Lind captured by rebels near Quillby', 0],
    // The state before the opposite: she was safe until she was taken; it states the kidnap.
    ['Aid worker Mara Lind was safe in Quillby until rebels kidnapped her', 'Aid worker Mara Lind was kidnapped by rebels', undefined],
  ])('%s / %s → %s', (a, b, stating) => {
    expect(oppositeStates(a, b)?.stating).toBe(stating);
  });
});

describe('lone lines, one inside the other', () => {
  const lone = (text: string, outlet: string) => matchProfile(read(text, outlet), articleContext({ paragraphs: [text] }));
  it.each<[string, string, boolean]>([
    ['Folk singer Tam Orr is dead', 'Folk singer Tam Orr forced to say he is not dead after a fake obituary spreads on social media in Quillby and beyond', true],
    ['Folk singer Tam Orr is dead', 'Quillby council votes to close the harbour market after a long night of debate', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    const [x, y] = [lone(a, 'A'), lone(b, 'B')];
    expect(withHeadlineMatch(matchPair(x, y), x, y).reason !== null).toBe(expected);
  });
});
