// The ledger: entry files round-trip, review blocks survive updates, findings
// find their entries by shared mention keys, malformed files are reported at
// file:line:column, writes are all-or-nothing and guarded by a lock.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimKey } from '../src/core/judge/index.js';
import {
  acquireLock,
  compareWithLedger,
  entryFromFinding,
  formatEntry,
  ledgerFiles,
  LockTimeoutError,
  matchEntries,
  parseEntry,
  readLedger,
  recoverLedger,
  reviewOf,
  withLedgerLock,
  writeLedgerFiles,
  type Ledger,
  type LedgerEntry,
  type WriteStep,
} from '../src/ledger/index.js';
import type { Claim, Finding, Mention, Report, Verdict } from '../src/types.js';
import { testMention } from './helpers/mention.js';

// ---------------------------------------------------------------------------
// Builders

type MentionSpec = readonly [source: string, text: string, outlet?: string];

const keyOf = (source: string, text: string) => claimKey({ sentence: { source, plain: text } } as unknown as Claim);

function mention([source, text, outlet = `Outlet ${source}`]: MentionSpec, line = 1): Mention {
  return testMention({ key: keyOf(source, text), source, outlet, text, line });
}

function finding(id: string, verdict: Verdict, mentions: readonly MentionSpec[], conflicts: Finding['conflicts'] = []): Finding {
  const built = mentions.map((spec, index) => mention(spec, index + 1));
  return {
    id,
    verdict,
    text: built[0]?.text ?? '',
    outlets: [...new Set(built.map((m) => m.outlet))].sort(),
    origins: [],
    mentions: built,
    conflicts,
    related: [],
  };
}

function report(findings: readonly Finding[]): Report {
  const sources = [...new Set(findings.flatMap((f) => f.mentions.map((m) => m.source)))].map((id) => ({
    id,
    path: `sources/${id}.md`,
    outlet: `Outlet ${id}`,
    sentences: 1,
    claims: 1,
  }));
  return { schemaVersion: 1, sources, claims: findings, diagnostics: [] };
}

function ledgerOf(entries: readonly LedgerEntry[]): Ledger {
  const files = ledgerFiles(entries);
  const parsed = [...files].map(([name, text]) => parseEntry(`claims/${name}`, text).entry!);
  return { folder: 'claims', entries: parsed, files, diagnostics: [], pending: false };
}

const A: MentionSpec = ['a', 'Jin and others terminated at least four video meetings.', 'PJ Media'];
const B: MentionSpec = ['b', 'Jin shut down at least four meetings on the platform.', 'The Epoch Times'];
const C: MentionSpec = ['c', 'Prosecutors said Jin terminated two video meetings.', 'Synthetic Daily'];
const D: MentionSpec = ['d', 'Zoom fired Jin after learning of the investigation.', 'Bitter Winter'];

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'claimcheck-ledger-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------

describe('ledger entry files', () => {
  const tricky = 'Quote: "at least four" — #1, - [not a list]: {braces} & 100% “curly” ‘single’ \\ backslash';
  it.each([
    ['a unique claim', finding('u1', 'unique', [D])],
    ['a corroborated claim', finding('c1', 'corroborated', [A, B])],
    [
      'a disputed claim with conflicts',
      finding('d1', 'disputed', [A, B, C], [{ between: [0, 2], kind: 'quantity', detail: 'at least four video meetings vs two video meetings' }]),
    ],
    ['text that needs quoting in YAML', finding('q1', 'unique', [['q', tricky, 'Outlet: with, colon']])],
  ])('should round-trip %s: write → read gives the same entry', (_, value) => {
    const entry = entryFromFinding(value);
    const text = formatEntry(entry);
    const parsed = parseEntry(`claims/${entry.id}.yml`, text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entry).toEqual(entry);
    expect(formatEntry(parsed.entry!)).toBe(text);
  });

  it('should write keys in a fixed order, pairs on one line, no timestamps', () => {
    const text = formatEntry(entryFromFinding(finding('d1', 'disputed', [A, C], [{ between: [0, 1], kind: 'quantity', detail: 'four vs two' }])));
    const keys = text.split('\n').filter((line) => /^[a-z]+:/.test(line)).map((line) => line.split(':')[0]);
    expect(keys).toEqual(['id', 'verdict', 'text', 'outlets', 'mentions', 'conflicts']);
    expect(text).toContain(`  - between: [${keyOf(A[0], A[1])}, ${keyOf(C[0], C[1])}]`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it.each([
    ['invalid YAML', 'id: x\nverdict: [unique\n', 3, 1, /not valid YAML/],
    ['an unknown verdict', 'id: x\nverdict: maybe\nmentions: []\n', 2, 10, /`verdict` must be one of corroborated, disputed, unique/],
    ['an id that is not the file name', 'id: y\nverdict: unique\nmentions: []\n', 1, 5, /`id` is y but the file is named x.yml/],
    ['a misspelt review field', 'id: x\nverdict: unique\nmentions: []\nreview:\n  seperate: []\n', 5, 3, /unknown review field `seperate`/],
    ['a separate item that is not a pair', 'id: x\nverdict: unique\nmentions: []\nreview:\n  separate:\n    - [a#1]\n', 6, 7, /pair of mention keys/],
    ['a mention without a key', 'id: x\nverdict: unique\nmentions:\n  - outlet: A\n', 4, 5, /missing `key`/],
    ['a list at the top', '- a\n- b\n', 1, 1, /expected a mapping/],
  ])('should report %s at file:line:column', (_, text, line, column, message) => {
    const parsed = parseEntry('claims/x.yml', text);
    expect(parsed.entry).toBeUndefined();
    expect(parsed.diagnostics[0]).toMatchObject({ file: 'claims/x.yml', place: { line, column }, severity: 'error' });
    expect(parsed.diagnostics[0]!.message).toMatch(message);
  });
});

describe('matching findings to ledger entries', () => {
  it.each([
    ['the same id and keys', [A, B], [A, B], true],
    ['a changed id (a mention joined)', [A, B], [A, B, C], true],
    ['a changed id (a mention left)', [A, B, C], [B, C], true],
    ['no shared key', [A, B], [C, D], false],
  ])('should match by shared mention keys: %s', (_, recorded, now, matched) => {
    const entry = entryFromFinding(finding('old', 'corroborated', recorded));
    const current = finding('new', 'corroborated', now);
    expect(matchEntries([current], [entry]).get(0) === 0).toBe(matched);
  });

  it('should pair one to one, the finding that shares the most keys first', () => {
    const entry = entryFromFinding(finding('e', 'corroborated', [A, B, C]));
    const big = finding('f1', 'corroborated', [A, B]);
    const small = finding('f2', 'unique', [C]);
    expect([...matchEntries([small, big], [entry])]).toEqual([[1, 0]]);
  });

  it('should stay linear: 20 000 findings against 20 000 entries in well under a second', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => finding(`f${i}`, 'corroborated', [[`s${i}`, `claim ${i}`], [`t${i}`, `claim ${i}`]]));
    const entries = findings.map((f, i) => entryFromFinding(f, `e${i}`));
    const started = performance.now();
    const matched = matchEntries(findings, entries);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(matched.size).toBe(20_000);
  });
});

describe('comparing with the ledger', () => {
  const review = 'review:\n  # checked against the DOJ complaint\n  confirmed: corroborated\n  updates:\n    - [x#1, y#2]\n  note: "keep me"\n';

  it('should carry the review block verbatim to the finding its entry corresponds to, under the new id', () => {
    const recorded = formatEntry(entryFromFinding(finding('old', 'corroborated', [A, B]))) + review;
    const ledger = ledgerOf([parseEntry('claims/old.yml', recorded).entry!]);
    const { check, next } = compareWithLedger(report([finding('new', 'corroborated', [A, B, D])]), ledger);
    expect(next.map((entry) => entry.id)).toEqual(['new']);
    expect(ledgerFiles(next).get('new.yml')!.endsWith(review)).toBe(true);
    expect(check.changes).toMatchObject([{ kind: 'mentions', id: 'new', entry: 'claims/old.yml', place: { file: 'sources/d.md', line: 3 } }]);
  });

  it('should keep a gone entry with a review block as status: gone, and drop one without', () => {
    const reviewed = parseEntry('claims/r.yml', formatEntry(entryFromFinding(finding('r', 'unique', [C]))) + review).entry!;
    const plain = entryFromFinding(finding('p', 'unique', [D]));
    const { check, next } = compareWithLedger(report([finding('c1', 'corroborated', [A, B])]), ledgerOf([reviewed, plain]));
    expect(next.map((entry) => [entry.id, entry.status])).toEqual([
      ['c1', undefined],
      ['r', 'gone'],
    ]);
    expect(ledgerFiles(next).get('r.yml')).toContain('status: gone');
    expect(ledgerFiles(next).get('r.yml')!.endsWith(review)).toBe(true);
    // Warnings (gone) before notices (a new corroborated claim).
    expect(check.changes.map((change) => [change.kind, change.id, change.place.file])).toEqual([
      ['gone', 'p', 'claims/p.yml'],
      ['gone', 'r', 'claims/r.yml'],
      ['new', 'c1', 'sources/a.md'],
    ]);
    // Recorded as gone: the next comparison is clean.
    const again = compareWithLedger(report([finding('c1', 'corroborated', [A, B])]), ledgerOf(next));
    expect(again.check.changes).toEqual([]);
    expect(again.check.ok).toBe(true);
  });

  it.each([
    ['corroborated', 'disputed', /corroborated → disputed \(claims\/e.yml\): quantity: four vs two, against PJ Media at sources\/a.md:1/],
    ['disputed', 'corroborated', /disputed → corroborated \(claims\/e.yml\): no conflict left/],
  ] as const)('should say why a verdict changed from %s to %s', (before, after, reason) => {
    const conflicts = [{ between: [0, 2] as const, kind: 'quantity' as const, detail: 'four vs two' }];
    const entry = entryFromFinding(finding('e', before, before === 'disputed' ? [A, B, C] : [A, B], before === 'disputed' ? conflicts : []));
    const now = finding('e', after, after === 'disputed' ? [A, B, C] : [A, B], after === 'disputed' ? conflicts : []);
    const { check } = compareWithLedger(report([now]), ledgerOf([entry]));
    expect(check.changes).toHaveLength(1);
    expect(check.changes[0]).toMatchObject({ kind: 'verdict', previous: before, verdict: after, severity: after === 'disputed' ? 'error' : 'warning' });
    expect(check.changes[0]!.reason).toMatch(reason);
  });

  it('should point a new claim at its mentions the ledger has never seen', () => {
    const { check } = compareWithLedger(report([finding('n', 'corroborated', [A, D])]), ledgerOf([entryFromFinding(finding('e', 'unique', [A]))]));
    // A is taken by the corresponding entry; D is the new mention.
    expect(check.changes).toMatchObject([{ kind: 'verdict', previous: 'unique', verdict: 'corroborated', place: { file: 'sources/d.md' } }]);
  });

  it('should collect every separate and updates pair, gone entries included', () => {
    const one = parseEntry('claims/a.yml', formatEntry(entryFromFinding(finding('a', 'unique', [A]))) + 'review:\n  separate:\n    - [k#1, k#2]\n').entry!;
    const two = parseEntry('claims/b.yml', formatEntry({ ...entryFromFinding(finding('b', 'unique', [B])), status: 'gone' }) + 'review:\n  updates: [[k#3, k#4]]\n').entry!;
    expect(reviewOf({ entries: [one, two] })).toEqual({ separate: [['k#1', 'k#2']], updates: [['k#3', 'k#4']] });
  });
});

describe('reading and writing the ledger folder', () => {
  const oldEntries = [entryFromFinding(finding('one', 'unique', [A])), entryFromFinding(finding('two', 'unique', [B]))];
  const newEntries = [entryFromFinding(finding('two', 'corroborated', [B, C])), entryFromFinding(finding('three', 'unique', [D]))];

  async function write(entries: readonly LedgerEntry[], failpoint?: (step: WriteStep) => void) {
    const current = await readLedger('claims', { cwd: folder });
    return writeLedgerFiles(path.join(folder, 'claims'), current.files, ledgerFiles(entries), failpoint ? { failpoint } : {});
  }
  const state = async () => [...(await readLedger('claims', { cwd: folder })).files].sort();

  it('should read a missing folder as an empty ledger', async () => {
    expect(await readLedger('claims', { cwd: folder })).toEqual({ folder: 'claims', entries: [], files: new Map(), diagnostics: [], pending: false });
  });

  it('should write only what changed and remove entries that are gone', async () => {
    mkdirSync(path.join(folder, 'claims'));
    expect(await write(oldEntries)).toEqual({ written: ['one.yml', 'two.yml'], removed: [] });
    expect(await write(oldEntries)).toEqual({ written: [], removed: [] });
    expect(await write(newEntries)).toEqual({ written: ['three.yml', 'two.yml'], removed: ['one.yml'] });
    expect(readdirSync(path.join(folder, 'claims')).sort()).toEqual(['.generation', '.gitignore', 'three.yml', 'two.yml']);
  });

  it.each([
    ['staged', 'old'],
    ['committed', 'new'],
    ['half-applied', 'new'],
    ['applied', 'new'],
    ['removed', 'new'],
  ] as const)('should read the %s state of an interrupted write as the %s ledger, and finish it on recovery', async (step, expected) => {
    mkdirSync(path.join(folder, 'claims'));
    await write(oldEntries);
    const before = await state();
    const after = [...ledgerFiles(newEntries)].sort();
    await expect(
      write(newEntries, (at) => {
        if (at === step) throw new Error(`crash at ${at}`);
      }),
    ).rejects.toThrow(`crash at ${step}`);
    expect(await state()).toEqual(expected === 'old' ? before : after);
    expect((await readLedger('claims', { cwd: folder })).pending).toBe(expected === 'new');
    await recoverLedger(path.join(folder, 'claims'));
    expect(await state()).toEqual(expected === 'old' ? before : after);
    const left = readdirSync(path.join(folder, 'claims')).filter((name) => name.startsWith('.') && name !== '.gitignore' && name !== '.generation');
    expect(left).toEqual([]);
  });

  it('should report a malformed file as file:line:column and still read the others', async () => {
    mkdirSync(path.join(folder, 'claims'));
    await write(oldEntries);
    writeFileSync(path.join(folder, 'claims', 'bad.yml'), 'id: bad\nverdict: unique\nmentions:\n  - key: [oops\n');
    const ledger = await readLedger('claims', { cwd: folder });
    expect(ledger.entries.map((entry) => entry.id)).toEqual(['one', 'two']);
    expect(ledger.diagnostics).toHaveLength(1);
    expect(ledger.diagnostics[0]).toMatchObject({ file: 'claims/bad.yml', place: { line: 5 }, severity: 'error' });
  });

  it('should ignore dot files and leftovers of a crashed write that never committed', async () => {
    mkdirSync(path.join(folder, 'claims', '.staging-123-abc'), { recursive: true });
    writeFileSync(path.join(folder, 'claims', '.staging-123-abc', 'x.yml'), 'garbage: [');
    writeFileSync(path.join(folder, 'claims', '.journal.123-abc'), '{');
    expect((await readLedger('claims', { cwd: folder })).entries).toEqual([]);
  });
});

describe('the ledger lock', () => {
  it('should make a second writer wait, and time out with who holds it', async () => {
    const lock = await acquireLock(folder);
    const error = await acquireLock(folder, { timeoutMs: 150 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect((error as Error).message).toMatch(new RegExp(`\\.lock: the ledger is locked by another \`check --update\` \\(pid ${process.pid} `));
    await lock.release();
    const again = await acquireLock(folder, { timeoutMs: 150 });
    await again.release();
  });

  it.each([
    ['a dead process', (host: string) => JSON.stringify({ pid: 2 ** 22 + 12345, host, token: 'dead', started: 'then' })],
    ['this pid but another token (a previous process)', (host: string) => JSON.stringify({ pid: process.pid, host, token: 'old', started: 'then' })],
  ])('should break a stale lock left by %s', async (_, content) => {
    const { hostname } = await import('node:os');
    writeFileSync(path.join(folder, '.lock'), content(hostname()));
    const lock = await acquireLock(folder, { timeoutMs: 500 });
    expect(JSON.parse(readFileSync(path.join(folder, '.lock'), 'utf8')).token).toBe(lock.info.token);
    await lock.release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('should not break the lock of another host', async () => {
    writeFileSync(path.join(folder, '.lock'), JSON.stringify({ pid: 1, host: 'elsewhere.example', token: 't', started: 'then' }));
    await expect(acquireLock(folder, { timeoutMs: 120 })).rejects.toBeInstanceOf(LockTimeoutError);
  });

  it('should serialise updates run at once in one process', async () => {
    const order: string[] = [];
    await Promise.all(
      ['first', 'second', 'third'].map((name) =>
        withLedgerLock(
          'claims',
          async () => {
            order.push(`${name} in`);
            await new Promise((resolve) => setTimeout(resolve, 30));
            order.push(`${name} out`);
          },
          { cwd: folder, pollMs: 5 },
        ),
      ),
    );
    for (let i = 0; i < order.length; i += 2) expect(order[i + 1]).toBe(order[i]!.replace(' in', ' out'));
  });
});
