// Writes a deterministic benchmark corpus of outlet rewrites: N Markdown articles,
// about half of them outlets' rewrites of real articles (sentences dropped, a few
// swapped, a few words and figures changed, the rest printed word for word), the
// others distinct local events (scripts/generate-corpus.ts). The real articles are
// the seed articles in sources/ and, when present, ../shared/bench/real-news
// (read at run time, never copied into the project; the corpus goes to bench/,
// which is not committed). Article i depends only on i and the base articles found.
// Run: node --import tsx scripts/generate-rewrites.ts [N=3000] [folder=bench/corpus-rewrites-N]

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticle } from './generate-corpus.js';
import { seededRandom, type Random } from './random.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The real-news benchmark folder beside the project (or its worktree's project), or undefined. */
export function realNewsFolder(): string | undefined {
  for (const up of ['..', '../..', '../../..']) {
    const folder = path.resolve(root, up, 'shared', 'bench', 'real-news');
    if (existsSync(folder)) return folder;
  }
  return undefined;
}

function markdownFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full));
    else if (name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** A base article: its paragraphs, each a list of sentences. */
type Base = readonly (readonly string[])[];

function baseOf(file: string): Base | undefined {
  const text = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const paragraphs: string[][] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (/^\s*(?:#|>|[-*] |\d+\.|!\[)/.test(paragraph)) continue;
    const flat = paragraph.replace(/\s+/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').trim();
    const sentences = flat.split(/(?<=[a-z0-9)”"][.!?])\s+(?=[A-Z“"])/).filter((s) => s.split(' ').length >= 4);
    if (sentences.length) paragraphs.push(sentences);
  }
  const sentences = paragraphs.flat().length;
  return sentences >= 4 ? paragraphs : undefined;
}

let baseCache: { readonly bases: readonly Base[]; readonly real: boolean } | undefined;
/** The base articles: sources/ and, when present, the real-news benchmark's. */
export function baseArticles(): { readonly bases: readonly Base[]; readonly real: boolean } {
  if (baseCache) return baseCache;
  const files = markdownFiles(path.join(root, 'sources'));
  const real = realNewsFolder();
  if (real) files.push(...markdownFiles(real));
  const bases = files.flatMap((file): Base[] => { const base = baseOf(file); return base ? [base] : []; });
  return (baseCache = { bases, real: real !== undefined });
}

const random = (...parts: readonly (string | number)[]): Random => seededRandom('claimcheck-rewrites-v1', ...parts);

const OUTLETS = [
  'Harbor Ledger', 'Northfield Courier', 'Granite Wire', 'Daily Meridian', 'Riverbend Post', 'Capital Signal',
  'Evening Lantern', 'Westmark Times', 'Pinecrest Gazette', 'Civic Record', 'Lakeshore Dispatch', 'Summit Tribune',
  'Ironwood Herald', 'Bayline News', 'Coastal Observer', 'Prairie Voice', 'Metro Chronicle', 'Redstone Journal',
  'Eastgate Bulletin', 'Silver Valley Star', 'Frontier Examiner', 'Crossroads Daily', 'Highland Monitor', 'Cedar Point Mail',
];

const SWAPS: readonly (readonly [RegExp, string])[] = [
  [/\bsaid\b/, 'stated'], [/\btold\b/, 'informed'], [/\bpeople\b/, 'residents'], [/\bpolice\b/, 'officers'],
  [/\bon Monday\b/, 'Monday'], [/\bon Tuesday\b/, 'Tuesday'], [/\bon Friday\b/, 'Friday'], [/\bhowever\b/i, 'but'],
  [/\bcompany\b/, 'firm'], [/\bkilled\b/, 'left dead'], [/\bshot\b/, 'gunned down'], [/\bannounced\b/, 'unveiled'],
  [/\babout\b/, 'roughly'], [/\bmore than\b/, 'over'], [/\bbig\b/, 'large'], [/\bstarted\b/, 'began'],
];

/** A few words swapped, or a figure changed: what an outlet's editor does to a wire sentence. */
function edit(r: Random, sentence: string): string {
  if (r.chance(0.3)) {
    const digits = sentence.match(/\b\d[\d,]*\b/);
    if (digits && !/^(19|20)\d\d$/.test(digits[0])) return sentence.replace(digits[0], String(Number(digits[0].replace(/,/g, '')) + r.int(1, 4)));
  }
  let out = sentence;
  let swapped = 0;
  for (const [pattern, target] of SWAPS) if (swapped < 2 && pattern.test(out) && r.chance(0.6)) (out = out.replace(pattern, target)), swapped++;
  if (swapped === 0) {
    // Drop a short word from the middle.
    const words = out.split(' ');
    if (words.length > 8) words.splice(r.int(2, words.length - 3), 1);
    out = words.join(' ');
  }
  return out;
}

/** File name and Markdown text of article `index` (depends only on `index` and the base articles). */
export function generateRewrite(index: number): { name: string; text: string } {
  const { bases } = baseArticles();
  const r = random('article', index);
  const outlet = r.pick(OUTLETS);
  // Enough local events that no base article is rewritten more than about eight times.
  const rewriteShare = Math.min(0.5, (8 * bases.length) / Math.max(1, index + 1));
  if (bases.length === 0 || !r.chance(rewriteShare)) {
    const local = generateArticle(index);
    return { name: local.name.replace(/^a/, 'l'), text: local.text };
  }
  const base = bases[Math.floor(r.next() * bases.length)]!;
  const paragraphs: string[] = [];
  for (const paragraph of base) {
    const kept = paragraph.filter(() => r.chance(0.8)).map((sentence) => (r.chance(0.15) ? edit(r, sentence) : sentence));
    // Now and then two sentences swap places.
    if (kept.length > 1 && r.chance(0.2)) {
      const k = r.int(0, kept.length - 2);
      [kept[k], kept[k + 1]] = [kept[k + 1]!, kept[k]!];
    }
    if (kept.length) paragraphs.push(kept.join(' '));
  }
  if (paragraphs.length > 2 && r.chance(0.3)) {
    const k = r.int(1, paragraphs.length - 2);
    [paragraphs[k], paragraphs[k + 1]] = [paragraphs[k + 1]!, paragraphs[k]!];
  }
  const slug = outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const text = ['---', `outlet: ${outlet}`, `url: https://example.org/${slug}/${index}`, `published: 2020-12-${String(1 + (index % 28)).padStart(2, '0')}`, '---', '', paragraphs.join('\n\n'), ''].join('\n');
  return { name: `r${String(index).padStart(5, '0')}-${slug}.md`, text };
}

/**
 * Write `count` rewrite articles into `folder` (emptied first).
 *
 * @param count Number of articles.
 * @param folder Target folder (default: bench/corpus-rewrites-<count>).
 */
export function writeRewrites(count: number, folder = path.join(root, 'bench', `corpus-rewrites-${count}`)): { folder: string; words: number; real: boolean } {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let words = 0;
  for (let index = 0; index < count; index++) {
    const { name, text } = generateRewrite(index);
    words += text.replace(/^---\n[\s\S]*?\n---\n/, '').split(/\s+/).filter(Boolean).length;
    writeFileSync(path.join(folder, name), text);
  }
  return { folder, words, real: baseArticles().real };
}

/**
 * The share of verbatim copies in one cluster, from an export: claims whose text
 * is printed word for word by two or more outlets, and how many of them have
 * all their mentions in one finding.
 *
 * @param exported The JSON export (`claimcheck export --format json`), or its claims one by one (`--format jsonl`).
 */
export function verbatimShare(exported: { claims: Iterable<{ id: string; mentions: readonly { text: string; outlet: string }[] }> }): { copies: number; together: number } {
  const byText = new Map<string, { outlets: Set<string>; findings: Set<string> }>();
  for (const finding of exported.claims) {
    for (const mention of finding.mentions) {
      const text = mention.text.replace(/\s+/g, ' ').trim();
      let entry = byText.get(text);
      if (!entry) byText.set(text, (entry = { outlets: new Set(), findings: new Set() }));
      entry.outlets.add(mention.outlet);
      entry.findings.add(finding.id);
    }
  }
  let copies = 0;
  let together = 0;
  for (const { outlets, findings } of byText.values()) {
    if (outlets.size < 2) continue;
    copies++;
    if (findings.size === 1) together++;
  }
  return { copies, together };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const count = Number(process.argv[2] ?? 3000);
  const { folder, words, real } = writeRewrites(count, process.argv[3] ? path.resolve(process.argv[3]) : undefined);
  if (!real) process.stdout.write('note: ../shared/bench/real-news is absent; rewriting the seed articles in sources/ only\n');
  process.stdout.write(`wrote ${count} articles (${words.toLocaleString('en-US')} words) to ${path.relative(process.cwd(), folder) || '.'}\n`);
}
