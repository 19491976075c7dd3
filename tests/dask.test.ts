// engines/dask/run.py on a real Dask cluster (a LocalCluster of 2 worker
// processes over TCP on 127.0.0.1) gives the findings `claimcheck export --format
// jsonl` gives: the same lines (order aside), so the same claims, ids, verdicts
// and mentions, on the project's sources and on a generated corpus with a
// duplicate article and a clash of file names. Skipped with a notice when no
// python with `distributed` exists (.ci/run installs python3-distributed).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../scripts/generate-corpus.js';
import { daskPython } from '../scripts/dask-python.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'bin', 'claimcheck.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'claimcheck-dask-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const python = daskPython();
if (!python) console.warn('tests/dask.test.ts: skipped: no python with dask and distributed (apt-get install python3-distributed)');

/** A generated corpus, plus one outlet's copy of an article (dropped) and a file name used twice (ids made unique). */
function generated(count: number): string {
  const folder = writeCorpus(count, path.join(scratch, `corpus-${count}`)).folder;
  const names = readdirSync(folder).sort();
  copyFileSync(path.join(folder, names[0]!), path.join(folder, `zz-copy-of-${names[0]}`));
  mkdirSync(path.join(folder, 'more'));
  writeFileSync(path.join(folder, 'more', names[1]!), readFileSync(path.join(folder, names[2]!), 'utf8').replace(/^outlet: .*$/m, 'outlet: Another Outlet'));
  return folder;
}

function exportLines(target: string): string[] {
  const run = spawnSync(process.execPath, [cli, 'export', target, '--format', 'jsonl', '--no-cache'], { cwd: root, encoding: 'utf8', maxBuffer: 2 ** 30 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n').filter(Boolean);
}

function daskLines(target: string, name: string): string[] {
  const out = path.join(scratch, `${name}.jsonl`);
  const run = spawnSync(python!, [path.join(root, 'engines', 'dask', 'run.py'), target, '--out', out], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(out, 'utf8').split('\n').filter(Boolean);
}

interface Line {
  readonly id: string;
  readonly verdict: string;
  readonly mentions: readonly { key: string; path: string; start: number }[];
}

describe.skipIf(!python)('the Dask runner', () => {
  it.each([
    ['the project sources', () => 'sources'],
    ['a generated corpus of 150 articles with a duplicate and a name clash', () => generated(150)],
  ])('should print exactly the findings of export on %s', (name, target) => {
    const folder = target();
    const expected = exportLines(folder);
    const actual = daskLines(folder, name.replace(/\W+/g, '-'));
    expect(actual.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(20);
    // Claims, ids, verdicts and mentions (order aside), then the whole lines.
    const summary = (lines: readonly string[]) =>
      lines
        .map((line) => JSON.parse(line) as Line)
        .map((finding) => `${finding.id} ${finding.verdict} ${finding.mentions.map((mention) => `${mention.key}@${mention.path}:${mention.start}`).join(',')}`)
        .sort();
    expect(summary(actual)).toEqual(summary(expected));
    expect([...actual].sort()).toEqual([...expected].sort());
    // And in the order export prints them.
    expect(actual).toEqual(expected);
  }, 900_000);
});
