// Hand-made claims for table tests of the matcher and the judge: a sentence and
// the facts a test states about it (figures, dates, negation, attribution), with
// spans found in the sentence, so no test depends on the extractors.
import type { Claim, DateMention, Quantity, QuantityKind, Sentence } from '../../src/types.js';

/** A figure of a hand-made claim: its phrase (found in the sentence) and what it states. */
export interface QuantitySpec {
  readonly text: string;
  readonly min: number | null;
  readonly max: number | null;
  readonly unit?: string | null;
  readonly kind?: QuantityKind;
  readonly value?: number;
  readonly approximate?: boolean;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
}

/** A date of a hand-made claim: its phrase (found in the sentence) and its value. */
export interface DateSpec {
  readonly text: string;
  readonly value: string | null;
  readonly grain?: DateMention['grain'];
  readonly relative?: boolean;
}

/** What a test says about a claim; every field has a plain default. */
export interface ClaimSpec {
  /** Publication date of its article (default: unknown). */
  readonly published?: string;
  readonly outlet?: string;
  /** Source id (default: the outlet, lower-cased and hyphenated). */
  readonly source?: string;
  /** Sentence index in its source (default: 0). */
  readonly index?: number;
  readonly quantities?: readonly QuantitySpec[];
  readonly dates?: readonly DateSpec[];
  /** The negation cue, when the sentence is negated ("never", "did not"). */
  readonly negation?: string;
  readonly attribution?: string | null;
  /** Check-worthiness score (default: 0.8). */
  readonly score?: number;
}

/** Source id for an outlet name: "The Daily Planet" → "the-daily-planet". */
export function sourceIdOf(outlet: string): string {
  return outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function spanOf(sentence: string, phrase: string): { start: number; end: number } {
  const start = sentence.indexOf(phrase);
  if (start === -1) throw new Error(`"${phrase}" is not in "${sentence}"`);
  return { start, end: start + phrase.length };
}

/**
 * A figure as the extractor states it: an interval with a unit.
 *
 * @param sentence The sentence the figure is in.
 * @param spec Its phrase and bounds.
 */
export function quantityIn(sentence: string, spec: QuantitySpec): Quantity {
  const value = spec.value ?? spec.min ?? spec.max ?? 0;
  return {
    text: spec.text,
    span: spanOf(sentence, spec.text),
    value,
    min: spec.min,
    max: spec.max,
    minExclusive: spec.minExclusive ?? false,
    maxExclusive: spec.maxExclusive ?? false,
    approximate: spec.approximate ?? false,
    unit: spec.unit === undefined ? null : spec.unit,
    kind: spec.kind ?? 'count',
  };
}

/**
 * A claim made by hand: the sentence at the start of line `index + 1` of its
 * source, at offset `index * 1000` (any offsets do; these never overlap).
 *
 * @param text The sentence.
 * @param spec Outlet, figures, dates, negation and attribution (optional).
 */
export function claim(text: string, spec: ClaimSpec = {}): Claim {
  const outlet = spec.outlet ?? 'Test Outlet';
  const index = spec.index ?? 0;
  const line = index + 1;
  return {
    sentence: {
      source: spec.source ?? sourceIdOf(outlet),
      index,
      text,
      plain: text,
      block: index,
      kind: 'paragraph',
      position: { start: { line, column: 1, offset: index * 1000 }, end: { line, column: text.length + 1, offset: index * 1000 + text.length } },
    },
    outlet,
    published: spec.published ?? null,
    checkworthiness: { checkworthy: true, score: spec.score ?? 0.8, reason: 'hand-made' },
    quantities: (spec.quantities ?? []).map((quantity) => quantityIn(text, quantity)),
    dates: (spec.dates ?? []).map((date) => ({
      text: date.text,
      span: spanOf(text, date.text),
      value: date.value,
      grain: date.grain ?? 'day',
      relative: date.relative ?? false,
    })),
    negation: spec.negation ? { negated: true, cue: spec.negation } : { negated: false, cue: null },
    attribution: spec.attribution ?? null,
  };
}

/**
 * A one-line sentence at the start of its source, for analysing raw text.
 *
 * @param text The sentence.
 * @param source Source id (default: `x`).
 */
export function testSentence(text: string, source = 'x'): Sentence {
  return {
    source,
    index: 0,
    text,
    plain: text,
    block: 0,
    kind: 'paragraph',
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: text.length + 1, offset: text.length } },
  };
}
