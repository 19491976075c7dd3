// The configuration file: `claimcheck.config.json` or `.claimcheckrc.json`, found
// upward from the working folder by lilconfig, or `--config PATH` → a validated
// Config (paths resolved against the file's folder). Its text is a stranger's
// input: every problem is a `file:line:column: message` usage error (exit 2).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lilconfig } from 'lilconfig';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { MATCH_DEFAULTS } from '../core/match/options.js';
import { EXIT, UserError } from '../errors.js';

/** File names searched for, in each folder from the working folder up. */
export const CONFIG_FILES = ['claimcheck.config.json', '.claimcheckrc.json'] as const;

/** Largest configuration file read, in bytes. */
const MAX_CONFIG_BYTES = 1 << 20;

/** The matching thresholds a configuration may set (`match`), as in `MATCH_DEFAULTS`. */
export type MatchSettings = Partial<Record<keyof typeof MATCH_DEFAULTS, number>>;

/** A validated configuration; every path is absolute. */
export interface Config {
  /** The file it was read from, as shown in messages (relative to the working folder when inside it). */
  readonly file: string;
  /** Source files or folders read when a command is given no paths. */
  readonly sources?: readonly string[];
  /** The ledger folder. */
  readonly ledger?: string;
  /** Front-matter fields besides the known ones that are not worth a warning. */
  readonly allowFields?: readonly string[];
  /** Globs (picomatch) of source files to leave out, relative to the configuration's folder. */
  readonly ignore?: readonly string[];
  /** The configuration's folder, which `ignore` globs are relative to. */
  readonly folder: string;
  /** Matching thresholds (see `MATCH_DEFAULTS`). */
  readonly match?: MatchSettings;
  /** The organization that publishes ClaimReviews. */
  readonly organization?: { readonly name: string; readonly url?: string };
}

const KEYS = ['$schema', 'sources', 'ledger', 'allowFields', 'ignore', 'match', 'organization'] as const;

/**
 * Find and read the configuration: `explicit` (`--config PATH`) when given,
 * else the first of `CONFIG_FILES` in the working folder or a folder above it.
 *
 * @param cwd Working folder.
 * @param explicit The `--config` path, if any.
 * @returns The configuration, or undefined when there is none.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<Config | undefined> {
  let file: string | undefined;
  if (explicit !== undefined) {
    file = path.resolve(cwd, explicit);
  } else {
    const found = await lilconfig('claimcheck', {
      searchPlaces: [...CONFIG_FILES],
      // The text only: it is parsed below, with positions for its messages.
      loaders: { '.json': (_file: string, content: string) => content },
      stopDir: path.parse(path.resolve(cwd)).root,
    }).search(cwd);
    file = found?.filepath;
  }
  if (file === undefined) return undefined;
  const shown = showPath(cwd, file);
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_CONFIG_BYTES) throw new UserError(`${shown}:1:1: the configuration is larger than 1 MB`, EXIT.usage);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, expected a JSON file' : error instanceof TypeError ? 'not UTF-8 text' : `cannot read: ${(error as Error).message}`;
    throw new UserError(`${shown}:1:1: ${why}`, EXIT.usage);
  }
  return parseConfig(text, shown, path.dirname(file));
}

/**
 * Validate a configuration's text.
 *
 * @param text The file's text.
 * @param shown The file as named in messages.
 * @param folder The file's folder (paths in it are relative to it).
 */
export function parseConfig(text: string, shown: string, folder: string): Config {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const { line, col } = lines.linePos(offset ?? 0);
    return `${shown}:${line}:${col}`;
  };
  const fail = (node: Node | Pair['key'] | null | undefined, message: string): never => {
    const range = node && typeof node === 'object' && 'range' in node ? (node as { range?: readonly number[] | null }).range : undefined;
    const offset = range?.[0] ?? 0;
    throw new UserError(`${at(offset)}: ${message}`, EXIT.usage);
  };
  const firstError = document.errors[0];
  if (firstError) throw new UserError(`${at(firstError.pos[0])}: not valid JSON: ${firstError.message.split('\n')[0]}`, EXIT.usage);
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UserError(`${shown}:1:1: not valid JSON: ${(error as Error).message}`, EXIT.usage);
  }
  const root = document.contents;
  if (!isMap(root)) return fail(root, 'expected a JSON object of settings');
  const config: { -readonly [K in keyof Config]?: Config[K] } = { file: shown, folder };
  const strings = (node: Node | null, name: string, allowOne: boolean): string[] => {
    if (allowOne && isScalar(node) && typeof node.value === 'string') return [nonEmpty(node, name)];
    if (!isSeq(node)) return fail(node, `${name}: expected ${allowOne ? 'a string or ' : ''}an array of strings`);
    return node.items.map((item) => (isScalar(item) && typeof item.value === 'string' ? nonEmpty(item, name) : fail(item as Node, `${name}: expected a string`)));
  };
  const nonEmpty = (node: Node, name: string): string => {
    const value = (node as { value: string }).value;
    return value.trim() === '' || value.includes('\0') ? fail(node, `${name}: expected a non-empty path or name`) : value;
  };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    switch (key) {
      case '$schema':
        break;
      case 'sources':
        config.sources = strings(value, 'sources', true).map((entry) => path.resolve(folder, entry));
        break;
      case 'ledger':
        if (!isScalar(value) || typeof value.value !== 'string') return fail(value, 'ledger: expected the ledger folder as a string');
        config.ledger = path.resolve(folder, nonEmpty(value, 'ledger'));
        break;
      case 'allowFields':
        config.allowFields = strings(value, 'allowFields', false).map((field) => field.trim());
        break;
      case 'ignore':
        config.ignore = strings(value, 'ignore', true);
        break;
      case 'match': {
        if (!isMap(value)) return fail(value, `match: expected an object of thresholds (${Object.keys(MATCH_DEFAULTS).join(', ')})`);
        const match: Record<string, number> = {};
        for (const item of value.items) {
          const name = isScalar(item.key) ? String(item.key.value) : '';
          if (!(name in MATCH_DEFAULTS)) return fail(item.key as Node, `match: unknown threshold "${name}" (expected one of ${Object.keys(MATCH_DEFAULTS).join(', ')})`);
          const number = isScalar(item.value) ? item.value.value : undefined;
          const share = /Share$|^linkage$/.test(name);
          if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || (share && number > 1)) {
            return fail(item.value as Node, `match.${name}: expected a number ${share ? 'from 0 to 1' : 'of at least 0'}`);
          }
          match[name] = number;
        }
        config.match = match;
        break;
      }
      case 'organization': {
        if (isScalar(value) && typeof value.value === 'string') {
          config.organization = { name: nonEmpty(value, 'organization') };
          break;
        }
        if (!isMap(value)) return fail(value, 'organization: expected a name or {"name": …, "url": …}');
        let name: string | undefined;
        let url: string | undefined;
        for (const item of value.items) {
          const field = isScalar(item.key) ? String(item.key.value) : '';
          const node = item.value as Node | null;
          const text = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
          if (field === 'name' && text?.trim()) name = text;
          else if (field === 'url' && text !== undefined && /^https?:\/\/\S+$/i.test(text)) url = text;
          else if (field === 'name' || field === 'url') return fail(node, `organization.${field}: expected ${field === 'url' ? 'an http(s) URL' : 'a non-empty string'}`);
          else return fail(item.key as Node, `organization: unknown field "${field}" (expected name, url)`);
        }
        if (name === undefined) return fail(value, 'organization: "name" is required');
        config.organization = url ? { name, url } : { name };
        break;
      }
      default:
        return fail(pair.key as Node, `unknown setting "${key}" (expected one of ${KEYS.filter((k) => k !== '$schema').join(', ')})`);
    }
  }
  return config as Config;
}

function showPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file).split(path.sep).join('/');
}
