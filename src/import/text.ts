// Plain text → paragraphs. Blank lines separate paragraphs; each bullet line and
// each indented line (menus pasted from a web page) is its own paragraph; lines
// of a hard-wrapped text are joined with a space, and in a text that is not
// hard-wrapped (long lines, as copied from a browser) every line is a paragraph.

const BULLET_LINE = /^\s*(?:[•·▪‣◦●○■□►▸➤–—*+-]|\d{1,3}[.)])\s+\S/u;

/** Narrowest and widest line width that looks like hard wrapping. */
const WRAP_WIDTH = { min: 40, max: 120 } as const;

/**
 * Split plain text into paragraphs, each on one line (soft-wrapped lines joined).
 *
 * @param text Plain text (any line endings, BOM allowed).
 */
export function textParagraphs(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  let width = 0;
  for (const line of lines) width = Math.max(width, line.trimEnd().length);
  const wrapped = width >= WRAP_WIDTH.min && width <= WRAP_WIDTH.max;

  const paragraphs: string[] = [];
  let current: string[] = [];
  let currentIndent = 0;
  let currentBullet = false;
  let previous = '';
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    const content = line.trim();
    if (content === '') {
      flush();
      previous = '';
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const bullet = BULLET_LINE.test(line);
    const join =
      current.length > 0 &&
      wrapped &&
      !bullet &&
      // An indented line starts a new paragraph, unless it continues a wrapped bullet item.
      (indent === 0 || (currentBullet && indent > currentIndent)) &&
      previous.length + 1 + firstWord(content).length > width - 8 &&
      previous.length >= width / 2;
    if (!join) {
      flush();
      currentIndent = indent;
      currentBullet = bullet;
    }
    current.push(content);
    previous = line;
  }
  flush();
  return paragraphs;
}

function firstWord(text: string): string {
  const space = text.indexOf(' ');
  return space === -1 ? text : text.slice(0, space);
}
