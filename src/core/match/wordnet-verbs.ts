// wordnet-verbs: a verb as written (lowercase, with the word after it for phrasal
// verbs) → the WordNet verbs it may be and their first senses (synset ids), and
// whether two such sense lists share a synset or one holds a direct hypernym of
// the other. Reads the table src/data/wordnet-verbs.json built by
// scripts/build-wordnet-verbs.ts from WordNet 3.1 (Princeton University's licence,
// in the table); decoded once, on first use.

import table from '../../data/wordnet-verbs.json' with { type: 'json' };
import { baseForms } from './verb-forms.js';

interface Decoded {
  /** Each verb's senses, most frequent first. */
  readonly senses: Map<string, readonly number[]>;
  /** Each synset's direct hypernyms. */
  readonly hypernyms: readonly (readonly number[])[];
  /** Inflected forms the detachment rules miss → their verbs. */
  readonly exceptions: Map<string, readonly string[]>;
}

/** Senses per verb the table keeps. */
export const WORDNET_SENSES: number = table.senses;

const ids = (list: string): number[] => (list === '' ? [] : list.split(',').map((id) => parseInt(id, 36)));

let decoded: Decoded | undefined;
function load(): Decoded {
  if (decoded) return decoded;
  const senses = new Map<string, readonly number[]>();
  for (const entry of table.lemmas.split('|')) {
    const at = entry.indexOf('=');
    senses.set(entry.slice(0, at), ids(entry.slice(at + 1)));
  }
  const exceptions = new Map<string, readonly string[]>();
  for (const entry of table.exceptions.split('|')) {
    const at = entry.indexOf('=');
    exceptions.set(entry.slice(0, at), entry.slice(at + 1).split(','));
  }
  decoded = { senses, hypernyms: table.hypernyms.split('|').map(ids), exceptions };
  return decoded;
}

/**
 * The WordNet verbs a word may be: a two-word phrasal verb with the word after it
 * when WordNet has one ("checked into" → "check into"; then only it when
 * `phrasalOnly`), and the one-word verbs it is a form of ("went" → "go").
 *
 * @param word A lowercase word.
 * @param next The word after it, if any.
 * @param phrasalOnly Whether a phrasal verb found stands alone.
 */
export function verbLemmas(word: string, next: string | undefined, phrasalOnly = true): string[] {
  const { senses, exceptions } = load();
  const single = [...(exceptions.get(word) ?? []), ...baseForms(word, senses)].filter((lemma, k, all) => all.indexOf(lemma) === k);
  const phrasal = next === undefined ? [] : single.map((lemma) => `${lemma} ${next}`).filter((lemma) => senses.has(lemma));
  return phrasal.length > 0 && phrasalOnly ? phrasal : [...phrasal, ...single];
}

/**
 * The first `count` senses (synset ids) of each of the verbs, together.
 *
 * @param lemmas WordNet verbs (`verbLemmas`).
 * @param count Senses per verb (at most `WORDNET_SENSES`).
 */
export function verbSenses(lemmas: readonly string[], count: number): number[] {
  const { senses } = load();
  return [...new Set(lemmas.flatMap((lemma) => (senses.get(lemma) ?? []).slice(0, count)))];
}

/**
 * Whether two verbs' senses share a synset, or (with `hypernyms`) a sense of one
 * is a direct hypernym of a sense of the other.
 *
 * @param a Senses of one verb (`verbSenses`).
 * @param b Senses of the other.
 * @param hypernyms Whether a direct hypernym counts.
 */
export function sensesMeet(a: readonly number[], b: readonly number[], hypernyms: boolean): boolean {
  if (a.some((id) => b.includes(id))) return true;
  if (!hypernyms) return false;
  const up = load().hypernyms;
  return a.some((id) => (up[id] ?? []).some((h) => b.includes(h))) || b.some((id) => (up[id] ?? []).some((h) => a.includes(h)));
}
