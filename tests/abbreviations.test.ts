// Tests of src/abbreviations.ts: the one abbreviation list, as the splitter and the extract lexer read it.

import { describe, expect, it } from 'vitest';
import { abbreviationKindOf, loadAbbreviations } from '../src/core/abbreviations.js';
import abbreviations from '../src/data/abbreviations.json' with { type: 'json' };
import { tokenize } from '../src/core/claims/tokens.js';

const kinds = ['title', 'number', 'time', 'general'] as const;

describe('abbreviationKindOf', () => {
  it.each([
    ['Dr', 'title'],
    ['MSGR', 'title'],
    ['no', 'number'],
    ['Dec', 'number'],
    ['a.m', 'time'],
    ['Calif', 'general'],
    ['etc', 'general'],
    ['calif', undefined],
    ['table', undefined],
    ['', undefined],
  ] as const)('should give %j the kind %j', (word, kind) => {
    expect(abbreviationKindOf(word)).toBe(kind);
  });

  it('should load the list once', () => {
    expect(loadAbbreviations()).toBe(loadAbbreviations());
  });

  it('should list every word under one kind only', () => {
    const all = kinds.flatMap((kind) => abbreviations[kind].map((word) => word.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('tokenize with the shared abbreviation list', () => {
  it.each(
    kinds.flatMap((kind) =>
      abbreviations[kind].filter((word) => !word.includes('.')).map((word) => [`Ask ${word}. Lee about it.`, word] as const),
    ),
  )('should not break the phrase after the abbreviation in %j', (text, word) => {
    const token = tokenize(text).find((candidate) => candidate.core === word)!;
    expect(token.after).toBe('.');
    expect(token.breakAfter).toBe(false);
  });

  it.each([
    ['We ate lunch. Lee paid.', 'lunch', true],
    ['Ask J. Lee about it.', 'J', false],
    ['The U.S. Army left.', 'U.S', false],
  ] as const)('should break after a plain word and not after initials: %j', (text, word, breaks) => {
    expect(tokenize(text).find((token) => token.core === word)!.breakAfter).toBe(breaks);
  });
});
