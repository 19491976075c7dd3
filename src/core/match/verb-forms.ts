// verb-forms: an inflected lowercase word and the verbs a table knows → the verbs
// it may be a form of, by WordNet's detachment rules for verbs (-s, -ies, -es, -ied,
// -ed, -ing; a doubled final consonant undone: "stopped" → "stop"). Pure; no data.

const RULES: readonly (readonly [string, string])[] = [
  ['s', ''],
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ied', 'y'],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
];

/**
 * The verbs of `known` a word may be a form of: the word itself when known, then
 * what the detachment rules make of it, each once, in that order.
 *
 * @param word A lowercase word.
 * @param known Whether a string is a known verb.
 */
export function baseForms(word: string, known: { has(verb: string): boolean }): string[] {
  const found: string[] = [];
  const add = (base: string) => {
    if (base.length > 1 && known.has(base) && !found.includes(base)) found.push(base);
  };
  add(word);
  for (const [suffix, ending] of RULES) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const stem = word.slice(0, -suffix.length);
    add(stem + ending);
    // "stopped", "stopping" → "stop".
    if (ending === '' && (suffix === 'ed' || suffix === 'ing') && stem.length > 2 && stem.at(-1) === stem.at(-2)) add(stem.slice(0, -1));
  }
  return found;
}
