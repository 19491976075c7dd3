// Opposed acts: takes two claims' terms and returns the cue by which one states an
// act the other's undoes (hired / fired, convicted / acquitted), or undefined: such
// sentences are about two events, never one claim. Tunables: src/data/match-acts.json.

import actsData from '../../data/match-acts.json' with { type: 'json' };
import type { Terms } from './terms.js';
import { objectMemo } from './memo.js';

interface ActPair {
  readonly act: RegExp;
  readonly opposite: RegExp;
}

const union = (sources: readonly string[]): RegExp => new RegExp(`(?<![\\p{L}])(?:${sources.join('|')})(?![\\p{L}])`, 'iu');

/** The shipped pairs of opposed acts, compiled once. */
const PAIRS: readonly ActPair[] = actsData.pairs.map((pair) => ({ act: union(pair.act), opposite: union(pair.opposite) }));

/** Every cue of every pair in one pattern: a claim it finds nothing in states no side (one test instead of one per side). */
const ANY_CUE = union(actsData.pairs.flatMap((pair) => [...pair.act, ...pair.opposite]));

/** Which side of each pair a claim states: bit 2k for the act of pair k, bit 2k+1 for its opposite. */
const sidesMemo = objectMemo<Terms, number>();

function sidesOf(terms: Terms): number {
  let sides = sidesMemo.get(terms);
  if (sides === undefined) {
    const text = terms.tokens.join(' ');
    sides = 0;
    if (ANY_CUE.test(text)) {
      PAIRS.forEach((pair, k) => {
        if (pair.act.test(text)) sides! |= 1 << (2 * k);
        if (pair.opposite.test(text)) sides! |= 1 << (2 * k + 1);
      });
    }
    sidesMemo.set(terms, sides);
  }
  return sides;
}

/**
 * Whether one claim states an act the other's undoes ("the team hired him" /
 * "the team fired him"): one has a cue of a pair's act and none of its opposite,
 * the other the reverse. Returns the index of the pair, or undefined.
 *
 * @param a Terms of one claim.
 * @param b Terms of the other.
 */
export function opposedActs(a: Terms, b: Terms): number | undefined {
  const [x, y] = [sidesOf(a), sidesOf(b)];
  if (x === 0 || y === 0) return undefined;
  for (let k = 0; k < PAIRS.length; k++) {
    const [sx, sy] = [(x >> (2 * k)) & 3, (y >> (2 * k)) & 3];
    if ((sx === 1 && sy === 2) || (sx === 2 && sy === 1)) return k;
  }
  return undefined;
}
