// Creation order for tables: foreign-key dependency order, ties broken by qualified name.
// A foreign key whose target is not created yet (a self-reference or a reference cycle) is added afterwards with ALTER TABLE.
import { compareNames } from '../../src/spec/normalize.js';

export interface OrderNode {
  /** Unique key, `schema.table`. */
  key: string;
  /** Keys of the tables this one references (may include itself or unknown keys, which are ignored). */
  references: string[];
}

/**
 * Kahn's algorithm, always taking the smallest ready key. When a cycle leaves nothing ready,
 * the smallest remaining key is created first and its references to later tables become deferred foreign keys.
 */
export function creationOrder(nodes: readonly OrderNode[]): string[] {
  const known = new Set(nodes.map((node) => node.key));
  const pending = new Map<string, Set<string>>();
  for (const node of nodes) {
    pending.set(node.key, new Set(node.references.filter((ref) => known.has(ref) && ref !== node.key)));
  }
  const order: string[] = [];
  while (pending.size > 0) {
    const remaining = [...pending.keys()].sort(compareNames);
    const next = remaining.find((key) => (pending.get(key) as Set<string>).size === 0) ?? (remaining[0] as string);
    order.push(next);
    pending.delete(next);
    for (const deps of pending.values()) deps.delete(next);
  }
  return order;
}
