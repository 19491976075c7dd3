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
import { peopleAgree, peopleUnknownTo, type IdentityRelation } from './identity.js';
import type { MatchProfile } from './pair.js';
import { FEATURE_NAMES } from './similarity.js';
import { canonicalTerm } from './terms.js';
import { termSimilarity } from './word-vectors.js';
import { sensesMeet, verbLemmas, verbSenses } from './wordnet-verbs.js';
import { objectMemo } from './memo.js';

/** The thresholds and word lists of the rule (data: src/data/match-act.json). */
export interface SameActSettings {
  /** Whether a word in -s the lexicon knows only as a plural noun is a verb right after a name or a pronoun ("Lohan checks into"). */
  readonly pluralAfterName: boolean;
  /** Whether someone only one claim names keeps the two apart only as an argument of one of its acts (else: anyone). */
  readonly peopleInActs: boolean;
  /** With `peopleInActs`: someone only one claim names this many tokens from one of its verbs, or nearer, takes part in the act. */
  readonly strangerWindow: number;
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
  /** Words after which (an adverb in -ly, or one of `progressiveAdverbs`, between) a word in -ing is a verb ("has been cooperating", "is also conducting"). */
  readonly progressiveMarkers: readonly string[];
  readonly progressiveAdverbs: readonly string[];
  /** Pronouns that stand for a participant ("it fully cooperated"): in an act's role, one matches a name of the other claim's role that its own article's main event names. */
  readonly pronounArguments: readonly string[];
  /** A role is an act too ("Reid was the club's treasurer", "Reid served as treasurer"): copulas, the determiners that must follow them, and verbs followed by "as". */
  readonly roleCopulas: readonly string[];
  readonly roleDeterminers: readonly string[];
  readonly roleVerbs: readonly string[];
  /** Words of a role at most, and the words that end it (its head is the word before: "treasurer of the club"). */
  readonly roleWindow: number;
  readonly roleEnds: readonly string[];
  /** Heads that name no role ("the first person", "a man"), and lexicon tags a head must not have unless also a noun's. */
  readonly vagueRoles: readonly string[];
  readonly notRoleTags: readonly string[];
  readonly nounTags: readonly string[];
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
const PROGRESSIVE = new Set(SAME_ACT.progressiveMarkers);
const PROGRESSIVE_ADVERBS = new Set(SAME_ACT.progressiveAdverbs);
const PRONOUNS = new Set(SAME_ACT.pronounArguments);
const ROLE_COPULAS = new Set(SAME_ACT.roleCopulas);
const ROLE_DETERMINERS = new Set(SAME_ACT.roleDeterminers);
const ROLE_VERBS = new Set(SAME_ACT.roleVerbs);
const ROLE_ENDS = new Set(SAME_ACT.roleEnds);
const VAGUE_ROLES = new Set(SAME_ACT.vagueRoles);
const NOT_ROLE_TAGS = new Set(SAME_ACT.notRoleTags);
const NOUN_TAGS = new Set(SAME_ACT.nounTags);
/** The argument a pronoun stands for ("it", "he"): any name its article's main event names. */
export const PRONOUN = '*';

/** Whether token `k` is a word in -ing after a progressive marker ("been cooperating", "is also conducting"). */
function isProgressive(tokens: readonly string[], k: number): boolean {
  const token = tokens[k]!;
  if (!/^\p{L}{4,}ing$/u.test(token) || NOT_ACTS.has(token)) return false;
  let before = k - 1;
  if (before >= 0 && (PROGRESSIVE_ADVERBS.has(tokens[before]!) || /^\p{L}{3,}ly$/u.test(tokens[before]!))) before--;
  return before >= 0 && PROGRESSIVE.has(tokens[before]!);
}

/** Whether a word can head a role ("treasurer", "liaison"): letters, no function word, no vague head, not only an adjective or a verb to the lexicon. */
function isRoleHead(word: string): boolean {
  if (!/^\p{L}{3,}$/u.test(word) || NOT_ACTS.has(word) || VAGUE_ROLES.has(word)) return false;
  const tags = lexiconTags(word);
  return tags.some((tag) => NOUN_TAGS.has(tag)) || !tags.some((tag) => NOT_ROLE_TAGS.has(tag));
}

/** Whether a word the lexicon knows only as a present-tense verb in -s ("accounts", "plans") may be a plural noun. */
function pluralLike(word: string): boolean {
  const tags = lexiconTags(word);
  return word.endsWith('s') && tags.includes('PresentTense') && !tags.some((tag) => tag !== 'PresentTense' && VERB_TAGS.has(tag));
}

/** Whether a word the lexicon knows only as a plural noun ("checks", "stops") is the -s form of a verb WordNet knows. */
function pluralVerb(word: string): boolean {
  if (!word.endsWith('s') || NOT_ACTS.has(word)) return false;
  const tags = lexiconTags(word);
  return tags.length > 0 && tags.every((tag) => tag === 'Plural') && verbLemmas(word, undefined).length > 0;
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

const readingMemo = objectMemo<MatchProfile, ActReading>();
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
  // Where the sentence's first name is (a pronoun before it stands for a name of the article).
  const firstName = Math.min(Infinity, ...covered);
  const verbs: number[] = [];
  const roles = rolesOf(tokens, covered, rule.roleWindow);
  tokens.forEach((token, k) => {
    if (token === '#' || covered.has(k) || (k > 0 && NOUN_AFTER.has(tokens[k - 1]!))) return;
    // "served as …" states a role, never an act of serving; the role's words are no acts either.
    if ((ROLE_VERBS.has(token) && tokens[k + 1] === 'as') || roles.some((role) => k > role.verb && k <= role.head)) return;
    const afterSubject = k > 0 && (covered.has(k - 1) || SUBJECT_WORDS.has(tokens[k - 1]!));
    // A headline's verb in -s the lexicon knows only as a plural noun ("Lohan checks into rehab") is a verb right after a name or a pronoun.
    if (!isVerbWord(token) && !isProgressive(tokens, k) && !(rule.pluralAfterName && afterSubject && pluralVerb(token))) return;
    // "she plans" is an act, "free accounts" a noun: a verb in -s only after a name or a pronoun.
    if (pluralLike(token) && !afterSubject) return;
    verbs.push(k);
  });
  const acts: Act[] = [];
  for (const [n, at] of verbs.slice(0, rule.maxActs).entries()) {
    const previous = n > 0 ? verbs[n - 1]! : -1;
    const next = verbs[n + 1] ?? tokens.length;
    const before = namesNear(tokens, nameAt, at, -1, previous, rule.argumentWindow, firstName);
    const after = namesNear(tokens, nameAt, at, 1, next, rule.argumentWindow);
    const passive = at > 0 && PASSIVE.has(tokens[at - 1]!);
    const lemmas = verbLemmas(tokens[at]!, tokens[at + 1], rule.phrasalOnly);
    acts.push({ word: tokens[at]!, term: canonicalTerm(tokens[at]!), lemmas, agents: passive ? after : before, patients: passive ? before : after });
  }
  // A role ("Reid was the club's treasurer"): who holds it, and whose or what role it is (names in it and after it).
  for (const role of roles.slice(0, rule.maxActs)) {
    const agents = namesNear(tokens, nameAt, role.verb, -1, -1, rule.argumentWindow, firstName);
    const inside: string[] = [];
    for (let k = role.verb + 1; k < role.head; k++) inside.push(...(nameAt.get(k) ?? []));
    const after = namesNear(tokens, nameAt, role.head, 1, tokens.length, rule.argumentWindow);
    acts.push({ word: tokens[role.head]!, term: canonicalTerm(tokens[role.head]!), lemmas: [], agents, patients: [...new Set([...inside, ...after])] });
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

/** Whether a token ends a role: a word that ends it, a clause break, a figure, a function or reporting word, or a verb in the past ("based", "said"); not a name. */
function endsRole(token: string, name: boolean): boolean {
  if (name) return false;
  if (ROLE_ENDS.has(token) || CLAUSE_BREAKS.has(token) || token === '#' || NOT_ACTS.has(token)) return true;
  return lexiconTags(token).some((tag) => tag === 'PastTense' || tag === 'Participle');
}

/** A role a sentence states: the copula or verb before it ("was", "served") and its head ("treasurer"). */
interface Role {
  readonly verb: number;
  readonly head: number;
}

/** The roles of a sentence's tokens: a copula and a determiner ("was the …") or a role verb and "as" ("served as …"), then up to `roleWindow` (the settings') words up to a word that ends the role (`endsRole`) or the sentence's end, the last of them its head. */
function rolesOf(tokens: readonly string[], covered: ReadonlySet<number>, roleWindow: number): Role[] {
  const roles: Role[] = [];
  for (let k = 0; k + 2 < tokens.length; k++) {
    const copula = ROLE_COPULAS.has(tokens[k]!) && ROLE_DETERMINERS.has(tokens[k + 1]!);
    const verb = ROLE_VERBS.has(tokens[k]!) && tokens[k + 1] === 'as';
    if (!copula && !verb) continue;
    let start = k + 2;
    if (verb && ROLE_DETERMINERS.has(tokens[start]!)) start++;
    let end = start;
    // Names before the role's own words are whose role it is ("Zoom's in-house liaison"): nothing ends the role before a word that is no name,
    // and names do not count towards the role's `roleWindow` words.
    let named = true;
    let words = 0;
    while (end < tokens.length && words < roleWindow && (named || !endsRole(tokens[end]!, covered.has(end)))) {
      if (!covered.has(end)) {
        words++;
        if (!(named && ROLE_ENDS.has(tokens[end]!))) named = false;
      }
      end++;
    }
    // The role ends within the window (at a word that ends it, or the sentence's end); its last word heads it.
    const head = end - 1;
    if (head < start || (end < tokens.length && words >= roleWindow && !endsRole(tokens[end]!, covered.has(end)))) continue;
    if (covered.has(head) || !isRoleHead(tokens[head]!)) continue;
    roles.push({ verb: k, head });
  }
  return roles;
}

/** Names within `window` content words of token `at`, going `step` (−1 back, +1 on) and stopping at `stop` (another verb). */
function namesNear(tokens: readonly string[], nameAt: ReadonlyMap<number, string[]>, at: number, step: 1 | -1, stop: number, window: number, firstName = Infinity): string[] {
  const found: string[] = [];
  let seen = 0;
  for (let k = at + step; k !== stop && k >= 0 && k < tokens.length && seen < window; k += step) {
    const token = tokens[k]!;
    if (CLAUSE_BREAKS.has(token)) break;
    // A name counts where its last word is.
    const keys = nameAt.get(k);
    if (keys) found.push(...keys);
    // A subject pronoun with no name before it in the sentence stands for someone the article named before ("… said that it cooperated").
    else if (step === -1 && k < firstName && PRONOUNS.has(token)) found.push(PRONOUN);
    if (token !== '#' && !NOT_ACTS.has(token) && token.length > 1) seen++;
  }
  return [...new Set(found)];
}

const sensesMemo = objectMemo<Act, readonly number[]>();
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
  return a.some((x) => x !== PRONOUN && b.includes(x));
}

/** The names of a claim's article's main event (a pronoun of its sentence stands for one of them). */
function coreNames(profile: MatchProfile): ReadonlySet<string> {
  const core = profile.identity.core;
  return new Set([...core.people, ...core.places, ...core.orgs, ...core.names]);
}

/** Whether two roles of one act share a participant: a name, or a pronoun of one and a name of the other that the pronoun's article's main event names. */
function sharesRole(x: readonly string[], y: readonly string[], coreX: () => ReadonlySet<string>, coreY: () => ReadonlySet<string>): boolean {
  if (shares(x, y)) return true;
  const standsFor = (pronouns: readonly string[], names: readonly string[], core: () => ReadonlySet<string>) =>
    pronouns.includes(PRONOUN) && names.some((name) => name !== PRONOUN && core().has(name));
  return standsFor(x, y, coreX) || standsFor(y, x, coreY);
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
  let memoA: ReadonlySet<string> | undefined;
  let memoB: ReadonlySet<string> | undefined;
  const coreA = () => (memoA ??= coreNames(a));
  const coreB = () => (memoB ??= coreNames(b));
  for (const x of actsOf(a, rule)) {
    for (const y of actsB) {
      if (!sameVerb(x, y, rule)) continue;
      if (sharesRole(x.agents, y.agents, coreA, coreB) || sharesRole(x.patients, y.patients, coreA, coreB)) return [x, y];
      const bare = [...x.agents, ...x.patients, ...y.agents, ...y.patients].every((name) => name === PRONOUN);
      if (rule.dayAlone && bare && sameDay(a, b)) return [x, y];
    }
  }
  return undefined;
}

/**
 * Whether any of `people` (identity keys) takes part in one of the claim's acts: one of its arguments (whole or as a
 * name's last word), or within `strangerWindow` tokens of its verb ("Dale Orme and Ines Varga wed …").
 */
function actorsAmong(profile: MatchProfile, people: readonly string[], rule: SameActSettings): boolean {
  if (people.length === 0) return false;
  const wanted = new Set(people);
  const acts = actsOf(profile, rule);
  if (acts.some((act) => [...act.agents, ...act.patients].some((name) => wanted.has(name) || wanted.has(name.split(' ').at(-1)!)))) return true;
  const tokens = profile.terms.tokens;
  const verbs = acts.flatMap((act) => tokens.flatMap((token, k) => (token === act.word ? [k] : [])));
  return tokens.some((token, k) => wanted.has(token) && verbs.some((at) => Math.abs(at - k) <= rule.strangerWindow));
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
  const agree = peopleAgree(a.identity, b.identity, speakersOf(a, rule), speakersOf(b, rule));
  if (!agree && !rule.peopleInActs) return false;
  const acts = sharedAct(a, b, rule);
  if (acts === undefined) return false;
  if (agree) return true;
  // With peopleInActs, someone only one claim names stands apart only as a participant of one of its acts
  // ("Ruth Kale wed Tom Baker" / "Ines Varga married Tom Baker"), not as a mere mention ("the Glee star's rep"),
  // and only when the two acts have the same doer, named in both ("Tara Reid entered" / "Tara Reid checked into").
  const [x, y] = acts;
  return (
    x.agents.some((name) => name !== PRONOUN && y.agents.includes(name)) &&
    !actorsAmong(a, peopleUnknownTo(a.identity, b.identity, speakersOf(a, rule)), rule) &&
    !actorsAmong(b, peopleUnknownTo(b.identity, a.identity, speakersOf(b, rule)), rule)
  );
}
