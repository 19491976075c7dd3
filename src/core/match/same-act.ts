// same-act: two claims' match profiles, their paraphrase features and identity
// relation → whether, in one story, they state one claim in other words because
// they state the same act of the same participants: the same main verb (stem
// equal, or word vectors close), a name in the same role of that act in both
// sentences, its subject or its object (not merely named somewhere in them), the same people, agreeing
// identities and some soft alignment of the content words. Verbs of other stems
// are the same act when their word vectors are close or WordNet puts them in one
// synset among their first senses ("married" / "wed"; wordnet-verbs.ts). Acts are read off a
// profile's lowercase tokens with compromise's lexicon (a lookup, no parse) and
// remembered per profile. Tunables and word lists: src/data/match-act.json.

import settings from '../../data/match-act.json' with { type: 'json' };
import { lexiconTags } from '../nlp.js';
import { peopleAgree, type IdentityRelation } from './identity.js';
import type { MatchProfile } from './pair.js';
import { FEATURE_NAMES } from './similarity.js';
import { canonicalTerm } from './terms.js';
import { termSimilarity } from './word-vectors.js';
import { sensesMeet, verbLemmas, verbSenses } from './wordnet-verbs.js';

/** The thresholds and word lists of the rule (data: src/data/match-act.json). */
export interface SameActSettings {
  /** Two verbs of other stems are the same act when their word vectors' cosine is at least this. */
  readonly minVerbCosine: number;
  /** Two verbs are the same act when one of WordNet's first this many senses of each is one synset (0: WordNet not asked). */
  readonly wordnetSenses: number;
  /** Whether a sense of one verb that is a direct hypernym of a sense of the other counts too. */
  readonly wordnetHypernyms: boolean;
  /** Whether a phrasal verb WordNet knows ("checked into" → "check into") stands for the verb alone; else both count. */
  readonly phrasalOnly: boolean;
  /** `IdentityRelation.score` at least this. */
  readonly minIdentityScore: number;
  /** The weaker direction of the soft alignment (`softMin`) at least this. */
  readonly minSoftMin: number;
  /** Content words looked at on each side of a verb for its subject and object. */
  readonly argumentWindow: number;
  /** Verbs of a sentence taken as its acts, first first. */
  readonly maxActs: number;
  /** Whether the same resolved day stands for the shared argument when neither act names one. */
  readonly dayAlone: boolean;
  /** compromise lexicon tags that make a word a verb. */
  readonly verbTags: readonly string[];
  /** Words that are never an act (auxiliaries, reporting verbs, light verbs, function words). */
  readonly notActs: readonly string[];
  /** Words after which a word is a noun, not a verb ("the flood", "a shop", "of fire"). */
  readonly nounAfter: readonly string[];
  /** Words that end a clause: an act's subject and object are not looked for past them ("… by Zoom and the accounts were closed"). */
  readonly clauseBreaks: readonly string[];
  /** Words after which a present-tense verb in -s is a verb ("she plans"); elsewhere it is a plural noun ("the plans", "free accounts"). */
  readonly subjectWords: readonly string[];
  /** Words that make a name next to them (within `speakerWindow` tokens) the one who reports the claim ("said Perez", "Perez told"), not a participant of its act. */
  readonly reportingWords: readonly string[];
  readonly speakerWindow: number;
  /** Words that make the verb right after them a passive ("was", "been"): its subject is whom the act is done to. */
  readonly passiveMarkers: readonly string[];
}

/** The shipped settings. */
export const SAME_ACT: SameActSettings = settings;

/** What a claim's sentence says of acts: its acts, and the names that only report it. */
interface ActReading {
  readonly acts: readonly Act[];
  /** Names of the sentence next to a reporting word ("said Perez"): its speakers. */
  readonly speakers: ReadonlySet<string>;
}

/** An act a sentence states: its verb and the names next to it. */
export interface Act {
  /** The verb as written (lowercase). */
  readonly word: string;
  /** Its canonical term (`canonicalTerm`). */
  readonly term: string;
  /** The WordNet verbs it may be (`verbLemmas`: "checked into" → "check into"). */
  readonly lemmas: readonly string[];
  /** Who does it: names among the words before it, up to the previous verb (its subject), as identity keys; in the passive ("was arrested by …"), those after it. */
  readonly agents: readonly string[];
  /** Whom it is done to: names among the words after it, up to the next verb (its object); in the passive, its subject. */
  readonly patients: readonly string[];
}

const SOFT_MIN = FEATURE_NAMES.indexOf('softMin');
const NOT_ACTS = new Set(SAME_ACT.notActs);
const VERB_TAGS = new Set(SAME_ACT.verbTags);
const PASSIVE = new Set(SAME_ACT.passiveMarkers);
const NOUN_AFTER = new Set(SAME_ACT.nounAfter);
const CLAUSE_BREAKS = new Set(SAME_ACT.clauseBreaks);
const SUBJECT_WORDS = new Set(SAME_ACT.subjectWords);

/** Whether a word the lexicon knows only as a present-tense verb in -s ("accounts", "plans") may be a plural noun. */
function pluralLike(word: string): boolean {
  const tags = lexiconTags(word);
  return word.endsWith('s') && tags.includes('PresentTense') && !tags.some((tag) => tag !== 'PresentTense' && VERB_TAGS.has(tag));
}

const verbMemo = new Map<string, boolean>();
/** Whether a lowercase word reads as a verb: its lexicon tags say so, or it ends in -ed and the lexicon knows it as nothing but an adjective. */
export function isVerbWord(word: string): boolean {
  let verb = verbMemo.get(word);
  if (verb === undefined) {
    const tags = lexiconTags(word);
    verb =
      !NOT_ACTS.has(word) &&
      /^\p{L}+$/u.test(word) &&
      (tags.some((tag) => VERB_TAGS.has(tag)) || (word.length >= 5 && word.endsWith('ed') && tags.every((tag) => tag === 'Adjective')));
    if (verbMemo.size > 50_000) verbMemo.clear();
    verbMemo.set(word, verb);
  }
  return verb;
}

/** The name keys of a profile's sentence that can be an act's argument (broad places left out). */
function argumentKeys(profile: MatchProfile): string[] {
  const s = profile.identity.sentence;
  // A nationality ("Chinese", "Israeli") names no participant.
  const names = s.names.filter((key) => key.includes(' ') || !lexiconTags(key).includes('Demonym'));
  return [...s.people, ...s.places.filter((key) => !key.startsWith('^')), ...s.orgs, ...names];
}

const readingMemo = new WeakMap<MatchProfile, ActReading>();
const REPORTING = new Set(SAME_ACT.reportingWords);

/**
 * The acts a claim states: its first verbs (`maxActs`), each with the names
 * just before it (subjects) and just after it (objects), read off its tokens.
 *
 * @param profile The claim's match profile.
 * @param rule Settings (default: the shipped ones).
 */
export function actsOf(profile: MatchProfile, rule: SameActSettings = SAME_ACT): readonly Act[] {
  return readingOf(profile, rule).acts;
}

/**
 * The names of a claim's sentence that only report it: next to a reporting word
 * ("said Alfredo Perez", "Perez told reporters", "according to Perez").
 *
 * @param profile The claim's match profile.
 * @param rule Settings (default: the shipped ones).
 */
export function speakersOf(profile: MatchProfile, rule: SameActSettings = SAME_ACT): ReadonlySet<string> {
  return readingOf(profile, rule).speakers;
}

function readingOf(profile: MatchProfile, rule: SameActSettings): ActReading {
  const memo = rule === SAME_ACT ? readingMemo.get(profile) : undefined;
  if (memo) return memo;
  const tokens = profile.terms.tokens;
  // Which name ends at each token (a key's words, in order, ending there), and the tokens names cover.
  const nameAt = new Map<number, string[]>();
  const covered = new Set<number>();
  for (const key of argumentKeys(profile)) {
    const words = key.split(' ');
    for (let end = words.length - 1; end < tokens.length; end++) {
      if (!words.every((word, k) => tokens[end - words.length + 1 + k] === word)) continue;
      nameAt.set(end, [...(nameAt.get(end) ?? []), key]);
      for (let k = end - words.length + 1; k <= end; k++) covered.add(k);
    }
  }
  const verbs: number[] = [];
  tokens.forEach((token, k) => {
    if (token === '#' || covered.has(k) || (k > 0 && NOUN_AFTER.has(tokens[k - 1]!)) || !isVerbWord(token)) return;
    // "she plans" is an act, "free accounts" a noun: a verb in -s only after a name or a pronoun.
    if (pluralLike(token) && !(k > 0 && (covered.has(k - 1) || SUBJECT_WORDS.has(tokens[k - 1]!)))) return;
    verbs.push(k);
  });
  const acts: Act[] = [];
  for (const [n, at] of verbs.slice(0, rule.maxActs).entries()) {
    const previous = n > 0 ? verbs[n - 1]! : -1;
    const next = verbs[n + 1] ?? tokens.length;
    const before = namesNear(tokens, nameAt, at, -1, previous, rule.argumentWindow);
    const after = namesNear(tokens, nameAt, at, 1, next, rule.argumentWindow);
    const passive = at > 0 && PASSIVE.has(tokens[at - 1]!);
    const lemmas = verbLemmas(tokens[at]!, tokens[at + 1], rule.phrasalOnly);
    acts.push({ word: tokens[at]!, term: canonicalTerm(tokens[at]!), lemmas, agents: passive ? after : before, patients: passive ? before : after });
  }
  const reporting = rule === SAME_ACT ? REPORTING : new Set(rule.reportingWords);
  const speakers = new Set<string>();
  for (const [end, keys] of nameAt) {
    for (let k = Math.max(0, end - rule.speakerWindow); k <= Math.min(tokens.length - 1, end + rule.speakerWindow); k++) {
      if (!covered.has(k) && reporting.has(tokens[k]!)) for (const key of keys) speakers.add(key);
    }
  }
  const reading = { acts, speakers };
  if (rule === SAME_ACT) readingMemo.set(profile, reading);
  return reading;
}

/** Names within `window` content words of token `at`, going `step` (−1 back, +1 on) and stopping at `stop` (another verb). */
function namesNear(tokens: readonly string[], nameAt: ReadonlyMap<number, string[]>, at: number, step: 1 | -1, stop: number, window: number): string[] {
  const found: string[] = [];
  let seen = 0;
  for (let k = at + step; k !== stop && k >= 0 && k < tokens.length && seen < window; k += step) {
    const token = tokens[k]!;
    if (CLAUSE_BREAKS.has(token)) break;
    // A name counts where its last word is.
    const keys = nameAt.get(k);
    if (keys) found.push(...keys);
    if (token !== '#' && !NOT_ACTS.has(token) && token.length > 1) seen++;
  }
  return [...new Set(found)];
}

const sensesMemo = new WeakMap<Act, readonly number[]>();
function sensesOf(act: Act, rule: SameActSettings): readonly number[] {
  let senses = rule === SAME_ACT ? sensesMemo.get(act) : undefined;
  if (!senses) {
    senses = verbSenses(act.lemmas, rule.wordnetSenses);
    if (rule === SAME_ACT) sensesMemo.set(act, senses);
  }
  return senses;
}

/**
 * Whether two verbs state one act: the same stem, word vectors at least
 * `minVerbCosine` alike, or a WordNet synset among the first `wordnetSenses`
 * senses of both ("fired" / "sacked"; with `wordnetHypernyms`, one sense the
 * direct hypernym of the other).
 */
export function sameVerb(a: Act, b: Act, rule: SameActSettings = SAME_ACT): boolean {
  if (a.term === b.term || termSimilarity(a.term, b.term) >= rule.minVerbCosine) return true;
  return rule.wordnetSenses > 0 && sensesMeet(sensesOf(a, rule), sensesOf(b, rule), rule.wordnetHypernyms);
}

function shares(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x));
}

/** Whether two resolved days (ISO `yyyy-mm-dd`) of the sentences agree. */
function sameDay(a: MatchProfile, b: MatchProfile): boolean {
  const day = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);
  return a.identity.dates.some((date) => day(date) && b.identity.dates.includes(date));
}

/**
 * The pair of acts by which two claims state one act of the same participants,
 * or undefined: the same verb, and a name in the same role in both: who does it
 * (the subject, or the passive's "by …") or to whom it is done ("Y arrested X" /
 * "X was arrested by Y"); "X sued Y" and "Y sued X" are two acts.
 *
 * @param a Profile of one claim.
 * @param b Profile of the other.
 * @param rule Settings (default: the shipped ones).
 */
export function sharedAct(a: MatchProfile, b: MatchProfile, rule: SameActSettings = SAME_ACT): readonly [Act, Act] | undefined {
  const actsB = actsOf(b, rule);
  if (actsB.length === 0) return undefined;
  for (const x of actsOf(a, rule)) {
    for (const y of actsB) {
      if (!sameVerb(x, y, rule)) continue;
      if (shares(x.agents, y.agents) || shares(x.patients, y.patients)) return [x, y];
      const bare = x.agents.length + x.patients.length + y.agents.length + y.patients.length === 0;
      if (rule.dayAlone && bare && sameDay(a, b)) return [x, y];
    }
  }
  return undefined;
}

/**
 * Whether two claims of one story state one act of the same participants (see
 * the module header).
 *
 * @param a Profile of one claim.
 * @param b Profile of the other.
 * @param features Their `pairFeatures`.
 * @param identity Their `identityRelation`.
 * @param rule Settings (default: the shipped ones).
 */
export function isSameAct(a: MatchProfile, b: MatchProfile, features: readonly number[], identity: IdentityRelation, rule: SameActSettings = SAME_ACT): boolean {
  if (identity.different || identity.score < rule.minIdentityScore || (features[SOFT_MIN] ?? 0) < rule.minSoftMin) return false;
  // Who only reports the claim ("said Perez") need not be named by the other.
  if (!peopleAgree(a.identity, b.identity, speakersOf(a, rule), speakersOf(b, rule))) return false;
  return sharedAct(a, b, rule) !== undefined;
}
