// src/data/compromise-lexicon.json is compromise's lexicon as scripts/build-lexicon.ts
// writes it: a compromise upgrade without running it again fails here. Name kinds and
// lexicon tags read it, so they must answer as compromise's own lexicon does.
import { createRequire } from 'node:module';
import type Nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import data from '../src/data/compromise-lexicon.json' with { type: 'json' };
import { lexiconTags, nameKind } from '../src/core/nlp.js';

const live = (createRequire(import.meta.url)('compromise') as typeof Nlp).model() as { one: { lexicon: Record<string, string | string[]> } };

describe('compromise lexicon data', () => {
  it("holds every entry of compromise's lexicon, with its tags", () => {
    expect(data.lexicon).toEqual(live.one.lexicon);
  });

  it.each([
    ['chicago', 'place'],
    ['ohio', 'region'],
    ['maria lopez', 'person'],
    ['the thistlewood quarry', null],
  ])('names %s as compromise does (%s)', (phrase, kind) => {
    expect(nameKind(phrase)).toBe(kind);
  });

  it.each(['arrested', 'said', 'france', 'zzqxv'])('gives the tags compromise gives %s', (word) => {
    const tags = live.one.lexicon[word];
    expect(lexiconTags(word)).toEqual(tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags);
  });
});
