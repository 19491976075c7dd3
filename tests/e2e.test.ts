// End-to-end cases: every folder tests/fixtures/<case>/ that holds an
// `expected.json` or `expected.txt` is a case. Its *.md articles go through
// `crossReference` and the JSON and text reporters, and the output must equal
// the expected files. Paths are relative to the case folder; anything absolute
// that leaks (the case folder, the repository) is written as `<root>`.
//
// Add a case: a new folder with two or more short invented articles and empty
// `expected.json` and `expected.txt`, then `npx vitest run tests/e2e.test.ts -u`
// and review the written files (and say what the case is for in INTENT below).
// Regenerate the expected files only on purpose, the same way.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossReference } from '../src/engine/run.js';
import { joinChunks } from '../src/render/chunks.js';
import { renderJson } from '../src/render/json.js';
import { renderText } from '../src/render/text.js';
import type { ConflictKind, Report } from '../src/types.js';

const root = path.join(import.meta.dirname, '..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const EXPECTED = ['expected.json', 'expected.txt'] as const;

/** The case folders, by name. */
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && EXPECTED.some((file) => existsSync(path.join(fixtures, entry.name, file))))
  .map((entry) => entry.name)
  .sort();

/** Output with the machine's folders replaced by `<root>`. */
function normalise(text: string, folder: string): string {
  let result = text;
  for (const absolute of [folder, root]) {
    for (const form of new Set([absolute, absolute.split(path.sep).join('/'), JSON.stringify(absolute).slice(1, -1)])) {
      result = result.split(form).join('<root>');
    }
  }
  return result;
}

async function runCase(name: string): Promise<Report> {
  const folder = path.join(fixtures, name);
  return crossReference([folder], { cwd: folder, cache: false });
}

/** What each case is for, as the author of its articles meant it (not read from the output). */
const INTENT: Record<string, { verdict: 'corroborated' | 'disputed'; conflict?: ConflictKind; unique: number; says: string }> = {
  'corroborated-figure': { verdict: 'corroborated', unique: 2, says: '1,200 passengers' },
  'disputed-figure': { verdict: 'disputed', conflict: 'quantity', unique: 2, says: 'schools' },
  'date-dispute': { verdict: 'disputed', conflict: 'date', unique: 0, says: 'east wing' },
  'unique-claim': { verdict: 'corroborated', unique: 2, says: 'cycle lane' },
};

describe('end-to-end cases (tests/fixtures/<case>/)', () => {
  it('should find every case this file says what it is for', () => {
    expect(cases).toEqual(expect.arrayContaining(Object.keys(INTENT)));
  });

  describe.each(cases)('%s', (name) => {
    const folder = path.join(fixtures, name);
    let report: Promise<Report> | undefined;
    const result = () => (report ??= runCase(name));

    it('should have at least two articles', () => {
      expect(readdirSync(folder).filter((file) => file.endsWith('.md')).length).toBeGreaterThanOrEqual(2);
    });

    it('should give the expected JSON export', async () => {
      await expect(normalise(joinChunks(renderJson(await result(), '0.0.0')), folder)).toMatchFileSnapshot(path.join(folder, 'expected.json'));
    });

    it('should give the expected text report', async () => {
      const text = renderText(await result(), { color: false, width: 100, showPossible: true });
      await expect(normalise(text, folder)).toMatchFileSnapshot(path.join(folder, 'expected.txt'));
    });

    it.runIf(name in INTENT)('should give the verdict the case is written for', async () => {
      const intent = INTENT[name]!;
      const { claims, diagnostics } = await result();
      expect(diagnostics).toEqual([]);
      const shared = claims.filter((finding) => finding.verdict !== 'unique');
      expect(shared).toHaveLength(1);
      expect(shared[0]!.verdict).toBe(intent.verdict);
      expect(shared[0]!.outlets).toHaveLength(2);
      expect(shared[0]!.mentions.every((mention) => mention.text.includes(intent.says))).toBe(true);
      expect(shared[0]!.conflicts.map((conflict) => conflict.kind)).toEqual(intent.conflict ? [intent.conflict] : []);
      expect(claims.filter((finding) => finding.verdict === 'unique')).toHaveLength(intent.unique);
    });
  });
});
