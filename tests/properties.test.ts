// Property tests: for random and mutated article text the pipeline never throws,
// sentences never overlap and always slice back; the loader never throws on
// random bytes; the export always validates against the JSON Schema.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSource, buildReport } from '../src/core/report.js';
import { parseSource } from '../src/core/parse.js';
import { toJson } from '../src/render/json.js';
import { splitSentences } from '../src/core/sentences.js';
import type { Source } from '../src/types.js';

const root = path.join(import.meta.dirname, '..');
const seeds = readdirSync(path.join(root, 'sources')).map((name) => readFileSync(path.join(root, 'sources', name), 'utf8'));
const schema = JSON.parse(readFileSync(path.join(root, 'schema', 'claimcheck-export.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ strict: true, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** Edits that stress Markdown and sentence boundaries. */
const edit = fc.oneof(
  fc.constantFrom('\n', '\n\n', '\r\n', '*', '_', '`', '[', '](x)', '#', '> ', '- ', '1. ', '.', '...', '?!', '“', '”', '"', "'", '(', ')', 'U.S.', 'Dec.', '$4.5', '\u00a0', '\ufeff', '\u2028', '<b>', '&amp;', '\\'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const mutation = fc.array(fc.tuple(fc.nat(), edit), { maxLength: 25 });

function mutate(text: string, edits: readonly [number, string][]): string {
  let result = text;
  for (const [at, insert] of edits) {
    const index = 20 + (at % Math.max(1, result.length - 20)); // keep the front matter's opening line
    result = result.slice(0, index) + insert + result.slice(index);
  }
  return result;
}

function checkSentences(source: Source) {
  const sentences = splitSentences(source);
  let previousEnd = -1;
  for (const sentence of sentences) {
    const { start, end } = sentence.position;
    expect(source.text.slice(start.offset, end.offset)).toBe(sentence.text);
    expect(start.offset!).toBeGreaterThanOrEqual(previousEnd);
    expect(end.offset!).toBeGreaterThan(start.offset!);
    previousEnd = end.offset!;
  }
}

describe('properties', () => {
  it('should split mutated articles without throwing, overlapping or losing the slice', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), mutation, (seed, edits) => {
        const result = parseSource('mutated.md', Buffer.from(mutate(seed, edits)), { frontMatter: 'optional' });
        if (result.source) checkSentences(result.source);
      }),
      { numRuns: 150 },
    );
  });

  it('should never throw in the loader, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const result = parseSource('random.md', bytes);
        expect(result.source !== undefined || result.diagnostics.length > 0).toBe(true);
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.place.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.place.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should never throw on random text with front matter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (body) => {
        const result = parseSource('random.md', Buffer.from(`---\noutlet: Random\npublished: 2020-12-19\n---\n\n${body}\n`));
        if (result.source) {
          checkSentences(result.source);
          analyzeSource(result.source);
        }
      }),
      { numRuns: 200 },
    );
  });

  const sentence = fc
    .tuple(
      fc.constantFrom('Prosecutors said', 'The company confirmed', 'Officials denied that', 'According to the complaint,', 'Zoom said'),
      fc.constantFrom('at least', 'fewer than', 'about', 'up to', 'more than', 'exactly', ''),
      fc.integer({ min: 1, max: 5000 }),
      fc.constantFrom('video meetings', 'users', 'years in prison', 'accounts', 'participants', 'percent'),
      fc.constantFrom('were terminated', 'were shared', 'did not attend', 'were never charged', 'took part'),
      fc.constantFrom('on Friday', 'on Dec. 18', 'last week', 'in June 2020', ''),
    )
    .map(([lead, bound, figure, unit, verb, when]) => `${lead} ${bound} ${figure} ${unit} ${verb} ${when}`.replace(/\s+/g, ' ').trim() + '.');
  const article = fc.record({
    outlet: fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta'),
    published: fc.option(fc.constantFrom('2020-12-19', '2020-12-22', '2021-01-05'), { nil: undefined }),
    body: fc.array(sentence, { minLength: 1, maxLength: 6 }),
  });

  it('should always export JSON that validates against the schema', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 6 }), (articles) => {
        const sources = articles
          .map((a, i) => parseSource(`a${i}.md`, Buffer.from(`---\noutlet: ${a.outlet}\n${a.published ? `published: ${a.published}\n` : ''}---\n\n${a.body.join(' ')}\n`)).source)
          .filter((source): source is Source => source !== undefined)
          .map((source, i) => ({ ...source, id: `a${i}` }));
        const report = buildReport(sources, sources.map(analyzeSource));
        const valid = validate(toJson(report, '0.0.0'));
        if (!valid) throw new Error(JSON.stringify(validate.errors));
      }),
      { numRuns: 60 },
    );
  });
});
