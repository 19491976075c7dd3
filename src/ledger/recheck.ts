// `check` without reading the whole ledger again when little changed. After a
// full comparison, the cache keeps (1) an index of the ledger (its stat signature,
// each entry's id and mention keys, the review decisions, the warnings), one per
// ledger folder, and (2) the comparison itself (its changes, each tied to the
// finding or entry it is about), keyed by that signature and the corpus the report
// was made from. When there is an index, the next run stats the ledger's files;
// when their signature is the index's and the corpus run was incremental from a snapshot the comparison was made
// on (src/engine/incremental.ts), only the findings and entries connected to the new
// findings through shared mention keys are compared again, with the entries of
// that part read from their files. Findings and entries correspond only through
// shared keys (see `matchEntries`), so the rest of the comparison cannot change.
// Anything else (the ledger edited, a source changed, duplicate ids or keys, a
// cache missing) is the full comparison, and the full comparison is what an
// incremental one is tested against.

import { createHash } from 'node:crypto';
import path from 'node:path';
import { isArrayOf, isDiagnostic, isInteger, isRecord, isString } from '../guards.js';
import { openCache, readEntry, stringTable, writeEntry, type Cache } from '../engine/store.js';
import type { Review } from '../core/report.js';
import { checkRun, prepareRun, type CheckRunOptions, type CheckRunResult, type RunBase } from '../engine/incremental.js';
import type { Diagnostic, Report } from '../types.js';
import { ledgerFingerprint } from './cache.js';
import { checkReportOf, compareWithLedger, reviewOf, type CheckChange, type CheckReport } from './compare.js';
import type { LedgerEntry } from './entry.js';
import { entryFileName, ledgerSignature, readLedger, readLedgerEntries, type Ledger } from './store.js';

/** What `check` keeps of a ledger: enough to find the entries a change can touch. */
export interface LedgerIndex {
  /** The ledger's signature when it was indexed (see `ledgerSignature`). */
  readonly signature: string;
  /** The folder as shown in messages. */
  readonly folder: string;
  /** Every review decision in the ledger. */
  readonly review: Required<Review>;
  /** Warnings about ledger files (a ledger with errors is never indexed). */
  readonly diagnostics: readonly Diagnostic[];
  /** Entry ids, in the ledger's order (by id); entry `i` is the file `<ids[i]>.yml`. */
  readonly ids: readonly string[];
  /** Mention keys of each entry. */
  readonly keys: readonly (readonly string[])[];
}

/** A change of a kept comparison, tied to what it is about. */
export interface SavedChange {
  readonly change: CheckChange;
  /** The first mention key of the finding it is about; absent for a `gone` entry (its `change.id`). */
  readonly finding?: string;
  /** The first mention keys of the other findings with its id, when there are any: it may be about one of those. */
  readonly others?: readonly string[];
}

/** A comparison kept for the next run. */
export interface SavedComparison {
  readonly changes: readonly SavedChange[];
  /** Findings that matched their entry exactly. */
  readonly unchanged: number;
}

/** Options of `checkWithLedger`. */
export interface CheckWithLedgerOptions extends Pick<CheckRunOptions, 'cwd' | 'onProgress' | 'rewriteShare'> {
  /** Ledger folder, relative to `cwd`. */
  readonly ledger: string;
  /** Cache folder, relative to `cwd`. */
  readonly cache: string;
}

/** The result of `checkWithLedger`: the check, and whether it was resumed from a kept comparison. */
export interface CheckWithLedgerResult {
  readonly check: CheckReport;
  readonly mode: 'resumed' | 'full';
}

/** A comparison with more changes than this is not kept: it is no steady state worth resuming. */
const MAX_SAVED_CHANGES = 5000;

/**
 * Compare the sources under `paths` with the ledger, as `check` does: from the
 * kept comparison when only new sources were added and the ledger is unchanged,
 * else in full (and keep that comparison for the next run).
 *
 * @param paths Source files or folders.
 * @param options Working, ledger and cache folders.
 */
export async function checkWithLedger(paths: readonly string[], options: CheckWithLedgerOptions): Promise<CheckWithLedgerResult> {
  const cwd = options.cwd ?? process.cwd();
  const cache = openCache(path.resolve(cwd, options.cache));
  const ledgerFolder = path.resolve(cwd, options.ledger);
  const runOptions = { cwd, cache: options.cache, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.rewriteShare !== undefined ? { rewriteShare: options.rewriteShare } : {}) };

  // New sources are parsed and analysed on a worker thread while this one reads the index and stats the ledger.
  const prepared = await prepareRun(paths, runOptions);
  const index = readEntry(cache, 'ledger-index', indexKey(cwd, ledgerFolder), decodeIndex);
  // A stat of every ledger file pays only when there is an index to match: else the ledger is read in full below.
  const signature = index ? await ledgerSignature(options.ledger, { cwd }) : undefined;
  let run: CheckRunResult | undefined;
  if (index && signature === index.signature) {
    run = await checkRun(paths, { ...runOptions, review: index.review }, prepared);
    const saved = run.base && run.key !== undefined ? readEntry(cache, 'comparison', comparisonKey(ledgerFolder, index.signature, run.key, run.base.digest), decodeComparison) : undefined;
    if (saved && run.base) {
      const read = (ids: readonly string[]) => readLedgerEntries(options.ledger, ids.map(entryFileName), { cwd });
      const check = compareIncrementally(run, run.base, index, saved, read);
      if (check) {
        // The snapshot moved on: keep this comparison for the runs that start from it.
        if (run.snapshot && run.digest !== run.base.digest) keep(cache, ledgerFolder, index.signature, run, check);
        return { check, mode: 'resumed' };
      }
    }
  }
  const ledger = await readLedger(options.ledger, { cwd, cache: options.cache });
  // A run made with the index's review decisions stands only for the ledger that was indexed.
  if (!run || ledger.signature !== index?.signature) run = await checkRun(paths, { ...runOptions, review: reviewOf(ledger) }, prepared);
  return { check: compareAndKeep(cache, cwd, ledgerFolder, run, ledger, index), mode: 'full' };
}

/** How long to wait after writing the ledger before reading it back: its files must have settled to be signed (see `ledgerSignature`). */
const SETTLE_WAIT_MS = 120;

/**
 * After `check --update` wrote the ledger: read it back (which fills the ledger's
 * parse cache), compare the sources with it and keep the ledger's index and that
 * comparison, as a full `check` would, so that the next `check` (one article
 * added) resumes from them instead of reading and comparing the whole ledger
 * again. The sources' run comes from the snapshot the update left. Nothing is
 * kept when the ledger cannot be signed yet (whole-second timestamps) or has errors.
 *
 * @param paths Source files or folders, as the update was given them.
 * @param options Working, ledger and cache folders.
 */
export async function keepAfterUpdate(paths: readonly string[], options: CheckWithLedgerOptions): Promise<CheckReport | undefined> {
  const cwd = options.cwd ?? process.cwd();
  const cache = openCache(path.resolve(cwd, options.cache));
  await new Promise((resolve) => setTimeout(resolve, SETTLE_WAIT_MS));
  const ledger = await readLedger(options.ledger, { cwd, cache: options.cache });
  if (ledger.signature === undefined || ledger.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const run = await checkRun(paths, { cwd, cache: options.cache, review: reviewOf(ledger) });
  return compareAndKeep(cache, cwd, path.resolve(cwd, options.ledger), run, ledger, undefined);
}

/** The full comparison; kept for the next run when it can be resumed, with an index of the ledger unless `index` is one. */
function compareAndKeep(cache: Cache, cwd: string, ledgerFolder: string, run: CheckRunResult, ledger: Ledger, index: LedgerIndex | undefined): CheckReport {
  const { check } = compareWithLedger(run.report, ledger);
  if (ledger.signature === undefined || run.key === undefined) return check;
  if (ledger.diagnostics.some((d) => d.severity === 'error')) return check;
  if (!run.snapshot) return check;
  if (index?.signature !== ledger.signature) {
    const fresh = indexOf(ledger);
    if (!fresh) return check;
    writeEntry(cache, 'ledger-index', indexKey(cwd, ledgerFolder), encodeIndex(fresh));
  }
  keep(cache, ledgerFolder, ledger.signature, run, check);
  return check;
}

/** Keep a comparison for runs that start from the snapshot of `run`'s files. */
function keep(cache: Cache, ledgerFolder: string, signature: string, run: CheckRunResult, check: CheckReport): void {
  if (run.key === undefined || check.changes.length > MAX_SAVED_CHANGES) return;
  const saved = savedComparison(run.report, check);
  if (saved) writeEntry(cache, 'comparison', comparisonKey(ledgerFolder, signature, run.key, run.digest), saved);
}

/** The index's key: one per ledger folder (the folder as shown depends on the working folder); its signature is inside. */
function indexKey(cwd: string, ledgerFolder: string): string {
  return createHash('sha256').update(['claimcheck-ledger-index', ledgerFingerprint(), cwd, ledgerFolder].join('\u0000')).digest('hex').slice(0, 32);
}

function comparisonKey(ledgerFolder: string, signature: string, snapshotKey: string, digest: string): string {
  return createHash('sha256')
    .update(['claimcheck-comparison', ledgerFingerprint(), ledgerFolder, signature, snapshotKey, digest].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/**
 * The index of a ledger, or undefined when its entries cannot be found again by
 * id alone (a file named otherwise, two entries with one id) or it has no
 * signature.
 *
 * @param ledger The ledger as read.
 */
export function indexOf(ledger: Ledger): LedgerIndex | undefined {
  if (ledger.signature === undefined) return undefined;
  const ids = ledger.entries.map((entry) => entry.id);
  if (new Set(ids).size !== ids.length || ledger.files.size !== ids.length) return undefined;
  if (!ids.every((id) => ledger.files.has(entryFileName(id)))) return undefined;
  const review = reviewOf(ledger);
  return {
    signature: ledger.signature,
    folder: ledger.folder,
    review: { separate: review.separate ?? [], updates: review.updates ?? [] },
    diagnostics: ledger.diagnostics,
    ids,
    keys: ledger.entries.map((entry) => entry.mentions.map((mention) => mention.key)),
  };
}

/**
 * A comparison tied to its findings: each change to the first mention key of
 * the finding with its id (of each of them when findings share an id). A key
 * two findings share (the same sentence twice in a source), or an id, is no
 * obstacle: a resumed comparison that reaches such a finding compares in full
 * (see `compareIncrementally`). Undefined when a finding has no mentions or a change
 * names no finding.
 *
 * @param report The report compared.
 * @param check Its comparison.
 */
export function savedComparison(report: Report, check: CheckReport): SavedComparison | undefined {
  const byId = new Map<string, string[]>();
  for (const finding of report.claims) {
    if (finding.mentions.length === 0) return undefined;
    const keys = byId.get(finding.id);
    if (keys) keys.push(finding.mentions[0]!.key);
    else byId.set(finding.id, [finding.mentions[0]!.key]);
  }
  const changes: SavedChange[] = [];
  for (const change of check.changes) {
    if (change.kind === 'gone') changes.push({ change });
    else {
      const keys = byId.get(change.id);
      if (keys === undefined) return undefined;
      const [finding, ...others] = keys;
      changes.push({ change, finding: finding!, ...(others.length > 0 ? { others } : {}) });
    }
  }
  return { changes, unchanged: check.summary.unchanged };
}

/**
 * The comparison of `report` with an unchanged ledger, from the comparison kept
 * for the snapshot the report was made from: the findings made anew, and every
 * finding and entry that shares a mention key with them (transitively), are
 * compared again; the kept changes stand for the rest. Undefined when that
 * cannot be done exactly (then compare in full).
 *
 * @param run The run: its findings (slim, as `check` makes them), read one at a
 *   time (only those compared again are decoded), and its report's sources and
 *   diagnostics (its `claims` are not read).
 * @param base What the report kept of its snapshot.
 * @param index The ledger's index.
 * @param saved The comparison kept for the snapshot.
 * @param read Reads the entries with these ids from their files, in order.
 */
export function compareIncrementally(
  run: Pick<CheckRunResult, 'findings' | 'report'>,
  base: RunBase,
  index: LedgerIndex,
  saved: SavedComparison,
  read: (ids: readonly string[]) => readonly LedgerEntry[] | undefined,
): CheckReport | undefined {
  const findings = run.findings;
  // Every mention key in one finding only, every id once among the part compared again.
  const findingOfKey = new Map<string, number>();
  const clashes = new Set<string>();
  const idCount = new Map<string, number>();
  for (let index = 0; index < findings.length; index++) {
    const id = findings.id(index);
    idCount.set(id, (idCount.get(id) ?? 0) + 1);
    for (const key of findings.keys(index)) {
      if (findingOfKey.has(key)) clashes.add(key);
      findingOfKey.set(key, index);
    }
  }
  const entriesOfKey = new Map<string, number[]>();
  index.keys.forEach((keys, entry) => {
    for (const key of keys) {
      const list = entriesOfKey.get(key);
      if (!list) entriesOfKey.set(key, [entry]);
      else if (list.at(-1) !== entry) list.push(entry);
    }
  });

  // The part connected to the new findings through shared keys.
  const part = new Set<number>();
  const partEntries = new Set<number>();
  const keys = new Set<string>();
  const pending: string[] = [];
  const visit = (key: string) => {
    if (keys.has(key)) return;
    keys.add(key);
    pending.push(key);
  };
  const addFinding = (finding: number) => {
    if (part.has(finding)) return;
    part.add(finding);
    for (const key of findings.keys(finding)) visit(key);
  };
  for (const position of base.fresh) addFinding(position);
  if (part.size !== base.fresh.size) return undefined;
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (clashes.has(key)) return undefined;
    const holder = findingOfKey.get(key);
    if (holder !== undefined) addFinding(holder);
    for (const entry of entriesOfKey.get(key) ?? []) {
      if (partEntries.has(entry)) continue;
      partEntries.add(entry);
      for (const entryKey of index.keys[entry]!) visit(entryKey);
    }
  }
  for (const finding of part) if (idCount.get(findings.id(finding)) !== 1) return undefined;

  // Compare that part again, with its entries as they are in their files.
  const entryIndexes = [...partEntries].sort((a, b) => a - b);
  const ids = entryIndexes.map((entry) => index.ids[entry]!);
  const entries = read(ids);
  if (!entries || entries.length !== ids.length) return undefined;
  for (const [position, entry] of entries.entries()) {
    const expected = index.keys[entryIndexes[position]!]!;
    if (entry.id !== ids[position] || entry.mentions.length !== expected.length || entry.mentions.some((mention, k) => mention.key !== expected[k])) return undefined;
  }
  const report = run.report;
  const partReport: Report = { schemaVersion: 1, sources: report.sources, claims: [...part].sort((a, b) => a - b).map((finding) => findings.at(finding)), diagnostics: [] };
  const partLedger: Ledger = { folder: index.folder, entries, files: new Map(), diagnostics: [], pending: false };
  const again = compareWithLedger(partReport, partLedger, index.review).check;

  // The kept changes of everything else, and the counts.
  const partIds = new Set(ids);
  let replacedChanged = 0;
  const kept: CheckChange[] = [];
  for (const { change, finding, others } of saved.changes) {
    // A change that may be about another finding with its id: only while none of them is compared again.
    if (others && (keys.has(finding!) || others.some((key) => keys.has(key)))) return undefined;
    const replaced = finding !== undefined ? keys.has(finding) : partIds.has(change.id);
    if (!replaced) kept.push(change);
    else if (finding !== undefined) replacedChanged++;
  }
  const replacedFindings = base.replaced + (part.size - base.fresh.size);
  const unchanged = saved.unchanged - (replacedFindings - replacedChanged) + again.summary.unchanged;
  const changes = [...kept, ...again.changes];
  // Every finding is unchanged or has exactly one change: else something was missed.
  const findingChanges = changes.filter((change) => change.kind !== 'gone').length;
  if (unchanged < 0 || unchanged + findingChanges !== findings.length) return undefined;
  const diagnostics = [...report.diagnostics, ...index.diagnostics];
  return checkReportOf({ folder: index.folder, compared: true, sources: report.sources.length, claims: findings.length, entries: index.ids.length, unchanged, changes, diagnostics });
}

// ---------------------------------------------------------------------------
// On disk: the index as compact rows, a mention key `<source id>#<hash>` as the
// index of its source id in a table of strings and its hash.
//
//   index = { signature, folder, separate, updates, diagnostics, strings: string[], entries: [id, source#, hash, source#, hash, …][] }

function encodeIndex(index: LedgerIndex): unknown {
  const { strings, ref } = stringTable();
  const entries = index.ids.map((id, entry) => [
    id,
    ...index.keys[entry]!.flatMap((key) => {
      const cut = key.lastIndexOf('#');
      return [ref(key.slice(0, cut)), key.slice(cut + 1)];
    }),
  ]);
  return { signature: index.signature, folder: index.folder, separate: index.review.separate, updates: index.review.updates, diagnostics: index.diagnostics, strings, entries };
}

const isPair = (value: unknown): value is [string, string] => Array.isArray(value) && value.length === 2 && isString(value[0]) && isString(value[1]);

function decodeIndex(data: unknown): LedgerIndex | undefined {
  if (!isRecord(data) || !isString(data.signature) || !isString(data.folder) || !isArrayOf(data.strings, isString) || !Array.isArray(data.entries)) return undefined;
  if (!isArrayOf(data.separate, isPair) || !isArrayOf(data.updates, isPair) || !isArrayOf(data.diagnostics, isDiagnostic)) return undefined;
  const strings = data.strings;
  const ids: string[] = [];
  const keys: string[][] = [];
  for (const row of data.entries as unknown[]) {
    if (!Array.isArray(row) || row.length % 2 !== 1 || !isString(row[0])) return undefined;
    const entryKeys: string[] = [];
    for (let k = 1; k < row.length; k += 2) {
      const source = row[k];
      const hash = row[k + 1];
      if (!isInteger(source) || source < 0 || source >= strings.length || !isString(hash)) return undefined;
      entryKeys.push(`${strings[source]}#${hash}`);
    }
    ids.push(row[0]);
    keys.push(entryKeys);
  }
  return { signature: data.signature, folder: data.folder, review: { separate: data.separate, updates: data.updates }, diagnostics: data.diagnostics, ids, keys };
}

const CHANGE_KINDS = new Set(['new', 'verdict', 'mentions', 'gone']);
const SEVERITIES = new Set(['error', 'warning', 'notice']);
const STATUSES = new Set(['disputed', 'corroborated', 'unique', 'gone']);
const isVerdictOrNull = (value: unknown) => value === null || value === 'disputed' || value === 'corroborated' || value === 'unique';
const isPlace = (value: unknown) => isRecord(value) && isString(value.file) && isInteger(value.line) && isInteger(value.column);
const isChange = (value: unknown): value is CheckChange =>
  isRecord(value) &&
  CHANGE_KINDS.has(value.kind as string) &&
  SEVERITIES.has(value.severity as string) &&
  STATUSES.has(value.status as string) &&
  isString(value.id) &&
  (value.entry === null || isString(value.entry)) &&
  isVerdictOrNull(value.verdict) &&
  isVerdictOrNull(value.previous) &&
  isString(value.text) &&
  isPlace(value.place) &&
  Array.isArray(value.places) &&
  value.places.every(isPlace) &&
  isArrayOf(value.joined, isString) &&
  isArrayOf(value.left, isString) &&
  isString(value.reason);

function decodeComparison(data: unknown): SavedComparison | undefined {
  if (!isRecord(data) || !isInteger(data.unchanged) || !Array.isArray(data.changes)) return undefined;
  for (const saved of data.changes as unknown[]) {
    if (!isRecord(saved) || !isChange(saved.change) || (saved.finding !== undefined && !isString(saved.finding))) return undefined;
    if (saved.others !== undefined && (saved.finding === undefined || !isArrayOf(saved.others, isString))) return undefined;
    if ((saved.finding === undefined) !== (saved.change.kind === 'gone')) return undefined;
  }
  return data as unknown as SavedComparison;
}
