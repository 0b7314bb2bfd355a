// Reads the value a decision input cites from the normalized spec, by its dotted path (list items by name, pins by id).
import type { NormalizedSpec } from '../../src/spec/normalized.js';

export type SpecScalar = string | number | boolean;

function child(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) {
    return node.find((item: unknown) => {
      if (typeof item !== 'object' || item === null) return false;
      const named = item as { name?: unknown; id?: unknown };
      return named.name === segment || named.id === segment;
    });
  }
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
