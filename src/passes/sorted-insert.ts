// Adding one item to a list kept sorted: what `[...list, item].sort(compare)` returns, without re-sorting each time.
// Decisions and challenges are added one at a time (a few hundred at scale), so re-sorting made adding quadratic.

export interface SortedListAdder<T> {
  /** `[...kept, item].sort(compare)`, where `kept` is `list`, or `list.filter(keep)` when `keep` is given. */
  add(list: readonly T[], item: T, keep?: (existing: T) => boolean): T[];
}

/**
 * An adder for one order. A list it returned is known to be sorted (while its length is unchanged: a list edited in
 * place since is sorted again from scratch); so is any part of it kept in order. A stable sort of that list plus
 * `item` keeps the list's order and puts `item` after every item comparing equal to it, which is where a binary
 * search for the upper bound inserts it. Other lists (built by hand) are sorted as before.
 */
export function sortedListAdder<T>(compare: (a: T, b: T) => number): SortedListAdder<T> {
  const sortedLengths = new WeakMap<readonly T[], number>();
  const remember = (list: T[]): T[] => {
    sortedLengths.set(list, list.length);
    return list;
  };
  return {
    add(list, item, keep) {
      const kept = keep ? list.filter(keep) : list;
      if (sortedLengths.get(list) !== list.length) return remember([...kept, item].sort(compare));
      return remember(insertAtUpperBound(kept, item, compare));
    },
  };
}

function insertAtUpperBound<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const result = sorted.slice(0, lo);
  result.push(item);
  for (let i = lo; i < sorted.length; i++) result.push(sorted[i]!);
  return result;
}
