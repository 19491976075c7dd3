// Denials: a mention that calls false, a hoax or a fabrication what another states
// disputes it (conflict kind "denial", the cue in the detail); look-alikes that
// affirm or only report a hoax do not; the denial's frame does not spoil the match.
import { describe, expect, it } from 'vitest';
import { findDenial, withoutDenialFrame } from '../../src/core/claims/denial.js';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { conflictsBetween } from '../../src/core/judge/index.js';
import { claimTerms } from '../../src/core/match/pair.js';
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

/** A claim as the extractors read the sentence. */
function read(text: string, outlet: string): Claim {
  return analyzeSentence(claim(text, { outlet }).sentence, { outlet });
}

describe('findDenial', () => {
  it.each<[string, string]>([
    ['The two-headed calf photo is a hoax', 'is a hoax'],
    ['Two-headed calf a complete fabrication', 'a complete fabrication'],
    ['The lighthouse ghost video was just for a prank', 'for a prank'],
    ['Vets debunk the two-headed calf story', 'debunk'],
    ['The harbour board denies it sold the pier', 'denies'],
    ['There is no evidence that the mayor sold the pier', 'no evidence that'],
    ['The famous photo of the calf is probably a hoax', 'is probably a hoax'],
    ['No, the calf probably didn’t have two heads', 'probably didn’t'],
    ['Rumours that the pier was sold are false', 'Rumours that the pier was sold are false'.slice(0, 7)],
    ['Reports of the singer’s death greatly exaggerated', 'greatly exaggerated'],
    ['That pier sale story isn’t true', 'isn’t true'],
  ])('should find the denial in "%s"', (text, cue) => {
    expect(findDenial(text)?.cue.startsWith(cue)).toBe(true);
  });

  it.each<[string]>([
    ['The farmer insists the calf is not a hoax'],
    ['The singer denies the hoax claims about her surgery'],
    ['Police traced a hoax call to a phone box'],
    ['He was arrested with a fake passport'],
    ['The court dismissed the appeal on Tuesday'],
    ['The harbour board sold the pier to a developer'],
    ['The minister refused to confirm or deny the sale'],
    ['The army shot down two drones near the base'],
  ])('should find no denial in "%s"', (text) => {
    expect(findDenial(text)).toBeNull();
  });

  it('should name who denies in "X denies …"', () => {
    expect(findDenial('The harbour board denies it sold the pier')?.holder).toBe('The harbour board');
  });

  it.each<[string, string]>([
    ['Two-headed calf a hoax', 'Two-headed calf a     '],
    ['The harbour board sold the pier', 'The harbour board sold the pier'],
  ])('should blank the frame of "%s" for matching', (text, blanked) => {
    expect(withoutDenialFrame(text)).toBe(blanked);
  });

  it('should leave the frame words out of the terms the matcher compares', () => {
    const terms = claimTerms(read('Vets debunk the two-headed calf story', 'A')).terms;
    expect(terms).not.toContain('debunk');
    expect(terms).not.toContain('stori');
    expect(terms).toEqual(expect.arrayContaining(['calf']));
  });
});

describe('conflictsBetween with denials', () => {
  const kinds = (a: Claim, b: Claim) => conflictsBetween(a, b).map((conflict) => conflict.kind);

  it.each<[string, string, string, string[]]>([
    ['a hoax', 'Two-headed calf born on Ridgeway farm is a hoax', 'A two-headed calf was born on a Ridgeway farm', ['denial']],
    ['a denier', 'The harbour board denies it sold the pier to a developer', 'The harbour board sold the pier to a developer', ['denial']],
    ['no evidence', 'There is no evidence that the harbour board sold the pier', 'The harbour board sold the pier', ['denial']],
    ['a hedged denial', 'The photo of the two-headed calf is probably a fake', 'A photo shows a two-headed calf', ['denial']],
    ['both deny', 'The two-headed calf photo is a hoax', 'The calf did not have two heads, the vet said', []],
    ['a denial of the denial', 'The farmer insists the two-headed calf is not a hoax', 'A two-headed calf was born on the farm', []],
    ['a reported hoax call', 'Police traced a hoax call about the pier to a phone box', 'Police traced a call about the pier to a phone box', []],
    ['an answer to the denial', 'The two-headed calf photo is a hoax', 'The farmer says the two-headed calf photo is not a hoax', ['denial']],
    ['a denial aimed at something else in a long sentence', 'The minister denied those claims on Thursday, calling them smoke screens to hide the army’s support for the rebels', 'The minister said on Thursday the accusations were smoke screens to hide the army’s support for the rebels', []],
    ['a reported dismissal in another clause', 'Voters went to the polls in an election hailed by officials as a step to democracy but dismissed by critics as a sham', 'Voters went to the polls in an election described by officials as a step to democracy', []],
    ['a denied offer', 'The prosecutor denied an offer from the defence to plead guilty', 'The prosecutor turned down an offer from the defence to plead guilty', []],
    ['no denial at all', 'The harbour board sold the pier to a developer', 'The harbour board sold the pier on Monday', []],
  ])('should judge %s', (_name, left, right, expected) => {
    expect(kinds(read(left, 'A'), read(right, 'B'))).toEqual(expected);
    expect(kinds(read(right, 'B'), read(left, 'A'))).toEqual(expected);
  });

  it('should put the cue and the denier in the detail', () => {
    const [conflict] = conflictsBetween(read('The harbour board denies it sold the pier', 'A'), read('The harbour board sold the pier', 'B'));
    expect(conflict?.detail).toContain('"denies"');
    expect(conflict?.detail).toContain('(The harbour board)');
  });
});
