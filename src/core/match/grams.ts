// The n-gram sets of claims' terms for one run of comparisons (similarity.ts): takes
// Terms, returns a slot whose distinct sorted n-gram keys live in a few shared typed arrays.
//
// Every word is interned to a number, every n-gram a number made of its words'
// numbers (a trigram a pair of numbers, to stay exact), each set a sorted range of
// distinct values, so sets are compared by a merge. All claims' sets are packed into
// two growable pools (Int32 and Float64) with a fixed-size record of lengths per
// claim, instead of seven typed arrays and two Sets per claim: the same values in a
// third of the memory. A slot whose claims are all compared can be let go (`forget`):
// its room is taken back by moving the live slots down when a pool is full
// (compaction in place, slot numbers unchanged), before the pool grows.

import type { Terms } from './terms.js';

/** Word ids stay below this, so that a bigram key (two ids) is an exact double. */
const WORD_SPACE = 2 ** 21;
/** Character trigrams of three UTF-16 units below 2^10 are packed exactly below 2^30; others are interned above it. */
const CHAR_BITS = 10;
const CHAR_SPACE = 2 ** CHAR_BITS;
const PACKED_CHARS = 2 ** (3 * CHAR_BITS);
const INTERNED_CHARS = 2 ** 31 - 1 - PACKED_CHARS;

/** Record of a slot in `meta`: its starts in the pools and the lengths of its sets. */
const INT_START = 0;
const TOKENS = 1;
const TOKEN_IDS = 2;
const SEQUENCE_IDS = 3;
const CHARS = 4;
const FLOAT_START = 5;
const BIGRAMS = 6;
const TRIGRAMS = 7;
const CONTENT = 8;
const STRIDE = 9;

/** Flags of a slot: its terms are sorted and distinct; it was forgotten. */
const SORTED = 1;
const DEAD = 2;

/**
 * Where one claim's sets lie. Int32 pool: `tokens` (distinct word ids), then
 * `tokenIds` and `sequenceIds` (words in order, for edit distances), then the
 * character trigrams. Float64 pool: bigrams, trigrams as flattened pairs (bigram
 * key, word), content-word bigrams. Ranges are [start, end).
 */
export interface GramView {
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly tokenIdStart: number;
  readonly tokenIdEnd: number;
  readonly sequenceIdStart: number;
  readonly sequenceIdEnd: number;
  readonly charStart: number;
  readonly charEnd: number;
  readonly bigramStart: number;
  readonly bigramEnd: number;
  readonly trigramStart: number;
  readonly trigramEnd: number;
  readonly contentStart: number;
  readonly contentEnd: number;
}

/**
 * The interned words and n-gram sets of one run of comparisons: a memo that
 * cannot change a result (ids are only compared with ids of the same table). Each
 * clustering call makes its own and drops it when done, so nothing stays in
 * module state; a comparison without one uses a table of its own.
 */
export class GramTable {
  private words = new Map<string, number>();
  private charIds = new Map<number, number>();
  private slots = new WeakMap<Terms, number>();
  private generation = 0;
  private count = 0;
  private meta = new Int32Array(STRIDE * 64);
  private totals = new Float64Array(64);
  private sortedFlags = new Uint8Array(64);
  private ints = new Int32Array(4096);
  private intsUsed = 0;
  private floats = new Float64Array(4096);
  private floatsUsed = 0;
  /** Pool room held by forgotten slots, taken back by the next compaction. */
  private deadInts = 0;
  private deadFloats = 0;

  /** The id of a word, interned on first use. */
  wordId(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) {
      // Past 2^21 distinct words the keys would collide: start again (the memo of grams goes too).
      if (this.words.size >= WORD_SPACE - 1) this.clear();
      id = this.words.size + 1;
      this.words.set(word, id);
    }
    return id;
  }

  /** Forget the interned words and the n-gram sets built so far. */
  clear(): void {
    this.words = new Map();
    this.charIds = new Map();
    this.slots = new WeakMap();
    this.count = 0;
    this.intsUsed = 0;
    this.floatsUsed = 0;
    this.deadInts = 0;
    this.deadFloats = 0;
    this.generation++;
  }

  /**
   * Let go of the n-gram sets of some terms (built again if asked for later: the
   * same values, since words keep their ids). Slot numbers taken before stay valid
   * for every other slot; call it only between comparisons.
   */
  forget(terms: Terms): void {
    const slot = this.slots.get(terms);
    if (slot === undefined) return;
    this.slots.delete(terms);
    const at = slot * STRIDE;
    this.deadInts += this.intLength(at);
    this.deadFloats += this.floatLength(at);
    this.sortedFlags[slot] = this.sortedFlags[slot]! | DEAD;
  }

  /** A number that changes whenever the table is reset (slots taken before are then stale). */
  generationNow(): number {
    return this.generation;
  }

  /** The slot of some terms' n-gram sets, built once per Terms object while the table lasts. */
  gramsOf(terms: Terms): number {
    const cached = this.slots.get(terms);
    if (cached !== undefined) return cached;
    const start = this.generation;
    const slot = this.build(terms);
    // The interning table was reset midway: intern again from scratch.
    if (this.generation !== start) return this.gramsOf(terms);
    this.slots.set(terms, slot);
    return slot;
  }

  /** The current pools (re-read after building: they grow by reallocation). */
  pools(): { readonly ints: Int32Array; readonly floats: Float64Array } {
    return { ints: this.ints, floats: this.floats };
  }

  /** Where a slot's sets lie in the pools. */
  view(slot: number): GramView {
    const meta = this.meta;
    const at = slot * STRIDE;
    const tokenStart = meta[at + INT_START]!;
    const tokenEnd = tokenStart + meta[at + TOKENS]!;
    const tokenIdEnd = tokenEnd + meta[at + TOKEN_IDS]!;
    const sequenceIdEnd = tokenIdEnd + meta[at + SEQUENCE_IDS]!;
    const charEnd = sequenceIdEnd + meta[at + CHARS]!;
    const bigramStart = meta[at + FLOAT_START]!;
    const bigramEnd = bigramStart + meta[at + BIGRAMS]!;
    const trigramEnd = bigramEnd + meta[at + TRIGRAMS]!;
    const contentEnd = trigramEnd + meta[at + CONTENT]!;
    return {
      tokenStart,
      tokenEnd,
      tokenIdStart: tokenEnd,
      tokenIdEnd,
      sequenceIdStart: tokenIdEnd,
      sequenceIdEnd,
      charStart: sequenceIdEnd,
      charEnd,
      bigramStart,
      bigramEnd,
      trigramStart: bigramEnd,
      trigramEnd,
      contentStart: trigramEnd,
      contentEnd,
    };
  }

  /** Whether a slot's terms are sorted and distinct (a merge can compare them). */
  sortedAt(slot: number): boolean {
    return (this.sortedFlags[slot]! & SORTED) === SORTED;
  }

  /** Sum of a slot's term weights. */
  totalAt(slot: number): number {
    return this.totals[slot]!;
  }

  /** Bytes the pools and records hold (for measurements). */
  bytes(): number {
    return this.meta.byteLength + this.totals.byteLength + this.sortedFlags.byteLength + this.ints.byteLength + this.floats.byteLength;
  }

  private charId(a: number, b: number, c: number): number {
    if (a < CHAR_SPACE && b < CHAR_SPACE && c < CHAR_SPACE) return a * CHAR_SPACE * CHAR_SPACE + b * CHAR_SPACE + c;
    const key = a * 2 ** 32 + b * 2 ** 16 + c;
    let id = this.charIds.get(key);
    if (id === undefined) {
      // Past the interned range the ids would collide: start again.
      if (this.charIds.size >= INTERNED_CHARS) this.clear();
      id = PACKED_CHARS + this.charIds.size;
      this.charIds.set(key, id);
    }
    return id;
  }

  private build(terms: Terms): number {
    const tokenIds = terms.tokens.map((word) => this.wordId(word));
    const sequenceIds = terms.sequence.map((word) => this.wordId(word));
    const bigrams: number[] = [];
    const trigramKeys: number[] = [];
    const trigramWords: number[] = [];
    for (let i = 0; i + 2 <= tokenIds.length; i++) {
      const pair = tokenIds[i]! * WORD_SPACE + tokenIds[i + 1]!;
      bigrams.push(pair);
      if (i + 3 <= tokenIds.length) {
        trigramKeys.push(pair);
        trigramWords.push(tokenIds[i + 2]!);
      }
    }
    const contentBigrams: number[] = [];
    for (let i = 0; i + 2 <= sequenceIds.length; i++) contentBigrams.push(sequenceIds[i]! * WORD_SPACE + sequenceIds[i + 1]!);
    // Character trigrams of the tokens joined by spaces, padded with a space on each side.
    const text = ` ${terms.tokens.join(' ')} `;
    const charTrigrams: number[] = [];
    for (let i = 0; i + 3 <= text.length; i++) charTrigrams.push(this.charId(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)));

    const tokens = distinctSortedInts(tokenIds);
    const chars = distinctSortedInts(charTrigrams);
    const bigramSet = distinctSortedFloats(bigrams);
    const trigramSet = distinctSortedPairs(trigramKeys, trigramWords);
    const contentSet = distinctSortedFloats(contentBigrams);

    const slot = this.count++;
    this.reserveSlot(slot);
    // Reserving may compact the pools: the new slot's starts are read after it.
    this.reserve(tokens.length + tokenIds.length + sequenceIds.length + chars.length, bigramSet.length + trigramSet.length + contentSet.length);
    const intStart = this.intsUsed;
    const floatStart = this.floatsUsed;
    const ints = this.ints;
    let at = intStart;
    ints.set(tokens, at);
    at += tokens.length;
    ints.set(tokenIds, at);
    at += tokenIds.length;
    ints.set(sequenceIds, at);
    at += sequenceIds.length;
    ints.set(chars, at);
    this.intsUsed = at + chars.length;
    const floats = this.floats;
    let to = floatStart;
    floats.set(bigramSet, to);
    to += bigramSet.length;
    floats.set(trigramSet, to);
    to += trigramSet.length;
    floats.set(contentSet, to);
    this.floatsUsed = to + contentSet.length;
    const meta = this.meta;
    const record = slot * STRIDE;
    meta[record + INT_START] = intStart;
    meta[record + TOKENS] = tokens.length;
    meta[record + TOKEN_IDS] = tokenIds.length;
    meta[record + SEQUENCE_IDS] = sequenceIds.length;
    meta[record + CHARS] = chars.length;
    meta[record + FLOAT_START] = floatStart;
    meta[record + BIGRAMS] = bigramSet.length;
    meta[record + TRIGRAMS] = trigramSet.length;
    meta[record + CONTENT] = contentSet.length;
    this.totals[slot] = sum(terms.weights);
    this.sortedFlags[slot] = terms.terms.every((term, i) => i === 0 || terms.terms[i - 1]! < term) ? SORTED : 0;
    return slot;
  }

  private reserveSlot(slot: number): void {
    if (slot < this.totals.length) return;
    const size = Math.ceil(this.totals.length * 1.5) + 64;
    this.meta = grownInts(this.meta, size * STRIDE, this.count * STRIDE);
    const totals = new Float64Array(size);
    totals.set(this.totals);
    this.totals = totals;
    const flags = new Uint8Array(size);
    flags.set(this.sortedFlags);
    this.sortedFlags = flags;
  }

  private intLength(at: number): number {
    const meta = this.meta;
    return meta[at + TOKENS]! + meta[at + TOKEN_IDS]! + meta[at + SEQUENCE_IDS]! + meta[at + CHARS]!;
  }

  private floatLength(at: number): number {
    const meta = this.meta;
    return meta[at + BIGRAMS]! + meta[at + TRIGRAMS]! + meta[at + CONTENT]!;
  }

  /**
   * Room for a new slot's values (not yet counted in `count`): a full pool first
   * takes back what forgotten slots hold when that is at least a quarter of it
   * (live slots moved down in slot order, which is also pool order), and grows by
   * half only when the live values still fill three quarters of it.
   */
  private reserve(intCount: number, floatCount: number): void {
    if (this.intsUsed + intCount > this.ints.length) {
      if (this.deadInts * 4 >= this.intsUsed) this.compact(INT_START, (at) => this.intLength(at), this.ints, true);
      if ((this.intsUsed + intCount) * 4 > this.ints.length * 3) {
        this.ints = grownInts(this.ints, Math.ceil((this.intsUsed + intCount) * 1.5), this.intsUsed);
      }
    }
    if (this.floatsUsed + floatCount > this.floats.length) {
      if (this.deadFloats * 4 >= this.floatsUsed) this.compact(FLOAT_START, (at) => this.floatLength(at), this.floats, false);
      if ((this.floatsUsed + floatCount) * 4 > this.floats.length * 3) {
        const floats = new Float64Array(Math.ceil((this.floatsUsed + floatCount) * 1.5));
        floats.set(this.floats.subarray(0, this.floatsUsed));
        this.floats = floats;
      }
    }
  }

  /** Move the live slots' values of one pool down over the forgotten ones' (starts at `field` of each record). */
  private compact(field: number, lengthAt: (at: number) => number, pool: Int32Array | Float64Array, ints: boolean): void {
    const meta = this.meta;
    let to = 0;
    // Slots before `count` only: the slot being built has no values in the pools yet.
    for (let slot = 0; slot < this.count - 1; slot++) {
      if (this.sortedFlags[slot]! & DEAD) continue;
      const at = slot * STRIDE;
      const from = meta[at + field]!;
      const length = lengthAt(at);
      if (from !== to) pool.copyWithin(to, from, from + length);
      meta[at + field] = to;
      to += length;
    }
    if (ints) {
      this.intsUsed = to;
      this.deadInts = 0;
    } else {
      this.floatsUsed = to;
      this.deadFloats = 0;
    }
  }
}

function grownInts(old: Int32Array, size: number, used: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(old.subarray(0, used));
  return out;
}

function distinctSortedInts(values: readonly number[]): Int32Array {
  const sorted = Int32Array.from(values).sort();
  let size = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[size - 1]) sorted[size++] = sorted[i]!;
  return sorted.subarray(0, size);
}

function distinctSortedFloats(values: readonly number[]): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let size = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[size - 1]) sorted[size++] = sorted[i]!;
  return sorted.subarray(0, size);
}

/** Distinct pairs (first[i], second[i]) sorted by first then second, flattened. */
function distinctSortedPairs(first: readonly number[], second: readonly number[]): Float64Array {
  const order = first.map((_, i) => i).sort((x, y) => first[x]! - first[y]! || second[x]! - second[y]!);
  const out = new Float64Array(order.length * 2);
  let size = 0;
  for (const i of order) {
    if (size > 0 && out[size - 2] === first[i] && out[size - 1] === second[i]) continue;
    out[size++] = first[i]!;
    out[size++] = second[i]!;
  }
  return out.subarray(0, size);
}

// Each kind of pool has its own merge, so every element access stays of one array type (monomorphic).

/** How many values two sorted ranges of distinct values in an Int32 pool share. */
export function sharedInts(pool: Int32Array, startA: number, endA: number, startB: number, endB: number): number {
  let i = startA;
  let j = startB;
  let shared = 0;
  while (i < endA && j < endB) {
    const x = pool[i]!;
    const y = pool[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** How many values two sorted ranges of distinct values in a Float64 pool share. */
export function sharedFloats(pool: Float64Array, startA: number, endA: number, startB: number, endB: number): number {
  let i = startA;
  let j = startB;
  let shared = 0;
  while (i < endA && j < endB) {
    const x = pool[i]!;
    const y = pool[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Dice coefficient of two sets of these sizes sharing `shared` values. */
export function diceOf(sizeA: number, sizeB: number, shared: number): number {
  if (sizeA + sizeB === 0) return 0;
  return (2 * shared) / (sizeA + sizeB);
}

/** Dice coefficient of two sorted ranges of distinct values in an Int32 pool. */
export function diceInts(pool: Int32Array, startA: number, endA: number, startB: number, endB: number): number {
  return diceOf(endA - startA, endB - startB, sharedInts(pool, startA, endA, startB, endB));
}

/** Dice coefficient of two sorted ranges of distinct values in a Float64 pool. */
export function diceFloats(pool: Float64Array, startA: number, endA: number, startB: number, endB: number): number {
  return diceOf(endA - startA, endB - startB, sharedFloats(pool, startA, endA, startB, endB));
}

/** Dice coefficient of two ranges of flattened, sorted, distinct pairs in one pool (counted in pairs). */
export function pairDice(pool: Float64Array, startA: number, endA: number, startB: number, endB: number): number {
  const lengthA = endA - startA;
  const lengthB = endB - startB;
  if (lengthA + lengthB === 0) return 0;
  let i = startA;
  let j = startB;
  let shared = 0;
  while (i < endA && j < endB) {
    const x = pool[i]!;
    const y = pool[j]!;
    if (x === y) {
      const u = pool[i + 1]!;
      const v = pool[j + 1]!;
      if (u === v) {
        shared++;
        i += 2;
        j += 2;
      } else if (u < v) i += 2;
      else j += 2;
    } else if (x < y) i += 2;
    else j += 2;
  }
  return (2 * shared) / ((lengthA + lengthB) / 2);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
