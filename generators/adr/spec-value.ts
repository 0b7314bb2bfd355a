// Reads the value a decision input cites from the normalized spec, by its dotted path (list items by name, pins by id).
import type { NormalizedSpec } from '../../src/spec/normalized.js';
import { oncePerObject } from '../../src/model/once-per-object.js';

export type SpecScalar = string | number | boolean;

/** A list's items by name or pin id, the first item winning as a scan in list order would find it. */
const itemsByName = oncePerObject((list: readonly unknown[]): ReadonlyMap<string, unknown> => {
  const index = new Map<string, unknown>();
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { name, id } = item as { name?: unknown; id?: unknown };
    if (typeof name === 'string' && !index.has(name)) index.set(name, item);
    if (typeof id === 'string' && !index.has(id)) index.set(id, item);
  }
  return index;
});

/** The item whose `name` or `id` is the segment (indexed once per list: an ADR cites many inputs of a large spec). */
function itemNamed(list: readonly unknown[], segment: string): unknown {
  return itemsByName(list).get(segment);
}

function child(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) return itemNamed(node, segment);
  if (typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, segment)) {
    return (node as Record<string, unknown>)[segment];
  }
  return undefined;
}

function isScalar(value: unknown): value is SpecScalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The scalar, or list of scalars, at a dotted path; null when absent or structured (a mapping or a list of mappings). */
export function specValueAt(spec: NormalizedSpec, path: string): SpecScalar | SpecScalar[] | null {
  let node: unknown = spec;
  for (const segment of path.split('.')) {
    node = child(node, segment);
    if (node === undefined) return null;
  }
  if (isScalar(node)) return node;
  if (Array.isArray(node) && node.every(isScalar)) return node;
  return null;
}
