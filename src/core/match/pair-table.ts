// pair-table: what clustering keeps of each compared pair of claims (related or
// not, centrality share, or "same source"), by pair of claim indexes, in typed
// arrays (open addressing, linear probing): about a fifth of the memory of a Map
// of objects keyed by i·size+j on corpora with millions of compared pairs.

/** What a slot holds: nothing yet, a pair of one source, an unrelated pair, a related pair. */
export const PairCode = { Empty: 0, SameSource: 1, Unrelated: 2, Related: 3 } as const;
/** One of `PairCode`. */
export type PairCode = (typeof PairCode)[keyof typeof PairCode];

/** Compared pairs by (i, j), either order, each with a code and a number (its centrality share). */
export class PairTable {
  private first = new Int32Array(0);
  private second = new Int32Array(0);
  private codes = new Uint8Array(0);
  private values = new Float64Array(0);
  private mask = -1;
  private count = 0;

  constructor(expected = 1024) {
    this.allocate(Math.max(16, 2 ** Math.ceil(Math.log2(expected * 1.5))));
  }

  /** Number of pairs held. */
  get size(): number {
    return this.count;
  }

  private allocate(capacity: number): void {
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.codes = new Uint8Array(capacity);
    this.values = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  /** The slot of (i, j) with i < j: where it is, or the empty slot where it goes. */
  private slot(i: number, j: number): number {
    let at = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j, 0x85ebca6b)) & this.mask;
    while (this.codes[at] !== PairCode.Empty && (this.first[at] !== i || this.second[at] !== j)) at = (at + 1) & this.mask;
    return at;
  }

  /**
   * The slot of a pair held, or -1.
   *
   * @param a One claim index.
   * @param b The other.
   */
  find(a: number, b: number): number {
    const at = a < b ? this.slot(a, b) : this.slot(b, a);
    return this.codes[at] === PairCode.Empty ? -1 : at;
  }

  /** The code at a slot `find` gave. */
  codeAt(at: number): PairCode {
    return this.codes[at] as PairCode;
  }

  /** The number at a slot `find` gave. */
  valueAt(at: number): number {
    return this.values[at]!;
  }

  /**
   * Hold a pair (replacing what it held) and return its slot.
   *
   * @param a One claim index.
   * @param b The other.
   * @param code What the pair is.
   * @param value Its number.
   */
  set(a: number, b: number, code: PairCode, value: number): number {
    const [i, j] = a < b ? [a, b] : [b, a];
    let at = this.slot(i, j);
    if (this.codes[at] === PairCode.Empty) {
      if ((this.count + 1) * 10 > (this.mask + 1) * 7) {
        this.grow();
        at = this.slot(i, j);
      }
      this.count++;
      this.first[at] = i;
      this.second[at] = j;
    }
    this.codes[at] = code;
    this.values[at] = value;
    return at;
  }

  private grow(): void {
    const [first, second, codes, values] = [this.first, this.second, this.codes, this.values];
    this.allocate((this.mask + 1) * 2);
    for (let k = 0; k < codes.length; k++) {
      if (codes[k] === PairCode.Empty) continue;
      const at = this.slot(first[k]!, second[k]!);
      this.first[at] = first[k]!;
      this.second[at] = second[k]!;
      this.codes[at] = codes[k]!;
      this.values[at] = values[k]!;
    }
  }
}
