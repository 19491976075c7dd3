// import: a raw article (plain text, Markdown or a saved HTML page) → a source
// file's Markdown (YAML front matter + prose), with web boilerplate removed and
// reported. Pure: no I/O here (see write.ts for putting it in sources/).

import { Document, isSeq } from 'yaml';
import { findBoilerplate, findHeadline, readByline } from '../core/boilerplate.js';
import { UserError } from '../errors.js';
import { htmlArticle } from './html.js';
import { collapseWhitespace, markdownBlocks, toMarkdownBody, type ImportBlock } from './markdown.js';
import { textParagraphs } from './text.js';
import { checkSlug, slugFor } from './write.js';

import { isIsoDate } from './date.js';

export { isIsoDate };

export { sourcePathFor, writeSource, checkSlug, slugFor } from './write.js';
export { textParagraphs } from './text.js';
export { toMarkdownBody, type ImportBlock } from './markdown.js';

export type ImportFormat = 'auto' | 'text' | 'markdown' | 'html';

export interface ImportOptions {
  /** How to read the input (default: `auto`, detected). */
  format?: ImportFormat;
  /** The outlet that published the article (required). */
  outlet: string;
  /** The title (default: the document's own title or headline). */
  title?: string;
  url?: string;
  /** ISO calendar date `YYYY-MM-DD`. */
  published?: string;
  author?: string[];
  /** File name inside the sources folder, without `.md` (default: derived from date, outlet and title). */
  slug?: string;
}

export interface ImportedArticle {
  /** Front matter + body, ready to write. */
  markdown: string;
  title?: string;
  slug: string;
  /** Blocks left out of the body, each with why. */
  removed: { text: string; reason: string }[];
  warnings: string[];
  /** How the input was read. */
  format: Exclude<ImportFormat, 'auto'>;
  /** Number of blocks (paragraphs, headings, list items …) in the body. */
  paragraphs: number;
}

/**
 * Guess how a raw article is written: a saved HTML page, Markdown (front matter
 * or Markdown syntax) or plain text.
 *
 * @param raw The input text.
 */
export function detectFormat(raw: string): Exclude<ImportFormat, 'auto'> {
  const head = raw.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html[\s>]))/i.test(head)) return 'html';
  if (/^<(?:head|body|article|main|div|section|p)[\s>]/i.test(head) && /<\/(?:p|div|article|body|section)>/i.test(raw)) return 'html';
  if (/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.test(head)) return 'markdown';
  const markdownSyntax = [
    /^#{1,6}[ \t]+\S/m, // ATX heading
    /\[[^\]\n]+\]\((?:https?:\/\/|\/|\.\/|#)[^)\s]*\)/, // inline link
    /^(?:```|~~~)/m, // fenced code
    /(?:^|\s)\*\*[^*\n]+\*\*(?:\s|[.,;:!?]|$)/, // strong
    /^\[[^\]\n]+\]:\s+\S+/m, // definition
  ];
  return markdownSyntax.some((pattern) => pattern.test(raw)) ? 'markdown' : 'text';
}

/**
 * Turn a raw article into a source file: find its prose, drop web boilerplate,
 * write front matter with only what the caller passes or the document states.
 * Throws UserError on invalid options or when no prose is left.
 *
 * @param raw The article as text (HTML, Markdown or plain text).
 * @param options Outlet (required), format, title, url, published, author, slug.
 */
export function importArticle(raw: string, options: ImportOptions): ImportedArticle {
  const outlet = collapseWhitespace(options.outlet ?? '');
  if (outlet === '') throw new UserError('missing outlet: pass --outlet "<name of the publication>"');
  if (options.published !== undefined && !isIsoDate(options.published)) {
    throw new UserError(`invalid published date "${options.published}": expected a calendar date YYYY-MM-DD`);
  }
  if (options.url !== undefined && !isHttpUrl(options.url)) throw new UserError(`invalid url "${options.url}": expected http(s)://…`);
  const slugOption = options.slug === undefined ? undefined : checkSlug(options.slug);

  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = !options.format || options.format === 'auto' ? detectFormat(text) : options.format;
  const warnings: string[] = [];
  const removed: { text: string; reason: string }[] = [];
  let blocks: ImportBlock[];
  let stated: { title?: string; url?: string; published?: string; author?: string[]; outlet?: string } = {};
  if (format === 'html') {
    const article = htmlArticle(text);
    blocks = article.blocks;
    removed.push(...article.removed);
    warnings.push(...article.warnings);
    stated = article.meta;
  } else if (format === 'markdown') {
    const article = markdownBlocks(text);
    blocks = article.blocks;
    removed.push(...article.dropped);
    warnings.push(...article.warnings);
    stated = statedByFrontMatter(article.frontMatter, warnings);
  } else {
    blocks = textParagraphs(text).map((paragraph) => ({ kind: 'paragraph', text: collapseWhitespace(paragraph) }));
  }
  if (stated.outlet && stated.outlet !== outlet) warnings.push(`the document names its outlet "${stated.outlet}"; using --outlet "${outlet}"`);

  // The document's own date is kept only when it is a real calendar day.
  let statedPublished: string | undefined;
  if (stated.published) {
    const day = stated.published.slice(0, 10);
    if (isIsoDate(day) && /^\d{4}-\d{2}-\d{2}(?:$|[T ])/.test(stated.published)) statedPublished = day;
    else warnings.push(`ignored the document's date "${stated.published}": not an ISO calendar date`);
  }
  const published = options.published ?? statedPublished;
  const url = options.url ?? (stated.url && isHttpUrl(stated.url) ? stated.url : undefined);
  const author = cleanAuthors(options.author ?? stated.author);

  // The title: given, else stated by the document, else its headline line.
  const texts = blocks.map((block) => block.text);
  let title = options.title !== undefined ? collapseWhitespace(options.title) : stated.title;
  let headline = -1;
  if (!title) {
    headline = findHeadline(texts, { outlet });
    if (headline >= 0) title = texts[headline];
  }
  if (title === '') title = undefined;
  const flags = findBoilerplate(texts, {
    ...(title ? { title } : {}),
    outlet,
    ...(author ? { author } : {}),
  });
  if (headline >= 0) flags[headline] = 'headline (moved to title)';

  const kept: ImportBlock[] = [];
  blocks.forEach((block, index) => {
    const reason = flags[index];
    if (reason) removed.push({ text: block.text, reason });
    else if (block.text !== '' || block.source !== undefined) kept.push(block);
  });
  if (!kept.some((block) => block.text !== '')) {
    throw new UserError(
      blocks.length === 0 ? 'no article text found in the input' : 'no article text left after removing web boilerplate (see --verbose)',
    );
  }

  // What the removed bylines state, for the user to confirm with flags (never recorded unasked).
  for (const [index, reason] of flags.entries()) {
    if (reason !== 'byline' && reason !== 'dateline') continue;
    const byline = readByline(texts[index]!);
    if (byline?.names.length && !author) {
      warnings.push(`the byline "${texts[index]}" names ${byline.names.join(', ')}; pass --author to record it`);
    }
    if (byline?.date && !published) {
      warnings.push(`the byline "${texts[index]}" gives the date ${byline.date}; pass --published ${byline.date} to record it`);
    }
  }
  if (!title) warnings.push('no title found; pass --title to record one');

  const frontMatter = new Document({
    outlet,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(published ? { published } : {}),
    ...(author ? { author } : {}),
  });
  const authorNode = frontMatter.get('author', true);
  if (isSeq(authorNode)) authorNode.flow = true;
  const body = toMarkdownBody(kept);
  const markdown = `---\n${frontMatter.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${body}\n`;
  const slug =
    slugOption ??
    slugFor({
      ...(published ? { published } : {}),
      outlet,
      ...(title ? { title } : { fallback: kept.find((block) => block.text !== '')!.text.split(' ').slice(0, 8).join(' ') }),
    });
  return {
    markdown,
    ...(title ? { title } : {}),
    slug,
    removed,
    warnings,
    format,
    paragraphs: kept.filter((block) => block.text !== '').length,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !/\s/.test(value);
  } catch {
    return false;
  }
}

function cleanAuthors(authors: readonly string[] | undefined): string[] | undefined {
  const cleaned = [...new Set((authors ?? []).map(collapseWhitespace).filter((name) => name !== ''))];
  return cleaned.length > 0 ? cleaned : undefined;
}

/** The fields a Markdown input's own front matter states, as strings. */
function statedByFrontMatter(
  frontMatter: Record<string, unknown> | undefined,
  warnings: string[],
): { title?: string; url?: string; published?: string; author?: string[]; outlet?: string } {
  if (!frontMatter) return {};
  const string = (key: string): string | undefined => {
    const value = frontMatter[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return collapseWhitespace(value) || undefined;
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    if (typeof value === 'number') return String(value);
    warnings.push(`ignored the front matter's "${key}": not a string`);
    return undefined;
  };
  const author = frontMatter.author;
  const authors =
    typeof author === 'string'
      ? [author]
      : Array.isArray(author)
        ? author.filter((name): name is string => typeof name === 'string')
        : undefined;
  const result: { title?: string; url?: string; published?: string; author?: string[]; outlet?: string } = {};
  const title = string('title');
  const url = string('url');
  const published = string('published');
  const outlet = string('outlet');
  if (title) result.title = title;
  if (url) result.url = url;
  if (published) result.published = published;
  if (outlet) result.outlet = outlet;
  if (authors && authors.length > 0) result.author = authors;
  return result;
}
