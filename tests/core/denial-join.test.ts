// Denials join the claim they deny (issue 14): a lone line's negation cue ("wasn't",
// "won't", "No, … not") is left out of the terms it is matched on, and a cluster of
// denials merges with the cluster that states what they deny at the lower bar
// `denialLinkage`, when the pair that merges them is a denial and a statement. A cue that
// opens the line as its label ('Pants on Fire: …') rates the rest of the line.
import { describe, expect, it } from 'vitest';
import { denialClause, findDenial, isDenying } from '../../src/core/claims/denial.js';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { withoutNegationCues } from '../../src/core/claims/negation.js';
import { conflictsBetween } from '../../src/core/judge/index.js';
import { mergeClusters, type MatchEdge, type PairGraph } from '../../src/core/match/cluster.js';
import { articleContext } from '../../src/core/match/identity.js';
import { claimTerms, matchPair, matchProfile } from '../../src/core/match/pair.js';
import { resolveClusterOptions } from '../../src/core/match/options.js';
import type { Claim } from '../../src/types.js';
import { claim } from '../helpers/claim.js';

const read = (text: string, outlet: string): Claim => analyzeSentence(claim(text, { outlet }).sentence, { outlet });
const lone = (text: string, outlet: string) => matchProfile(read(text, outlet), articleContext({ paragraphs: [text] }));

describe('withoutNegationCues', () => {
  it.each<[string, string]>([
    ['Mayor Dalgety did not sell the ferry', 'Mayor Dalgety did     sell the ferry'],
    ['Mayor Dalgety wasn’t arrested', 'Mayor Dalgety was    arrested'],
    ['The Brennock ferry won’t sail in March', 'The Brennock ferry will  sail in March'],
    ['Quillby cannot afford the harbour', 'Quillby can    afford the harbour'],
    ['The mayor has never met the buyer', 'The mayor has       met the buyer'],
    ['No, the mayor isn’t selling', '  , the mayor is    selling'],
    // Idioms that only look negative keep their words.
    ['Not only the ferry but the harbour was sold', 'Not only the ferry but the harbour was sold'],
    ['The ferry was sold to a hotel chain', 'The ferry was sold to a hotel chain'],
  ])('%s → %s', (text, expected) => {
    expect(withoutNegationCues(text)).toBe(expected);
  });
});

describe('claimTerms of a lone line', () => {
  it('should leave a lone line’s negation cue out of its terms, and keep it in prose', () => {
    const denial = read('Quillby Mayor Dalgety Wasn’t Arrested Over The Ferry Sale', 'A');
    expect(claimTerms(denial, true).terms).not.toContain('wasn’t');
    expect(claimTerms(denial, false).terms).toContain('wasn’t');
    expect(lone('Quillby Mayor Dalgety Wasn’t Arrested Over The Ferry Sale', 'A').terms.terms).not.toContain('wasn’t');
  });

  it.each<[string, string]>([
    ['Folk singer Tam Orr was arrested in Quillby', 'No, Tam Orr Wasn’t Arrested'],
    ['The Brennock ferry will sail to Quillby in March', 'Sorry, The Brennock Ferry Won’t Sail In March'],
  ])('should read the lone denial %s ~ %s on what it denies', (statement, denial) => {
    // Every term of the denial is one of the statement's ("wasn't" and "No," are not terms, "won't" reads "will").
    expect(matchPair(lone(statement, 'A'), lone(denial, 'B')).overlap.coverageB).toBeGreaterThan(0.85);
  });
});

describe('isDenying', () => {
  it.each<[string, boolean]>([
    ['The Brennock ferry sale is a hoax', true],
    ['No, the Brennock ferry wasn’t sold to a hotel chain', true],
    ['The Brennock ferry was sold to a hotel chain', false],
    // Affirms against a denial.
    ['The Brennock ferry sale is not a hoax', false],
  ])('%s → %s', (text, expected) => {
    expect(isDenying(read(text, 'A'))).toBe(expected);
  });
});

describe('a cluster of denials joins the claim it denies', () => {
  // Claims 0-2 state the sale, 3-4 deny it (or, in the control, state it too).
  const statements = ['The Brennock ferry was sold to a hotel chain', 'Brennock ferry sold to a hotel chain, mayor says', 'Hotel chain buys the Brennock ferry'];
  const denials = ['The Brennock ferry sale to a hotel chain is a hoax', 'No, the Brennock ferry wasn’t sold to a hotel chain'];
  const controls = ['Hotel chain confirms it bought the Brennock ferry', 'The Brennock ferry now belongs to a hotel chain'];
  const related = new Set(['0-1', '0-2', '1-2', '3-4', '0-3', '0-4']);
  const edges: MatchEdge[] = [
    { i: 3, j: 4, strength: 0.9, confident: true },
    { i: 0, j: 1, strength: 0.8, confident: true },
    { i: 1, j: 2, strength: 0.8, confident: true },
    { i: 0, j: 3, strength: 0.5, confident: true },
  ];
  const graph = (pairs: Set<string>) => ({ relation: (x: number, y: number) => (pairs.has(`${Math.min(x, y)}-${Math.max(x, y)}`) ? 1 : 0) }) as unknown as PairGraph;
  const run = (texts: readonly string[], pairs: Set<string>, denialLinkage?: number) => {
    const claims = texts.map((text, k) => read(text, `O${k}`));
    const input = { sourceOf: texts.map((_, k) => `s${k}`), claimAt: (k: number) => claims[k]!, profileAt: () => lone(texts[0]!, 'x') };
    return mergeClusters([0, 1, 2, 3, 4], edges, graph(pairs), input, resolveClusterOptions(denialLinkage === undefined ? {} : { denialLinkage }));
  };

  it('should merge the denials into the statement’s cluster (2 of 6 cross pairs related)', () => {
    expect(run([...statements, ...denials], related)).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('should keep two clusters of statements apart at the usual linkage', () => {
    expect(run([...statements, ...controls], related)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  it('should keep the denials apart when too few cross pairs are related', () => {
    expect(run([...statements, ...denials], new Set(['0-1', '0-2', '1-2', '3-4', '0-3']), 0.2)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });
});

describe('a rating label rates the rest of the line', () => {
  const statement = read('At least ten smugglers were caught at the Quillby harbour crossing by the coast guard', 'B');
  it.each<[string, string[]]>([
    ['Pants on Fire: Councillor Brae makes unproven claim coast guard caught at least ten smugglers at the Quillby harbour crossing', ['denial']],
    ['False: Councillor Brae says the coast guard caught ten smugglers at the Quillby harbour crossing last week', ['denial']],
    // A label that rates something else, and a cue after the line's opening words, keep their own clause.
    ['Ferry fares: Councillor Brae says the coast guard caught ten smugglers at the Quillby harbour crossing last week', []],
  ])('%s → %s', (text, kinds) => {
    expect(conflictsBetween(read(text, 'A'), statement).map((conflict) => conflict.kind)).toEqual(kinds);
  });

  it('should give the label the rest of the line as its clause', () => {
    const text = 'Pants on Fire: Councillor Brae says the ferry was sold, and the harbour too';
    expect(denialClause(text, findDenial(text)!)).toBe(' Councillor Brae says the ferry was sold, and the harbour too');
  });
});
