// The judge on its own, on hand-made claims: which pairs of mentions conflict
// (figures that cannot both hold, other dates, a negation of what the other
// states), and the verdict, conflicts, outlets and origins of a cluster.
import { describe, expect, it } from 'vitest';
import { conflictsBetween, findingId, judgeCluster, quantityIncompatibility } from '../../src/core/judge/index.js';
import type { Claim, ConflictKind, Quantity } from '../../src/types.js';
import { claim, quantityIn, type ClaimSpec, type DateSpec, type QuantitySpec } from '../helpers/claim.js';

const MEETINGS = 'The mayor held four meetings with the builder.';
const meetings = (text: string, min: number | null, max: number | null, extra: Partial<QuantitySpec> = {}): ClaimSpec => ({
  quantities: [{ text, min, max, unit: 'meeting', ...extra }],
});
/** A sentence about the mayor's meetings with the figure written as `phrase`. */
const aboutMeetings = (phrase: string, min: number | null, max: number | null, extra: Partial<QuantitySpec> = {}, outlet = 'B'): Claim =>
  claim(`The mayor held ${phrase} with the builder.`, { outlet, ...meetings(phrase, min, max, extra) });

describe('quantityIncompatibility', () => {
  const q = (text: string, spec: Omit<QuantitySpec, 'text'>): Quantity => quantityIn(text, { text, unit: 'meeting', ...spec });

  it.each<[string, Quantity, Quantity, string | undefined]>([
    ['a point inside a lower bound', q('at least four', { min: 4, max: null }), q('five', { min: 5, max: 5 }), undefined],
    ['a point below a lower bound', q('at least four', { min: 4, max: null }), q('two', { min: 2, max: 2 }), 'the figures cannot both be true'],
    ['two different points', q('three', { min: 3, max: 3 }), q('four', { min: 4, max: 4 }), 'the figures cannot both be true'],
    ['the same point', q('four', { min: 4, max: 4 }), q('four', { min: 4, max: 4 }), undefined],
    ['a point at an open upper bound', q('fewer than ten', { min: 0, max: 10, maxExclusive: true }), q('ten', { min: 10, max: 10 }), 'the figures cannot both be true'],
    ['a point at a closed upper bound', q('up to ten', { min: 0, max: 10 }), q('ten', { min: 10, max: 10 }), undefined],
    ['a point at an open lower bound', q('more than ten', { min: 10, max: null, minExclusive: true }), q('ten', { min: 10, max: 10 }), 'the figures cannot both be true'],
    ['two lower bounds with other figures', q('at least four', { min: 4, max: null }), q('at least six', { min: 6, max: null }), 'both say "at least" with different figures'],
    ['two lower bounds with one figure', q('at least four', { min: 4, max: null }), q('at least four', { min: 4, max: null }), undefined],
    ['two upper bounds with other figures', q('up to eight', { min: 0, max: 8 }), q('up to nine', { min: 0, max: 9 }), 'both say "at most" with different figures'],
    ['two strict upper bounds with other figures', q('fewer than eight', { min: 0, max: 8, maxExclusive: true }), q('fewer than nine', { min: 0, max: 9, maxExclusive: true }), 'both say "fewer than" with different figures'],
    ['a lower and an upper bound that overlap', q('at least four', { min: 4, max: null }), q('up to nine', { min: 0, max: 9 }), undefined],
    ['a range holding a point', q('between three and six', { min: 3, max: 6 }), q('five', { min: 5, max: 5 }), undefined],
    ['an approximate figure within a tenth', q('about 4,000', { min: 4000, max: 4000, approximate: true }), q('4,300', { min: 4300, max: 4300 }), undefined],
    ['an approximate figure beyond a tenth', q('about 4,000', { min: 4000, max: 4000, approximate: true }), q('4,500', { min: 4500, max: 4500 }), 'the figures cannot both be true'],
    ['an approximate small figure within one', q('about three', { min: 3, max: 3, approximate: true }), q('four', { min: 4, max: 4 }), undefined],
  ])('should judge %s', (_name, a, b, expected) => {
    expect(quantityIncompatibility(a, b)).toBe(expected);
    expect(quantityIncompatibility(b, a)).toBe(expected);
  });
});

describe('conflictsBetween', () => {
  const base = claim(MEETINGS, { outlet: 'A', ...meetings('four meetings', 4, 4) });
  const dated = (text: string, dates: DateSpec[], outlet = 'A') => claim(text, { outlet, dates });
  const kinds = (a: Claim, b: Claim): ConflictKind[] => conflictsBetween(a, b).map((conflict) => conflict.kind);

  it.each<[string, Claim, Claim, ConflictKind[]]>([
    ['no conflict for the same figure', base, aboutMeetings('four meetings', 4, 4), []],
    ['a quantity conflict for another figure', base, aboutMeetings('two meetings', 2, 2), ['quantity']],
    ['a quantity conflict for a synonymous unit', base, claim('The mayor held two conferences with the builder.', { quantities: [{ text: 'two conferences', min: 2, max: 2, unit: 'conference' }] }), ['quantity']],
    ['no conflict for figures of another unit', base, claim('The mayor met two builders.', { quantities: [{ text: 'two builders', min: 2, max: 2, unit: 'builder' }] }), []],
    ['no conflict for figures of another kind', base, claim('The mayor held the meetings for two years.', { quantities: [{ text: 'two years', min: 2, max: 2, unit: 'meeting', kind: 'duration' }] }), []],
    ['no conflict between bare numbers', claim('Room 12 was used.', { quantities: [{ text: '12', min: 12, max: 12, kind: 'number' }] }), claim('Room 14 was used.', { quantities: [{ text: '14', min: 14, max: 14, kind: 'number' }] }), []],
    ['no conflict between years', claim('It opened in 1998.', { quantities: [{ text: '1998', min: 1998, max: 1998, kind: 'year' }] }), claim('It opened in 1999.', { quantities: [{ text: '1999', min: 1999, max: 1999, kind: 'year' }] }), []],
    ['no conflict for a figure the other does not state', base, claim('The mayor held talks with the builder.'), []],
    ['a date conflict for another day', dated('The pier reopened on May 3.', [{ text: 'May 3', value: '2022-05-03' }]), dated('The pier reopened on May 5.', [{ text: 'May 5', value: '2022-05-05' }], 'B'), ['date']],
    ['no date conflict for the same day', dated('The pier reopened on May 3.', [{ text: 'May 3', value: '2022-05-03' }]), dated('The pier reopened on Tuesday.', [{ text: 'Tuesday', value: '2022-05-03', relative: true }], 'B'), []],
    ['no date conflict for an unresolved date', dated('The pier reopened on May 3.', [{ text: 'May 3', value: '2022-05-03' }]), dated('The pier reopened on Tuesday.', [{ text: 'Tuesday', value: null, relative: true }], 'B'), []],
    ['a date conflict for another month', dated('The pier reopened in May.', [{ text: 'May', value: '2022-05', grain: 'month' }]), dated('The pier reopened in June.', [{ text: 'June', value: '2022-06', grain: 'month' }], 'B'), ['date']],
    ['no date conflict when one side names two days', dated('The pier closed on May 1 and reopened on May 3.', [{ text: 'May 1', value: '2022-05-01' }, { text: 'May 3', value: '2022-05-03' }]), dated('The pier reopened on May 3.', [{ text: 'May 3', value: '2022-05-03' }], 'B'), []],
    [
      'no date conflict for a day inside the month the other side also names',
      dated('In May the pier reopened, on May 3.', [{ text: 'May', value: '2022-05', grain: 'month' }, { text: 'May 3', value: '2022-05-03' }]),
      dated('The pier reopened on May 5.', [{ text: 'May 5', value: '2022-05-05' }], 'B'),
      [],
    ],
    ['a negation conflict when one denies what the other states', claim('The mayor never signed the permit.', { negation: 'never' }), claim('The mayor signed the permit last week.', { outlet: 'B' }), ['negation']],
    ['no negation conflict when the other does not state the negated word', claim('The mayor never signed the permit.', { negation: 'never' }), claim('The mayor declined to comment on the permit.', { outlet: 'B' }), []],
    ['no negation conflict when the other negates without a cue', claim('The mayor did not sign the permit.', { negation: 'did not' }), claim('The mayor refused to sign the permit.', { outlet: 'B' }), []],
    ['no negation conflict when both are negated', claim('The mayor never signed the permit.', { negation: 'never' }), claim('The mayor did not sign the permit.', { outlet: 'B', negation: 'did not' }), []],
    ['a quantity and a date conflict together', claim('The mayor held four meetings on May 3.', { quantities: [{ text: 'four meetings', min: 4, max: 4, unit: 'meeting' }], dates: [{ text: 'May 3', value: '2022-05-03' }] }), claim('The mayor held two meetings on May 5.', { outlet: 'B', quantities: [{ text: 'two meetings', min: 2, max: 2, unit: 'meeting' }], dates: [{ text: 'May 5', value: '2022-05-05' }] }), ['quantity', 'date']],
  ])('should find %s', (_name, a, b, expected) => {
    expect(kinds(a, b)).toEqual(expected);
    expect(kinds(b, a)).toEqual(expected);
  });

  // Once an asymmetry: the figures of the first claim are checked against the
  // second's, so "two, then four" vs "four" was a conflict ("two" against "four").
  // A figure of the other side that another figure of this side states is
  // accounted for, so both orders agree.
  const twoThenFour = claim('The mayor held two meetings, then four meetings in all.', {
    outlet: 'B',
    quantities: [
      { text: 'two meetings', min: 2, max: 2, unit: 'meeting' },
      { text: 'four meetings', min: 4, max: 4, unit: 'meeting' },
    ],
  });
  it('should find no conflict for a figure the other side also states among others', () => {
    expect(kinds(base, twoThenFour)).toEqual([]);
  });
  it('should find the same the other way round (the figure the other side states is accounted for)', () => {
    expect(kinds(twoThenFour, base)).toEqual([]);
  });

  it.each<[string, Claim, Claim, string[]]>([
    ['both figures and the reason', base, aboutMeetings('two meetings', 2, 2), ['four meetings', 'two meetings', 'cannot both be true']],
    ['both dates as written and resolved', dated('The pier reopened on May 3.', [{ text: 'May 3', value: '2022-05-03' }]), dated('The pier reopened on May 5.', [{ text: 'May 5', value: '2022-05-05' }], 'B'), ['May 3 (2022-05-03)', 'May 5 (2022-05-05)']],
    ['the cue and the word it negates', claim('The mayor never signed the permit.', { negation: 'never' }), claim('The mayor signed the permit last week.'), ['"never"', '"signed"']],
  ])('should name %s in the detail', (_name, a, b, parts) => {
    const [conflict] = conflictsBetween(a, b);
    for (const part of parts) expect(conflict?.detail).toContain(part);
  });
});

describe('judgeCluster', () => {
  const paths = new Map<string, string>();
  const judge = (...claims: Claim[]) => judgeCluster({ claims, related: [] }, paths);
  const four = (outlet: string) => aboutMeetings('four meetings', 4, 4, {}, outlet);
  const two = (outlet: string) => aboutMeetings('two meetings', 2, 2, {}, outlet);

  it.each<[string, Claim[], 'corroborated' | 'disputed' | 'unique', number]>([
    ['unique: one outlet', [four('North Star')], 'unique', 0],
    ['unique: one outlet twice, even with another figure', [four('North Star'), { ...two('North Star'), sentence: { ...two('North Star').sentence, index: 3 } }], 'unique', 0],
    ['corroborated: two outlets, one figure', [four('North Star'), four('Quay Gazette')], 'corroborated', 0],
    ['corroborated: two outlets, compatible figures', [four('North Star'), aboutMeetings('at least three meetings', 3, null, {}, 'Quay Gazette')], 'corroborated', 0],
    ['disputed: two outlets, other figures', [four('North Star'), two('Quay Gazette')], 'disputed', 1],
    ['disputed: the odd one out against two others', [four('North Star'), four('Quay Gazette'), two('Island Radio')], 'disputed', 2],
  ])('should judge %s', (_name, claims, verdict, conflicts) => {
    const finding = judge(...claims);
    expect(finding.verdict).toBe(verdict);
    expect(finding.conflicts).toHaveLength(conflicts);
    expect(finding.mentions).toHaveLength(claims.length);
    expect(finding.outlets).toEqual([...new Set(claims.map((c) => c.outlet))].sort());
    for (const conflict of finding.conflicts) {
      const [a, b] = conflict.between;
      expect(a).toBeLessThan(b);
      expect(finding.mentions[a]!.outlet).not.toBe(finding.mentions[b]!.outlet);
    }
  });

  it('should drop the conflicts of a pair a reviewer marked as an update', () => {
    const claims = [four('North Star'), two('Quay Gazette')];
    const finding = judgeCluster({ claims, related: [] }, paths, [], (a, b) => new Set([a.outlet, b.outlet]).size === 2);
    expect(finding.verdict).toBe('corroborated');
    expect(finding.conflicts).toEqual([]);
  });

  it('should put mentions in outlet order and point the conflicts at them', () => {
    const finding = judge(two('Quay Gazette'), four('North Star'));
    expect(finding.mentions.map((m) => m.outlet)).toEqual(['North Star', 'Quay Gazette']);
    expect(finding.conflicts[0]!.between).toEqual([0, 1]);
    expect(finding.conflicts[0]!.detail.indexOf('four')).toBeLessThan(finding.conflicts[0]!.detail.indexOf('two'));
  });

  it('should take the representative from the side with fewer conflicts', () => {
    const finding = judge(two('Island Radio'), four('North Star'), four('Quay Gazette'));
    expect(finding.text).toBe(four('North Star').sentence.plain);
  });

  it('should give the same id and finding whatever the order of the claims', () => {
    const claims = [four('North Star'), four('Quay Gazette'), two('Island Radio')];
    const finding = judge(...claims);
    expect(judge(...[...claims].reverse())).toEqual(finding);
    expect(finding.id).toBe(findingId(claims));
    expect(finding.id).toMatch(/^[0-9a-f]{12}$/);
    // The id is that of the claim whose key sorts first, so it survives other outlets joining.
    expect(judge(four('North Star'), four('Market Bulletin')).id).toBe(judge(four('Market Bulletin')).id);
    expect(judge(four('North Star')).id).not.toBe(judge(four('Quay Gazette')).id);
  });

  it.each<[string, (string | null)[], string[]]>([
    ['one origin for one speaker quoted by two outlets', ['the Harbour Board', 'the Harbour Board'], ['Harbour Board']],
    ['one origin for a speaker named in two ways', ['Harbour Master Ada Lovell', 'Lovell'], ['Harbour Master Ada Lovell']],
    ['the outlets for unattributed claims', [null, null], ['North Star', 'Quay Gazette']],
    ['the outlet for a vague speaker', ['officials', 'the Harbour Board'], ['Harbour Board', 'North Star']],
  ])('should count %s', (_name, speakers, origins) => {
    const claims = ['North Star', 'Quay Gazette'].map((outlet, i) => claim(MEETINGS, { outlet, index: i, attribution: speakers[i] ?? null }));
    expect(judge(...claims).origins).toEqual(origins);
  });

  it('should give each mention its path, place and facts', () => {
    const a = claim(MEETINGS, { outlet: 'North Star', index: 4, ...meetings('four meetings', 4, 4), attribution: 'the Harbour Board' });
    const finding = judgeCluster({ claims: [a], related: [{ claim: 'x#1', score: 0.3 }] }, new Map([['north-star', 'news/north-star.md']]), [{ id: 'other', score: 0.4 }]);
    expect(finding.related).toEqual([{ id: 'other', score: 0.4 }]);
    expect(finding.mentions[0]).toMatchObject({
      source: 'north-star',
      path: 'news/north-star.md',
      outlet: 'North Star',
      text: MEETINGS,
      place: { start: { line: 5, column: 1, offset: 4000 }, end: { offset: 4000 + MEETINGS.length } },
      quantities: a.quantities,
      negated: false,
      attribution: 'the Harbour Board',
    });
    expect(judge(claim(MEETINGS, { outlet: 'Nowhere' })).mentions[0]!.path).toBe('nowhere');
  });
});
