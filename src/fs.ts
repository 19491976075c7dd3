// Atomic file writes shared by every command that writes (add, --out, the
// ledger, the cache): write a temporary file in the target's folder, flush it to
// disk, then rename it into place (or hard-link it, to refuse overwriting), so a
// reader or a crash only ever sees the old file or the new one, never a torn one.

import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { link, lstat, open, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/** Thrown when `overwrite: false` and the target exists. */
export class TargetExistsError extends Error {
  constructor(readonly target: string) {
    super(`${target}: already exists`);
    this.name = 'TargetExistsError';
  }
}

/**
 * Write `content` to `target` atomically.
 *
 * @param target File to write; its folder must exist.
 * @param content Text (UTF-8), bytes, or text in pieces (written one by one, never joined).
 * @param options `overwrite`: replace an existing file (default: true); `mode` (default: 0o644).
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array | Iterable<string>,
  options: { overwrite?: boolean; mode?: number } = {},
): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      else for (const chunk of content) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite === false) await linkWithoutOverwrite(temp, target);
    else await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Put `temp` at `target` unless something is already there (link fails with EEXIST: no race). */
async function linkWithoutOverwrite(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
    await unlink(temp);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TargetExistsError(target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
  }
  // File systems without hard links: check again, then rename.
  if (await lstat(target).catch(() => undefined)) throw new TargetExistsError(target);
  await rename(temp, target);
}

let cacheWrites = 0;

/**
 * Write a cache file atomically and synchronously, without flushing it to disk
 * (a cache file lost in a crash is rebuilt; one torn is never read as valid):
 * a temporary file beside `target`, renamed into place. Never throws.
 *
 * @param target File to write.
 * @param text Its content.
 * @returns Whether it was written (false: read-only folder, full disk, …).
 */
export function writeCacheFileSync(target: string, text: string): boolean {
  const temp = `${target}.${process.pid}-${threadId}-${cacheWrites++}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
    return true;
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
    return false;
  }
}
