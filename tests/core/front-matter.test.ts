// The direct reader of simple front matter (src/core/front-matter.ts) against `yaml`:
// whatever it takes, it reads as `yaml` does (values and offsets); what it cannot be
// sure of it leaves to `yaml`.
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { simpleFrontMatter } from '../../src/core/front-matter.js';

const KNOWN = new Set(['outlet', 'title', 'url', 'published', 'author']);

/** The fields as `yaml` reads them (the reading parse.ts falls back on). */
function byYaml(text: string): Map<string, { value: unknown; index: number }> | undefined {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const values = document.toJS() as Record<string, unknown>;
  const fields = new Map<string, { value: unknown; index: number }>();
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const node = pair.value;
    const index = isScalar(node) || isSeq(node) || isMap(node) ? (node.range?.[0] ?? 0) : 0;
    fields.set(key, { value: values[key], index });
  }
  return fields;
}

describe('simpleFrontMatter', () => {
  it.each([
    ['outlet: Harbour Gazette'],
    ['outlet: Harbour Gazette\ntitle: Ferry fares rise again\nurl: https://example.net/harbour/ferry?id=7#top\npublished: 2024-03-09\nauthor: [Ida Marsh, Tom Okafor]'],
    ['outlet: "The Morning Lamp"\ntitle: "Council: budget passes, 7-2"'],
    ["title: 'Mayor\"s plan'\noutlet: Lamp"],
    ["outlet: O'Brien Weekly\ntitle: Rain, then sun; it's 'mild' & calm"],
    ['outlet: Élan Quotidien\nauthor: Zoë Ruiz'],
    ['outlet: Lamp\nauthor: []'],
    ['outlet: Lamp\nauthor: [ Ida Marsh ,Tom Okafor ]'],
    ['outlet: Lamp\npublished: 2024-13-45'],
    ['outlet: Lamp\ntitle: C# and F# news'],
    ['outlet: Lamp\ntitle: Price was 100%, really'],
    ['outlet: Lamp\ntitle: a|b > c'],
  ])('should read %j as yaml does', (text) => {
    const fast = simpleFrontMatter(text, KNOWN);
    expect(fast).toBeDefined();
    expect(fast).toEqual(byYaml(text));
  });

  it.each([
    ['outlet: Lamp\n# a comment'],
    ['outlet: Lamp\nsection: Sport'],
    ['outlet: Lamp\noutlet: Again'],
    ['outlet: true'],
    ['outlet: Null'],
    ['outlet: 12 Days'],
    ['outlet: .inf'],
    ['outlet: Lamp\ntitle: Key: value'],
    ['outlet: Lamp\ntitle: Fares rise #breaking'],
    ['outlet: Lamp\ntitle: Ends with:'],
    ['outlet: Lamp\ntitle: "An \\"escaped\\" quote"'],
    ["outlet: Lamp\ntitle: 'It''s here'"],
    ['outlet: Lamp\nauthor: [a,,b]'],
    ['outlet: Lamp\nauthor: [a, [b]]'],
    ['outlet: Lamp\nauthor: [a: b]'],
    ['outlet: Lamp\nauthor: [Ida,  Tom]'],
    ['outlet: Lamp\ntitle: >\n  folded'],
    ['outlet: Lamp\ntitle: first\n  continued'],
    ['outlet: Lamp\n\ntitle: gap'],
    ['outlet:  two spaces'],
    ['outlet: Lamp\ttab'],
    ['outlet: Lamp\r'],
    ['outlet: &a Lamp\ntitle: *a'],
    ['outlet: !!str Lamp'],
    ['outlet: - Lamp'],
    [''],
  ])('should leave %j to yaml', (text) => {
    expect(simpleFrontMatter(text, KNOWN)).toBeUndefined();
  });

  it('should agree with yaml on every line it takes from words of awkward characters', () => {
    const pieces = ['a', 'Z', 'é', ' ', ':', '#', ',', '[', ']', '{', '}', "'", '"', '\\', '-', '?', '&', '*', '!', '|', '>', '%', '@', '`', '1', '.', 'null', 'true', 'x: y', ' #z', '2024-01-02'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    let taken = 0;
    for (let n = 0; n < 4000; n++) {
      const length = 1 + (n % 6);
      const value = Array.from({ length }, () => pieces[next()]!).join('');
      for (const written of [value, `"${value}"`, `'${value}'`, `[${value}]`, `[Ida, ${value}]`]) {
        const text = `outlet: Lamp\ntitle: ${written}`;
        const fast = simpleFrontMatter(text, KNOWN);
        if (fast === undefined) continue;
        taken++;
        expect(fast, text).toEqual(byYaml(text));
      }
    }
    expect(taken).toBeGreaterThan(1000);
  });
});
