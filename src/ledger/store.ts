// The ledger on disk: a folder (`claims/`) → `Ledger` (entries + diagnostics),
// and a new set of files → the folder, all-or-nothing.
//
// Writing is journaled so a crash (even `kill -9`) leaves the old or the new
// ledger, never a mix:
//   1. changed files are written, fsynced, into `.staging-<token>/`;
//   2. the commit point: `.journal` (which files to move in, which to remove) is
//      written to a temporary name, fsynced and renamed into place;
//   3. staged files are renamed over their names, then removed entries are
//      unlinked (only after every new file is in place), then `.journal` and the
//      staging folder are deleted.
// A reader that finds `.journal` sees the new state (staged files overlay the
// folder, removed names are skipped); without it, staging folders are ignored
// leftovers and the folder is the old state. The next `--update` finishes a
// committed journal (roll forward) and deletes uncommitted leftovers. Only
// `[^.]*.yml` files are entries, so lock, journal and staging never show.
// Each commit bumps `.generation` (after the files, before the journal goes);
// a reader compares journal + generation before and after reading and reads
// again if they moved, so even a read concurrent with an update is consistent.
// Reading stats every entry file and parses only those whose stat signature
// changed since the parse cache (cache.ts) recorded them; hand edits and `git
// checkout` change the signature, so the generation alone is never trusted.

import { randomBytes } from 'node:crypto';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_FOLDER } from '../engine/store.js';
import type { Diagnostic } from '../types.js';
import { readLedgerCache, signatureOf, writeLedgerCache, type CachedFile, type FileParse } from './cache.js';
import { formatCanonical, parseCanonical } from './canonical.js';
import { parseEntryDocument, type LedgerEntry } from './entry.js';
import { reviewKeyDiagnostics } from './review-keys.js';
import { acquireLock, type HeldLock, type LockOptions } from './lock.js';

/** The ledger as read. */
export interface Ledger {
  /** The folder as shown in messages, relative to the working folder (e.g. `claims`). */
  readonly folder: string;
  /** Entries that parsed, sorted by id. */
  readonly entries: readonly LedgerEntry[];
  /**
   * Text of every entry file by file name, as read (unchanged files are not
   * rewritten); a canonical file's text is written again from its entry on demand.
   */
  readonly files: ReadonlyMap<string, string>;
  /** Problems with ledger files, as `claims/x.yml:line:column`. */
  readonly diagnostics: readonly Diagnostic[];
  /** An interrupted `--update` committed but did not finish; what was read is its new state. */
  readonly pending: boolean;
  /**
   * Digest of the entry files' names and stat signatures as read (see
   * `ledgerSignature`): what caches derived from this ledger are keyed by.
   * Absent when an update was pending or a file had changed too recently.
   */
  readonly signature?: string;
}

/** The commit record of one update. */
interface Journal {
  readonly version: 1;
  /** Staging folder name inside the ledger folder. */
  readonly staging: string;
  /** File names to move from staging into the folder. */
  readonly write: readonly string[];
  /** File names to delete once every write is in place. */
  readonly remove: readonly string[];
  /** The generation this update creates. */
  readonly generation: number;
}

/** Steps of a write, named for failure-injection tests. */
export type WriteStep = 'staged' | 'committed' | 'half-applied' | 'applied' | 'removed';

/** Options of `writeLedgerFiles`. */
export interface WriteOptions {
  /** The lock the caller holds; checked right before the commit point (optional). */
  readonly lock?: HeldLock;
  /** Called after each step; throwing simulates a crash there (tests only). */
  readonly failpoint?: (step: WriteStep) => void;
}

/** What a write changed. */
export interface WriteResult {
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

const ENTRY_FILE = /^[^.][^/\\]*\.yml$/;
const JOURNAL = '.journal';
const GENERATION = '.generation';
const IO_BATCH = 64;

const GITIGNORE = `# claimcheck: lock, journal and staging files of \`check --update\`; never commit them.
.lock
.lock.*
.journal
.journal.*
.generation
.staging-*
.tmp-*
`;

/**
 * The file name of an entry.
 *
 * @param id Entry id.
 */
export function entryFileName(id: string): string {
  return `${id}.yml`;
}

/** Options of `readLedger`. */
export interface ReadOptions {
  /** Folder that `folder` and `cache` resolve against (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Cache folder for what each entry file parsed to, or `false` for none (default: `CACHE_FOLDER`, the user's cache folder). */
  readonly cache?: string | false;
  /**
   * How long ago a file must have last changed, in ms, for its parse to be cached
   * (default: 2000 on filesystems with whole-second timestamps, else 50; tests only).
   */
  readonly settleMs?: number;
}

/**
 * Files changed less than this long ago are parsed but not cached, and leave the
 * ledger without a signature: another write within the same timestamp tick would
 * leave their stat signature unchanged. The tick is a second or two on
 * filesystems that store whole seconds, and the kernel's coarse clock (at most
 * 10 ms) on those that store nanoseconds.
 */
const SETTLE_MS = { coarse: 2000, fine: 50 };

/**
 * Whether a file's last change is settled: older than the settle window for its
 * timestamps' granularity (or `settleMs`, when given), as of now.
 *
 * @param settleMs A fixed window, in ms (tests only).
 */
function settledCheck(settleMs: number | undefined): (stats: BigIntStats) => boolean {
  const now = BigInt(Date.now()) * 1_000_000n;
  const fixed = settleMs === undefined ? undefined : now - BigInt(settleMs) * 1_000_000n;
  const coarse = now - BigInt(SETTLE_MS.coarse) * 1_000_000n;
  const fine = now - BigInt(SETTLE_MS.fine) * 1_000_000n;
  return (stats) => stats.ctimeNs < (fixed ?? (stats.ctimeNs % 1_000_000_000n === 0n ? coarse : fine));
}

/** A file's line in the ledger's signature: `ledgerSignature` and `readLedger` must agree on it. */
function signatureLine(name: string, fileSignature: string): string {
  return `${name}\u0000${fileSignature}`;
}

/** The signature of a ledger: sha256 of its entry files' lines (`signatureLine`), in name order. */
function digestOf(lines: readonly string[]): string {
  return createHash('sha256').update(`claimcheck-ledger-signature\n${lines.join('\n')}`).digest('hex').slice(0, 32);
}

/**
 * The signature of the ledger under `folder` from one stat of each entry file,
 * without reading any: equal to the `signature` a `readLedger` of the same files
 * gives, so a cache derived from that read can be trusted without reading the
 * ledger again. Undefined when the folder is missing, an update is pending, the
 * folder changed meanwhile or a file changed too recently to be told apart from
 * a change to come.
 *
 * @param folder Ledger folder (default: `claims`).
 * @param options Working folder; a fixed settle window (tests only).
 */
export async function ledgerSignature(folder = 'claims', options: Pick<ReadOptions, 'cwd' | 'settleMs'> = {}): Promise<string | undefined> {
  const absolute = path.resolve(options.cwd ?? process.cwd(), folder);
  const before = await stamp(absolute);
  if (before === undefined || !before.startsWith('\u0000')) return undefined;
  const isSettled = settledCheck(options.settleMs);
  const lines: string[] = [];
  for (const name of (await readdir(absolute)).filter((file) => ENTRY_FILE.test(file)).sort()) {
    const stats = statOf(path.join(absolute, name));
    if (stats === undefined || !isSettled(stats)) return undefined;
    lines.push(signatureLine(name, signatureOf(stats)));
  }
  return (await stamp(absolute)) === before ? digestOf(lines) : undefined;
}

/**
 * The entries of some files of the ledger under `folder`, parsed as `readLedger`
 * parses them; undefined when one is missing or has an error.
 *
 * @param folder Ledger folder.
 * @param names Entry file names.
 * @param options Working folder.
 */
export function readLedgerEntries(folder: string, names: readonly string[], options: Pick<ReadOptions, 'cwd'> = {}): LedgerEntry[] | undefined {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, folder);
  const display = displayPath(cwd, absolute);
  const entries: LedgerEntry[] = [];
  const boundary = ledgerBoundary(absolute, cwd);
  for (const name of names) {
    const real = realOf(path.join(absolute, name));
    if (real === undefined || !isInside(boundary, real)) return undefined;
    const text = readText(path.join(absolute, name));
    if (text === undefined) return undefined;
    const parse = parseFile(`${display}/${name}`, text);
    if (parse.kind === 'canonical') entries.push(parse.entry);
    else if (parse.entry && !parse.diagnostics.some((d) => d.severity === 'error')) entries.push(parse.entry);
    else return undefined;
  }
  return entries;
}

/**
 * Read the ledger under `folder`. A missing folder is an empty ledger. Never
 * throws on bad files: they come back as diagnostics. Reads again when the
 * folder changed while it was read, so a concurrent update is never seen half done.
 * With a cache, only files whose stat signature (size, mtime, ctime, inode)
 * changed since they were cached are read and parsed again.
 *
 * @param folder Ledger folder (default: `claims`).
 * @param options Working folder, cache folder (optional).
 */
export async function readLedger(folder = 'claims', options: ReadOptions = {}): Promise<Ledger> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, folder);
  const display = displayPath(cwd, absolute);
  const cache: ReadCache = {
    folder: options.cache === false ? undefined : path.resolve(cwd, options.cache ?? CACHE_FOLDER),
    settleMs: options.settleMs,
    cwd,
  };
  const finish = (state: ReadResult) => {
    if (cache.folder !== undefined && state.changed) writeLedgerCache(cache.folder, absolute, state.records);
    return state.ledger;
  };
  let last: Ledger | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await stamp(absolute);
    if (before === undefined) return { folder: display, entries: [], files: new Map(), diagnostics: [], pending: false };
    const state = await readState(absolute, display, cache);
    if ((await stamp(absolute)) === before) return finish(state);
    last = state.ledger;
  }
  // Still changing: wait for the writer and read under its lock.
  try {
    const lock = await acquireLock(absolute, { timeoutMs: 10_000 });
    try {
      return finish(await readState(absolute, display, cache));
    } finally {
      await lock.release();
    }
  } catch {
    return last!;
  }
}

/** The cache of one `readLedger` call: loaded once, on the first read of an existing folder. */
interface ReadCache {
  readonly folder: string | undefined;
  /** The working folder: entry files must not resolve outside it (see `ledgerBoundary`). */
  readonly cwd: string;
  readonly settleMs: number | undefined;
  previous?: ReadonlyMap<string, CachedFile> | undefined;
  loaded?: boolean;
}

/** A read ledger, and what to cache of it. */
interface ReadResult {
  readonly ledger: Ledger;
  /** Settled files by name (staged files of a pending journal are never cached). */
  readonly records: ReadonlyMap<string, CachedFile>;
  /** Whether `records` differ from the cache that was loaded. */
  readonly changed: boolean;
}

async function readState(absolute: string, display: string, cache: ReadCache): Promise<ReadResult> {
  const diagnostics: Diagnostic[] = [];
  const listing = (await readdir(absolute, { withFileTypes: true })).filter((entry) => ENTRY_FILE.test(entry.name));
  const names = new Set(listing.map((entry) => entry.name));
  // Entry files that are links, or all of them when the folder is reached through a link: each must stay inside.
  const linked = new Set(listing.filter((entry) => entry.isSymbolicLink()).map((entry) => entry.name));
  const boundary = ledgerBoundary(absolute, cache.cwd);
  const realFolder = realOf(absolute);
  const folderInside = realFolder !== undefined && isInside(boundary, realFolder);
  const journal = await readJournal(absolute, display, diagnostics);
  const staged = new Set<string>();
  if (journal) {
    diagnostics.push({
      file: `${display}/${JOURNAL}`,
      place: { line: 1, column: 1 },
      message: 'an interrupted `check --update` is pending; its new ledger is what was read. Run `claimcheck check --update` to finish it before committing',
      ruleId: 'ledger-pending',
      severity: 'warning',
    });
    for (const name of journal.remove) names.delete(name);
    for (const name of journal.write) {
      names.add(name);
      staged.add(name);
    }
  }
  if (cache.folder !== undefined && !cache.loaded) {
    cache.previous = readLedgerCache(cache.folder, absolute);
    cache.loaded = true;
  }
  const previous = cache.previous;
  // Files whose status changed before the settle window cannot change again unnoticed.
  const isSettled = settledCheck(cache.settleMs);
  // The ledger's signature, unless an update is pending or a file has not settled.
  let signature: string[] | undefined = journal ? undefined : [];
  const records = new Map<string, CachedFile>();
  let reused = 0;
  const sources = new Map<string, string | LedgerEntry>();
  const entries: LedgerEntry[] = [];
  // Synchronous stat and read, in order: on files the OS has cached, 1.3–4× faster than
  // 64 at a time with callbacks or promises (57 000 files: stat 0.16 s vs 0.2–0.4 s, read
  // 0.4 s vs 0.65–1.6 s), and the stat must come before the read (see `signatureOf`).
  for (const name of [...names].sort()) {
    const file = `${display}/${name}`;
    let parse: FileParse | undefined;
    if (journal && staged.has(name)) {
      const text = readText(path.join(absolute, journal.staging, name)) ?? readText(path.join(absolute, name));
      if (text !== undefined) parse = parseFile(file, text);
    } else {
      if (!folderInside || linked.has(name)) {
        const real = realOf(path.join(absolute, name));
        if (real !== undefined && !isInside(boundary, real)) {
          diagnostics.push({
            file,
            place: { line: 1, column: 1 },
            message: `symbolic link to a file outside ${boundary}: refused`,
            ruleId: 'outside-link',
            severity: 'error',
          });
          signature = undefined;
          continue;
        }
      }
      const stats = statOf(path.join(absolute, name));
      if (stats === undefined) {
        signature = undefined;
        continue;
      }
      const fileSignature = signatureOf(stats);
      const settled = isSettled(stats);
      if (settled) signature?.push(signatureLine(name, fileSignature));
      else signature = undefined;
      const hit = previous?.get(name);
      if (hit !== undefined && hit.signature === fileSignature) {
        parse = hit.parse;
        reused++;
        records.set(name, hit);
      } else {
        const text = readText(path.join(absolute, name));
        if (text !== undefined) parse = parseFile(file, text);
        if (parse !== undefined && cache.folder !== undefined && settled) records.set(name, { signature: fileSignature, parse });
      }
    }
    if (parse === undefined) continue;
    if (parse.kind === 'canonical') {
      entries.push(parse.entry);
      sources.set(name, parse.entry);
    } else {
      for (const diagnostic of parse.diagnostics) diagnostics.push({ file, ...diagnostic });
      if (parse.entry) entries.push(parse.entry);
      sources.set(name, parse.text);
    }
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const files = new LedgerFiles(sources);
  diagnostics.push(
    ...reviewKeyDiagnostics(
      entries,
      (entry) => `${display}/${entryFileName(entry.id)}`,
      (entry) => files.get(entryFileName(entry.id)),
    ),
  );
  const changed = cache.folder !== undefined && (reused !== records.size || records.size !== (previous?.size ?? 0));
  return {
    ledger: {
      folder: display,
      entries,
      files,
      diagnostics,
      pending: journal !== undefined,
      ...(signature ? { signature: digestOf(signature) } : {}),
    },
    records,
    changed,
  };
}

/** What a file's text parses to: fast when it is canonical, else by the positioned parser. */
function parseFile(file: string, text: string): FileParse {
  const entry = parseCanonical(file, text);
  if (entry) return { kind: 'canonical', entry };
  const parsed = parseEntryDocument(file, text);
  return {
    kind: 'text',
    text,
    ...(parsed.entry ? { entry: parsed.entry } : {}),
    diagnostics: parsed.diagnostics.map(({ place, message, ruleId, severity }) => ({ place, message, ruleId, severity })),
  };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function realOf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Where a ledger's files must resolve: inside the working folder, or inside a ledger folder given outside it. */
function ledgerBoundary(absolute: string, cwd: string): string {
  const inside = isInside(path.resolve(cwd), absolute);
  return realOf(inside ? path.resolve(cwd) : absolute) ?? (inside ? path.resolve(cwd) : absolute);
}

/** Whether `inner` is `outer` or lies under it (both absolute). */
function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function statOf(file: string): BigIntStats | undefined {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}

/**
 * The text of each entry file by name: kept as read, or, for a canonical file,
 * written again from its entry when asked for (the same bytes, never read twice).
 */
class LedgerFiles implements ReadonlyMap<string, string> {
  readonly #sources: ReadonlyMap<string, string | LedgerEntry>;
  #texts: Map<string, string> | undefined;

  constructor(sources: ReadonlyMap<string, string | LedgerEntry>) {
    this.#sources = sources;
  }

  get size(): number {
    return this.#sources.size;
  }

  has(name: string): boolean {
    return this.#sources.has(name);
  }

  get(name: string): string | undefined {
    const source = this.#sources.get(name);
    return source === undefined || typeof source === 'string' ? source : formatCanonical(source);
  }

  keys(): MapIterator<string> {
    return this.#sources.keys();
  }

  values(): MapIterator<string> {
    return this.#all().values();
  }

  entries(): MapIterator<[string, string]> {
    return this.#all().entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [name, text] of this.#all()) callback.call(thisArg, text, name, this);
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  #all(): Map<string, string> {
    this.#texts ??= new Map([...this.#sources.keys()].map((name) => [name, this.get(name)!]));
    return this.#texts;
  }
}

async function readJournal(absolute: string, display: string, diagnostics: Diagnostic[]): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(absolute, JOURNAL), 'utf8');
  } catch {
    return undefined;
  }
  const journal = parseJournal(text);
  if (!journal) {
    diagnostics.push({
      file: `${display}/${JOURNAL}`,
      place: { line: 1, column: 1 },
      message: 'unreadable journal of an interrupted update; remove it and run `claimcheck check --update`',
      ruleId: 'ledger-journal',
      severity: 'error',
    });
  }
  return journal;
}

function parseJournal(text: string): Journal | undefined {
  try {
    const value = JSON.parse(text) as Partial<Journal>;
    const names = (list: unknown) => Array.isArray(list) && list.every((name) => typeof name === 'string' && ENTRY_FILE.test(name));
    if (value.version === 1 && Number.isInteger(value.generation) && typeof value.staging === 'string' && /^\.staging-[\w-]+$/.test(value.staging) && names(value.write) && names(value.remove)) {
      return value as Journal;
    }
  } catch {
    // Fall through: not a journal.
  }
  return undefined;
}

/**
 * Run `task` holding the ledger folder's lock, after finishing any interrupted
 * update (roll forward) and clearing uncommitted leftovers. Creates the folder.
 *
 * @param folder Ledger folder.
 * @param task What to do under the lock.
 * @param options.cwd Folder that `folder` resolves against (default: `process.cwd()`).
 */
export async function withLedgerLock<T>(
  folder: string,
  task: (lock: HeldLock) => Promise<T>,
  options: { cwd?: string } & LockOptions = {},
): Promise<T> {
  const absolute = path.resolve(options.cwd ?? process.cwd(), folder);
  await mkdir(absolute, { recursive: true });
  const lock = await acquireLock(absolute, options);
  try {
    await recoverLedger(absolute);
    return await task(lock);
  } finally {
    await lock.release();
  }
}

/**
 * Finish a committed journal and delete uncommitted leftovers (staging folders,
 * temporary files). Call only while holding the lock.
 *
 * @param absolute Absolute path of the ledger folder.
 */
export async function recoverLedger(absolute: string): Promise<void> {
  const text = await readFile(path.join(absolute, JOURNAL), 'utf8').catch(() => undefined);
  if (text !== undefined) {
    const journal = parseJournal(text);
    if (!journal) throw new Error(`${path.join(absolute, JOURNAL)}: unreadable journal of an interrupted update; remove it and run again`);
    await applyJournal(absolute, journal);
  }
  for (const name of await readdir(absolute)) {
    if (name.startsWith('.staging-') || name.startsWith('.journal.') || name.startsWith('.tmp-')) {
      await rm(path.join(absolute, name), { recursive: true, force: true });
    }
  }
}

/**
 * Make the folder hold exactly `next` (entry file name → text), all-or-nothing:
 * only files whose text differs are written, files not in `next` are removed
 * after every new file is in place. Call only while holding the lock.
 *
 * @param folder Absolute path of the ledger folder.
 * @param current Text of the entry files now in the folder (`Ledger.files`).
 * @param next Text of every entry file of the new ledger.
 * @param options Lock to verify before committing, failure injection (optional).
 */
export async function writeLedgerFiles(
  folder: string,
  current: ReadonlyMap<string, string>,
  next: ReadonlyMap<string, string>,
  options: WriteOptions = {},
): Promise<WriteResult> {
  for (const name of next.keys()) if (!ENTRY_FILE.test(name)) throw new Error(`not a ledger file name: ${name}`);
  await ensureGitignore(folder);
  const write = [...next.keys()].filter((name) => next.get(name) !== current.get(name)).sort();
  const remove = [...current.keys()].filter((name) => !next.has(name)).sort();
  if (write.length === 0 && remove.length === 0) return { written: [], removed: [] };

  const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const staging = `.staging-${token}`;
  await mkdir(path.join(folder, staging));
  await inBatches(write, (name) => writeDurable(path.join(folder, staging, name), next.get(name)!));
  await syncFolder(path.join(folder, staging));
  options.failpoint?.('staged');

  const generation = (await readGeneration(folder)) + 1;
  const journal: Journal = { version: 1, staging, write, remove, generation };
  const temporary = path.join(folder, `.journal.${token}`);
  await writeDurable(temporary, `${JSON.stringify(journal)}\n`);
  if (options.lock && !(await options.lock.stillHeld())) {
    await rm(path.join(folder, staging), { recursive: true, force: true });
    await unlink(temporary);
    throw new Error(`${options.lock.file}: the ledger lock was taken over by another run; nothing was written`);
  }
  await rename(temporary, path.join(folder, JOURNAL));
  await syncFolder(folder);
  options.failpoint?.('committed');

  await applyJournal(folder, journal, options.failpoint);
  return { written: write, removed: remove };
}

/** Move staged files in, then remove deleted entries, then drop the journal. Idempotent. */
async function applyJournal(folder: string, journal: Journal, failpoint?: (step: WriteStep) => void): Promise<void> {
  const half = Math.ceil(journal.write.length / 2);
  for (const [index, name] of journal.write.entries()) {
    try {
      await rename(path.join(folder, journal.staging, name), path.join(folder, name));
    } catch (error) {
      // Already moved by the run that crashed.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (index + 1 === half) failpoint?.('half-applied');
  }
  await syncFolder(folder);
  failpoint?.('applied');
  for (const name of journal.remove) await unlink(path.join(folder, name)).catch(ignoreMissing);
  await syncFolder(folder);
  failpoint?.('removed');
  const temporary = path.join(folder, `.tmp-generation-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeDurable(temporary, `${journal.generation}\n`);
  await rename(temporary, path.join(folder, GENERATION));
  await unlink(path.join(folder, JOURNAL)).catch(ignoreMissing);
  await syncFolder(folder);
  await rm(path.join(folder, journal.staging), { recursive: true, force: true });
}

/** The `.gitignore` that keeps lock, journal and staging files out of commits. */
async function ensureGitignore(folder: string): Promise<void> {
  const file = path.join(folder, '.gitignore');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined) return;
  const temporary = path.join(folder, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeDurable(temporary, GITIGNORE);
  await rename(temporary, file);
}

async function writeDurable(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot fsync a folder; the renames are still atomic.
  }
}

/**
 * The journal and generation, read in that order: equal before and after a
 * read means no update committed or finished meanwhile (undefined: no folder).
 */
async function stamp(folder: string): Promise<string | undefined> {
  try {
    await stat(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const journal = await readFile(path.join(folder, JOURNAL), 'utf8').catch(() => '');
  const generation = await readFile(path.join(folder, GENERATION), 'utf8').catch(() => '');
  return `${journal}\u0000${generation}`;
}

async function readGeneration(folder: string): Promise<number> {
  const text = await readFile(path.join(folder, GENERATION), 'utf8').catch(() => '0');
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) && value >= 0 ? value : 0;
}

async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += IO_BATCH) {
    await Promise.all(items.slice(start, start + IO_BATCH).map(task));
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/') || '.';
}
