// Rates how worth checking a sentence is (0..1 with a readable reason): factual
// assertions stay, questions, opinion, calls to action, boilerplate and section
// labels go. Conservative: a factual sentence dropped here can never be corroborated.
// A yes/no question posted alone as a headline is kept as a claim that asks (`isAsked`).

import { isTimestamp } from '../boilerplate.js';
import type { BlockKind, CheckWorthiness, DateMention, Quantity } from '../../types.js';
import { findAttribution } from './attribution.js';
import { check as data } from './data.js';
import { findDates } from './date.js';
import { findDenial } from './denial.js';
import { headlinePredicate, headlineTunables } from './headline.js';
import { findQuantities } from './quantity.js';
import { tokenize, type Token } from './tokens.js';

/** What the other extractors already found in the sentence (computed when absent). */
export interface WorthinessFeatures {
  /** Kind of block the sentence comes from (optional). */
  readonly kind?: BlockKind;
  readonly quantities?: readonly Quantity[];
  readonly dates?: readonly DateMention[];
  readonly attribution?: string | null;
  /** Whether the sentence is part of a source that is one short line (a headline posted alone): a yes/no question there is kept as asked. */
  readonly lone?: boolean;
}

const terminal = /[.!?…]["”’'»)\]]*$/;
const questionEnd = /\?["”’'»)\]]*$/;
const questionMarks = /[?\s]*["”’'»)\]]*[?\s]*$/u;

/**
 * Whether a sentence asks rather than states: it ends with a question mark. Only a
 * yes/no question posted alone as a headline is ever kept as a claim ("Did X adopt a
 * boy?", "X dead?"); it is matched with the claim it asks about but conflicts with
 * nothing unless it carries a denial cue.
 *
 * @param text A sentence's plain text.
 */
export function isAsked(text: string): boolean {
  return questionEnd.test(text.trim());
}

/** The statement a lone yes/no question headline asks about (its question marks dropped), or undefined for a wh-question ("How did X …?") or a question to the reader ("Would you pay …?"). */
function askedStatement(text: string): string | undefined {
  const statement = text.replace(questionMarks, '').trim();
  const asked = data.askedHeadline;
  const first = /^[\p{L}’']+/u.exec(statement.replace(asked.labelPrefix, ''))?.[0]?.toLowerCase();
  if (statement.length === 0 || first === undefined || asked.whWords.has(first)) return undefined;
  if (tokenize(statement).some((token) => asked.readerWords.has(token.lower))) return undefined;
  return statement;
}
const quoted = /[“”"]/;

function result(checkworthy: boolean, score: number, reason: string): CheckWorthiness {
  return { checkworthy, score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, reason };
}

function reject(score: number, reason: string): CheckWorthiness {
  return result(false, score, reason);
}

// Whether any token looks like a verb (an auxiliary, a common verb, a past tense in -ed).
function hasVerb(tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => {
    const lower = token.lower;
    if (data.verbLike.has(lower)) return true;
    // "They firmly believe …": a subject pronoun followed by a lowercase word.
    const next = tokens[index + 1];
    if (data.subjectPronouns.has(lower) && next && !next.capital && !next.breakBefore) return true;
    return lower.length > 3 && token.core !== token.core.toUpperCase() && /^[a-z]+ed$/.test(lower) && !data.notVerbsEd.has(lower);
  });
}

function quoteList(items: readonly string[]): string {
  return [...new Set(items)].map((item) => `'${item}'`).join(', ');
}

/**
 * How worth checking a sentence is: a score from 0 to 1, whether it reaches
 * the threshold, and the reason in words.
 *
 * @param text A sentence's plain text.
 * @param features What other extractors found (optional; computed when absent).
 */
export function rateCheckWorthiness(text: string, features: WorthinessFeatures = {}): CheckWorthiness {
  const trimmed = text.trim();
  if (trimmed.length === 0) return reject(0, 'empty');
  for (const pattern of data.boilerplate) {
    const match = pattern.exec(trimmed);
    if (match) return reject(data.scores.boilerplate, `boilerplate '${match[0].trim() || trimmed}'`);
  }
  if (isTimestamp(trimmed)) return reject(data.scores.boilerplate, `boilerplate timestamp '${trimmed}'`);
  if (questionEnd.test(trimmed)) {
    // A yes/no question headline posted alone asks about a claim: rated as that statement, kept as asked.
    const statement = features.lone ? askedStatement(trimmed) : undefined;
    const rated = statement === undefined ? undefined : rateCheckWorthiness(statement, { ...features, lone: false });
    if (rated?.checkworthy) return result(true, rated.score, `asked: ${rated.reason}`);
    return reject(data.scores.question, 'question');
  }
  let body = trimmed;
  const label = data.dialogueLabel.exec(trimmed);
  if (label) {
    body = trimmed.slice(label[0].length);
    if (body.split(/\s+/).filter(Boolean).length <= data.dialogueFillerMaxWords) {
      return reject(data.scores.dialogueFiller, `dialogue line '${trimmed}'`);
    }
  }
  const action = data.callToAction.exec(body);
  if (action) return reject(data.scores.callToAction, `call to action '${action[0]}'`);

  const tokens = tokenize(body);
  const words = tokens.length;
  // A short line without a listed verb may still assert, headline style ("Tesla plans …", "… a hoax").
  const verb = hasVerb(tokens) || (words >= headlineTunables.minWords && words <= data.fragmentMaxWords && headlinePredicate(body) !== undefined);
  if (!verb && (!terminal.test(trimmed) || features.kind === 'heading') && words <= data.labelMaxWords) {
    return reject(data.scores.label, 'section label');
  }
  if (!verb && words <= data.fragmentMaxWords) return reject(data.scores.fragment, 'fragment without a verb');

  const quantities = features.quantities ?? findQuantities(text);
  const dates = features.dates ?? findDates(text);
  const attribution = features.attribution !== undefined ? features.attribution : findAttribution(text);
  const weights = data.weights;
  let score = data.base;
  const plus: string[] = [];
  const minus: string[] = [];

  if (quantities.length > 0) {
    score += weights.quantity;
    plus.push(`figure '${quantities[0]!.text}'`);
  }
  if (dates.length > 0) {
    score += weights.date;
    plus.push(`date '${dates[0]!.text}'`);
  }
  if (attribution) {
    score += weights.attribution;
    plus.push(`attributed to '${attribution}'`);
  }
  const events = data.eventVerbs(tokens);
  if (events.length > 0) {
    score += Math.min(weights.eventVerbMax, weights.eventVerb * events.length);
    plus.push(`event verb ${quoteList(events.slice(0, 2))}`);
  }
  // A denial ("USDA debunks the hoax", "… is a fake") states something checkable of the claim it denies.
  const denial = findDenial(body);
  if (denial) {
    score += weights.denial;
    plus.push(`denial '${denial.cue}'`);
  }
  const named = tokens.find((token, index) => index > 0 && token.capital && !tokens[index - 1]!.breakAfter && token.core.length > 1);
  if (named) score += weights.properNoun;

  const opinions = data.opinion(tokens);
  if (opinions.length > 0) {
    score += attribution
      ? weights.opinionAttributed * opinions.length
      : Math.max(weights.opinionMax, weights.opinion * opinions.length);
    minus.push(`opinion cue ${quoteList(opinions)}`);
  }
  if (!attribution && !quoted.test(body)) {
    // First person inside quotation marks is a quoted speaker's, not the outlet's.
    const personal = tokens.find((token) => data.personal.has(token.lower) && (token.core !== 'US'));
    if (personal) {
      score += weights.personal;
      minus.push(`personal voice '${personal.core}'`);
    }
  }
  const hedges = data.hedges(tokens);
  if (hedges.length > 0) {
    score += weights.hedge;
    minus.push(`hedge ${quoteList(hedges.slice(0, 2))}`);
  }
  if (words < data.shortWords) {
    score += weights.short;
    minus.push('very short');
  }
  const checkworthy = Math.round(score * 100) / 100 >= data.threshold;
  const reasons = checkworthy ? [...plus, ...minus] : [...minus, ...plus];
  const reason = reasons.length > 0 ? reasons.join('; ') : 'plain assertion';
  return result(checkworthy, score, checkworthy && plus.length === 0 && minus.length === 0 ? 'plain assertion' : reason);
}
