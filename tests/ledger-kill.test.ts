// kill -9 at any moment of `claimcheck check --update` leaves the ledger either
// exactly as it was or exactly as the finished update writes it, never torn;
// two updates at once leave a valid ledger. Spawns the CLI from source (tsx) on
// a generated corpus of seed sentences; alternates two versions of the corpus
// so that every update rewrites most ledger files.
// Skip with CLAIMCHECK_SKIP_KILL_TEST=1; tune with CLAIMCHECK_KILL_RUNS (20),
// CLAIMCHECK_KILL_ARTICLES (80) and CLAIMCHECK_KILL_BUDGET_MS (35000: on a busy
// machine the loop stops there, after at least 10 runs).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedger } from '../src/ledger/store.js';

const SKIP = process.env.CLAIMCHECK_SKIP_KILL_TEST === '1';
const RUNS = Number(process.env.CLAIMCHECK_KILL_RUNS ?? 20);
/** On a busy machine the loop stops after this long, once it has done MIN_RUNS. */
const BUDGET_MS = Number(process.env.CLAIMCHECK_KILL_BUDGET_MS ?? 35_000);
const MIN_RUNS = Math.min(RUNS, 10);
const ARTICLES = Number(process.env.CLAIMCHECK_KILL_ARTICLES ?? 80);

const root = path.join(import.meta.dirname, '..');
const entry = path.join(root, 'tests/fixtures/check/cli.mts');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

type Variant = 'a' | 'b';

/** Sentences of the seed sources, the material of the generated articles. */
function seedSentences(): string[] {
  const pool: string[] = [];
  for (const name of readdirSync(path.join(root, 'sources')).sort()) {
    const body = readFileSync(path.join(root, 'sources', name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const paragraph of body.split(/\n\s*\n/)) {
      for (const sentence of paragraph.trim().split(/(?<=[.!?][”"]?)\s+(?=[A-Z“])/)) {
        if (sentence.length > 50 && !sentence.startsWith('#') && /[.!?][”"]?$/.test(sentence)) pool.push(sentence.replace(/\s+/g, ' '));
      }
    }
  }
  return pool;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
}

/** Write the corpus: variant `b` re-picks the sentences of every other article. */
function writeCorpus(dir: string, variant: Variant, pool: readonly string[]): void {
  rmSync(path.join(dir, 'sources'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'sources'), { recursive: true });
  for (let i = 0; i < ARTICLES; i++) {
    const next = random(i + 1 + (variant === 'b' && i % 2 === 0 ? 5000 : 0));
    const pick = () => pool[Math.floor(next() * pool.length)]!;
    const body = [pick(), `${pick()} ${pick()}`, pick()].join('\n\n');
    const published = `2020-12-${String(10 + (i % 15)).padStart(2, '0')}`;
    writeFileSync(path.join(dir, 'sources', `article-${String(i).padStart(3, '0')}.md`), `---\noutlet: Outlet ${i % 50}\npublished: ${published}\n---\n\n${body}\n`);
  }
}

/** The ledger as a reader sees it (journal overlay included), as one digest. */
async function digest(dir: string): Promise<{ digest: string; files: number; problems: number }> {
  const ledger = await readLedger('claims', { cwd: dir });
  const hash = createHash('sha256');
  for (const [name, text] of [...ledger.files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${name}\0${text}\0`);
  return { digest: hash.digest('hex'), files: ledger.files.size, problems: ledger.diagnostics.filter((d) => d.severity === 'error').length };
}

function readJournal(dir: string): string | undefined {
  try {
    return readFileSync(path.join(dir, 'claims', '.journal'), 'utf8');
  } catch {
    return undefined;
  }
}

function readGeneration(dir: string): number {
  try {
    return Number.parseInt(readFileSync(path.join(dir, 'claims', '.generation'), 'utf8'), 10);
  } catch {
    return 0;
  }
}

/** Dot files an update leaves only when interrupted. */
function leftovers(dir: string): string[] {
  return readdirSync(path.join(dir, 'claims')).filter((name) => name.startsWith('.') && name !== '.gitignore' && name !== '.generation');
}

/** A `check --update` process that has loaded every module and waits for `go()`. */
interface Warm {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly exit: Promise<number | null>;
  output: string;
  go(): void;
}

function warm(dir: string): Warm {
  const child = spawn(process.execPath, ['--import', tsx, entry, 'check', '--update'], {
    cwd: dir,
    env: { ...process.env, CLAIMCHECK_TEST_WAIT: '1', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const warmed: Warm = {
    child,
    output: '',
    ready: new Promise((resolve) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        warmed.output += chunk.toString();
        if (warmed.output.includes('ready\n')) resolve();
      });
    }),
    exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    go: () => child.stdin!.write('go\n'),
  };
  child.stdout!.on('data', (chunk: Buffer) => (warmed.output += chunk.toString()));
  return warmed;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Staging folders in the ledger folder other than `stale` ones (left by killed runs). */
function newStaging(dir: string, stale: ReadonlySet<string> = new Set()): boolean {
  try {
    return readdirSync(path.join(dir, 'claims')).some((name) => name.startsWith('.staging-') && !stale.has(name));
  } catch {
    return false;
  }
}

/** Resolves once the run starts writing (its staging folder appears), or false when it exits first. */
async function writing(dir: string, run: Warm, stale: ReadonlySet<string> = new Set()): Promise<boolean> {
  let exited = false;
  void run.exit.then(() => (exited = true));
  while (!exited) {
    if (newStaging(dir, stale)) return true;
    await sleep(1);
  }
  return false;
}

/** How long the write phase of a run lasts, in ms: its staging folder appears → is gone. */
async function writeDuration(dir: string, run: Warm): Promise<number> {
  if (!(await writing(dir, run))) return 0;
  const started = performance.now();
  while (newStaging(dir)) await sleep(1);
  return performance.now() - started;
}

describe.skipIf(SKIP)('the ledger under kill -9', () => {
  const pool = seedSentences();
  const temporaries: string[] = [];
  const expected: Record<Variant, string> = { a: '', b: '' };
  let work: string;
  let writeMs = 10;
  let fullMs = 1000;
  /** Processes started ahead, so module loading overlaps the run being killed. */
  const spares: Warm[] = [];

  beforeAll(async () => {
    // Reference ledgers for both versions of the corpus, built at once in two folders.
    const refs = (['a', 'b'] as const).map((variant) => {
      const dir = mkdtempSync(path.join(tmpdir(), `claimcheck-kill-${variant}-`));
      temporaries.push(dir);
      writeCorpus(dir, variant, pool);
      return { variant, dir, run: warm(dir) };
    });
    await Promise.all(refs.map((ref) => ref.run.ready));
    const started = performance.now();
    for (const ref of refs) ref.run.go();
    const timing = writeDuration(refs[0]!.dir, refs[0]!.run);
    const codes = await Promise.all(refs.map((ref) => ref.run.exit));
    fullMs = performance.now() - started;
    writeMs = Math.max(5, await timing);
    expect(codes, refs.map((ref) => ref.run.output).join('\n')).toEqual([0, 0]);
    for (const ref of refs) {
      const state = await digest(ref.dir);
      expect(state.problems).toBe(0);
      expected[ref.variant] = state.digest;
    }
    expect(expected.a).not.toBe(expected.b);
    work = refs[0]!.dir;
  }, 120_000);

  afterAll(() => {
    for (const run of spares) run.child.kill('SIGKILL');
    for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
  });

  it(`should leave the old or the new ledger, never a torn one, over up to ${RUNS} killed updates`, async () => {
    const runs = { killedBeforeWriting: 0, killedWhileStaging: 0, killedAfterCommit: 0, killedAfterWriting: 0, finished: 0 };
    let torn = 0;
    const initial = await digest(work);
    const files = initial.files;
    let current = initial.digest;
    expect(current).toBe(expected.a);
    spares.push(warm(work), warm(work));
    const loopStarted = performance.now();
    let done = 0;
    for (let i = 0; i < RUNS; i++) {
      if (i >= MIN_RUNS && performance.now() - loopStarted > BUDGET_MS) break;
      done++;
      const from: Variant = current === expected.a ? 'a' : 'b';
      const to: Variant = from === 'a' ? 'b' : 'a';
      writeCorpus(work, to, pool);
      const run = spares.shift()!;
      await run.ready;
      const staleNames = new Set(readdirSync(path.join(work, 'claims')));
      const journalBefore = readJournal(work);
      // The generation this run's update will create (after finishing an earlier run's journal).
      const target = (journalBefore ? (JSON.parse(journalBefore) as { generation: number }).generation : readGeneration(work)) + 1;
      spares.push(warm(work));
      run.go();
      // Three kills in four aim at the write window; the rest land anywhere.
      if (i % 4 !== 3) {
        // Half of them spread over the whole window, half over its end (commit and apply).
        if (await writing(work, run, staleNames)) await sleep(writeMs * (i % 2 === 0 ? Math.random() : 0.5 + 0.6 * Math.random()));
      } else {
        await sleep(Math.random() * fullMs);
      }
      run.child.kill('SIGKILL');
      const code = await run.exit;
      // Killed (null) or finished (0); anything else is a crash of its own.
      expect([null, 0], run.output).toContain(code);
      const journal = readJournal(work);
      // A journal this run committed, or the generation it creates, means the new ledger; a
      // journal left by an earlier run that this run was still finishing, or an uncommitted
      // staging folder, means the old one.
      const committed = journal !== undefined && journal !== journalBefore;
      const applied = readGeneration(work) >= target;
      const staging = newStaging(work, staleNames);
      const state = await digest(work);
      const ok = state.problems === 0 && (state.digest === expected[from] || state.digest === expected[to]);
      if (!ok) torn++;
      if (committed) {
        runs.killedAfterCommit++;
        expect(state.digest).toBe(expected[to]);
      } else if (code === 0) {
        runs.finished++;
        expect(state.digest).toBe(expected[to]);
      } else if (applied) {
        runs.killedAfterWriting++;
        expect(state.digest).toBe(expected[to]);
      } else if (staging) {
        runs.killedWhileStaging++;
        expect(state.digest).toBe(expected[from]);
      } else {
        // Before writing, or while finishing an earlier run's journal: the old ledger.
        runs.killedBeforeWriting++;
        expect(state.digest).toBe(expected[from]);
      }
      current = state.digest;
    }
    // The next update finishes or clears whatever was interrupted (and breaks the stale lock).
    const finalTo: Variant = current === expected.a ? 'b' : 'a';
    writeCorpus(work, finalTo, pool);
    const last = spares.shift()!;
    await last.ready;
    last.go();
    expect(await last.exit, last.output).toBe(0);
    expect((await digest(work)).digest).toBe(expected[finalTo]);
    expect(leftovers(work)).toEqual([]);
    console.info(
      `ledger kill loop: ${done} runs on ${ARTICLES} articles (${files} ledger files), update ~${Math.round(fullMs)} ms, write window ~${Math.round(writeMs)} ms, ${JSON.stringify(runs)}, torn: ${torn}`,
    );
    expect(torn).toBe(0);
  }, 180_000);

  it('should leave a valid ledger when two updates run at once', async () => {
    const dir = work;
    const from: Variant = (await digest(dir)).digest === expected.a ? 'a' : 'b';
    const to: Variant = from === 'a' ? 'b' : 'a';
    writeCorpus(dir, to, pool);
    const pair = [spares.shift() ?? warm(dir), warm(dir)];
    await Promise.all(pair.map((run) => run.ready));
    for (const run of pair) run.go();
    const codes = await Promise.all(pair.map((run) => run.exit));
    expect(codes, pair.map((run) => run.output).join('\n')).toEqual([0, 0]);
    // One wrote the new ledger; the other waited for the lock and found nothing to write.
    const written = pair.map((run) => Number(/\((\d+) files? written/.exec(run.output)?.[1])).sort((a, b) => a - b);
    expect(written[0]).toBe(0);
    expect(written[1]).toBeGreaterThan(0);
    expect((await digest(dir)).digest).toBe(expected[to]);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);
});
