// GramTable (src/core/match/grams.ts): n-gram sets that are forgotten are taken back
// by compaction, and the sets left (and any built again) are the values a fresh
// table gives, slot numbers unchanged.
import { describe, expect, it } from 'vitest';
import { GramTable } from '../../src/core/match/similarity.js';
import { termsOf, type Terms } from '../../src/core/match/terms.js';

const SENTENCES = [
  'The harbour board approved a new ferry terminal for Kestrel Bay on Tuesday.',
  'Volunteers planted four hundred oak saplings along the river path.',
  'A fire at the old mill on Quarry Lane destroyed two warehouses overnight.',
  'The county council voted to close three libraries to save money next year.',
  'Police arrested a man suspected of stealing copper cable from the railway.',
  'The orchestra cancelled its winter tour after the conductor fell ill.',
];

/** Many distinct sentences: enough values to fill the first pools several times. */
const many = (count: number): Terms[] =>
  Array.from({ length: count }, (_, k) => termsOf(`${SENTENCES[k % SENTENCES.length]} Item ${'abcdefghij'[k % 10]}${Math.floor(k / 10)} zone${k}`));

/** A slot's values, read through its view. */
function valuesOf(table: GramTable, slot: number): number[][] {
  const view = table.view(slot);
  const { ints, floats } = table.pools();
  return [
    [...ints.subarray(view.tokenStart, view.charEnd)],
    [...floats.subarray(view.bigramStart, view.contentEnd)],
    [view.tokenEnd - view.tokenStart, view.tokenIdEnd - view.tokenIdStart, view.sequenceIdEnd - view.sequenceIdStart, view.charEnd - view.charStart],
    [view.bigramEnd - view.bigramStart, view.trigramEnd - view.trigramStart, view.contentEnd - view.contentStart],
    [table.totalAt(slot), table.sortedAt(slot) ? 1 : 0],
  ];
}

describe('GramTable.forget', () => {
  it.each([
    ['every other slot forgotten', 400, (k: number) => k % 2 === 0],
    ['all but the last few forgotten', 400, (k: number) => k < 390],
    ['nothing forgotten', 200, () => false],
    ['the first half forgotten', 600, (k: number) => k < 300],
  ])('%s: the sets left and those built again equal a fresh table’s', (_, count, forgotten) => {
    const terms = many(count);
    const reference = new GramTable();
    const expected = terms.map((t) => valuesOf(reference, reference.gramsOf(t)));
    const table = new GramTable();
    const slots = new Map<number, number>();
    // Build in waves, forgetting between them, so that pools fill and compact while slots are live.
    for (let k = 0; k < count; k++) {
      slots.set(k, table.gramsOf(terms[k]!));
      if (k % 50 === 49) for (let j = k - 49; j <= k; j++) if (forgotten(j)) table.forget(terms[j]!);
    }
    for (let k = 0; k < count; k++) {
      if (forgotten(k)) continue;
      expect(table.gramsOf(terms[k]!)).toBe(slots.get(k));
      expect(valuesOf(table, slots.get(k)!)).toEqual(expected[k]);
    }
    // Forgotten sets are built again, with the same values (words keep their ids).
    for (let k = 0; k < count; k++) if (forgotten(k)) expect(valuesOf(table, table.gramsOf(terms[k]!))).toEqual(expected[k]);
  });

  it('takes the room back: pools stay smaller than without forgetting', () => {
    const terms = many(3000);
    const kept = new GramTable();
    const forgetting = new GramTable();
    terms.forEach((t, k) => {
      kept.gramsOf(t);
      forgetting.gramsOf(t);
      if (k >= 20) forgetting.forget(terms[k - 20]!);
    });
    expect(forgetting.bytes()).toBeLessThan(kept.bytes() / 2);
  });

  it('forgetting terms it never built changes nothing', () => {
    const table = new GramTable();
    const [a, b] = many(2);
    const slot = table.gramsOf(a!);
    const before = valuesOf(table, slot);
    table.forget(b!);
    expect(valuesOf(table, slot)).toEqual(before);
  });
});
