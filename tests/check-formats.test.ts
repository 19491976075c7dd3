// `claimcheck check --format sarif`, `--quiet` and `--max-warnings` in-process on a
// temp copy of sources/ with its ledger: SARIF 2.1.0 shape (a structural check, no
// network), errors-only output, and the warning limit's exit code.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/io.js';
import { SARIF_RULES } from '../src/render/sarif.js';

const root = path.join(import.meta.dirname, '..');
const temporaries: string[] = [];
let base: string;

function claimcheck(cwd: string, ...argv: string[]) {
  return runCli(argv, { cwd, env: { NO_COLOR: '1' } });
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimcheck-formats-'));
  temporaries.push(dir);
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Adds an unknown front-matter field (a warning, not an error) to the first source. */
function addUnknownField(dir: string): string {
  const name = readdirSync(path.join(dir, 'sources')).filter((file) => file.endsWith('.md')).sort()[0]!;
  const file = path.join(dir, 'sources', name);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\nmood: calm\n'));
  return `sources/${name}`;
}

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'claimcheck-formats-base-'));
  temporaries.push(base);
  cpSync(path.join(root, 'sources'), path.join(base, 'sources'), { recursive: true });
  expect((await claimcheck(base, 'check', '--update')).code).toBe(0);
});

afterAll(() => {
  for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, any>;

/** The parts of SARIF 2.1.0 GitHub code scanning requires, checked by hand. */
function sarifProblems(log: Json): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  need(log.version === '2.1.0', 'version 2.1.0');
  need(typeof log.$schema === 'string', '$schema');
  need(Array.isArray(log.runs) && log.runs.length === 1, 'one run');
  const run = log.runs?.[0] ?? {};
  const driver = run.tool?.driver ?? {};
  need(driver.name === 'claimcheck' && /^\d+\.\d+\.\d+/.test(driver.version ?? ''), 'tool.driver name and version');
  const rules: Json[] = driver.rules ?? [];
  need(rules.every((rule) => typeof rule.id === 'string' && typeof rule.shortDescription?.text === 'string'), 'rules with id and text');
  for (const [i, result] of ((run.results ?? []) as Json[]).entries()) {
    need(rules[result.ruleIndex]?.id === result.ruleId, `result ${i}: ruleIndex points at ruleId`);
    need(['error', 'warning', 'note', 'none'].includes(result.level), `result ${i}: level`);
    need(typeof result.message?.text === 'string' && result.message.text.length > 0, `result ${i}: message.text`);
    const physical = result.locations?.[0]?.physicalLocation;
    const uri: unknown = physical?.artifactLocation?.uri;
    need(typeof uri === 'string' && !/^([a-z]+:|\/|\.\/)/i.test(uri), `result ${i}: relative artifactLocation.uri`);
    need(Number.isInteger(physical?.region?.startLine) && physical.region.startLine >= 1, `result ${i}: region.startLine ≥ 1`);
    need(Number.isInteger(physical?.region?.startColumn) && physical.region.startColumn >= 1, `result ${i}: region.startColumn ≥ 1`);
  }
  return problems;
}

describe('check --format sarif', () => {
  let dir: string;
  let log: Json;
  let code: number;
  beforeAll(async () => {
    dir = workspace();
    copyFileSync(path.join(root, 'tests/fixtures/synthetic/two-meetings.md'), path.join(dir, 'sources', 'two-meetings.md'));
    writeFileSync(path.join(dir, 'sources', 'zz-new.md'), '---\noutlet: Harbour Gazette\npublished: 2021-03-02\n---\n\nThe harbour authority said it inspected 14 cargo cranes in February.\n');
    writeFileSync(path.join(dir, 'sources', 'zz-no-outlet.md'), '---\ntitle: No outlet here\n---\n\nA sentence that says 3 things happened on Monday.\n');
    const result = await claimcheck(dir, 'check', '--format', 'sarif');
    code = result.code;
    log = JSON.parse(result.stdout);
  });

  it('should have the shape code scanning requires', () => {
    expect(code).toBe(1);
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0].tool.driver.rules.map((rule: Json) => rule.id)).toEqual(SARIF_RULES.map((rule) => rule.id));
  });

  it.each([
    ['verdict-change', 'error', 'sources/two-meetings.md', 6],
    ['source-error', 'error', 'sources/zz-no-outlet.md', 2],
    ['new-claim', 'note', 'sources/zz-new.md', 6],
  ])('should report %s as %s at %s', (ruleId, level, uri, line) => {
    const results = (log.runs[0].results as Json[]).filter((result) => result.ruleId === ruleId);
    expect(results.length).toBeGreaterThan(0);
    const result = results.find((r) => r.locations[0].physicalLocation.artifactLocation.uri === uri);
    expect(result).toBeDefined();
    expect(result!.level).toBe(level);
    if (line !== undefined) expect(result!.locations[0].physicalLocation.region.startLine).toBe(line);
  });

  it('should find problems in a malformed log (the check itself can fail)', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '/abs/path.md';
    broken.runs[0].results[0].level = 'notice';
    expect(sarifProblems(broken)).toEqual(['result 0: level', 'result 0: relative artifactLocation.uri']);
  });
});

describe('check --quiet and --max-warnings', () => {
  it.each([
    // [args, expected exit code, a line that must be there, a line that must not]
    [['--quiet'], 1, /^sources\/two-meetings\.md:6:1: disputed: /m, /: (corroborated|unique): /],
    [[], 1, /^sources\/two-meetings\.md:6:1: disputed: /m, /^never$/],
  ])('check %j with a dispute and new claims', async (args, exit, present, absent) => {
    const dir = workspace();
    copyFileSync(path.join(root, 'tests/fixtures/synthetic/two-meetings.md'), path.join(dir, 'sources', 'two-meetings.md'));
    const { code, stdout } = await claimcheck(dir, 'check', ...args);
    expect(code).toBe(exit);
    expect(stdout).toMatch(present);
    expect(stdout).not.toMatch(absent);
    expect(stdout).toMatch(/^claimcheck: \d+ claims? differs? from claims\//m);
  });

  it.each([
    [[], 0, false],
    [['--max-warnings', '1'], 0, false],
    [['--max-warnings', '0'], 1, true],
    [['--quiet', '--max-warnings', '0'], 1, true],
  ])('an unknown field (1 warning) with %j exits %i', async (args, exit, message) => {
    const dir = workspace();
    const file = addUnknownField(dir);
    const { code, stdout, stderr } = await claimcheck(dir, 'check', ...args);
    expect(code).toBe(exit);
    expect(stderr.includes('1 warning found (maximum: 0)')).toBe(message);
    expect(stdout.includes(`${file}:`)).toBe(!args.includes('--quiet'));
  });

  it('should refuse a negative --max-warnings as a usage error', async () => {
    expect((await claimcheck(base, 'check', '--max-warnings', '-1')).code).toBe(2);
  });
});
