// front-matter: the text of a source's front matter → its fields (key → value and
// the value's offset), read without a YAML parser when every line is one known
// field whose value is unambiguous text (a plain word run, a quoted string, or a
// flow list of such words); undefined for anything else, which parse.ts then
// reads with `yaml` as before. Exact by construction: a line is taken only when
// YAML 1.2's core schema reads it as the same string (tests/front-matter.test.ts
// checks it against `yaml` on the forms it takes and the ones it leaves).

/** A field of the front matter: its value as `yaml`'s `toJS` gives it, and the offset of the value in the front matter's text. */
export interface FrontMatterField {
  readonly value: unknown;
  readonly index: number;
}

/** Whether `text` holds a character this reader leaves to `yaml` (controls but the newline, tabs, byte-order marks, line separators). */
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/u;
/** A line of one field: a lowercase key, a colon, one space, a value without surrounding space. */
const FIELD = /^([a-z]+): (\S(?:.*\S)?)$/;
/** A plain scalar this reader takes: it starts with a letter; no `: `, ` #`, trailing `:`, or quote. */
const PLAIN = /^\p{L}[^"]*$/u;
/** The same inside a flow list, where `,[]{}` also end a word. */
const FLOW_PLAIN = /^\p{L}[^"',[\]{}]*$/u;
/** Plain words the core schema reads as something other than text. */
const NOT_TEXT = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** A plain scalar's text when it is one the core schema reads as that string, else undefined. */
function plainText(value: string, pattern: RegExp): string | undefined {
  if (!pattern.test(value) || NOT_TEXT.test(value)) return undefined;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return undefined;
  return value;
}

/** A field's value as written (after `key: `), or undefined when `yaml` must read it. */
function valueOf(written: string): unknown {
  const first = written[0];
  if (first === '"') return /^"[^"\\]*"$/.test(written) ? written.slice(1, -1) : undefined;
  if (first === "'") return /^'[^']*'$/.test(written) ? written.slice(1, -1) : undefined;
  if (first === '[') {
    if (!written.endsWith(']')) return undefined;
    const inner = written.slice(1, -1);
    if (inner.trim() === '') return inner === '' ? [] : undefined;
    const items: string[] = [];
    for (const part of inner.split(',')) {
      const item = part.trim();
      // A space around an item only; an empty item ("[a,,b]", "[a,]") is `yaml`'s to read.
      if (item === '' || part !== item && part !== ` ${item}` && part !== `${item} ` && part !== ` ${item} `) return undefined;
      const text = plainText(item, FLOW_PLAIN);
      if (text === undefined) return undefined;
      items.push(text);
    }
    return items;
  }
  // A date as the published field writes it: a string in the core schema (timestamps are YAML 1.1's).
  if (/^\d{4}-\d{2}-\d{2}$/.test(written)) return written;
  return plainText(written, PLAIN);
}

/**
 * The fields of a front matter's text when each of its lines is one distinct
 * field of `known` with a value read without doubt, else undefined.
 *
 * @param yamlText The front matter between its fences (no final newline).
 * @param known Field names this reader may take (others are left to `yaml`, which warns of them).
 */
export function simpleFrontMatter(yamlText: string, known: ReadonlySet<string>): Map<string, FrontMatterField> | undefined {
  if (yamlText === '' || UNUSUAL.test(yamlText)) return undefined;
  const fields = new Map<string, FrontMatterField>();
  let lineStart = 0;
  for (const line of yamlText.split('\n')) {
    const match = FIELD.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    if (!known.has(key) || fields.has(key)) return undefined;
    const value = valueOf(match[2]!);
    if (value === undefined) return undefined;
    fields.set(key, { value, index: lineStart + key.length + 2 });
    lineStart += line.length + 1;
  }
  return fields;
}
