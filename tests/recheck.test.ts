// A comparison with the ledger resumed from the cache must be exactly the full
// comparison: record a ledger, then add articles (agreeing, disputing, with
// reviewer decisions and gone entries in the ledger) and compare
// `checkWithLedger` with a full, uncached run each time; and check that it is
// resumed only when the ledger and the known sources are unchanged.
import { appendFileSync, copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { generateArticle } from '../scripts/generate-corpus.js';
import { crossReference } from '../src/engine/run.js';
import { slimReport } from '../src/engine/incremental.js';
import { compareWithLedger, reviewOf, type CheckReport } from '../src/ledger/compare.js';
import { parseEntryDocument } from '../src/ledger/entry.js';
import { checkWithLedger } from '../src/ledger/recheck.js';
import { ledgerSignature, readLedger } from '../src/ledger/store.js';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

const root = path.join(import.meta.dirname, '..');
let folder: string;

const addGenerated = (index: number) => {
  const article = generateArticle(index);
  writeFileSync(path.join(folder, 'sources', article.name), article.text);
  return article.name;
};
/** Past the settle window of the ledger's files (50 ms on filesystems with fine timestamps). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 120));
const resumable = () => checkWithLedger(['sources'], { cwd: folder, ledger: 'claims', cache: '.claimcheck-cache' });
/** The comparison `check --no-cache` makes. */
const fullCheck = async (): Promise<CheckReport> => {
  const ledger = await readLedger('claims', { cwd: folder, cache: false });
  const report = slimReport(await crossReference(['sources'], { cwd: folder, review: reviewOf(ledger) }));
  return compareWithLedger(report, ledger).check;
};
const record = async () => {
  expect((await runCli(['check', '--update'], { cwd: folder })).code).toBe(0);
  await settle();
};
const entryFiles = () => readdirSync(path.join(folder, 'claims')).filter((name) => name.endsWith('.yml'));

beforeEach(async () => {
  folder = tempFolder('claimcheck-recheck-');
  cpSync(path.join(root, 'sources'), path.join(folder, 'sources'), { recursive: true });
  for (let index = 0; index < 40; index++) addGenerated(index);
  await record();
});

afterAll(removeTempFolders);

describe('a resumed comparison with the ledger', () => {
  it('should be the full comparison after each added article', async () => {
    const first = await resumable();
    expect(first.mode).toBe('full');
    expect(first.check).toEqual(await fullCheck());
    for (const index of [40, 41, 42, 43, 44]) {
      addGenerated(index);
      const result = await resumable();
      expect(result.mode).toBe('resumed');
      expect(result.check).toEqual(await fullCheck());
      expect(result.check.changes.length).toBeGreaterThan(0);
    }
  });

  it('should be the full comparison when an article disputes a recorded claim', async () => {
    await resumable();
    copyFileSync(path.join(root, 'tests/fixtures/synthetic/two-meetings.md'), path.join(folder, 'sources', 'two-meetings.md'));
    const result = await resumable();
    expect(result.mode).toBe('resumed');
    const full = await fullCheck();
    expect(result.check).toEqual(full);
    expect(full.changes.some((change) => change.kind === 'verdict' && change.verdict === 'disputed')).toBe(true);
  });

  it('should keep the gone entries and reviewer decisions of the ledger', async () => {
    // A source removed after recording: its unreviewed claims are gone.
    const removed = readdirSync(path.join(folder, 'sources')).find((name) => name.startsWith('a00003'))!;
    rmSync(path.join(folder, 'sources', removed));
    // Reviewer decisions: an update and a separate pair in two entries.
    const multi = entryFiles()
      .map((name) => ({ name, entry: parseEntryDocument(`claims/${name}`, readFileSync(path.join(folder, 'claims', name), 'utf8')).entry! }))
      .filter(({ entry }) => entry.mentions.length >= 2)
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(multi.length).toBeGreaterThanOrEqual(2);
    const [a, b] = multi;
    appendFileSync(path.join(folder, 'claims', a!.name), `review:\n  separate:\n    - [${a!.entry.mentions[0]!.key}, ${a!.entry.mentions[1]!.key}]\n`);
    appendFileSync(path.join(folder, 'claims', b!.name), `review:\n  updates:\n    - [${b!.entry.mentions[0]!.key}, ${b!.entry.mentions[1]!.key}]\n  note: "checked"\n`);
    await settle();
    const first = await resumable();
    expect(first.mode).toBe('full');
    expect(first.check.changes.some((change) => change.kind === 'gone')).toBe(true);
    expect(first.check).toEqual(await fullCheck());
    for (const index of [45, 46, 47]) {
      addGenerated(index);
      const result = await resumable();
      expect(result.mode).toBe('resumed');
      expect(result.check).toEqual(await fullCheck());
    }
  });

  it('should compare in full when the ledger or a known source changed', async () => {
    await resumable();
    // A ledger file edited: its signature changes.
    const [name] = entryFiles();
    appendFileSync(path.join(folder, 'claims', name!), '# a reviewer was here\n');
    await settle();
    addGenerated(48);
    const edited = await resumable();
    expect(edited.mode).toBe('full');
    expect(edited.check).toEqual(await fullCheck());
    // A known source edited: the corpus run is a full one.
    const source = path.join(folder, 'sources', readdirSync(path.join(folder, 'sources')).find((file) => file.startsWith('a00007'))!);
    writeFileSync(source, `${readFileSync(source, 'utf8')}\nThe council said 12 members voted against the plan on Tuesday.\n`);
    addGenerated(49);
    const changed = await resumable();
    expect(changed.mode).toBe('full');
    expect(changed.check).toEqual(await fullCheck());
    // Nothing changed since: resumed, with no new findings to compare.
    const again = await resumable();
    expect(again.mode).toBe('resumed');
    expect(again.check).toEqual(changed.check);
  });

  it('should compare in full when the kept comparison is damaged', async () => {
    await resumable();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    const kept = walk(path.join(folder, '.claimcheck-cache')).filter((file) => file.includes(`${path.sep}comparison${path.sep}`));
    expect(kept.length).toBeGreaterThan(0);
    for (const file of kept) writeFileSync(file, readFileSync(file, 'latin1').replace('"unchanged":', '"unchanged":-'));
    addGenerated(50);
    const result = await resumable();
    expect(result.mode).toBe('full');
    expect(result.check).toEqual(await fullCheck());
  });

  it('should give no signature while a ledger file has just changed, nor when an update is pending', async () => {
    expect(await ledgerSignature('claims', { cwd: folder })).toMatch(/^[0-9a-f]{32}$/);
    const [name] = entryFiles();
    appendFileSync(path.join(folder, 'claims', name!), '# just now\n');
    // Changed within the window (a wide one, so a slow machine cannot pass it meanwhile).
    expect(await ledgerSignature('claims', { cwd: folder, settleMs: 60_000 })).toBeUndefined();
    await settle();
    const settled = await ledgerSignature('claims', { cwd: folder });
    expect(settled).toBeDefined();
    expect((await readLedger('claims', { cwd: folder, cache: false })).signature).toBe(settled);
    writeFileSync(path.join(folder, 'claims', '.journal'), '{}');
    expect(await ledgerSignature('claims', { cwd: folder })).toBeUndefined();
  });
});
