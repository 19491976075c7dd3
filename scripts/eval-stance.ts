// Scores claimcheck on the stance benchmarks in ../shared/bench (read there, never copied):
// Emergent's training claims (each claim and its outlets' headlines as one folder, exported
// with the built library, scored by stance/score-emergent.mjs) and FNC-1 (contradiction/
// eval-fnc1.mjs, which compares each headline with its body through compareSentences).
// Run: npm run eval:stance [-- --no-build] [--keep] [--fnc-limit N] [--no-fnc] [--json OUT]
// (--no-fnc skips FNC-1; --json writes the Emergent scorer's per-headline outcomes to OUT, for
// scripts/stance-misses.ts). Says so and exits 0 when ../shared is absent. Not part of npm test. Outputs go to a temp folder.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** ../shared/bench beside the project, or beside the folder holding it (a git worktree). */
function benchFolder(): string | undefined {
  for (const base of [join(root, '..', 'shared'), join(root, '..', '..', 'shared')]) {
    const bench = join(base, 'bench');
    if (existsSync(join(bench, 'stance', 'score-emergent.mjs'))) return bench;
  }
  return undefined;
}

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const bench = benchFolder();
  if (!bench) {
    console.log('eval:stance: ../shared/bench (stance, contradiction) is absent; nothing to score.');
    return;
  }
  if (!argv.includes('--no-build')) run('npm', ['run', 'build', '--silent']);
  const out = mkdtempSync(join(tmpdir(), 'claimcheck-eval-stance-'));
  try {
    // Emergent: one export per claim folder, in this process (240 folders).
    const { crossReference } = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as typeof import('../src/index.js');
    const { toJson } = (await import(pathToFileURL(join(root, 'dist', 'render', 'json.js')).href)) as typeof import('../src/render/json.js');
    const perClaim = join(bench, 'stance', 'emergent-train', 'per-claim');
    const folders = readdirSync(perClaim).sort();
    const exports = join(out, 'emergent');
    spawnSync('mkdir', ['-p', exports]);
    for (const name of folders) {
      const report = await crossReference([join(perClaim, name)], { cache: false, threads: 1 });
      writeFileSync(join(exports, `${name}.json`), JSON.stringify(toJson(report, 'eval')));
    }
    console.log(`Emergent (training split, ${folders.length} claims):`);
    const json = argv.indexOf('--json');
    run('node', [join(bench, 'stance', 'score-emergent.mjs'), '--manifest', join(bench, 'stance', 'emergent-train', 'manifest.json'), '--exports', exports, ...(json >= 0 ? ['--json', resolve(argv[json + 1]!)] : [])]);
    if (argv.includes('--no-fnc')) return;
    // FNC-1: the bench's own evaluator against this checkout's build.
    const limit = argv.indexOf('--fnc-limit');
    console.log('\nFNC-1 (competition test set):');
    run('node', [join(bench, 'contradiction', 'eval-fnc1.mjs'), '--data', join(bench, 'contradiction'), '--lib', root, ...(limit >= 0 ? ['--limit', argv[limit + 1]!] : [])]);
  } finally {
    if (argv.includes('--keep')) console.log(`outputs kept in ${out}`);
    else rmSync(out, { recursive: true, force: true });
  }
}

await main();
