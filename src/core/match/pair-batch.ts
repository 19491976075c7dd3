// pair-batch: candidate pairs a story gate let through (claim indexes and the gate's
// verdict) → what clustering keeps of each compared pair, as numbers in a flat
// array: whether it survived the gate, its note (related or not, and its share of
// centrality) and its edge (confident, weak or none, and its merge strength). Pure
// and per pair, so any cut of a batch into parts, done anywhere and in any order,
// fills the same numbers: what lets the engine share a run's pairs between threads
// (src/engine/workers/pair-shard.ts). `PairGraph.score` reads these numbers.

import { matchPair, type MatchProfile, type PairMatch } from './pair.js';
import { GramTable, type MatchModel } from './similarity.js';

/** How a candidate pair is compared: the story gate lets it match freely (`Open`), or only when the identities agree (`Identity`). */
export const PairGateCode = { Open: 1, Identity: 2 } as const;

/** Numbers kept per pair in a batch's output (`PAIR_SLOTS` numbers from `3 * pair`). */
export const PAIR_SLOTS = 3;

/** Bits of a pair's first number. */
export const PairBits = {
  /** The pair was compared and survived the gate (else: an unrelated pair, no edge). */
  Kept: 1,
  /** Its note says related. */
  Related: 2,
  /** A confident edge (a match reason). */
  Confident: 4,
  /** A weak edge ("possibly related"). */
  Weak: 8,
} as const;

/** What a note of a compared pair holds. */
export interface PairNote {
  readonly related: boolean;
  /** Its share of each member's centrality. */
  readonly centrality: number;
}

/** The note kept of a compared pair. */
export function noteOf(pair: PairMatch): PairNote {
  return {
    related: pair.related,
    centrality: (pair.reason ? 1 : 0) + pair.probability + Math.min(pair.overlap.coverageA, pair.overlap.coverageB),
  };
}

/** The pair compared, or null when the gate `Identity` keeps it apart (its identities do not agree). */
export function gatedMatch(a: MatchProfile, b: MatchProfile, gate: number, model: MatchModel, table: GramTable): PairMatch | null {
  // matchPair applies the headline rule itself (headline-match.ts); only an open gate lets the same-act rule link the pair.
  const pair = matchPair(a, b, model, table, gate === PairGateCode.Open);
  return gate === PairGateCode.Identity && !(pair.identity.score > 0) ? null : pair;
}

/**
 * Compare the pairs `from` to `to` (exclusive) of a batch and write what is kept of each.
 *
 * @param profileAt Profile of a claim, by index.
 * @param model Matching model.
 * @param table Interned words of this thread's comparisons.
 * @param pairs Three numbers per pair: claim i, claim j, the gate (`PairGateCode`).
 * @param from First pair.
 * @param to Pair after the last.
 * @param out `PAIR_SLOTS` numbers per pair: bits (`PairBits`), centrality, strength.
 */
export function comparePairBatch(
  profileAt: (index: number) => MatchProfile,
  model: MatchModel,
  table: GramTable,
  pairs: Int32Array,
  from: number,
  to: number,
  out: Float64Array,
): void {
  for (let k = from; k < to; k++) {
    const pair = gatedMatch(profileAt(pairs[3 * k]!), profileAt(pairs[3 * k + 1]!), pairs[3 * k + 2]!, model, table);
    const at = PAIR_SLOTS * k;
    if (!pair) {
      out[at] = 0;
      out[at + 1] = 0;
      out[at + 2] = 0;
      continue;
    }
    const note = noteOf(pair);
    out[at] = PairBits.Kept | (note.related ? PairBits.Related : 0) | (pair.reason ? PairBits.Confident : pair.related ? PairBits.Weak : 0);
    out[at + 1] = note.centrality;
    out[at + 2] = Math.max(pair.probability, Math.min(pair.overlap.coverageA, pair.overlap.coverageB));
  }
}

/**
 * Compares a batch of gated pairs (three numbers per pair, as `comparePairBatch`
 * reads them), filling `out` with `comparePairBatch`'s numbers for all of them:
 * `here(from, to, target)` compares a range on this thread into `target` (an
 * array of `out`'s length); a comparer may have other threads do other ranges
 * with the same `model`. The numbers are the same however the batch is cut.
 * `last`: no batch follows in this call of `cluster()` (it may be empty).
 */
export type PairComparer = (
  pairs: Int32Array,
  out: Float64Array,
  model: MatchModel,
  here: (from: number, to: number, target: Float64Array) => void,
  last: boolean,
) => void;
