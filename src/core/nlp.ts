// The one door to compromise: takes small strings, returns plain values, never
// a compromise View. Used only on short spans other stages have already found.
// compromise is loaded on first use, through its single-file CommonJS build (the
// package's `require` export): most articles never need it, and its ES source is
// 436 modules that cost every command ~200 ms to load. Lexicon lookups (`nameKind`,
// `lexiconTags`) read its lexicon as data (src/data/compromise-lexicon.json, written
// by scripts/build-lexicon.ts), so matching never loads it.

import { createRequire } from 'node:module';
import type Nlp from 'compromise';
import lexiconData from '../data/compromise-lexicon.json' with { type: 'json' };

let nlp: typeof Nlp | undefined;

function compromise(): typeof Nlp {
  nlp ??= createRequire(import.meta.url)('compromise') as typeof Nlp;
  return nlp;
}

/** A number phrase read as a value. */
export interface NumberReading {
  readonly value: number;
  readonly ordinal: boolean;
}

const cache = new Map<string, NumberReading | null>();

/**
 * The value of a short number phrase written in words or digits
 * ("twenty-five", "a billion", "100 million", "thirty-first"), cached.
 *
 * @param phrase Just the number phrase, not a whole sentence.
 * @returns The value, or null when compromise reads no single number in it.
 */
export function numberValue(phrase: string): NumberReading | null {
  const key = phrase.trim().toLowerCase();
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let reading: NumberReading | null = null;
  const numbers = compromise()(key).numbers();
  if (numbers.length === 1) {
    const [first] = numbers.json() as { number?: { num?: unknown } }[];
    const value = first?.number?.num;
    if (typeof value === 'number' && Number.isFinite(value)) {
      reading = { value, ordinal: numbers.isOrdinal().length === 1 };
    }
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(key, reading);
  return reading;
}

/** What kind of name a short phrase is, as compromise reads it. */
export type NameKind = 'person' | 'place' | 'region' | 'organization';

const kindCache = new Map<string, NameKind | null>();

/** compromise's lexicon, as data (tests/lexicon-data.test.ts holds it to the package's). */
const lexicon: Readonly<Record<string, string | readonly string[]>> = lexiconData.lexicon;

/** Tags compromise's lexicon gives a lowercase word or phrase (no parse: a lookup). */
function tagsOf(word: string): readonly string[] {
  const tags = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
}

const PERSON_TAGS = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific']);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const REGION_TAGS = new Set(['Country', 'Region']);
const PLACE_TAGS = new Set(['City', 'Place', 'Address']);

function kindOfTags(tags: readonly string[]): NameKind | null {
  if (tags.some((tag) => REGION_TAGS.has(tag))) return 'region';
  if (tags.some((tag) => PLACE_TAGS.has(tag))) return 'place';
  if (tags.includes('Organization')) return 'organization';
  if (tags.some((tag) => PERSON_TAGS.has(tag))) return 'person';
  return null;
}

/**
 * Whether a short capitalised phrase ("Tara Reid", "Chicago") names a person, a
 * place, a region (a country or state: "Ohio") or an organisation, as compromise's
 * lexicon knows its words (a lookup, not a parse: cheap enough for every name); cached.
 *
 * @param phrase Just the name, not a whole sentence.
 * @returns The kind, or null when the lexicon knows none.
 */
export function nameKind(phrase: string): NameKind | null {
  const key = phrase.trim().toLowerCase();
  const cached = kindCache.get(key);
  if (cached !== undefined) return cached;
  const words = key.split(/\s+/).map((word) => word.replace(/['’]s?$/u, '').replace(/\.$/u, ''));
  let kind = kindOfTags(tagsOf(key));
  if (kind === null && words.length > 1) {
    // "Tara Reid": a first name then more capitalised words is a person.
    if (tagsOf(words[0]!).some((tag) => FIRST_NAME_TAGS.has(tag))) kind = 'person';
    else kind = kindOfTags(tagsOf(words.at(-1)!)) === 'person' ? 'person' : null;
  } else if (kind === null) kind = kindOfTags(tagsOf(words[0]!));
  if (kindCache.size > 20_000) kindCache.clear();
  kindCache.set(key, kind);
  return kind;
}

/** A word as compromise's tagger reads it in a short line: its text, normal form and tags. */
export interface TaggedTerm {
  readonly text: string;
  readonly normal: string;
  readonly tags: readonly string[];
}

/**
 * The words of a short line with compromise's tags (plain values; used on headline-length lines only).
 *
 * @param text The line.
 */
export function taggedTerms(text: string): TaggedTerm[] {
  const sentences = compromise()(text).json() as { terms: { text: string; normal: string; tags: string[] }[] }[];
  return sentences.flatMap((sentence) => sentence.terms.map((term) => ({ text: term.text, normal: term.normal, tags: term.tags })));
}

/**
 * The tags compromise's lexicon gives a word (empty when it does not know it).
 *
 * @param word A lowercase word.
 */
export function lexiconTags(word: string): readonly string[] {
  return tagsOf(word);
}
