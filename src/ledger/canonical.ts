// The canonical text of a ledger entry, fast: `formatCanonical(entry)` writes
// exactly what the `yaml` document model writes for it (undefined when a value
// needs one of that library's rarer layouts), and `parseCanonical(file, text)`
// reads a file with js-yaml and keeps the result only when formatting it gives
// the file's text back, byte for byte, so every other file (hand edits, review
// blocks, mistakes) goes through the positioned `yaml` parser and its diagnostics.

import { CORE_SCHEMA, load } from 'js-yaml';
import { Document } from 'yaml';
import { isRecord } from '../guards.js';
import type { ConflictKind, Verdict } from '../types.js';
import type { LedgerConflict, LedgerEntry, LedgerMention } from './entry.js';

/** The comment every entry file starts with. */
export const HEADER =
  '# claimcheck ledger entry, written by `claimcheck check --update`.\n' +
  '# Edit only the review: block (confirmed, separate, updates, note); the rest is regenerated.\n';

export const VERDICTS: readonly Verdict[] = ['corroborated', 'disputed', 'unique'];
export const CONFLICT_KINDS: readonly ConflictKind[] = ['quantity', 'date', 'negation', 'denial'];

// The rules of `yaml`'s `stringifyString` for a one-line string that is not a key,
// with `lineWidth: 0` (nothing is folded). Anything they do not cover is left to
// the library itself (`formatCanonical` returns undefined).

/** Characters the rules below do not cover: control and C1 characters, line and paragraph separators, BOM, lone surrogates. */
const UNUSUAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u{D800}-\u{DFFF}]/u;
/** A document marker at the start: the library may write a block scalar. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/;
/** Plain text that YAML would read otherwise (indicators, `: `, ` #`, edges). */
const NEEDS_QUOTES = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Characters that end a plain scalar inside `[a, b]`. */
const FLOW_INDICATOR = /[[\]{},]/;
/** Plain scalars the schema reads as null, a boolean or a number: the library's own tests, as one pattern. */
const OTHER_TYPE: RegExp = (() => {
  const { tags, compat } = new Document().schema;
  const tests = [...tags, ...(compat ?? [])].flatMap((tag) =>
    tag.default && tag.tag !== 'tag:yaml.org,2002:str' && 'test' in tag && tag.test instanceof RegExp ? [tag.test] : [],
  );
  // Tests with flags could not be merged; none has any in yaml 2.
  if (tests.some((test) => test.flags !== '')) throw new Error('claimcheck: unexpected flags in the yaml core schema tests');
  return new RegExp(tests.map((test) => `(?:${test.source})`).join('|'));
})();

/** How a string value is written, in block (`key: value`, `- value`) or flow (`[a, b]`) context. */
function scalar(value: string, inFlow: boolean): string | undefined {
  if (UNUSUAL.test(value) || DOCUMENT_MARKER.test(value)) return undefined;
  if ((inFlow && FLOW_INDICATOR.test(value)) || NEEDS_QUOTES.test(value) || OTHER_TYPE.test(value)) {
    // Single quotes only when they avoid escaping a double quote.
    return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
  }
  return value;
}

/**
 * The canonical text of an entry without its review block: the header comment,
 * then the fields in their fixed order, exactly as `yaml` writes them with the
 * options `formatEntry` uses. Undefined when a value is outside the rules this
 * writer knows (control characters, a leading `---`, an unsafe number): the caller
 * then asks the library.
 *
 * @param entry The entry (its review fields are ignored).
 */
export function formatCanonical(entry: LedgerEntry): string | undefined {
  let ok = true;
  const block = (value: string) => {
    const text = scalar(value, false);
    if (text === undefined) ok = false;
    return text;
  };
  const flowPair = (a: string, b: string) => {
    const first = scalar(a, true);
    const second = scalar(b, true);
    if (first === undefined || second === undefined) ok = false;
    return `[${first}, ${second}]`;
  };

  let text = `${HEADER}id: ${block(entry.id)}\nverdict: ${block(entry.verdict)}\n`;
  if (entry.status) text += `status: ${block(entry.status)}\n`;
  text += `text: ${block(entry.text)}\noutlets:`;
  // A list of exactly two plain values is written as a flow pair, like `between`.
  const outlets = entry.outlets;
  if (outlets.length === 0) text += ' []\n';
  else if (outlets.length === 2) text += ` ${flowPair(outlets[0]!, outlets[1]!)}\n`;
  else {
    text += '\n';
    for (const outlet of outlets) text += `  - ${block(outlet)}\n`;
  }
  if (entry.mentions.length === 0) text += 'mentions: []\n';
  else {
    text += 'mentions:\n';
    for (const mention of entry.mentions) {
      if (!Number.isSafeInteger(mention.line) || Object.is(mention.line, -0)) ok = false;
      text +=
        `  - key: ${block(mention.key)}\n    outlet: ${block(mention.outlet)}\n    path: ${block(mention.path)}\n` +
        `    line: ${mention.line}\n    text: ${block(mention.text)}\n`;
    }
  }
  if (entry.conflicts.length > 0) {
    text += 'conflicts:\n';
    for (const conflict of entry.conflicts) {
      if (conflict.between.length !== 2) ok = false;
      text += `  - between: ${flowPair(conflict.between[0], conflict.between[1])}\n    kind: ${block(conflict.kind)}\n    detail: ${block(conflict.detail)}\n`;
    }
  }
  return ok ? text : undefined;
}

/**
 * Read an entry file that is exactly in canonical form (as `check --update`
 * writes it, without a review block). Undefined for anything else (not valid
 * YAML, another layout, comments, a review block, a value `parseEntry` would
 * report): such files need the positioned parser.
 *
 * @param file Path of the file, whose name gives the expected id (e.g. `claims/abc.yml`).
 * @param text The file's text.
 */
export function parseCanonical(file: string, text: string): LedgerEntry | undefined {
  if (!text.startsWith(HEADER) || text.includes('\nreview:')) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  const entry = entryOf(data, file.slice(file.lastIndexOf('/') + 1).replace(/\.yml$/, ''));
  // Same text back: the file holds these values and nothing else, and `yaml` reads them the same.
  return entry !== undefined && formatCanonical(entry) === text ? entry : undefined;
}

/** The entry js-yaml's data describes, when every field has the type and value `parseEntry` accepts. */
function entryOf(data: unknown, expectedId: string): LedgerEntry | undefined {
  if (!isRecord(data)) return undefined;
  const { id, verdict, status, text, outlets, mentions, conflicts } = data;
  if (typeof id !== 'string' || id !== expectedId || !VERDICTS.includes(verdict as Verdict) || (status !== undefined && status !== 'gone')) return undefined;
  if (typeof text !== 'string' || !Array.isArray(outlets) || !Array.isArray(mentions)) return undefined;
  for (const outlet of outlets) if (typeof outlet !== 'string') return undefined;

  const recorded: LedgerMention[] = [];
  for (const item of mentions) {
    if (!isRecord(item)) return undefined;
    const { key, outlet, path, line, text: sentence } = item;
    if (typeof key !== 'string' || !key.includes('#') || typeof outlet !== 'string' || typeof path !== 'string') return undefined;
    if (!Number.isSafeInteger(line) || typeof sentence !== 'string') return undefined;
    recorded.push({ key, outlet, path, line: line as number, text: sentence });
  }
  const recordedConflicts: LedgerConflict[] = [];
  if (conflicts !== undefined) {
    if (!Array.isArray(conflicts)) return undefined;
    for (const item of conflicts) {
      if (!isRecord(item)) return undefined;
      const { between, kind, detail } = item;
      if (!Array.isArray(between) || between.length !== 2 || typeof between[0] !== 'string' || typeof between[1] !== 'string') return undefined;
      if (!CONFLICT_KINDS.includes(kind as ConflictKind) || typeof detail !== 'string') return undefined;
      recordedConflicts.push({ between: [between[0], between[1]], kind: kind as ConflictKind, detail });
    }
  }
  return {
    id,
    verdict: verdict as Verdict,
    ...(status === 'gone' ? { status: 'gone' as const } : {}),
    text,
    outlets: outlets as string[],
    mentions: recorded,
    conflicts: recordedConflicts,
  };
}
