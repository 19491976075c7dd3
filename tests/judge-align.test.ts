// Aligned conflicts: a figure or date conflicts only with one filling the same slot;
// a running count in a later article is an update.
import { describe, expect, it } from 'vitest';
import { testSentence } from './helpers/claim.js';
import { analyzeSentence } from '../src/core/claims/index.js';
import { conflictsBetween, judgeCluster } from '../src/core/judge/index.js';
import { articleContext, matchProfile } from '../src/core/match/index.js';
import type { Claim } from '../src/types.js';

const sentence = testSentence;
const claim = (text: string, outlet: string, published?: string): Claim => {
  const c = analyzeSentence(sentence(text, outlet), { outlet, ...(published ? { published } : {}) });
  matchProfile(c, articleContext({ paragraphs: [], ...(published ? { published } : {}) }));
  return c;
};
const kinds = (a: Claim, b: Claim) => conflictsBetween(a, b).map((conflict) => conflict.kind);

describe('aligned quantity conflicts', () => {
  it.each([
    ['Six miners lost their lives in the collapse.', 'Two of the five miners were injured in the collapse.'],
    ['Three people died in the crash.', 'Seven people were injured in the crash.'],
    ['The 61-year-old Ivo Brandt and 38-year-old Lena Brandt were at home.', 'His 38-year-old daughter Lena Brandt was at home.'],
  ])('should not dispute figures of different slots: %s / %s', (a, b) => {
    expect(kinds(claim(a, 'A'), claim(b, 'B'))).not.toContain('quantity');
  });

  it.each([
    ['Three people died in the crash.', 'Five people died in the crash.'],
    ['The 61-year-old Ivo Brandt was at home.', 'The 64-year-old Ivo Brandt was at home.'],
  ])('should dispute figures of one slot: %s / %s', (a, b) => {
    expect(kinds(claim(a, 'A'), claim(b, 'B'))).toContain('quantity');
  });
});

describe('figures of other slots of one unit (issue 13, MSRP train misalignments)', () => {
  it.each([
    // A change and a level.
    ['Shares of Orlen rose to $31 on Tuesday.', 'Orlen shares rose $1.40 on Tuesday.'],
    ['The jobless rate in Vell County stood at 7.2 percent.', 'The jobless rate in Vell County rose by 1.1 percent.'],
    // A figure per thing and a whole.
    ['Callers face fines of up to $5,000 per call.', 'Callers face fines of up to $90,000.'],
    ['Tenants pay $40 a month for parking.', 'Tenants pay $400 for parking.'],
    // For each one and for all together.
    ['Each crate weighed less than 40 pounds.', 'The crates weighed 130 pounds combined.'],
    // Another set.
    ['The mayor will meet the other two councillors on Friday.', 'The mayor will meet the five councillors on Friday.'],
    // Other proper adjectives of the counted thing.
    ['The smugglers carried three Danish passports.', 'The smugglers carried two Swiss passports.'],
    // A decimal comma before a scale word.
    ['Officials say 1,2 million voters took part.', 'Officials say 1.2 million voters took part.'],
    // A round figure and a precise one within 1% of it.
    ['The comet has not passed this close in 70,000 years.', 'The comet has not passed this close in 69,480 years.'],
    ['The guild now has 8,000 members.', 'The guild now has more than 8,000 members.'],
  ])('should not dispute %s / %s', (a, b) => {
    expect(kinds(claim(a, 'A'), claim(b, 'B'))).not.toContain('quantity');
    expect(kinds(claim(b, 'B'), claim(a, 'A'))).not.toContain('quantity');
  });

  it.each([
    ['Shares of Orlen rose $1.40 on Tuesday.', 'Orlen shares rose $2.10 on Tuesday.'],
    ['The jobless rate in Vell County stood at 7.2 percent.', 'The jobless rate in Vell County rose to 7.9 percent.'],
    ['Callers face fines of $5,000 per call.', 'Callers face fines of $9,000 per call.'],
    ['Each crate weighed 40 pounds.', 'Each crate weighed 45 pounds.'],
    ['The mayor will meet the other two councillors.', 'The mayor will meet the other three councillors.'],
    ['At least 12 U.S. soldiers were killed.', 'At least 15 American soldiers were killed.'],
    ['Officials say 1,2 million voters took part.', 'Officials say 1.5 million voters took part.'],
    ['The guild now has 1,000 members.', 'The guild now has 1,200 members.'],
    ['The blaze burned 300 acres of forest.', 'The blaze burned 296 acres of forest.'],
  ])('should still dispute %s / %s', (a, b) => {
    expect(kinds(claim(a, 'A'), claim(b, 'B'))).toContain('quantity');
    expect(kinds(claim(b, 'B'), claim(a, 'A'))).toContain('quantity');
  });
});

describe('aligned date conflicts', () => {
  it.each([
    ['He is due to appear before a judge on March 3.', 'She is due to appear before a judge on June 9.'],
  ])('should not dispute dates of two actors: %s / %s', (a, b) => {
    expect(kinds(claim(a, 'A', '2031-02-01'), claim(b, 'B', '2031-02-01'))).not.toContain('date');
  });

  it.each([['He is due to appear before a judge on March 3.', 'He is due to appear before a judge on March 5.']])(
    'should dispute dates of one act: %s / %s',
    (a, b) => {
      expect(kinds(claim(a, 'A', '2031-02-01'), claim(b, 'B', '2031-02-01'))).toContain('date');
    },
  );
});

describe('updates of running counts', () => {
  it.each([
    ['At least 12 people were killed in the flooding.', '2031-05-01', 'At least 19 people were killed in the flooding.', '2031-05-03', 'rose from 12 to 19'],
    ['Forty people were arrested after the march.', '2031-05-01', 'Thirty-two people were arrested after the march.', '2031-05-02', 'fell from 40 to 32'],
  ])('should mark %s → %s as an update, not a dispute', (a, pa, b, pb, detail) => {
    const x = claim(a, 'A', pa);
    const y = claim(b, 'B', pb);
    const [conflict] = conflictsBetween(x, y);
    expect(conflict).toMatchObject({ kind: 'quantity', update: true });
    expect(conflict!.detail).toContain(detail);
    const finding = judgeCluster({ claims: [x, y], related: [] }, new Map());
    expect(finding.verdict).toBe('corroborated');
    expect(finding.conflicts[0]!.update).toBe(true);
  });

  it.each([
    ['At least 12 people were killed in the flooding.', 'At least 19 people were killed in the flooding.'],
  ])('should keep a dispute when both articles are of one day: %s / %s', (a, b) => {
    const finding = judgeCluster({ claims: [claim(a, 'A', '2031-05-01'), claim(b, 'B', '2031-05-01')], related: [] }, new Map());
    expect(finding.verdict).toBe('disputed');
    expect(finding.conflicts[0]!.update).toBeUndefined();
  });
});
