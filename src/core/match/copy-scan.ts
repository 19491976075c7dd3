// copy-scan: the near-copy join's inner loops made cheaper without changing what
// they find. (1) A size window: a long copy posting list seen in weight order, so a
// probe visits only the entries whose blocking weight the positional filter could
// pass. (2) A bounded overlap test that stops once the pair can no longer share enough.
// Both skip only what the exact checks in blocking.ts would reject.

/** A copy posting list, as blocking.ts keeps it. */
interface CopyList {
  readonly claims: readonly number[];
  readonly suffixes: readonly number[];
  readonly totals: readonly number[];
}

/** A list's entries ordered by blocking weight (`order`: positions in the list; `totals`: their weights, ascending). */
interface ByTotal {
  readonly order: Int32Array;
  readonly totals: Float64Array;
}

/** Lists shorter than this are scanned whole: a window does not pay for its sort. */
const MIN_WINDOW_LIST = 64;
/** Probes in one call before windows are built (a one-article re-check scans). */
const MIN_WINDOW_PROBES = 256;
/** Slack on the window's bounds, far above the floating-point error of the sums compared. */
const SLACK = 1e-6;

/** The size windows of one join call, built once per long list. */
export type CopyWindows = Map<CopyList, ByTotal>;

/**
 * Windows for one join call, or undefined when the call probes too few claims for them to pay.
 *
 * @param probes Claims the call probes with.
 */
export function copyWindows(probes: number): CopyWindows | undefined {
  return probes >= MIN_WINDOW_PROBES ? new Map() : undefined;
}

/**
 * The positions of `list` a probe must visit, in visiting order: the entries whose
 * blocking weight is at least `copyShare` of the probe's (`total`) and at most the
 * probe's remaining weight (`suffix`) over `copyShare`, widened by a slack; every
 * other entry fails the join's positional filter
 * (`min(suffix, theirs) < copyShare · max(total, their total)`). Without windows,
 * every position in list order.
 *
 * @param windows The call's windows (undefined: scan whole lists).
 * @param list A copy posting list.
 * @param total The probe's blocking weight.
 * @param suffix The probe's weight from this term on.
 * @param copyShare The share a near-copy must overlap.
 */
export function copyWindow(
  windows: CopyWindows | undefined,
  list: CopyList,
  total: number,
  suffix: number,
  copyShare: number,
): { readonly order?: Int32Array; readonly from: number; readonly to: number } {
  const length = list.claims.length;
  if (!windows || length < MIN_WINDOW_LIST || !(copyShare > 0)) return { from: 0, to: length };
  let view = windows.get(list);
  if (!view) {
    const order = Int32Array.from({ length }, (_, k) => k).sort((a, b) => list.totals[a]! - list.totals[b]! || a - b);
    view = { order, totals: Float64Array.from(order, (k) => list.totals[k]!) };
    windows.set(list, view);
  }
  return { order: view.order, from: lowerBound(view.totals, copyShare * total - SLACK), to: lowerBound(view.totals, (suffix + SLACK) / copyShare, true) };
}

/** The first position whose value is at least `value` (after `value` when `past`). */
function lowerBound(values: Float64Array, value: number, past = false): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (past ? values[middle]! <= value : values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A claim's blocking terms, sorted by term, with their weights and total (blocking.ts's CopyTerms). */
interface Terms {
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  readonly total: number;
}

/**
 * Whether the weighted overlap of two claims (shared terms, each at its smaller
 * weight, summed in term order) is at least `need`: the same sum as
 * blocking.ts's `copyOverlap`, given up early once what is left of either claim
 * (with a slack) cannot bring it to `need`.
 *
 * @param a Blocking terms of one claim.
 * @param b Blocking terms of the other.
 * @param need The overlap to reach.
 */
export function overlapReaches(a: Terms, b: Terms, need: number): boolean {
  let shared = 0;
  let leftA = a.total;
  let leftB = b.total;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
    if (shared + Math.min(leftA, leftB) < need - SLACK) return false;
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) {
      shared += Math.min(a.weights[i]!, b.weights[j]!);
      leftA -= a.weights[i++]!;
      leftB -= b.weights[j++]!;
    } else if (x < y) leftA -= a.weights[i++]!;
    else leftB -= b.weights[j++]!;
  }
  return shared >= need;
}
