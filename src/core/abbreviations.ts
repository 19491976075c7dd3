// abbreviations: the one list of words that take a period without ending a sentence
// (src/data/abbreviations.json) → a lookup from a word to its kind, shared by segment and extract.

import abbreviationData from '../data/abbreviations.json' with { type: 'json' };

/**
 * How a word followed by a period behaves: `title` (Mr., Dr.) never ends a sentence, `number`
 * (No., p., Dec.) binds to a following number, `time` is a.m./p.m., `general` is any other abbreviation.
 */
export type AbbreviationKind = 'title' | 'number' | 'time' | 'general';

/** The abbreviation list as lookup tables. */
export interface AbbreviationTable {
  /** Entries written with capitals: match only as written. */
  readonly exact: ReadonlyMap<string, AbbreviationKind>;
  /** Entries written in lower case, keyed in lower case: match in any case. */
  readonly folded: ReadonlyMap<string, AbbreviationKind>;
}

let table: AbbreviationTable | undefined;

/** Load src/data/abbreviations.json once into lookup tables (the same object on every call). */
export function loadAbbreviations(): AbbreviationTable {
  if (table) return table;
  const exact = new Map<string, AbbreviationKind>();
  const folded = new Map<string, AbbreviationKind>();
  const kinds: readonly AbbreviationKind[] = ['title', 'number', 'time', 'general'];
  for (const kind of kinds) {
    for (const word of abbreviationData[kind]) (word === word.toLowerCase() ? folded : exact).set(word, kind);
  }
  table = { exact, folded };
  return table;
}

/**
 * The kind of `word` (without its period) on the abbreviation list, or undefined when it is not listed.
 * Single letters and initialisms are recognised by shape by the callers, not here.
 *
 * @param word A word as written, e.g. `Dr`, `no`, `Calif`, `e.g`.
 */
export function abbreviationKindOf(word: string): AbbreviationKind | undefined {
  const { exact, folded } = loadAbbreviations();
  return exact.get(word) ?? folded.get(word.toLowerCase());
}
