// The fast wrap of plain ASCII must give exactly what wrap-ansi gives.
import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/render/wrap.js';

const reference = (text: string, width: number) => wrapAnsi(text, width, { hard: true, trim: true });

describe('wrapText', () => {
  it.each([
    ['The company said it fired Jin and placed other employees on leave.', 20],
    ['short', 40],
    ['averyveryverylongwordthatdoesnotfit in a line', 10],
    ['two  spaces   inside and trailing   ', 12],
    ['line one\nline two is a little longer', 9],
    ['• A sentence with a bullet sources/x.md:3:1', 30],
    ['', 10],
    ['a b c d e f g h i j k l m n o p', 3],
  ])('should wrap %j at %i columns as wrap-ansi does', (text, width) => {
    expect(wrapText(text, width)).toBe(reference(text, width));
  });

  it.each([
    ['printable ASCII', /^[ -~\n]{0,200}$/],
    ['one-column letters and punctuation, single spaces', /^(?:[a-zé—“”•’ñ\u00a0-]{1,12} ){0,30}[a-zé—“”•’]{0,12}$/],
  ])('should agree with wrap-ansi on any %s', (_, pattern) => {
    const ascii = fc.stringMatching(pattern);
    fc.assert(
      fc.property(ascii, fc.integer({ min: 1, max: 90 }), (text, width) => {
        expect(wrapText(text, width)).toBe(reference(text, width));
      }),
      { numRuns: 3000 },
    );
  });

  it('should leave text with colour or wide characters to wrap-ansi', () => {
    const coloured = 'The \u001b[36mplace\u001b[39m of a sentence that wraps somewhere';
    expect(wrapText(coloured, 12)).toBe(reference(coloured, 12));
    expect(wrapText('中文字符测试 wide', 4)).toBe(reference('中文字符测试 wide', 4));
  });
});
