// Input from an outsider's pull request (issue 16): a committed cache, symlinks out
// of the tree, look-alike outlet names, unchecked review blocks, YAML bombs, deep
// nesting and inputs that take quadratic time. Each is one file's diagnostic (or
// ignored), never a wrong verdict, a leak of a file outside the tree or a hang.
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bylineCredit, endsWithWord } from '../src/core/boilerplate.js';
import { parseSource } from '../src/core/parse.js';
import { userCacheFolder } from '../src/engine/cache-home.js';
import { CACHE_FOLDER } from '../src/engine/store.js';
import { crossReference } from '../src/engine/run.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const article = (outlet: string, body: string) => `---\noutlet: ${outlet}\n---\n\n${body}\n`;
const CLAIM = 'The harbour authority said on Monday that 14 cargo ships were held at the northern pier.';

/** Every file under `folder`, recursively. */
function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

describe('a cache committed to the working tree (item 7)', () => {
  it.each([
    [{ XDG_CACHE_HOME: '/var/cache/me' }, '/home/me', '/var/cache/me/claimcheck'],
    [{ XDG_CACHE_HOME: 'relative/cache' }, '/home/me', '/home/me/.cache/claimcheck'],
    [{}, '/home/me', '/home/me/.cache/claimcheck'],
  ])('should put the default cache in the user cache folder (%j)', (env, home, expected) => {
    expect(userCacheFolder(env, home)).toBe(expected);
  });

  it('should never read a .claimcheck-cache/ from the repository, nor write one there', async () => {
    const folder = tempFolder('claimcheck-poison-');
    mkdirSync(path.join(folder, 'sources'));
    writeFileSync(path.join(folder, 'sources', 'a.md'), article('Alpha Daily', CLAIM));
    writeFileSync(path.join(folder, 'sources', 'b.md'), article('Beta Herald', 'Officials said 14 cargo ships were held at the northern pier on Monday.'));
    // What a pull request could commit: a cache whose entries name another outlet.
    await crossReference(['sources'], { cwd: folder, cache: '.claimcheck-cache' });
    const committed = path.join(folder, '.claimcheck-cache');
    for (const file of walk(committed).filter((name) => name.endsWith('.json'))) {
      writeFileSync(file, readFileSync(file, 'latin1').replaceAll('Alpha Daily', 'Forged Times'), 'latin1');
    }
    const before = walk(committed).map((file) => [file, statSync(file).mtimeMs]);
    const result = await runCli(['export', '--format', 'json'], { cwd: folder });
    expect(result.stdout).toContain('Alpha Daily');
    expect(result.stdout).not.toContain('Forged Times');
    expect(walk(committed).map((file) => [file, statSync(file).mtimeMs])).toEqual(before);
    expect(path.relative(folder, CACHE_FOLDER).startsWith('..')).toBe(true);
  });
});

describe('symlinks that lead out of the tree (item 8)', () => {
  const setup = () => {
    const outside = tempFolder('claimcheck-private-');
    writeFileSync(path.join(outside, 'private.md'), article('Private Notes', 'The private ledger said that 93 secret accounts were opened in the western office.'));
    writeFileSync(path.join(outside, 'secret.yml'), 'id: abcdef123456\nverdict: unique\ntext: the secret key is hunter2\n');
    mkdirSync(path.join(outside, 'folder'));
    writeFileSync(path.join(outside, 'folder', 'deep.md'), article('Deep Secret', 'The hidden memo said that 71 private files were copied on Tuesday night.'));
    const folder = tempFolder('claimcheck-links-');
    mkdirSync(path.join(folder, 'sources'));
    mkdirSync(path.join(folder, 'claims'));
    writeFileSync(path.join(folder, 'sources', 'good.md'), article('Alpha Daily', CLAIM));
    symlinkSync(path.join(outside, 'private.md'), path.join(folder, 'sources', 'innocent.md'));
    symlinkSync(path.join(outside, 'folder'), path.join(folder, 'sources', 'more'));
    symlinkSync(path.join(outside, 'secret.yml'), path.join(folder, 'claims', 'abcdef123456.yml'));
    writeFileSync(path.join(folder, 'sources', 'inside-target.md'), article('Gamma Post', 'The port office said 14 cargo ships were held at the northern pier on Monday.'));
    symlinkSync('inside-target.md', path.join(folder, 'sources', 'alias-inside.md'));
    return { folder, outside };
  };

  it.each([
    ['report', ['report'], 'sources/innocent.md:1:1: error: symbolic link'],
    ['report (a linked folder)', ['report'], 'sources/more:1:1: error: symbolic link'],
    ['check (a linked ledger file)', ['check'], 'claims/abcdef123456.yml:1:1: error: symbolic link'],
  ])('should refuse a link out of the tree with a diagnostic at the link (%s)', async (_name, argv, expected) => {
    const { folder } = setup();
    const result = await runCli(argv, { cwd: folder });
    expect(result.stdout + result.stderr).toContain(expected);
    expect(result.stdout + result.stderr).not.toMatch(/secret|private|hunter2|Deep Secret/i);
    if (argv[0] === 'check') expect(result.code).toBe(1);
  });

  it('should still read a link that stays inside the tree, and the good sources', async () => {
    const { folder } = setup();
    const result = await runCli(['export', '--format', 'json'], { cwd: folder });
    expect(result.stdout).toContain('Alpha Daily');
    expect(result.stdout).toContain('sources/alias-inside.md');
  });

  it('should not write through a sources folder that is itself a link out of the tree', async () => {
    const { folder, outside } = setup();
    symlinkSync(outside, path.join(folder, 'linked-sources'));
    const result = await runCli(['add', '-', '--outlet', 'Delta News', '--sources', 'linked-sources'], {
      cwd: folder,
      stdin: 'The mayor said on Friday that 12 bridges would be closed for repairs.\n',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/symbolic link/);
    expect(readdirSync(outside).sort()).toEqual(['folder', 'private.md', 'secret.yml']);
  });
});

describe('the same folder given twice (item 11)', () => {
  it.each([[['sources', './sources/']], [['sources', 'sources/../sources']], [['.', 'sources']]])(
    'should search it once, silently (%j)',
    async (paths) => {
      const folder = tempFolder('claimcheck-twice-');
      mkdirSync(path.join(folder, 'sources'));
      writeFileSync(path.join(folder, 'sources', 'a.md'), article('Alpha Daily', CLAIM));
      const result = await runCli(['export', '--format', 'json', ...paths], { cwd: folder });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    },
  );
});

describe('YAML bombs, deep nesting and huge front matter (items 12, 13, 15)', () => {
  const lol = (indent: string) =>
    [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      `b: &b [${Array(10).fill('*a').join(', ')}]`,
      `c: &c [${Array(10).fill('*b').join(', ')}]`,
      `d: &d [${Array(10).fill('*c').join(', ')}]`,
    ]
      .map((line) => indent + line)
      .join('\n');
  const body = 'The city council said on Tuesday that 8 new schools would open in the spring.';

  it.each([
    ['billion laughs', `---\noutlet: Bomb Daily\n${lol('')}\n---\n\n${body}\n`, /^bad\.md:2:1: error: front matter cannot be read: Excessive alias count.*\(yaml\)$/m],
    ['10,000 block quotes', `---\noutlet: Deep Daily\n---\n\n${'> '.repeat(10_000)}${body}\n`, /^bad\.md:5:1: error: Markdown nested too deeply.*\(too-deep\)$/m],
    ['10,000 ordered items', `---\noutlet: Deep Daily\n---\n\n${'1. '.repeat(10_000)}${body}\n`, /^bad\.md:5:1: error: Markdown nested too deeply.*\(too-deep\)$/m],
    ['4,000 bullets', `---\noutlet: Deep Daily\n---\n\n${'- '.repeat(4_000)}${body}\n`, /^bad\.md:5:1: error: Markdown nested too deeply.*\(too-deep\)$/m],
    ['10,000 emphasis marks', `---\noutlet: Deep Daily\n---\n\n${'*'.repeat(10_000)}${body}${'*'.repeat(10_000)}\n`, /^bad\.md:5:1: error: Markdown nested too deeply.*\(too-deep\)$/m],
    ['40,000 front-matter keys', `---\noutlet: Keys Daily\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: 1`).join('\n')}\n---\n\n${body}\n`, /^bad\.md:1:1: error: front matter is too large: longer than 1000 lines \(too-large\)$/m],
    ['900 front-matter keys', `---\noutlet: Keys Daily\n${Array.from({ length: 900 }, (_, i) => `k${i}: 1`).join('\n')}\n---\n\n${body}\n`, /^bad\.md:3:1: warning: unknown front-matter field `k0`/m],
    ['a repeated key among many', `---\noutlet: Keys Daily\n${Array.from({ length: 900 }, (_, i) => `k${i}: 1`).join('\n')}\noutlet: Again\n---\n\n${body}\n`, /^bad\.md:903:1: error: front matter is not valid YAML: Map keys must be unique \(yaml\)$/m],
  ])('should make %s that file\'s diagnostic, in under 2 s, and still report the good source', async (_name, text, expected) => {
    const folder = tempFolder('claimcheck-bomb-');
    writeFileSync(path.join(folder, 'bad.md'), text);
    writeFileSync(path.join(folder, 'good.md'), article('Alpha Daily', CLAIM));
    const started = performance.now();
    const result = await runCli(['export', '--format', 'json', '--no-cache', '.'], { cwd: folder });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.stdout).toContain('Alpha Daily');
  });

  it('should make a billion-laughs ledger file that file\'s error, not the run\'s', async () => {
    const folder = tempFolder('claimcheck-bomb-ledger-');
    mkdirSync(path.join(folder, 'sources'));
    mkdirSync(path.join(folder, 'claims'));
    writeFileSync(path.join(folder, 'sources', 'a.md'), article('Alpha Daily', CLAIM));
    writeFileSync(path.join(folder, 'claims', 'abcdef123456.yml'), `id: abcdef123456\nverdict: unique\ntext: *d\n${lol('')}\n`);
    const result = await runCli(['check'], { cwd: folder });
    expect(result.stdout + result.stderr).toMatch(/claims\/abcdef123456\.yml:\d+:\d+: error: /);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.code).toBe(1);
  });
});

describe('a file too large to read (item 15)', () => {
  it.each([
    [undefined, 10.5 * 1024 * 1024, /^big\.md:1:1: error: file is larger than 10 MB \(10\.5 MB\).*\(too-large\)$/],
    [4096, 5000, /^big\.md:1:1: error: file is larger than 4 KB \(4\.9 KB\).*\(too-large\)$/],
  ])('should refuse it as that file\'s error (limit %s)', async (maxFileBytes, size, expected) => {
    const folder = tempFolder('claimcheck-big-');
    const head = '---\noutlet: Big Daily\n---\n\n';
    writeFileSync(path.join(folder, 'big.md'), head + 'a'.repeat(size - head.length));
    writeFileSync(path.join(folder, 'good.md'), article('Alpha Daily', CLAIM));
    const { loadSources } = await import('../src/engine/files.js');
    const loaded = await loadSources(['.'], { cwd: folder, ...(maxFileBytes ? { maxFileBytes } : {}) });
    expect(loaded.diagnostics.map(formatDiagnostic).join('\n')).toMatch(expected);
    expect(loaded.sources.map((source) => source.path)).toEqual(['good.md']);
  });
});

describe('boilerplate patterns in linear time (item 15)', () => {
  const alphabet = fc.constantFrom('a', 'É', 'b', 'y', 'B', ' ', '\t', '\n', '|', ',', '-', '·', '—', '1', '.', 'J');
  const text = fc.array(alphabet, { maxLength: 14 }).map((chars) => chars.join(''));

  it('should test what the dateline pattern tested', () => {
    fc.assert(fc.property(text, (value) => endsWithWord(value) === /\p{L}{2,}\s*\|?$/u.test(value)), { numRuns: 3000 });
  });

  it('should capture what the byline pattern captured (where a credit can be a name)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const match = /^by\s+(.+?)[\s|·•,–—-]*$/iu.exec(`By ${value}`);
        const credit = bylineCredit(`By ${value}`);
        // The pattern can also capture one trailing mark; no name list is made of that.
        if (match && credit === undefined) expect(match[1]).toMatch(/^[\s|·•,–—-]$/u);
        else expect(credit).toBe(match?.[1]);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a date, then letters and a digit', `---\noutlet: Slow Daily\n---\n\n2020-12-18 ${'a'.repeat(200_000)}1\n\n${CLAIM}\n`],
    ['a byline with a long tail of marks', `---\noutlet: Slow Daily\n---\n\nBy Jane${',-|'.repeat(66_666)}\n\n${CLAIM}\n`],
  ])('should load %s (200 KB) in under 2 s', async (_name, text) => {
    const started = performance.now();
    const parsed = parseSource('slow.md', new TextEncoder().encode(text));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parsed.source?.blocks.length).toBeGreaterThan(0);
  });
});

describe('one outlet spelled two ways (item 9)', () => {
  it.each([
    ['case', 'reuters'],
    ['a zero-width space', 'Reuters\u200b'],
    ['a bidi override', 'Reuters\u202e'],
    ['full-width letters', 'Ｒｅｕｔｅｒｓ'],
  ])('should not let an outlet corroborate itself (%s)', async (_name, variant) => {
    const folder = tempFolder('claimcheck-outlet-');
    writeFileSync(path.join(folder, 'a.md'), article('Reuters', CLAIM));
    writeFileSync(path.join(folder, 'b.md'), article(JSON.stringify(variant), 'Officials said 14 cargo ships were held at the northern pier on Monday.'));
    const result = await runCli(['export', '--format', 'json', '--no-cache', '.'], { cwd: folder });
    const findings = (JSON.parse(result.stdout) as { claims: { verdict: string; outlets: string[]; mentions: unknown[] }[] }).claims;
    const shared = findings.find((finding) => finding.mentions.length === 2);
    expect(shared?.verdict).toBe('unique');
    expect(shared?.outlets).toEqual(['Reuters']);
    expect(result.stderr).toMatch(/^b\.md:2:1: warning: outlet ".*" is spelled unlike "Reuters" in a\.md: counted as one outlet \(outlet-spelling\)$/m);
  });

  it.each([
    ['Reuters', 'reuters'],
    ['Reuters\u200b', 'reuters'],
    ['Reuters\u202e', 'reuters'],
    ['Caf\u0065\u0301 Press', 'café press'],
    ['Caf\u00e9 Press', 'café press'],
    ['Daily  Wire', 'daily wire'],
    ['Daily\u00a0Wire', 'daily wire'],
    [' Daily Wire\t', 'daily wire'],
  ])('should key %j as %j', async (name, key) => {
    const { outletKey } = await import('../src/core/outlet.js');
    expect(outletKey(name)).toBe(key);
  });
});

describe('review blocks are validated (item 10)', () => {
  /** A corpus whose ledger was just recorded: one corroborated claim of two outlets. */
  const recorded = async () => {
    const folder = tempFolder('claimcheck-review-');
    mkdirSync(path.join(folder, 'sources'));
    writeFileSync(path.join(folder, 'sources', 'a.md'), article('Alpha Daily', CLAIM));
    writeFileSync(path.join(folder, 'sources', 'b.md'), article('Beta Herald', 'Officials said 14 cargo ships were held at the northern pier on Monday.'));
    expect((await runCli(['check', '--update'], { cwd: folder })).code).toBe(0);
    const name = readdirSync(path.join(folder, 'claims')).find((file) => readFileSync(path.join(folder, 'claims', file), 'utf8').includes('verdict: corroborated'))!;
    const file = path.join(folder, 'claims', name);
    const keys = [...readFileSync(file, 'utf8').matchAll(/key: (\S+)/g)].map((match) => match[1]!);
    return { folder, file, name, keys };
  };
  const withReview = (file: string, review: string) => writeFileSync(file, `${readFileSync(file, 'utf8')}review:\n${review}`);

  it.each([
    ['separate with unknown keys', () => '  separate:\n    - [nope#1, nope#2]\n', /claims\/\w+\.yml:\d+:\d+: error: review `separate` names `nope#1`, which is no mention/],
    ['updates with a mistyped key', (keys: string[]) => `  updates:\n    - [${keys[0]}, ${keys[1]!.slice(0, -1)}x]\n`, /claims\/\w+\.yml:\d+:\d+: error: review `updates` names `\S+x`, which is no mention/],
    ['confirmed: disputed on a corroborated claim', () => '  confirmed: disputed\n', /corroborated, but the reviewer confirmed disputed/],
  ])('should fail check on %s', async (_name, review, expected) => {
    const { folder, file, keys } = await recorded();
    withReview(file, review(keys));
    const result = await runCli(['check'], { cwd: folder });
    expect(result.stdout + result.stderr).toMatch(expected);
    expect(result.code).toBe(1);
  });

  it.each([
    ['a pair of its own mentions', (keys: string[]) => `  updates:\n    - [${keys[0]}, ${keys[1]}]\n`],
    ['a confirmed verdict that still holds', () => '  confirmed: corroborated\n'],
  ])('should accept %s', async (_name, review) => {
    const { folder, file, keys } = await recorded();
    withReview(file, review(keys));
    const result = await runCli(['check'], { cwd: folder });
    expect(result.code).toBe(0);
  });
});

describe('add on text full of Markdown marks (item 15)', () => {
  it.each([
    ['one paragraph', `${'a*b_c[d] '.repeat(1_000)}said the mayor.\n`],
    ['many paragraphs', `${'The clerk said a*b_c[d] were filed on Friday.\n\n'.repeat(200)}`],
  ])('should import %s in under 2 s and keep its text', async (_name, text) => {
    const folder = tempFolder('claimcheck-escapes-');
    const started = performance.now();
    const result = await runCli(['add', '-', '--outlet', 'Marks Daily', '--dry-run'], { cwd: folder, stdin: text });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.code).toBe(0);
    const parsed = parseSource('x.md', new TextEncoder().encode(result.stdout));
    const plain = parsed.source!.blocks.map((block) => block.text).join('\n\n');
    expect(plain.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
  });
});

describe('text and Markdown reports of many unique claims (item 15)', () => {
  // Grouping by outlet appends in place now; this checks the grouping is kept (every claim, in order).
  it.each([['text'], ['markdown']])('should list every unique claim of an outlet once, in order (%s)', async (format) => {
    const folder = tempFolder('claimcheck-many-');
    writeFileSync(path.join(folder, 'a.md'), article('Alpha Daily', CLAIM));
    const report = await crossReference(['.'], { cwd: folder });
    const finding = report.claims[0]!;
    const claims = Array.from({ length: 300 }, (_, i) => ({
      ...finding,
      id: `${finding.id}${i}`,
      mentions: finding.mentions.map((mention) => ({ ...mention, text: `Claim number ${i} stands.` })),
    }));
    const { renderText } = await import('../src/render/text.js');
    const { renderMarkdown } = await import('../src/render/markdown.js');
    const render = format === 'text' ? renderText : renderMarkdown;
    // --all: every unique claim, not the most check-worthy few.
    const output = render({ ...report, claims }, { color: false, width: 100, showPossible: false, all: true });
    const order = [...output.matchAll(/Claim number (\d+) stands/g)].map((match) => Number(match[1]));
    expect(order).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });
});
