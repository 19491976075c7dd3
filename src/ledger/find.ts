// Which ledger belongs to some sources: their paths → the nearest `claims/`
// folder beside or above them (stopping at a repository root), or none.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Name of the ledger folder looked for beside or above the sources. */
export const LEDGER_FOLDER_NAME = 'claims';

/**
 * The folder the sources have in common: the deepest folder holding every path
 * (a file counts as its folder).
 *
 * @param paths Source files or folders, absolute.
 */
export function commonFolder(paths: readonly string[]): string | undefined {
  const folders = paths.map((given) => (isFolder(given) ? given : path.dirname(given)));
  if (folders.length === 0) return undefined;
  let common = folders[0]!.split(path.sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(path.sep);
    let k = 0;
    while (k < common.length && k < parts.length && common[k] === parts[k]) k++;
    common = common.slice(0, k);
  }
  return common.join(path.sep) || path.sep;
}

/**
 * The nearest ledger folder of sources: `claims/` in the sources' common folder
 * or in a folder above it, up to the first folder that is a repository root
 * (has `.git`) or the file-system root; undefined when there is none.
 *
 * @param paths Source files or folders, absolute.
 */
export function findLedgerFor(paths: readonly string[]): string | undefined {
  let folder = commonFolder(paths);
  while (folder !== undefined) {
    const candidate = path.join(folder, LEDGER_FOLDER_NAME);
    // The sources' own folder named claims/ is not its ledger (a ledger holds YAML, not sources).
    if (!paths.includes(candidate) && isFolder(candidate)) return candidate;
    if (existsSync(path.join(folder, '.git'))) return undefined;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
  return undefined;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
