// The process's stdout as the commands write to it: takes process.stdout,
// returns a writer where a reader that stops early (EPIPE: `| head`) ends the
// output quietly, and a closed stdout (`>&-`) is an error instead of lost output.

import { fstatSync, readFileSync, statSync } from 'node:fs';
import { EXIT, UserError } from '../errors.js';
import type { Io } from './context.js';

/**
 * Whether file descriptor `fd` was closed when the process started: Node then
 * reopens it on /dev/null read-write (a shell's `>/dev/null` opens it
 * write-only). Linux only (reads /proc/self/fdinfo); false elsewhere. A parent
 * that spawns claimcheck with libuv's `stdio: 'ignore'` looks the same.
 *
 * @param fd File descriptor, 1 for stdout.
 */
export function wasClosedAtStart(fd: number): boolean {
  try {
    const opened = fstatSync(fd);
    const devNull = statSync('/dev/null');
    if (!opened.isCharacterDevice() || opened.rdev !== devNull.rdev) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return flags !== null && (parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false;
  }
}

/** What `guardStdout` needs of a stream. */
export interface WritableLike {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Stdout for the commands: after EPIPE every write is dropped and a writer
 * waiting for 'drain' is released (so `export | head -c 100` ends with exit 0);
 * when stdout was closed, the first write throws a usage error; any other write
 * error (a full disk: `> /dev/full`) is reported once to `onFailure`, and the
 * rest of the output is dropped.
 *
 * @param stream process.stdout.
 * @param closed Whether stdout was closed at start (`wasClosedAtStart(1)`).
 * @param onFailure Called once with a write error other than EPIPE.
 */
export function guardStdout(stream: WritableLike, closed: boolean, onFailure: (error: NodeJS.ErrnoException) => void): Io['stdout'] {
  let broken = false;
  const waiting = new Set<() => void>();
  stream.on('error', (error) => {
    if (!broken && error.code !== 'EPIPE') onFailure(error);
    broken = true;
    for (const release of [...waiting]) release();
  });
  return {
    write(chunk: string) {
      if (closed) throw new UserError('claimcheck: stdout is closed: the output was not written (redirect it to a file, or use --out)', EXIT.usage);
      if (broken) return true;
      return stream.write(chunk);
    },
    once(_event: 'drain', listener: () => void) {
      if (broken) {
        queueMicrotask(listener);
        return;
      }
      const release = () => {
        if (!waiting.delete(release)) return;
        listener();
      };
      waiting.add(release);
      stream.once('drain', release);
    },
  };
}
