// The ledger's fast read path: `formatCanonical` writes byte for byte what the
// `yaml` document model writes, `parseCanonical` accepts only canonical text and
// then agrees with the positioned parser, and `readLedger`'s parse cache never
// serves a stale or corrupt parse (hand edits, truncated or foreign cache files).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readLedgerCache, writeLedgerCache, ledgerFingerprint, type CachedFile } from '../src/ledger/cache.js';
import { CONFLICT_KINDS, formatCanonical, HEADER, parseCanonical, VERDICTS } from '../src/ledger/canonical.js';
import { formatEntry, formatEntryDocument, parseEntry, parseEntryDocument, type LedgerConflict, type LedgerEntry, type LedgerMention } from '../src/ledger/entry.js';
import { entryFileName, readLedger, withLedgerLock, writeLedgerFiles, type Ledger } from '../src/ledger/store.js';

// ---------------------------------------------------------------------------
// The reference writer is the `yaml` document model (`formatEntryDocument`).

const referenceText = (entry: LedgerEntry) => formatEntryDocument(entry);

const fileOf = (entry: LedgerEntry) => `claims/${entryFileName(entry.id)}`;

// ---------------------------------------------------------------------------
// Arbitraries

/** Pieces that YAML reads specially somewhere: indicators, other types, edges, odd characters. */
const NASTY = [
  '"', "'", ': ', ':', ' #', '#', '#x', '-', '- ', '--', '---', '...', '?', '? ', '*', '&', '!', '%', '@', '`', '|', '>', '<<', '=',
  '[', ']', '{', '}', ',', ', ', '1e3', '1E3', '0x1F', '0o17', '0b101', '1_000', '12', '-1', '+1', '1.5', '.5', '1.', '.inf', '-.Inf', '.nan', '.NaN',
  'null', 'Null', 'NULL', '~', 'true', 'True', 'FALSE', 'yes', 'no', 'on', 'off', 'y', '', ' ', '  ', '\t', '\n', '\n\n', '\r', '\r\n', '\\',
  '\\n', '\\"', 'é', '“quoted”', '’', '日本語', '😀', '\u00a0', '\u0085', '\u2028', '\u2029', '\ufeff', '\u0000', '\u0007', '\u001b', '\u007f',
  '\u009f', '\ud800', '\udc00', 'a', 'word', 'The council approved 120 homes.', 'x: y', 'a #b', 'a# b', '&anchor', '*alias', '!!str', '%YAML',
];
const fragment = fc.constantFrom(...NASTY);
const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fragment, fragment, fc.string({ maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fragment },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
/** Ids as `findingId` and `uniqueIds` make them: 12 hex digits, `-2`, `-3` … for repeats; some read as numbers in YAML. */
const idArb = fc.oneof(
  hex(12),
  fc.tuple(hex(12), fc.integer({ min: 2, max: 9 })).map(([id, n]) => `${id}-${n}`),
  fc.constantFrom('123456789012', '1e3456789012', '0000000000e1', '000000000000', '00000000000e', '123456789012-2', 'deadbeef0000'),
);
/** Mention keys: `sourceId#hash`, with nasty source ids (they come from file names) and hashes. */
const keyArb = fc.oneof(
  fc.tuple(nastyString, hex(12)).map(([source, hash]) => `${source}#${hash}`),
  fc.tuple(nastyString, nastyString).map(([source, hash]) => `${source}#${hash}`),
);
const lineArb = fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer(), fc.maxSafeInteger(), fc.constant(Number.MIN_SAFE_INTEGER));
// fc.record builds null-prototype objects; the parsers build plain ones (toStrictEqual compares prototypes).
const mentionArb: fc.Arbitrary<LedgerMention> = fc
  .record({ key: keyArb, outlet: nastyString, path: nastyString, line: lineArb, text: nastyString })
  .map((mention) => ({ ...mention }));

const entryArb: fc.Arbitrary<LedgerEntry> = fc
  .record({
    id: idArb,
    verdict: fc.constantFrom(...VERDICTS),
    gone: fc.boolean(),
    text: nastyString,
    outlets: fc.array(nastyString, { maxLength: 4 }),
    mentions: fc.array(mentionArb, { maxLength: 3 }),
    conflicts: fc.array(
      fc.record({ a: fc.oneof(keyArb, nastyString), b: fc.oneof(keyArb, nastyString), kind: fc.constantFrom(...CONFLICT_KINDS), detail: nastyString }),
      { maxLength: 3 },
    ),
  })
  .map(({ id, verdict, gone, text, outlets, mentions, conflicts }) => ({
    id,
    verdict,
    ...(gone ? { status: 'gone' as const } : {}),
    text,
    outlets,
    mentions,
    conflicts: conflicts.map(({ a, b, kind, detail }): LedgerConflict => ({ between: [a, b], kind, detail })),
  }));

/** Entries whose every value is one nasty piece, in every field: deterministic coverage of each piece. */
function singleValueEntries(): LedgerEntry[] {
  const base = sampleEntry('0123456789ab');
  return NASTY.flatMap((value) => [
    { ...base, text: value },
    { ...base, outlets: [value] },
    { ...base, outlets: [value, 'Other'] },
    { ...base, outlets: ['Other', value] },
    { ...base, mentions: [{ ...base.mentions[0]!, key: `${value}#0123456789ab`, outlet: value, path: value, text: value }] },
    { ...base, conflicts: [{ between: [value, `a#${value}`] as const, kind: 'date' as const, detail: value }] },
  ]);
}

function sampleEntry(id: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id,
    verdict: 'disputed',
    text: 'The council approved 120 new homes.',
    outlets: ['Daily Planet', 'Gazette'],
    mentions: [
      { key: 'planet-homes#a1b2c3d4e5f6', outlet: 'Daily Planet', path: 'sources/planet-homes.md', line: 3, text: 'The council approved 120 new homes.' },
      { key: 'gazette-homes#0f1e2d3c4b5a', outlet: 'Gazette', path: 'sources/gazette-homes.md', line: 7, text: 'The council approved 150 new homes.' },
    ],
    conflicts: [{ between: ['planet-homes#a1b2c3d4e5f6', 'gazette-homes#0f1e2d3c4b5a'], kind: 'quantity', detail: '120 vs 150' }],
    ...overrides,
  };
}

/** Check (a), (b), (c) for one entry; returns whether the canonical writer handled it. */
function checkEntry(entry: LedgerEntry): boolean {
  const file = fileOf(entry);
  const reference = referenceText(entry);
  const canonical = formatCanonical(entry);
  // (a) The fast writer writes exactly what the library writes, or leaves it to the library.
  if (canonical !== undefined) expect(canonical).toBe(reference);
  const text = formatEntry(entry);
  expect(text).toBe(reference);
  // (b) Read back, by either path, to the same entry.
  const parsed = parseEntry(file, text);
  expect(parsed.diagnostics).toEqual([]);
  expect(parsed.entry).toStrictEqual(entry);
  const document = parseEntryDocument(file, text);
  expect(document.diagnostics).toEqual([]);
  expect(document.entry).toStrictEqual(entry);
  // (c) The fast reader accepts only what the reference reader reads the same way.
  const fast = parseCanonical(file, text);
  if (fast !== undefined) expect(fast).toStrictEqual(document.entry);
  return canonical !== undefined;
}

// ---------------------------------------------------------------------------

describe('canonical entry text (property)', () => {
  it('writes what the yaml library writes and reads back the same entry, for random entries with nasty strings', () => {
    let canonical = 0;
    let runs = 0;
    fc.assert(
      fc.property(entryArb, (entry) => {
        runs++;
        if (checkEntry(entry)) canonical++;
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: the fast writer handles a fair share of the entries.
    expect(canonical).toBeGreaterThan(runs / 10);
  });

  // Regression: yaml 2.9.1 writes a value with a newline in a flow pair as a multi-line
  // plain scalar inside `[ … ]`; when its first line is `-` or `?`, or a line ends with
  // `:`, the file no longer read back. Such pairs are now written as block lists.
  it.each([
    ['a line ending with a colon', 'Planet:\nEvening'],
    ['a first line `-`', '-\nWire'],
    ['a first line `?`', '?\nWire'],
    ['a first line `-` then a quote', '-\n"Wire'],
  ])('round-trips a multi-line value with %s in a flow pair (outlets, between)', (_name, value) => {
    const withOutlet = sampleEntry('0123456789ab', { outlets: [value, 'Gazette'], conflicts: [] });
    const withBetween = sampleEntry('0123456789ab', { conflicts: [{ between: [`${value}#a1b2c3d4e5f6`, 'g#0f1e2d3c4b5a'], kind: 'date', detail: '' }] });
    for (const entry of [withOutlet, withBetween]) {
      expect(formatCanonical(entry)).toBeUndefined(); // left to the library
      const parsed = parseEntry(fileOf(entry), formatEntry(entry));
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.entry).toStrictEqual(entry);
    }
  });

  // Regression: yaml 2.9.1 writes a value of only blanks and newlines with a space,
  // e.g. ' \n', as `|+` with no indentation indicator; reading it back took the spaces
  // for indentation and dropped them. Multi-line values are now double-quoted.
  it.each([' \n', '  \n\n', '\n \n', ' \t\n'])('round-trips the blank multi-line value %j in a block field', (value) => {
    for (const entry of [
      sampleEntry('0123456789ab', { text: value }),
      sampleEntry('0123456789ab', { conflicts: [{ between: ['p#a1b2c3d4e5f6', 'g#0f1e2d3c4b5a'], kind: 'date', detail: value }] }),
    ]) {
      expect(formatCanonical(entry)).toBeUndefined(); // left to the library
      const parsed = parseEntry(fileOf(entry), formatEntry(entry));
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.entry).toStrictEqual(entry);
    }
  });

  it('handles each nasty value alone in every field', () => {
    const entries = singleValueEntries();
    let canonical = 0;
    for (const entry of entries) if (checkEntry(entry)) canonical++;
    expect(canonical).toBeGreaterThan(entries.length / 2);
  });

  it('reads canonical text fast: parseCanonical accepts what formatCanonical writes for ordinary entries', () => {
    const plain = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,'’“”()%$-]{0,30}[A-Za-z0-9.]$/);
    fc.assert(
      fc.property(idArb, plain, fc.array(plain, { maxLength: 4 }), fc.array(plain, { maxLength: 3 }), (id, text, outlets, sentences) => {
        const entry: LedgerEntry = {
          id,
          verdict: 'unique',
          text,
          outlets,
          mentions: sentences.map((sentence, index) => ({ key: `src-${index}#abcdef012345`, outlet: 'Outlet', path: `sources/src-${index}.md`, line: index + 1, text: sentence })),
          conflicts: [],
        };
        const written = formatCanonical(entry);
        expect(written).toBeDefined();
        expect(parseCanonical(fileOf(entry), written!)).toStrictEqual(entry);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the positioned parser on any raw scalar spliced into canonical text', () => {
    // js-yaml and yaml must read a raw value the same way whenever the fast path accepts it.
    const base = sampleEntry('0123456789ab');
    const baseText = formatCanonical(base)!;
    const lines = baseText.split('\n');
    const valueLines = lines.flatMap((line, index) => (/^(?:text|verdict|id|  - key|    outlet|    path|    text|    detail|    kind|    line): /.test(line) ? [index] : []));
    const rawArb = fc.oneof(
      nastyString,
      nastyString.map((value) => JSON.stringify(value)),
      nastyString.map((value) => `'${value}'`),
      nastyString.map((value) => `[${value}, ${value}]`),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...valueLines), rawArb, (index, raw) => {
        const edited = [...lines];
        edited[index] = edited[index]!.replace(/: .*$/, `: ${raw}`);
        const text = edited.join('\n');
        const fast = parseCanonical('claims/0123456789ab.yml', text);
        if (fast === undefined) return;
        accepted++;
        const document = parseEntryDocument('claims/0123456789ab.yml', text);
        expect(document.diagnostics).toEqual([]);
        expect(fast).toStrictEqual(document.entry);
        expect(formatCanonical(fast)).toBe(text);
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: many spliced values are canonical and take the fast path.
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('parseCanonical falls back to the positioned parser', () => {
  const entry = sampleEntry('0123456789ab');
  const file = fileOf(entry);
  const text = formatEntry(entry);

  it('accepts the canonical text itself', () => {
    expect(text).toBe(referenceText(entry));
    expect(parseCanonical(file, text)).toStrictEqual(entry);
  });

  it('rejects a review block, and parseEntry reads the review', () => {
    const review = 'review:\n  confirmed: disputed\n  # the 150 figure is from the draft\n  note: checked with the council\n';
    const withReview = text + review;
    expect(parseCanonical(file, withReview)).toBeUndefined();
    const parsed = parseEntry(file, withReview);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entry).toStrictEqual({
      ...entry,
      review: { confirmed: 'disputed', separate: [], updates: [], note: 'checked with the council' },
      reviewSource: review,
    });
    // And formatEntry keeps the reviewer's text verbatim.
    expect(formatEntry(parsed.entry!)).toBe(withReview);
  });

  it.each([
    ['an extra comment line at the end', (t: string) => `${t}# a reviewer's note\n`],
    ['an extra comment line in the middle', (t: string) => t.replace('outlets:', '# outlets as of May\noutlets:')],
    ['a trailing comment on a value', (t: string) => t.replace('verdict: disputed', 'verdict: disputed # for now')],
    ['no header', (t: string) => t.slice(HEADER.length)],
    ['sequences not indented', (t: string) => t.replace(/^ {2}- /gm, '- ').replace(/^ {4}/gm, '  ')],
    ['deeper indentation', (t: string) => t.replace(/^ {4}(?=\w)/gm, '      ').replace(/^ {2}- /gm, '    - ')],
    ['reordered keys (verdict before id)', (t: string) => t.replace('id: 0123456789ab\nverdict: disputed\n', 'verdict: disputed\nid: 0123456789ab\n')],
    ['reordered mention keys', (t: string) => t.replace(/( {2}- )key: (\S+)\n {4}outlet: (.*)\n/g, '$1outlet: $3\n    key: $2\n')],
    ['a needlessly quoted value', (t: string) => t.replace('verdict: disputed', 'verdict: "disputed"')],
    ['a single-quoted value', (t: string) => t.replace('text: The council', "text: 'The council").replace('new homes.\noutlets', "new homes.'\noutlets")],
    ['block-style outlets', (t: string) => t.replace('outlets: [Daily Planet, Gazette]', 'outlets:\n  - Daily Planet\n  - Gazette')],
    ['a padded flow pair', (t: string) => t.replace('[Daily Planet, Gazette]', '[ Daily Planet, Gazette ]')],
    ['an explicit document start', (t: string) => t.replace(HEADER, `${HEADER}---\n`)],
    ['a missing final newline', (t: string) => t.slice(0, -1)],
    ['CRLF line ends', (t: string) => t.replace(/\n/g, '\r\n')],
    ['an empty conflicts list', (t: string) => t.replace(/conflicts:[\s\S]*$/, 'conflicts: []\n')],
  ])('rejects %s, and parseEntry reads the same entry', (_name, edit) => {
    const edited = edit(text);
    expect(edited).not.toBe(text);
    expect(parseCanonical(file, edited)).toBeUndefined();
    const parsed = parseEntry(file, edited);
    expect(parsed.diagnostics).toEqual([]);
    const expected = edited.includes('conflicts: []') ? { ...entry, conflicts: [] } : entry;
    expect(parsed.entry).toStrictEqual(expected);
  });

  it('rejects an unknown top-level key and reports it at its line', () => {
    const edited = text.replace('outlets:', 'origin: wire\noutlets:');
    expect(parseCanonical(file, edited)).toBeUndefined();
    const line = edited.split('\n').indexOf('origin: wire') + 1;
    expect(parseEntry(file, edited)).toEqual({
      diagnostics: [
        {
          file,
          place: { line, column: 1 },
          message: 'unknown field `origin` (known: id, verdict, status, text, outlets, mentions, conflicts, review)',
          ruleId: 'ledger',
          severity: 'error',
        },
      ],
    });
  });

  it('rejects an unknown mention key and reports it at its line and column', () => {
    const edited = text.replace('    line: 3\n', '    line: 3\n    column: 1\n');
    expect(parseCanonical(file, edited)).toBeUndefined();
    const line = edited.split('\n').indexOf('    column: 1') + 1;
    const parsed = parseEntry(file, edited);
    expect(parsed.entry).toBeUndefined();
    expect(parsed.diagnostics).toEqual([
      { file, place: { line, column: 5 }, message: 'unknown mention field `column` (known: key, outlet, path, line, text)', ruleId: 'ledger', severity: 'error' },
    ]);
  });

  it('rejects an id that does not match the file name', () => {
    const other = 'claims/ffffffffffff.yml';
    expect(parseCanonical(other, text)).toBeUndefined();
    expect(parseEntry(other, text)).toEqual({
      diagnostics: [
        { file: other, place: { line: 3, column: 5 }, message: '`id` is 0123456789ab but the file is named ffffffffffff.yml', ruleId: 'ledger', severity: 'error' },
      ],
    });
  });

  it('rejects a duplicate key and reports it', () => {
    const edited = text.replace('outlets:', 'text: again\noutlets:');
    expect(parseCanonical(file, edited)).toBeUndefined();
    const parsed = parseEntry(file, edited);
    expect(parsed.entry).toBeUndefined();
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ file, place: { line: edited.split('\n').indexOf('text: again') + 1 }, ruleId: 'ledger-yaml' });
  });

  it('rejects values of the wrong type or out of range', () => {
    const cases: [string, string, string][] = [
      ['verdict: disputed', 'verdict: maybe', '`verdict` must be one of corroborated, disputed, unique, not `maybe`'],
      ['    line: 3', '    line: three', '`line` must be a whole number'],
      ['    line: 3', '    line: 3.5', '`line` must be a whole number'],
      ['    kind: quantity', '    kind: size', '`kind` must be one of quantity, date, negation, denial'],
      ['  - key: planet-homes#a1b2c3d4e5f6', '  - key: planet-homes', '`key` must look like sourceId#hash, not `planet-homes`'],
      ['verdict: disputed\n', 'verdict: disputed\nstatus: old\n', '`status` can only be `gone`'],
    ];
    for (const [from, to, message] of cases) {
      const edited = text.replace(from, to);
      expect(edited).not.toBe(text);
      expect(parseCanonical(file, edited)).toBeUndefined();
      const parsed = parseEntry(file, edited);
      expect(parsed.entry).toBeUndefined();
      expect(parsed.diagnostics.map((d) => d.message)).toContain(message);
    }
  });

  it('accepts a conflict of the kind denial', () => {
    const edited = text.replace('    kind: quantity', '    kind: denial');
    expect(edited).not.toBe(text);
    expect(parseEntry(file, edited).diagnostics).toEqual([]);
    expect(parseCanonical(file, edited)?.conflicts?.[0]?.kind).toBe('denial');
  });

  it('reports a YAML syntax error at its position', () => {
    const edited = text.replace('text: The council approved 120 new homes.', 'text: [The council approved 120 new homes.');
    expect(parseCanonical(file, edited)).toBeUndefined();
    const parsed = parseEntry(file, edited);
    expect(parsed.entry).toBeUndefined();
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ file, ruleId: 'ledger-yaml', severity: 'error' });
    expect(parsed.diagnostics[0]!.message).toMatch(/^not valid YAML: /);
  });
});

// ---------------------------------------------------------------------------
// readLedger with the parse cache

describe('readLedger with the parse cache', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** A working folder with `claims/` written by the ledger's own writer, and a cache folder. */
  async function setup(entries: readonly LedgerEntry[]) {
    const cwd = mkdtempSync(path.join(tmpdir(), 'claimcheck-ledger-fast-'));
    folders.push(cwd);
    const claims = path.join(cwd, 'claims');
    const cache = path.join(cwd, '.cache');
    await withLedgerLock(
      'claims',
      async (lock) => {
        const current = await readLedger('claims', { cwd, cache: false });
        await writeLedgerFiles(claims, current.files, new Map(entries.map((entry) => [entryFileName(entry.id), formatEntry(entry)])), { lock });
      },
      { cwd },
    );
    // Let the files' ctime fall clearly before the reads below (settleMs: 0 caches anything older than now).
    await sleep(30);
    const read = (options: { cache?: string | false; settleMs?: number } = {}) => readLedger('claims', { cwd, cache, settleMs: 0, ...options });
    const cacheFiles = () => {
      const folder = path.join(cache, 'ledger');
      try {
        return readdirSync(folder).filter((name) => name.endsWith('.json')).map((name) => path.join(folder, name));
      } catch {
        return [];
      }
    };
    return { cwd, claims, cache, read, cacheFiles, cached: () => readLedgerCache(cache, claims) };
  }

  /** The ledger as plain data (files as a sorted list), for comparing reads. */
  const plain = (ledger: Ledger) => ({
    folder: ledger.folder,
    entries: ledger.entries,
    files: [...ledger.files].sort(([a], [b]) => (a < b ? -1 : 1)),
    diagnostics: ledger.diagnostics,
    pending: ledger.pending,
  });

  const entries = [
    sampleEntry('0123456789ab'),
    sampleEntry('123456789012', { verdict: 'unique', text: 'Rents rose 4% in May.', outlets: ['Gazette'], conflicts: [], mentions: [{ key: 'g#aaaaaaaaaaaa', outlet: 'Gazette', path: 'sources/g.md', line: 1, text: 'Rents rose 4% in May.' }] }),
    sampleEntry('abcdefabcdef-2', { verdict: 'corroborated', status: 'gone', text: 'null', outlets: ['A: B', '#1 News', 'yes'], conflicts: [] }),
    // Needs the library writer (newline): stored as text in the cache.
    sampleEntry('fedcba987654', { text: 'two\nlines', conflicts: [] }),
  ];

  it('reads the same ledger with and without the cache, and writes the cache', async () => {
    const { read, cacheFiles, cached, claims } = await setup(entries);
    const uncached = await read({ cache: false });
    expect(cacheFiles()).toEqual([]);
    expect(uncached.diagnostics).toEqual([]);
    expect(uncached.entries).toStrictEqual([...entries].sort((a, b) => (a.id < b.id ? -1 : 1)));

    const first = await read();
    expect(plain(first)).toStrictEqual(plain(uncached));
    expect(cacheFiles()).toHaveLength(1);
    expect([...cached()!.keys()].sort()).toEqual(entries.map((entry) => entryFileName(entry.id)).sort());

    const second = await read();
    expect(plain(second)).toStrictEqual(plain(uncached));
    // Files from the cache come back byte for byte.
    for (const [name, text] of second.files) expect(text).toBe(readFileSync(path.join(claims, name), 'utf8'));
  });

  it('serves unchanged files from the cache (a planted cache entry shows)', async () => {
    const { read, cache, claims, cached } = await setup(entries);
    await read();
    const files = new Map(cached()!);
    const name = entryFileName('123456789012');
    const hit = files.get(name)!;
    expect(hit.parse.kind).toBe('canonical');
    const planted: CachedFile = { signature: hit.signature, parse: { kind: 'canonical', entry: { ...(hit.parse.entry as LedgerEntry), text: 'PLANTED' } } };
    files.set(name, planted);
    expect(writeLedgerCache(cache, claims, files)).toBe(true);
    const ledger = await read();
    expect(ledger.entries.find((entry) => entry.id === '123456789012')!.text).toBe('PLANTED');
  });

  it('sees a hand edit of the same size, even with mtime set back', async () => {
    const { read, claims, cached } = await setup(entries);
    await read();
    await read();
    const file = path.join(claims, entryFileName('0123456789ab'));
    const before = statSync(file);
    const original = readFileSync(file, 'utf8');
    await sleep(30);
    const editedText = original.replace('text: The council approved 120 new homes.', 'text: The council approved 170 new homes.');
    expect(editedText.length).toBe(original.length);
    writeFileSync(file, editedText);
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);

    const ledger = await read();
    const entry = ledger.entries.find((e) => e.id === '0123456789ab')!;
    expect(entry.text).toBe('The council approved 170 new homes.');
    expect(ledger.files.get(entryFileName('0123456789ab'))).toBe(editedText);
    // The cache now holds the edit too.
    const again = await read();
    expect(again.entries.find((e) => e.id === '0123456789ab')!.text).toBe('The council approved 170 new homes.');
    expect((cached()!.get(entryFileName('0123456789ab'))!.parse.entry as LedgerEntry).text).toBe('The council approved 170 new homes.');
  });

  it('sees a verdict edit, a removed file and a new file', async () => {
    const { read, claims } = await setup(entries);
    await read();
    await sleep(30);
    const file = path.join(claims, entryFileName('123456789012'));
    writeFileSync(file, readFileSync(file, 'utf8').replace('verdict: unique', 'verdict: disputed'));
    rmSync(path.join(claims, entryFileName('fedcba987654')));
    const added = sampleEntry('aaaaaaaaaaaa', { conflicts: [] });
    writeFileSync(path.join(claims, entryFileName('aaaaaaaaaaaa')), formatEntry(added));
    const cachedRead = await read();
    const fresh = await read({ cache: false });
    expect(plain(cachedRead)).toStrictEqual(plain(fresh));
    expect(cachedRead.entries.find((e) => e.id === '123456789012')!.verdict).toBe('disputed');
    expect(cachedRead.entries.map((e) => e.id)).toEqual(['0123456789ab', '123456789012', 'aaaaaaaaaaaa', 'abcdefabcdef-2']);
  });

  it('does not cache files changed within settleMs, so an immediate same-size edit is seen', async () => {
    const { read, claims, cached } = await setup(entries);
    const file = path.join(claims, entryFileName('0123456789ab'));
    writeFileSync(file, readFileSync(file, 'utf8').replace('120 new homes.\noutlets', '130 new homes.\noutlets'));
    const first = await read({ settleMs: 60_000 });
    expect(first.entries.find((e) => e.id === '0123456789ab')!.text).toBe('The council approved 130 new homes.');
    expect(cached()?.has(entryFileName('0123456789ab')) ?? false).toBe(false);
    // Edited again at once, same size: still seen.
    writeFileSync(file, readFileSync(file, 'utf8').replace('130 new homes.\noutlets', '140 new homes.\noutlets'));
    const second = await read({ settleMs: 60_000 });
    expect(second.entries.find((e) => e.id === '0123456789ab')!.text).toBe('The council approved 140 new homes.');
  });

  const corruptions: [string, (text: string) => string][] = [
    ['truncated', (text) => text.slice(0, Math.floor(text.length / 2))],
    ['empty', () => ''],
    ['garbage bytes', () => '\u0000\u00ff\ufffd not json at all {{{'],
    ['foreign JSON (array)', () => '[1, 2, 3]'],
    ['foreign JSON (null)', () => 'null'],
    ['foreign JSON (another tool)', () => JSON.stringify({ claimcheck: 'cache', kind: 'sources', data: {} })],
    ['another fingerprint', (text) => text.replace(ledgerFingerprint(), '0000000000000000')],
    ['files not a list', (text) => JSON.stringify({ ...JSON.parse(text), data: { strings: [], files: 'x' } })],
    ['a row of the wrong shape', (text) => {
      const value = JSON.parse(text);
      value.data.files[0] = [value.data.files[0][0], value.data.files[0][1], 0, ['x']];
      return JSON.stringify(value);
    }],
    ['a string index out of range', (text) => {
      const value = JSON.parse(text);
      value.data.strings = [];
      return JSON.stringify(value);
    }],
    ['a wrong verdict', (text) => JSON.stringify(JSON.parse(text)).replace(/"disputed"/g, '"maybe"')],
  ];

  it.each(corruptions)('ignores and rebuilds a cache file that is %s', async (_name, corrupt) => {
    const { read, cacheFiles, cached } = await setup(entries);
    const expected = plain(await read({ cache: false }));
    await read();
    const [cacheFile] = cacheFiles();
    expect(cacheFile).toBeDefined();
    const good = readFileSync(cacheFile!, 'utf8');
    writeFileSync(cacheFile!, corrupt(good));
    expect(readFileSync(cacheFile!, 'utf8')).not.toBe(good);

    expect(plain(await read())).toStrictEqual(expected);
    // Rebuilt: valid again, with every file.
    expect(cached()).toBeDefined();
    expect(cached()!.size).toBe(entries.length);
    expect(plain(await read())).toStrictEqual(expected);
  });

  it('gives the same diagnostics for broken files from the cache as without it', async () => {
    const { read, claims, cached } = await setup(entries);
    writeFileSync(path.join(claims, 'bbbbbbbbbbbb.yml'), `${HEADER}id: bbbbbbbbbbbb\nverdict: unique\ntext: [unclosed\noutlets: []\nmentions: []\n`);
    writeFileSync(path.join(claims, 'cccccccccccc.yml'), formatEntry(sampleEntry('cccccccccccc')).replace('verdict: disputed', 'verdict: maybe'));
    writeFileSync(path.join(claims, 'dddddddddddd.yml'), formatEntry(sampleEntry('eeeeeeeeeeee')));
    const review = 'review:\n  # confirmed by phone\n  confirmed: corroborated\n  separate:\n    - [planet-homes#a1b2c3d4e5f6, gazette-homes#0f1e2d3c4b5a]\n';
    writeFileSync(path.join(claims, 'ffffffffffff.yml'), formatEntry(sampleEntry('ffffffffffff')) + review);
    await sleep(30);

    const uncached = plain(await read({ cache: false }));
    expect(uncached.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual([
      'claims/bbbbbbbbbbbb.yml ledger-yaml',
      'claims/cccccccccccc.yml ledger',
      'claims/dddddddddddd.yml ledger',
    ]);
    // Exactly what the positioned parser reports for each file.
    expect(uncached.diagnostics).toEqual(
      ['bbbbbbbbbbbb.yml', 'cccccccccccc.yml', 'dddddddddddd.yml'].flatMap(
        (name) => parseEntryDocument(`claims/${name}`, readFileSync(path.join(claims, name), 'utf8')).diagnostics,
      ),
    );
    const reviewed = uncached.entries.find((e) => e.id === 'ffffffffffff')!;
    expect(reviewed.review).toEqual({ confirmed: 'corroborated', separate: [['planet-homes#a1b2c3d4e5f6', 'gazette-homes#0f1e2d3c4b5a']], updates: [] });
    expect(reviewed.reviewSource).toBe(review);

    expect(plain(await read())).toStrictEqual(uncached);
    expect(cached()!.get('bbbbbbbbbbbb.yml')!.parse.kind).toBe('text');
    expect(plain(await read())).toStrictEqual(uncached);
  });

  it('shows diagnostics with the folder as seen from the current cwd, whatever cwd wrote the cache', async () => {
    const { cwd, cache, read, cached } = await setup(entries);
    writeFileSync(path.join(cwd, 'claims', 'bbbbbbbbbbbb.yml'), 'id: [\n');
    await sleep(30);
    await read();
    const sub = path.join(cwd, 'sub');
    mkdirSync(sub);
    expect(cached()!.get('bbbbbbbbbbbb.yml')!.parse.kind).toBe('text');
    const fromSub = await readLedger('../claims', { cwd: sub, cache, settleMs: 0 });
    const fresh = await readLedger('../claims', { cwd: sub, cache: false });
    expect(plain(fromSub)).toStrictEqual(plain(fresh));
    // A folder outside cwd is shown by its absolute path.
    expect(fromSub.diagnostics[0]!.file).toBe(`${path.join(cwd, 'claims')}/bbbbbbbbbbbb.yml`);
  });

  it('keeps the caches of two ledger folders apart', async () => {
    const one = await setup(entries);
    const two = await setup([sampleEntry('0123456789ab', { text: 'A different claim.', conflicts: [] })]);
    // Same cache folder for both.
    const readOne = () => readLedger('claims', { cwd: one.cwd, cache: one.cache, settleMs: 0 });
    const readTwo = () => readLedger('claims', { cwd: two.cwd, cache: one.cache, settleMs: 0 });
    await readOne();
    await readTwo();
    expect((await readOne()).entries.find((e) => e.id === '0123456789ab')!.text).toBe('The council approved 120 new homes.');
    expect((await readTwo()).entries.find((e) => e.id === '0123456789ab')!.text).toBe('A different claim.');
  });
});
