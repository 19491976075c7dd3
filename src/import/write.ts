// Where an imported article goes and how it gets there: a slug is a plain file
// name inside the sources folder (never a path), and the file is written
// atomically (temp file in the same folder, then link or rename).

import { lstatSync } from 'node:fs';
import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { TargetExistsError, writeFileAtomic } from '../fs.js';

/** Longest slug accepted (the file name is the slug plus `.md`). */
export const MAX_SLUG_LENGTH = 120;

/** Longest slug derived from an article's date, outlet and title. */
const DERIVED_SLUG_LENGTH = 80;

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * A slug from an article's published date, outlet and title: lowercase ASCII
 * letters and digits joined by hyphens, at most 80 characters, cut at a hyphen.
 *
 * @param parts Date, outlet and title (each optional); `fallback` stands in for a missing title.
 */
export function slugFor(parts: { published?: string; outlet?: string; title?: string; fallback?: string }): string {
  const text = [parts.published, parts.outlet, parts.title ?? parts.fallback].filter((part) => part).join(' ');
  let slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[łŁ]/g, 'l')
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > DERIVED_SLUG_LENGTH) {
    const cut = slug.lastIndexOf('-', DERIVED_SLUG_LENGTH);
    slug = slug.slice(0, cut > 20 ? cut : DERIVED_SLUG_LENGTH).replace(/-+$/, '');
  }
  if (slug === '') slug = 'article';
  if (RESERVED.test(slug)) slug = `${slug}-article`;
  return slug;
}

/**
 * Check a slug given by the user: a plain file name (letters, digits, `-`, `_`,
 * `.`; a trailing `.md` is dropped), no folders, no drive letters, no `..`, not
 * hidden, not a reserved device name. Returns the slug without `.md`.
 *
 * @param slug The slug as given.
 */
export function checkSlug(slug: string): string {
  const name = slug.trim().replace(/\.md$/i, '');
  if (name === '') throw new UserError('invalid slug: it is empty');
  if (/[/\\]/.test(name) || path.isAbsolute(name) || /^[a-z]:/i.test(name) || name.includes('\0')) {
    throw new UserError(`invalid slug "${slug}": a slug is a file name inside the sources folder, not a path`);
  }
  if (name === '.' || name === '..' || name.startsWith('.')) {
    throw new UserError(`invalid slug "${slug}": it must not start with "."`);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new UserError(`invalid slug "${slug}": use only letters, digits, "-", "_" and "."`);
  }
  if (name.length > MAX_SLUG_LENGTH) throw new UserError(`invalid slug "${slug}": longer than ${MAX_SLUG_LENGTH} characters`);
  if (RESERVED.test(name.split('.')[0]!)) throw new UserError(`invalid slug "${slug}": "${name.split('.')[0]}" is a reserved device name`);
  return name;
}

/**
 * Resolve where `slug` goes inside `sourcesDir`; throws UserError if it would
 * escape (../, absolute paths, symlinks inside sourcesDir pointing outside,
 * empty, reserved names).
 *
 * @param sourcesDir The sources folder.
 * @param slug The slug (a plain file name; `.md` is added).
 */
export function sourcePathFor(sourcesDir: string, slug: string): string {
  const name = checkSlug(slug);
  const folder = path.resolve(sourcesDir);
  const target = path.join(folder, `${name}.md`);
  if (path.dirname(target) !== folder) throw new UserError(`invalid slug "${slug}": it would leave ${sourcesDir}`);
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return target;
  }
  if (stat.isSymbolicLink()) throw new UserError(`${target}: is a symbolic link; refusing to write through or replace it`);
  if (!stat.isFile()) throw new UserError(`${target}: exists and is not a regular file`);
  return target;
}

/**
 * Write atomically: temp file in the same folder + rename; refuse to overwrite
 * unless force (UserError naming the file). Never writes outside sourcesDir
 * (re-checked with the realpath of the parent). Creates sourcesDir if needed.
 * Returns the path written.
 *
 * @param sourcesDir The sources folder.
 * @param slug The slug (a plain file name; `.md` is added).
 * @param markdown The file's content.
 * @param options `force`: overwrite an existing file (default: false); `cwd`: the
 *   working folder a sources folder inside it must not leave by a link (default: `process.cwd()`).
 */
export async function writeSource(
  sourcesDir: string,
  slug: string,
  markdown: string,
  options: { force?: boolean; cwd?: string },
): Promise<string> {
  const target = sourcePathFor(sourcesDir, slug);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  const realFolder = await realpath(folder);
  if ((await lstat(folder)).isSymbolicLink()) {
    throw new UserError(`${sourcesDir}: is a symbolic link; refusing to write through it (make it a real folder)`);
  }
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (isInside(cwd, folder) && !isInside(await realpath(cwd), realFolder)) {
    throw new UserError(`${sourcesDir}: resolves outside ${cwd} through a symbolic link; refusing to write there`);
  }
  const realTarget = path.join(realFolder, path.basename(target));
  if (path.dirname(realTarget) !== realFolder) throw new UserError(`invalid slug "${slug}": it would leave ${sourcesDir}`);

  const existing = await lstat(realTarget).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new UserError(`${target}: is a symbolic link; refusing to write through or replace it`);
  if (existing && !existing.isFile()) throw new UserError(`${target}: exists and is not a regular file`);
  if (existing && !options.force) throw new UserError(`${target}: already exists (use --force to overwrite it)`);

  try {
    await writeFileAtomic(realTarget, markdown, { overwrite: options.force === true });
  } catch (error) {
    if (error instanceof TargetExistsError) throw new UserError(`${target}: already exists (use --force to overwrite it)`);
    throw error;
  }
  return target;
}

/** Whether `inner` is `outer` or lies under it (both absolute). */
function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
