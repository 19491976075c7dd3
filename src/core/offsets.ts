// Maps positions between a block's plain text and its file, and file offsets to
// unist points. Shared by every stage that reports a place in a source.

import { location } from 'vfile-location';
import type { Block, Point, Position, Source } from '../types.js';

/** Index of the run that holds plain-text index `index` (or the last run before it). */
function runIndexAt(block: Block, index: number): number {
  const runs = block.runs;
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (runs[middle]!.plain <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * File offset of the character at plain-text index `index` of `block`.
 *
 * @param block Block whose plain text `index` points into.
 * @param index Plain-text index of a character.
 */
export function fileOffsetOfStart(block: Block, index: number): number {
  const run = block.runs[runIndexAt(block, index)];
  if (!run) return block.position.start.offset ?? 0;
  return run.file + Math.min(Math.max(index - run.plain, 0), run.length);
}

/**
 * File offset just past the character before plain-text index `end` of `block`
 * (the exclusive end of a range that stops at `end`).
 *
 * @param block Block whose plain text `end` points into.
 * @param end Exclusive plain-text end of a range (greater than 0).
 */
export function fileOffsetOfEnd(block: Block, end: number): number {
  if (end <= 0) return fileOffsetOfStart(block, 0);
  return fileOffsetOfStart(block, end - 1) + 1;
}

const locators = new WeakMap<Source, ReturnType<typeof location>>();

/**
 * The unist point (1-based line and column, offset) of `offset` in `source`.
 *
 * @param source Loaded source.
 * @param offset Offset into `source.text`.
 */
export function pointAt(source: Source, offset: number): Point {
  let locator = locators.get(source);
  if (!locator) {
    locator = location(source.text);
    locators.set(source, locator);
  }
  const point = locator.toPoint(offset);
  if (point && point.line !== undefined && point.column !== undefined) {
    return { line: point.line, column: point.column, offset };
  }
  // Past the end: vfile-location answers undefined; place it after the last character.
  const lines = source.text.split(/\r?\n|\r/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset };
}

/**
 * The unist position spanning file offsets `start` to `end` of `source`.
 *
 * @param source Loaded source.
 * @param start Start offset (inclusive).
 * @param end End offset (exclusive).
 */
export function positionAt(source: Source, start: number, end: number): Position {
  return { start: pointAt(source, start), end: pointAt(source, end) };
}

/**
 * `line:column-line:column`, the way vfile-message stringifies a place.
 *
 * @param position Position to print.
 */
export function stringifyPosition(position: Position): string {
  return `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`;
}
