// Temporary folders for tests, removed when the test file is done
// (`afterAll(removeTempFolders)`), so runs leave nothing behind in the temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/**
 * A new empty folder under the system's temp folder.
 *
 * @param prefix Start of its name, e.g. `claimcheck-load-`.
 */
export function tempFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}

/** Remove every folder `tempFolder` made in this test file. */
export function removeTempFolders(): void {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}
