// The ledger's writer lock: a folder → an exclusive lock file `<folder>/.lock`
// created with `open(path, 'wx')` (atomic create-if-absent) holding
// `{pid, host, token, started}`. A lock whose process is gone (same host, pid not
// alive or a zombie) is stale and is broken under a second `wx` file
// `.lock.break`, so two waiters never both remove it and one never removes a lock
// that another has just taken.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What a lock file holds. */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  /** Random per acquisition, so a lock is released only by the run that took it. */
  readonly token: string;
  /** ISO time the lock was taken (for the "locked since" message only). */
  readonly started: string;
}

/** A held lock. */
export interface HeldLock {
  readonly file: string;
  readonly info: LockInfo;
  /** Whether the lock file still holds this lock's token. */
  readonly stillHeld: () => Promise<boolean>;
  /** Remove the lock file if it is still ours. */
  readonly release: () => Promise<void>;
}

/** Options of `acquireLock`. */
export interface LockOptions {
  /** How long to wait for another run's lock, in ms (default: 60000). */
  readonly timeoutMs?: number;
  /** Poll interval, in ms (default: 50). */
  readonly pollMs?: number;
}

/** Thrown when the lock stays taken longer than the timeout. */
export class LockTimeoutError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockInfo | undefined,
  ) {
    super(
      holder
        ? `${file}: the ledger is locked by another \`check --update\` (pid ${holder.pid} on ${holder.host}, since ${holder.started}); wait for it to finish, or remove the file if no update is running`
        : `${file}: the ledger is locked by another \`check --update\`; wait for it to finish, or remove the file if no update is running`,
    );
    this.name = 'LockTimeoutError';
  }
}

/** Tokens of locks held by this process (a lock with our pid but another token is stale). */
const heldTokens = new Set<string>();

/** An empty or unreadable lock file older than this is a writer killed between create and write. */
const TORN_LOCK_MS = 5000;

/**
 * Take the ledger folder's lock, waiting while another live run holds it and
 * breaking it when its holder is dead.
 *
 * @param folder Absolute path of the ledger folder (must exist).
 * @param options Timeout and poll interval (optional).
 */
export async function acquireLock(folder: string, options: LockOptions = {}): Promise<HeldLock> {
  const file = path.join(folder, '.lock');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pollMs = options.pollMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  const info: LockInfo = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex'), started: new Date().toISOString() };
  for (;;) {
    // Known as ours before the file exists, so no waiter in this process judges it stale.
    heldTokens.add(info.token);
    if (await createExclusive(file, `${JSON.stringify(info)}\n`)) return held(file, info);
    heldTokens.delete(info.token);
    const current = await readLock(file);
    if (current !== undefined && (await isStale(file, current.info))) {
      if (!(await breakStale(folder, file, current.raw))) await sleep(pollMs);
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeoutError(file, current?.info);
    await sleep(pollMs + Math.floor(Math.random() * pollMs));
  }
}

function held(file: string, info: LockInfo): HeldLock {
  const stillHeld = async () => (await readLock(file))?.info?.token === info.token;
  return {
    file,
    info,
    stillHeld,
    release: async () => {
      heldTokens.delete(info.token);
      if (await stillHeld()) await unlink(file).catch(ignoreMissing);
    },
  };
}

/** Create `file` with `text` only if it does not exist; false if it does. */
async function createExclusive(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

async function readLock(file: string): Promise<{ raw: string; info: LockInfo | undefined } | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') {
      return { raw, info: { pid: parsed.pid, host: parsed.host, token: parsed.token, started: String(parsed.started ?? '') } };
    }
  } catch {
    // An empty or half-written lock file: judged by its age below.
  }
  return { raw, info: undefined };
}

/** Whether the holder of a lock is certainly gone. Locks of other hosts are never judged stale. */
async function isStale(file: string, info: LockInfo | undefined): Promise<boolean> {
  if (info === undefined) {
    const age = await stat(file).then(
      (stats) => Date.now() - stats.mtimeMs,
      () => 0,
    );
    return age > TORN_LOCK_MS;
  }
  if (info.host !== os.hostname()) return false;
  if (info.pid === process.pid) return !heldTokens.has(info.token);
  return !isAlive(info.pid);
}

/**
 * Whether a process is running: `kill(pid, 0)` succeeds (EPERM means it exists
 * under another user) and, on Linux, it is not a zombie waiting to be reaped.
 *
 * @param pid Process id.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/**
 * Remove a stale lock, but only while holding `.lock.break` and only if the lock
 * file still holds exactly the stale content seen: a waiter that lost the race
 * finds either no lock or a fresh one, and leaves it alone.
 */
async function breakStale(folder: string, file: string, staleRaw: string): Promise<boolean> {
  const breaker = path.join(folder, '.lock.break');
  const me = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex'), started: new Date().toISOString() };
  if (!(await createExclusive(breaker, `${JSON.stringify(me)}\n`))) {
    // Another waiter is breaking it; if that waiter died mid-way, clear its breaker.
    const other = await readLock(breaker);
    if (other !== undefined && (await isStale(breaker, other.info))) {
      const again = await readLock(breaker);
      if (again?.raw === other.raw) await unlink(breaker).catch(ignoreMissing);
    }
    return false;
  }
  try {
    const current = await readLock(file);
    if (current?.raw === staleRaw) await unlink(file).catch(ignoreMissing);
  } finally {
    await unlink(breaker).catch(ignoreMissing);
  }
  return true;
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
