// Large exports are written in pieces so that a 3,000-article JSON export never
// sits in memory as one string: `jsonChunks` yields exactly the text of
// `JSON.stringify(value, null, 2)`, one element of its big array at a time.

/** Output of a reporter that may be large: the whole text, or its pieces in order. */
export type Chunks = Iterable<string>;

/** A key no real report contains, stood in for the streamed array. */
const PLACEHOLDER = '__claimcheck_streamed_array__';

/**
 * The text of `JSON.stringify(value, null, 2)` plus a final newline, yielded
 * in pieces: everything around `value[arrayKey]`, then each of its elements.
 *
 * @param value Object to write.
 * @param arrayKey Top-level key whose array is written one element at a time.
 * @param itemOf What each element of that array is written as (default: the
 *   element itself): made one element at a time, so that a large array's
 *   written form never sits in memory whole next to the array it is made from.
 */
export function* jsonChunks(value: Readonly<Record<string, unknown>>, arrayKey: string, itemOf?: (item: unknown) => unknown): Generator<string> {
  const items = value[arrayKey];
  if (!Array.isArray(items) || items.length === 0) {
    yield `${JSON.stringify(itemOf && Array.isArray(items) ? { ...value, [arrayKey]: items.map(itemOf) } : value, null, 2)}\n`;
    return;
  }
  const shell = JSON.stringify({ ...value, [arrayKey]: PLACEHOLDER }, null, 2);
  const at = shell.indexOf(`"${PLACEHOLDER}"`);
  const lineStart = shell.lastIndexOf('\n', at) + 1;
  const keyIndent = /^ */.exec(shell.slice(lineStart))![0];
  const itemIndent = `${keyIndent}  `;
  yield `${shell.slice(0, at)}[`;
  // An element is written already indented to its depth: as the only element of arrays nested that deep
  // (`JSON.stringify` indents each level by two spaces), the wrapping cut off; the same text as indenting
  // each line after writing it, without that pass over every element's text.
  const depth = itemIndent.length / 2;
  const nest = (value: unknown): unknown => {
    let nested = value;
    for (let level = 0; level < depth; level++) nested = [nested];
    return nested;
  };
  const probe = JSON.stringify(nest(0), null, 2);
  const before = probe.indexOf('0');
  const after = probe.length - before - 1;
  for (let index = 0; index < items.length; index++) {
    const written = JSON.stringify(nest(itemOf ? itemOf(items[index]) : items[index]), null, 2);
    yield `${index === 0 ? '' : ','}\n${itemIndent}${written.slice(before, written.length - after)}`;
  }
  yield `\n${keyIndent}]${shell.slice(at + PLACEHOLDER.length + 2)}\n`;
}

/**
 * The same text in pieces of at least `size` characters (the last may be
 * shorter): a stream written to a pipe makes one system call per piece, and a
 * large export has one small piece per finding.
 *
 * @param chunks Pieces in order.
 * @param size Least length of a piece.
 */
export function* batchChunks(chunks: Chunks, size = 1 << 16): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

/**
 * Join pieces into one string (for callers and tests that want the whole text).
 *
 * @param chunks Pieces in order.
 */
export function joinChunks(chunks: Chunks): string {
  return typeof chunks === 'string' ? chunks : [...chunks].join('');
}
