// A report without a state makes each finding once, with its links and its story
// (`finishedFindings`); a report with a state still judges, links and sets stories
// in three steps (`linkedFindings`, `withStories`). The two must give the same
// findings, key for key and in the same key order (the JSON export is their text).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, reportAndState } from '../src/core/report.js';
import { readSourceFiles } from '../src/engine/files.js';
import { analyzeRead } from '../src/engine/run.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

/** The project's sample articles (sources/): many possibly related claims. */
const SAMPLE = path.resolve(import.meta.dirname, '../sources');

type Article = readonly [file: string, outlet: string, body: string];

const FERRY: readonly Article[] = [
  ['ferry-a.md', 'Bay Courier', 'The harbour board approved a new ferry terminal for Kestrel Bay on Tuesday. The terminal will cost 40 million dollars.'],
  ['ferry-b.md', 'Coast Herald', 'A new ferry terminal for Kestrel Bay was approved by the harbour board on Tuesday. The terminal will cost 45 million dollars.'],
  ['ferry-c.md', 'Island Post', 'The harbour board approved a new ferry terminal for Kestrel Bay on Tuesday. Work on the terminal starts in the spring.'],
];
const OAKS: readonly Article[] = [
  ['oaks-a.md', 'River Weekly', 'Volunteers planted four hundred oak saplings along the Mill River path on Saturday. The council paid for the saplings.'],
  ['oaks-b.md', 'Valley News', 'Four hundred oak saplings were planted by volunteers along the Mill River path on Saturday. The council did not pay for them.'],
];
// A source id with a "#" in it: claim keys are `sourceId#sentenceIndex`.
const HASH: readonly Article[] = [
  ['notes#1.md', 'Town Crier', 'The harbour board approved a new ferry terminal for Kestrel Bay on Tuesday, officials said.'],
  ['library.md', 'Town Crier', 'The town library will open on Sundays from next month, the mayor announced.'],
];

function corpus(articles: readonly Article[]): string {
  const folder = tempFolder('claimcheck-finished-findings-');
  for (const [file, outlet, body] of articles) writeFileSync(path.join(folder, file), `---\noutlet: ${outlet}\ntitle: ${body.split('.')[0]}\npublished: 2024-03-05\n---\n\n${body}\n`);
  return folder;
}

describe('findings made once', () => {
  it.each([
    ['one story', () => corpus(FERRY)],
    ['two stories', () => corpus([...FERRY, ...OAKS])],
    ['a source id with #', () => corpus([...FERRY, ...HASH])],
    ['one source', () => corpus(OAKS.slice(0, 1))],
    ['the sample sources/', () => SAMPLE],
  ])('%s: the report without a state has the findings of the one with a state', async (_, folderOf) => {
    const folder = folderOf();
    const loaded = await analyzeRead(await readSourceFiles([folder], folder), { cache: false, threads: 1 });
    const stated = reportAndState(loaded.sources, loaded.analyses, loaded.diagnostics).report;
    const report = buildReport(loaded.sources, loaded.analyses, loaded.diagnostics);
    expect(report).toEqual(stated);
    // Key order too: the export writes the findings as they are.
    expect(JSON.stringify(report)).toBe(JSON.stringify(stated));
  });

  it('the corpora exercise links, stories and shared mentions', async () => {
    const reports = await Promise.all(
      [corpus([...FERRY, ...OAKS, ...HASH]), SAMPLE].map(async (folder) => {
        const loaded = await analyzeRead(await readSourceFiles([folder], folder), { cache: false, threads: 1 });
        return buildReport(loaded.sources, loaded.analyses, loaded.diagnostics);
      }),
    );
    const claims = reports.flatMap((report) => report.claims);
    expect(claims.some((finding) => finding.mentions.length >= 2)).toBe(true);
    expect(claims.some((finding) => finding.story !== undefined)).toBe(true);
    expect(claims.some((finding) => finding.related.length > 0)).toBe(true);
  });
});
