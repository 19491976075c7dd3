// Word-for-word copies (wire copy): a sentence printed by two outlets is one claim
// whatever their articles' main events (pair.ts `isVerbatimCopy`), is always a
// candidate however light its words (blocking.ts `exactCopyTerm`), passes the gate
// of near stories, and its copies merge before look-alikes (cluster.ts). A copy with
// a figure changed is no copy.
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { blockPairs, blockKeysOf, type BlockClaim } from '../../src/core/match/blocks.js';
import { buildBlocking, copyTermsOf, extendBlocking, pairsTouching, storyGateOf } from '../../src/core/match/blocking.js';
import { cluster } from '../../src/core/match/cluster.js';
import { articleContext, identityRelation } from '../../src/core/match/identity.js';
import { resolveClusterOptions } from '../../src/core/match/options.js';
import { copyKeyOf, isVerbatimCopy, matchPair, matchProfile, type MatchProfile } from '../../src/core/match/pair.js';
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

/** Two articles about two different events. */
const FLOOD = { title: 'Flood in Quillby: Marta Kovacs rescued from the river', lead: 'Marta Kovacs was rescued from the Quillby river on Tuesday, the Quillby fire service said.' };
const CRASH = { title: 'Bus crash near Vennmouth: driver Henrik Dahl charged', lead: 'Henrik Dahl, the driver, was charged after the bus crashed near Vennmouth, Larkspur Police said.' };

function claimIn(text: string, source: string, article: { title: string; lead: string }, index = 1): { claim: Claim; profile: MatchProfile } {
  const made = analyzeSentence(claim(text, { outlet: source, source, index }).sentence, { outlet: source, published: '2031-04-02' });
  return { claim: made, profile: matchProfile(made, articleContext({ title: article.title, paragraphs: [article.lead, text], published: '2031-04-02' })) };
}

describe('copyKeyOf', () => {
  it.each([
    ['the same sentence', 'The ferry sailed from the northern quay at noon.', 'The ferry sailed from the northern quay at noon.', true],
    ['other spacing', 'The ferry sailed from the northern quay at noon.', '  The ferry sailed\nfrom the  northern quay at noon.', true],
    ['a figure changed', 'The council approved 12 new homes on the old depot site.', 'The council approved 14 new homes on the old depot site.', false],
    ['a number word changed', 'The council approved twelve new homes on the old depot site.', 'The council approved fourteen new homes on the old depot site.', false],
    ['a day changed', 'The ferry sailed from the northern quay on Friday.', 'The ferry sailed from the northern quay on Saturday.', false],
    ['a word dropped', 'The ferry sailed from the northern quay at noon.', 'The ferry sailed from the quay at noon.', false],
  ])('should give %s %s key', (_, a, b, same) => {
    expect(copyKeyOf(a) === copyKeyOf(b)).toBe(same);
    expect(Number.isSafeInteger(copyKeyOf(a))).toBe(true);
  });
});

describe('matchPair of copies in articles about different events', () => {
  it('should match a sentence printed word for word though the articles are about two events', () => {
    const text = 'The storm brought down power lines across the valley overnight.';
    const [a, b] = [claimIn(text, 'ledger', FLOOD), claimIn(text, 'courier', CRASH)];
    // The articles alone tell the events apart...
    expect(identityRelation(a.profile.identity, b.profile.identity).different).toBe(true);
    // ...but a wire copy is one claim.
    expect(isVerbatimCopy(a.profile, b.profile)).toBe(true);
    const pair = matchPair(a.profile, b.profile);
    expect(pair.reason).not.toBeNull();
    expect(pair.identity.different).toBe(false);
  });

  it.each([
    ['a figure changed', 'Officials said 40 homes lost power in the storm overnight.', 'Officials said 43 homes lost power in the storm overnight.'],
    ['a word changed', 'The storm brought down power lines across the valley overnight.', 'The storm brought down phone lines across the valley overnight.'],
  ])('should keep two events apart when the sentences differ by %s', (_, x, y) => {
    const [a, b] = [claimIn(x, 'ledger', FLOOD), claimIn(y, 'courier', CRASH)];
    expect(isVerbatimCopy(a.profile, b.profile)).toBe(false);
    const pair = matchPair(a.profile, b.profile);
    expect(pair.identity.different).toBe(true);
    expect(pair.reason).toBeNull();
  });
});

describe('candidates and the story gate of light copies', () => {
  const options = resolveClusterOptions();
  const texts = [
    ['It was a long night.', 'ledger'],
    ['It was a long night.', 'courier'],
    ['It was a long week.', 'wire'],
    ['It was a long night.', 'ledger'],
  ] as const;
  const profiles = texts.map(([text, source], index) => claimIn(text, source, FLOOD, index).profile);
  const sourceOf = texts.map(([, source]) => source);

  it('should be too light for the near-copy join', () => {
    expect(copyTermsOf(profiles[0]!, options).total).toBeLessThan(options.minSharedWeight);
  });

  it('should give light copies of different sources as candidates, and nothing else', () => {
    const index = buildBlocking(profiles, options);
    const pairs = [...pairsTouching(index, sourceOf, options, new Set([0, 1, 2, 3]), (i) => profiles[i]!)].map(([i, j]) => `${i}-${j}`).sort();
    expect(pairs).toEqual(['0-1', '1-3']);
  });

  it('should give the same pairs when the index is extended with the copies', () => {
    const first = buildBlocking(profiles.slice(0, 1), options);
    const { index } = extendBlocking(first, [1, 2, 3], (i) => profiles[i]!, options);
    expect(index.copies).toEqual(buildBlocking(profiles, options).copies);
    const pairs = [...pairsTouching(index, sourceOf, options, new Set([1, 2, 3]), (i) => profiles[i]!)].map(([i, j]) => `${i}-${j}`).sort();
    expect(pairs).toEqual(['0-1', '1-3']);
  });

  it('should give the same pairs one block at a time (a distributed run)', () => {
    const claims: BlockClaim[] = profiles.map((profile, index) => ({ index, source: sourceOf[index]!, profile, capped: blockKeysOf(profile, options).terms }));
    const blocks = new Map<string, BlockClaim[]>();
    for (const item of claims) for (const term of blockKeysOf(item.profile, options).copies) blocks.set(term, [...(blocks.get(term) ?? []), item]);
    const pairs = [...blocks].flatMap(([term, members]) => blockPairs({ kind: 'copies', term, claims: members }, options)).map(([i, j]) => `${i}-${j}`).sort();
    expect(pairs).toEqual(['0-1', '1-3']);
  });

  it.each([
    ['one story', true, 'open'],
    ['near stories', 'near', 'open'],
    ['two stories (a stock phrase is no claim of either)', false, 'closed'],
  ] as const)('should gate light copies of %s as %s', (_, relation, expected) => {
    const gate = storyGateOf(sourceOf, () => relation, (i) => profiles[i]!, options)!;
    expect(gate(0, 1)).toBe(expected);
    // Not a copy: near stories still ask the identities.
    expect(gate(0, 2)).toBe(relation === 'near' ? 'identity' : expected);
  });
});

describe('clustering copies', () => {
  it('should put copies in one cluster before look-alikes of one event fill it', () => {
    const text = 'The storm brought down power lines across the valley overnight.';
    const made = [
      claimIn(text, 'ledger', FLOOD),
      claimIn('Overnight, the storm brought down power lines across the valley.', 'herald', FLOOD),
      claimIn('Across the valley, the storm brought down power lines overnight.', 'gazette', FLOOD),
      claimIn(text, 'courier', CRASH),
    ];
    const result = cluster(
      { sourceOf: made.map((item) => item.claim.sentence.source), claimAt: (i) => made[i]!.claim, profileAt: (i) => made[i]!.profile },
      resolveClusterOptions(),
    );
    const clusterOf = (i: number) => result.made.findIndex((item) => item.members.includes(i));
    expect(clusterOf(0)).toBe(clusterOf(3));
  });
});
