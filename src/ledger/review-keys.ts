// review-keys: a ledger's entries → an error for each key in a review pair
// (`separate`, `updates`) that names no mention of the ledger, at its line in the
// entry file: a mistyped key would otherwise be a decision that silently does
// nothing. Pure: the file texts come from the caller.

import type { Diagnostic } from '../types.js';
import type { LedgerEntry } from './entry.js';

/**
 * Errors (`review-key`) for review pairs whose keys match no mention: neither of
 * their entry nor of any other entry of the ledger (a separated mention lives in
 * another entry).
 *
 * @param entries Every entry of the ledger, gone ones included.
 * @param fileOf The entry's file as shown (`claims/<id>.yml`).
 * @param textOf The text of an entry's file, to find the key's line (undefined: line 1).
 */
export function reviewKeyDiagnostics(
  entries: readonly LedgerEntry[],
  fileOf: (entry: LedgerEntry) => string,
  textOf: (entry: LedgerEntry) => string | undefined,
): Diagnostic[] {
  const known = new Set<string>();
  for (const entry of entries) for (const mention of entry.mentions) known.add(mention.key);
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    const review = entry.review;
    if (!review) continue;
    let text: string | undefined;
    for (const field of ['separate', 'updates'] as const) {
      for (const pair of review[field] ?? []) {
        for (const key of pair) {
          if (known.has(key)) continue;
          text ??= textOf(entry) ?? '';
          diagnostics.push({
            file: fileOf(entry),
            place: placeOfKey(text, key),
            message: `review \`${field}\` names \`${key}\`, which is no mention of this ledger (use a mention's key: from its \`mentions:\`)`,
            ruleId: 'review-key',
            severity: 'error',
          });
        }
      }
    }
  }
  return diagnostics;
}

/** Line and column of `key` in the file's review block (else the block, else 1:1). */
function placeOfKey(text: string, key: string): { line: number; column: number } {
  const review = Math.max(0, text.search(/^review:/m));
  let at = text.indexOf(key, review);
  if (at === -1) at = review;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}
