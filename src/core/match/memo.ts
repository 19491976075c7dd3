// memo: the per-claim memos of matching (keyed by a claim's profile, its terms or
// its acts: identity keys, packed and mean word vectors, act readings) → one
// registry, so that a clustering call lets all of them go when it is done
// (`forgetMatchMemos`) instead of keeping them for as long as the profiles live
// (through judging and the report). A memo only saves work: what it holds is
// what the function it serves computes, so forgetting never changes a result.
// Judging's per-cluster memos of figures (judge/index.ts, judge/align.ts) are
// `ObjectMemo`s too, cleared for each cluster rather than registered here.

/** A memo keyed by objects (a WeakMap that `clear`, and `forgetMatchMemos` for registered ones, replace with an empty one). */
export class ObjectMemo<K extends object, V> {
  private map = new WeakMap<K, V>();
  /** Whether anything was remembered since the last `clear` (so clearing an unused memo makes no new map). */
  private used = false;

  /** The value remembered for a key, if any. */
  get(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Remember a value for a key. */
  set(key: K, value: V): void {
    this.map.set(key, value);
    this.used = true;
  }

  /** Forget the value of a key. */
  delete(key: K): void {
    this.map.delete(key);
  }

  /** Forget every value. */
  clear(): void {
    if (!this.used) return;
    this.map = new WeakMap();
    this.used = false;
  }
}

const memos: ObjectMemo<object, unknown>[] = [];

/** A new memo, registered for `forgetMatchMemos`. */
export function objectMemo<K extends object, V>(): ObjectMemo<K, V> {
  const memo = new ObjectMemo<K, V>();
  memos.push(memo as unknown as ObjectMemo<object, unknown>);
  return memo;
}

/**
 * Forget what every matching memo holds for these keys (a claim's profile, its
 * identity and its terms: `cluster()` does once a claim's candidate pairs are all scored).
 *
 * @param keys Objects memos are keyed by.
 */
export function forgetMemosOf(...keys: readonly object[]): void {
  for (const memo of memos) for (const key of keys) memo.delete(key);
}

/** Forget what every matching memo holds (`cluster()` does when it is done). */
export function forgetMatchMemos(): void {
  for (const memo of memos) memo.clear();
}
