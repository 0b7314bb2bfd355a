// `list.find((item) => item[key] === value)` without the scan: each list is indexed once per key, on first use.
// Spec and model lists are built once and never edited afterwards; an index notices a list that grew or shrank
// since it was built and rebuilds itself, so a pass that looks up while still appending never reads a stale answer.

interface Index {
  length: number;
  firstByValue: Map<unknown, unknown>;
}

const indexes = new WeakMap<readonly object[], Map<PropertyKey, Index>>();

function buildIndex<T extends object>(list: readonly T[], key: keyof T): Index {
  const firstByValue = new Map<unknown, unknown>();
  for (const item of list) {
    const value = item[key];
    if (!firstByValue.has(value)) firstByValue.set(value, item); // the first match, as find() returns
  }
  return { length: list.length, firstByValue };
}

/** The first item whose `key` property is `value` (strict equality), or undefined, as `Array.prototype.find` would. */
export function findBy<T extends object, K extends keyof T>(list: readonly T[], key: K, value: T[K] | undefined): T | undefined {
  let byKey = indexes.get(list);
  if (!byKey) indexes.set(list, (byKey = new Map()));
  let index = byKey.get(key);
  if (!index || index.length !== list.length) byKey.set(key, (index = buildIndex(list, key)));
  return index.firstByValue.get(value) as T | undefined;
}
