import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importArticle } from '../../src/import/index.js';

const page = readFileSync(new URL('../fixtures/import/news-page.html', import.meta.url), 'utf8');
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

function parsed(markdown: string): { meta: Record<string, unknown>; blocks: [string, string][] } {
  const tree = parser.parse(markdown) as Root;
  const yaml = tree.children[0];
  return {
    meta: yaml?.type === 'yaml' ? (parseYaml(yaml.value) as Record<string, unknown>) : {},
    blocks: tree.children.filter((node) => node.type !== 'yaml').map((node) => [node.type, toString(node)]),
  };
}

describe('importArticle on a saved HTML page', () => {
  const imported = importArticle(page, { outlet: 'The Daily Planet' });
  const { meta, blocks } = parsed(imported.markdown);

  it('should detect the format as html', () => {
    expect(imported.format).toBe('html');
  });

  it('should keep only the article prose, its subheading and its list', () => {
    expect(blocks).toEqual([
      ['paragraph', 'U.S. prosecutors have charged a China-based executive of Zoom with disrupting video meetings held to commemorate the Tiananmen Square massacre, the Justice Department announced on Friday.'],
      ['paragraph', 'According to the complaint, Xinjiang Jin, also known as Julien Jin, terminated at least four video meetings in May and June 2020, most of which were organized by U.S.-based dissidents.'],
      ['paragraph', '“No company with significant business interests in China is immune from the coercive power of the Chinese Communist Party,” said Assistant Attorney General John Demers.'],
      ['heading', 'What the company said'],
      ['paragraph', 'Zoom said it had fired Jin and placed other employees on administrative leave. The company said data of fewer than ten users outside China had been shared with the Chinese government.'],
      ['list', 'The complaint was filed in federal court in Brooklyn.Jin faces up to 10 years in prison if convicted.'],
      ['paragraph', 'If convicted of both charges, Jin faces a maximum of 10 years in prison, prosecutors said in a statement released on Friday afternoon.'],
    ]);
    expect(imported.paragraphs).toBe(8);
  });

  it.each([
    'Skip to main content',
    'Home',
    'Share on Facebook',
    'Tweet',
    'Copy link',
    'REUTERS/Dado Ruvic',
    'Sign up for our daily newsletter',
    'Most Read',
    'Mayor Opens New Bridge Downtown',
    'Related articles',
    'Zoom Apologizes for Closing',
    '355 Main Street',
    'tips@dailyplanet.example',
    'Copyright',
    'Tracking text',
    'tracking string',
    'font-family',
    'By Lois Lane',
  ])('should leave %j out of the body', (text) => {
    const body = imported.markdown.slice(imported.markdown.indexOf('\n---\n') + 5);
    expect(body).not.toContain(text);
  });

  it('should report what it left out, with reasons', () => {
    const reasons = new Map(imported.removed.map((block) => [block.text, block.reason]));
    expect(reasons.get('Skip to main content')).toBe('navigation menu');
    expect(reasons.get('Mayor Opens New Bridge Downtown')).toBe('sidebar');
    expect(reasons.get('Copyright © 2020 The Daily Planet. All rights reserved.')).toBe('footer');
    expect(reasons.get('Zoom Executive Charged Over Tiananmen Meetings')).toBe('headline (moved to title)');
    expect(imported.removed.some((block) => /tracking/i.test(block.text))).toBe(false);
  });

  it('should take front matter from the page’s own metadata only', () => {
    expect(meta).toEqual({
      outlet: 'The Daily Planet',
      title: 'Zoom Executive Charged Over Tiananmen Meetings',
      url: 'https://dailyplanet.example/2020/12/18/zoom-executive-charged',
      published: '2020-12-18',
      author: ['Lois Lane'],
    });
    expect(imported.slug).toBe('2020-12-18-the-daily-planet-zoom-executive-charged-over-tiananmen-meetings');
  });

  it('should let the caller’s options win over the page’s metadata', () => {
    const own = importArticle(page, { outlet: 'Planet', title: 'Another Title', published: '2020-12-19', author: ['Clark Kent'] });
    expect(parsed(own.markdown).meta).toMatchObject({ title: 'Another Title', published: '2020-12-19', author: ['Clark Kent'] });
  });

  it('should fall back to the whole page without its landmarks when there is no article', () => {
    const html = '<!doctype html><html><head><title>x</title></head><body><nav><a>Home</a></nav><p>Short note.</p><footer>Copyright © 2020</footer></body></html>';
    const small = importArticle(html, { outlet: 'Example' });
    expect(parsed(small.markdown).blocks).toEqual([['paragraph', 'Short note.']]);
  });

  it('should not record a date the page does not state as a calendar day', () => {
    const html = `<!doctype html><html><head><meta property="article:published_time" content="yesterday"></head><body><article><p>${'Prosecutors said the executive terminated at least four meetings in May and June. '.repeat(5)}</p></article></body></html>`;
    const result = importArticle(html, { outlet: 'Example' });
    expect(parsed(result.markdown).meta.published).toBeUndefined();
    expect(result.warnings.join('\n')).toContain('yesterday');
  });
});
