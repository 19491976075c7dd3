// wrap: text → lines of at most `width` columns, as wrap-ansi does with
// `{ hard: true, trim: true }`. wrap-ansi measures every character's width
// (about 1 ms per sentence: 30,000 unique claims took 42 s); for text of
// one-column characters with single spaces and no escapes, where every character is one column, an equivalent greedy
// wrap is used (tests/render/wrap.test.ts checks they agree), and wrap-ansi for
// everything else.

import wrapAnsi from 'wrap-ansi';

/**
 * Characters one column wide for wrap-ansi (string-width): printable ASCII,
 * Latin-1 and Latin Extended letters (no no-break space, which trim removes; no
 * soft hyphen; no combining marks) and
 * general punctuation (dashes, curly quotes, bullets; no zero-width or bidi
 * controls).
 */
const NARROW = '\\x21-\\x7e\\u00a1-\\u00ac\\u00ae-\\u02ff\\u2010-\\u2027\\u2030-\\u205e';
/** Narrow characters, single spaces between words, no space at a line's start or end. */
const PLAIN_ASCII = new RegExp(`^(?:[${NARROW}]+(?: [${NARROW}]+)*)?(?:\\n(?:[${NARROW}]+(?: [${NARROW}]+)*)?)*$`, 'u');

/**
 * `wrapAnsi(text, width, { hard: true, trim: true })`, faster on plain ASCII.
 *
 * @param text Text to wrap (may hold ANSI colour codes).
 * @param width Columns per line.
 */
export function wrapText(text: string, width: number): string {
  if (!PLAIN_ASCII.test(text)) return wrapAnsi(text, width, { hard: true, trim: true });
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

/** One line of one-column text, wrapped greedily at spaces (a word longer than a row: wrap-ansi's own rule). */
function wrapLine(line: string, width: number): string {
  const words = line.split(' ').filter((word) => word !== '');
  if (words.some((word) => word.length > width)) return wrapAnsi(line, width, { hard: true, trim: true });
  const rows: string[] = [];
  let row = '';
  for (const word of words) {
    if (row === '') row = word;
    else if (row.length + 1 + word.length <= width) row += ` ${word}`;
    else {
      rows.push(row);
      row = word;
    }
  }
  rows.push(row);
  return rows.join('\n');
}
