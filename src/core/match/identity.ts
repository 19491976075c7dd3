// Event identity: takes a claim's sentence (and its article's title and lead) and
// returns who, where and when it is about (people, places, organisations, dates);
// compares two such profiles to tell mentions of one event from mentions of two.

import data from '../../data/match-identity.json' with { type: 'json' };
import synonyms from '../../data/match-synonyms.json' with { type: 'json' };
import { nameKind } from '../nlp.js';
import { bodyCasing, isPlainWord, isTitleCaseLine, NO_BODY, titleCaseParts, type BodyCasing } from './title-case-names.js';
import type { Claim } from '../../types.js';
import { objectMemo } from './memo.js';

/** The names a claim (or its article's main event) is about, as sorted keys per slot. */
export interface Identity {
  /** People, by last name ("reid"). */
  readonly people: readonly string[];
  /** Places ("elm street", "kokomo"). */
  readonly places: readonly string[];
  /** Organisations ("kokomo police department"). */
  readonly orgs: readonly string[];
  /** Names of no known kind. */
  readonly names: readonly string[];
}

/** What a claim says about who, where and when, in its sentence and in its article's context. */
export interface IdentityProfile {
  /** Names in the sentence itself. */
  readonly sentence: Identity;
  /** Resolved dates in the sentence (ISO day or month), or weekday names when unresolved. */
  readonly dates: readonly string[];
  /** Names of the article's main event: its title, lead and most repeated names. */
  readonly core: Identity;
  /** The article's publication date, when known. */
  readonly published: string | null;
}

/** A name found in a text. */
export interface NameMention {
  /** The name as written, titles and possessive stripped. */
  readonly text: string;
  /** Key the name is compared on. */
  readonly key: string;
  readonly kind: 'person' | 'place' | 'org' | 'name';
  /** A single word starting a sentence: a name only if the article uses it elsewhere. */
  readonly initial: boolean;
  /** Where the name starts in the text it was found in. */
  readonly start: number;
}

/** What the per-source stage knows of an article, for the identity of each of its claims. */
export interface ArticleContext {
  /** Kind of each name key used in the article. */
  readonly kinds: ReadonlyMap<string, NameMention['kind']>;
  /** Names of each paragraph (by the index given), for the claims of that paragraph. */
  readonly paragraphs: readonly (readonly NameMention[])[];
  /** Text of each paragraph. */
  readonly texts: readonly string[];
  /** Keys the article uses other than as a sentence's first word. */
  readonly known: ReadonlySet<string>;
  readonly core: Identity;
  /** Names of the title and lead that the article uses more than once (who its main event is about first). */
  readonly lead?: Identity;
  readonly published: string | null;
}

const NOT_NAMES = new Set(data.notNames);
const TITLES = new Set(data.personTitles);
const NAME_SUFFIXES = new Set(data.nameSuffixes);
const PLACE_HEADS = new Set(data.placeHeads);
const ORG_HEADS = new Set(data.orgHeads);
const PLACE_PREPOSITIONS = new Set(data.placePrepositions);
const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'van', 'von', 'der', 'bin', 'al', 'da', 'di', 'le', '&']);
const WEIGHTS = data.weights;
/** Names of several words that the synonym list writes one way ("justice department", "department of justice" → "doj"), full stops left out. */
const NAME_ALIASES = new Map(
  Object.entries(synonyms.phrases)
    .filter(([phrase]) => phrase.includes(' '))
    .map(([phrase, target]) => [phrase.replace(/\./g, ''), target]),
);

/** The key of a name of several words: its alias in the synonym list, if any ("u.s department of justice" → "doj"). */
export function nameAlias(key: string): string {
  return key.includes(' ') ? (NAME_ALIASES.get(key.replace(/\./g, '')) ?? key) : key;
}
/** Prefix of the key of a broad place (a country or state). */
const BROAD = '^';

const RUN = /(?<![\p{L}\p{N}'’.&-])\p{Lu}[\p{L}\p{N}'’.&-]*(?: +(?:(?:of|de|del|la|van|von|der|bin|al|da|di|le|&) +)?\p{Lu}[\p{L}\p{N}'’.&-]*)*/gu;
const WORD_CHAR = /[\p{L}\p{N}'’.&-]/u;

/** The word before `at` (skipping spaces and punctuation), scanning back at most a few characters. */
function previousWord(text: string, at: number): string {
  let end = at;
  while (end > 0 && at - end < 8 && !WORD_CHAR.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && end - start < 30 && WORD_CHAR.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}
const NEXT = /^ +([\p{L}\p{N}][\p{L}\p{N}'’.&-]*)/u;
const SENTENCE_END = /[.!?]["”’)]*\s+$|^\s*$|[:;—–-]\s+$|\n\s*$/u;

/** Short words that join the parts of a hyphenated compound ("hit-and-run", "mother-in-law"). */
const HYPHEN_JOINS = new Set(data.hyphenJoins);

function lowerWord(word: string): string {
  let lower = word.toLowerCase();
  while (lower.endsWith('.')) lower = lower.slice(0, -1);
  if (lower.endsWith("'s") || lower.endsWith('’s')) lower = lower.slice(0, -2);
  else if (lower.endsWith("'") || lower.endsWith('’')) lower = lower.slice(0, -1);
  return lower;
}

/**
 * The names in a text: runs of capitalised words, with their kind from cue words
 * (titles, "Street", "Department", "in …"), then compromise's lexicon.
 *
 * @param text A sentence or paragraph.
 * @param lexicon Whether to ask compromise's lexicon about names no cue types (default: true).
 * @param body How the text's article writes its words (`bodyCasing`), for a Title Case line (default: no body).
 */
export function findNames(text: string, lexicon = true, body: BodyCasing = NO_BODY): NameMention[] {
  const found: NameMention[] = [];
  // In a Title Case line (a headline) capitals tell no names: plain words split the runs (title-case-names.ts).
  const titled = lexicon && isTitleCaseLine(text);
  for (const match of text.matchAll(RUN)) {
    // A possessive ends a name: "Indonesia's West Papua" is two, and so are "Williams' DUI".
    const runStart = match.index ?? 0;
    let offset = 0;
    const run = match[0];
    // Most runs are one word that is no name ("The", "Officials"): skip them at once.
    if (!run.includes(' ') && NOT_NAMES.has(lowerWord(run))) continue;
    const parts = run.includes(' ') ? run.split(/(?<=['’]s|s['’]) +/u) : [run];
    const pieces = titled ? parts.flatMap((part, k) => titleCaseParts(part, body).map((piece) => ({ ...piece, at: piece.at + parts.slice(0, k).reduce((sum, p) => sum + p.length + 1, 0) }))) : undefined;
    for (const [k, part] of (pieces ? pieces.map((piece) => piece.text) : parts).entries()) {
      if (pieces) offset = pieces[k]!.at;
      const start = runStart + offset;
      offset += part.length + 1;
      const end = start + part.length;
      const initial = SENTENCE_END.test(text.slice(Math.max(0, start - 8), start)) || start === 0;
      const previous = lowerWord(previousWord(text, start));
      const next = NEXT.exec(text.slice(end, end + 40))?.[1] ?? '';
      const mention = nameOf(part.split(/ +/), previous, initial, next, lexicon);
      if (mention) found.push({ ...mention, start });
    }
  }
  return found;
}

function nameOf(run: readonly string[], previous: string, atStart: boolean, next: string, lexicon: boolean): Omit<NameMention, 'start'> | undefined {
  let words = [...run];
  let titled = TITLES.has(previous);
  let initial = atStart;
  // Leading words that are no names ("The", "Police", "On") or titles ("Sgt.", "Actress").
  while (words.length > 0) {
    const lower = lowerWord(words[0]!);
    // A title before nothing but an organisation's or place's head is part of its name ("the Justice Department").
    if (TITLES.has(lower) && words.length === 2 && (ORG_HEADS.has(lowerWord(words[1]!)) || PLACE_HEADS.has(lowerWord(words[1]!)))) break;
    if (TITLES.has(lower)) titled = true;
    else if (!NOT_NAMES.has(lower)) break;
    words.shift();
    initial = false;
  }
  // Trailing words that are no names, and a person's suffix or an abbreviated title left at the end ("Comeaux Jr.", "Alaska Gov."): the name is before them.
  while (words.length > 0) {
    const lower = lowerWord(words.at(-1)!);
    if (NOT_NAMES.has(lower) || CONNECTORS.has(words.at(-1)!)) words.pop();
    else if (words.length > 1 && (NAME_SUFFIXES.has(lower) || (TITLES.has(lower) && words.at(-1)!.endsWith('.')))) {
      // "Comeaux Jr." is a person; "Alaska Gov." names the place, not a person.
      if (NAME_SUFFIXES.has(lower)) titled = true;
      words.pop();
    } else break;
  }
  if (words.length === 0) return undefined;
  const lowers = words.map(lowerWord);
  if (lowers.every((w) => w.length < 2 || /^\d/.test(w))) return undefined;
  if (words.length === 1 && (PLACE_HEADS.has(lowers[0]!) || ORG_HEADS.has(lowers[0]!))) return undefined;
  // A compound of plain words joined by hyphens ("Hit-And-Run", "Follow-Up") is no name.
  if (words.length === 1 && lowers[0]!.includes('-') && lowers[0]!.split('-').every((part) => HYPHEN_JOINS.has(part) || (part.length > 1 && isPlainWord(part)))) return undefined;
  const text = words.join(' ').replace(/['’]s?$/u, '').replace(/\.$/u, '');
  const last = lowers.at(-1)!;
  const allCaps = words.every((w) => w === w.toUpperCase() && /\p{L}{2}/u.test(w));
  let kind: NameMention['kind'];
  let broad = false;
  if (titled) kind = 'person';
  else if (ORG_HEADS.has(last) && words.length > 1) kind = 'org';
  else if (PLACE_HEADS.has(last) && words.length > 1) kind = 'place';
  else if (allCaps && atStart && words.length === 1 && words[0]!.length > 4) kind = 'place';
  else if (allCaps && words[0]!.length <= 5) kind = 'org';
  else {
    const read = lexicon ? nameKind(text) : null;
    const placeCue = PLACE_PREPOSITIONS.has(previous) || PLACE_HEADS.has(next);
    kind = read === 'person' ? 'person' : read === 'organization' ? 'org' : read === 'place' || read === 'region' || placeCue ? 'place' : 'name';
    broad = read === 'region';
  }
  // A country or state is a place too broad to tell two events apart by agreeing on it.
  // One organisation written two ways is one key ("Justice Department", "Department of Justice").
  const key = kind === 'person' ? last : `${broad ? BROAD : ''}${nameAlias(lowers.join(' '))}`;
  return { text, key, kind, initial: initial && words.length === 1 && kind === 'name' };
}

function slotOf(kind: NameMention['kind']): keyof Identity {
  return kind === 'person' ? 'people' : kind === 'place' ? 'places' : kind === 'org' ? 'orgs' : 'names';
}

function identityOf(mentions: readonly NameMention[], kinds?: ReadonlyMap<string, NameMention['kind']>): Identity {
  const slots: Record<keyof Identity, Set<string>> = { people: new Set(), places: new Set(), orgs: new Set(), names: new Set() };
  for (const mention of mentions) {
    let kind = mention.kind;
    let key = mention.key;
    if (kind === 'name' && kinds) {
      // "Hockman" alone is the person the article names "Chet Hockman".
      const lastWord = key.split(' ').at(-1)!;
      const known = kinds.get(key) ?? (kinds.get(lastWord) === 'person' ? 'person' : undefined);
      if (known && known !== 'name') {
        kind = known;
        if (known === 'person') key = lastWord;
      }
    }
    slots[slotOf(kind)].add(key);
  }
  return {
    people: [...slots.people].sort(),
    places: [...slots.places].sort(),
    orgs: [...slots.orgs].sort(),
    names: [...slots.names].sort(),
  };
}

/**
 * The article's context: the kind of each name it uses, and the names of its main
 * event (title, first sentences, and names used more than once).
 *
 * @param article Title, paragraphs by block index (boilerplate ones empty) and publication date.
 */
export function articleContext(article: { readonly title?: string; readonly paragraphs: readonly string[]; readonly published?: string }): ArticleContext {
  const votes = new Map<string, Map<NameMention['kind'], number>>();
  const counts = new Map<string, number>();
  const known = new Set<string>();
  // A headline among the paragraphs is read against how the body writes its words.
  const body = bodyCasing(article.paragraphs);
  const all: NameMention[][] = article.paragraphs.map((paragraph) => findNames(paragraph, true, body));
  // A title in title case ("Gunman Kills Two At Diner") tells no names from other words.
  const titleWords = article.title?.split(/\s+/).filter((word) => /\p{L}/u.test(word)) ?? [];
  const titleCase = titleWords.filter((word) => /^\p{Lu}/u.test(word)).length > 0.6 * titleWords.length;
  const title = article.title && !titleCase ? findNames(article.title) : [];
  for (const mention of [...title, ...all.flat()]) {
    if (!mention.initial) known.add(mention.key);
    const tally = votes.get(mention.key) ?? new Map<NameMention['kind'], number>();
    tally.set(mention.kind, (tally.get(mention.kind) ?? 0) + 1);
    votes.set(mention.key, tally);
  }
  const kinds = new Map<string, NameMention['kind']>();
  for (const [key, tally] of votes) {
    const typed = [...tally.entries()].filter(([kind]) => kind !== 'name').sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    kinds.set(key, typed[0]?.[0] ?? 'name');
  }
  const usable = (mention: NameMention) => !mention.initial || known.has(mention.key);
  for (const mention of all.flat()) if (usable(mention)) counts.set(mention.key, (counts.get(mention.key) ?? 0) + 1);
  // The lead: the title and the first sentences of the body.
  // The lead: the first sentences of the first paragraph that has any text.
  const first = article.paragraphs.findIndex((paragraph) => paragraph.trim() !== '');
  const leadEnd = first === -1 ? 0 : article.paragraphs[first]!.split(/(?<=[.!?]["”’]?)\s+/u).slice(0, data.leadSentences).join(' ').length;
  const lead = [...title, ...(first === -1 ? [] : all[first]!.filter((mention) => mention.start < leadEnd))].filter(usable);
  // Who the article is about first: with no title given, a first paragraph that is a headline
  // (one line, no closing stop) is the title, and the lead's sentences are those of the next paragraph.
  const second = first === -1 || article.title || !isHeadlineLine(article.paragraphs[first]!) ? -1 : article.paragraphs.findIndex((paragraph, k) => k > first && isProse(paragraph));
  const secondEnd = second === -1 ? 0 : article.paragraphs[second]!.split(/(?<=[.!?]["”’]?)\s+/u).slice(0, data.leadSentences).join(' ').length;
  const leadNames = second === -1 ? lead : [...lead, ...all[second]!.filter((mention) => mention.start < secondEnd).filter(usable)];
  const repeated = [...counts.entries()]
    .filter(([, count]) => count >= data.coreMinCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, data.coreMaxKeys)
    .map(([key]) => ({ text: key, key, kind: kinds.get(key) ?? 'name', initial: false, start: 0 }) as NameMention);
  return {
    kinds,
    paragraphs: all,
    texts: article.paragraphs,
    known,
    core: identityOf([...lead, ...repeated], kinds),
    // Only names the article repeats: a word the lexicon took for a name once ("Rehab") is nobody the article is about.
    lead: identityOf(leadNames.filter((mention) => (counts.get(mention.key) ?? 0) >= data.coreMinCount), kinds),
    published: article.published ?? null,
  };
}

/** Whether a paragraph is one line with no closing stop (a headline in the body). */
function isHeadlineLine(paragraph: string): boolean {
  const line = paragraph.trim();
  return line !== '' && !line.includes('\n') && !/[.!?]["'”’)]*$/u.test(line);
}

/** Whether a paragraph holds a sentence of prose (it ends with a stop), not a dateline or another headline. */
function isProse(paragraph: string): boolean {
  return /[.!?]["'”’)]*$/u.test(paragraph.trim());
}

/** The names of a claim's sentence: those its paragraph's context found inside it, else read again. */
function namesOfSentence(claim: Claim, context: ArticleContext | undefined): readonly NameMention[] {
  const text = context?.texts[claim.sentence.block];
  const at = text === undefined ? -1 : text.indexOf(claim.sentence.plain);
  if (at === -1) return findNames(claim.sentence.plain);
  const end = at + claim.sentence.plain.length;
  return context!.paragraphs[claim.sentence.block]!.filter((mention) => mention.start >= at && mention.start < end);
}

const WEEKDAY = /^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/**
 * A claim's identity profile: the names and dates of its sentence and its article's main event.
 *
 * @param claim The claim.
 * @param context Its article's context (optional: without it, the sentence alone).
 */
export function claimIdentity(claim: Claim, context?: ArticleContext): IdentityProfile {
  const mentions = namesOfSentence(claim, context).filter((mention) => !mention.initial || (context?.known.has(mention.key) ?? false));
  const dates = new Set<string>();
  for (const date of claim.dates) {
    if (date.value !== null && date.grain !== 'year') dates.add(date.value);
    else if (date.value === null) {
      const weekday = WEEKDAY.exec(date.text.trim());
      if (weekday) dates.add(weekday[1]!.toLowerCase());
    }
  }
  return {
    sentence: identityOf(mentions, context?.kinds),
    dates: [...dates].sort(),
    core: context?.core ?? { people: [], places: [], orgs: [], names: [] },
    published: context?.published ?? null,
  };
}

/** How two identity profiles compare. */
export interface IdentityRelation {
  /** True when what they say of who, where and when makes them two different events. */
  readonly different: boolean;
  /** Sum of agreements (+) and differences (−). */
  readonly score: number;
  /** Readable reason, e.g. "places differ (elm street / main street)". */
  readonly reason: string;
}

function specific(places: readonly string[]): string[] {
  return places.filter((place) => !place.startsWith(BROAD));
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function shares(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x));
}

/**
 * Places agree when one is the other or ends with it, word for word ("south richmond hill" / "richmond hill"),
 * a "mt" read as "mount", a nationality in -n its country ("indonesian" / "indonesia") (`placeSuffixes` in match-identity.json; off: only the same key).
 */
function placesShare(a: readonly string[], b: readonly string[]): boolean {
  if (!data.placeSuffixes) return shares(a, b);
  const plain = (place: string) => place.replace(/^\^/u, '').replace(/\bmt\b/gu, 'mount');
  return a.some((x) => b.some((y) => {
    if (x === y) return true;
    const [p, q] = [plain(x), plain(y)];
    // A nationality in -n is its country's place ("indonesian" / "indonesia").
    return p === q || p.endsWith(` ${q}`) || q.endsWith(` ${p}`) || (p.endsWith('a') && q === `${p}n`) || (q.endsWith('a') && p === `${q}n`);
  }));
}

/** Dates agree when one names the other's day or the month it falls in. */
function datesShare(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => x === y || x.startsWith(`${y}-`) || y.startsWith(`${x}-`)));
}

/**
 * What `identityRelation` reads of one profile, derived once per profile (the same
 * lists, in the same order, that it would build for each pair).
 */
interface IdentityKeys {
  /** The sentence's names of every slot. */
  readonly all: readonly string[];
  /** Untyped names of sentence and core, and their words. */
  readonly loose: readonly string[];
  /** Untyped names of sentence and core, whole. */
  readonly untyped: readonly string[];
  /** Sentence and core names per slot (people, places, orgs), and the specific places. */
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly specificPlaces: readonly string[];
  readonly orgs: readonly string[];
  /** People of the sentence, with two-word untyped names by their last word. */
  readonly peopleish: readonly string[];
  /** `peopleish`, the core's people and `loose`. */
  readonly known: ReadonlySet<string>;
  /** Specific places of the sentence. */
  readonly sentencePlaces: readonly string[];
  /** Every name of sentence and core (broad places left out). */
  readonly every: readonly string[];
  /** Whether the core names anyone or anything. */
  readonly hasCore: boolean;
}

const keysMemo = objectMemo<IdentityProfile, IdentityKeys>();

/** The one empty list and set of the identity keys. */
const NO_KEYS: readonly string[] = Object.freeze([]);
const NO_NAMES: ReadonlySet<string> = new Set();

/** `list`, or an equal list already held (one of `held`, or the one empty list): the same values, less memory. */
function lean(list: readonly string[], ...held: readonly (readonly string[])[]): readonly string[] {
  if (list.length === 0) return NO_KEYS;
  for (const other of held) if (other.length === list.length && other.every((value, k) => value === list[k])) return other;
  return list;
}

function keysOf(p: IdentityProfile): IdentityKeys {
  let keys = keysMemo.get(p);
  if (keys) return keys;
  const names = union(p.sentence.names, p.core.names);
  const loose = union(names, names.flatMap((name) => name.split(' ')));
  const places = union(p.sentence.places, p.core.places);
  const peopleish = union(p.sentence.people, p.sentence.names.filter((name) => /^\p{L}+ \p{L}+$/u.test(name)).map((name) => name.split(' ')[1]!));
  const sentence = p.sentence;
  const core = p.core;
  const knownNames = new Set([...peopleish, ...core.people, ...loose]);
  // Kept for as long as the profile: empty lists are one shared list, and a list equal to one of the profile's own is that list.
  keys = {
    all: lean([...sentence.people, ...sentence.places, ...sentence.orgs, ...sentence.names], sentence.people, sentence.places, sentence.orgs, sentence.names),
    loose: lean(loose, names, sentence.names, core.names),
    untyped: lean(names, sentence.names, core.names),
    people: lean(union(sentence.people, core.people), sentence.people, core.people),
    places: lean(places, sentence.places, core.places),
    specificPlaces: lean(specific(places), places, sentence.places, core.places),
    orgs: lean(union(sentence.orgs, core.orgs), sentence.orgs, core.orgs),
    peopleish: lean(peopleish, sentence.people),
    known: knownNames.size === 0 ? NO_NAMES : knownNames,
    sentencePlaces: lean(specific(sentence.places), sentence.places),
    every: lean(union(loose, specific([...core.people, ...core.places, ...core.orgs, ...sentence.people, ...sentence.places, ...sentence.orgs])), loose),
    hasCore: core.people.length + core.places.length + core.orgs.length + core.names.length > 0,
  };
  keysMemo.set(p, keys);
  return keys;
}

/**
 * Whether two claims name the same people: everyone either sentence names as a
 * person (two-word names of no known kind by their last word) the other claim
 * names too, in its sentence or its article's main event (untyped names count).
 *
 * @param a One claim's profile.
 * @param b The other's.
 * @param asideA People of `a`'s sentence left out (optional: those who only report it, "said Perez").
 * @param asideB Likewise of `b`'s.
 */
export function peopleAgree(a: IdentityProfile, b: IdentityProfile, asideA?: ReadonlySet<string>, asideB?: ReadonlySet<string>): boolean {
  const ka = keysOf(a);
  const kb = keysOf(b);
  return ka.peopleish.every((person) => asideA?.has(person) || kb.known.has(person)) && kb.peopleish.every((person) => asideB?.has(person) || ka.known.has(person));
}

/**
 * The people one claim's sentence names (as `peopleAgree` counts them) whom the
 * other claim never names, in its sentence or its article's main event.
 *
 * @param a The claim whose people are looked at.
 * @param b The other.
 * @param aside People of `a`'s sentence left out (optional: those who only report it).
 */
export function peopleUnknownTo(a: IdentityProfile, b: IdentityProfile, aside?: ReadonlySet<string>): string[] {
  const kb = keysOf(b);
  return keysOf(a).peopleish.filter((person) => !aside?.has(person) && !kb.known.has(person));
}

/**
 * Whether two claims can be about one event: each slot (people, places,
 * organisations, dates) where both say something either agrees (a shared name)
 * or differs (nothing shared); differences outweighing agreements mean two events.
 *
 * @param a One claim's profile.
 * @param b The other's.
 */
export function identityRelation(a: IdentityProfile, b: IdentityProfile): IdentityRelation {
  let score = 0;
  const reasons: string[] = [];
  const ka = keysOf(a);
  const kb = keysOf(b);
  // Untyped names (and their words) of each side: "Jin" untyped here may be the person "jin" there.
  const looseA = ka.loose;
  const looseB = kb.loose;
  for (const slot of SLOTS) {
    const x = ka[slot];
    const y = kb[slot];
    const sharedLoosely = slot === 'people' && (shares(x, looseB) || shares(y, looseA));
    // "Jin" untyped in one article is the person "jin" of the other, even when that article types no one a person
    // (the whole name: "Ivo Orme" is not the person "orme" of "Dale Orme").
    if (slot === 'people' && (x.length === 0 || y.length === 0) && (shares(x, kb.untyped) || shares(y, ka.untyped))) {
      score += WEIGHTS.peopleAgreeUntyped;
      continue;
    }
    if (x.length === 0 || y.length === 0) continue;
    if (slot === 'places' ? placesShare(x, y) : shares(x, y) || sharedLoosely) score += slot === 'places' && !placesShare(ka.specificPlaces, kb.specificPlaces) ? WEIGHTS.regionsAgree : AGREE[slot];
    else {
      score -= DIFFER[slot];
      reasons.push(`${slot} differ (${x.slice(0, 3).join(', ')} / ${y.slice(0, 3).join(', ')})`);
    }
  }
  // The sentences name different people, none of whom the other article's main event involves.
  const pa = a.sentence.people;
  const pb = b.sentence.people;
  if (pa.length > 0 && pb.length > 0 && !shares(pa, pb) && !shares(pa, b.core.people) && !shares(pb, a.core.people)) {
    score -= WEIGHTS.sentencePeopleDiffer;
    reasons.push(`the sentences name different people (${pa.join(', ')} / ${pb.join(', ')})`);
  }
  // Each sentence names someone the other's article never names ("beat Rahman" / "beat Thompson").
  // Two-word names of no known kind ("Hasim Rahman") count as people here, by their last word.
  const qa = ka.peopleish;
  const qb = kb.peopleish;
  if (qa.length > 0 && qb.length > 0 && qa.some((person) => !kb.known.has(person)) && qb.some((person) => !ka.known.has(person)) && shares(qa, qb)) {
    score -= WEIGHTS.sentencePeopleUnknown;
    reasons.push('each sentence names someone the other article does not');
  }
  // The sentences name different specific places ("Elm Street" / "Main Street").
  const sa = ka.sentencePlaces;
  const sb = kb.sentencePlaces;
  if (sa.length > 0 && sb.length > 0 && !placesShare(sa, sb)) {
    score -= WEIGHTS.sentencePlacesDiffer;
    reasons.push(`the sentences name different places (${sa.join(', ')} / ${sb.join(', ')})`);
  }
  // The two articles' main events share no name at all, of any kind: two stories.
  const everyA = ka.every;
  const everyB = kb.every;
  if (ka.hasCore && kb.hasCore && everyA.length >= 2 && everyB.length >= 2 && !shares(everyA, everyB)) {
    score -= WEIGHTS.coresDisjoint;
    reasons.push('their articles share no name');
  }
  // Untyped names shared in the sentences are some evidence of one event.
  if (shares(a.sentence.names, kb.all) || shares(b.sentence.names, ka.all)) score += WEIGHTS.orgsAgree;
  if (a.dates.length > 0 && b.dates.length > 0) {
    if (datesShare(a.dates, b.dates)) score += WEIGHTS.datesAgree;
    else {
      score -= WEIGHTS.datesDiffer;
      reasons.push(`dates differ (${a.dates.join(', ')} / ${b.dates.join(', ')})`);
    }
  }
  return { different: score < 0, score, reason: reasons.join('; ') };
}

/** The slots compared one by one, with what agreeing adds and differing takes away. */
const SLOTS = ['people', 'places', 'orgs'] as const;
const AGREE = { people: WEIGHTS.peopleAgree, places: WEIGHTS.placesAgree, orgs: WEIGHTS.orgsAgree } as const;
const DIFFER = { people: WEIGHTS.peopleDiffer, places: WEIGHTS.placesDiffer, orgs: WEIGHTS.orgsDiffer } as const;
