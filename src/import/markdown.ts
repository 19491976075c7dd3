// Markdown in and out for the importer: `toMarkdownBody` writes blocks of plain
// text as Markdown that parses back to the same text (mdast-util-to-markdown does
// the escaping); `markdownBlocks` reads a Markdown article into blocks that keep
// their original source, plus its front matter.

import type { BlockContent, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

/** A block of an article on its way to Markdown. */
export interface ImportBlock {
  readonly kind: 'paragraph' | 'heading' | 'listItem' | 'blockquote';
  /** Plain text, one line (whitespace collapsed). */
  readonly text: string;
  /** Heading depth 1–6 (headings only). */
  readonly depth?: number;
  /** Consecutive list items (or blockquote paragraphs) with the same group form one list (quote). */
  readonly group?: number;
  /** Whether the list is numbered (list items only). */
  readonly ordered?: boolean;
  /** Markdown source to write as is, instead of serialising `text` (Markdown input). */
  readonly source?: string;
  /** Whether the list is loose, items separated by blank lines (Markdown input). */
  readonly spread?: boolean;
}

const serializeOptions = { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' } as const;

/**
 * Collapse runs of whitespace (including no-break spaces) to one space and trim.
 *
 * @param text Any text.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Write blocks as a Markdown body: one line per paragraph, blocks separated by a
 * blank line, consecutive list items of a group as one list.
 *
 * @param blocks Blocks in document order.
 */
export function toMarkdownBody(blocks: readonly ImportBlock[]): string {
  const parts: string[] = [];
  const budget = { left: ESCAPE_BUDGET };
  for (let index = 0; index < blocks.length; ) {
    const block = blocks[index]!;
    let end = index + 1;
    if (block.kind === 'listItem' || block.kind === 'blockquote') {
      while (end < blocks.length && blocks[end]!.kind === block.kind && blocks[end]!.group === block.group) end++;
    }
    const run = blocks.slice(index, end);
    if (run.every((item) => item.source !== undefined)) {
      parts.push(run.map((item) => item.source).join(block.spread ? '\n\n' : '\n'));
    } else {
      parts.push(withoutRedundantEscapes(toMarkdown(blockTree(run), serializeOptions).trimEnd(), budget));
    }
    index = end;
  }
  return parts.join('\n\n');
}

/**
 * mdast-util-to-markdown escapes conservatively (`[Zoom's]` → `\\[Zoom's]`).
 * Drop each backslash whose removal leaves the parsed tree unchanged, so the
 * source reads as the article did and sentence slices carry no stray escapes.
 * Each paragraph on its own, all its backslashes at once first, paragraphs with
 * at most `MAX_CHUNK_ESCAPES` of them, and at most `ESCAPE_BUDGET` characters
 * parsed in all: past that the escapes stay (the
 * text is still right, only escaped more than it needs), so a hostile article
 * (`a*b_c[d] ` a thousand times) cannot take minutes.
 */
function withoutRedundantEscapes(markdown: string, budget: { left: number }): string {
  if (!markdown.includes('\\')) return markdown;
  // The usual article: a few escapes, all redundant; two parses settle it.
  if (markdown.split('\\').length <= MAX_CHUNK_ESCAPES + 1) {
    const bare = markdown.replaceAll('\\', '');
    if (shapeOf(bare, budget) === shapeOf(markdown, budget)) return bare;
  }
  return markdown
    .split(/(\n{2,})/)
    .map((chunk) => (chunk.includes('\\') ? chunkWithoutEscapes(chunk, budget) : chunk))
    .join('');
}

/** Characters `withoutRedundantEscapes` parses at most, per article. */
const ESCAPE_BUDGET = 60_000;

/** Most backslashes in one paragraph that `withoutRedundantEscapes` tries to drop. */
const MAX_CHUNK_ESCAPES = 64;

/** A parse costs its length and this much more (the parser's set-up), in budget characters. */
const PARSE_COST = 400;

/** The parsed tree of `value` without positions, as JSON; charged to the budget. */
function shapeOf(value: string, budget: { left: number }): string {
  budget.left -= value.length + PARSE_COST;
  return JSON.stringify(parser.parse(value), (key, node) => (key === 'position' ? undefined : node));
}

function chunkWithoutEscapes(chunk: string, budget: { left: number }): string {
  const shape = (value: string) => shapeOf(value, budget);
  // Many escapes in one paragraph: each parse is slow there too (micromark is superlinear on them); keep them.
  if (budget.left < (chunk.length + PARSE_COST) * 2 || chunk.split('\\').length > MAX_CHUNK_ESCAPES + 1) return chunk;
  const expected = shape(chunk);
  const bare = chunk.replaceAll('\\', '');
  if (shape(bare) === expected) return bare;
  let result = chunk;
  for (let index = result.indexOf('\\'); index !== -1; index = result.indexOf('\\', index + 1)) {
    if (budget.left < result.length + PARSE_COST) break;
    const candidate = result.slice(0, index) + result.slice(index + 1);
    if (shape(candidate) === expected) result = candidate;
  }
  return result;
}

function blockTree(run: readonly ImportBlock[]): Root {
  const first = run[0]!;
  const paragraph = (block: ImportBlock): Paragraph => ({
    type: 'paragraph',
    children: [{ type: 'text', value: collapseWhitespace(block.text) }],
  });
  let node: RootContent;
  if (first.kind === 'heading') {
    const depth = Math.min(Math.max(first.depth ?? 2, 1), 6) as 1 | 2 | 3 | 4 | 5 | 6;
    node = { type: 'heading', depth, children: [{ type: 'text', value: collapseWhitespace(first.text) }] };
  } else if (first.kind === 'listItem') {
    const items: ListItem[] = run.map((block) => ({ type: 'listItem', spread: false, children: [paragraph(block)] }));
    node = { type: 'list', ordered: first.ordered === true, start: first.ordered ? 1 : null, spread: false, children: items } satisfies List;
  } else if (first.kind === 'blockquote') {
    node = { type: 'blockquote', children: run.map((block): BlockContent => paragraph(block)) };
  } else {
    node = paragraph(first);
  }
  return { type: 'root', children: [node] };
}

/** What `markdownBlocks` reads from a Markdown article. */
export interface MarkdownArticle {
  readonly blocks: ImportBlock[];
  /** Top-level nodes dropped because they are not prose (raw HTML). */
  readonly dropped: { text: string; reason: string }[];
  /** The front matter, when the file has a YAML block that parses to a mapping. */
  readonly frontMatter?: Record<string, unknown>;
  readonly warnings: string[];
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * Read a Markdown article: its front matter and its top-level blocks (each list
 * item on its own), keeping every block's Markdown source.
 *
 * @param markdown The Markdown text.
 */
export function markdownBlocks(markdown: string): MarkdownArticle {
  const tree = parser.parse(markdown) as Root;
  const blocks: ImportBlock[] = [];
  const dropped: { text: string; reason: string }[] = [];
  const warnings: string[] = [];
  let frontMatter: Record<string, unknown> | undefined;
  const sourceOf = (node: RootContent): string =>
    markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  let group = 0;
  for (const node of tree.children) {
    group++;
    switch (node.type) {
      case 'yaml': {
        try {
          const value: unknown = parseYaml(node.value);
          if (value && typeof value === 'object' && !Array.isArray(value)) frontMatter = value as Record<string, unknown>;
          else if (value !== null && value !== undefined) warnings.push('front matter is not a mapping; ignored');
        } catch (error) {
          warnings.push(`front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); ignored`);
        }
        break;
      }
      case 'heading':
        blocks.push({ kind: 'heading', depth: node.depth, text: collapseWhitespace(toString(node)), source: sourceOf(node) });
        break;
      case 'list':
        for (const item of node.children) {
          blocks.push({
            kind: 'listItem',
            group,
            ordered: node.ordered === true,
            spread: node.spread === true,
            text: collapseWhitespace(toString(item)),
            source: sourceOf(item),
          });
        }
        break;
      case 'blockquote':
        blocks.push({ kind: 'blockquote', group, text: collapseWhitespace(toString(node)), source: sourceOf(node) });
        break;
      case 'html':
        if (node.value.trim() !== '') dropped.push({ text: collapseWhitespace(node.value), reason: 'raw HTML' });
        break;
      case 'definition':
      case 'thematicBreak':
        blocks.push({ kind: 'paragraph', text: '', source: sourceOf(node) });
        break;
      default:
        blocks.push({ kind: 'paragraph', text: collapseWhitespace(toString(node)), source: sourceOf(node) });
    }
  }
  return frontMatter ? { blocks, dropped, frontMatter, warnings } : { blocks, dropped, warnings };
}
