// Names in a Title Case line: takes a line of text and a run of capitalised words
// in it, and returns the parts of the run that can be names. In a headline
// ("Justin Bieber Saved A Guy Getting Mauled By A Bear") every word is capitalised,
// so a run of capitals is no name; the words compromise's lexicon knows as plain
// words (verbs, adjectives, common nouns) split it ("Justin Bieber", "Bear" →
// nothing: a plain noun alone is no name). Tunables: src/data/match-identity.json
// (`titleCase`).

import data from '../../data/match-identity.json' with { type: 'json' };
import { lexiconTags } from '../nlp.js';

const TUNABLES = {
  share: data.titleCase.share,
  minWords: data.titleCase.minWords,
  nameTags: new Set(data.titleCase.nameTags),
  plainWords: new Set(data.titleCase.plainWords),
  plainSuffixes: data.titleCase.plainSuffixes,
  minSuffixWord: data.titleCase.minSuffixWord,
};

/**
 * Whether a line is in Title Case (or ALL CAPS): at least `share` of its words
 * (of at least `minWords`) start with a capital, so capitals tell no names.
 *
 * @param text A sentence or paragraph.
 */
export function isTitleCaseLine(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length < TUNABLES.minWords) return false;
  const capitalised = words.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length;
  return capitalised >= TUNABLES.share * words.length;
}

/**
 * Whether a word is a plain word, not a name: compromise's lexicon knows it only
 * as such ("saved", "bear", "true"), it is listed (`plainWords`: "rumors", "story"),
 * or the lexicon does not know it and it ends like a verb form (`plainSuffixes`:
 * "mauled", "tweeting") or is the plural of a plain word.
 */
export function isPlainWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s?$/u, '').replace(/[^\p{L}-]/gu, '');
  if (lower.length === 0) return false;
  const plain = (tags: readonly string[]): boolean => tags.length > 0 && !tags.some((tag) => TUNABLES.nameTags.has(tag));
  if (TUNABLES.plainWords.has(lower) || plain(lexiconTags(lower))) return true;
  const known = lexiconTags(lower).length > 0;
  // A verb form the lexicon does not list ("Mauled", "Tweeting").
  if (!known && lower.length >= TUNABLES.minSuffixWord && TUNABLES.plainSuffixes.some((suffix) => lower.endsWith(suffix))) return true;
  // A plural or third person the lexicon lists by its stem ("rumors", "takes").
  const stems = lower.endsWith('ies') ? [`${lower.slice(0, -3)}y`] : lower.endsWith('es') ? [lower.slice(0, -2), lower.slice(0, -1)] : lower.endsWith('s') ? [lower.slice(0, -1)] : [];
  return !known && stems.some((stem) => stem.length > 2 && plain(lexiconTags(stem)));
}

/**
 * The parts of a run of capitalised words of a Title Case line that can be names:
 * the run split at plain words (`isPlainWord`), which are dropped. Each part
 * comes with its offset in the run.
 *
 * @param run The run as written (words separated by single spaces).
 */
export function titleCaseParts(run: string): { readonly text: string; readonly at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let current: string[] = [];
  let start = 0;
  let offset = 0;
  for (const word of run.split(' ')) {
    if (isPlainWord(word)) {
      if (current.length > 0) parts.push({ text: current.join(' '), at: start });
      current = [];
    } else {
      if (current.length === 0) start = offset;
      current.push(word);
    }
    offset += word.length + 1;
  }
  if (current.length > 0) parts.push({ text: current.join(' '), at: start });
  return parts;
}
