import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/import/index.js';
import { toMarkdownBody } from '../../src/import/markdown.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Each top-level node of the parsed Markdown as [type, plain text]. */
function blocksOf(markdown: string): [string, string][] {
  const tree = parser.parse(markdown) as Root;
  return tree.children.filter((node) => node.type !== 'yaml').map((node) => [node.type, toString(node)]);
}

const tricky = [
  '# not a heading',
  '###### not a heading either',
  '- not a list',
  '* not a list',
  '+ not a list',
  '> not a quote',
  '1. not an ordered list',
  '2) not an ordered list',
  '• a bullet character',
  'a *b* c and **d** and __e__',
  'snake_case_word and _x_ here',
  'use `code` here',
  'a [link](https://example.com) here',
  '[Zoom’s] video platform',
  '![image](x.png)',
  '<div>html</div>',
  '<b>bold</b> text and <!-- a comment -->',
  '<https://example.com>',
  'AT&amp;T and &copy; and &#169;',
  'a backslash \\ and \\* and a trailing one \\',
  '---',
  '***',
  '___',
  '===',
  '~~~',
  '```js',
  '#hashtag',
  '[^1] footnote',
  '[a]: https://example.com/definition',
  'a | b | c',
  'x < y > z and <3',
  '1986. That year the protests began.',
  'Mr. Smith said "yes" and \'no\'',
];

describe('toMarkdownBody', () => {
  it.each(tricky)('should write %j so that remark reads it back as the same paragraph', (text) => {
    const markdown = toMarkdownBody([{ kind: 'paragraph', text }]);
    expect(markdown).not.toContain('\n');
    expect(blocksOf(markdown)).toEqual([['paragraph', text]]);
  });

  it('should round-trip a whole plain-text article through importArticle', () => {
    const lead = 'Prosecutors said the executive terminated at least four meetings in May and June of this year.';
    const raw = [lead, ...tricky].join('\n\n');
    const imported = importArticle(raw, { outlet: 'Example', format: 'text', title: 'Zoom' });
    expect(imported.removed).toEqual([]);
    expect(blocksOf(imported.markdown)).toEqual([lead, ...tricky].map((text) => ['paragraph', text]));
  });

  it('should write headings, lists and quotes as Markdown', () => {
    const markdown = toMarkdownBody([
      { kind: 'heading', depth: 2, text: 'What the company said' },
      { kind: 'listItem', group: 1, text: 'First point.' },
      { kind: 'listItem', group: 1, text: '*Second* point.' },
      { kind: 'blockquote', group: 2, text: 'A quote.' },
    ]);
    expect(markdown).toBe('## What the company said\n\n- First point.\n- *Second\\* point.\n\n> A quote.');
    expect(blocksOf(markdown)).toEqual([
      ['heading', 'What the company said'],
      ['list', 'First point.*Second* point.'],
      ['blockquote', 'A quote.'],
    ]);
  });

  it('should write each paragraph on one line, whitespace collapsed', () => {
    expect(toMarkdownBody([{ kind: 'paragraph', text: ' Soft\nwrapped\u00a0 text. ' }])).toBe('Soft wrapped text.');
  });
});
