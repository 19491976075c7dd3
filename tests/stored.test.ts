// The cache's compact layout of a parsed source and its analysis (src/engine/codec.ts)
// must read back as exactly the objects it was made from, key order included
// (the JSON reporters print them), must refuse what it cannot store exactly, and
// must reject data of another shape instead of misreading it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../scripts/generate-corpus.js';
import { analysisData } from './helpers/analysis.js';
import { asciiJson } from '../src/engine/store.js';
import { parseSource } from '../src/core/parse.js';
import { decodeAnalysis, decodeParsed, encodeAnalysis, encodeParsed } from '../src/engine/codec.js';

const root = path.join(import.meta.dirname, '..');

/** Markdown sources: the seeds, the synthetic fixtures, generated articles and one with markup. */
function samples(): { file: string; bytes: Uint8Array }[] {
  const folder = (dir: string) =>
    readdirSync(path.join(root, dir))
      .filter((name) => name.endsWith('.md'))
      .map((name) => ({ file: `${dir}/${name}`, bytes: readFileSync(path.join(root, dir, name)) }));
  const generated = [0, 1, 2, 17, 123].map((index) => generateArticle(index)).map((article) => ({ file: `gen/${article.name}`, bytes: Buffer.from(article.text) }));
  const markup = [
    '---',
    'outlet: Test Wire',
    'published: 2020-12-18',
    '---',
    '',
    'The **Justice Department** said on Friday that [Zoom](https://zoom.us) shut down *at least four* meetings,',
    'and that about 1,000 users in São Paulo were affected; “we did not,” the company’s spokesman said.',
    '',
    '> Officials said 12 percent of the accounts were closed in June 2020.',
    '',
    '- Prosecutors charged Xinjiang Jin, who is 39, with conspiracy.',
    '',
  ].join('\n');
  return [...folder('sources'), ...folder('tests/fixtures/synthetic'), ...folder('tests/fixtures/load'), ...generated, { file: 'markup.md', bytes: Buffer.from(markup) }];
}

describe('stored layout', () => {
  it('should read back exactly what it stored, key order included, in about a quarter of the JSON', () => {
    let stored = 0;
    let plain = 0;
    for (const { file, bytes } of samples()) {
      const parsed = parseSource(file, bytes);
      const analysis = parsed.source ? analysisData(parsed.source) : undefined;
      const encoded = encodeParsed(parsed, analysis);
      expect(encoded, file).toBeDefined();
      const json = asciiJson(encoded);
      const back = decodeParsed(JSON.parse(json), file, parsed.source?.text, parsed.source?.hash ?? '');
      expect(JSON.stringify(back?.parsed), file).toBe(JSON.stringify(parsed));
      expect(JSON.stringify(back?.analysis), file).toBe(JSON.stringify(analysis));
      expect(back?.analysis, file).toEqual(analysis);
      if (parsed.source) {
        // The story profile (its rare terms' weights are numbers with all their digits) is about as long as rows as
        // in JSON: the quarter is of the rest, the source and its claims.
        expect(back?.analysis?.story, file).toEqual(analysis!.story);
        expect(analysis!.story?.id, file).toBe(parsed.source.id);
        const { text: _text, ...source } = parsed.source;
        const { story: _story, ...rest } = analysis!;
        stored += asciiJson(encodeParsed(parsed, rest)).length;
        plain += JSON.stringify({ source, diagnostics: parsed.diagnostics, analysis: rest }).length;
      }
    }
    expect(stored / plain).toBeLessThan(0.3);
  });

  it('should keep the texts it cannot derive (markup, quoted text that is not the span)', () => {
    const { bytes } = samples().at(-1)!;
    const parsed = parseSource('markup.md', bytes);
    const source = parsed.source!;
    const analysis = analysisData(source);
    expect(analysis.claims.some((claim) => claim.sentence.plain !== claim.sentence.text)).toBe(true);
    const stored = encodeAnalysis(analysis, source)!;
    // A claim row's plain text (item 4) is there exactly when it differs from the sentence's text.
    stored.claims.forEach((row, index) => {
      const sentence = analysis.claims[index]!.sentence;
      expect(row[4]).toBe(sentence.plain === sentence.text ? null : sentence.plain);
    });
    expect(decodeAnalysis(JSON.parse(JSON.stringify(stored)), source)).toEqual(analysis);
  });

  it('should refuse objects it cannot store exactly', () => {
    const parsed = parseSource('gen.md', Buffer.from(generateArticle(5).text));
    const source = parsed.source!;
    const analysis = analysisData(source);
    const claim = analysis.claims[0]!;
    // A key more, or the same keys in another order, would not read back the same.
    const extra = { ...analysis, claims: [{ ...claim, note: 'x' }, ...analysis.claims.slice(1)] };
    expect(encodeAnalysis(extra as typeof analysis, source)).toBeUndefined();
    const { outlet, ...rest } = claim;
    const reordered = { ...analysis, claims: [{ ...rest, outlet }, ...analysis.claims.slice(1)] };
    expect(encodeAnalysis(reordered as typeof analysis, source)).toBeUndefined();
    // A claim of another source.
    const foreign = { ...analysis, claims: [{ ...claim, sentence: { ...claim.sentence, source: 'other' } }] };
    expect(encodeAnalysis(foreign, source)).toBeUndefined();
    expect(encodeParsed({ ...parsed, source: { ...source, extra: 1 } as typeof source }, analysis)).toBeUndefined();
  });

  it('should reject data of another shape', () => {
    const parsed = parseSource('gen.md', Buffer.from(generateArticle(7).text));
    const source = parsed.source!;
    const stored = JSON.parse(JSON.stringify(encodeParsed(parsed, analysisData(source))));
    const decode = (data: unknown) => decodeParsed(data, 'gen.md', source.text, source.hash);
    expect(decode(stored)).toBeDefined();
    expect(decode({ ...stored, source: { ...stored.source, hash: 'other' } })).toBeUndefined();
    expect(decode({ ...stored, source: { ...stored.source, blocks: [['paragraph', null, [0, 0], [1, 1, 0, 1, 2, 1]]] } })).toBeUndefined();
    expect(decodeParsed(stored, 'other.md', source.text, source.hash)).toBeUndefined();
    expect(decodeParsed(stored, 'gen.md', undefined, source.hash)).toBeUndefined();
    // A damaged analysis is dropped, the parse kept.
    const claims = stored.analysis.claims.map((row: unknown[]) => [...row.slice(0, 12)]);
    const damaged = decode({ ...stored, analysis: { ...stored.analysis, claims } });
    expect(damaged?.parsed.source).toEqual(source);
    expect(damaged?.analysis).toBeUndefined();
    expect(decodeAnalysis({ ...stored.analysis, profiles: [] }, source)).toBeUndefined();
    expect(decodeAnalysis({ ...stored.analysis, sentences: 0 }, source)).toBeUndefined();
  });
});
