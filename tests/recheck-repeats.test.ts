// The comparison `check --update` keeps (keepAfterUpdate): the next check resumes from
// it, and is exactly the full comparison after each added article, also with an article
// that prints a sentence twice and another that repeats it.
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { generateArticle } from '../scripts/generate-corpus.js';
import { crossReference } from '../src/engine/run.js';
import { slimReport } from '../src/engine/incremental.js';
import { compareWithLedger, reviewOf, type CheckReport } from '../src/ledger/compare.js';
import { checkWithLedger, keepAfterUpdate } from '../src/ledger/recheck.js';
import { readLedger } from '../src/ledger/store.js';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

const root = path.join(import.meta.dirname, '..');
let folder: string;

const article = (outlet: string, date: string, paragraphs: readonly string[]) => `---\noutlet: ${outlet}\npublished: ${date}\n---\n\n${paragraphs.join('\n\n')}\n`;
const repeated = 'The Harrowgate ferry will carry 340 passengers a day from 2 May, the harbour board said.';
const write = (name: string, text: string) => writeFileSync(path.join(folder, 'sources', name), text);
const options = () => ({ cwd: folder, ledger: 'claims', cache: '.claimcheck-cache' });
const fullCheck = async (): Promise<CheckReport> => {
  const ledger = await readLedger('claims', { cwd: folder, cache: false });
  const report = slimReport(await crossReference(['sources'], { cwd: folder, review: reviewOf(ledger) }));
  return compareWithLedger(report, ledger).check;
};

beforeEach(async () => {
  folder = tempFolder('claimcheck-recheck-repeats-');
  cpSync(path.join(root, 'sources'), path.join(folder, 'sources'), { recursive: true });
  for (let index = 0; index < 12; index++) {
    const generated = generateArticle(index);
    write(generated.name, generated.text);
  }
  write(
    'harbour-news.md',
    article('Harbour News', '2031-04-20', [
      'The Harrowgate harbour board approved a second ferry route on Monday after a two-hour meeting.',
      repeated,
      'Board member Ilse Varrow said the old jetty would be rebuilt with 1.2 million pounds from the county.',
      'Fishermen objected that the new route crosses the mussel beds near Cobble Point.',
      repeated,
      'Tickets will cost 4 pounds for adults and 2 pounds for children, the board added.',
    ]),
  );
  expect((await runCli(['check', '--update'], { cwd: folder })).code).toBe(0);
  await keepAfterUpdate(['sources'], options());
});

afterAll(removeTempFolders);

describe('the comparison check --update keeps, with repeated sentences', () => {
  it.each([
    ['an unrelated article', () => generateArticle(30), 'resumed'],
    ['another article', () => generateArticle(31), 'resumed'],
    ['an article repeating the repeated sentence', () => ({ name: 'quay-daily.md', text: article('Quay Daily', '2031-04-21', [repeated, 'The board met on Friday.']) }), undefined],
  ])('should be the full comparison after %s', async (_, made, mode) => {
    const first = await checkWithLedger(['sources'], options());
    expect(first.mode).toBe('resumed');
    expect(first.check).toEqual(await fullCheck());
    const added = made();
    write(added.name, added.text);
    const result = await checkWithLedger(['sources'], options());
    if (mode) expect(result.mode).toBe(mode);
    expect(result.check).toEqual(await fullCheck());
  });
});
