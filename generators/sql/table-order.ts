// Creation order for tables: foreign-key dependency order, ties broken by qualified name.
// A foreign key whose target is not created yet (a self-reference or a reference cycle) is added afterwards with ALTER TABLE.
import { compareNames } from '../../src/spec/normalize.js';

export interface OrderNode {
  /** Unique key, `schema.table`. */
  key: string;
  /** Keys of the tables this one references (may include itself or unknown keys, which are ignored). */
  references: string[];
}

/** The smallest ready key first: a binary min-heap under compareNames. */
class ReadyKeys {
  private readonly items: string[] = [];

  push(key: string): void {
    const items = this.items;
    items.push(key);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compareNames(items[parent]!, key) <= 0) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = key;
  }

  pop(): string | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && compareNames(items[right]!, items[left]!) < 0 ? right : left;
      if (compareNames(last, items[child]!) <= 0) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * Kahn's algorithm, always taking the smallest ready key. When a cycle leaves nothing ready,
 * the smallest remaining key is created first and its references to later tables become deferred foreign keys.
 * Each table is indexed once (dependents, a heap of ready keys), so a thousand tables do not mean a million scans.
 */
export function creationOrder(nodes: readonly OrderNode[]): string[] {
  const known = new Set(nodes.map((node) => node.key));
  const waitingOn = new Map<string, Set<string>>();
  for (const node of nodes) {
    waitingOn.set(node.key, new Set(node.references.filter((ref) => known.has(ref) && ref !== node.key)));
  }
  const dependents = new Map<string, string[]>();
  const ready = new ReadyKeys();
  for (const [key, references] of waitingOn) {
    if (references.size === 0) ready.push(key);
    for (const ref of references) {
      const list = dependents.get(ref);
      if (list) list.push(key);
      else dependents.set(ref, [key]);
    }
  }
  const byName = [...waitingOn.keys()].sort(compareNames);
  let smallestRemaining = 0;
  const order: string[] = [];
  while (order.length < byName.length) {
    let next = ready.pop();
    if (next === undefined) {
      while (!waitingOn.has(byName[smallestRemaining]!)) smallestRemaining++;
      next = byName[smallestRemaining]!;
    }
    order.push(next);
    waitingOn.delete(next);
    for (const dependent of dependents.get(next) ?? []) {
      const references = waitingOn.get(dependent);
      if (references?.delete(next) && references.size === 0) ready.push(dependent);
    }
  }
  return order;
}
