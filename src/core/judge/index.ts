// judge: a cluster of claims → a Finding with its verdict (corroborated,
// disputed, unique), the conflicts that make it disputed (quantity, date,
// negation, each naming both mentions and why), its outlets and its distinct
// origins. Pure functions over plain data.

import { createHash } from 'node:crypto';
import { denialClause, denialTunables, deniesDenial, findDenial, withoutDenialFrame } from '../claims/denial.js';
import { isAsked } from '../claims/checkworthiness.js';
import { implicitNegativeGoverns, statesNegation } from '../claims/negation.js';
import { isHeadlineStyle, isShortMention, mainClauseNegation, negationPlace } from './main-clause.js';
import { cueSpans, foldCueText, governedWordIn, onlyAttempts, writesSameCue } from './negation-scope.js';
import { oppositeStates } from './opposites.js';
import { termsOf } from '../match/terms.js';
import { ObjectMemo } from '../match/memo.js';
import { outletKey } from '../outlet.js';
import type { Claim, Cluster, Conflict, ConflictKind, DateMention, Finding, Mention, Quantity, Verdict } from '../../types.js';
import alignData from '../../data/judge-align.json' with { type: 'json' };
import { forgetFigureReadings, runningUpdate, sameDateSlot, sameQuantitySlot, type ConflictSide } from './align.js';

/** A conflict between two claims, before it is placed in a finding. */
export interface PairConflict {
  readonly kind: ConflictKind;
  readonly detail: string;
  /** A running count that a later article updates: not a dispute. */
  readonly update?: boolean;
}

/** Relative slack around an approximate figure ("some 4,000" holds for 3,600–4,400). */
const APPROXIMATE_SLACK = 0.1;
/** A point figure written with at least `minZeros` trailing zeros is rounded: it holds within `slack` (a share of it) either way. */
const ROUND_FIGURE = alignData.roundFigure;

/**
 * Why two claims of the same cluster cannot both hold: quantities whose intervals
 * cannot both be true or that state the same kind of bound with other values,
 * different resolved dates, or one negating the other.
 *
 * @param a One claim.
 * @param b The other claim.
 */
export function conflictsBetween(a: Claim, b: Claim): PairConflict[] {
  // A mention that asks ("Did X adopt a boy?", "X dead?") states nothing, so it contradicts nothing;
  // it disputes only as a denial, with a denial cue ("Is X a hoax?").
  const [askedA, askedB] = [isAsked(a.sentence.plain), isAsked(b.sentence.plain)];
  if (askedA || askedB) {
    if (askedA && askedB) return [];
    const asked = askedA ? a : b;
    if (findDenial(asked.sentence.plain) === null) return [];
    const denial = denialConflict(a, b);
    return denial && denial !== 'none' ? [denial] : [];
  }
  const conflicts: PairConflict[] = [];
  const sides: readonly [ConflictSide, ConflictSide] = [sideOf(a), sideOf(b)];
  const quantity = quantityConflict(a.quantities, b.quantities, sides);
  if (quantity) conflicts.push(quantity);
  const date = dateConflict(a.dates, b.dates, sides);
  if (date) conflicts.push(date);
  const denial = denialConflict(a, b);
  if (denial) {
    if (denial !== 'none') conflicts.push(denial);
  } else if (a.negation.negated !== b.negation.negated) {
    const [negated, plain] = a.negation.negated ? [a, b] : [b, a];
    // Only a negation of something the other mention states is a contradiction:
    // "did not share the data" vs "shared the data", not vs "declined comment".
    const implicitlyNegated = IMPLICIT_NEGATION(plain.sentence.plain);
    // "She denies the hoax claims", "it is not a hoax": the negation is aimed at a denial the other mention does not make.
    const againstDenial = deniesDenial(negated.sentence.plain);
    // The word a cue governs (any cue of the sentence, past adverbs and prepositions) must be one the other states.
    const governed = againstDenial ? undefined : governedWordIn(negated.sentence.plain, termsOf(plain.sentence.plain).terms);
    // An implicit negative says the same ("skipped work" / "hadn't been to work") only where it governs that word, not elsewhere ("adopted a boy to stop him turning").
    const sameNegative = implicitlyNegated && (governed === undefined || implicitNegativeGoverns(plain.sentence.plain, governed.term));
    // The other writes the same cue over the same word, spelled otherwise or not read as a cue ("dont know", "not life threatening,"): one polarity.
    // The other only tries or wants to do it ("tries to stay above" / "failed to stay above"): it asserts no act the negation contradicts.
    if (governed !== undefined && !sameNegative && !writesSameCue(plain.sentence.plain, governed) && !onlyAttempts(plain.sentence.plain, governed)) {
      conflicts.push({
        kind: 'negation',
        detail: `"${governed.cue}" negates "${governed.word}" in one mention; the other states it (${clip(plain.sentence.plain)})`,
      });
    } else if (governed === undefined && !againstDenial && !implicitlyNegated && isHeadlineStyle(negated.sentence.plain) && isShortMention(plain.sentence.plain) && !datesApart(negated, plain)) {
      // Two short mentions in one cluster, one a headline negating its main clause: "X did not personally fly airstrikes" / "X will take part in air strikes".
      // (Prose keeps the governed-word rule: "results have not been released." / "results are pending." say one thing.)
      const main = mainClauseNegation(negated.sentence.plain);
      if (main) conflicts.push({ kind: 'negation', detail: `"${main.cue}" negates the main clause of one mention; the other states it (${clip(plain.sentence.plain)})` });
    }
  } else if (a.negation.negated && b.negation.negated && isShortMention(a.sentence.plain) && isShortMention(b.sentence.plain)) {
    // Both negated, one only in a subordinate clause ("a panel that didn't include women"): the other's main-clause negation disputes it.
    const [placeA, placeB] = [negationPlace(a.sentence.plain), negationPlace(b.sentence.plain)];
    const headlineA = isHeadlineStyle(a.sentence.plain);
    const headlineB = isHeadlineStyle(b.sentence.plain);
    const oneMain = (placeA.place === 'main' && headlineA && placeB.place === 'subordinate') || (placeB.place === 'main' && headlineB && placeA.place === 'subordinate');
    if (oneMain && !deniesDenial(a.sentence.plain) && !deniesDenial(b.sentence.plain)) {
      const [main, plain] = placeA.place === 'main' ? [placeA.cue!, b] : [placeB.cue!, a];
      conflicts.push({ kind: 'negation', detail: `"${main.cue}" negates the main clause of one mention; the other states it (${clip(plain.sentence.plain)})` });
    }
  } else if (!a.negation.negated && !b.negation.negated) {
    // "… is alive and well" against "… was killed": opposite states, no cue of negation or denial (judge-opposites.json).
    const opposite = oppositeStates(a.sentence.plain, b.sentence.plain);
    if (opposite) {
      const plain = opposite.stating === 0 ? b : a;
      conflicts.push({ kind: 'denial', detail: `"${opposite.cue}" denies what the other mention states (${clip(plain.sentence.plain)})` });
    }
  }
  return conflicts;
}

/** Whether both mentions give dates and none of them in common ("did not run on Sunday" / "ran late on Monday"): two assertions, not one negated. */
function datesApart(a: Claim, b: Claim): boolean {
  if (a.dates.length === 0 || b.dates.length === 0) return false;
  const key = (date: DateMention): string => date.value ?? date.text.toLowerCase().replace(/^on\s+/, '').trim();
  const theirs = new Set(b.dates.map(key));
  return !a.dates.some((date) => theirs.has(key(date)));
}

/**
 * A denial: one mention calls false, a hoax or a fabrication what the other, not
 * negated and not itself a denial, states ("… is a hoax", "X denies …", "no evidence
 * that …"); cues in src/data/judge-denial.json. The cue, and who denies when the
 * mention says, are in the detail. 'none' when a denial takes part but nothing
 * conflicts (both deny); undefined when neither mention denies (negation is asked then).
 */
function denialConflict(a: Claim, b: Claim): PairConflict | 'none' | undefined {
  const [left, right] = [findDenial(a.sentence.plain), findDenial(b.sentence.plain)];
  if (left === null && right === null) return undefined;
  // Both deny: whatever else they say, they agree the claim is false.
  if (left !== null && right !== null) return 'none';
  const [denial, plain] = left ? [left, b] : [right!, a];
  // The other writes the same cue, however spelled ("made-up stories" / "made up stories", "denied their request" / "denied their motion"): both say it.
  if (cueSpans(foldCueText(plain.sentence.plain), foldCueText(denial.cue)).length > 0) return 'none';
  // "The pier was not sold" and "the pier sale is a hoax" both deny; "it is not a hoax" answers the denial.
  // A short mention negated only in a subordinate clause ("a panel that didn't include women") still states what the denial denies.
  const negatedMain = negationPlace(plain.sentence.plain).place !== 'subordinate';
  if (plain.negation.negated && negatedMain && !deniesDenial(plain.sentence.plain)) return 'none';
  // The denial must be aimed at what the other states: most of the words they share lie in its clause.
  const denying = plain === a ? b : a;
  if (!deniesWhatIsShared(denying.sentence.plain, denial, plain.sentence.plain)) return 'none';
  const holder = denial.holder === null ? '' : ` (${denial.holder})`;
  return { kind: 'denial', detail: `"${denial.cue}"${holder} denies what the other mention states (${clip(plain.sentence.plain)})` };
}

/** Whether the content words two mentions share lie mostly (`scopeShare`, by weight) in the denial's clause (checked for mentions of `scopeMinWords` words or more). */
function deniesWhatIsShared(text: string, denial: NonNullable<ReturnType<typeof findDenial>>, other: string): boolean {
  // A headline-length mention makes one assertion ("X: hoax"): its denial is aimed at it.
  if (text.split(/\s+/).length < denialTunables().scopeMinWords) return true;
  const mine = termsOf(withoutDenialFrame(text));
  const theirs = new Set(termsOf(other).terms);
  const inClause = new Set(termsOf(denialClause(text, denial)).terms);
  let shared = 0;
  let scoped = 0;
  mine.terms.forEach((term, index) => {
    if (!theirs.has(term)) return;
    shared += mine.weights[index]!;
    if (inClause.has(term)) scoped += mine.weights[index]!;
  });
  return scoped > 0 && scoped >= denialTunables().scopeShare * shared;
}

/** Whether a sentence states a negation, with a cue or without one ("without", "failure to", "refusal"): one list, src/data/extract-negation.json. */
const IMPLICIT_NEGATION: (text: string) => boolean = statesNegation;

// ---------------------------------------------------------------------------
// Quantities

/** The noun a quantity counts, folded with synonyms ("conferences" → meeting): read once per quantity (a pair's check asks it of each figure many times). */
function unitKey(quantity: Quantity): string | null {
  let key = unitKeys.get(quantity);
  if (key === undefined) unitKeys.set(quantity, (key = unitKeyOf(quantity)));
  return key;
}

const unitKeys = new ObjectMemo<Quantity, string | null>();

/** Forget the figures' memos (unit keys, outcomes, slot marks): judging a cluster starts with none, so they die young with it (no result changes). */
function forgetFigureMemos(): void {
  unitKeys.clear();
  forgetFigureReadings();
}

function unitKeyOf(quantity: Quantity): string | null {
  if (quantity.kind === 'year' || quantity.kind === 'number') return null;
  // "rose 1.4 percentage points to 52.9 percent": a change in points is not a share.
  if (quantity.kind === 'percent' && PERCENTAGE_POINTS.test(quantity.text)) return 'percent:point';
  if (quantity.unit === null) return quantity.kind === 'money' || quantity.kind === 'percent' ? quantity.kind : null;
  const terms = termsOf(quantity.unit).terms;
  return `${quantity.kind}:${terms.join(' ') || quantity.unit.toLowerCase()}`;
}

/** A figure in percentage points ("1.4 percentage points", "five points"): its own unit, never a share in percent. */
const PERCENTAGE_POINTS = /\bpercentage[\s-]+points?\b/i;

/** A claim's sentence and its article's publication date, for aligning its figures and dates. */
function sideOf(claim: Claim): ConflictSide {
  return { text: claim.sentence.plain, published: claim.published };
}

function quantityConflict(left: readonly Quantity[], right: readonly Quantity[], sides?: readonly [ConflictSide, ConflictSide]): PairConflict | undefined {
  // Only a figure of the same unit that fills the same slot (outcome, person) can conflict.
  const slot = (x: Quantity, y: Quantity): boolean => !sides || sameQuantitySlot(sides[0], x, sides[1], y);
  for (const a of left) {
    const key = unitKey(a);
    if (key === null) continue;
    // A figure of the other side that another figure of this side already states is accounted for:
    // "a loss of $185 million on sales of $600 million" / "a loss of $185 million" leaves the $600 million unanswered, not denied.
    const accounted = (b: Quantity): boolean => left.some((other) => other !== a && unitKey(other) === key && slot(other, b) && quantityIncompatibility(other, b) === undefined);
    const peers = right.filter((b) => unitKey(b) === key && slot(a, b) && !accounted(b));
    if (peers.length === 0) continue;
    // A quantity is in conflict only when no quantity of the same unit on the other side is compatible with it.
    const reasons = peers.map((b) => quantityIncompatibility(a, b));
    if (reasons.some((reason) => reason === undefined)) continue;
    const b = peers[0]!;
    const update = sides ? runningUpdate(sides[0], a, sides[1], b) : undefined;
    if (update) return { kind: 'quantity', detail: update, update: true };
    return { kind: 'quantity', detail: `${a.text} vs ${b.text}${reasons[0] ? ` (${reasons[0]})` : ''}` };
  }
  return undefined;
}

interface Interval {
  readonly low: number;
  readonly high: number;
  readonly lowOpen: boolean;
  readonly highOpen: boolean;
}

function intervalOf(quantity: Quantity): Interval {
  let low = quantity.min ?? Number.NEGATIVE_INFINITY;
  let high = quantity.max ?? Number.POSITIVE_INFINITY;
  if (quantity.approximate && low === high) {
    const slack = Math.max(Math.abs(low) * APPROXIMATE_SLACK, 1);
    low -= slack;
    high += slack;
  }
  return { low, high, lowOpen: quantity.minExclusive, highOpen: quantity.maxExclusive };
}

/** The shape of a bound: "at least N" (lower), "up to / fewer than N" (upper), a point or a range. */
function boundKind(quantity: Quantity): string {
  const lower = quantity.min !== null && quantity.min !== 0 && quantity.max === null;
  const upper = quantity.max !== null && (quantity.min === null || quantity.min === 0) && quantity.max !== quantity.min;
  if (lower) return quantity.minExclusive ? 'more than' : 'at least';
  if (upper) return quantity.maxExclusive ? 'fewer than' : 'at most';
  return 'other';
}

/** A share in percent written as a point figure is rounded at its last digit (half a unit of it either way). */
const PERCENT_ROUNDING = 0.5;

/** Money written with a scale word is rounded at its last digit: "$5.4 billion" holds for 5.35–5.45 billion. */
const MONEY_ROUNDING = 0.5;
const MONEY_SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Why two quantities of one unit cannot both hold, or undefined when they can. */
export function quantityIncompatibility(a: Quantity, b: Quantity): string | undefined {
  // "$99.99" and "$99" differ; "about $100" holds for "$99.99" (APPROXIMATE_SLACK); "$5.4 billion" for "$5.43 billion".
  const rounded = (quantity: Quantity, interval: Interval): Interval => {
    // A share is rounded at its last digit written: "1.2 percent" holds for 1.23 percent, "4 percent" for 4.4; "0.2" and "0.3" still differ.
    if (quantity.kind === 'percent' && !quantity.approximate && quantity.min !== null && quantity.min === quantity.max) {
      const digits = /\d[\d,]*(?:\.(\d+))?/.exec(quantity.text);
      if (!digits) return interval;
      const slack = 10 ** -(digits[1]?.length ?? 0) * PERCENT_ROUNDING;
      return { low: interval.low - slack, high: interval.high + slack, lowOpen: true, highOpen: true };
    }
    // A round figure ("60,000 years", "$120,000") holds for a precise one within ROUND_FIGURE.slack of it ("59,619 years").
    if (quantity.kind !== 'year' && quantity.kind !== 'age' && !quantity.approximate && quantity.min !== null && quantity.min === quantity.max) {
      const digits = /(\d[\d,]*)(\.\d+)?/.exec(quantity.text);
      const zeros = digits && !digits[2] ? /0*$/.exec(digits[1]!.replace(/,/g, ''))![0].length : 0;
      if (zeros >= ROUND_FIGURE.minZeros && !/\b(?:thousand|million|billion|trillion)\b/i.test(quantity.text)) {
        const slack = Math.abs(quantity.min) * ROUND_FIGURE.slack;
        return { low: interval.low - slack, high: interval.high + slack, lowOpen: true, highOpen: true };
      }
    }
    if (quantity.kind !== 'money' || quantity.approximate || quantity.min === null || quantity.min !== quantity.max) return interval;
    // Digits before the scale set the last digit ("$5.4 billion"); a number word rounds at the scale itself ("a million dollars").
    const written = /(?:(\d[\d,]*)(?:\.(\d+))?\s*|\b)(thousand|million|billion|trillion)\b/i.exec(quantity.text);
    if (!written) return interval;
    const slack = MONEY_SCALES[written[3]!.toLowerCase()]! * 10 ** -(written[2]?.length ?? 0) * MONEY_ROUNDING;
    return { low: interval.low - slack, high: interval.high + slack, lowOpen: true, highOpen: true };
  };
  const x = rounded(a, intervalOf(a));
  const y = rounded(b, intervalOf(b));
  const separated =
    x.high < y.low ||
    y.high < x.low ||
    (x.high === y.low && (x.highOpen || y.lowOpen)) ||
    (y.high === x.low && (y.highOpen || x.lowOpen));
  if (separated) return 'the figures cannot both be true';
  const kind = boundKind(a);
  if (kind !== 'other' && kind === boundKind(b)) {
    const valueA = kind === 'at least' || kind === 'more than' ? a.min : a.max;
    const valueB = kind === 'at least' || kind === 'more than' ? b.min : b.max;
    if (valueA !== valueB) return `both say "${kind}" with different figures`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Dates

function dateConflict(left: readonly DateMention[], right: readonly DateMention[], sides?: readonly [ConflictSide, ConflictSide]): PairConflict | undefined {
  for (const grain of ['day', 'month'] as const) {
    const a = left.filter((date) => date.value !== null && date.grain === grain);
    const b = right.filter((date) => date.value !== null && date.grain === grain);
    // Only one resolved date of this grain on each side: they must name the same event's date.
    if (a.length !== 1 || b.length !== 1) continue;
    const [da, db] = [a[0]!, b[0]!];
    // Dates of two people's acts ("he … on May 4", "she … on December 22") are no dispute.
    if (sides && !sameDateSlot(sides[0], da, sides[1], db)) continue;
    if (da.value !== db.value && !coarserHolds(left, db) && !coarserHolds(right, da)) {
      return { kind: 'date', detail: `${da.text} (${da.value}) vs ${db.text} (${db.value})` };
    }
  }
  return undefined;
}

/** Whether `dates` also name `date` at another grain (a day inside a stated month). */
function coarserHolds(dates: readonly DateMention[], date: DateMention): boolean {
  return dates.some((other) => other.value !== null && other !== date && date.value!.startsWith(other.value) && other.value !== date.value);
}

// ---------------------------------------------------------------------------
// Findings

/**
 * A stable key for a claim: its source id and a hash of its normalised sentence,
 * so it survives edits elsewhere in the file.
 *
 * @param claim The claim.
 */
export function claimKey(claim: Claim): string {
  let key = claimKeys.get(claim);
  if (key === undefined) {
    key = `${claim.sentence.source}#${shortHash(normalise(claim.sentence.plain))}`;
    claimKeys.set(claim, key);
  }
  return key;
}

/** Keys already computed: a claim's key is read for sorting, ids and mentions. */
const claimKeys = new WeakMap<Claim, string>();

/**
 * Judge a cluster: its mentions, conflicts between mentions of different
 * outlets, verdict, outlets and distinct origins.
 *
 * @param cluster Claims the matcher put together.
 * @param pathOf Path of each source, by source id.
 * @param relatedIds Ids of findings this one is possibly related to, with scores.
 * @param isUpdate Pairs a reviewer marked "an update, not a dispute": their conflicts are dropped (optional).
 */
export function judgeCluster(
  cluster: Cluster,
  pathOf: ReadonlyMap<string, string>,
  relatedIds: readonly { id: string; score: number }[] = [],
  isUpdate: (a: Claim, b: Claim) => boolean = () => false,
): Finding {
  // A claim is judged in one cluster: its figures' memos serve this cluster's pairs only.
  forgetFigureMemos();
  const claims = [...cluster.claims].sort(
    (a, b) =>
      compare(a.outlet, b.outlet) || compare(a.sentence.source, b.sentence.source) || a.sentence.index - b.sentence.index,
  );
  // One outlet however it is spelled (case, width, zero-width or bidi characters, spaces).
  const keys = claims.map((claim) => outletKey(claim.outlet));
  const conflicts: Conflict[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      if (keys[i] === keys[j] || isUpdate(claims[i]!, claims[j]!)) continue;
      for (const conflict of conflictsBetween(claims[i]!, claims[j]!)) conflicts.push({ between: [i, j], ...conflict });
    }
  }
  const outlets = outletNames(claims, keys, pathOf);
  // An update of a running count by a later article does not dispute the claim.
  const verdict: Verdict = conflicts.some((conflict) => !conflict.update) ? 'disputed' : outlets.length >= 2 ? 'corroborated' : 'unique';
  // The representative comes from the side with the fewest conflicts (not the odd one out), central if possible.
  const conflictCount = claims.map((_, index) => conflicts.filter((conflict) => conflict.between.includes(index)).length);
  const fewest = Math.min(...conflictCount);
  const candidates = claims.filter((_, index) => conflictCount[index] === fewest);
  const central = cluster.claims[cluster.central ?? -1];
  const representative = central && candidates.includes(central) ? central : pickRepresentative(candidates);
  return {
    id: findingId(claims),
    verdict,
    text: representative.sentence.plain,
    outlets,
    origins: originsOf(claims),
    mentions: claims.map((claim) => toMention(claim, pathOf.get(claim.sentence.source) ?? claim.sentence.source)),
    conflicts,
    related: relatedIds,
  };
}

/** Each outlet once, by its key, named as the first of its claims by path spells it; sorted. */
function outletNames(claims: readonly Claim[], keys: readonly string[], pathOf: ReadonlyMap<string, string>): string[] {
  const named = new Map<string, { name: string; path: string }>();
  claims.forEach((claim, index) => {
    const path = pathOf.get(claim.sentence.source) ?? claim.sentence.source;
    const known = named.get(keys[index]!);
    if (!known || path < known.path) named.set(keys[index]!, { name: claim.outlet, path });
  });
  return [...new Set([...named.values()].map((entry) => entry.name))].sort(compare);
}

/**
 * The id of the finding the claims form: the key of the claim whose key sorts
 * first, so it is stable across runs, machines and unrelated sources.
 *
 * @param claims Claims of one cluster.
 */
export function findingId(claims: readonly Claim[]): string {
  const keys = claims.map(claimKey).sort();
  return shortHash(keys[0] ?? '');
}

function toMention(claim: Claim, path: string): Mention {
  const { sentence } = claim;
  return {
    key: claimKey(claim),
    source: sentence.source,
    path,
    outlet: claim.outlet,
    text: sentence.plain,
    place: sentence.position,
    quantities: claim.quantities,
    dates: claim.dates,
    negated: claim.negation.negated,
    attribution: claim.attribution,
    checkworthiness: claim.checkworthiness,
  };
}

function pickRepresentative(claims: readonly Claim[]): Claim {
  return [...claims].sort(
    (a, b) =>
      b.checkworthiness.score - a.checkworthiness.score ||
      a.sentence.plain.length - b.sentence.plain.length ||
      compare(claimKey(a), claimKey(b)),
  )[0]!;
}

/** Speakers that name no one in particular: the origin is then the outlet itself. */
const GENERIC_SPEAKERS = /^(?:he|she|it|they|we|i|you|the statement|a statement|the report|the spokesperson|a spokesperson|the company|officials|sources?)$/i;

/**
 * Distinct origins of the claims: each named speaker once (however many outlets
 * quote it), and the outlet itself for unattributed or vaguely attributed claims;
 * syndicated copies (the same sentence at the same place of the same text, under
 * several outlets) count once, as the outlet that sorts first.
 */
function originsOf(claims: readonly Claim[]): string[] {
  const origins = new Map<string, string>();
  const syndicated = new Map<string, string>();
  const copies = claims.map((claim) => `${claim.sentence.index}\u0000${normalise(claim.sentence.plain)}`);
  claims.forEach((claim, k) => {
    const outlet = syndicated.get(copies[k]!);
    if (outlet === undefined || claim.outlet < outlet) syndicated.set(copies[k]!, claim.outlet);
  });
  for (const [k, claim] of claims.entries()) {
    const speaker = claim.attribution?.trim().replace(/[’']s statement$/i, '');
    const generic = !speaker || GENERIC_SPEAKERS.test(speaker);
    const outlet = syndicated.get(copies[k]!) ?? claim.outlet;
    const key = generic ? `outlet:${outletKey(outlet)}` : `speaker:${speakerKey(speaker)}`;
    if (!origins.has(key)) origins.set(key, generic ? outlet : speaker.replace(/^the\s+/i, ''));
  }
  return [...origins.values()].sort(compare);
}

/**
 * One key per speaker however they are named: the last name in the phrase
 * ("Assistant Attorney General … John C. Demers", "Demers" → demer), else its
 * canonical terms ("the Justice Department", "the DOJ" → doj).
 */
const speakerKeys = new Map<string, string>();
function speakerKey(speaker: string): string {
  let key = speakerKeys.get(speaker);
  if (key === undefined) {
    if (speakerKeys.size > 10_000) speakerKeys.clear();
    speakerKeys.set(speaker, (key = readSpeakerKey(speaker)));
  }
  return key;
}

function readSpeakerKey(speaker: string): string {
  // A leading word keeps the speaker's first word from counting as sentence-initial.
  const terms = termsOf(`said ${speaker}`);
  const names = new Set(terms.names);
  const lastName = terms.sequence.filter((term) => names.has(term)).at(-1);
  return lastName ?? (terms.terms.filter((term) => term !== 'said').join(' ') || speaker.toLowerCase());
}

function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clip(text: string, width = 80): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
