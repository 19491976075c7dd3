// The match rules on their own, on hand-made claims: why two claims are linked
// (rules.ts), comparing two profiles (pair.ts), candidate pairs (blocking.ts)
// and the one clustering function (cluster.ts): average linkage, one source
// never matching itself, reviewers' cannot-links, and extending a call with new
// claims giving what a call over all claims gives.
import { describe, expect, it } from 'vitest';
import { buildBlocking, extendBlocking, maxPostingsFor, pairsTouching, postingsOf, type BlockingIndex } from '../../src/core/match/blocking.js';
import { cluster, type ClusterInput, type ClusterResult } from '../../src/core/match/cluster.js';
import { resolveClusterOptions, type ClusterOptions } from '../../src/core/match/options.js';
import { matchPair, matchProfile, type MatchProfile } from '../../src/core/match/pair.js';
import { figureKeys, isRelated, matchReason, type MatchReason } from '../../src/core/match/rules.js';
import { GramTable, MATCH_MODEL, type MatchModel, type Overlap } from '../../src/core/match/similarity.js';
import { isConceptKey, MIN_CONCEPT_WEIGHT } from '../../src/core/match/semantic-blocking.js';
import { termsOf } from '../../src/core/match/terms.js';
import type { Claim } from '../../src/types.js';
import { claim, type QuantitySpec } from '../helpers/claim.js';

const rules = MATCH_MODEL.rules;

/** An overlap with the larger coverage on side A. */
const overlap = (shared: number, coverage: number, minCoverage: number): Overlap => ({
  shared,
  totalA: shared / Math.max(coverage, 0.01),
  totalB: shared / Math.max(minCoverage, 0.01),
  coverageA: coverage,
  coverageB: minCoverage,
  maxUnmatched: 0,
  unmatchedNames: 0,
});
const swapped = (o: Overlap): Overlap => ({ ...o, coverageA: o.coverageB, coverageB: o.coverageA, totalA: o.totalB, totalB: o.totalA });

describe('matchReason', () => {
  const { same } = MATCH_MODEL;
  it.each<[string, number, Overlap, boolean, MatchReason | null]>([
    ['a paraphrase at the model threshold', same, overlap(0, 0, 0), false, 'paraphrase'],
    ['nothing just below the paraphrase threshold', same - 0.001, overlap(0, 0, 0), false, null],
    ['a paraphrase before any other rule', same, overlap(rules.containsShared, 1, 1), true, 'paraphrase'],
    ['one sentence containing the other', 0, overlap(rules.containsShared, rules.containsCoverage, rules.containsMinCoverage), false, 'contains'],
    ['no containment with too little shared weight', 0, overlap(rules.containsShared - 1, 1, 1), false, null],
    ['no containment when the smaller side is barely covered', 0, overlap(rules.containsShared, 1, rules.containsMinCoverage - 0.01), false, null],
    ['containment before a shared figure', 0, overlap(rules.containsShared, rules.containsCoverage, rules.containsMinCoverage), true, 'contains'],
    ['a shared figure with anchoring overlap', 0, overlap(rules.anchorShared, rules.anchorCoverage, rules.anchorMinCoverage), true, 'same figure'],
    ['no shared figure without the figure', 0, overlap(rules.anchorShared, rules.anchorCoverage, rules.anchorMinCoverage), false, null],
    ['no shared figure with too little overlap', 0, overlap(rules.anchorShared - 1, rules.anchorCoverage, rules.anchorMinCoverage), true, null],
    ['a broad overlap', rules.overlapProbability, overlap(rules.overlapShared, rules.overlapCoverage, rules.overlapMinCoverage), false, 'overlap'],
    ['no broad overlap below its probability', rules.overlapProbability - 0.01, overlap(rules.overlapShared, rules.overlapCoverage, rules.overlapMinCoverage), false, null],
    ['no broad overlap when one side is barely covered', rules.overlapProbability, overlap(rules.overlapShared, rules.overlapCoverage, rules.overlapMinCoverage - 0.01), false, null],
    ['nothing for unrelated claims', 0.05, overlap(10, 0.1, 0.1), true, null],
  ])('should give %s', (_name, probability, given, figure, expected) => {
    expect(matchReason(probability, given, { figure })).toBe(expected);
    // Which side is covered more does not matter.
    expect(matchReason(probability, swapped(given), { figure })).toBe(expected);
  });

  it('should read its thresholds from the model it is given', () => {
    const lenient: MatchModel = { ...MATCH_MODEL, same: 0.1 };
    expect(matchReason(0.2, overlap(0, 0, 0), { figure: false })).toBeNull();
    expect(matchReason(0.2, overlap(0, 0, 0), { figure: false }, lenient)).toBe('paraphrase');
  });
});

describe('isRelated', () => {
  it.each<[string, number, Overlap, boolean]>([
    ['related at the model threshold', MATCH_MODEL.related, overlap(0, 0, 0), true],
    ['unrelated just below it, with no overlap', MATCH_MODEL.related - 0.001, overlap(0, 0, 0), false],
    ['related by overlap alone', 0, overlap(rules.relatedShared, rules.relatedCoverage, 0), true],
    ['unrelated with the weight but too little coverage', 0, overlap(rules.relatedShared, rules.relatedCoverage - 0.01, 0), false],
    ['unrelated with the coverage but too little weight', 0, overlap(rules.relatedShared - 1, 1, 1), false],
  ])('should be %s', (_name, probability, given, expected) => {
    expect(isRelated(probability, given)).toBe(expected);
    expect(isRelated(probability, swapped(given))).toBe(expected);
  });
});

describe('figureKeys', () => {
  const withFigures = (...quantities: QuantitySpec[]) => claim('The board counted four meetings, two users and 40 percent in 2021 and 2022.', { quantities });
  const meetings = { text: 'four meetings', min: 4, max: 4, unit: 'meeting' };
  const users = { text: 'two users', min: 2, max: 2, unit: 'user' };

  it.each<[string, QuantitySpec[], number]>([
    ['no key for a claim without figures', [], 0],
    ['one key per unit', [meetings, users], 2],
    ['no key for a year', [{ text: '2021', min: 2021, max: 2021, kind: 'year' }], 0],
    ['no key for a bare number', [{ text: '40', min: 40, max: 40, kind: 'number' }], 0],
    ['no key for an ordinal', [{ text: '40', min: 40, max: 40, kind: 'ordinal' }], 0],
    ['a key for a percentage without a unit', [{ text: '40 percent', min: 40, max: 40, kind: 'percent' }], 1],
    ['one key for two figures of one unit', [meetings, { ...meetings, text: 'four', min: 9, max: 9 }], 1],
  ])('should give %s', (_name, quantities, count) => {
    const keys = figureKeys(withFigures(...quantities));
    expect(keys).toHaveLength(count);
    expect(keys).toEqual([...keys].sort());
  });

  it.each<[string, QuantitySpec, QuantitySpec, boolean]>([
    ['the same key whatever the values', meetings, { text: 'two users', min: 2, max: null, unit: 'meeting' }, true],
    ['the same key for synonymous units', meetings, { ...meetings, unit: 'conference' }, true],
    ['another key for another unit', meetings, users, false],
    ['another key for another kind of the same unit', { ...users, kind: 'count' }, { ...users, kind: 'duration' }, false],
  ])('should give %s', (_name, a, b, same) => {
    const [keyA] = figureKeys(withFigures(a));
    const [keyB] = figureKeys(withFigures(b));
    expect(keyA === keyB).toBe(same);
  });
});

// Sentences of made-up stories, reused below.
const BRIDGE = 'The council closed the old harbour bridge after engineers found deep cracks in its pillars.';
const BAKERY = 'A bakery in the market square won a national prize for its rye bread.';
const LONGER =
  'Engineers found deep cracks in the pillars of the old harbour bridge, and the council closed it on Monday while the ferry company added sailings to the island and shops reported fewer customers.';
const MEETINGS = 'Inspectors from the harbour board held at least four video meetings with the ferry operator in a single week.';
const CONFERENCES =
  'The ferry operator says the winter timetable came out of at least four video conferences, none of them public, and blames the harbour board for the delay.';
const atLeastFour = (text: string, unit: string): QuantitySpec => ({ text, min: 4, max: null, unit });

describe('matchPair', () => {
  const profile = (text: string, quantities: QuantitySpec[] = []) => matchProfile(claim(text, { quantities }));
  const fourMeetings = profile(MEETINGS, [atLeastFour('at least four video meetings', 'meeting')]);
  const fourConferences = profile(CONFERENCES, [atLeastFour('at least four video conferences', 'conference')]);
  const conferencesNoFigure = profile(CONFERENCES);

  it.each<[string, MatchProfile, MatchProfile, MatchReason | null, boolean]>([
    ['a paraphrase for the same sentence', profile(BRIDGE), profile(BRIDGE), 'paraphrase', true],
    ['containment for a sentence inside a longer one', profile(BRIDGE), profile(LONGER), 'contains', true],
    ['a shared figure for loosely worded mentions of at least four meetings', fourMeetings, fourConferences, 'same figure', true],
    ['no match for those words without the shared figure', fourMeetings, conferencesNoFigure, null, true],
    ['nothing for unrelated sentences', profile(BRIDGE), profile(BAKERY), null, false],
  ])('should give %s', (_name, a, b, reason, related) => {
    const pair = matchPair(a, b);
    expect(pair.reason).toBe(reason);
    expect(pair.related).toBe(related);
    expect(pair.probability >= MATCH_MODEL.same).toBe(reason === 'paraphrase');
    const back = matchPair(b, a);
    expect([back.reason, back.related, back.probability]).toEqual([pair.reason, pair.related, pair.probability]);
  });

  it.each([
    ['a number word', 'The council held two video meetings with the ferry operator.', 'two video meetings', 2],
    ['digits', 'The council held 12 video meetings with the ferry operator.', '12 video meetings', 12],
  ])('should mask figures: another figure in %s compares as the same words', (_name, text, phrase, value) => {
    const base = claim('The council held four video meetings with the ferry operator.', {
      quantities: [{ text: 'four video meetings', min: 4, max: 4, unit: 'meeting' }],
    });
    const other = claim(text, { quantities: [{ text: phrase, min: value, max: value, unit: 'meeting' }] });
    const pair = matchPair(matchProfile(base), matchProfile(other));
    const same = matchPair(matchProfile(base), matchProfile(base));
    expect(pair.overlap).toEqual(same.overlap);
    expect(pair.reason).toBe('paraphrase');
  });

  it('should give the same result with a shared n-gram table as with fresh ones', () => {
    const table = new GramTable();
    const pairs: [MatchProfile, MatchProfile][] = [
      [profile(BRIDGE), profile(LONGER)],
      [fourMeetings, fourConferences],
      [profile(BRIDGE), profile(BAKERY)],
      [profile(LONGER), profile(BRIDGE)],
    ];
    for (const [a, b] of pairs) expect(matchPair(a, b, MATCH_MODEL, table)).toEqual(matchPair(a, b));
  });
});

// ---------------------------------------------------------------------------
// A small corpus for blocking and clustering

/** Claims from [outlet, sentence] rows, numbered within each outlet. */
function corpus(rows: readonly (readonly [string, string])[]): Claim[] {
  const seen = new Map<string, number>();
  return rows.map(([outlet, text]) => {
    const index = seen.get(outlet) ?? 0;
    seen.set(outlet, index + 1);
    return claim(text, { outlet, index });
  });
}

const CHAIN = [
  'Engineers found deep cracks in the granite pillars of the harbour bridge near the market.',
  'Engineers found deep cracks in the granite pillars of the harbour bridge near the market, so the council banned lorries from the quay road.',
  'The council banned lorries from the quay road.',
  'The council banned lorries from the quay road, and the ferry company added night sailings to Hollow Island for stranded commuters.',
] as const;
const LIBRARY = 'The county library will cut its opening hours to three days a week from March.';
const FIRE = 'A fire at the paint factory on Mill Lane forced two hundred residents from their homes overnight.';

const STORIES = corpus([
  ['North Star', CHAIN[0]],
  ['Quay Gazette', LIBRARY],
  ['Quay Gazette', CHAIN[1]],
  ['Market Bulletin', FIRE],
  ['Island Radio', CHAIN[2]],
  ['North Star', LIBRARY],
  ['Island Radio', 'From March the county library will open its doors only three days a week.'],
  ['Market Bulletin', CHAIN[3]],
  ['North Star', 'Firefighters evacuated two hundred residents after a blaze at the Mill Lane paint factory.'],
  ['Market Bulletin', FIRE],
  ['Island Radio', 'The rowing club elected a new captain at its annual dinner on the quay.'],
  ['Quay Gazette', BAKERY],
  ['North Star', 'The bakery on the market square won a national prize for its rye bread.'],
]);
const QUAY = termsOf('quay').terms[0]!;
const PROFILES = STORIES.map((c) => matchProfile(c));
const profileAt = (index: number) => PROFILES[index]!;
const SOURCES = STORIES.map((c) => c.sentence.source);

function inputOf(claims: readonly Claim[], profiles: readonly MatchProfile[] = claims.map((c) => matchProfile(c))): ClusterInput {
  return { sourceOf: claims.map((c) => c.sentence.source), claimAt: (i) => claims[i]!, profileAt: (i) => profiles[i]! };
}
const membersOf = (result: ClusterResult) => result.made.map((made) => made.members);
const sortPairs = (pairs: Iterable<[number, number]>) => [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** Pairs of different sources sharing at least `minShared` of blocking weight, counted from each pair's first claim in term order. */
function candidatePairs(index: BlockingIndex, sourceOf: readonly string[], minShared: number): [number, number][] {
  const termsOf = (claim: number) =>
    new Map(
      [...index.postings].flatMap(([term, list]) => {
        const at = list.claims.indexOf(claim);
        return at === -1 ? [] : [[term, list.weights[at]!] as const];
      }),
    );
  const pairs: [number, number][] = [];
  for (let i = 0; i < sourceOf.length; i++) {
    const mine = termsOf(i);
    for (let j = i + 1; j < sourceOf.length; j++) {
      if (sourceOf[i] === sourceOf[j]) continue;
      const theirs = termsOf(j);
      const shared = [...mine.keys()].filter((term) => theirs.has(term)).sort();
      // Terms and concept keys (`~…`, semantic-blocking.ts) are summed apart, each against its own threshold.
      const terms = shared.filter((term) => !isConceptKey(term));
      const concepts = shared.filter((term) => isConceptKey(term));
      const weigh = (keys: string[]) => keys.reduce((sum, term) => sum + mine.get(term)!, 0);
      if ((terms.length > 0 && weigh(terms) >= minShared) || (concepts.length > 0 && weigh(concepts) >= MIN_CONCEPT_WEIGHT)) pairs.push([i, j]);
    }
  }
  return pairs;
}

describe('postingsOf', () => {
  it.each([0, 4, 8, 1000])('should list each term of weight at least %d with its claims in order', (minBlockingWeight) => {
    const postings = postingsOf(PROFILES, { minBlockingWeight });
    for (const list of postings.values()) {
      expect(list.weights.every((weight) => weight >= minBlockingWeight)).toBe(true);
      expect(list.claims).toEqual([...list.claims].sort((a, b) => a - b));
      expect(list.claims).toHaveLength(list.weights.length);
    }
    PROFILES.forEach((profile, index) => {
      profile.terms.terms.forEach((term, k) => {
        const weight = profile.terms.weights[k]!;
        expect(postings.get(term)?.claims.includes(index) ?? false).toBe(weight >= minBlockingWeight);
      });
    });
    if (minBlockingWeight === 1000) expect(postings.size).toBe(0);
  });
});

describe('buildBlocking', () => {
  it.each([1, 2, 3, 50])('should set aside terms in more than %d claims as too common', (maxTermClaims) => {
    const options = resolveClusterOptions({ maxTermClaims });
    const index = buildBlocking(PROFILES, options);
    expect(index.maxPostings).toBe(maxPostingsFor(PROFILES.length, options));
    const all = postingsOf(PROFILES, options);
    expect(new Set([...index.postings.keys(), ...index.common.keys()])).toEqual(new Set(all.keys()));
    for (const list of index.postings.values()) expect(list.claims.length).toBeLessThanOrEqual(index.maxPostings);
    for (const [term, count] of index.common) {
      expect(count).toBe(all.get(term)!.claims.length);
      expect(count).toBeGreaterThan(index.maxPostings);
    }
    // "quay" is in four claims of the corpus: too common only under a cap below four.
    expect(all.get(QUAY)!.claims).toHaveLength(4);
    expect(index.common.has(QUAY)).toBe(index.maxPostings < 4);
  });
});

describe('extendBlocking', () => {
  it.each([
    [1, 50],
    [4, 50],
    [8, 50],
    [12, 50],
    [1, 2],
    [4, 2],
    [8, 3],
    [12, 2],
  ])('should give, from the first %d claims extended with the rest (cap %d), the index built from all', (split, maxTermClaims) => {
    const options = resolveClusterOptions({ maxTermClaims });
    const prior = buildBlocking(PROFILES.slice(0, split), options);
    const { index, dirty } = extendBlocking(prior, range(split, PROFILES.length), (i) => PROFILES[i]!, options);
    const whole = buildBlocking(PROFILES, options);
    expect(index).toEqual(whole);
    const all = new Set(range(0, PROFILES.length));
    expect(sortPairs(pairsTouching(index, SOURCES, options, all, profileAt))).toEqual(sortPairs(pairsTouching(whole, SOURCES, options, all, profileAt)));
    // Dirty: the earlier claims that had a blocking term the extension made too common.
    const lost = [...prior.postings].filter(([term]) => index.common.has(term)).flatMap(([, list]) => list.claims);
    expect([...dirty].sort((a, b) => a - b)).toEqual([...new Set(lost)].sort((a, b) => a - b));
    expect([...dirty].every((claim) => claim < split)).toBe(true);
  });

  it('should leave the index it extends as it was', () => {
    const options = resolveClusterOptions({ maxTermClaims: 2 });
    const prior = buildBlocking(PROFILES.slice(0, 6), options);
    const copy = structuredClone(prior);
    extendBlocking(prior, range(6, PROFILES.length), (i) => PROFILES[i]!, options);
    expect(prior).toEqual(copy);
  });
});

describe('pairsTouching', () => {
  const options = resolveClusterOptions();
  const index = buildBlocking(PROFILES, options);
  const all = new Set(range(0, PROFILES.length));

  it.each([0, 10, 20, 40, 1000])('should give exactly the pairs sharing at least %d of blocking weight', (minSharedWeight) => {
    const pairs = sortPairs(pairsTouching(index, SOURCES, { ...options, minSharedWeight }, all, profileAt));
    expect(pairs).toEqual(candidatePairs(index, SOURCES, minSharedWeight));
    // Past any shared wording, only pairs close in meaning (concept keys) remain.
    if (minSharedWeight === 1000) expect(pairs).toEqual(candidatePairs(index, SOURCES, Infinity));
  });

  it.each([[[0]], [[3, 9]], [[12]], [[0, 2, 4, 7]], [range(0, 13)]])('should give the pairs that touch %j, each once', (claims) => {
    const pairs = [...pairsTouching(index, SOURCES, options, new Set(claims), profileAt)];
    const expected = candidatePairs(index, SOURCES, options.minSharedWeight).filter(([i, j]) => claims.includes(i) || claims.includes(j));
    expect(sortPairs(pairs)).toEqual(expected);
    expect(new Set(pairs.map((pair) => pair.join())).size).toBe(pairs.length);
    for (const [i, j] of pairs) {
      expect(i).toBeLessThan(j);
      expect(SOURCES[i]).not.toBe(SOURCES[j]);
    }
  });

  it('should find the bridge chain and the syndicated library sentence as candidates', () => {
    const pairs = sortPairs(pairsTouching(index, SOURCES, options, all, profileAt)).map((pair) => pair.join());
    expect(pairs).toEqual(expect.arrayContaining(['0,2', '2,4', '4,7', '1,5', '3,8']));
    // The fire report repeated by its own outlet is never a candidate with itself.
    expect(pairs).not.toContain('3,9');
  });
});

// ---------------------------------------------------------------------------

describe('cluster', () => {
  const run = (claims: readonly Claim[], options: ClusterOptions = {}) => membersOf(cluster(inputOf(claims), resolveClusterOptions(options)));

  it.each<[string, ClusterOptions, number[][]]>([
    ['keep a chain of claims apart where only neighbours match (average linkage)', {}, [[0, 1], [2, 3]]],
    ['chain them with no linkage required', { linkage: 0 }, [[0, 1, 2, 3]]],
  ])('should %s', (_name, options, expected) => {
    const claims = corpus([
      ['North Star', CHAIN[0]],
      ['Quay Gazette', CHAIN[1]],
      ['Island Radio', CHAIN[2]],
      ['Market Bulletin', CHAIN[3]],
    ]);
    // Each neighbour pair matches; the other pairs are not even related.
    const profiles = claims.map((c) => matchProfile(c));
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++) {
        const pair = matchPair(profiles[i]!, profiles[j]!);
        expect(pair.reason !== null, `${i}-${j}`).toBe(j === i + 1);
        expect(pair.related, `${i}-${j}`).toBe(j === i + 1);
      }
    }
    expect(run(claims, options)).toEqual(expected);
  });

  it.each<[string, [string, string][], number[][]]>([
    ['keep one sentence twice in one source apart', [['Quay Gazette', LIBRARY], ['Quay Gazette', LIBRARY]], [[0], [1]]],
    ['match one sentence in two sources', [['Quay Gazette', LIBRARY], ['North Star', LIBRARY]], [[0, 1]]],
    ['keep an outlet’s repeat with the outlet that matches both', [['Quay Gazette', LIBRARY], ['Quay Gazette', LIBRARY], ['North Star', LIBRARY]], [[0, 1, 2]]],
    ['not match unrelated claims of two sources', [['Quay Gazette', LIBRARY], ['North Star', BAKERY]], [[0], [1]]],
  ])('should %s', (_name, rows, expected) => {
    expect(run(corpus(rows))).toEqual(expected);
  });

  it.each<[string, [string, string][], (a: Claim, b: Claim) => boolean, (members: readonly (readonly number[])[]) => void]>([
    ['two outlets a reviewer separated', [['Quay Gazette', LIBRARY], ['North Star', LIBRARY]], () => true, (members) => expect(members).toEqual([[0], [1]])],
    [
      'two of three outlets a reviewer separated',
      [['Quay Gazette', LIBRARY], ['North Star', LIBRARY], ['Island Radio', LIBRARY]],
      (a, b) => new Set([a.outlet, b.outlet, 'Quay Gazette', 'Island Radio']).size === 2,
      (members) => {
        expect(members.flat().sort()).toEqual([0, 1, 2]);
        expect(members.some((list) => list.includes(0) && list.includes(2))).toBe(false);
        expect(members).toHaveLength(2);
      },
    ],
    ['no pair separated', [['Quay Gazette', LIBRARY], ['North Star', LIBRARY], ['Island Radio', LIBRARY]], () => false, (members) => expect(members).toEqual([[0, 1, 2]])],
  ])('should keep apart %s (cannotLink)', (_name, rows, cannotLink, check) => {
    check(run(corpus(rows), { cannotLink }));
  });

  it('should make clusters in order of their first member, covering every claim once', () => {
    const members = run(STORIES);
    expect(members.flat().sort((a, b) => a - b)).toEqual(range(0, STORIES.length));
    expect(members.map((list) => list[0])).toEqual([...members.map((list) => list[0])].sort((a, b) => a! - b!));
    for (const list of members) expect(list).toEqual([...list].sort((a, b) => a - b));
    // The claims of a cluster of more than one come from more than one source.
    for (const list of members) if (list.length > 1) expect(new Set(list.map((i) => SOURCES[i])).size).toBeGreaterThan(1);
  });

  it.each<[number, ClusterOptions]>([
    [1, {}],
    [3, {}],
    [5, {}],
    [8, {}],
    [12, {}],
    [4, { maxTermClaims: 2 }],
    [9, { maxTermClaims: 3 }],
    // The cap grows with the corpus here, so the prior cannot be extended and all is clustered anew.
    [6, { maxTermShare: 20, maxTermClaims: 1000 }],
  ])('should give, extending the first %d claims with the rest (%j), the clusters of one call over all', (split, given) => {
    const options = resolveClusterOptions(given);
    const input = inputOf(STORIES, PROFILES);
    const full = cluster(input, options);
    const first = cluster(inputOf(STORIES.slice(0, split), PROFILES.slice(0, split)), options);
    const prior = { state: first.state, members: first.made.map((made) => made.members), fresh: range(split, STORIES.length) };
    const extended = cluster(input, options, prior);

    const keptMembers = extended.kept.map((position) => prior.members[position]!);
    const together = [...extended.made.map((made) => made.members), ...keptMembers].sort((a, b) => a[0]! - b[0]!);
    expect(together).toEqual(membersOf(full));
    // Made clusters are those of the full call, claims, central claim and related links included.
    for (const made of extended.made) expect(made).toEqual(full.made.find((other) => other.members[0] === made.members[0]));
    // Kept clusters are whole earlier clusters of old claims only.
    for (const members of keptMembers) expect(members.every((i) => i < split)).toBe(true);
    // The state handed on is what a full call leaves.
    expect(extended.state.blocking).toEqual(full.state.blocking);
    expect(extended.state.edges).toEqual(full.state.edges);
    if (given.maxTermShare === 20) expect(extended.kept).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

describe('cluster with a story gate', () => {
  // Sources of one story: a, b; another story: c. Claims by index: a, b, c, and a near-copy of a in c.
  const PARAPHRASE_A = 'The Brackwater council voted nine to two on Tuesday to close the Ferrow Lane library branch.';
  const PARAPHRASE_B = 'The Brackwater council decided on Tuesday to close the library branch on Ferrow Lane by nine votes to two, despite protests.';
  const stories: Record<string, string> = { 'Tidewater Post': 's1', 'Harbour Echo': 's1', 'Inland Ledger': 's2' };
  const sourceStory = (claims: readonly Claim[]) => new Map(claims.map((c) => [c.sentence.source, stories[c.outlet]!]));
  const gated = (claims: readonly Claim[], relation: (x: string, y: string) => boolean | 'near') =>
    membersOf(cluster({ ...inputOf(claims), sameStory: relation }, resolveClusterOptions()));
  const byStory = (claims: readonly Claim[]) => {
    const story = sourceStory(claims);
    return (x: string, y: string) => story.get(x) === story.get(y);
  };

  it.each<[string, [string, string][], number[][]]>([
    ['match a paraphrase of the same story', [['Tidewater Post', PARAPHRASE_A], ['Harbour Echo', PARAPHRASE_B]], [[0, 1]]],
    ['keep a paraphrase of another story apart', [['Tidewater Post', PARAPHRASE_A], ['Inland Ledger', PARAPHRASE_B]], [[0], [1]]],
    ['match a verbatim copy across stories', [['Tidewater Post', PARAPHRASE_A], ['Inland Ledger', PARAPHRASE_A]], [[0, 1]]],
  ])('should %s', (_name, rows, expected) => {
    const claims = corpus(rows);
    expect(gated(claims, byStory(claims))).toEqual(expected);
    // Without a gate both pairs match: the gate made the difference.
    expect(membersOf(cluster(inputOf(claims), resolveClusterOptions()))).toEqual([[0, 1]]);
  });

  it.each<[string, boolean | 'near', number]>([
    ['one story', true, 1],
    ['two stories', false, 2],
  ])('should gate on the pair of sources only (%s)', (_name, relation, clusters) => {
    const claims = corpus([['Tidewater Post', PARAPHRASE_A], ['Harbour Echo', PARAPHRASE_B]]);
    expect(gated(claims, () => relation)).toHaveLength(clusters);
  });

  it('should give the same clusters for a story alone and inside a larger folder', () => {
    const story = corpus([['Tidewater Post', PARAPHRASE_A], ['Harbour Echo', PARAPHRASE_B]]);
    const other = corpus([['Inland Ledger', 'The Brackwater council voted on Tuesday to close the library branch on Ferrow Lane, nine votes to two, officials said.']]).map((c) => ({
      ...c,
      sentence: { ...c.sentence, source: 'inland-ledger' },
    }));
    const all = [...story, ...other];
    const alone = gated(story, byStory(story));
    const inside = gated(all, byStory(all)).filter((members) => members.every((index) => index < story.length));
    expect(inside).toEqual(alone);
  });
});
