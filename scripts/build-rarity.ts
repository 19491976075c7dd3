// Writes src/data/match-rarity.json: the SUBTLEX count of each canonical term
// (src/core/match/rarity.ts's `stemCounts`), so blocking reads its term order as
// data instead of stemming the whole frequency list on every run. Run it again
// when stemming or the synonym groups (src/data/match-synonyms.json) change;
// tests/rarity-data.test.ts fails until then.
// Run: node --import tsx scripts/build-rarity.ts

import { writeFileSync } from 'node:fs';
import { stemCounts } from '../src/core/match/rarity.js';

const counts = Object.fromEntries([...stemCounts()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(new URL('../src/data/match-rarity.json', import.meta.url), `${JSON.stringify({ counts })}\n`);
console.log(`wrote src/data/match-rarity.json (${Object.keys(counts).length} terms)`);
