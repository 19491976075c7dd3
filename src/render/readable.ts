// Quantities and dates as short readable text for people and spreadsheets:
// a Quantity → "at least 4 meetings", a DateMention → "2020-12-18 (on Friday)".

import pluralize from 'pluralize';
import type { DateMention, Quantity } from '../types.js';

/**
 * A quantity's interval in words: "4 meetings", "about 4,000 users",
 * "at least 4 meetings", "more than 3", "fewer than 10 users", "up to 5 years",
 * "between 3 and 5 people", "12%".
 *
 * @param quantity The quantity.
 */
export function readableQuantity(quantity: Quantity): string {
  const { min, max, minExclusive, maxExclusive, approximate } = quantity;
  const about = approximate ? 'about ' : '';
  if (min !== null && max !== null && min === max) return `${about}${amount(quantity, min)}`;
  const lower = min !== null && !(min === 0 && max !== null && quantity.value !== 0);
  if (lower && max === null) return `${minExclusive ? 'more than' : 'at least'} ${amount(quantity, min!)}`;
  if (!lower && max !== null) return `${maxExclusive ? 'fewer than' : 'up to'} ${amount(quantity, max)}`;
  if (min !== null && max !== null) return `${about}between ${number(min)} and ${amount(quantity, max)}`;
  return `${about}${amount(quantity, quantity.value)}`;
}

/**
 * A date as its resolved value with the words that stated it:
 * "2020-12-18 (on Friday)", or "on Friday (unresolved)".
 *
 * @param date The date mention.
 */
export function readableDate(date: DateMention): string {
  return date.value === null ? `${date.text} (unresolved)` : date.value === date.text ? date.value : `${date.value} (${date.text})`;
}

function amount(quantity: Quantity, value: number): string {
  if (quantity.kind === 'percent') return `${number(value)}%`;
  if (quantity.kind === 'money' && (quantity.unit === null || /^(dollar|usd)$/i.test(quantity.unit))) return `$${number(value)}`;
  if (quantity.kind === 'ordinal' || quantity.kind === 'year' || quantity.unit === null) return number(value);
  return `${number(value)} ${value === 1 ? quantity.unit : pluralize.plural(quantity.unit)}`;
}

function number(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) && Math.abs(value) >= 10000 ? value.toLocaleString('en-US') : String(value);
}
