// Finds quantities in a sentence's plain text and reads each as an interval with
// a unit noun ("at least four video meetings" = [4, ∞) meeting). A regex
// prefilter and a token scan find the spans; compromise (via nlp.ts) only reads
// number words.

import pluralize from 'pluralize';
import { numberValue } from '../nlp.js';
import type { Quantity, QuantityKind } from '../../types.js';
import { quantity as data, type ModifierKind } from './data.js';
import { tokenize, type Token } from './tokens.js';

const digitsPattern = /^(US\$|\$|€|£|¥)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%)?$/;
const decimalCommaPattern = /^(US\$|\$|€|£|¥)?(\d{1,3}),(\d{1,2})$/;
const ordinalDigitsPattern = /^(\d+)(?:st|nd|rd|th)$/i;
const agePattern = /^(\d+|[a-z]+(?:-[a-z]+)?)-(year|month|week|day)s?-old$/i;
const durationAdjectivePattern = /^(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)-(second|minute|hour|day|week|month|year|decade)s?$/i;
const rangePattern = /^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)(%)?$/;
const determiners = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'whose']);

// How a number phrase was written.
interface NumberPhrase {
  first: number;
  last: number;
  value: number;
  ordinal: boolean;
  // Written with digits only (no scale word, no currency, no percent, no comma or decimal).
  plainDigits: boolean;
  currency: string | null;
  percent: boolean;
  kind: QuantityKind | null;
  unit: string | null;
  min: number | null;
  max: number | null;
  approximate: boolean;
}

function toNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}

// The value of a small number word or digit string, or null.
function smallValue(text: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  return numberValue(text)?.value ?? null;
}

function isNumberWord(lower: string): boolean {
  return data.cardinals.has(lower) || data.tens.has(lower) || data.scales.has(lower) || isCompound(lower);
}

function isCompound(lower: string): boolean {
  const dash = lower.indexOf('-');
  if (dash < 0) return false;
  const head = lower.slice(0, dash);
  const tail = lower.slice(dash + 1);
  return data.tens.has(head) && (data.cardinals.has(tail) || data.ordinals.has(tail));
}

function isMonth(token: Token | undefined): boolean {
  if (!token || !token.capital) return false;
  return data.months.has(token.lower);
}

const pluralCache = new Map<string, string | null>();

// The singular of `lower` when it is a plural noun, else null.
function pluralNoun(lower: string): string | null {
  let singular = pluralCache.get(lower);
  if (singular !== undefined) return singular;
  singular = null;
  if (lower.length > 2 && /^[a-z][a-z’'-]*[a-z]$/.test(lower) && !data.stopWords.has(lower) && !lower.endsWith('ly') && pluralize.isPlural(lower)) {
    const candidate = pluralize.singular(lower);
    if (candidate !== lower) singular = candidate;
  }
  if (pluralCache.size > 10_000) pluralCache.clear();
  pluralCache.set(lower, singular);
  return singular;
}

function isContentWord(token: Token): boolean {
  const lower = token.lower;
  if (data.stopWords.has(lower) || data.verbs.has(lower)) return false;
  if (!/^[a-z][a-z’'-]*$/i.test(token.core)) return false;
  if (lower.length > 4 && (lower.endsWith('ed') || lower.endsWith('ing')) && !data.ingNouns.has(lower)) return false;
  return true;
}

// Reads the number phrase starting at token `i`, or null.
function readPhrase(tokens: readonly Token[], i: number): NumberPhrase | null {
  const token = tokens[i]!;
  const core = token.core;
  const base: NumberPhrase = {
    first: i, last: i, value: 0, ordinal: false, plainDigits: false, currency: null, percent: false,
    kind: null, unit: null, min: null, max: null, approximate: false,
  };
  if (/\d/.test(core)) {
    // A decimal comma before a scale word ("1,2 million" is 1.2 million, never 12 million or a list of 1 and 2).
    const decimalComma = decimalCommaPattern.exec(core);
    const nextScale = tokens[i + 1] && !tokens[i + 1]!.breakBefore ? data.scales.get(tokens[i + 1]!.lower) : undefined;
    if (decimalComma && nextScale !== undefined && nextScale >= 1e6) {
      const currency = decimalComma[1] ? (data.currencySymbols.get(decimalComma[1]) ?? null) : null;
      return { ...base, last: i + 1, value: Number(`${decimalComma[2]}.${decimalComma[3]}`) * nextScale, currency };
    }
    let match = digitsPattern.exec(core);
    if (match) {
      let value = toNumber(match[2]! + (match[3] ?? ''));
      let last = i;
      const next = tokens[i + 1];
      const scale = next && !next.breakBefore ? data.scales.get(next.lower) : undefined;
      if (scale !== undefined && !match[4]) {
        value *= scale;
        last = i + 1;
      }
      const currency = match[1] ? (data.currencySymbols.get(match[1]) ?? null) : null;
      return {
        ...base, last, value, currency, percent: Boolean(match[4]),
        plainDigits: !match[1] && !match[3] && !match[4] && !match[2]!.includes(',') && last === i,
      };
    }
    if ((match = ordinalDigitsPattern.exec(core))) return { ...base, value: Number(match[1]), ordinal: true };
    if ((match = agePattern.exec(core))) {
      const value = smallValue(match[1]!.toLowerCase());
      return value === null ? null : { ...base, value, kind: 'age', unit: match[2]!.toLowerCase() };
    }
    if ((match = durationAdjectivePattern.exec(core))) {
      return { ...base, value: Number(match[1]), kind: 'duration', unit: match[2]!.toLowerCase() };
    }
    if ((match = rangePattern.exec(core))) {
      const min = toNumber(match[1]!);
      const max = toNumber(match[2]!);
      if (!(min < max) || /^0\d/.test(match[2]!)) return null;
      return { ...base, value: min, min, max, percent: Boolean(match[3]) };
    }
    return null;
  }
  const lower = token.lower;
  let match = agePattern.exec(core) ?? durationAdjectivePattern.exec(core);
  if (match && isNumberWord(match[1]!.toLowerCase())) {
    const value = smallValue(match[1]!.toLowerCase());
    if (value === null) return null;
    const age = match === agePattern.exec(core);
    return { ...base, value, kind: age ? 'age' : 'duration', unit: match[2]!.toLowerCase() };
  }
  if (data.ordinals.has(lower) || (isCompound(lower) && data.ordinals.has(lower.slice(lower.indexOf('-') + 1)))) {
    const reading = numberValue(lower);
    return reading ? { ...base, value: reading.value, ordinal: true } : null;
  }
  const article = lower === 'a' || lower === 'an';
  if (!article && !isNumberWord(lower) && lower !== 'dozen') return null;
  // Extend over a run of number words: "one hundred and twenty", "a billion", "two dozen".
  const words: string[] = [lower];
  let last = i;
  let previous = lower;
  for (let j = i + 1; j < tokens.length; j++) {
    const next = tokens[j]!;
    if (next.breakBefore) break;
    const word = next.lower;
    const isScale = data.scales.has(word) || word === 'dozen';
    let ok = false;
    if (previous === 'a' || previous === 'an') ok = isScale;
    else if (data.cardinals.has(previous)) ok = isScale;
    else if (data.tens.has(previous)) ok = isScale || (data.cardinals.has(word) && smallValue(word)! < 10 && smallValue(word)! > 0);
    else if (data.scales.has(previous)) ok = isScale || data.cardinals.has(word) || data.tens.has(word) || isCompound(word) || word === 'and';
    else if (previous === 'and') ok = data.cardinals.has(word) || data.tens.has(word) || isCompound(word);
    else if (isCompound(previous)) ok = isScale;
    if (!ok) break;
    words.push(word);
    last = j;
    previous = word;
    if (word === 'dozen') break;
  }
  while (words.length > 0 && (words.at(-1) === 'and')) {
    words.pop();
    last--;
  }
  if (words.length === 0 || ((words[0] === 'a' || words[0] === 'an') && words.length === 1)) return null;
  let value: number | null;
  if (words.at(-1) === 'dozen') {
    const rest = words.slice(0, -1);
    const multiplier = rest.length === 0 || rest[0] === 'a' || rest[0] === 'an' ? 1 : smallValue(rest.join(' '));
    value = multiplier === null ? null : multiplier * data.dozen;
  } else {
    value = smallValue(words.join(' '));
  }
  if (value === null) return null;
  return { ...base, last, value };
}

// A vague amount ("dozens", "tens of thousands") starting at token `i`, or null.
function readVague(tokens: readonly Token[], i: number): NumberPhrase | null {
  for (const vague of data.vague) {
    let ok = true;
    for (let k = 0; k < vague.words.length; k++) {
      const token = tokens[i + k];
      if (!token || token.lower !== vague.words[k] || (k > 0 && token.breakBefore)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const last = i + vague.words.length - 1;
    if (vague.words[0] === 'scores' && tokens[last + 1]?.lower !== 'of') continue;
    return {
      first: i, last, value: vague.min, ordinal: false, plainDigits: false, currency: null, percent: false,
      kind: null, unit: null, min: vague.min, max: vague.max, approximate: true,
    };
  }
  return null;
}

// The modifier ("at least", "some") ending just before token `first`, if any.
function readModifier(tokens: readonly Token[], first: number): { start: number; kind: ModifierKind } | null {
  if (tokens[first]?.breakBefore) return null;
  for (const modifier of data.modifiers) {
    const n = modifier.words.length;
    const start = first - n;
    if (start < 0) continue;
    let ok = true;
    for (let k = 0; k < n; k++) {
      const token = tokens[start + k]!;
      if (token.lower !== modifier.words[k] || (k > 0 && token.breakBefore)) {
        ok = false;
        break;
      }
    }
    if (ok) return { start, kind: modifier.kind };
  }
  return null;
}

// Whether the digits at token `i` belong to a date, a time or an identifier.
function notAQuantity(tokens: readonly Token[], i: number, phrase: NumberPhrase): boolean {
  const previous = tokens[i - 1];
  const next = tokens[phrase.last + 1];
  const digitsLike = phrase.plainDigits || (phrase.ordinal && /\d/.test(tokens[i]!.core));
  if (digitsLike) {
    // "June 4", "Dec. 18", "May 31st", "June 4, 2020", "4 June".
    if (isMonth(previous)) return true;
    if (previous && /^\d{1,2}$/.test(previous.core) && isMonth(tokens[i - 2])) return true;
    if (isMonth(next) && !next!.breakBefore && phrase.value <= 31) return true;
    if (previous && /^(?:on|the)$/.test(previous.lower) && next?.lower === 'of' && isMonth(tokens[phrase.last + 2])) return true;
  }
  if (modelNumber(tokens, i, phrase)) return true;
  if (phrase.plainDigits) {
    // "6 p.m.", "Employee 1", "No. 1", "Room 101".
    if (next && !next.breakBefore && data.timeOfDay.has(next.lower)) return true;
    if (previous && data.identifierWords.has(previous.lower) && (!previous.breakAfter || previous.lower === 'no')) return true;
    if (previous && previous.capital && !previous.breakAfter && !previous.possessive
      && !previous.core.includes('.') && !data.stopWords.has(previous.lower) && !isModifierWord(previous.lower)) return true;
  }
  return false;
}

// Whether token `m` is a written version or model number ("USB 2.0", "Windows 10", "iPhone 6", "Boeing 737").
function isModelNumber(tokens: readonly Token[], m: number): boolean {
  const token = tokens[m];
  const previous = tokens[m - 1];
  if (!token || !previous || token.breakBefore || previous.breakAfter || previous.possessive) return false;
  if (!/^\d+(?:\.\d+)*$/.test(token.core)) return false;
  if (data.modelWords.has(previous.lower)) return true;
  // Camel case ("iPhone", "eBay") or all caps of two letters or more ("USB", "HTML").
  if (/^[a-z]+[A-Z]/.test(previous.core) || (/^[A-Z]{2,}$/.test(previous.core) && !data.stopWords.has(previous.lower))) return true;
  // A capitalised word before a decimal ("Bluetooth 5.0"), unless it opens the sentence ("Magnitude 6.1 …").
  return token.core.includes('.') && previous.capital && m - 1 > 0 && !data.stopWords.has(previous.lower) && !isModifierWord(previous.lower);
}

// Whether the digits of `phrase` at token `i` are a version or model number.
function modelNumber(tokens: readonly Token[], i: number, phrase: NumberPhrase): boolean {
  return phrase.last === i && !phrase.currency && !phrase.percent && !phrase.ordinal && phrase.kind === null && isModelNumber(tokens, i);
}

const modifierWords = new Set(data.modifiers.flatMap((modifier) => modifier.words));
function isModifierWord(lower: string): boolean {
  return modifierWords.has(lower) || lower === 'between' || lower === 'from';
}

// Whether "one" at token `i` is a pronoun ("no one", "this one is"), not a count.
function pronounOne(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.possessive) return true;
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (previous && !token.breakBefore && data.notOne.has(`${previous.lower} one`)) return true;
  if (!next || next.breakBefore) return true;
  if (data.notOne.has(`one ${next.lower}`)) return true;
  if (next.lower === 'of') {
    const after = tokens[i + 2];
    return !after || after.breakBefore || data.pronouns.has(after.lower);
  }
  return !isContentWord(next);
}

// Index after skipping "of" + a determiner or possessive ("of Zoom's", "of the"), or -1.
function skipPartitive(tokens: readonly Token[], k: number, requireDeterminer: boolean): number {
  const of = tokens[k];
  if (!of || of.breakBefore || of.lower !== 'of') return -1;
  let m = k + 1;
  let skipped = 0;
  while (skipped < 2) {
    const token = tokens[m];
    if (!token || token.breakBefore) return -1;
    if (determiners.has(token.lower) || token.possessive) {
      m++;
      skipped++;
      continue;
    }
    // A possessive name: "of Jin Xinjiang's colleagues".
    let n = m;
    while (n < m + 3 && tokens[n]?.capital && !tokens[n]!.possessive && !tokens[n + 1]?.breakBefore) n++;
    if (n > m && tokens[n]?.capital && tokens[n]!.possessive) {
      m = n + 1;
      skipped++;
      continue;
    }
    break;
  }
  if (requireDeterminer && skipped === 0) return -1;
  return m;
}

// The plural head noun within a few words from token `k`: its index and singular.
function pluralUnit(tokens: readonly Token[], k: number): { index: number; unit: string } | null {
  for (let m = k; m < k + 4 && m < tokens.length; m++) {
    const token = tokens[m]!;
    if (token.breakBefore) return null;
    const lower = token.lower;
    if (m > k && isModelNumber(tokens, m)) continue;
    // "two 7.1 magnitude quakes": the measure describes the noun counted.
    if (/^\d+(?:\.\d+)?$/.test(token.core) && data.measureWords.has(tokens[m + 1]?.lower ?? '') && !tokens[m + 1]!.breakBefore) {
      m++;
      continue;
    }
    if (data.stopWords.has(lower) || data.verbs.has(lower) || /\d/.test(lower) || isMonth(token)) return null;
    const singular = pluralNoun(lower);
    if (singular) return { index: m, unit: singular };
    if (token.possessive || token.breakAfter) return null;
    if (lower.length > 4 && (lower.endsWith('ed') || lower.endsWith('ing'))) return null;
  }
  return null;
}

// The singular head noun (last word of a short noun run) from token `k`.
function singularUnit(tokens: readonly Token[], k: number): { index: number; unit: string } | null {
  let m = k;
  // "the second June 4 meeting": skip the date.
  if (isMonth(tokens[m]) && !tokens[m]!.breakBefore) {
    m++;
    if (tokens[m] && /^\d{1,2}$/.test(tokens[m]!.core)) m++;
  }
  let found: { index: number; unit: string } | null = null;
  for (let n = 0; n < 3 && m < tokens.length; n++, m++) {
    const token = tokens[m]!;
    if (token.breakBefore && !(m === k + 2 && isMonth(tokens[k]))) break;
    if (!isContentWord(token)) break;
    found = { index: m, unit: pluralNoun(token.lower) ?? token.lower };
    if (token.possessive || token.breakAfter) break;
  }
  return found;
}

function intervalFor(modifier: ModifierKind | null, value: number) {
  switch (modifier) {
    case 'atLeast': return { min: value, max: null, minExclusive: false, maxExclusive: false, approximate: false };
    case 'moreThan': return { min: value, max: null, minExclusive: true, maxExclusive: false, approximate: false };
    case 'lessThan': return { min: 0, max: value, minExclusive: false, maxExclusive: true, approximate: false };
    case 'atMost': return { min: 0, max: value, minExclusive: false, maxExclusive: false, approximate: false };
    case 'about': return { min: value, max: value, minExclusive: false, maxExclusive: false, approximate: true };
    default: return { min: value, max: value, minExclusive: false, maxExclusive: false, approximate: false };
  }
}

/**
 * Quantities stated in a sentence, each as an interval with a unit noun.
 *
 * @param text A sentence's plain text.
 * @returns Quantities in text order; spans are offsets into `text`.
 */
export function findQuantities(text: string): Quantity[] {
  if (!data.prefilter.test(text)) return [];
  const tokens = tokenize(text);
  const found: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = readVague(tokens, i) ?? readPhrase(tokens, i);
    if (!phrase) continue;
    const whole = partOfWhole(text, tokens, i, phrase);
    if (whole) {
      found.push(...whole.quantities);
      i = whole.last;
      continue;
    }
    const quantity = complete(text, tokens, i, phrase);
    if (!quantity) continue;
    found.push(quantity.quantity);
    i = quantity.last;
  }
  return found;
}

function complete(text: string, tokens: readonly Token[], i: number, phrase: NumberPhrase): { quantity: Quantity; last: number } | null {
  if (notAQuantity(tokens, i, phrase)) return null;
  const token = tokens[i]!;
  const vague = phrase.min !== null && phrase.approximate;
  if (token.lower === 'one' && phrase.last === i && pronounOne(tokens, i)) return null;
  if (phrase.ordinal && !/\d/.test(token.core) && !token.lower.includes('-')) {
    // Word ordinals count only after a determiner: "the second meeting", not "First, …".
    const previous = tokens[i - 1];
    if (!previous || token.breakBefore || !(determiners.has(previous.lower) || previous.possessive)) return null;
  }
  let start = token.start;
  let last = phrase.last;
  let modifier: ModifierKind | null = null;
  let min = phrase.min;
  let max = phrase.max;
  let approximate = phrase.approximate;
  let kind: QuantityKind | null = phrase.kind;
  let unit: string | null = phrase.unit;
  let value = phrase.value;
  let percent = phrase.percent;
  let currency = phrase.currency;

  const previous = tokens[i - 1];
  const connector = tokens[last + 1];
  // Ranges: "between 5 and 7", "five to ten years".
  if (!vague && min === null && connector && !connector.breakBefore && !phrase.ordinal
    && ((connector.lower === 'and' && previous?.lower === 'between' && !token.breakBefore) || (connector.lower === 'to' && previous?.lower !== 'from' && previous?.lower !== 'up'))) {
    const second = tokens[last + 2] && !tokens[last + 2]!.breakBefore ? readPhrase(tokens, last + 2) : null;
    const digits = (k: number) => /\d/.test(tokens[k]!.core);
    const scale = second && second.last > second.first ? data.scales.get(tokens[second.last]!.lower) : undefined;
    // "1.5 to 2 million": the scale of the second figure is the first's too.
    if (second && scale !== undefined && phrase.last === phrase.first && value < scale && value * scale < second.value) value *= scale;
    if (second && !second.ordinal && second.min === null && second.value > value && (digits(i) === digits(last + 2) || phrase.currency || second.currency)) {
      min = value;
      max = second.value;
      if (connector.lower === 'and') start = previous!.start;
      last = second.last;
      percent ||= second.percent;
      currency ??= second.currency;
    }
  }
  if (min === null && !phrase.ordinal && kind !== 'age') {
    const found = readModifier(tokens, i);
    if (found) {
      modifier = found.kind;
      start = tokens[found.start]!.start;
    }
  }
  const year = phrase.plainDigits && modifier === null && min === null && token.core.length === 4 && value >= 1500 && value <= 2099;

  let next = tokens[last + 1];
  const attached = (k: number) => tokens[k] !== undefined && !tokens[k]!.breakBefore;
  if (!kind && !year) {
    if (!percent && next && attached(last + 1)) {
      for (const words of data.percentWords) {
        if (words.every((word, k) => tokens[last + 1 + k]?.lower === word && attached(last + 1 + k))) {
          percent = true;
          last += words.length;
          break;
        }
      }
    }
    next = tokens[last + 1];
    if (percent) {
      kind = 'percent';
      unit = 'percent';
    } else if (currency) {
      kind = 'money';
      unit = currency;
    } else if (next && attached(last + 1) && data.currencyWords.has(pluralize.singular(next.lower))) {
      kind = 'money';
      unit = pluralize.singular(next.lower);
      last += 1;
    } else if (next && attached(last + 1) && data.measureWords.has(next.lower)) {
      // "7.5 magnitude quakes": the magnitude is measured, no quakes are counted.
      unit = pluralize.singular(next.lower);
      last += 1;
    } else {
      const partitive = skipPartitive(tokens, last + 1, !vague);
      const from = partitive >= 0 ? partitive : last + 1;
      const plural = value !== 1 || vague || partitive >= 0;
      const head = attached(from) || partitive >= 0
        ? (plural && !phrase.ordinal ? pluralUnit(tokens, from) : singularUnit(tokens, from))
        : null;
      if (head) {
        unit = head.unit;
        last = head.index;
        // "39 years old" is an age.
        const after = tokens[last + 1];
        if (data.timeUnits.has(unit) && after?.lower === 'old' && attached(last + 1)) {
          kind = 'age';
          last += 1;
        }
      }
    }
  }
  if (!kind && unit === null && !year && previous && !previous.breakAfter && data.measurePrefixes.has(previous.lower)) unit = previous.lower;
  if (!kind) {
    if (year) kind = 'year';
    else if (phrase.ordinal) kind = 'ordinal';
    else if (unit && data.timeUnits.has(unit)) kind = 'duration';
    else if (unit) kind = 'count';
    else kind = 'number';
  }
  const end = tokens[last]!.end;
  const interval = min !== null
    ? { min, max, minExclusive: false, maxExclusive: false, approximate }
    : intervalFor(modifier, value);
  if (modifier === 'about') approximate = true;
  return {
    last,
    quantity: {
      text: text.slice(start, end),
      span: { start, end },
      value,
      min: interval.min,
      max: interval.max,
      minExclusive: interval.minExclusive,
      maxExclusive: interval.maxExclusive,
      approximate: interval.approximate || approximate,
      unit,
      kind,
    },
  };
}

/** Words between "of" and the whole of "N of the / its M …". */
const WHOLE_DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'your', 'my']);

/**
 * "28 of 41 passes", "three out of the four soldiers": two figures, the part (28
 * passes) and the whole (41, its unit marked with `wholeUnitSuffix`), so "28
 * passes" elsewhere meets the part and never conflicts with the whole. Null when
 * the phrase at `i` is not followed by "(out) of (the) N".
 */
function partOfWhole(text: string, tokens: readonly Token[], i: number, phrase: NumberPhrase): { quantities: Quantity[]; last: number } | null {
  if (phrase.ordinal || phrase.kind !== null || phrase.currency || phrase.percent || phrase.min !== null) return null;
  if (notAQuantity(tokens, i, phrase)) return null;
  const attachedWord = (k: number, word: string) => tokens[k] !== undefined && !tokens[k]!.breakBefore && tokens[k]!.lower === word;
  if (tokens[phrase.last]!.breakAfter) return null;
  let k = phrase.last + 1;
  if (attachedWord(k, 'out')) k++;
  if (!attachedWord(k, 'of')) return null;
  k++;
  // "of the 150 members", "of its 150 members".
  if (WHOLE_DETERMINERS.has(tokens[k]?.lower ?? '') && attachedWord(k, tokens[k]!.lower)) k++;
  if (!tokens[k] || tokens[k]!.breakBefore) return null;
  const second = readPhrase(tokens, k);
  if (!second || second.ordinal || second.kind !== null || second.min !== null || second.value < phrase.value) return null;
  const total = complete(text, tokens, k, second);
  if (!total || total.quantity.kind === 'year' || total.quantity.kind === 'money' || total.quantity.kind === 'percent') return null;
  const q = total.quantity;
  const modifier = readModifier(tokens, i);
  const start = modifier ? tokens[modifier.start]!.start : tokens[i]!.start;
  const interval = intervalFor(modifier?.kind ?? null, phrase.value);
  const part: Quantity = {
    text: text.slice(start, q.span.end),
    span: { start, end: q.span.end },
    value: phrase.value,
    ...interval,
    unit: q.unit,
    kind: q.kind,
  };
  const whole: Quantity = { ...q, unit: q.unit === null ? null : `${q.unit} ${data.wholeUnitSuffix}` };
  return { quantities: [part, whole], last: total.last };
}
