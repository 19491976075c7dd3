// Lists Emergent misses by kind, for reading by hand: takes the per-headline outcomes that
// `npm run eval:stance -- --json OUT` writes and the manifest in ../shared/bench/stance, and
// prints the headlines that gave no claim, landed apart from the claim, landed without a
// dispute ('against' only), or disputed a 'for'/'observing' claim (false alarms). Reads the
// benchmark where it lies; never writes it anywhere. Says so and exits 0 when ../shared is absent.
// Run: node --import tsx scripts/stance-misses.ts OUT [--kind no-claim|apart|undisputed|false-alarm|claim-no-claim] [--stance S] [--limit N]

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

interface Row {
  readonly folder: string;
  readonly article: string;
  readonly stance: string;
  readonly status: string;
  readonly pair: boolean;
  readonly kinds: readonly string[];
  readonly detail?: string;
  readonly mentions: readonly { text: string; negated: boolean; withClaim: boolean }[];
}

interface Manifest {
  readonly claims: readonly { folder: string; claim: string; articles: readonly { id: string; headline: string }[] }[];
}

function manifestPath(): string | undefined {
  for (const base of [join(root, '..', 'shared'), join(root, '..', '..', 'shared')]) {
    const file = join(base, 'bench', 'stance', 'emergent-train', 'manifest.json');
    if (existsSync(file)) return file;
  }
  return undefined;
}

const KINDS: Record<string, (row: Row) => boolean> = {
  'no-claim': (row) => row.status === 'headline gave no claim',
  'claim-no-claim': (row) => row.status === 'claim statement gave no claim',
  apart: (row) => row.status === 'clustered apart from the claim',
  undisputed: (row) => row.stance === 'against' && row.status === 'landed' && !row.pair,
  'false-alarm': (row) => row.stance !== 'against' && row.pair,
};

function main(): void {
  const argv = process.argv.slice(2);
  const manifestFile = manifestPath();
  if (!manifestFile) {
    console.log('stance-misses: ../shared/bench/stance is absent; nothing to list.');
    return;
  }
  const out = argv[0];
  if (!out || !existsSync(out)) {
    console.log('usage: stance-misses.ts OUT.json (from npm run eval:stance -- --json OUT.json) [--kind K] [--stance S] [--limit N]');
    return;
  }
  const option = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const headlines = new Map<string, { claim: string; headline: string }>();
  for (const claim of manifest.claims) for (const article of claim.articles) headlines.set(`${claim.folder}/${article.id}`, { claim: claim.claim, headline: article.headline });
  const rows = (JSON.parse(readFileSync(out, 'utf8')) as { rows: Row[] }).rows;
  const kinds = option('kind') ? [option('kind')!] : Object.keys(KINDS);
  const stance = option('stance');
  const limit = Number(option('limit') ?? Infinity);
  for (const kind of kinds) {
    const test = KINDS[kind];
    if (!test) throw new Error(`unknown kind ${kind}`);
    const found = rows.filter((row) => test(row) && (!stance || row.stance === stance));
    console.log(`== ${kind}: ${found.length}`);
    for (const row of found.slice(0, limit)) {
      const text = headlines.get(`${row.folder}/${row.article}`);
      console.log(`- [${row.stance}] ${row.folder}\n    claim:    ${text?.claim}\n    headline: ${text?.headline}`);
      if (row.pair) console.log(`    conflict: ${row.kinds.join(', ')} ${row.detail ?? ''}`);
      for (const mention of row.mentions) console.log(`    mention:  ${mention.withClaim ? 'with claim' : 'apart'}${mention.negated ? ', negated' : ''}: ${mention.text}`);
    }
  }
}

main();
