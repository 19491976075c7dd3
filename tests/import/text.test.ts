import { describe, expect, it } from 'vitest';
import { textParagraphs } from '../../src/import/text.js';

describe('textParagraphs', () => {
  it.each<[string, string, string[]]>([
    ['blank lines separate paragraphs', 'One sentence.\n\nTwo sentences. Here.\n', ['One sentence.', 'Two sentences. Here.']],
    ['CRLF line endings and a BOM', '\uFEFFFirst.\r\n\r\nSecond.\r\n', ['First.', 'Second.']],
    [
      'each bullet and indented menu line is a paragraph',
      '• Skip to primary navigation\n  • Skip to main content\n    • NEWS\n',
      ['• Skip to primary navigation', '• Skip to main content', '• NEWS'],
    ],
    [
      'an indented copy of a list item is its own paragraph',
      '  • China: Religion Expelled\n    China: Religion Expelled\n',
      ['• China: Religion Expelled', 'China: Religion Expelled'],
    ],
    [
      'lines of a hard-wrapped text are joined with a space',
      'Prosecutors allege that Jin worked under the direction of Chinese\nsecurity officials to censor a series of meetings in May and June\nheld by activists.\n\nHe is still at-large in China, according to the complaint filed\nin Brooklyn.\n',
      [
        'Prosecutors allege that Jin worked under the direction of Chinese security officials to censor a series of meetings in May and June held by activists.',
        'He is still at-large in China, according to the complaint filed in Brooklyn.',
      ],
    ],
    [
      'short lines of a hard-wrapped text stay apart',
      'Prosecutors allege that Jin worked under the direction of Chinese\nsecurity officials.\nCathy He\nEva Fu\n',
      ['Prosecutors allege that Jin worked under the direction of Chinese security officials.', 'Cathy He', 'Eva Fu'],
    ],
    [
      'every line of a text with long unwrapped lines is a paragraph',
      `${'A long line of a browser copy that is not wrapped at any width at all, '.repeat(3)}end.\nZoom headquarters in San Jose, California.\nZoom headquarters in San Jose, California (credits).\n`,
      [
        `${'A long line of a browser copy that is not wrapped at any width at all, '.repeat(3)}end.`,
        'Zoom headquarters in San Jose, California.',
        'Zoom headquarters in San Jose, California (credits).',
      ],
    ],
  ])('should split when %s', (_, text, expected) => {
    expect(textParagraphs(text)).toEqual(expected);
  });
});
