// jsonChunks with `itemOf`: the streamed array's elements are written as
// `itemOf` makes them, one at a time, and the text is exactly what
// JSON.stringify of the object with the mapped array gives.

import { describe, expect, it } from 'vitest';
import { jsonChunks, joinChunks } from '../../src/render/chunks.js';

const double = (item: unknown) => ({ ...(item as Record<string, unknown>), twice: 2 * ((item as { n: number }).n ?? 0) });

describe('jsonChunks itemOf', () => {
  it.each([
    ['no elements', { head: 'Town hall', rows: [], tail: [1, 2] }],
    ['one element', { head: 'The mayor said the bridge reopens in May.', rows: [{ n: 3 }], tail: null }],
    ['several, nested', { head: { deep: { deeper: ['a', 'b'] } }, rows: [{ n: 1, note: 'x\ny' }, { n: 2, list: [{ k: 1 }] }, { n: 5 }], tail: 'end' }],
    ['array last', { head: 1, rows: [{ n: 4 }, { n: 6 }] }],
  ])('%s: the same text as stringifying the mapped object', (_name, value) => {
    const mapped = { ...value, rows: value.rows.map(double) };
    expect(joinChunks(jsonChunks(value, 'rows', double))).toBe(`${JSON.stringify(mapped, null, 2)}\n`);
  });

  it.each([
    ['plain values', [0, -1.5, 'a "quoted" line\nand the next', true, null, '']],
    ['empty and nested containers', [{}, [], [[]], { a: {} }, { list: [1, [2, { b: [] }]] }]],
    ['text past ASCII', [{ name: 'Zoë “Ruiz”', note: '\u2028 and \u00e9' }]],
  ])('%s: each element indented to its depth as stringifying the whole object does', (_name, rows) => {
    expect(joinChunks(jsonChunks({ before: 'x', rows, after: { y: 1 } }, 'rows'))).toBe(`${JSON.stringify({ before: 'x', rows, after: { y: 1 } }, null, 2)}\n`);
  });

  it('makes each element only when its piece is written', () => {
    const made: number[] = [];
    const chunks = jsonChunks({ rows: [{ n: 1 }, { n: 2 }, { n: 3 }] }, 'rows', (item) => {
      made.push((item as { n: number }).n);
      return item;
    })[Symbol.iterator]();
    chunks.next(); // the text before the array
    expect(made).toEqual([]);
    chunks.next();
    expect(made).toEqual([1]);
  });
});
