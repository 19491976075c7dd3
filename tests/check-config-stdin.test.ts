// `check` applies the configuration's matching thresholds as `report` and
// `export` do (issue 17, item 10), and reads one more source from stdin with `-`
// (item 11), which `--update` refuses: the ledger records sources by file.
// Invented articles in a temporary folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const article = (outlet: string, date: string, body: string) => `---\noutlet: ${outlet}\npublished: ${date}\n---\n\n${body}\n`;

/** Two outlets stating one claim, recorded in claims/ with the default thresholds. */
async function recorded(): Promise<string> {
  const root = tempFolder('claimcheck-check-config-');
  mkdirSync(path.join(root, 'sources'));
  writeFileSync(path.join(root, 'sources', 'lakeside.md'), article('Lakeside News', '2024-03-04', 'The county library lent 4,200 books in February, the librarian said.'));
  writeFileSync(path.join(root, 'sources', 'hilltop.md'), article('Hilltop Weekly', '2024-03-05', 'In February the county library lent out 4,200 books, its librarian said.'));
  expect((await runCli(['check', '--update', '--no-cache'], { cwd: root })).code).toBe(0);
  return root;
}

describe("check and the configuration's match thresholds", () => {
  it.each([[[]], [['--no-cache']]])('should compare with the thresholds the configuration sets (%j)', async (flags) => {
    const root = await recorded();
    expect((await runCli(['check', ...flags], { cwd: root })).code).toBe(0);
    // No term may block (each is in both claims): the two sentences are no longer compared.
    writeFileSync(path.join(root, 'claimcheck.config.json'), '{"match": {"maxTermClaims": 1, "copyShare": 1}}');
    const report = await runCli(['report', '--no-cache'], { cwd: root });
    expect(report.stdout).toContain('0 corroborated, 2 unique');
    const check = await runCli(['check', ...flags], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('corroborated → unique');
  });
});

describe('check with a source on stdin', () => {
  it.each([
    ['a third outlet joining the claim', 'Valley Post', 'The county library lent 4,200 books in February, said the librarian.', /^<stdin>:6:1: corroborated: still corroborated .*1 new mention \(Valley Post\)/m],
    ['a new claim', 'Valley Post', 'The swimming pool closes for repairs on 3 June, the council said.', /^<stdin>:6:1: unique: new claim/m],
  ])('should compare %s with the ledger', async (_name, outlet, body, line) => {
    const root = await recorded();
    const result = await runCli(['check', '-', 'sources', '--no-cache'], { cwd: root, stdin: article(outlet, '2024-03-06', body) });
    expect(result.stdout).toMatch(line);
    expect(result.stdout).not.toContain('gone');
    expect(result.code).toBe(1);
  });

  it.each([[['--no-cache']], [[]]])('should keep the file on disk when stdin holds the same article (%j)', async (flags) => {
    const root = await recorded();
    const onDisk = article('Lakeside News', '2024-03-04', 'The county library lent 4,200 books in February, the librarian said.');
    const result = await runCli(['check', '-', 'sources', ...flags], { cwd: root, stdin: onDisk });
    expect(result.stdout).not.toContain('gone');
    expect(result.stdout).not.toMatch(/^sources\/lakeside\.md:.*duplicate/m);
    expect(result.stdout).toMatch(/^<stdin>:1:1: error: duplicate of sources\/lakeside\.md/m);
  });

  it('should refuse --update with -', async () => {
    const root = await recorded();
    const result = await runCli(['check', '-', 'sources', '--update'], { cwd: root, stdin: article('Valley Post', '2024-03-06', 'A new claim.') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot record a source read from stdin');
  });
});
