// The shape of the code (issue: a pure core behind one seam): the core imports
// no I/O, threads or outer layers; no function is over 150 lines; src/index.ts only
// re-exports. Read with the TypeScript compiler's parser, not with patterns.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = path.join(import.meta.dirname, '..', 'src');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Module specifiers a file imports or re-exports from (static and dynamic). */
function importsOf(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text);
    }
    if (ts.isCallExpression(node) && ts.isCallExpression(node.expression) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      // createRequire(import.meta.url)('name')
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Functions (declarations, methods, arrows, expressions) longer than `limit` lines. */
function longFunctions(source: ts.SourceFile, limit: number): string[] {
  const long: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = 'name' in node && node.name ? node.name.getText(source) : '(anonymous)';
      if (end - start + 1 > limit) long.push(`${path.relative(src, source.fileName)}:${start + 1} ${name} (${end - start + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

describe('the core', () => {
  const core = filesUnder(path.join(src, 'core'));
  const forbidden = /^(?:node:)?(?:fs|fs\/promises|worker_threads|child_process|net|http|https)$/;

  it('should have its stages in files of their own', () => {
    const names = core.map((file) => path.relative(path.join(src, 'core'), file).split(path.sep).join('/'));
    expect(names).toEqual(expect.arrayContaining(['parse.ts', 'boilerplate.ts', 'sentences.ts', 'claims/index.ts', 'match/cluster.ts', 'judge/index.ts', 'report.ts']));
  });

  it.each(core.map((file) => [path.relative(src, file), file]))('%s should import no I/O, threads, engine, ledger or commands', (_, file) => {
    const bad = importsOf(parse(file)).filter((specifier) => {
      if (forbidden.test(specifier)) return true;
      if (!specifier.startsWith('.')) return false;
      const target = path.relative(src, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/');
      return /^(?:engine|ledger|commands|render|import|cli|fs|progress)(?:\/|\.|$)/.test(target);
    });
    expect(bad).toEqual([]);
  });
});

describe('every module', () => {
  it('should have no function over 150 lines', () => {
    expect(filesUnder(src).flatMap((file) => longFunctions(parse(file), 150))).toEqual([]);
  });
});

describe('src/index.ts', () => {
  it('should only re-export', () => {
    const statements = parse(path.join(src, 'index.ts')).statements;
    const other = statements.filter((statement) => !ts.isExportDeclaration(statement) || !statement.moduleSpecifier);
    expect(other.map((statement) => statement.getText())).toEqual([]);
  });
});
