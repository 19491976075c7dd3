// How a parsed source and its analysis are kept in the cache and passed from a
// worker thread: rows (arrays) instead of keyed objects, with what can be derived
// again left out: the source text (read from the file), each sentence's text (a
// slice of it), its plain text, a quantity's or date's text and a block's text
// when they equal the slices they come from, and a claim's match terms beyond its
// tokens (`termsFromTokens`). An entry is about a quarter of the objects' JSON; on
// a cold run of 3000 articles, writing the cache had been a fifth of the
// per-source time.
//
// `encode*` gives undefined for what it cannot store exactly (objects whose keys
// are not the expected ones in the expected order): that is then neither cached
// nor sent between threads, and the caller works on the objects themselves.
// `decode*` rebuilds objects equal to the originals, key order included (the
// JSON reporters print them), or gives undefined for data of another shape.

import { isArrayOf, isBoolean, isDiagnostic, isInteger, isNumber, isRecord, isString } from '../guards.js';
import { toPosix, type ParsedSource } from '../core/parse.js';
import { termsFromTokens } from '../core/match/terms.js';
import type { IdentityProfile, MatchProfile } from '../core/match/index.js';
import type { Identity } from '../core/match/identity.js';
import type { SourceAnalysis } from '../core/report.js';
import type { StoryProfile } from '../core/stories.js';
import type { Terms } from '../core/match/terms.js';
import type { TermsMemo } from './terms-memo.js';
import type { Block, CheckWorthiness, Claim, DateMention, Diagnostic, Negation, Point, Position, Quantity, Sentence, Source, Span, TextRun } from '../types.js';

/** A source's analysis with the match profile of each claim: what the cache keeps (the source id is the entry's). */
export type AnalysisData = Omit<SourceAnalysis, 'source'>;

/** A position as `[start line, column, offset, end line, column, offset]`. */
type PositionRow = readonly [number, number, number, number, number, number];
/** A block: kind, text (null: its runs' slices of the file), runs as `plain, file, length` triples, position, boilerplate reason. */
type BlockRow = readonly [string, string | null, readonly number[], PositionRow] | readonly [string, string | null, readonly number[], PositionRow, string];
/** A quantity; its text null when it is the span of the sentence's plain text. */
type QuantityRow = readonly [string | null, number, number, number, number | null, number | null, boolean, boolean, boolean, string | null, string];
/** A date; its text null when it is the span of the sentence's plain text. */
type DateRow = readonly [string | null, number, number, string | null, string, boolean];
/** A claim: sentence index, block, kind, position, plain text (null: the sentence's text), check-worthiness, quantities, dates, negation, attribution. */
type ClaimRow = readonly [
  number,
  number,
  string,
  PositionRow,
  string | null,
  boolean,
  number,
  string,
  readonly QuantityRow[],
  readonly DateRow[],
  boolean,
  string | null,
  string | null,
];
/** A match profile: its tokens (space-separated, or a list when one has a space), names, numbers, figures, identity, whether it is a headline (its source's one line), and its copy key. */
type ProfileRow = readonly [string | readonly string[], readonly string[], readonly string[], readonly string[], IdentityRow, boolean, number];
/** An identity profile: the sentence's people, places, orgs, names, dates; the core's people, places, orgs, names; published. */
type IdentityRow = readonly [
  readonly string[],
  readonly string[],
  readonly string[],
  readonly string[],
  readonly string[],
  readonly string[],
  readonly string[],
  readonly string[],
  readonly string[],
  string | null,
];

/** A story profile without its id (the source's): core people, places, orgs, names; title terms, published, terms, weights, label, lead people. */
type StoryRow = readonly [
  readonly string[],
  readonly string[],
  readonly string[],
  readonly string[],
  readonly string[],
  string | null,
  readonly string[],
  readonly number[],
  string,
  readonly string[],
];

/** A source's analysis as stored (its story profile when the analysis made one). */
export interface StoredAnalysis {
  readonly sentences: number;
  readonly claims: readonly ClaimRow[];
  readonly profiles: readonly ProfileRow[];
  readonly story?: StoryRow;
}

/** A source as stored: without its text, blocks as rows. */
interface StoredSource {
  readonly id: string;
  readonly path: string;
  readonly meta: Source['meta'];
  readonly hash: string;
  readonly blocks: readonly BlockRow[];
}

/** A parsed source as stored, with its analysis when the file was analysed in the same pass. */
export interface StoredParsed {
  readonly source?: StoredSource;
  readonly diagnostics: readonly Diagnostic[];
  readonly analysis?: StoredAnalysis;
}

// ---------------------------------------------------------------------------
// Encoding

/** Whether `value` has exactly these own keys, in this order. */
function hasKeys(value: object, keys: readonly string[]): boolean {
  let index = 0;
  for (const key in value) if (keys[index++] !== key) return false;
  return index === keys.length;
}

/**
 * The keys of `T` in the order the codec stores them. It does not compile unless
 * every key of `T` is listed: a type that gains a field fails the typecheck here
 * (npm test runs it) instead of silently switching off caching and worker transfer.
 */
function allKeys<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    ...keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : { readonly missing: Exclude<keyof T, K[number]> })
  ): readonly string[] => keys;
}

const POINT_KEYS = allKeys<Point>()('line', 'column', 'offset');
const POSITION_KEYS = allKeys<Position>()('start', 'end');
const BOILERPLATE_BLOCK_KEYS = allKeys<Block>()('kind', 'text', 'runs', 'position', 'boilerplate');
const BLOCK_KEYS = BOILERPLATE_BLOCK_KEYS.filter((key) => key !== 'boilerplate');
const RUN_KEYS = allKeys<TextRun>()('plain', 'file', 'length');
const SOURCE_KEYS = allKeys<Source>()('id', 'path', 'meta', 'text', 'hash', 'blocks');
const CLAIM_KEYS = allKeys<Claim>()('sentence', 'outlet', 'published', 'checkworthiness', 'quantities', 'dates', 'negation', 'attribution');
const SENTENCE_KEYS = allKeys<Sentence>()('source', 'index', 'text', 'plain', 'position', 'block', 'kind');
const WORTH_KEYS = allKeys<CheckWorthiness>()('checkworthy', 'score', 'reason');
const NEGATION_KEYS = allKeys<Negation>()('negated', 'cue');
const SPAN_KEYS = allKeys<Span>()('start', 'end');
const QUANTITY_KEYS = allKeys<Quantity>()('text', 'span', 'value', 'min', 'max', 'minExclusive', 'maxExclusive', 'approximate', 'unit', 'kind');
const DATE_KEYS = allKeys<DateMention>()('text', 'span', 'value', 'grain', 'relative');
const PROFILE_KEYS = allKeys<MatchProfile>()('terms', 'figures', 'identity', 'headline', 'copyKey').filter((key) => key !== 'terms');
const IDENTITY_KEYS = allKeys<IdentityProfile>()('sentence', 'dates', 'core', 'published');
const IDENTITY_SLOT_KEYS = allKeys<Identity>()('people', 'places', 'orgs', 'names');
const TERMS_KEYS = allKeys<Terms>()('tokens', 'sequence', 'terms', 'weights', 'names', 'numbers');
const STORY_KEYS = allKeys<StoryProfile>()('id', 'core', 'titleTerms', 'published', 'terms', 'weights', 'label', 'leadPeople');

/** Thrown inside an encoder (the value cannot be stored exactly) or a decoder (the data has another shape). */
class Refused extends Error {}

function need(condition: boolean): asserts condition {
  if (!condition) throw new Refused();
}

/** Run an encoder or a decoder; undefined when it refused. */
function unlessRefused<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof Refused) return undefined;
    throw error;
  }
}

function positionRow(position: Position): PositionRow {
  need(hasKeys(position, POSITION_KEYS) && hasKeys(position.start, POINT_KEYS) && hasKeys(position.end, POINT_KEYS));
  const { start, end } = position;
  need(start.offset !== undefined && end.offset !== undefined);
  return [start.line, start.column, start.offset, end.line, end.column, end.offset];
}

/** A block's text rebuilt from the file: its runs' slices, when they cover it end to end. */
function textOfRuns(runs: readonly number[], fileText: string): string | undefined {
  let text = '';
  for (let k = 0; k < runs.length; k += 3) {
    if (runs[k] !== text.length) return undefined;
    text += fileText.slice(runs[k + 1], runs[k + 1]! + runs[k + 2]!);
  }
  return text;
}

function blockRow(block: Block, fileText: string): BlockRow {
  need(hasKeys(block, block.boilerplate === undefined ? BLOCK_KEYS : BOILERPLATE_BLOCK_KEYS));
  const runs: number[] = [];
  for (const run of block.runs) {
    need(hasKeys(run, RUN_KEYS));
    runs.push(run.plain, run.file, run.length);
  }
  const text = textOfRuns(runs, fileText) === block.text ? null : block.text;
  const row = [block.kind, text, runs, positionRow(block.position)] as const;
  return block.boilerplate === undefined ? row : [...row, block.boilerplate];
}

function quantityRow(quantity: Quantity, plain: string): QuantityRow {
  need(hasKeys(quantity, QUANTITY_KEYS) && hasKeys(quantity.span, SPAN_KEYS));
  const { start, end } = quantity.span;
  const text = plain.slice(start, end) === quantity.text ? null : quantity.text;
  const q = quantity;
  return [text, start, end, q.value, q.min, q.max, q.minExclusive, q.maxExclusive, q.approximate, q.unit, q.kind];
}

function dateRow(date: DateMention, plain: string): DateRow {
  need(hasKeys(date, DATE_KEYS) && hasKeys(date.span, SPAN_KEYS));
  const { start, end } = date.span;
  const text = plain.slice(start, end) === date.text ? null : date.text;
  return [text, start, end, date.value, date.grain, date.relative];
}

function claimRow(claim: Claim, source: Source): ClaimRow {
  const sentence = claim.sentence;
  need(hasKeys(claim, CLAIM_KEYS) && hasKeys(sentence, SENTENCE_KEYS));
  need(sentence.source === source.id && claim.outlet === source.meta.outlet && claim.published === (source.meta.published ?? null));
  const position = positionRow(sentence.position);
  need(source.text.slice(position[2], position[5]) === sentence.text);
  const worth = claim.checkworthiness;
  const negation = claim.negation;
  need(hasKeys(worth, WORTH_KEYS) && hasKeys(negation, NEGATION_KEYS));
  return [
    sentence.index,
    sentence.block,
    sentence.kind,
    position,
    sentence.plain === sentence.text ? null : sentence.plain,
    worth.checkworthy,
    worth.score,
    worth.reason,
    claim.quantities.map((quantity) => quantityRow(quantity, sentence.plain)),
    claim.dates.map((date) => dateRow(date, sentence.plain)),
    negation.negated,
    negation.cue,
    claim.attribution,
  ];
}

function profileRow(profile: MatchProfile): ProfileRow {
  const terms = profile.terms;
  need(hasKeys(profile, ['terms', ...PROFILE_KEYS]) && hasKeys(terms, TERMS_KEYS));
  const tokens = terms.tokens.some((token) => token.includes(' ') || token === '') ? terms.tokens : terms.tokens.join(' ');
  need(typeof profile.headline === 'boolean' && Number.isSafeInteger(profile.copyKey));
  return [tokens, terms.names, terms.numbers, profile.figures, identityRow(profile.identity), profile.headline, profile.copyKey!];
}

function identityRow(identity: IdentityProfile): IdentityRow {
  need(hasKeys(identity, IDENTITY_KEYS) && hasKeys(identity.sentence, IDENTITY_SLOT_KEYS) && hasKeys(identity.core, IDENTITY_SLOT_KEYS));
  const { sentence, core } = identity;
  return [sentence.people, sentence.places, sentence.orgs, sentence.names, identity.dates, core.people, core.places, core.orgs, core.names, identity.published];
}

function storyRow(story: StoryProfile, source: Source): StoryRow {
  need(hasKeys(story, STORY_KEYS) && hasKeys(story.core, IDENTITY_SLOT_KEYS) && story.id === source.id);
  const { core, terms, weights, label, leadPeople } = story;
  need(terms !== undefined && weights !== undefined && label !== undefined && leadPeople !== undefined);
  return [core.people, core.places, core.orgs, core.names, story.titleTerms, story.published, terms, weights, label, leadPeople];
}

function storyFrom(row: unknown, source: Source, profiles: readonly MatchProfile[]): StoryProfile {
  need(Array.isArray(row) && row.length === 10);
  const [people, places, orgs, names, titleTerms, published, terms, weights, label, leadPeople] = row as unknown[];
  const lists = [people, places, orgs, names, titleTerms, terms, leadPeople];
  need(lists.every((list) => isArrayOf(list, isString)) && isArrayOf(weights, isNumber) && isNullableString(published) && isString(label));
  const [corePeople, corePlaces, coreOrgs, coreNames, titles, termList, lead] = (lists as string[][]).map(internList);
  need(termList!.length === (weights as number[]).length);
  // The article's core is the one its claims' identities share (as `analyzeSource` makes them): one object.
  const shared = profiles[0]?.identity.core;
  const core =
    shared && sameList(shared.people, corePeople!) && sameList(shared.places, corePlaces!) && sameList(shared.orgs, coreOrgs!) && sameList(shared.names, coreNames!)
      ? shared
      : { people: corePeople!, places: corePlaces!, orgs: coreOrgs!, names: coreNames! };
  return { id: source.id, core, titleTerms: titles!, published: published as string | null, terms: termList!, weights: weights as number[], label: label as string, leadPeople: lead! };
}

/** What decoding does with the words it reads: keeps one copy of each (`interning`), or takes them as read (`asRead`). */
interface ShareWords {
  readonly list: (list: readonly string[]) => readonly string[];
  readonly word: (word: string) => string;
}

/** One copy of each word decoded (`intern`, `internList`). */
const interning: ShareWords = { list: internList, word: intern };

/** Words as read: for profiles decoded one at a time, where sharing words saves nothing worth their lookups. */
const asRead: ShareWords = { list: (list) => list, word: (word) => word };

function identityFrom(row: unknown, previous?: IdentityProfile, share: ShareWords = interning): IdentityProfile {
  need(Array.isArray(row) && row.length === 10);
  const lists = (row as unknown[]).slice(0, 9);
  const published = (row as unknown[])[9];
  need(lists.every((list) => isArrayOf(list, isString)) && (published === null || isString(published)));
  const [people, places, orgs, names, dates, corePeople, corePlaces, coreOrgs, coreNames] = (lists as string[][]).map(share.list);
  // The claims of one article share its core (as `claimIdentity` gives them): one object, not one per claim.
  const core =
    previous && sameList(previous.core.people, corePeople!) && sameList(previous.core.places, corePlaces!) && sameList(previous.core.orgs, coreOrgs!) && sameList(previous.core.names, coreNames!)
      ? previous.core
      : { people: corePeople!, places: corePlaces!, orgs: coreOrgs!, names: coreNames! };
  return {
    sentence: { people: people!, places: places!, orgs: orgs!, names: names! },
    dates: dates!,
    core,
    published: published === null ? null : share.word(published as string),
  };
}

/**
 * A source's analysis as stored, or undefined when it cannot be stored exactly.
 *
 * @param data The analysis.
 * @param source The source it is of.
 */
export function encodeAnalysis(data: AnalysisData, source: Source): StoredAnalysis | undefined {
  return unlessRefused(() => {
    const stored = {
      sentences: data.sentences,
      claims: data.claims.map((claim) => claimRow(claim, source)),
      profiles: data.profiles.map(profileRow),
    };
    return data.story === undefined ? stored : { ...stored, story: storyRow(data.story, source) };
  });
}

/**
 * A parsed source (and its analysis) as stored, or undefined when it cannot be stored exactly.
 *
 * @param parsed Result of `parseSource`.
 * @param analysis The source's analysis, to keep beside it (optional).
 */
export function encodeParsed(parsed: ParsedSource, analysis?: AnalysisData): StoredParsed | undefined {
  const source = parsed.source;
  if (!source) return { diagnostics: parsed.diagnostics };
  return unlessRefused(() => {
    need(hasKeys(source, SOURCE_KEYS));
    const stored: StoredSource = {
      id: source.id,
      path: source.path,
      meta: source.meta,
      hash: source.hash,
      blocks: source.blocks.map((block) => blockRow(block, source.text)),
    };
    if (!analysis) return { source: stored, diagnostics: parsed.diagnostics };
    const storedAnalysis = encodeAnalysis(analysis, source);
    need(storedAnalysis !== undefined);
    return { source: stored, diagnostics: parsed.diagnostics, analysis: storedAnalysis };
  });
}

// ---------------------------------------------------------------------------
// Decoding

const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isNullableNumber = (value: unknown): value is number | null => value === null || isNumber(value);

/** A position read back, with its offsets. */
type PlacedPosition = Position & { readonly start: { readonly offset: number }; readonly end: { readonly offset: number } };

function positionOf(row: unknown): PlacedPosition {
  need(Array.isArray(row) && row.length === 6 && row.every(isInteger));
  const [startLine, startColumn, startOffset, endLine, endColumn, endOffset] = row as number[];
  return {
    start: { line: startLine!, column: startColumn!, offset: startOffset! },
    end: { line: endLine!, column: endColumn!, offset: endOffset! },
  };
}

function blockOf(row: unknown, fileText: string): Block {
  need(Array.isArray(row) && (row.length === 4 || row.length === 5));
  const [kind, storedText, runs, position, boilerplate] = row as unknown[];
  need(isString(kind) && isNullableString(storedText) && Array.isArray(runs) && runs.length % 3 === 0 && runs.every(isInteger));
  const text = storedText ?? textOfRuns(runs as number[], fileText);
  need(text !== undefined);
  const runObjects = [];
  for (let k = 0; k < runs.length; k += 3) runObjects.push({ plain: runs[k] as number, file: runs[k + 1] as number, length: runs[k + 2] as number });
  const block = { kind, text, runs: runObjects, position: positionOf(position) } as Block;
  if (row.length === 4) return block;
  need(isString(boilerplate));
  return { ...block, boilerplate };
}

function quantityOf(row: unknown, plain: string): Quantity {
  need(Array.isArray(row) && row.length === 11);
  const [text, start, end, value, min, max, minExclusive, maxExclusive, approximate, unit, kind] = row as unknown[];
  need(isNullableString(text) && isInteger(start) && isInteger(end) && isNumber(value) && isNullableNumber(min) && isNullableNumber(max));
  need(isBoolean(minExclusive) && isBoolean(maxExclusive) && isBoolean(approximate) && isNullableString(unit) && isString(kind));
  return {
    text: text ?? plain.slice(start, end),
    span: { start, end },
    value,
    min,
    max,
    minExclusive,
    maxExclusive,
    approximate,
    unit,
    kind: kind as Quantity['kind'],
  };
}

function dateOf(row: unknown, plain: string): DateMention {
  need(Array.isArray(row) && row.length === 6);
  const [text, start, end, value, grain, relative] = row as unknown[];
  need(isNullableString(text) && isInteger(start) && isInteger(end) && isNullableString(value) && isString(grain) && isBoolean(relative));
  return { text: text ?? plain.slice(start, end), span: { start, end }, value, grain: grain as DateMention['grain'], relative };
}

function claimOf(row: unknown, source: Source): Claim {
  need(Array.isArray(row) && row.length === 13);
  const [index, block, kind, positionRow, plain, checkworthy, score, reason, quantities, dates, negated, cue, attribution] = row as unknown[];
  need(isInteger(index) && isInteger(block) && isString(kind) && isNullableString(plain));
  need(isBoolean(checkworthy) && isNumber(score) && isString(reason) && Array.isArray(quantities) && Array.isArray(dates));
  need(isBoolean(negated) && isNullableString(cue) && isNullableString(attribution));
  const position = positionOf(positionRow);
  need(position.start.offset <= position.end.offset && position.end.offset <= source.text.length);
  const text = source.text.slice(position.start.offset, position.end.offset);
  const sentence: Sentence = {
    source: source.id,
    index,
    text,
    plain: plain ?? text,
    position,
    block,
    kind: kind as Sentence['kind'],
  };
  return {
    sentence,
    outlet: source.meta.outlet,
    published: source.meta.published ?? null,
    checkworthiness: { checkworthy, score, reason: intern(reason) },
    quantities: quantities.length === 0 ? EMPTY : quantities.map((quantity) => quantityOf(quantity, sentence.plain)),
    dates: dates.length === 0 ? EMPTY : dates.map((date) => dateOf(date, sentence.plain)),
    negation: { negated, cue: cue === null ? null : intern(cue) },
    attribution: attribution === null ? null : intern(attribution),
  };
}

function profileOf(row: unknown, previous?: MatchProfile, memo?: TermsMemo, share: ShareWords = interning): MatchProfile {
  need(Array.isArray(row) && row.length === 7);
  const [tokens, names, numbers, figures, identity, headline, copyKey] = row as unknown[];
  need((isString(tokens) || isArrayOf(tokens, isString)) && isArrayOf(names, isString) && isArrayOf(numbers, isString) && isArrayOf(figures, isString) && typeof headline === 'boolean');
  need(Number.isSafeInteger(copyKey) && (copyKey as number) >= 0);
  const list = share.list(isString(tokens) ? (tokens === '' ? [] : tokens.split(' ')) : (tokens as string[]));
  const [sharedNames, sharedNumbers] = [share.list(names as string[]), share.list(numbers as string[])];
  const terms = memo ? memo.of(list, sharedNames, sharedNumbers) : termsFromTokens(list, sharedNames, sharedNumbers);
  return { terms, figures: share.list(figures as string[]), identity: identityFrom(identity, previous?.identity, share), headline, copyKey: copyKey as number };
}

/** Each profile of a source read back, in order (each may share its article's core with the one before). */
function profilesOf(rows: readonly unknown[], memo?: TermsMemo): MatchProfile[] {
  const profiles: MatchProfile[] = [];
  for (const row of rows) profiles.push(profileOf(row, profiles.at(-1), memo));
  return profiles;
}

// Decoded analyses are what a run holds for every claim until it is matched: each
// distinct word is kept once (a split or a JSON string is a new copy of it) and
// empty lists are one shared list. A memo: it never changes what is decoded.

/** The shared empty list of decoded analyses (frozen: never pushed to). */
const EMPTY: readonly never[] = Object.freeze([]);
/** One copy of each string decoded, cleared when it grows past `MAX_INTERNED`. */
let interned = new Map<string, string>();
const MAX_INTERNED = 500_000;

function intern(value: string): string {
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned = new Map();
  interned.set(value, value);
  return value;
}

/** A list of strings with each string interned: the shared empty list, or the same list with its items replaced. */
function internList(list: readonly string[]): readonly string[] {
  if (list.length === 0) return EMPTY;
  const out = list as string[];
  for (let k = 0; k < out.length; k++) out[k] = intern(out[k]!);
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((item, k) => item === b[k]));
}

/**
 * The match profiles of a source's claims as JSON text (the rows the cache keeps
 * them as), or undefined when they cannot be stored exactly: what a corpus
 * snapshot keeps of each source, so that a re-check compares old claims without
 * reading their sources' analyses.
 *
 * @param profiles `matchProfile` of each claim, in order.
 */
export function encodeProfiles(profiles: readonly MatchProfile[]): string | undefined {
  return unlessRefused(() => JSON.stringify(profiles.map(profileRow)));
}

/**
 * Match profiles from `encodeProfiles` read back, or undefined when the text has another shape.
 *
 * @param text What `encodeProfiles` gave.
 * @param memo Terms shared across the profiles (optional: see `TermsMemo`).
 */
export function decodeProfiles(text: string, memo?: TermsMemo): MatchProfile[] | undefined {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return undefined;
  }
  return unlessRefused(() => {
    need(Array.isArray(rows));
    return profilesOf(rows, memo);
  });
}

/**
 * Match profiles from `encodeProfiles`, each read back when first asked for:
 * `at(k)` is `decodeProfiles(text)[k]`, or undefined when that row has another
 * shape. Undefined when the text is not a list of `count` rows. A re-check
 * compares a few claims of each old source it touches, so the other rows stay
 * unbuilt (their terms, identity, interned words).
 *
 * @param text What `encodeProfiles` gave.
 * @param count How many profiles the text must hold.
 */
export function lazyProfiles(text: string, count: number): ((index: number) => MatchProfile | undefined) | undefined {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(rows) || rows.length !== count) return undefined;
  const list = rows as unknown[];
  const made: (MatchProfile | null | undefined)[] = new Array(count);
  return (index) => {
    let profile = made[index];
    if (profile === undefined && index >= 0 && index < count) {
      // The one before, when made, lends its article core (as `decodeProfiles` shares it).
      const previous = index > 0 ? made[index - 1] ?? undefined : undefined;
      profile = unlessRefused(() => profileOf(list[index], previous, undefined, asRead)) ?? null;
      made[index] = profile;
    }
    return profile ?? undefined;
  };
}

/**
 * A stored analysis read back, or undefined when it has another shape.
 *
 * @param data What `encodeAnalysis` gave, after a JSON round trip.
 * @param source The source it is of (its text and id are put back into the claims).
 * @param memo Terms shared across the sources of one stage (optional: see `TermsMemo`).
 */
export function decodeAnalysis(data: unknown, source: Source, memo?: TermsMemo): AnalysisData | undefined {
  return unlessRefused(() => {
    need(isRecord(data) && isInteger(data.sentences) && data.sentences >= 0 && Array.isArray(data.claims) && Array.isArray(data.profiles));
    need(data.claims.length === data.profiles.length && data.claims.length <= data.sentences);
    const decoded = {
      sentences: data.sentences,
      claims: data.claims.map((row) => claimOf(row, source)),
      profiles: profilesOf(data.profiles, memo),
    };
    return data.story === undefined ? decoded : { ...decoded, story: storyFrom(data.story, source, decoded.profiles) };
  });
}

/**
 * A stored parsed source read back with its text, and its analysis when one was
 * stored with it, or undefined when the data has another shape or is not of this
 * file's bytes.
 *
 * @param data What `encodeParsed` gave, after a JSON round trip.
 * @param file Path as found.
 * @param text The file's text (`decodeText`), or undefined when it cannot be decoded.
 * @param hash sha256 of the file's bytes, hex.
 * @param memo Terms shared across the sources of one stage (optional: see `TermsMemo`).
 */
export function decodeParsed(
  data: unknown,
  file: string,
  text: string | undefined,
  hash: string,
  memo?: TermsMemo,
): { parsed: ParsedSource; analysis?: AnalysisData } | undefined {
  return unlessRefused(() => {
    need(isRecord(data) && isArrayOf(data.diagnostics, isDiagnostic));
    const diagnostics = data.diagnostics;
    if (data.source === undefined) return { parsed: { diagnostics } };
    const stored = data.source;
    need(isRecord(stored) && isString(stored.id) && stored.hash === hash && stored.path === toPosix(file));
    need(isRecord(stored.meta) && isString(stored.meta.outlet) && Array.isArray(stored.blocks) && text !== undefined);
    const source: Source = {
      id: stored.id,
      path: stored.path,
      meta: stored.meta as unknown as Source['meta'],
      text,
      hash,
      blocks: stored.blocks.map((row) => blockOf(row, text)),
    };
    const parsed = { source, diagnostics };
    if (data.analysis === undefined) return { parsed };
    const analysis = decodeAnalysis(data.analysis, source, memo);
    return analysis ? { parsed, analysis } : { parsed };
  });
}
