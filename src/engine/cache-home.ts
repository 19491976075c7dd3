// cache-home: the environment (XDG_CACHE_HOME, the home folder) → the folder the
// cache lives in by default: the user's cache folder, never the working tree, so
// that a cache committed to a repository (a pull request's `.claimcheck-cache/`)
// is never read.

import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The default cache folder: `$XDG_CACHE_HOME/claimcheck` when that variable is an
 * absolute path (the XDG spec ignores a relative one), else `~/.cache/claimcheck`.
 * Entry keys carry absolute paths and content hashes, so projects can share it.
 *
 * @param env Environment variables (default: `process.env`).
 * @param home The user's home folder (default: `os.homedir()`).
 */
export function userCacheFolder(env: Readonly<Record<string, string | undefined>> = process.env, home: string = safeHome()): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
  return path.join(base, 'claimcheck');
}

function safeHome(): string {
  try {
    return homedir();
  } catch {
    return path.join(process.cwd(), 'node_modules', '.cache');
  }
}

/** How help texts name the default cache folder. */
export const CACHE_HELP = '~/.cache/claimcheck/ ($XDG_CACHE_HOME/claimcheck/)';
