// A saved web page → the article's blocks and the metadata the page states about
// itself. linkedom parses the page; Mozilla Readability finds the article (the
// reader view); page blocks left out of it are reported as removed.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { findBoilerplate } from '../core/boilerplate.js';
import { collapseWhitespace, type ImportBlock } from './markdown.js';

/** What the page says about itself (meta tags, JSON-LD, `<title>`, `<h1>`). */
export interface HtmlMeta {
  readonly title?: string;
  readonly url?: string;
  /** As stated by the page (ISO date or date-time); the caller validates it. */
  readonly published?: string;
  readonly author?: string[];
}

export interface HtmlArticle {
  readonly blocks: ImportBlock[];
  readonly meta: HtmlMeta;
  readonly removed: { text: string; reason: string }[];
  readonly warnings: string[];
}

/** Elements whose content is never article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'button', 'input',
  'select', 'option', 'textarea', 'form', 'nav', 'aside', 'footer', 'menu', 'dialog', 'head', 'title', 'meta', 'link',
]);
/** Elements that only hide markup or media, even in the page-wide inventory. */
const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'head', 'title', 'meta', 'link', 'option', 'select']);
const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'div', 'section',
  'article', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'caption', 'address', 'hr', 'details', 'summary', 'center', 'hgroup', 'body', 'html', 'form', 'fieldset',
]);

interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly localName?: string;
  getAttribute?(name: string): string | null;
}

interface DomDocument {
  readonly body: DomNode | null;
  querySelector(selector: string): (DomNode & { getAttribute(name: string): string | null }) | null;
  querySelectorAll(selector: string): ArrayLike<DomNode & { getAttribute(name: string): string | null }>;
}

/**
 * Extract the article from a saved HTML page.
 *
 * @param html The page's HTML.
 */
export function htmlArticle(html: string): HtmlArticle {
  const warnings: string[] = [];
  const removed: { text: string; reason: string }[] = [];
  const page = parseHTML(html).document as unknown as DomDocument;
  const meta = pageMeta(page);

  // Readability changes the document it reads, so it gets its own copy.
  const readerDocument = parseHTML(html).document;
  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    parsed = new Readability(readerDocument as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  } catch (error) {
    warnings.push(`reader view failed (${(error as Error).message}); using the whole page`);
  }

  let blocks: ImportBlock[];
  if (parsed?.content) {
    const content = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document as unknown as DomDocument;
    blocks = collectBlocks(content.body, SKIP, removed);
  } else {
    if (!warnings.length) warnings.push('reader view found no article; using the whole page without its navigation, sidebars and footer');
    blocks = collectBlocks(page.body, SKIP, removed);
  }

  // Report what the reader view left out: the page's other blocks.
  const kept = new Set(blocks.map((block) => block.text));
  const captions = new Set(removed.map((entry) => entry.text));
  const areas: (string | undefined)[] = [];
  const pageBlocks = collectBlocks(page.body, NEVER_TEXT, [], areas);
  const pageFlags = findBoilerplate(pageBlocks.map((block) => block.text));
  const headline = meta.title ?? (parsed?.title ? collapseWhitespace(parsed.title) : undefined);
  pageBlocks.forEach((block, index) => {
    if (block.text !== '' && !kept.has(block.text) && !captions.has(block.text)) {
      const reason = block.text === headline ? 'headline (moved to title)' : (areas[index] ?? pageFlags[index]);
      removed.push({ text: block.text, reason: reason ?? 'outside the article (reader view)' });
    }
  });

  const byline = parsed?.byline ? collapseWhitespace(parsed.byline) : '';
  const author = meta.author ?? (byline ? authorsFromByline(byline) : undefined);
  const published = meta.published ?? (parsed?.publishedTime || undefined);
  const title = headline;
  return {
    blocks,
    meta: {
      ...meta,
      ...(title ? { title } : {}),
      ...(author && author.length > 0 ? { author } : {}),
      ...(published ? { published } : {}),
    },
    removed,
    warnings,
  };
}

/** Page landmarks and what their text is. */
const AREA: Readonly<Record<string, string>> = {
  nav: 'navigation menu',
  aside: 'sidebar',
  footer: 'footer',
  header: 'page header',
  form: 'sign-up form',
  menu: 'navigation menu',
};

interface WalkState {
  text: string;
  area: string | undefined;
  heading: number;
  list: { group: number; ordered: boolean } | null;
  quote: number | null;
}

/** Blocks of text under `root`, skipping the elements in `skip`; figure captions go to `removed`. */
function collectBlocks(
  root: DomNode | null,
  skip: ReadonlySet<string>,
  removed: { text: string; reason: string }[],
  areas: (string | undefined)[] = [],
): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  if (!root) return blocks;
  let groups = 0;
  const state: WalkState = { text: '', area: undefined, heading: 0, list: null, quote: null };
  const flush = (): void => {
    const text = collapseWhitespace(state.text);
    state.text = '';
    if (text === '') return;
    areas[blocks.length] = state.area;
    if (state.heading > 0) blocks.push({ kind: 'heading', depth: state.heading, text });
    else if (state.list) blocks.push({ kind: 'listItem', group: state.list.group, ordered: state.list.ordered, text });
    else if (state.quote !== null) blocks.push({ kind: 'blockquote', group: state.quote, text });
    else blocks.push({ kind: 'paragraph', text });
  };
  const walk = (node: DomNode): void => {
    const children = node.childNodes;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.nodeType === 3) {
        state.text += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child.localName ?? '').toLowerCase();
      if (skip.has(tag) || (child.getAttribute?.('hidden') ?? null) !== null || child.getAttribute?.('aria-hidden') === 'true') continue;
      if (tag === 'br' || tag === 'hr') {
        flush();
        continue;
      }
      if (tag === 'img' || tag === 'picture' || tag === 'video' || tag === 'audio' || tag === 'source') continue;
      if (tag === 'figcaption' && skip === SKIP) {
        flush();
        const text = collapseWhitespace(child.textContent ?? '');
        if (text !== '') removed.push({ text, reason: 'photo caption or credit' });
        continue;
      }
      if (!BLOCK.has(tag)) {
        walk(child);
        continue;
      }
      flush();
      const saved = { area: state.area, heading: state.heading, list: state.list, quote: state.quote };
      state.area = AREA[tag] ?? state.area;
      if (/^h[1-6]$/.test(tag)) state.heading = Number(tag[1]);
      else if (tag === 'ul' || tag === 'ol') state.list = { group: ++groups, ordered: tag === 'ol' };
      else if (tag === 'blockquote') state.quote = ++groups;
      walk(child);
      flush();
      state.area = saved.area;
      state.heading = saved.heading;
      state.list = saved.list;
      state.quote = saved.quote;
    }
  };
  walk(root);
  flush();
  return blocks;
}

function pageMeta(document: DomDocument): HtmlMeta {
  const content = (selector: string): string | undefined => {
    const value = document.querySelector(selector)?.getAttribute('content');
    return value ? collapseWhitespace(value) || undefined : undefined;
  };
  const h1s = document.querySelectorAll('h1');
  const h1 = h1s.length === 1 ? collapseWhitespace(h1s[0]!.textContent ?? '') : '';
  const documentTitle = collapseWhitespace(document.querySelector('title')?.textContent ?? '');
  const stated = content('meta[property="og:title"]') ?? content('meta[name="twitter:title"]') ?? (documentTitle || undefined);
  // `<title>` is often "Headline | Site"; the single `<h1>` it starts with is the headline.
  const title = h1 && (!stated || stated.toLowerCase().includes(h1.toLowerCase())) ? h1 : stated;

  const authors: string[] = [];
  for (const node of Array.from(document.querySelectorAll('meta[name="author"], meta[property="article:author"]'))) {
    const value = collapseWhitespace(node.getAttribute('content') ?? '');
    if (value && !/^https?:/i.test(value)) authors.push(...authorsFromByline(value));
  }
  const published =
    content('meta[property="article:published_time"]') ??
    content('meta[name="article:published_time"]') ??
    content('meta[itemprop="datePublished"]') ??
    content('meta[name="date"]') ??
    content('meta[name="pubdate"]') ??
    content('meta[name="publish-date"]') ??
    content('meta[property="og:published_time"]');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? content('meta[property="og:url"]');
  const url = canonical && /^https?:\/\/\S+$/i.test(canonical) ? canonical : undefined;
  return {
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(published ? { published } : {}),
    ...(authors.length > 0 ? { author: [...new Set(authors)] } : {}),
  };
}

const ROLE = /\b(?:staff|writer|reporter|editor|correspondent|contributor|columnist|news|desk|wire|services?|updated|published)\b/iu;

/** "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"] (roles such as "Staff Writer" left out). */
function authorsFromByline(byline: string): string[] {
  return byline
    .replace(/^by\s+/i, '')
    .split(/\s*(?:,|;|&|\band\b|\|)\s*/u)
    .map((name) => name.trim())
    .filter((name) => name !== '' && name.length <= 60 && !/\d/.test(name) && !ROLE.test(name));
}
