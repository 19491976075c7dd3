// Memory of the n-gram sets matching keeps per compared claim (similarity.ts GramTable): takes
// a corpus folder, analyses it, builds the grams of every claim once and prints heap and
// ArrayBuffer bytes per claim. Run: node --expose-gc --import tsx scripts/mem-grams.ts <folder>
import { readSourceFiles } from '../src/engine/files.js';
import { analyzeRead } from '../src/engine/run.js';
import { GramTable } from '../src/core/match/similarity.js';
const gc = (globalThis as any).gc as () => void;
const use = async () => { gc(); gc(); await new Promise((r) => setTimeout(r, 500)); gc(); const m = process.memoryUsage(); return { heap: m.heapUsed, arrays: m.arrayBuffers, rss: m.rss }; };
const mb = (b: number) => (b / 1048576).toFixed(1) + ' MB';
const read = await readSourceFiles([process.argv[2]!], process.cwd());
const loaded = await analyzeRead(read, { cache: false, threads: 2 });
const profiles = loaded.analyses.flatMap((a) => a.profiles);
const before = await use();
const table = new GramTable();
for (const p of profiles) table.gramsOf(p.terms);
const after = await use();
console.log(`claims ${profiles.length}: grams heap ${mb(after.heap - before.heap)} arrays ${mb(after.arrays - before.arrays)} rss +${mb(after.rss - before.rss)}; per claim ${((after.heap - before.heap + after.arrays - before.arrays) / profiles.length).toFixed(0)} B`);
void table;
