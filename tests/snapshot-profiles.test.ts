// The match profiles a corpus snapshot keeps of each source (src/engine/codec.ts
// `encodeProfiles`): a re-check compares old claims on them instead of reading
// their sources' analyses, so they must read back exactly as analysed, share
// what the decoder shares without changing values, and refuse other shapes.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/core/parse.js';
import { analyzeSource } from '../src/core/report.js';
import { decodeProfiles, encodeProfiles, lazyProfiles } from '../src/engine/codec.js';

const ARTICLES: readonly (readonly [string, string])[] = [
  [
    'ferry',
    [
      '---',
      'outlet: Harbor Test Wire',
      'title: Ferry service to Pell Island halted after engine fire',
      'published: 2024-03-05',
      '---',
      '',
      'The Pell Island ferry stopped running on Tuesday after an engine fire injured three crew members, the operator Tidewater Lines said.',
      '',
      'Tidewater Lines said about 1,200 passengers a day use the route, and that repairs would take at least two weeks.',
      '',
      'Mayor Dana Whitcombe said the town would run extra buses to the mainland until the ferry returns.',
    ].join('\n'),
  ],
  [
    'orchard',
    [
      '---',
      'outlet: Valley Test Courier',
      'published: 2023-10-11',
      '---',
      '',
      'Frost destroyed 40 percent of the apple crop in Lindale County this spring, the county extension office reported.',
      '',
      'Growers said they had lost more than $3 million, and the state agriculture board promised emergency loans by December.',
    ].join('\n'),
  ],
  ['empty', ['---', 'outlet: Quiet Test Post', '---', '', 'Nothing here is a claim.'].join('\n')],
];

describe('snapshot profiles', () => {
  it.each(ARTICLES)('read back exactly as analysed (%s)', (name, text) => {
    const source = parseSource(`${name}.md`, Buffer.from(text)).source!;
    const { profiles } = analyzeSource(source);
    const stored = encodeProfiles(profiles);
    expect(stored).toBeTypeOf('string');
    const decoded = decodeProfiles(stored!);
    expect(decoded).toEqual(profiles);
    // Key order too: the profiles are what comparisons read, and what a later snapshot writes again.
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(profiles));
    expect(encodeProfiles(decoded!)).toBe(stored);
  });

  it('shares the article core of claims that have the same one', () => {
    const source = parseSource('ferry.md', Buffer.from(ARTICLES[0]![1])).source!;
    const decoded = decodeProfiles(encodeProfiles(analyzeSource(source).profiles)!)!;
    expect(decoded.length).toBeGreaterThan(1);
    expect(decoded[1]!.identity.core).toBe(decoded[0]!.identity.core);
  });

  it.each([
    ['not JSON', '[['],
    ['not a list', '{"a":1}'],
    ['a row of another length', '[["a b", [], []]]'],
    ['tokens that are not text', '[[7, [], [], [], [[],[],[],[],[],[],[],[],[],null]]]'],
  ])('refuses %s', (_, text) => {
    expect(decodeProfiles(text)).toBeUndefined();
  });
});

// A re-check reads the profiles of an old source one at a time (`lazyProfiles`): each
// must be what the whole list decodes to, asked in any order, and a bad row refused alone.
describe('snapshot profiles read one at a time', () => {
  it.each(ARTICLES)('gives each profile as the whole list decodes it, in any order (%s)', (name, text) => {
    const source = parseSource(`${name}.md`, Buffer.from(text)).source!;
    const { profiles } = analyzeSource(source);
    const stored = encodeProfiles(profiles)!;
    const at = lazyProfiles(stored, profiles.length)!;
    expect(at).toBeTypeOf('function');
    const order = profiles.map((_, k) => k).reverse();
    for (const k of order) expect(JSON.stringify(at(k))).toBe(JSON.stringify(profiles[k]));
    // Asked again: the same object, made once.
    for (const k of order) expect(at(k)).toBe(at(k));
    expect(at(profiles.length)).toBeUndefined();
    expect(at(-1)).toBeUndefined();
  });

  it('shares the article core with the claim before it when that one was read first', () => {
    const source = parseSource('ferry.md', Buffer.from(ARTICLES[0]![1])).source!;
    const profiles = analyzeSource(source).profiles;
    const at = lazyProfiles(encodeProfiles(profiles)!, profiles.length)!;
    expect(profiles.length).toBeGreaterThan(1);
    const first = at(0)!;
    expect(at(1)!.identity.core).toBe(first.identity.core);
  });

  it.each([
    ['not JSON', '[[', 1],
    ['not a list', '{"a":1}', 1],
    ['a list of another length', '[]', 1],
  ])('refuses %s', (_, text, count) => {
    expect(lazyProfiles(text, count)).toBeUndefined();
  });

  it('refuses a bad row alone, and reads the good ones', () => {
    const source = parseSource('ferry.md', Buffer.from(ARTICLES[0]![1])).source!;
    const profiles = analyzeSource(source).profiles;
    const rows = JSON.parse(encodeProfiles(profiles)!) as unknown[];
    rows[0] = [7, [], [], [], [[], [], [], [], [], [], [], [], [], null]];
    const at = lazyProfiles(JSON.stringify(rows), rows.length)!;
    expect(at(0)).toBeUndefined();
    expect(JSON.stringify(at(1))).toBe(JSON.stringify(profiles[1]));
  });
});
