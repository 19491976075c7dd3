import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../../src/errors.js';
import { detectFormat, importArticle, isIsoDate, slugFor, type ImportOptions } from '../../src/import/index.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const seedsDir = new URL('../fixtures/import/seeds/', import.meta.url);
const lead = 'Prosecutors said the executive terminated at least four meetings in May and June of this year.';

function frontMatterOf(markdown: string): Record<string, unknown> {
  const first = (parser.parse(markdown) as Root).children[0];
  return first?.type === 'yaml' ? (parseYaml(first.value) as Record<string, unknown>) : {};
}

function bodyOf(markdown: string): string[] {
  return (parser.parse(markdown) as Root).children.filter((node) => node.type !== 'yaml').map((node) => toString(node));
}

describe('front matter', () => {
  it.each<[string, Partial<ImportOptions>, RegExp]>([
    ['an empty outlet', { outlet: '  ' }, /missing outlet/],
    ['a date in US format', { published: '12/22/2020' }, /invalid published date "12\/22\/2020"/],
    ['a day that does not exist', { published: '2021-02-29' }, /invalid published date/],
    ['a month that does not exist', { published: '2020-13-01' }, /invalid published date/],
    ['a date with a time', { published: '2020-12-18T10:00:00Z' }, /invalid published date/],
    ['a url that is not http(s)', { url: 'javascript:alert(1)' }, /invalid url/],
    ['a url that is not a url', { url: 'not a url' }, /invalid url/],
    ['a slug that is a path', { slug: '../../x' }, /invalid slug/],
  ])('should refuse %s with a UserError', (_, options, message) => {
    const call = () => importArticle(lead, { outlet: 'Example', ...options });
    expect(call).toThrow(UserError);
    expect(call).toThrow(message);
  });

  it.each([
    ['2020-12-18', true],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2020-04-31', false],
    ['2020-1-5', false],
    ['20201218', false],
    ['', false],
  ])('should judge %j a calendar date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('should write only what the caller passes', () => {
    const imported = importArticle(`Zoom Executive Charged Over Meetings\n\n${lead}`, {
      outlet: 'The Epoch Times',
      url: 'https://www.theepochtimes.com/x',
      published: '2020-12-18',
      author: ['Cathy He', 'Eva Fu'],
    });
    expect(imported.markdown.startsWith('---\noutlet: The Epoch Times\n')).toBe(true);
    expect(imported.markdown).toContain('author: [Cathy He, Eva Fu]\n');
    expect(frontMatterOf(imported.markdown)).toEqual({
      outlet: 'The Epoch Times',
      title: 'Zoom Executive Charged Over Meetings',
      url: 'https://www.theepochtimes.com/x',
      published: '2020-12-18',
      author: ['Cathy He', 'Eva Fu'],
    });
  });

  it('should never invent a date, author or title the text does not give', () => {
    const imported = importArticle(`${lead}\n\nThe company said it fired him on Friday.`, { outlet: 'Unattributed (seed 000)' });
    expect(frontMatterOf(imported.markdown)).toEqual({ outlet: 'Unattributed (seed 000)' });
    expect(imported.title).toBeUndefined();
    expect(imported.warnings).toContain('no title found; pass --title to record one');
  });

  it('should quote titles that YAML would otherwise misread', () => {
    const title = 'Yes: the CCP Is "Watching" Us # on Zoom';
    const imported = importArticle(lead, { outlet: 'Bitter Winter', title });
    expect(frontMatterOf(imported.markdown).title).toBe(title);
  });

  it('should suggest, not record, the date and author a removed byline gives', () => {
    const imported = importArticle(`Yes, the CCP Is Watching Us on Zoom\n\n12/22/2020Marco Respinti |\n\n${lead}`, { outlet: 'Bitter Winter' });
    expect(frontMatterOf(imported.markdown)).toEqual({ outlet: 'Bitter Winter', title: 'Yes, the CCP Is Watching Us on Zoom' });
    expect(imported.warnings.join('\n')).toContain('pass --published 2020-12-22');
    expect(imported.warnings.join('\n')).toContain('names Marco Respinti; pass --author');
  });
});

describe('title', () => {
  it('should take a headline-like first line as the title and drop its repeats', () => {
    const headline = 'China-Based Zoom Executive Charged With Disrupting Meetings';
    const imported = importArticle(`${headline}\n\n${headline}\n\n${lead}`, { outlet: 'The Epoch Times' });
    expect(imported.title).toBe(headline);
    expect(bodyOf(imported.markdown)).toEqual([lead]);
    expect(imported.removed.map((block) => block.reason)).toEqual(['headline (moved to title)', 'repeated headline']);
  });

  it('should prefer --title and still drop the headline line that repeats it', () => {
    const imported = importArticle(`Zoom Executive Charged\n\n${lead}`, { outlet: 'X', title: 'Zoom Executive Charged' });
    expect(bodyOf(imported.markdown)).toEqual([lead]);
  });

  it('should keep a first line that reads as a sentence', () => {
    const imported = importArticle(`${lead}\n\nAnother paragraph follows here, as it should.`, { outlet: 'X' });
    expect(bodyOf(imported.markdown)[0]).toBe(lead);
  });
});

describe('formats', () => {
  it.each<[string, string, 'html' | 'markdown' | 'text']>([
    ['a doctype', '<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['an html element', '  <html lang="en"><body><p>x</p></body></html>', 'html'],
    ['an article fragment', '<article><p>One.</p><p>Two.</p></article>', 'html'],
    ['front matter', '---\noutlet: X\n---\n\nText.', 'markdown'],
    ['an ATX heading', '# Title\n\nText.', 'markdown'],
    ['an inline link', 'See [the complaint](https://justice.gov/x).', 'markdown'],
    ['plain prose', 'He said 3 < 4 and used a • bullet.\n\nAnother paragraph.', 'text'],
    ['a seed article', readFileSync(new URL('002_38a5a43836c8bf9d.txt', seedsDir), 'utf8'), 'text'],
  ])('should detect %s', (_, raw, expected) => {
    expect(detectFormat(raw)).toBe(expected);
  });

  it('should keep the source of kept Markdown blocks and read its front matter', () => {
    const raw = '---\ntitle: From Front Matter\nauthor: Jane Doe\npublished: 2020-12-18\n---\n\n# From Front Matter\n\nSome *emphasis* and a [link](https://x.example).\n\n- First item with enough words.\n- Second item.\n\nShare on Facebook\n\n<div class="ad">Advertisement</div>\n';
    const imported = importArticle(raw, { outlet: 'Example' });
    expect(imported.format).toBe('markdown');
    expect(frontMatterOf(imported.markdown)).toEqual({ outlet: 'Example', title: 'From Front Matter', published: '2020-12-18', author: ['Jane Doe'] });
    expect(imported.markdown).toContain('\n\nSome *emphasis* and a [link](https://x.example).\n\n- First item with enough words.\n- Second item.\n');
    expect(imported.removed.map((block) => block.reason)).toEqual(['raw HTML', 'repeated headline', 'share buttons']);
  });

  it('should read text as text when told to, even if it looks like Markdown', () => {
    const imported = importArticle('# Not a heading\n\nA paragraph with enough words to be prose, here.', { outlet: 'X', format: 'text', title: 'T' });
    expect(bodyOf(imported.markdown)).toEqual(['# Not a heading', 'A paragraph with enough words to be prose, here.']);
  });

  it('should refuse an input with no article text', () => {
    expect(() => importArticle('• Home\n• About\n\nCopyright © 2020 Example', { outlet: 'X' })).toThrow(/no article text/);
  });
});

describe('slugFor', () => {
  it.each<[Parameters<typeof slugFor>[0], string]>([
    [{ published: '2020-12-22', outlet: 'Bitter Winter', title: 'Yes, the CCP Is Watching Us on Zoom' }, '2020-12-22-bitter-winter-yes-the-ccp-is-watching-us-on-zoom'],
    [{ outlet: 'The Epoch Times', title: 'Zoom’s Executive — Charged!' }, 'the-epoch-times-zooms-executive-charged'],
    [{ outlet: 'Le Monde', title: 'Zoom: l’employé chinois inculpé à New York' }, 'le-monde-zoom-lemploye-chinois-inculpe-a-new-york'],
    [{ outlet: 'News & Politics' }, 'news-and-politics'],
    [{ outlet: '新闻', title: '中国' }, 'article'],
    [{ outlet: 'con' }, 'con-article'],
  ])('should derive a slug from %j', (parts, expected) => {
    expect(slugFor(parts)).toBe(expected);
  });

  it('should bound the length and cut at a hyphen', () => {
    const slug = slugFor({ published: '2020-12-18', outlet: 'The Epoch Times', title: 'China-Based Zoom Executive Charged With Disrupting Meetings About Tiananmen Square Massacre' });
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(slug).toBe('2020-12-18-the-epoch-times-china-based-zoom-executive-charged-with-disrupting');
  });
});

describe('the seed articles', () => {
  it.each<[string, string, number, Record<string, number>]>([
    ['000_0fd22e28aded40a4.txt', 'Unattributed (seed 000)', 12, { 'sign-up form': 2 }],
    ['001_22e39ff26a9c90b3.txt', 'PJ Media', 24, { 'section label': 1, 'headline (moved to title)': 1, 'photo caption or credit': 1 }],
    ['003_73036bc6aa4322ab.txt', 'The Epoch Times', 26, { 'headline (moved to title)': 1, 'repeated headline': 1, 'photo caption or credit': 1, byline: 2, 'author bio': 1 }],
    ['004_6ea30de39b8cddb2.txt', 'Unattributed (seed 004)', 29, { 'headline (moved to title)': 1 }],
  ])('should import %s keeping %i paragraphs', (file, outlet, paragraphs, reasons) => {
    const imported = importArticle(readFileSync(new URL(file, seedsDir), 'utf8'), { outlet });
    expect(imported.paragraphs).toBe(paragraphs);
    const counts: Record<string, number> = {};
    for (const block of imported.removed) counts[block.reason] = (counts[block.reason] ?? 0) + 1;
    expect(counts).toEqual(reasons);
  });

  it('should import seed 002 down to its ten article paragraphs', () => {
    const imported = importArticle(readFileSync(new URL('002_38a5a43836c8bf9d.txt', seedsDir), 'utf8'), {
      outlet: 'Bitter Winter',
      published: '2020-12-22',
      author: ['Marco Respinti'],
    });
    const body = bodyOf(imported.markdown);
    expect(imported.title).toBe('Yes, the CCP Is Watching Us on Zoom');
    expect(body).toHaveLength(10);
    expect(body[1]).toMatch(/^June 4, 2020 was the 31st anniversary of the Tiananmen Square carnage\./);
    expect(body.at(-1)).toMatch(/next time we disturb the CCP on Zoom\?$/);
    expect(imported.markdown).not.toMatch(/Skip to|Related articles|Keep Reading|Most Read|Primary Sidebar|Copyright|Phone:|Turin|is an Italian professional journalist/);
    expect(imported.slug).toBe('2020-12-22-bitter-winter-yes-the-ccp-is-watching-us-on-zoom');
  });
});
