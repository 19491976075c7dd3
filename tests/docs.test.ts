// The README and every command's --help name only files that exist in the
// repository, and point at nothing outside it (../, a design document kept elsewhere).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const helpFolder = path.join(root, 'tests/fixtures/help');
const documents: [string, string][] = [
  ['README.md', readFileSync(path.join(root, 'README.md'), 'utf8')],
  ...readdirSync(helpFolder).map((name): [string, string] => [`--help of ${name}`, readFileSync(path.join(helpFolder, name), 'utf8')]),
];

describe('documentation', () => {
  it.each(documents)('%s names only source, schema and src files that exist', (_name, text) => {
    const named = [...text.matchAll(/(?<![\w/.-])((?:sources|schema|src|tests|scripts)\/[\w./-]*\.(?:md|json|ts|yml))\b/g)].map((m) => m[1]!);
    // `sources/x.md` and the like are placeholders in examples, not file names.
    const missing = named.filter((file) => !/^sources\/\w\.md$/.test(file) && !existsSync(path.join(root, file)));
    expect(missing).toEqual([]);
  });

  it.each(documents)('%s points at nothing outside the repository', (_name, text) => {
    expect(text).not.toMatch(/\.\.\/shared|DESIGN\.md/);
  });
});
