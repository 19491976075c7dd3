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

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { parseEntry, type LedgerEntry } from './entry.js';
import { acquireLock, type HeldLock, type LockOptions } from './lock.js';

/** The ledger as read. */
export interface Ledger {
  /** The folder as shown in messages, relative to the working folder (e.g. `claims`). */
  readonly folder: string;
  /** Entries that parsed, sorted by id. */
  readonly entries: readonly LedgerEntry[];
  /** Text of every entry file by file name, as read (unchanged files are not rewritten). */
  readonly files: ReadonlyMap<string, string>;
  /** Problems with ledger files, as `claims/x.yml:line:column`. */
  readonly diagnostics: readonly Diagnostic[];
  /** An interrupted `--update` committed but did not finish; what was read is its new state. */
  readonly pending: boolean;
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

/**
 * Read the ledger under `folder`. A missing folder is an empty ledger. Never
 * throws on bad files: they come back as diagnostics. Reads again when the
 * folder changed while it was read, so a concurrent update is never seen half done.
 *
 * @param folder Ledger folder (default: `claims`).
 * @param options.cwd Folder that `folder` resolves against (default: `process.cwd()`).
 */
export async function readLedger(folder = 'claims', options: { cwd?: string } = {}): Promise<Ledger> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, folder);
  const display = displayPath(cwd, absolute);
  let last: Ledger | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await stamp(absolute);
    if (before === undefined) return { folder: display, entries: [], files: new Map(), diagnostics: [], pending: false };
    last = await readState(absolute, display);
    if ((await stamp(absolute)) === before) return last;
  }
  // Still changing: wait for the writer and read under its lock.
  try {
    const lock = await acquireLock(absolute, { timeoutMs: 10_000 });
    try {
      return await readState(absolute, display);
    } finally {
      await lock.release();
    }
  } catch {
    return last!;
  }
}

async function readState(absolute: string, display: string): Promise<Ledger> {
  const diagnostics: Diagnostic[] = [];
  const names = new Set((await readdir(absolute)).filter((name) => ENTRY_FILE.test(name)));
  const journal = await readJournal(absolute, display, diagnostics);
  const staged = new Set<string>();
  if (journal) {
    diagnostics.push({
      file: `${display}/${JOURNAL}`,
      line: 1,
      column: 1,
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
  const sorted = [...names].sort();
  const files = new Map<string, string>();
  const entries: LedgerEntry[] = [];
  await inBatches(sorted, async (name) => {
    let text: string | undefined;
    if (journal && staged.has(name)) text = await readFile(path.join(absolute, journal.staging, name), 'utf8').catch(() => undefined);
    text ??= await readFile(path.join(absolute, name), 'utf8').catch(() => undefined);
    if (text !== undefined) files.set(name, text);
  });
  for (const name of sorted) {
    const text = files.get(name);
    if (text === undefined) continue;
    const parsed = parseEntry(`${display}/${name}`, text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.entry) entries.push(parsed.entry);
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { folder: display, entries, files, diagnostics, pending: journal !== undefined };
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
      line: 1,
      column: 1,
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
