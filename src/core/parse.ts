// parse: a source file's bytes → a Source (front matter + prose blocks with a map
// back to file offsets) and diagnostics as `file:line:column: message`.
// unified + remark-parse + remark-frontmatter parse one file; `yaml` parses the
// front matter. Pure: finding and reading files is engine/files.ts.

import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { location } from 'vfile-location';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { findBoilerplate } from './boilerplate.js';
import { duplicateKey, nestingProblem } from './limits.js';
import { outletSpellingWarnings } from './outlet.js';
import type { Block, BlockKind, Diagnostic, Source, SourceMeta, TextRun } from '../types.js';

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Front-matter fields a source may carry. */
const KNOWN_FIELDS = new Set(['outlet', 'title', 'url', 'published', 'author']);

export interface ParsedSource {
  /** The source, or undefined when an error makes it unusable. */
  readonly source?: Source;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The id a source file gets: its file name without the Markdown extension.
 *
 * @param filePath Path of the source file.
 */
export function sourceIdFor(filePath: string): string {
  return path.basename(filePath).replace(/\.(md|markdown)$/i, '');
}

/**
 * Parse one source file from its bytes. Never throws on bad input: every problem
 * comes back as a diagnostic, and `source` is set whenever the file is usable.
 *
 * @param filePath Path to report in diagnostics and to keep on the source.
 * @param bytes The file's content.
 * @param options Whether front matter is required, and the sha256 of the bytes when the caller has it.
 */
export function parseSource(
  filePath: string,
  bytes: Uint8Array,
  options: { frontMatter?: 'required' | 'optional'; hash?: string } = {},
): ParsedSource {
  const file = toPosix(filePath);
  const fail = (message: string, ruleId: string, line = 1, column = 1): ParsedSource => ({
    diagnostics: [{ file, place: { line, column }, message, ruleId, severity: 'error' }],
  });

  const decoded = decodeText(file, bytes);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  const text = decoded.text;
  if (text.trim() === '') return fail('empty file: expected front matter with `outlet:` and article text', 'empty');

  const deep = nestingProblem(text);
  if (deep) {
    const point = location(text).toPoint(deep.offset);
    return fail(deep.message, deep.offset === 0 ? 'too-large' : 'too-deep', point?.line ?? 1, point?.column ?? 1);
  }
  let tree: Root;
  try {
    tree = markdownParser.parse(text) as Root;
  } catch (error) {
    // A construct the limits above do not foresee (the parser recurses): this file's error, not the run's.
    if (error instanceof RangeError) return fail('Markdown nested too deeply to parse', 'too-deep');
    throw error;
  }
  const diagnostics: Diagnostic[] = [];
  const first = tree.children[0];
  const hasFrontMatter = first?.type === 'yaml';
  let meta: SourceMeta | undefined;
  if (hasFrontMatter) {
    const parsed = parseFrontMatter(file, text, first.value, first.position?.start.offset ?? 0);
    meta = parsed.meta;
    diagnostics.push(...parsed.diagnostics);
  } else if (options.frontMatter === 'optional') {
    meta = { outlet: '-' };
  } else {
    return fail('missing front matter: start the file with a `---` block that has at least `outlet:`', 'no-front-matter');
  }
  if (options.frontMatter === 'optional' && !meta) {
    meta = { outlet: '-' };
    diagnostics.splice(0, diagnostics.length, ...diagnostics.map((d) => ({ ...d, severity: 'warning' as const })));
  }

  const blocks = collectBlocks(tree, text);
  const flags = findBoilerplate(
    blocks.map((block) => block.text),
    meta ? { outlet: meta.outlet, ...(meta.title ? { title: meta.title } : {}), ...(meta.author ? { author: meta.author } : {}) } : {},
  );
  const flagged = blocks.map((block, index) => {
    const reason = flags[index];
    return reason ? { ...block, boilerplate: reason } : block;
  });
  if (!flagged.some((block) => !block.boilerplate && block.text.trim() !== '')) {
    const end = hasFrontMatter ? first.position?.end : undefined;
    diagnostics.push({
      file,
      place: { line: end?.line ?? 1, column: end?.column ?? 1 },
      message: 'no article text after the front matter',
      ruleId: 'no-body',
      severity: 'error',
    });
  }
  if (!meta || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  return {
    source: {
      id: sourceIdFor(file),
      path: file,
      meta,
      text,
      hash: options.hash ?? createHash('sha256').update(bytes).digest('hex'),
      blocks: flagged,
    },
    diagnostics,
  };
}

/**
 * Decode a file's bytes as UTF-8 text without a BOM, or say why it is not text:
 * empty, binary (NUL or control bytes) or not UTF-8, at the first bad byte.
 *
 * @param file Path to report.
 * @param bytes The file's content.
 */
export function decodeText(file: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  const fail = (message: string, ruleId: string, at = { line: 1, column: 1 }) => ({
    diagnostic: { file, place: at, message, ruleId, severity: 'error' as const },
  });
  if (bytes.length === 0) return fail('empty file: expected front matter with `outlet:` and article text', 'empty');
  const binaryAt = binaryOffset(bytes);
  if (binaryAt !== -1) {
    return fail('binary file: not a Markdown source (found a NUL or control byte)', 'binary', pointOfByte(bytes, binaryAt));
  }
  if (!isUtf8(bytes)) return fail('not UTF-8: invalid byte sequence (save the file as UTF-8)', 'encoding', firstInvalidUtf8(bytes));
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * A source made from plain text (no front matter): paragraphs are separated by
 * blank lines. Used by `claimcheck sentences` on stdin.
 *
 * @param text Plain text.
 * @param filePath Name to report (default: `-`).
 * @param meta Metadata to attach (default: outlet `-`).
 */
export function sourceFromPlainText(text: string, filePath = '-', meta: SourceMeta = { outlet: '-' }): Source {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const locate = location(text);
  const blocks: Block[] = [];
  const paragraph = /\S(?:[^\n]|\n(?![ \t\r]*(?:\n|$)))*/g;
  for (const match of text.matchAll(paragraph)) {
    const start = match.index ?? 0;
    const body = match[0].replace(/\s+$/, '');
    const end = start + body.length;
    blocks.push({
      kind: 'paragraph',
      text: body,
      runs: [{ plain: 0, file: start, length: body.length }],
      position: { start: { ...locate.toPoint(start)!, offset: start }, end: { ...locate.toPoint(end)!, offset: end } },
    });
  }
  return { id: sourceIdFor(filePath), path: toPosix(filePath), meta, text, hash: createHash('sha256').update(text).digest('hex'), blocks };
}

// ---------------------------------------------------------------------------
// Front matter

/** A field of the front matter: its value as `yaml`'s `toJS` gives it, and the offset of the value in the front matter's text. */
interface FrontMatterField {
  readonly value: unknown;
  readonly index: number;
}

/**
 * The fields of a front matter read by `yaml`, reporting what is wrong with it (`report`);
 * undefined when it cannot be read as a mapping of fields.
 */
function yamlFields(
  yamlText: string,
  report: (message: string, ruleId: string, yamlIndex: number, severity?: 'error' | 'warning') => void,
): Map<string, FrontMatterField> | undefined {
  let document: Document.Parsed;
  try {
    // Duplicate keys are found by `duplicateKey` below: the parser's own check is quadratic.
    document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    report(`front matter: ${(error as Error).message}`, 'yaml', 0);
    return undefined;
  }
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    report(`front matter is not valid YAML: ${message}`, 'yaml', error.pos[0]);
    return undefined;
  }
  const duplicate = duplicateKey(document);
  if (duplicate) {
    report('front matter is not valid YAML: Map keys must be unique', 'yaml', duplicate.offset);
    return undefined;
  }
  const contents = document.contents;
  if (!isMap(contents)) {
    const what = contents === null ? 'empty' : 'not a mapping of fields';
    report(`front matter is ${what}: expected \`outlet: <name>\` and optional title, url, published, author`, 'front-matter', 0);
    return undefined;
  }

  let values: Record<string, unknown>;
  try {
    values = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    // "Excessive alias count" (a billion-laughs bomb) and the like: this file's error.
    report(`front matter cannot be read: ${(error as Error).message.split('\n')[0]}`, 'yaml', 0);
    return undefined;
  }
  const fields = new Map<string, FrontMatterField>();
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyIndex = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
    const valueNode = pair.value;
    const valueIndex = isScalar(valueNode) || isSeq(valueNode) || isMap(valueNode) ? (valueNode.range?.[0] ?? keyIndex) : keyIndex;
    if (!KNOWN_FIELDS.has(key)) {
      report(`unknown front-matter field \`${key}\` (known: outlet, title, url, published, author)`, 'unknown-field', keyIndex, 'warning');
      continue;
    }
    fields.set(key, { value: values[key], index: valueIndex });
  }

  return fields;
}

function parseFrontMatter(
  file: string,
  text: string,
  yamlText: string,
  blockOffset: number,
): { meta?: SourceMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // The line index of the file is made only when a diagnostic needs a place.
  let locate: ReturnType<typeof location> | undefined;
  // The YAML text starts on the line after the opening `---`.
  const yamlOffset = text.indexOf('\n', blockOffset) + 1;
  const at = (yamlIndex: number) => {
    const point = (locate ??= location(text)).toPoint(yamlOffset + Math.max(0, yamlIndex));
    return { line: point?.line ?? 1, column: point?.column ?? 1 };
  };
  const report = (message: string, ruleId: string, yamlIndex: number, severity: 'error' | 'warning' = 'error') => {
    diagnostics.push({ file, place: at(yamlIndex), message, ruleId, severity });
  };

  const fields = yamlFields(yamlText, report);
  if (!fields) return { diagnostics };

  const outlet = fields.get('outlet');
  if (!outlet || outlet.value === null || outlet.value === undefined || String(outlet.value).trim() === '') {
    report('missing `outlet` in front matter: name the outlet that published the article', 'missing-outlet', outlet?.index ?? 0);
  } else if (typeof outlet.value !== 'string') {
    report('`outlet` must be a single name (text)', 'invalid-outlet', outlet.index);
  }

  const text_ = (name: 'title' | 'url') => {
    const field = fields.get(name);
    if (!field || field.value === null || field.value === undefined) return undefined;
    if (typeof field.value !== 'string' && typeof field.value !== 'number') {
      report(`\`${name}\` must be text`, `invalid-${name}`, field.index);
      return undefined;
    }
    return String(field.value).trim();
  };
  const title = text_('title');
  const url = text_('url');
  if (url !== undefined && !isHttpUrl(url)) {
    report(`\`url\` is not an http(s) URL: ${JSON.stringify(url)}`, 'invalid-url', fields.get('url')!.index);
  }

  let published: string | undefined;
  const publishedField = fields.get('published');
  if (publishedField && publishedField.value !== null && publishedField.value !== undefined) {
    published = isoDate(publishedField.value);
    if (published === undefined) {
      report(
        `\`published\` is not a date: ${JSON.stringify(String(publishedField.value))} (expected YYYY-MM-DD, e.g. 2020-12-18)`,
        'invalid-date',
        publishedField.index,
      );
    }
  }

  let author: string[] | undefined;
  const authorField = fields.get('author');
  if (authorField && authorField.value !== null && authorField.value !== undefined) {
    const value = authorField.value;
    const list = Array.isArray(value) ? value : [value];
    if (list.every((name) => typeof name === 'string' && name.trim() !== '')) {
      author = list.map((name: string) => name.trim());
    } else {
      report('`author` must be a name or a list of names', 'invalid-author', authorField.index);
    }
  }

  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const meta: SourceMeta = {
    outlet: String(outlet!.value).trim(),
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(published ? { published } : {}),
    ...(author ? { author } : {}),
  };
  return { meta, diagnostics };
}

/** `YYYY-MM-DD` if `value` is a real calendar date, else undefined. */
export function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? match[0] : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Blocks: prose of the Markdown body with a segment map back onto the file

const BLOCK_KIND: Partial<Record<Nodes['type'], BlockKind>> = {
  paragraph: 'paragraph',
  heading: 'heading',
  tableCell: 'tableCell',
};

function collectBlocks(tree: Root, fileText: string): Block[] {
  // An explicit stack, not recursion: however deep the tree, no stack overflow.
  const blocks: Block[] = [];
  const stack: { node: Nodes; context: BlockKind | undefined }[] = [{ node: tree, context: undefined }];
  while (stack.length > 0) {
    const { node, context } = stack.pop()!;
    const kind = BLOCK_KIND[node.type];
    if (kind && 'children' in node) {
      const block = toBlock(node as Parent, kind === 'paragraph' && context ? context : kind, fileText);
      if (block) blocks.push(block);
      continue;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'definition') continue;
    const inner = node.type === 'listItem' ? 'listItem' : node.type === 'blockquote' ? 'blockquote' : context;
    if ('children' in node) {
      const children = node.children as RootContent[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, context: inner });
    }
  }
  return blocks;
}

function toBlock(node: Parent, kind: BlockKind, fileText: string): Block | undefined {
  const runs: TextRun[] = [];
  let text = '';
  const append = (value: string, raw: string, rawOffset: number) => {
    // Align the node's value with its raw slice: they differ where Markdown
    // escapes (`\*`), entities (`&amp;`), code ticks or continuation indents sit.
    let j = 0;
    for (let i = 0; i < value.length; i++) {
      const at = raw.indexOf(value[i]!, j);
      if (at === -1) {
        // Not found in the raw text (a decoded entity): no file position; extend the previous run.
        text += value[i];
        const last = runs.at(-1);
        if (last) runs[runs.length - 1] = { ...last, length: last.length + 1 };
        continue;
      }
      const last = runs.at(-1);
      if (last && last.plain + last.length === text.length && last.file + last.length === rawOffset + at) {
        runs[runs.length - 1] = { ...last, length: last.length + 1 };
      } else {
        runs.push({ plain: text.length, file: rawOffset + at, length: 1 });
      }
      text += value[i];
      j = at + 1;
    }
  };
  const walk = (top: readonly PhrasingContent[], source: string) => {
    // Depth first, in order, with an explicit stack (deep emphasis cannot overflow it).
    const stack: PhrasingContent[] = [...top].reverse();
    while (stack.length > 0) {
      const child = stack.pop()!;
      if (child.type === 'text' || child.type === 'inlineCode') {
        const start = child.position?.start.offset;
        const end = child.position?.end.offset;
        if (start === undefined || end === undefined) continue;
        const raw = source.slice(start, end);
        if (raw === child.value) {
          runs.push({ plain: text.length, file: start, length: raw.length });
          text += raw;
        } else append(child.value, raw, start);
      } else if (child.type === 'break') {
        text += '\n';
      } else if ('children' in child) {
        const children = child.children as PhrasingContent[];
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      }
    }
  };
  walk(node.children as PhrasingContent[], fileText);
  if (!node.position || text.trim() === '') return undefined;
  return { kind, text, runs: mergeRuns(runs), position: node.position };
}

function mergeRuns(runs: TextRun[]): TextRun[] {
  const merged: TextRun[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.plain + last.length === run.plain && last.file + last.length === run.file) {
      merged[merged.length - 1] = { ...last, length: last.length + run.length };
    } else merged.push(run);
  }
  return merged;
}

// ---------------------------------------------------------------------------
// Bytes: binary and encoding checks with a place to point at

/** Offset of the first NUL or non-text control byte, or -1. The whole file: an escape sequence late in it reaches terminals too. */
function binaryOffset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return i;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return i;
  }
  return -1;
}

/** Line and column (1-based, in characters) of byte `index`. */
function pointOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, index).toString('utf8');
  const lines = before.split(/\r?\n|\r/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Place of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const decoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let byteIndex = 0;
  for (let i = 0; i < decoded.length; i++) {
    const code = decoded.codePointAt(i)!;
    if (code === 0xfffd && !(bytes[byteIndex] === 0xef && bytes[byteIndex + 1] === 0xbf && bytes[byteIndex + 2] === 0xbd)) {
      return pointOfByte(bytes, byteIndex);
    }
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    byteIndex += size;
    if (code > 0xffff) i++;
  }
  return pointOfByte(bytes, byteIndex);
}

/**
 * A path with `/` separators, as sources keep it.
 *
 * @param filePath Path with this platform's separators.
 */
export function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}

/** A source file's path (as found) and bytes, for a batch parser. */
export interface SourceFile {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** sha256 of the bytes, hex, when whoever read the file has computed it already. */
  readonly hash?: string;
}

/**
 * Drop duplicate sources (same bytes, or the same prose under other front
 * matter of the same outlet) keeping the first by path, and make ids unique.
 * The same prose under another outlet is syndication: both are kept (two
 * outlets print it), and the judge counts their copies as one origin.
 *
 * @param parsed Parsed sources in path order.
 */
export function settleSources(parsed: readonly Source[]): { sources: Source[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byProse = new Map<string, Source>();
  const kept: Source[] = [];
  for (const source of parsed) {
    // One outlet's copies of a text are duplicates; other outlets' are syndicated copies, kept.
    const proseKey = `${proseKeyOf(source)}\u0000${source.meta.outlet}`;
    const original = byProse.get(proseKey);
    if (original) {
      diagnostics.push({
        file: source.path,
        place: { line: 1, column: 1 },
        message: `duplicate of ${original.path}: the same article text; counted once`,
        ruleId: 'duplicate',
        severity: 'error',
      });
      continue;
    }
    byProse.set(proseKey, source);
    kept.push(source);
  }
  const idCount = new Map<string, number>();
  for (const source of kept) idCount.set(source.id, (idCount.get(source.id) ?? 0) + 1);
  const sources = kept.map((source) =>
    idCount.get(source.id)! > 1 ? { ...source, id: source.path.replace(/\.(md|markdown)$/i, '') } : source,
  );
  diagnostics.push(...outletSpellingWarnings(sources));
  return { sources, diagnostics };
}

/**
 * What makes two sources the same article: a hash of their prose (boilerplate
 * left out, whitespace collapsed), whatever their front matter.
 *
 * @param source A parsed source.
 */
export function proseKeyOf(source: Source): string {
  return createHash('sha256')
    .update(
      source.blocks
        .filter((block) => !block.boilerplate)
        .map((block) => block.text.replace(/\s+/g, ' ').trim())
        .join('\n'),
    )
    .digest('hex');
}
