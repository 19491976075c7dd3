// outlet: an outlet's name as written → the key two spellings of one outlet share
// (`Reuters`, `reuters`, `Reuters\u200b`, `Reuters\u00a0Wire` …), so that an outlet
// never corroborates itself; and sources → warnings where files spell one outlet
// differently. Pure.

import type { Diagnostic, Source } from '../types.js';

/**
 * The key of an outlet's name: NFKC, format characters (`\p{Cf}`: zero-width and
 * bidi controls) removed, whitespace collapsed and trimmed, case folded. Names
 * with one key are one outlet.
 *
 * @param name The name as written.
 */
export function outletKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\p{Cf}+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC');
}

/**
 * A warning (`outlet-spelling`) for each source that spells its outlet unlike the
 * first source of that outlet by path, at its `outlet:` line.
 *
 * @param sources Loaded sources.
 */
export function outletSpellingWarnings(sources: readonly Source[]): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const first = new Map<string, Source>();
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const key = outletKey(source.meta.outlet);
    const known = first.get(key);
    if (!known) first.set(key, source);
    else if (known.meta.outlet !== source.meta.outlet) {
      warnings.push({
        file: source.path,
        place: { line: outletLine(source.text), column: 1 },
        message: `outlet ${JSON.stringify(source.meta.outlet)} is spelled unlike ${JSON.stringify(known.meta.outlet)} in ${known.path}: counted as one outlet`,
        ruleId: 'outlet-spelling',
        severity: 'warning',
      });
    }
  }
  return warnings;
}

/** The line of the `outlet:` field in a source's front matter (1 if not found). */
function outletLine(text: string): number {
  const match = /^outlet\s*:/m.exec(text.slice(0, 65_536));
  if (!match) return 1;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
