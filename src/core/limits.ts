// limits: a source's text → the first place where its Markdown nests deeper than
// the parser can take in linear time (containers on one line, runs of emphasis
// delimiters), or undefined; and YAML documents → their first duplicate key. Both
// in linear time; limits are data in src/data/limits.json.

import { isMap, isScalar, visit, type Document } from 'yaml';
import limitData from '../data/limits.json' with { type: 'json' };

/** The limits on hostile input, from src/data/limits.json. */
export interface Limits {
  /** Most block containers (`>`, list markers) opened on one line. */
  readonly maxNesting: number;
  /** Longest run of `*` or `_` outside a thematic break. */
  readonly maxDelimiterRun: number;
  /** Largest source file read, in bytes. */
  readonly maxFileBytes: number;
  /** Most lines of front matter (the Markdown parser takes seconds on tens of thousands). */
  readonly maxFrontMatterLines: number;
}

/** The limits, loaded once. */
export function limits(): Limits {
  return { maxNesting: limitData.maxNesting, maxDelimiterRun: limitData.maxDelimiterRun, maxFileBytes: limitData.maxFileBytes, maxFrontMatterLines: limitData.maxFrontMatterLines };
}

/** Where a text nests too deeply, and what. */
export interface NestingProblem {
  /** Offset in the text. */
  readonly offset: number;
  readonly message: string;
}

const CONTAINER = /[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/y;
const DELIMITER_RUN = /[*_]+/g;
const THEMATIC_BREAK = /^[ \t]*(?:[*_][ \t]*)+$/;

/**
 * The first place where `text` nests Markdown deeper than `limits` allow: more
 * than `maxNesting` block quotes or list items opened on one line, or a run of
 * more than `maxDelimiterRun` emphasis delimiters. Linear in the text's length.
 *
 * @param text Markdown text.
 * @param bounds The limits (default: `limits()`).
 */
export function nestingProblem(text: string, bounds: Limits = limits()): NestingProblem | undefined {
  if (/^---[ \t]*\r?\n/.test(text)) {
    let at = text.indexOf('\n') + 1;
    let lines = 0;
    while (at > 0 && at < text.length && !/^(?:---|\.\.\.)[ \t]*\r?(?:\n|$)/.test(text.slice(at, at + 8))) {
      if (++lines > bounds.maxFrontMatterLines) {
        return { offset: 0, message: `front matter is too large: longer than ${bounds.maxFrontMatterLines} lines` };
      }
      at = text.indexOf('\n', at) + 1;
    }
  }
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let depth = 0;
    CONTAINER.lastIndex = lineStart;
    while (CONTAINER.lastIndex < lineEnd && CONTAINER.test(text)) {
      if (++depth > bounds.maxNesting) {
        return { offset: lineStart, message: `Markdown nested too deeply: more than ${bounds.maxNesting} block quotes or list items on one line` };
      }
    }
    lineStart = lineEnd + 1;
  }
  for (const match of text.matchAll(DELIMITER_RUN)) {
    if (match[0].length <= bounds.maxDelimiterRun) continue;
    const start = text.lastIndexOf('\n', match.index) + 1;
    const endAt = text.indexOf('\n', match.index);
    const line = text.slice(start, endAt === -1 ? text.length : endAt);
    if (THEMATIC_BREAK.test(line)) continue;
    return { offset: match.index, message: `Markdown nested too deeply: a run of ${match[0].length} emphasis marks (more than ${bounds.maxDelimiterRun})` };
  }
  return undefined;
}

/**
 * The first key repeated within one mapping of a YAML document (what the
 * `uniqueKeys` option finds, in linear time rather than quadratic): its offset
 * in the document's text and the key, or undefined.
 *
 * @param document A document parsed with `uniqueKeys: false`.
 */
export function duplicateKey(document: Document.Parsed): { offset: number; key: string } | undefined {
  let found: { offset: number; key: string } | undefined;
  visit(document, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? `${typeof pair.key.value}:${String(pair.key.value)}` : undefined;
        if (key === undefined) continue;
        if (seen.has(key)) {
          found = { offset: (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? 0, key: String((pair.key as { value: unknown }).value) };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}
