// Where --out may write, and how: takes the --out path and the run's inputs;
// refuses an input (by real path, as gcc and cat do), writes a regular or new
// file atomically and a FIFO, device or symlink through (as the shell's `>` does),
// and removes temporary files a killed run left beside the target.

import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs.js';

/** A temporary file of `writeFileAtomic` older than this is stale even if its pid is alive (pids are reused). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * The real path of `file`, or of its folder joined with its name when it does not exist yet.
 *
 * @param file Absolute path.
 */
async function realPathOf(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    try {
      return path.join(await realpath(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}

/**
 * The input `target` is, if any: compared by real path (symlinks and `..` resolved).
 *
 * @param target Absolute path of the --out file.
 * @param inputs Absolute paths of the files the run reads.
 * @returns The input it is, or undefined.
 */
export async function inputAt(target: string, inputs: Iterable<string>): Promise<string | undefined> {
  const real = await realPathOf(target);
  for (const input of inputs) if ((await realPathOf(input)) === real) return input;
  return undefined;
}

/**
 * Write `content` to `target` the way the shell's `>` would, but atomically where
 * it can: a new or regular file gets a temporary file renamed into place; a
 * symlink is followed (its regular target replaced atomically, the link kept);
 * a FIFO, a character device or a socket is opened and written through.
 *
 * @param target Absolute path.
 * @param content Text, whole or in pieces.
 */
export async function writeOutFile(target: string, content: string | Iterable<string>): Promise<void> {
  const link = await lstat(target).catch(() => undefined);
  let file = target;
  let info: Stats | undefined = link;
  if (link?.isSymbolicLink()) {
    info = await stat(target).catch(() => undefined);
    if (info) file = await realpath(target);
  }
  if (info?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (info && !info.isFile()) return writeThrough(target, content);
  if (!info && link) return writeThrough(target, content); // a dangling symlink: `>` creates what it points to
  await mkdir(path.dirname(file), { recursive: true });
  await removeStaleTemps(file);
  await writeFileAtomic(file, content);
}

async function writeThrough(target: string, content: string | Iterable<string>): Promise<void> {
  const handle = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o644);
  try {
    for (const chunk of typeof content === 'string' ? [content] : content) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

/**
 * Remove the temporary files `writeFileAtomic` left beside `target` when a run
 * was killed: `.<name>.<pid>.<hex>.tmp` whose process is gone or that are over
 * an hour old. Never throws.
 *
 * @param target Absolute path of the file being written.
 * @param now Current time in ms (for tests).
 */
export async function removeStaleTemps(target: string, now = Date.now()): Promise<string[]> {
  const folder = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const removed: string[] = [];
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const file = path.join(folder, name);
    const info = await lstat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (processAlive(Number(match[1])) && now - info.mtimeMs < STALE_TEMP_MS) continue;
    await rm(file, { force: true }).then(
      () => removed.push(file),
      () => undefined,
    );
  }
  return removed;
}

/** Whether a process with this id exists (EPERM: it does, but belongs to someone else). */
function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Why a file could not be written, in words, from its error code.
 *
 * @param error A file-system error.
 */
export function writeFailure(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a folder in the path is a file';
    case 'EEXIST':
      return (error as NodeJS.ErrnoException).syscall === 'mkdir' ? 'a folder in the path is a file' : 'already exists';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOENT':
      return 'no such folder';
    default:
      return (error as Error).message;
  }
}

/** Error codes that mean "this path cannot be written here", not a bug. */
export const WRITE_ERROR_CODES: ReadonlySet<string> = new Set(['EROFS', 'ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EMLINK', 'EFBIG', 'EIO', 'ENAMETOOLONG', 'ELOOP']);
