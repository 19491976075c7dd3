// Writes src/data/compromise-lexicon.json: compromise's lexicon (each lowercase word
// or phrase with its tags, `model().one.lexicon`), so that looking a name or a word up
// (src/core/nlp.ts `nameKind`, `lexiconTags`) reads data instead of loading compromise
// (~200 ms) on a thread that needs nothing else of it: a re-check matches on the main
// thread, and only the worker parses. Run it again when compromise is upgraded;
// tests/lexicon-data.test.ts fails until then.
// Run: node --import tsx scripts/build-lexicon.ts

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Nlp from 'compromise';

const nlp = createRequire(import.meta.url)('compromise') as typeof Nlp;
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const sorted = Object.fromEntries(Object.entries(lexicon).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
// One top-level key: a JSON module's top-level keys become named exports under tsx, and words such as `await` cannot be.
writeFileSync(new URL('../src/data/compromise-lexicon.json', import.meta.url), `${JSON.stringify({ lexicon: sorted })}\n`);
console.log(`wrote src/data/compromise-lexicon.json (${Object.keys(sorted).length} entries)`);
