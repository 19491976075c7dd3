// The ledger's parse cache: a ledger folder → what each of its entry files parsed
// to, keyed by the file's name and stat signature (size, mtime and ctime in ns,
// inode, device), in one JSON file `<cache folder>/ledger/<hash of the folder's
// path>.json`. It is valid only for this version of the ledger code (package
// version, the code of src/ledger, the yaml and js-yaml versions), written
// atomically (temp file + rename) and checked field by field on read: a corrupt,
// foreign or stale file is ignored and rebuilt. Safe to delete.

import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { asciiJson, codeFingerprint, readAsciiJson, stringTable } from '../engine/store.js';
import { isArrayOf, isInteger, isRecord, isString } from '../guards.js';
import { writeCacheFileSync } from '../fs.js';
import type { ConflictKind, Diagnostic, Verdict } from '../types.js';
import { CONFLICT_KINDS, VERDICTS } from './canonical.js';
import type { LedgerConflict, LedgerEntry, LedgerMention, LedgerReview } from './entry.js';

/** Version of the layout below; part of the fingerprint (bump when it changes). */
const FORMAT = 3;

/** A diagnostic of an entry file, without the file (added back with the folder as shown). */
export type FileDiagnostic = Omit<Diagnostic, 'file'>;

/** What an entry file parsed to. */
export type FileParse =
  /** Canonical text: the text is `formatCanonical(entry)` and is not kept. */
  | { readonly kind: 'canonical'; readonly entry: LedgerEntry }
  /** Anything else: the text as read, and the positioned parser's result. */
  | { readonly kind: 'text'; readonly text: string; readonly entry?: LedgerEntry; readonly diagnostics: readonly FileDiagnostic[] };

/** A cached file: its stat signature when it was read, and what it parsed to. */
export interface CachedFile {
  readonly signature: string;
  readonly parse: FileParse;
}

/**
 * The stat signature of a file: any write changes it (ctime moves on every
 * change of content or metadata, even when mtime is set back).
 *
 * @param stats Stats read with `{bigint: true}`.
 */
export function signatureOf(stats: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint; dev: bigint }): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.dev}`;
}

function cacheFile(cacheFolder: string, ledgerFolder: string): { file: string; key: string } {
  const key = createHash('sha256').update(`claimcheck-ledger\u0000${ledgerFolder}`).digest('hex').slice(0, 32);
  return { file: path.join(cacheFolder, 'ledger', `${key}.json`), key };
}

/**
 * The cached files of a ledger folder, by file name; undefined when there is no
 * cache, or it is not one this version wrote for this folder.
 *
 * @param cacheFolder Absolute path of the cache folder.
 * @param ledgerFolder Absolute path of the ledger folder.
 */
export function readLedgerCache(cacheFolder: string, ledgerFolder: string): Map<string, CachedFile> | undefined {
  const { file, key } = cacheFile(cacheFolder, ledgerFolder);
  try {
    const value: unknown = readAsciiJson(file);
    if (!isRecord(value) || value.claimcheck !== 'cache' || value.kind !== 'ledger' || value.tool !== ledgerFingerprint() || value.key !== key) return undefined;
    return decode(value.data);
  } catch {
    return undefined;
  }
}

/**
 * Write the cache of a ledger folder atomically. Failures (read-only folder,
 * full disk) are ignored: the cache is an optimisation.
 *
 * @param cacheFolder Absolute path of the cache folder.
 * @param ledgerFolder Absolute path of the ledger folder.
 * @param files Cached files by name.
 * @returns Whether the cache was written.
 */
export function writeLedgerCache(cacheFolder: string, ledgerFolder: string, files: ReadonlyMap<string, CachedFile>): boolean {
  const { file, key } = cacheFile(cacheFolder, ledgerFolder);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch {
    return false;
  }
  return writeCacheFileSync(file, asciiJson({ claimcheck: 'cache', kind: 'ledger', tool: ledgerFingerprint(), key, data: encode(files) }));
}

// ---------------------------------------------------------------------------
// Tool version

let fingerprint: string | undefined;

/**
 * The version of the ledger code the cache is valid for: the layout and the
 * `ledger` fingerprint of the engine's store (the package version, the code of
 * src/ledger or dist/ledger, the installed libraries). 16 hex digits.
 */
export function ledgerFingerprint(): string {
  fingerprint ??= computeFingerprint();
  return fingerprint;
}

function computeFingerprint(): string {
  return createHash('sha256').update(`claimcheck-ledger-cache ${FORMAT}\n${codeFingerprint('ledger')}`).digest('hex').slice(0, 16);
}

// ---------------------------------------------------------------------------
// Layout: compact rows, recurring values (verdicts, outlets, paths, kinds) in a
// table of strings; an entry's text is the index of the mention with the same
// text when there is one.
//
//   data  = { strings: string[], files: row[] }
//   row   = [name, signature, 0, entry]                          canonical
//         | [name, signature, 1, text, entry | 0, diagnostic[]]  other
//   entry = [id, verdict#, gone (0|1), text | mention index, outlet#[],
//            [key, outlet#, path#, line, text]…, [keyA, keyB, kind#, detail]…,
//            review | 0, reviewSource | 0]
//   diagnostic = [line, column, message, ruleId, severity]

function encode(files: ReadonlyMap<string, CachedFile>): unknown {
  const { strings, ref } = stringTable();
  const entry = (value: LedgerEntry) => {
    const textIndex = value.mentions.findIndex((mention) => mention.text === value.text);
    const mentions: (string | number)[] = [];
    for (const mention of value.mentions) mentions.push(mention.key, ref(mention.outlet), ref(mention.path), mention.line, mention.text);
    const conflicts: (string | number)[] = [];
    for (const conflict of value.conflicts) conflicts.push(conflict.between[0], conflict.between[1], ref(conflict.kind), conflict.detail);
    return [
      value.id,
      ref(value.verdict),
      value.status === 'gone' ? 1 : 0,
      textIndex >= 0 ? textIndex : value.text,
      value.outlets.map(ref),
      mentions,
      conflicts,
      value.review ? plainReview(value.review) : 0,
      value.reviewSource ?? 0,
    ];
  };
  const rows = [...files].map(([name, { signature, parse }]) =>
    parse.kind === 'canonical'
      ? [name, signature, 0, entry(parse.entry)]
      : [
          name,
          signature,
          1,
          parse.text,
          parse.entry ? entry(parse.entry) : 0,
          parse.diagnostics.map((d) => [d.place.line, d.place.column, d.message, d.ruleId, d.severity]),
        ],
  );
  return { strings, files: rows };
}

/** The review as plain data, its fields in their order (as the parser builds it). */
function plainReview(review: LedgerReview): Record<string, unknown> {
  return {
    ...(review.confirmed ? { confirmed: review.confirmed } : {}),
    ...(review.separate ? { separate: review.separate.map((pair) => [...pair]) } : {}),
    ...(review.updates ? { updates: review.updates.map((pair) => [...pair]) } : {}),
    ...(review.note !== undefined ? { note: review.note } : {}),
  };
}

/** Thrown by `decode` on anything this layout does not allow. */
class BadCache extends Error {}

function check(condition: boolean): asserts condition {
  if (!condition) throw new BadCache();
}

function decode(data: unknown): Map<string, CachedFile> {
  check(isRecord(data) && isArrayOf(data.strings, isString) && Array.isArray(data.files));
  const strings = data.strings;
  const ref = (index: unknown): string => {
    check(isInteger(index) && index >= 0 && index < strings.length);
    return strings[index]!;
  };
  const files = new Map<string, CachedFile>();
  for (const row of data.files as unknown[]) {
    check(Array.isArray(row) && isString(row[0]) && isString(row[1]) && !files.has(row[0]));
    const [name, signature, kind] = row as [string, string, unknown];
    if (kind === 0) {
      check(row.length === 4);
      files.set(name, { signature, parse: { kind: 'canonical', entry: decodeEntry(row[3], ref) } });
    } else {
      check(kind === 1 && row.length === 6 && isString(row[3]) && Array.isArray(row[5]));
      const diagnostics = (row[5] as unknown[]).map(decodeDiagnostic);
      const entry = row[4] === 0 ? undefined : decodeEntry(row[4], ref);
      files.set(name, { signature, parse: { kind: 'text', text: row[3] as string, ...(entry ? { entry } : {}), diagnostics } });
    }
  }
  return files;
}

function decodeEntry(value: unknown, ref: (index: unknown) => string): LedgerEntry {
  check(Array.isArray(value) && value.length === 9);
  const [id, verdictRef, gone, textRef, outletRefs, mentionCells, conflictCells, review, reviewSource] = value as unknown[];
  check(isString(id) && (gone === 0 || gone === 1) && Array.isArray(outletRefs) && Array.isArray(mentionCells) && Array.isArray(conflictCells));
  const verdict = ref(verdictRef);
  check(VERDICTS.includes(verdict as Verdict));
  const cells = mentionCells as unknown[];
  check(cells.length % 5 === 0);
  const mentions: LedgerMention[] = [];
  for (let i = 0; i < cells.length; i += 5) {
    const [key, outlet, place, line, text] = [cells[i], cells[i + 1], cells[i + 2], cells[i + 3], cells[i + 4]];
    check(isString(key) && Number.isSafeInteger(line) && isString(text));
    mentions.push({ key, outlet: ref(outlet), path: ref(place), line: line as number, text });
  }
  const conflictList = conflictCells as unknown[];
  check(conflictList.length % 4 === 0);
  const conflicts: LedgerConflict[] = [];
  for (let i = 0; i < conflictList.length; i += 4) {
    const [a, b, kindRef, detail] = [conflictList[i], conflictList[i + 1], conflictList[i + 2], conflictList[i + 3]];
    const kind = ref(kindRef);
    check(isString(a) && isString(b) && CONFLICT_KINDS.includes(kind as ConflictKind) && isString(detail));
    conflicts.push({ between: [a, b], kind: kind as ConflictKind, detail });
  }
  let text: string;
  if (isString(textRef)) text = textRef;
  else {
    check(isInteger(textRef) && textRef >= 0 && textRef < mentions.length);
    text = mentions[textRef]!.text;
  }
  check(reviewSource === 0 || isString(reviewSource));
  const decodedReview = review === 0 ? undefined : decodeReview(review);
  return {
    id,
    verdict: verdict as Verdict,
    ...(gone === 1 ? { status: 'gone' as const } : {}),
    text,
    outlets: (outletRefs as unknown[]).map(ref),
    mentions,
    conflicts,
    ...(decodedReview ? { review: decodedReview } : {}),
    ...(isString(reviewSource) ? { reviewSource } : {}),
  };
}

function decodeReview(value: unknown): LedgerReview {
  check(isRecord(value));
  const pairs = (list: unknown) => {
    check(Array.isArray(list));
    return (list as unknown[]).map((pair): readonly [string, string] => {
      check(Array.isArray(pair) && pair.length === 2 && isString(pair[0]) && isString(pair[1]));
      return [pair[0] as string, pair[1] as string];
    });
  };
  const { confirmed, separate, updates, note } = value;
  check(confirmed === undefined || VERDICTS.includes(confirmed as Verdict));
  check(note === undefined || isString(note));
  for (const name of Object.keys(value)) check(['confirmed', 'separate', 'updates', 'note'].includes(name));
  return {
    ...(confirmed !== undefined ? { confirmed: confirmed as Verdict } : {}),
    ...(separate !== undefined ? { separate: pairs(separate) } : {}),
    ...(updates !== undefined ? { updates: pairs(updates) } : {}),
    ...(note !== undefined ? { note: note as string } : {}),
  };
}

function decodeDiagnostic(value: unknown): FileDiagnostic {
  check(Array.isArray(value) && value.length === 5);
  const [line, column, message, ruleId, severity] = value as unknown[];
  check(isInteger(line) && isInteger(column) && isString(message) && isString(ruleId) && (severity === 'error' || severity === 'warning'));
  return { place: { line, column }, message, ruleId, severity };
}
