// The report lets the match profiles go once clustering is done (`afterMatching`,
// `releaseProfiles` in src/engine/run.ts): judging and the report read none after it,
// so a run that drops them gives the same report as one that keeps them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/core/report.js';
import { readSourceFiles } from '../src/engine/files.js';
import { analyzeRead, crossReference, releaseProfiles } from '../src/engine/run.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const ARTICLES: readonly (readonly [string, string, string])[] = [
  ['harbour-a.md', 'Bay Courier', 'The harbour board approved a new ferry terminal for Kestrel Bay on Tuesday. The terminal will cost 40 million dollars.'],
  ['harbour-b.md', 'Coast Herald', 'A new ferry terminal for Kestrel Bay was approved by the harbour board on Tuesday. The terminal will cost 45 million dollars.'],
  ['harbour-c.md', 'Island Post', 'The harbour board approved a new ferry terminal for Kestrel Bay on Tuesday. Work starts in the spring.'],
  ['oaks.md', 'River Weekly', 'Volunteers planted four hundred oak saplings along the river path on Saturday.'],
];

function corpus(): string {
  const folder = tempFolder('claimcheck-after-matching-');
  for (const [file, outlet, body] of ARTICLES) writeFileSync(path.join(folder, file), `---\noutlet: ${outlet}\npublished: 2024-03-05\n---\n\n${body}\n`);
  return folder;
}

describe('afterMatching', () => {
  it.each([
    ['kept', false],
    ['let go', true],
  ])('the report is the same whether the profiles are %s after clustering', async (_, release) => {
    const folder = corpus();
    const loaded = await analyzeRead(await readSourceFiles([folder], folder), { cache: false, threads: 1 });
    const reference = buildReport(loaded.sources, loaded.analyses, loaded.diagnostics);
    const events: string[] = [];
    const drop = releaseProfiles(loaded.analyses);
    const report = buildReport(loaded.sources, loaded.analyses, loaded.diagnostics, {
      // Every candidate pair is compared before the hook: the batches' comparer notes its last batch.
      comparePairs: (pairs, out, _model, here, last) => {
        here(0, pairs.length / 3, out);
        if (last) events.push('last batch');
      },
      afterMatching: () => {
        events.push('after matching');
        if (release) drop();
      },
    });
    expect(events).toEqual(['last batch', 'after matching']);
    expect(report).toEqual(reference);
    expect(loaded.analyses.every((analysis) => analysis.profiles.length === 0)).toBe(release);
    expect(reference.claims.some((finding) => finding.mentions.length >= 3)).toBe(true);
  });

  it('crossReference (which lets them go) reports what a run that keeps them reports', async () => {
    const folder = corpus();
    const loaded = await analyzeRead(await readSourceFiles([folder], folder), { cache: false, threads: 1 });
    const kept = buildReport(loaded.sources, loaded.analyses, loaded.diagnostics);
    expect(await crossReference([folder], { cwd: folder, threads: 1 })).toEqual(kept);
  });
});
