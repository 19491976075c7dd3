// pairsTouching reads each probed claim's blocking terms off its profile, under its scope
// (blocking.ts `ownBlockingTerms`): a scoped index probed with its scopes gives the pairs
// an index without scopes gives when the claims share one scope, and none across scopes.
import { describe, expect, it } from 'vitest';
import { buildBlocking, pairsTouching, type BlockScope } from '../../src/core/match/blocking.js';
import { resolveClusterOptions } from '../../src/core/match/options.js';
import { matchProfile } from '../../src/core/match/pair.js';
import { claim } from '../helpers/claim.js';

// Paraphrases (shared rare words, not copies), each of its own outlet.
const TEXTS = [
  'Marrowfield council approved the sandstone library extension on Monday.',
  'The sandstone library extension in Marrowfield won council approval.',
  'Councillors in Marrowfield backed plans for a sandstone library extension.',
  'A heron colony nested beside the Tillbrook reservoir this spring.',
  'Herons have nested at the Tillbrook reservoir, wardens said.',
];
const profiles = TEXTS.map((text, k) => matchProfile(claim(text, { outlet: `Outlet ${k}` })));
const sources = TEXTS.map((_, k) => `s${k}`);
const options = resolveClusterOptions();
const all = new Set(TEXTS.map((_, k) => k));

function pairs(scopeOf: BlockScope | undefined, probeScope: BlockScope | undefined): string[] {
  const index = buildBlocking(profiles, options, scopeOf);
  return [...pairsTouching(index, sources, options, all, (i) => profiles[i]!, probeScope)].map(([i, j]) => `${i}-${j}`).sort();
}

describe('pairsTouching under scopes', () => {
  const unscoped = pairs(undefined, undefined);

  it('finds paraphrase pairs through the postings', () => {
    expect(unscoped).toEqual(expect.arrayContaining(['0-1', '3-4']));
  });

  it.each<[string, BlockScope]>([
    ['one scope for all', () => 'story'],
    ['a scope per topic', (k) => (k < 3 ? 'library' : 'herons')],
  ])('%s: the pairs of no scopes', (_name, scopeOf) => {
    expect(pairs(scopeOf, scopeOf)).toEqual(unscoped);
  });

  it('every claim its own scope: only the near-copy join, across scopes', () => {
    const own = pairs((k) => `own-${k}`, (k) => `own-${k}`);
    expect(own.length).toBeLessThan(unscoped.length);
    expect(own).not.toContain('3-4');
  });
});
