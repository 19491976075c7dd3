import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics.js';
import { loadSources } from '../src/engine/files.js';
import { parseSource, sourceFromPlainText } from '../src/core/parse.js';
import { splitSentences } from '../src/core/sentences.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const fixtures = path.join(import.meta.dirname, 'fixtures', 'load');
const parseFixture = (name: string) => parseSource(`fixtures/${name}`, readFileSync(path.join(fixtures, name)));

describe('parseSource errors', () => {
  it.each([
    ['empty.md', 'fixtures/empty.md:1:1: error: empty file: expected front matter with `outlet:` and article text (empty)'],
    ['binary.md', 'fixtures/binary.md:5:1: error: binary file: not a Markdown source (found a NUL or control byte) (binary)'],
    ['latin1.md', 'fixtures/latin1.md:2:12: error: not UTF-8: invalid byte sequence (save the file as UTF-8) (encoding)'],
    [
      'no-front-matter.md',
      'fixtures/no-front-matter.md:1:1: error: missing front matter: start the file with a `---` block that has at least `outlet:` (no-front-matter)',
    ],
    ['only-front-matter.md', 'fixtures/only-front-matter.md:3:4: error: no article text after the front matter (no-body)'],
    [
      'missing-outlet.md',
      'fixtures/missing-outlet.md:2:1: error: missing `outlet` in front matter: name the outlet that published the article (missing-outlet)',
    ],
    [
      'bad-date.md',
      'fixtures/bad-date.md:3:12: error: `published` is not a date: "2020-13-45" (expected YYYY-MM-DD, e.g. 2020-12-18) (invalid-date)',
    ],
    ['bad-url.md', 'fixtures/bad-url.md:3:6: error: `url` is not an http(s) URL: "not a url" (invalid-url)'],
    [
      'yaml-error.md',
      'fixtures/yaml-error.md:3:17: error: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (yaml)',
    ],
  ])('should reject %s with the exact message', (name, expected) => {
    const result = parseFixture(name);
    expect(result.source).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([expected]);
  });

  it('should warn about an unknown field and still load the source', () => {
    const result = parseFixture('unknown-field.md');
    expect(result.source?.meta).toEqual({ outlet: 'X' });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'fixtures/unknown-field.md:3:1: warning: unknown front-matter field `section` (known: outlet, title, url, published, author) (unknown-field)',
    ]);
  });

  it.each([
    ['2020-02-30', false],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['20-12-18', false],
    ['December 18, 2020', false],
  ])('should accept published %s only when it is a real ISO date (%s)', (date, valid) => {
    const result = parseSource('x.md', Buffer.from(`---\noutlet: X\npublished: ${date}\n---\n\nText.\n`));
    expect(result.source !== undefined).toBe(valid);
  });

  it('should never throw on random bytes', () => {
    for (let seed = 1; seed < 300; seed++) {
      const bytes = Buffer.alloc(seed * 3);
      let state = seed;
      for (let i = 0; i < bytes.length; i++) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        bytes[i] = state & 0xff;
      }
      expect(() => parseSource('random.md', bytes)).not.toThrow();
    }
  });
});

describe('parseSource on good files', () => {
  it('should read every front-matter field', () => {
    const result = parseFixture('good.md');
    expect(result.diagnostics).toEqual([]);
    expect(result.source?.meta).toEqual({ outlet: 'Good News', published: '2020-12-18', author: ['A. Writer', 'B. Writer'] });
    expect(result.source?.id).toBe('good');
  });

  it('should drop a BOM and keep positions right', () => {
    const source = parseFixture('bom.md').source!;
    expect(source.text.startsWith('---')).toBe(true);
    const [sentence] = splitSentences(source);
    expect(sentence?.text).toBe('A sentence with a BOM before it.');
    expect(sentence?.position.start).toEqual({ line: 5, column: 1, offset: source.text.indexOf('A sentence') });
  });

  it('should keep positions right with CRLF line endings', () => {
    const source = parseFixture('crlf.md').source!;
    const sentences = splitSentences(source);
    expect(sentences.map((s) => [s.text, s.position.start.line, s.position.start.column])).toEqual([
      ['First line here.', 5, 1],
      ['Second paragraph?', 6, 1],
      ['No, same paragraph.', 6, 19],
      ['Another paragraph.', 8, 1],
    ]);
    for (const sentence of sentences) {
      expect(source.text.slice(sentence.position.start.offset, sentence.position.end.offset)).toBe(sentence.text);
    }
  });

  it('should map plain text through Markdown markup back to the file', () => {
    const text = '---\noutlet: X\n---\n\nHe said *very* clearly \\* that [the DOJ](https://x.y) acted. It was `late`.\n';
    const source = parseSource('m.md', Buffer.from(text)).source!;
    const sentences = splitSentences(source);
    expect(sentences.map((s) => s.plain)).toEqual(['He said very clearly * that the DOJ acted.', 'It was late.']);
    for (const sentence of sentences) {
      expect(text.slice(sentence.position.start.offset, sentence.position.end.offset)).toBe(sentence.text);
    }
    expect(sentences[0]!.text).toBe('He said *very* clearly \\* that [the DOJ](https://x.y) acted.');
  });
});

describe('sourceFromPlainText', () => {
  it('should make one block per blank-line-separated paragraph', () => {
    const source = sourceFromPlainText('One. Two.\n\n\nThree\nfour.\n');
    expect(source.blocks.map((block) => block.text)).toEqual(['One. Two.', 'Three\nfour.']);
    expect(source.blocks[1]!.position.start).toEqual({ line: 4, column: 1, offset: 12 });
  });
});

describe('loadSources', () => {
  const folder = () => tempFolder('claimcheck-load-');
  const article = (outlet: string, body: string) => `---\noutlet: ${outlet}\n---\n\n${body}\n`;

  it('should load the good files, report the bad ones and skip non-Markdown files', async () => {
    const root = folder();
    writeFileSync(path.join(root, 'a.md'), article('A', 'Alpha reported a thing.'));
    writeFileSync(path.join(root, 'b.md'), '---\ntitle: x\n---\n\nNo outlet.\n');
    writeFileSync(path.join(root, 'notes.txt'), 'not a source');
    writeFileSync(path.join(root, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const result = await loadSources(['.'], { cwd: root });
    expect(result.sources.map((source) => source.path)).toEqual(['a.md']);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'b.md:2:1: error: missing `outlet` in front matter: name the outlet that published the article (missing-outlet)',
    ]);
  });

  it('should flag the same article under two names and count it once', async () => {
    const root = folder();
    writeFileSync(path.join(root, 'one.md'), article('A', 'The same text.  Twice.'));
    // The same outlet: a duplicate (another outlet's copy is syndication, kept: tests/syndication.test.ts).
    writeFileSync(path.join(root, 'two.md'), article('A', 'The same text. Twice.'));
    const result = await loadSources(['.'], { cwd: root });
    expect(result.sources.map((source) => source.id)).toEqual(['one']);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'two.md:1:1: error: duplicate of one.md: the same article text; counted once (duplicate)',
    ]);
  });

  it('should report a missing path and a symlink loop without stopping', async () => {
    const root = folder();
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'a.md'), article('A', 'Alpha.'));
    symlinkSync('.', path.join(root, 'src', 'loop'));
    symlinkSync('self', path.join(root, 'self'));
    const result = await loadSources(['src', 'missing', 'self'], { cwd: root });
    expect(result.sources.map((source) => source.path)).toEqual(['src/a.md']);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'missing:1:1: error: no such file or folder (not-found)',
      'self:1:1: error: symlink loop: the link points back to itself (symlink-loop)',
      'src/loop:1:1: error: symlink loop: this folder was already searched (symlink-loop)',
    ]);
  });

  it('should give sources with the same file name in two folders distinct ids', async () => {
    const root = folder();
    mkdirSync(path.join(root, 'x'));
    mkdirSync(path.join(root, 'y'));
    writeFileSync(path.join(root, 'x', 'story.md'), article('A', 'Alpha said one thing.'));
    writeFileSync(path.join(root, 'y', 'story.md'), article('B', 'Beta said another thing.'));
    const result = await loadSources(['x', 'y'], { cwd: root });
    expect(result.sources.map((source) => source.id)).toEqual(['x/story', 'y/story']);
  });
});

describe('the committed corpus', () => {
  it('should load the five seed articles with no problems', async () => {
    const result = await loadSources(['sources'], { cwd: path.join(import.meta.dirname, '..') });
    expect(result.diagnostics).toEqual([]);
    expect(result.sources.map((source) => source.meta.outlet).sort()).toEqual([
      'Bitter Winter',
      'PJ Media',
      'The Epoch Times',
      'Unattributed (seed 000)',
      'Unattributed (seed 004)',
    ]);
    const published = Object.fromEntries(result.sources.map((source) => [source.meta.outlet, source.meta.published ?? null]));
    expect(published).toEqual({
      'Bitter Winter': '2020-12-22',
      'PJ Media': null,
      'The Epoch Times': null,
      'Unattributed (seed 000)': null,
      'Unattributed (seed 004)': null,
    });
  });

  it('should keep all of seed 002’s menus, lists and footer out of the prose', async () => {
    const result = await loadSources(['sources'], { cwd: path.join(import.meta.dirname, '..') });
    const bitterWinter = result.sources.find((source) => source.meta.outlet === 'Bitter Winter')!;
    const prose = splitSentences(bitterWinter).map((sentence) => sentence.plain).join('\n');
    for (const boilerplate of ['Skip to', 'HOME', 'Related articles', 'Keep Reading', 'Most Read', 'Copyright', 'Via Confienza', 'Phone:', 'Marco Respinti is an Italian', 'Tagged With', 'PRIVACY POLICY']) {
      expect(prose).not.toContain(boilerplate);
    }
    expect(prose).toContain('June 4, 2020 was the 31st anniversary of the Tiananmen Square carnage.');
    expect(prose).toContain('Will somebody post child pornography and claim we did it, next time we disturb the CCP on Zoom?');
  });
});
