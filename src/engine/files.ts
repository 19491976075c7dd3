// engine/files: paths → the Markdown source files under them, read from disk
// (bytes, in path order) and settled into sources by the core's parser. The only
// file-system code of loading; parsing itself is core/parse.ts.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseSource, settleSources, toPosix, type ParsedSource, type SourceFile } from '../core/parse.js';
import { limits } from '../core/limits.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { Diagnostic, Source } from '../types.js';


export interface LoadedSources {
  /** Usable sources, sorted by path, duplicates removed, ids unique. */
  readonly sources: readonly Source[];
  /** Every problem found, sorted by file and place. */
  readonly diagnostics: readonly Diagnostic[];
  /** Paths of the files that were read (including unusable ones). */
  readonly files: readonly string[];
}

const MARKDOWN_FILE = /\.(md|markdown)$/i;
/** A folder's README is about the folder, not a source: skipped when a folder is searched (a README given by name is read). */
const README_FILE = /^readme\.(md|markdown)$/i;
/** Characters that make a path a glob pattern (`sources/*.md`, `**\/x.md`, `{a,b}.md`). */
const GLOB_CHARS = /[*?[\]{}]/;

/** Largest source file read by default: 10 MB (src/data/limits.json); a larger one is that file's error. */
export const MAX_FILE_BYTES = limits().maxFileBytes;

/**
 * Find the Markdown files under `paths` (files or folders, searched recursively;
 * hidden folders and node_modules are skipped; a folder reached twice is searched
 * once). Never throws: missing paths, symlink loops and links that lead out of
 * the working folder (or out of a path given outside it) come back as diagnostics.
 *
 * @param paths Files or folders.
 * @param cwd Folder that relative paths resolve against and results are shown relative to.
 */
export async function findSourceFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const { readdir, realpath, stat } = await import('node:fs/promises');
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const seenFolders = new Set<string>();
  const problem = (file: string, message: string, ruleId: string) =>
    diagnostics.push({ file: display(cwd, file), place: { line: 1, column: 1 }, message, ruleId, severity: 'error' });
  const absoluteCwd = path.resolve(cwd);
  const realCwd = await realpath(absoluteCwd).catch(() => absoluteCwd);
  const outside = (link: string, boundary: string) =>
    problem(link, `symbolic link to a file or folder outside ${display(cwd, boundary) || '.'}: refused`, 'outside-link');

  /** Search `folder` (real path `real`), whose links must stay inside `boundary`; `ancestors` are the real paths above it. */
  const walk = async (folder: string, real: string, boundary: string, ancestors: ReadonlySet<string>) => {
    if (ancestors.has(real)) {
      problem(folder, 'symlink loop: this folder was already searched', 'symlink-loop');
      return;
    }
    // The same folder reached twice (given twice, or by a link to a sibling): searched once, silently.
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      problem(folder, describeFsError(error), 'unreadable');
      return;
    }
    const inner = new Set(ancestors).add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(folder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      let target = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          const info = await stat(full);
          isFolder = info.isDirectory();
          isFile = info.isFile();
          target = await realpath(full);
        } catch (error) {
          problem(full, describeFsError(error), (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink-loop' : 'unreadable');
          continue;
        }
        if ((isFolder || (isFile && MARKDOWN_FILE.test(entry.name))) && !isInside(boundary, target)) {
          outside(full, boundary);
          continue;
        }
      }
      if (isFolder) await walk(full, target, boundary, inner);
      else if (isFile && MARKDOWN_FILE.test(entry.name) && !README_FILE.test(entry.name)) files.add(full);
    }
  };

  for (const given of await expandGlobs(paths, cwd, problem)) {
    const full = path.resolve(cwd, given);
    let info;
    let real: string;
    try {
      info = await stat(full);
      real = await realpath(full);
    } catch (error) {
      problem(given, describeFsError(error), (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink-loop' : 'not-found');
      continue;
    }
    // Inside the working folder, nothing may lead out of it; a path given outside it bounds itself.
    const boundary = isInside(absoluteCwd, full) ? realCwd : info.isDirectory() ? real : path.dirname(real);
    if (!isInside(boundary, real)) {
      outside(given, boundary);
      continue;
    }
    if (info.isDirectory()) await walk(full, real, boundary, new Set());
    else if (MARKDOWN_FILE.test(full)) files.add(full);
    else problem(given, 'not a Markdown source: expected a .md file or a folder of them', 'not-markdown');
  }
  return { files: [...files].map((file) => display(cwd, file)).sort(), diagnostics };
}

/**
 * The paths with each glob pattern (quoted on the command line, so the shell
 * left it alone) replaced by the files and folders it matches, in order
 * (tinyglobby; hidden files and node_modules are not matched). A path that
 * exists as written is never a pattern; a pattern that matches nothing is a
 * `not-found` problem.
 *
 * @param paths Files, folders or patterns.
 * @param cwd Folder patterns are relative to.
 * @param problem Records a problem.
 */
async function expandGlobs(
  paths: readonly string[],
  cwd: string,
  problem: (file: string, message: string, ruleId: string) => void,
): Promise<string[]> {
  if (!paths.some((given) => GLOB_CHARS.test(given))) return [...paths];
  const { glob } = await import('tinyglobby');
  const expanded: string[] = [];
  for (const given of paths) {
    if (!GLOB_CHARS.test(given) || existsSync(path.resolve(cwd, given))) {
      expanded.push(given);
      continue;
    }
    const matches = await glob(given.split(path.sep).join('/'), { cwd, onlyFiles: false, dot: false, followSymbolicLinks: false, ignore: ['**/node_modules/**'], expandDirectories: false });
    if (matches.length === 0) problem(given, 'no files match this pattern', 'not-found');
    expanded.push(...matches.sort().map((match) => match.replace(/\/$/, '')));
  }
  return expanded;
}

/**
 * Whether `inner` is `outer` or lies under it (both absolute paths).
 *
 * @param outer A folder.
 * @param inner A path.
 */
export function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Options of `loadSources`. */
export interface LoadOptions {
  /** Folder that relative paths resolve against (default: `process.cwd()`). */
  readonly cwd?: string;
  /**
   * Parses the files read, in order (default: `parseSource` on each). The per-source
   * stage passes one that uses the cache and worker threads; it must return what
   * `parseSource` would.
   */
  readonly parse?: (files: readonly SourceFile[]) => Promise<readonly ParsedSource[]>;
  /** Largest file read, in bytes (default: `MAX_FILE_BYTES`, 10 MB); a larger one is a `too-large` error. */
  readonly maxFileBytes?: number;
}

/** Source files read from disk, before parsing. */
export interface ReadFiles {
  /** Files read, in path order. */
  readonly files: readonly SourceFile[];
  /** Paths of every file found (including unreadable ones), in order. */
  readonly found: readonly string[];
  /** Problems finding or reading files. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Find and read the Markdown files under `paths`, in order. Never throws:
 * missing paths, symlink loops and unreadable files come back as diagnostics.
 *
 * @param paths Files or folders.
 * @param cwd Folder that relative paths resolve against.
 */
export async function readSourceFiles(
  paths: readonly string[],
  cwd: string,
  options: Pick<LoadOptions, 'maxFileBytes'> = {},
): Promise<ReadFiles> {
  const found = await findSourceFiles(paths, cwd);
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  // Synchronous reads, in order: on files the OS has cached (the usual case for a corpus
  // read again), faster than 32 at a time with promises (3000 articles: 30–100 ms vs 100–140).
  const contents: (Uint8Array | Diagnostic)[] = found.files.map((file) => {
    try {
      const size = statSync(path.resolve(cwd, file)).size;
      if (size > maxBytes) {
        const message = `file is larger than ${formatBytes(maxBytes)} (${formatBytes(size)}): not read, split it or leave it out`;
        return { file, place: { line: 1, column: 1 }, message, ruleId: 'too-large', severity: 'error' };
      }
      return readFileSync(path.resolve(cwd, file));
    } catch (error) {
      return { file, place: { line: 1, column: 1 }, message: describeFsError(error), ruleId: 'unreadable', severity: 'error' };
    }
  });
  const files: SourceFile[] = [];
  found.files.forEach((file, index) => {
    const content = contents[index]!;
    if (content instanceof Uint8Array) files.push({ file, bytes: content });
    else diagnostics.push(content);
  });
  return { files, found: found.files, diagnostics };
}

/**
 * Load every source under `paths`: find, read and parse the files, drop
 * duplicates (the same article under two names counts once) and give each
 * source a unique id. Bad files become diagnostics; good ones are still loaded.
 *
 * @param paths Files or folders (default: `sources`).
 * @param options Working folder and parser (optional).
 */
export async function loadSources(paths: readonly string[] = ['sources'], options: LoadOptions = {}): Promise<LoadedSources> {
  return loadFiles(await readSourceFiles(paths, options.cwd ?? process.cwd(), options), options);
}

/**
 * Parse files already read and settle them into sources (see `loadSources`).
 *
 * @param read Files read by `readSourceFiles`.
 * @param options Parser (optional).
 */
export async function loadFiles(read: ReadFiles, options: Pick<LoadOptions, 'parse'> = {}): Promise<LoadedSources> {
  const results = options.parse ? await options.parse(read.files) : read.files.map(({ file, bytes }) => parseSource(file, bytes));
  return settleParsed(read, results);
}

/**
 * Settle parsed files into sources: duplicates dropped, ids made unique, every
 * problem found so far sorted (see `loadSources`).
 *
 * @param read Files read by `readSourceFiles`.
 * @param results `parseSource` of each file, in order.
 */
export function settleParsed(read: ReadFiles, results: readonly ParsedSource[]): LoadedSources {
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const parsed: Source[] = [];
  for (const result of results) {
    diagnostics.push(...result.diagnostics);
    if (result.source) parsed.push(result.source);
  }
  const { sources, diagnostics: duplicateDiagnostics } = settleSources(parsed);
  diagnostics.push(...duplicateDiagnostics);
  return { sources, diagnostics: sortDiagnostics(diagnostics), files: read.found };
}

/** `10 MB`, `1.5 KB`: a size for a message. */
function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= 1024 * 1024 ? ['MB', bytes / (1024 * 1024)] : bytes >= 1024 ? ['KB', bytes / 1024] : ['bytes', bytes];
  return `${Number.isInteger(size) ? size : size.toFixed(1)} ${unit}`;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symlink loop: the link points back to itself';
    case 'EISDIR':
      return 'is a folder, expected a file';
    default:
      return `cannot read: ${(error as Error).message}`;
  }
}

function display(cwd: string, file: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return toPosix(shown);
}
