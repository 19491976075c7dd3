import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseSource } from '../src/core/parse.ts';
const y = 'outlet: X\n' + Array.from({ length: 40000 }, (_, i) => `k${i}: 1`).join('\n') + '\n';
const text = `---\n${y}---\n\nThe city council said on Tuesday that 8 new schools would open.\n`;
let t = performance.now();
unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(text);
console.log('remark', performance.now() - t); t = performance.now();
for (let i = 0; i < 2; i++) { t = performance.now(); parseSource('x.md', new TextEncoder().encode(text)); console.log('parseSource', performance.now() - t); }
