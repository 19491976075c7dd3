// Syndication: the same article text under two outlets keeps both sources, its
// claims cluster together and count as two outlets with one origin; under one
// outlet it stays a duplicate, counted once.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crossReference } from '../src/engine/run.js';
import { loadSources } from '../src/engine/files.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const BODY =
  'The regional water board approved a plan to replace three hundred kilometres of old pipes by 2030.\n\n' +
  'The board estimated the work would cost about 40 million dollars over eight years.\n';
const article = (outlet: string, published: string) => `---\noutlet: ${outlet}\npublished: ${published}\n---\n\n${BODY}`;

describe('syndication', () => {
  it.each([
    ['two outlets', ['Wire Service', 'Valley Daily'], ['one', 'two'], []],
    ['one outlet twice', ['Wire Service', 'Wire Service'], ['one'], ['duplicate']],
  ])('should load the same text under %s', async (_, outlets, ids, rules) => {
    const root = tempFolder('claimcheck-syndication-');
    writeFileSync(path.join(root, 'one.md'), article(outlets[0]!, '2021-03-01'));
    writeFileSync(path.join(root, 'two.md'), article(outlets[1]!, '2021-03-02'));
    const loaded = await loadSources(['.'], { cwd: root });
    expect(loaded.sources.map((source) => source.id)).toEqual(ids);
    expect(loaded.diagnostics.map((d) => d.ruleId)).toEqual(rules);
  });

  it('should cluster syndicated copies as several outlets with one origin', async () => {
    const root = tempFolder('claimcheck-syndication-');
    const outlets = ['Wire Service', 'Valley Daily', 'Coast Herald', 'Hill Times'];
    outlets.forEach((outlet, k) => writeFileSync(path.join(root, `copy-${k}.md`), article(outlet, `2021-03-0${k + 1}`)));
    const report = await crossReference(['.'], { cwd: root });
    expect(report.sources).toHaveLength(4);
    const shared = report.claims.filter((finding) => finding.outlets.length === 4);
    expect(shared.length).toBeGreaterThan(0);
    for (const finding of shared) {
      expect(finding.verdict).toBe('corroborated');
      expect(finding.origins).toEqual(['Coast Herald']);
    }
  });

  it('should keep independent wordings as separate origins', async () => {
    const root = tempFolder('claimcheck-syndication-');
    writeFileSync(path.join(root, 'a.md'), article('Wire Service', '2021-03-01'));
    writeFileSync(
      path.join(root, 'b.md'),
      '---\noutlet: Valley Daily\n---\n\nOld pipes: the regional water board approved a plan to replace three hundred kilometres of them by 2030.\n',
    );
    const report = await crossReference(['.'], { cwd: root });
    const both = report.claims.find((finding) => finding.outlets.length === 2);
    expect(both?.origins).toEqual(['Valley Daily', 'Wire Service']);
  });
});
