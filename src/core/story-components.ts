// story-components: takes a count of items, lists of items sharing a key and a
// pairwise relation, and returns the components of the relation over the pairs that
// share a key (union-find roots), near-linear when big components share many keys.

/** A union-find forest over `count` items: `parent` (each item its own root at first) and `find` (the root, halving paths). */
export function unionFind(count: number): { parent: Int32Array; find: (x: number) => number } {
  const parent = new Int32Array(count);
  for (let k = 0; k < count; k++) parent[k] = k;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  return { parent, find };
}

/** The members of one key's list found in one component when the list was last looked at (components only merge). */
interface Group {
  /** A member: its component's root is the group's. */
  root: number;
  members: number[];
  /** The largest member: the group is dead for every item from it on. */
  last: number;
}

/**
 * The components of `related` over the pairs of items that share a list: the
 * root of each item's component (the smallest item in it). The same components as
 * testing every pair that shares a list and joining the related ones, as a
 * component does not depend on the order its links are found in: a pair is tested
 * only while its two items are in different components, and a list is kept as
 * groups of members of one component, so a story of thousands of sources sharing
 * hundreds of words is passed over as one group instead of pair by pair.
 *
 * @param count Number of items (0 … count − 1).
 * @param lists Items sharing a key, ascending, one list per key.
 * @param related Whether two items (the first smaller) are linked.
 */
export function sharedKeyComponents(count: number, lists: readonly (readonly number[])[], related: (i: number, j: number) => boolean): Int32Array {
  const { parent, find } = unionFind(count);
  // The lists each item is in (list numbers), in one flat array.
  const starts = new Int32Array(count + 1);
  for (const list of lists) for (const item of list) starts[item + 1]!++;
  for (let k = 0; k < count; k++) starts[k + 1]! += starts[k]!;
  const keysOf = new Int32Array(starts[count]!);
  const fill = starts.slice(0, count);
  lists.forEach((list, l) => {
    for (const item of list) keysOf[fill[item]!++] = l;
  });
  const groupsOf: (Group[] | undefined)[] = new Array(lists.length);
  // `stamp[j] === i`: the pair (i, j) was tested. `seen[root] === scan`: a group of that root was met in this look at a list.
  const stamp = new Int32Array(count).fill(-1);
  const seen = new Int32Array(count).fill(-1);
  const slot = new Int32Array(count);
  let scan = 0;
  for (let i = 0; i < count; i++) {
    for (let at = starts[i]!; at < starts[i + 1]!; at++) {
      const l = keysOf[at]!;
      scan++;
      // Regroup the list's live members by their components now (merging smaller groups into larger ones).
      let groups = groupsOf[l];
      const kept: Group[] = [];
      if (groups === undefined) {
        for (const j of lists[l]!) {
          if (j <= i) continue;
          const r = find(j);
          if (seen[r] === scan) {
            const group = kept[slot[r]!]!;
            group.members.push(j);
            if (j > group.last) group.last = j;
          } else {
            seen[r] = scan;
            slot[r] = kept.length;
            kept.push({ root: r, members: [j], last: j });
          }
        }
      } else {
        for (const group of groups) {
          if (group.last <= i) continue;
          const r = find(group.root);
          group.root = r;
          if (seen[r] === scan) {
            const into = kept[slot[r]!]!;
            const [big, small] = into.members.length >= group.members.length ? [into, group] : [group, into];
            for (const j of small.members) big.members.push(j);
            big.last = Math.max(big.last, small.last);
            kept[slot[r]!] = big;
          } else {
            seen[r] = scan;
            slot[r] = kept.length;
            kept.push(group);
          }
        }
      }
      groups = groupsOf[l] = kept;
      for (const group of groups) {
        if (find(group.root) === find(i)) continue;
        let live = 0;
        const members = group.members;
        for (let m = 0; m < members.length; m++) {
          const j = members[m]!;
          if (j <= i) continue;
          members[live++] = j;
          if (stamp[j] === i) continue;
          stamp[j] = i;
          if (related(i, j)) {
            const [ri, rj] = [find(i), find(j)];
            parent[Math.max(ri, rj)] = Math.min(ri, rj);
            // The rest of the group is in i's component now; keep its members as they are.
            for (let rest = m + 1; rest < members.length; rest++) members[live++] = members[rest]!;
            break;
          }
        }
        members.length = live;
      }
    }
  }
  const roots = new Int32Array(count);
  for (let k = 0; k < count; k++) roots[k] = find(k);
  return roots;
}

/** What the cosine filter needs of a source: its terms (sorted) and their weights. */
interface Weighted {
  readonly terms?: readonly string[];
  readonly weights?: readonly number[];
}

/** Slack on the cosine filter, far above the floating-point error of the sums compared. */
const SLACK = 1e-9;

/** Which pairs with a brief the cosine filter lets through (`cosineComponents`). */
export interface BriefRule {
  /** A source with fewer terms is a brief. */
  readonly terms: number;
  /** A source with fewer terms than this share of the other's is a brief beside it. */
  readonly ratio: number;
  /** A pair with a brief can be related when the shared terms cover this share of either one's squared weight. */
  readonly share: number;
}

/**
 * The components of `related` over the pairs of sources that share a term, for a
 * relation that holds only when the two sources' term cosine reaches `cosine` or,
 * when one of them is a brief beside the other (`brief`), the shared terms cover
 * at least `brief.share` of either one's squared weight (sources without a shared
 * term are never related): each source's cosine with every later source is
 * accumulated through a term index (one multiply-add per shared term), and
 * `related` is asked only of the pairs in different components that pass that
 * filter, so the rest cost no comparison of their terms. The same components as
 * `sharedKeyComponents` over the term lists with `related` alone, given that rule
 * (`cosine` above 0).
 *
 * @param sources Terms and weights of each source.
 * @param cosine The lowest cosine at which a pair without a brief can be related.
 * @param brief When a pair with a brief can be related by the share covered.
 * @param related Whether two sources (the first earlier) are linked.
 */
export function cosineComponents(
  sources: readonly Weighted[],
  cosine: number,
  brief: BriefRule,
  related: (i: number, j: number) => boolean,
): Int32Array {
  const count = sources.length;
  const { parent, find } = unionFind(count);
  // Term numbers, each source's terms as numbers with unit-length weights, and the index: term → sources (ascending), weights.
  const idOf = new Map<string, number>();
  const ids: Int32Array[] = [];
  const units: Float64Array[] = [];
  const sizes: number[] = [];
  for (const source of sources) {
    const terms = source.terms ?? [];
    const weights = source.weights ?? [];
    const own = new Int32Array(terms.length);
    const unit = new Float64Array(terms.length);
    let norm = 0;
    for (let k = 0; k < terms.length; k++) norm += weights[k]! * weights[k]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < terms.length; k++) {
      let id = idOf.get(terms[k]!);
      if (id === undefined) idOf.set(terms[k]!, (id = idOf.size));
      own[k] = id;
      unit[k] = weights[k]! * scale;
    }
    ids.push(own);
    units.push(unit);
    sizes.push(terms.length);
  }
  const lengths = new Int32Array(idOf.size + 1);
  for (const own of ids) for (const id of own) lengths[id + 1]!++;
  for (let id = 0; id < idOf.size; id++) lengths[id + 1]! += lengths[id]!;
  const starts = lengths;
  const postedSource = new Int32Array(starts[idOf.size]!);
  const postedWeight = new Float64Array(starts[idOf.size]!);
  // `next[id]`: where the next source of the term goes while filling, then where the current source stands in it.
  const next = starts.slice(0, idOf.size);
  ids.forEach((own, source) => {
    for (let k = 0; k < own.length; k++) {
      const at = next[own[k]!]!++;
      postedSource[at] = source;
      postedWeight[at] = units[source]![k]!;
    }
  });
  next.set(starts.subarray(0, idOf.size));
  const dot = new Float64Array(count);
  const touched = new Int32Array(count);
  const mark = new Int32Array(count).fill(-1);
  // The unit weight of each of the current source's terms, by term number (0: not one of them), for pairs with a brief.
  const mine = new Float64Array(idOf.size);
  for (let i = 0; i < count; i++) {
    const own = ids[i]!;
    const unit = units[i]!;
    let many = 0;
    for (let k = 0; k < own.length; k++) {
      const id = own[k]!;
      mine[id] = unit[k]!;
      // Sources before i in this term's list were all processed: i stands at `next[id]`.
      const end = starts[id + 1]!;
      const weight = unit[k]!;
      for (let at = ++next[id]!; at < end; at++) {
        const j = postedSource[at]!;
        if (mark[j] !== i) {
          mark[j] = i;
          touched[many++] = j;
        }
        dot[j] = dot[j]! + weight * postedWeight[at]!;
      }
    }
    for (let m = 0; m < many; m++) {
      const j = touched[m]!;
      const value = dot[j]!;
      dot[j] = 0;
      if (value < cosine - SLACK) {
        const [shorter, longer] = [Math.min(sizes[i]!, sizes[j]!), Math.max(sizes[i]!, sizes[j]!)];
        if (shorter >= brief.terms && shorter >= brief.ratio * longer) continue;
        // With a brief: the share of either one's squared weight that the shared terms cover.
        let coveredI = 0;
        let coveredJ = 0;
        const theirs = ids[j]!;
        const weights = units[j]!;
        for (let k = 0; k < theirs.length; k++) {
          const w = mine[theirs[k]!]!;
          if (w === 0) continue;
          coveredI += w * w;
          coveredJ += weights[k]! * weights[k]!;
        }
        if (Math.max(coveredI, coveredJ) < brief.share - SLACK) continue;
      }
      const [ri, rj] = [find(i), find(j)];
      if (ri === rj || !related(i, j)) continue;
      parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
    for (let k = 0; k < own.length; k++) mine[own[k]!] = 0;
  }
  const roots = new Int32Array(count);
  for (let k = 0; k < count; k++) roots[k] = find(k);
  return roots;
}
