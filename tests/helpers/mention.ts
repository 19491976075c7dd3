// A mention for hand-made reports in tests: the fields a test sets, the rest
// plain defaults (a check-worthy sentence at the start of line 1, in
// sources/<source>.md, with no quantities, dates, negation or attribution).
import type { Mention } from '../../src/types.js';

/**
 * A mention with defaults for every field not given.
 *
 * @param fields Key, source id, outlet and text, and any field to override (`line`: the line of its place).
 */
export function testMention(fields: Pick<Mention, 'key' | 'source' | 'outlet' | 'text'> & Partial<Mention> & { readonly line?: number }): Mention {
  const { line = 1, ...given } = fields;
  return {
    path: `sources/${fields.source}.md`,
    place: { start: { line, column: 1, offset: 0 }, end: { line, column: fields.text.length + 1, offset: fields.text.length } },
    quantities: [],
    dates: [],
    negated: false,
    attribution: null,
    checkworthiness: { checkworthy: true, score: 1, reason: 'test' },
    ...given,
  };
}
