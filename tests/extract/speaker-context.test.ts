// Speakers across an article (issue 17, item 2): "he added", "the statement
// said", "according to the complaint" take the named speaker or organization
// before them; "town officials said" is a named group. Invented sentences.
import { describe, expect, it } from 'vitest';
import { findAttribution } from '../../src/core/claims/attribution.js';
import { extractClaims, isNamedSpeaker, resolveSpeakers } from '../../src/core/claims/index.js';
import type { Sentence } from '../../src/types.js';

describe('resolveSpeakers', () => {
  it.each([
    [['Mayor Ana Ruiz', 'he'], ['Mayor Ana Ruiz', 'Mayor Ana Ruiz']],
    [['the Harbour Authority', 'the statement'], ['the Harbour Authority', 'the Harbour Authority']],
    [['the Harbour Authority', 'Ruiz', 'the complaint'], ['the Harbour Authority', 'Ruiz', 'the Harbour Authority']],
    [['the Harbour Authority', 'Ruiz', 'she'], ['the Harbour Authority', 'Ruiz', 'Ruiz']],
    [['the Harbour Authority', 'it'], ['the Harbour Authority', 'the Harbour Authority']],
    [['he'], ['he']],
    [['the statement', null], ['the statement', null]],
    [['Ruiz', null, null, null, null, null, 'he'], ['Ruiz', null, null, null, null, null, 'he']],
    [['town officials', 'they'], ['town officials', 'town officials']],
  ])('should resolve %j to %j', (speakers, expected) => {
    expect(resolveSpeakers(speakers)).toEqual(expected);
  });

  it.each([
    ['town officials', true],
    ['the county prosecutors', false],
    ['he', false],
    ['the statement', false],
    ['the criminal complaint', false],
    ['Ruiz', true],
    ['the Harbour Authority', true],
  ])('should tell whether %s names someone (%s)', (speaker, named) => {
    expect(isNamedSpeaker(speaker)).toBe(named);
  });
});

describe('named groups', () => {
  it.each([
    ['The bridge will stay closed until March, town officials said.', 'town officials'],
    ['The water main burst twice in one week, local residents said.', 'local residents'],
  ])('should find the group in %j', (text, speaker) => {
    expect(findAttribution(text)).toBe(speaker);
  });
});

function sentence(index: number, text: string): Sentence {
  return {
    source: 'harbour',
    index,
    text,
    plain: text,
    position: { start: { line: index + 1, column: 1, offset: index * 200 }, end: { line: index + 1, column: text.length + 1, offset: index * 200 + text.length } },
    block: index,
    kind: 'paragraph',
  };
}

describe('extractClaims', () => {
  it('should give "he added" and "the statement said" the speaker named before them', () => {
    const claims = extractClaims(
      [
        sentence(0, 'The harbour will dredge 3 berths this winter, the Harbour Authority said in a statement.'),
        sentence(1, 'The work will cost 2 million euros and end in April, the statement said.'),
        sentence(2, '"We expect 40 more ships a year," said Tomas Berg.'),
        sentence(3, 'He added that 12 jobs would be created at the port.'),
      ],
      { outlet: 'Coast Daily', published: '2024-10-01' },
    );
    expect(claims.map((claim) => claim.attribution)).toEqual(['the Harbour Authority', 'the Harbour Authority', 'Tomas Berg', 'Tomas Berg']);
  });
});
