// One ledger entry ⇄ one YAML file `claims/<id>.yml`: `formatEntry(entry)` writes
// the canonical text (fixed key order, no timestamps, the reviewer's `review:`
// block appended verbatim so comments and layout survive), `parseEntry(file, text)`
// reads it back with `file:line:column` diagnostics instead of exceptions. Both
// take the fast canonical path (canonical.ts) when it applies and the `yaml`
// document model otherwise, with the same result.

import { duplicateKey } from '../core/limits.js';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ConflictKind, Diagnostic, Finding, Verdict } from '../types.js';
import { CONFLICT_KINDS, formatCanonical, HEADER, parseCanonical, VERDICTS } from './canonical.js';

/** A mention as the ledger records it. */
export interface LedgerMention {
  /** Stable claim key: `sourceId#hash-of-normalised-sentence` (see `claimKey`). */
  readonly key: string;
  readonly outlet: string;
  /** Source path, `/`-separated, relative to the working folder. */
  readonly path: string;
  /** 1-based line of the sentence when it was recorded. */
  readonly line: number;
  /** The sentence, whitespace collapsed. */
  readonly text: string;
}

/** A conflict as the ledger records it: between two mentions, by key. */
export interface LedgerConflict {
  readonly between: readonly [string, string];
  readonly kind: ConflictKind;
  readonly detail: string;
}

/** The reviewer-owned block: `--update` never drops or rewrites it. */
export interface LedgerReview {
  /** The verdict a reviewer confirmed. */
  readonly confirmed?: Verdict;
  /** Pairs of mention keys that are not the same claim. */
  readonly separate?: readonly (readonly [string, string])[];
  /** Pairs of mention keys whose conflict is an update, not a dispute. */
  readonly updates?: readonly (readonly [string, string])[];
  readonly note?: string;
}

/** One recorded claim. */
export interface LedgerEntry {
  /** The finding id; also the file name (`<id>.yml`). */
  readonly id: string;
  readonly verdict: Verdict;
  /** `gone`: no current finding corresponds; kept only because it carries a review block. */
  readonly status?: 'gone';
  /** Representative sentence. */
  readonly text: string;
  /** Distinct outlets, sorted. */
  readonly outlets: readonly string[];
  readonly mentions: readonly LedgerMention[];
  readonly conflicts: readonly LedgerConflict[];
  /** The reviewer's decisions, when there are any. */
  readonly review?: LedgerReview;
  /** The review block exactly as written in the file (kept verbatim on rewrite). */
  readonly reviewSource?: string;
}

/** Result of parsing one ledger file. */
export interface ParsedEntry {
  /** The entry, or undefined when an error makes the file unusable. */
  readonly entry?: LedgerEntry;
  readonly diagnostics: readonly Diagnostic[];
}

const TOP_KEYS = ['id', 'verdict', 'status', 'text', 'outlets', 'mentions', 'conflicts', 'review'];
const MENTION_KEYS = ['key', 'outlet', 'path', 'line', 'text'];
const CONFLICT_KEYS = ['between', 'kind', 'detail'];
const REVIEW_KEYS = ['confirmed', 'separate', 'updates', 'note'];

/**
 * The ledger entry a finding is recorded as (no review block).
 *
 * @param finding A current finding.
 * @param id File id to use (default: the finding's id).
 */
export function entryFromFinding(finding: Finding, id: string = finding.id): LedgerEntry {
  const keys = finding.mentions.map((mention) => mention.key);
  return {
    id,
    verdict: finding.verdict,
    text: collapse(finding.text),
    outlets: [...finding.outlets],
    mentions: finding.mentions.map((mention, index) => ({
      key: keys[index]!,
      outlet: mention.outlet,
      path: mention.path,
      line: mention.place.start.line,
      text: collapse(mention.text),
    })),
    conflicts: finding.conflicts.map((conflict) => ({
      between: [keys[conflict.between[0]]!, keys[conflict.between[1]]!] as const,
      kind: conflict.kind,
      detail: conflict.detail,
    })),
  };
}

/**
 * The canonical text of an entry: header comment, fixed key order, no
 * timestamps, flow-style key pairs, then the review block verbatim.
 *
 * @param entry The entry.
 */
export function formatEntry(entry: LedgerEntry): string {
  const text = formatCanonical(entry) ?? formatEntryDocument(entry);
  if (entry.reviewSource !== undefined) {
    const withSource = text + ensureNewline(entry.reviewSource);
    // Keep the reviewer's text only if it still parses to the same decisions.
    const reparsed = parseEntry(`${entry.id}.yml`, withSource);
    if (reparsed.entry && sameReview(reparsed.entry.review, entry.review)) return withSource;
  }
  if (entry.review && !isEmptyReview(entry.review)) return text + stringify({ review: plainReview(entry.review) });
  return text;
}

/**
 * The canonical text of an entry without its review block, by the `yaml`
 * document model: the reference writer, for any value (`formatCanonical` gives
 * the same text, faster, for the values it knows).
 *
 * @param entry The entry (its review fields are ignored).
 */
export function formatEntryDocument(entry: LedgerEntry): string {
  const body: Record<string, unknown> = { id: entry.id, verdict: entry.verdict };
  if (entry.status) body.status = entry.status;
  body.text = entry.text;
  body.outlets = entry.outlets;
  body.mentions = entry.mentions.map((mention) => ({
    key: mention.key,
    outlet: mention.outlet,
    path: mention.path,
    line: mention.line,
    text: mention.text,
  }));
  if (entry.conflicts.length > 0) {
    body.conflicts = entry.conflicts.map((conflict) => ({ between: [...conflict.between], kind: conflict.kind, detail: conflict.detail }));
  }
  return HEADER + stringify(body);
}

function stringify(value: Record<string, unknown>): string {
  const document = new Document(value);
  // Pairs of keys read best on one line: `between: [a, b]`, `- [a, b]`.
  const flowPairs = (node: unknown) => {
    if (isSeq(node) && node.items.length === 2 && node.items.every((item) => isScalar(item) && !String(item.value).includes('\n'))) node.flow = true;
    // A multi-line value is double-quoted: block scalars lose a blank first line's spaces.
    if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n')) node.type = 'QUOTE_DOUBLE';
    if (isSeq(node) || isMap(node)) for (const item of node.items) flowPairs(isPair(item) ? item.value : item);
  };
  flowPairs(document.contents);
  return document.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

function plainReview(review: LedgerReview): Record<string, unknown> {
  return {
    ...(review.confirmed ? { confirmed: review.confirmed } : {}),
    ...(review.separate?.length ? { separate: review.separate.map((pair) => [...pair]) } : {}),
    ...(review.updates?.length ? { updates: review.updates.map((pair) => [...pair]) } : {}),
    ...(review.note !== undefined ? { note: review.note } : {}),
  };
}

/**
 * Whether a review block records any decision.
 *
 * @param review The review block (optional).
 */
export function isEmptyReview(review: LedgerReview | undefined): boolean {
  return (
    !review || (!review.confirmed && !review.separate?.length && !review.updates?.length && (review.note === undefined || review.note === ''))
  );
}

function sameReview(a: LedgerReview | undefined, b: LedgerReview | undefined): boolean {
  return JSON.stringify(plainReview(a ?? {})) === JSON.stringify(plainReview(b ?? {}));
}

// ---------------------------------------------------------------------------
// Parsing

/**
 * Parse a ledger file. Never throws: problems come back as diagnostics at
 * their `line:column`, and `entry` is set only when the file is usable. A file
 * in canonical form is read fast (`parseCanonical`); any other goes through
 * `parseEntryDocument`, with the same result.
 *
 * @param file Path to report in diagnostics (e.g. `claims/abc.yml`).
 * @param text The file's text.
 */
export function parseEntry(file: string, text: string): ParsedEntry {
  const entry = parseCanonical(file, text);
  return entry ? { entry, diagnostics: [] } : parseEntryDocument(file, text);
}

/**
 * Parse a ledger file with the `yaml` document model: the reference reader, for
 * any layout, with every diagnostic at its `line:column`. Never throws.
 *
 * @param file Path to report in diagnostics (e.g. `claims/abc.yml`).
 * @param text The file's text.
 */
export function parseEntryDocument(file: string, text: string): ParsedEntry {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number | undefined) => {
    const point = lineCounter.linePos(offset ?? 0);
    return { line: point.line, column: point.col };
  };
  const report: Report = (message, node, ruleId = 'ledger') => {
    diagnostics.push({ file, place: at(node?.range?.[0]), message, ruleId, severity: 'error' });
  };

  // Duplicate keys are found by `duplicateKey` below: the parser's own check is quadratic.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push({ file, place: at(error.pos[0]), message: `not valid YAML: ${message}`, ruleId: 'ledger-yaml', severity: 'error' });
    return { diagnostics };
  }
  const duplicate = duplicateKey(document);
  if (duplicate) {
    diagnostics.push({ file, place: at(duplicate.offset), message: 'not valid YAML: Map keys must be unique', ruleId: 'ledger-yaml', severity: 'error' });
    return { diagnostics };
  }
  const contents = document.contents;
  if (!isMap(contents)) {
    report('expected a mapping with id, verdict, text, outlets, mentions', contents);
    return { diagnostics };
  }

  const fields = new Map<string, Pair>();
  for (const pair of contents.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!TOP_KEYS.includes(name)) report(`unknown field \`${name}\` (known: ${TOP_KEYS.join(', ')})`, pair.key as Node);
    else fields.set(name, pair);
  }
  const value = (name: string) => fields.get(name)?.value as Node | null | undefined;
  const read = fieldReader(contents, report);
  const { string, verdictOf } = read;

  const id = string(value('id'), 'id');
  const expected = file.split('/').at(-1)!.replace(/\.yml$/, '');
  if (id !== undefined && id !== expected) report(`\`id\` is ${id} but the file is named ${expected}.yml`, value('id'));
  const verdict = verdictOf(value('verdict'), 'verdict');
  const statusNode = value('status');
  const status = string(statusNode, 'status', false);
  if (status !== undefined && status !== 'gone') report('`status` can only be `gone`', statusNode);
  const entryText = string(value('text'), 'text', false) ?? '';

  const outletsNode = value('outlets');
  const outlets: string[] = [];
  if (isSeq(outletsNode)) for (const item of outletsNode.items as Node[]) outlets.push(string(item, 'outlets item') ?? '');
  else if (outletsNode !== undefined && outletsNode !== null) report('`outlets` must be a list of names', outletsNode);

  const mentions = mentionsOf(value('mentions'), contents, read);

  const conflicts = conflictsOf(value('conflicts'), read);

  const reviewPair = fields.get('review');
  const review = reviewPair ? reviewOf(reviewPair.value as Node | null, read) : undefined;
  const reviewSource = reviewPair && !contents.flow ? sliceTopLevel(text, contents.items, reviewPair, lineCounter) : undefined;

  if (diagnostics.length > 0 || id === undefined || verdict === undefined) return { diagnostics };
  return {
    entry: {
      id,
      verdict,
      ...(status === 'gone' ? { status: 'gone' as const } : {}),
      text: entryText,
      outlets,
      mentions,
      conflicts,
      ...(review ? { review } : {}),
      ...(reviewSource !== undefined ? { reviewSource } : {}),
    },
    diagnostics,
  };
}

/** Reports a problem at a node of the document. */
type Report = (message: string, node: Node | null | undefined, ruleId?: string) => void;

/** Readers of typed values from the nodes of one ledger file, each reporting what does not fit. */
function fieldReader(contents: Node, report: Report) {
  const string = (node: Node | null | undefined, what: string, required = true, parent: Node = contents): string | undefined => {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    if (required || (node !== undefined && node !== null && !(isScalar(node) && node.value === null))) {
      report(node ? `\`${what}\` must be text` : `missing \`${what}\``, node ?? parent);
    }
    return undefined;
  };
  const verdictOf = (node: Node | null | undefined, what: string): Verdict | undefined => {
    const verdict = string(node, what);
    if (verdict !== undefined && !VERDICTS.includes(verdict as Verdict)) {
      report(`\`${what}\` must be one of ${VERDICTS.join(', ')}, not \`${verdict}\``, node);
      return undefined;
    }
    return verdict as Verdict | undefined;
  };
  // A nested mapping's fields by name (a mention, a conflict, the review), each unknown one reported.
  const fieldsOf = (map: YAMLMap, known: readonly string[], what: string) => {
    for (const pair of map.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!known.includes(name)) report(`unknown ${what} field \`${name}\` (known: ${known.join(', ')})`, pair.key as Node);
    }
    return (name: string) => map.items.find((pair) => isScalar(pair.key) && pair.key.value === name)?.value as Node | undefined;
  };
  const keyPair = (node: Node | null | undefined, what: string): [string, string] | undefined => {
    const keys = isSeq(node) ? (node.items as Node[]).map((key) => (isScalar(key) && typeof key.value === 'string' ? key.value : undefined)) : [];
    if (keys.length === 2 && keys[0] !== undefined && keys[1] !== undefined) return [keys[0], keys[1]];
    report(`${what} must be a pair of mention keys [keyA, keyB]`, node);
    return undefined;
  };
  const pairList = (node: Node | null | undefined, what: string): [string, string][] => {
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      report(`\`${what}\` must be a list of key pairs, e.g. - [keyA, keyB]`, node);
      return [];
    }
    return (node.items as Node[]).flatMap((item) => {
      const pair = keyPair(item, `each \`${what}\` item`);
      return pair ? [pair] : [];
    });
  };
  return { report, string, verdictOf, fieldsOf, keyPair, pairList };
}

type FieldReader = ReturnType<typeof fieldReader>;

/** The mentions of an entry. */
function mentionsOf(mentionsNode: Node | null | undefined, contents: Node, read: FieldReader): LedgerMention[] {
  const { report, string, fieldsOf } = read;
  const mentions: LedgerMention[] = [];
  if (!isSeq(mentionsNode)) report('`mentions` must be a list of mentions with key, outlet, path, line, text', mentionsNode ?? contents);
  else {
    for (const item of mentionsNode.items as Node[]) {
      if (!isMap(item)) {
        report('each mention must be a mapping with key, outlet, path, line, text', item);
        continue;
      }
      const get = fieldsOf(item, MENTION_KEYS, 'mention');
      const key = string(get('key'), 'key', true, item);
      const lineNode = get('line');
      const line = isScalar(lineNode) && Number.isInteger(lineNode.value) ? (lineNode.value as number) : undefined;
      if (lineNode !== undefined && line === undefined) report('`line` must be a whole number', lineNode);
      if (key === undefined) continue;
      if (!key.includes('#')) report(`\`key\` must look like sourceId#hash, not \`${key}\``, get('key'));
      mentions.push({
        key,
        outlet: string(get('outlet'), 'outlet', false) ?? '',
        path: string(get('path'), 'path', false) ?? '',
        line: line ?? 1,
        text: string(get('text'), 'text', false) ?? '',
      });
    }
  }
  return mentions;
}

/** The conflicts of an entry. */
function conflictsOf(conflictsNode: Node | null | undefined, read: FieldReader): LedgerConflict[] {
  const { report, string, fieldsOf, keyPair } = read;
  const conflicts: LedgerConflict[] = [];
  if (isSeq(conflictsNode)) {
    for (const item of conflictsNode.items as Node[]) {
      if (!isMap(item)) {
        report('each conflict must be a mapping with between, kind, detail', item);
        continue;
      }
      const get = fieldsOf(item, CONFLICT_KEYS, 'conflict');
      const between = keyPair(get('between'), '`between`');
      const kind = string(get('kind'), 'kind');
      if (kind !== undefined && !CONFLICT_KINDS.includes(kind as ConflictKind)) report(`\`kind\` must be one of ${CONFLICT_KINDS.join(', ')}`, get('kind'));
      if (between && kind) conflicts.push({ between, kind: kind as ConflictKind, detail: string(get('detail'), 'detail', false) ?? '' });
    }
  } else if (conflictsNode !== undefined && conflictsNode !== null) report('`conflicts` must be a list', conflictsNode);
  return conflicts;
}

/** The review block of an entry, or undefined when it is empty or not a mapping. */
function reviewOf(node: Node | null, read: FieldReader): LedgerReview | undefined {
  const { report, string, verdictOf, fieldsOf, pairList } = read;
  if (isMap(node)) {
    const get = fieldsOf(node, REVIEW_KEYS, 'review');
    const confirmedNode = get('confirmed');
    const confirmed = confirmedNode === undefined || (isScalar(confirmedNode) && confirmedNode.value === null) ? undefined : verdictOf(confirmedNode, 'confirmed');
    const note = string(get('note'), 'note', false);
    return {
      ...(confirmed ? { confirmed } : {}),
      separate: pairList(get('separate'), 'separate'),
      updates: pairList(get('updates'), 'updates'),
      ...(note !== undefined ? { note } : {}),
    };
  }
  if (node !== null && !(isScalar(node) && node.value === null)) report('`review` must be a mapping with confirmed, separate, updates, note', node);
  return undefined;
}

/**
 * The text of one top-level field, from the start of its line (with any comment
 * lines right above it) to the next top-level field or the end of the file.
 */
function sliceTopLevel(text: string, items: readonly Pair[], pair: Pair, lineCounter: LineCounter): string {
  const lineStart = (offset: number) => lineCounter.lineStarts[lineCounter.linePos(offset).line - 1] ?? 0;
  const index = items.indexOf(pair);
  const keyStart = (item: Pair | undefined) => (item?.key as Node | undefined)?.range?.[0];
  let start = lineStart(keyStart(pair) ?? 0);
  // Comment lines right above the key belong to it, but not the file's header.
  const firstKey = lineStart(keyStart(items[0]) ?? 0);
  while (index > 0 && start > firstKey) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (!/^[ \t]*#/.test(text.slice(previous, start))) break;
    start = previous;
  }
  const next = keyStart(items[index + 1]);
  const end = next === undefined ? text.length : lineStart(next);
  return text.slice(start, end);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
