// Headline-style assertions: takes a short line the verb list found no verb in
// ("Tesla plans Nevada factory", "Three-boobed woman a hoax") and returns the word
// that makes it assert something, or undefined. compromise tags the line (only these
// short lines); tunables in src/data/extract-headlines.json. A word in -s the tagger
// reads as a plural noun is a verb between nominals when its stem is a verb to
// compromise's lexicon or, known to the lexicon as a plural noun only, to WordNet
// (wordnet-verbs.ts: "Fire destroys historic …", "Striker sets club record").

import { lexiconTags, taggedTerms, type TaggedTerm } from '../nlp.js';
import { verbLemmas } from '../match/wordnet-verbs.js';
import headlineData from '../../data/extract-headlines.json' with { type: 'json' };

/** Tunables of this module, compiled once. */
export const headlineTunables = {
  minWords: headlineData.minWords,
  capsShare: headlineData.capsShare,
  predicates: new Set(headlineData.predicates),
  notVerbs: new Set(headlineData.notVerbs),
  adverbs: new Set(headlineData.adverbs),
  verbs: new Set(headlineData.verbs),
  pluralVerbWordnet: headlineData.pluralVerbWordnet,
  pluralVerbBefore: new Set(headlineData.pluralVerbBefore),
};

type Term = TaggedTerm;

const cache = new Map<string, string | null>();

/** A Title Case or ALL CAPS line in sentence case (the tagger reads capitals as names). */
function sentenceCase(text: string): string {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const capitalised = words.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length;
  if (words.length === 0 || capitalised / words.length < headlineTunables.capsShare) return text;
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const SUBJECT_TAGS = ['Noun', 'Pronoun', 'Value', 'ProperNoun', 'Acronym'];
const isSubject = (term: Term): boolean => SUBJECT_TAGS.some((tag) => term.tags.includes(tag)) && !term.tags.includes('Verb');

/**
 * The word that makes a short verb-less line a headline-style assertion: a verb
 * after a subject word ("Kim Jong Un broke both ankles", "Tesla plans …", "… will
 * sport …"), a participle after a noun ("Apple working on …"), or a copula-less
 * predicate ("Three-boobed woman a hoax", "Managua blast not a meteorite",
 * "Rapper dead at 57"). Undefined when the line asserts nothing ("Related links",
 * "Share this story", "Photo gallery").
 *
 * @param text The line's plain text (its words ≥ `minWords`).
 */
export function headlinePredicate(text: string): string | undefined {
  const key = text.trim();
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const found = findPredicate(key) ?? null;
  if (cache.size > 10_000) cache.clear();
  cache.set(key, found);
  return found ?? undefined;
}

/**
 * Whether a word in -s the tagger read as a plural noun is rather a verb's third
 * person ("deletes", "detains"): its stem is an infinitive in compromise's lexicon,
 * or the lexicon knows it as no noun at all.
 */
function isVerbStem(word: string): boolean {
  if (!/[^s]s$/.test(word) || headlineTunables.notVerbs.has(word)) return false;
  const tagsOf = lexiconTags;
  const stems = [word.slice(0, -1), ...(word.endsWith('es') ? [word.slice(0, -2)] : [])].map(tagsOf);
  if (stems.some((tags) => tags.includes('Infinitive'))) return true;
  const own = tagsOf(word);
  // "burns", "sets": a plural noun to the lexicon whose stem WordNet knows as a verb.
  if (headlineTunables.pluralVerbWordnet && own.length > 0 && own.every((tag) => tag === 'Plural') && verbLemmas(word, undefined).length > 0) return true;
  return stems.every((tags) => tags.length === 0) && own.length === 0;
}

function findPredicate(text: string): string | undefined {
  // The verb list first: cheap, and it knows forms the tagger reads otherwise ("drew").
  const words = text.split(/[\s—–]+/).map((word) => word.replace(/^[^\p{L}]+|[^\p{L}'’]+$/gu, ''));
  const listed = words.find((word, index) => index > 0 && headlineTunables.verbs.has(word.toLowerCase()));
  if (listed !== undefined && words.length >= headlineTunables.minWords) return listed;
  const terms = taggedTerms(sentenceCase(text));
  if (terms.filter((term) => /\p{L}/u.test(term.text)).length < headlineTunables.minWords) return undefined;
  for (let index = 1; index < terms.length; index++) {
    const term = terms[index]!;
    const before = terms[index - 1]!;
    const normal = term.normal.replace(/[^\p{L}'’-]/gu, '');
    if (headlineTunables.notVerbs.has(normal)) continue;
    const subjectBefore = terms.slice(0, index).some(isSubject);
    if (term.tags.includes('Verb') && !term.tags.includes('Prefix') && !term.tags.includes('Gerund') && subjectBefore) {
      // "… : Report", a label's last word read as an imperative, is no predicate.
      if (term.tags.includes('Imperative') && !term.tags.includes('PresentTense') && !term.tags.includes('PastTense')) continue;
      return term.text;
    }
    if (term.tags.includes('Gerund') && isSubject(before)) return term.text;
    // "Reset option deletes files", "Lebanon detains wife": a verb read as a plural noun between two nominals.
    const following = terms[index + 1];
    // What must follow such a verb: a nominal, a determiner or (pluralVerbBefore) an adjective before a nominal ("destroys historic …").
    const objectNext =
      following !== undefined &&
      (isSubject(following) || following.tags.includes('Determiner') || (following.tags.some((tag) => headlineTunables.pluralVerbBefore.has(tag)) && terms[index + 2] !== undefined && isSubject(terms[index + 2]!)));
    // (The tagger's guess for a word its lexicon does not know, "convicts" read as an adjective, counts as a plural too.)
    const pluralLike = term.tags.includes('Plural') || (term.tags.includes('Adjective') && lexiconTags(normal).length === 0);
    if (pluralLike && isSubject(before) && (before.tags.includes('Singular') || before.tags.includes('Value')) && objectNext && isVerbStem(normal)) {
      return term.text;
    }
    // "Amazon to open a store": a planned act, headline style.
    const next = terms[index + 1];
    if (term.normal === 'to' && isSubject(before) && next?.tags.includes('Infinitive')) return `${term.text} ${next.text}`;
    // Copula-less predicates after a noun: "… a hoax", "… likely a hoax", "… not a meteorite", "… not in the grave", "… dead at 57".
    if (isSubject(before)) {
      let at = index;
      while (at - index < 2 && terms[at] && (terms[at]!.tags.includes('Adverb') || headlineTunables.adverbs.has(terms[at]!.normal)) && terms[at]!.normal !== 'not') at++;
      const word = terms[at];
      const after = terms[at + 1];
      if (!word) continue;
      const head = word.normal.replace(/[^\p{L}'’-]/gu, '');
      const article = (candidate: Term | undefined): boolean => candidate !== undefined && /^(?:a|an)$/.test(candidate.normal);
      if (article(word) && after) return `${word.text} ${after.text}`;
      if (head === 'not' && after && (article(after) || after.tags.includes('Preposition') || after.tags.includes('Determiner') || headlineTunables.predicates.has(after.normal))) {
        return `${word.text} ${after.text}`;
      }
      if (headlineTunables.predicates.has(head)) return word.text;
    }
  }
  return undefined;
}
