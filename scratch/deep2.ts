import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const n = Number(process.argv[3] ?? 10000);
const cases: Record<string, string> = {
  quote: '> '.repeat(n) + 'Deep text.\n',
  ordered: '1. '.repeat(n) + 'Deep text.\n',
  star: '*'.repeat(n) + 'Deep text.' + '*'.repeat(n) + '\n',
  star1: '*'.repeat(n) + 'Deep text.\n',
  dash: '- '.repeat(n) + 'Deep text.\n',
};
const t = performance.now();
try { const tree = p.parse(cases[process.argv[2]!]!); let d = 0; let x: any = tree; while (x.children?.length) { x = x.children[0]; d++; } console.log(process.argv[2], n, 'parse', (performance.now() - t).toFixed(0), 'depth', d); }
catch (e) { console.log(process.argv[2], n, 'parse THROW', (performance.now() - t).toFixed(0), String(e).slice(0, 100)); }
